"""Opening an OpenStreetMap file: which format it really is (by its bytes, not its name), unpacked as it is read.

gzip and bzip2 are unpacked with the standard library while reading, so a large extract is never held unpacked.
Reading counts the bytes taken from disk, which is what progress is reported in, and turns every way a
compressed file can be damaged into one ``ImportFailed`` that names the file and the byte offset.
"""

from __future__ import annotations

import bz2
import enum
import gzip
import io
import zlib
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from recommender.importers.report import ImportFailed

_GZIP_MAGIC = b"\x1f\x8b"
_BZIP2_MAGIC = b"BZh"
# A PBF file starts with a 4-byte length and a BlobHeader whose first field is the string "OSMHeader".
_PBF_MARKER = b"OSMHeader"
CHUNK_SIZE = 1 << 20
_UTF16_MARKS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class OsmFormat(enum.Enum):
    XML = "OSM XML"
    PBF = "OSM PBF"
    OVERPASS_JSON = "Overpass JSON"


class Compression(enum.Enum):
    NONE = ""
    GZIP = "gzip"
    BZIP2 = "bzip2"


class _CountingReader(io.RawIOBase):
    """The file on disk, counting the bytes read from it (the decompressors read ahead in blocks)."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        self.position += count or 0
        return int(count or 0)


class OsmStream:
    """The unpacked bytes of an OSM file, read in chunks; damage in the packing becomes ``ImportFailed``."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.size = path.stat().st_size
            self._file: BinaryIO = path.open("rb")
        except FileNotFoundError:
            raise ImportFailed(path, "file not found") from None
        except IsADirectoryError:
            raise ImportFailed(path, "is a folder, not a file") from None
        except OSError as error:
            raise ImportFailed(path, f"cannot read the file ({error.strerror})") from None
        self._counter = _CountingReader(self._file)
        raw = io.BufferedReader(self._counter, CHUNK_SIZE)
        self.compression = Compression.NONE
        self._stream: io.BufferedIOBase = raw
        try:
            magic = raw.peek(4)[:4]
            if magic.startswith(_GZIP_MAGIC):
                self.compression = Compression.GZIP
                self._stream = gzip.GzipFile(fileobj=raw, mode="rb")
            elif magic.startswith(_BZIP2_MAGIC):
                self.compression = Compression.BZIP2
                self._stream = bz2.BZ2File(raw, mode="rb")
            self._head = self.read(64)
        except BaseException:
            self.close()
            raise

    @property
    def position(self) -> int:
        """Bytes read from the file on disk so far (compressed bytes for a packed file)."""
        return self._counter.position

    def sniff(self) -> OsmFormat | None:
        """The format the first bytes announce, or None when they announce no OSM format."""
        head = self._head
        if _PBF_MARKER in head[:24]:
            return OsmFormat.PBF
        for mark, codec in _UTF16_MARKS:
            if head.startswith(mark):
                # Windows editors save "Unicode" text as UTF-16; expat reads it, so only the sniffing decodes.
                head = head[len(mark) :].decode(codec, errors="ignore").encode()
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if text.startswith(b"<"):
            return OsmFormat.XML
        if text.startswith((b"{", b"[")):
            return OsmFormat.OVERPASS_JSON
        return None

    def read(self, size: int = CHUNK_SIZE) -> bytes:
        """The next unpacked bytes (the sniffed head first); empty at the end of the file."""
        head = getattr(self, "_head", b"")
        if head:
            self._head = b""
            return head
        try:
            return self._stream.read(size)
        except EOFError:
            packing = self.compression.value
            raise ImportFailed(
                self.path,
                f"the {packing} data ends early: the file is cut short (it has {self.size} bytes)",
                location=f"byte {self.size}",
            ) from None
        except (OSError, zlib.error, ValueError) as error:
            packing = self.compression.value or "file"
            raise ImportFailed(
                self.path, f"the {packing} data is damaged ({error})", location=f"byte {self.position}"
            ) from None

    def close(self) -> None:
        self._stream.close()
        self._file.close()

    def __enter__(self) -> OsmStream:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
