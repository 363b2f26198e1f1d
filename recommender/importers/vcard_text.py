"""Read vCard 2.1, 3.0 and 4.0 text into cards: unfolding, parameters, transfer encodings, charsets and escapes.

The file is read as bytes and each value is decoded on its own, because one file may mix charsets (a 2.1 card in
Shift_JIS next to a 4.0 card in UTF-8) and because Shift_JIS uses the byte of "\\" inside characters: unescaping
before decoding would break those names.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from recommender.importers.vcard_model import (
    BINARY,
    LISTS,
    STRUCTURED,
    Card,
    CardProblem,
    ParsedFile,
    Property,
    UnreadableFile,
)

_PROPERTY_START = re.compile(rb"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?[;:]")
_BEGIN = re.compile(rb"\s*BEGIN\s*:\s*VCARD\s*", re.IGNORECASE)
_END = re.compile(rb"\s*END\s*:\s*VCARD\s*", re.IGNORECASE)
_NAME = re.compile(r"(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)")
# vCard 2.1 writes parameters without a name ("TEL;WORK;VOICE"); these bare words are encodings, the rest types.
_BARE_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
# RFC 6868 caret escapes in parameter values: ^n newline, ^' double quote, ^^ caret.
_CARET = re.compile(r"\^([n'^])")
_CARET_VALUES = {"n": "\n", "'": '"', "^": "^"}
# Escapes of vCard 3.0 and 4.0 text; any other backslash is kept as written.
_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}
# vCard 2.1 escapes only these inside structured values (as Android's reference parser reads them).
_ESCAPES_21 = {"\\": "\\", ";": ";", ":": ":", ",": ","}
# Versions whose charset came from the transport (a mail's headers), lost once saved to a file: text that is not
# UTF-8 was written in the sender's 8-bit charset, in practice Windows-1252. vCard 4.0 is UTF-8 by definition.
_LEGACY_VERSIONS = frozenset({"2.1", "3.0"})


class _BadValue(Exception):
    """One property's value cannot be decoded: the whole card is skipped with this reason."""


@dataclass
class _RawProperty:
    line: int
    chunks: list[bytes]
    quoted_printable: bool
    base64: bool

    @property
    def data(self) -> bytes:
        return b"".join(self.chunks)


@dataclass
class _RawCard:
    line: int
    properties: list[_RawProperty] = field(default_factory=list)
    closed: bool = False


def _bytes_to_read(data: bytes) -> tuple[bytes, bool]:
    """The file as UTF-8-or-declared bytes, and whether it was re-encoded from UTF-16 (then CHARSET is moot)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :], False
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _from_utf16(data[len(bom) :], codec), True
    # Windows tools sometimes write UTF-16 without a byte order mark; "BEGIN" then has a zero byte per letter.
    head = data[:6].upper()
    if head == b"B\x00E\x00G\x00":
        return _from_utf16(data, "utf-16-le"), True
    if head == b"\x00B\x00E\x00G":
        return _from_utf16(data, "utf-16-be"), True
    return data, False


def _from_utf16(data: bytes, codec: str) -> bytes:
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(codec, "replace").count("\n") + 1
        raise UnreadableFile("not valid UTF-16 text", line=line) from None


def _is_encoded(first: bytes) -> tuple[bool, bool]:
    """Whether a property line announces quoted-printable or base64 (its parameters, before the value)."""
    header = first.split(b":", 1)[0].upper()
    if b"QUOTED-PRINTABLE" not in header and b"B" not in header.partition(b";")[2]:
        return False, False  # the common case, decided without splitting the parameters
    params = set(re.split(rb"[;=,]", header)[1:])
    return b"QUOTED-PRINTABLE" in params, bool(params & {b"BASE64", b"B"})


def _collect(data: bytes, parsed: ParsedFile) -> list[_RawCard]:
    """Group the physical lines into cards of logical property lines (unfolded, soft breaks joined)."""
    cards: list[_RawCard] = []
    card: _RawCard | None = None
    current: _RawProperty | None = None
    depth = 0
    for number, line in enumerate(data.splitlines(), start=1):
        if card is None:
            if _BEGIN.fullmatch(line):
                card = _RawCard(number)
                cards.append(card)
            continue
        if depth:  # an embedded card (vCard 2.1 AGENT): not a contact of its own
            depth += 1 if _BEGIN.fullmatch(line) else -1 if _END.fullmatch(line) else 0
            continue
        # A quoted-printable soft break ("=" at the end) joins the next line as it is (as Android reads 2.1).
        if current is not None and current.quoted_printable and current.chunks[-1].endswith(b"="):
            current.chunks[-1] = current.chunks[-1][:-1]
            current.chunks.append(line)
            continue
        if current is not None and line[:1] in (b" ", b"\t"):
            current.chunks.append(line[1:])
            continue
        starts_property = _PROPERTY_START.match(line) is not None
        if current is not None and line.strip() and not starts_property:
            if current.base64:  # vCard 2.1 base64 runs on unindented lines until a blank one
                current.chunks.append(line)
                continue
            if current.chunks[-1].endswith(b"\\"):  # vCard 2.1 values continued after a backslash
                current.chunks[-1] = current.chunks[-1][:-1] + b"\n"
                current.chunks.append(line)
                continue
        current = None
        if not line.strip():
            continue
        if _END.fullmatch(line):
            card.closed = True
            card = None
        elif _BEGIN.fullmatch(line):
            depth = 1
        elif starts_property:
            quoted_printable, is_base64 = _is_encoded(line)
            current = _RawProperty(number, [line], quoted_printable, is_base64)
            card.properties.append(current)
        else:
            parsed.notes.append(CardProblem(f"line {number}", "not a vCard property, ignored", number))
    return cards


def _split_unquoted(text: str, separator: str) -> list[str]:
    parts, start, quoted = [], 0, False
    for index, character in enumerate(text):
        if character == '"':
            quoted = not quoted
        elif character == separator and not quoted:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _header_end(data: bytes) -> int:
    """Where the parameters end: the first ':' outside double quotes (or the first at all, if quotes are odd)."""
    quoted = False
    for index, byte in enumerate(data):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return index
    return data.find(b":")


def _parse_header(header: str) -> tuple[str | None, str, dict[str, tuple[str, ...]]]:
    segments = _split_unquoted(header, ";")
    match = _NAME.fullmatch(segments[0].strip())
    if match is None:
        raise _BadValue(f"{segments[0].strip()!r} is not a property name")
    params: dict[str, list[str]] = {}
    for segment in segments[1:]:
        key, equals, value = segment.partition("=")
        key = key.strip().upper()
        if not key:
            continue
        if not equals:
            key, value = ("ENCODING", key) if key in _BARE_ENCODINGS else ("TYPE", key)
        value = _CARET.sub(lambda found: _CARET_VALUES[found.group(1)], value.replace('"', ""))
        params.setdefault(key, []).append(value)
    return match.group(1), match.group(2).upper(), {key: tuple(values) for key, values in params.items()}


def _decode_bytes(raw: bytes, name: str, params: dict[str, tuple[str, ...]], version: str, unicode_file: bool) -> str:
    encoding = params.get("ENCODING", ("",))[0].strip().upper()
    if encoding == "QUOTED-PRINTABLE":
        raw = binascii.a2b_qp(raw)
    elif encoding in ("BASE64", "B"):
        try:
            raw = base64.b64decode(b"".join(raw.split()), validate=True)
        except binascii.Error:
            raise _BadValue(f"{name} is not valid base64") from None
    declared = params.get("CHARSET", ("",))[0].strip()
    if declared and not unicode_file:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            raise _BadValue(f"{name} declares an unknown charset {declared!r}") from None
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            raise _BadValue(f"{name} is not valid {declared} text (as its CHARSET says)") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if version not in _LEGACY_VERSIONS:
            raise _BadValue(f"{name} is not UTF-8 text (vCard {version} must be UTF-8)") from None
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _unescape(text: str, escapes: dict[str, str]) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        character = text[index]
        if character == "\\" and index + 1 < len(text) and text[index + 1] in escapes:
            out.append(escapes[text[index + 1]])
            index += 2
            continue
        out.append(character)
        index += 1
    return "".join(out)


def _split_escaped(text: str, separator: str, escapes: dict[str, str]) -> list[str]:
    """Split at separators not preceded by an escaping backslash, then unescape each part."""
    parts, current, index = [], [], 0
    while index < len(text):
        character = text[index]
        if character == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if character == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(character)
        index += 1
    parts.append("".join(current))
    return [_unescape(part, escapes) for part in parts]


def _parts(name: str, text: str, version: str) -> tuple[str, ...]:
    escapes = _ESCAPES_21 if version == "2.1" else _ESCAPES
    if name in STRUCTURED:
        return tuple(_split_escaped(text, ";", escapes))
    if name in LISTS:
        return tuple(_split_escaped(text, ",", escapes))
    # vCard 2.1 has no escapes in plain text: "A;B\C" is a name as written.
    return (text,) if version == "2.1" else (_unescape(text, _ESCAPES),)


def _version_of(raw: _RawCard) -> str:
    for prop in raw.properties:
        data = prop.data
        if data[:8].upper() == b"VERSION:":
            return data[8:].decode("ascii", "replace").strip()
    return "2.1"  # Android and older phones leave VERSION out of 2.1 cards


def _decode_card(raw: _RawCard, unicode_file: bool) -> Card:
    version = _version_of(raw)
    properties: list[Property] = []
    for prop in raw.properties:
        data = prop.data
        end = _header_end(data)
        try:
            if end < 0:
                raise _BadValue("has no ':' between the property name and its value")
            group, name, params = _parse_header(data[:end].decode("utf-8", "replace"))
            if name in BINARY:
                properties.append(Property(name, (), params, group))
                continue
            text = _decode_bytes(data[end + 1 :], name, params, version, unicode_file)
        except _BadValue as error:
            raise _CardError(f"line {prop.line}: {error}", prop.line) from None
        properties.append(Property(name, _parts(name, text, version), params, group))
    return Card(f"line {raw.line}", tuple(properties), raw.line)


class _CardError(Exception):
    def __init__(self, reason: str, line: int):
        super().__init__(reason)
        self.reason = reason
        self.line = line


def _cards(raw_cards: list[_RawCard], unicode_file: bool, parsed: ParsedFile) -> Iterator[Card]:
    for raw in raw_cards:
        location = f"card at line {raw.line}"
        if not raw.closed:
            parsed.problems.append(
                CardProblem(location, "the card has no END:VCARD (the file looks cut off)", raw.line)
            )
            continue
        try:
            yield _decode_card(raw, unicode_file)
        except _CardError as error:
            parsed.problems.append(CardProblem(location, error.reason, error.line))


def parse_vcard_text(data: bytes) -> ParsedFile:
    """All cards of a vCard file; raises UnreadableFile when it holds no card at all."""
    data, unicode_file = _bytes_to_read(data)
    parsed = ParsedFile()
    raw_cards = _collect(data, parsed)
    if not raw_cards:
        if b"\x00" in data:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise UnreadableFile("binary data, not a contacts file", line=line)
        raise UnreadableFile("not a vCard file (no BEGIN:VCARD line)", line=1)
    parsed.cards.extend(_cards(raw_cards, unicode_file, parsed))
    return parsed
