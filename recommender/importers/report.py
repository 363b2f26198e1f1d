"""What an import did, and why it failed when it did: results the CLI and the UI present in their own words."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

_SINGULAR = {"vendors": "vendor", "people": "person", "trust links": "trust link", "reviews": "review"}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record left out on purpose (not an error): where it was and why."""

    location: str
    reason: str


@dataclass
class ImportReport:
    """Counts per kind of record, and the records skipped with their reasons."""

    path: Path
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)

    def count_added(self, kind: str) -> None:
        self.added[kind] = self.added.get(kind, 0) + 1

    def count_updated(self, kind: str) -> None:
        self.updated[kind] = self.updated.get(kind, 0) + 1

    def summary(self) -> str:
        """One English line for the CLI, e.g. "added 12 vendors, 3 people; updated 1 vendor; skipped 2"."""

        def counts(numbers: dict[str, int]) -> str:
            return ", ".join(
                f"{count} {_SINGULAR.get(kind, kind) if count == 1 else kind}"
                for kind, count in numbers.items()
                if count
            )

        parts = []
        if self.added:
            parts.append(f"added {counts(self.added)}")
        if self.updated:
            parts.append(f"updated {counts(self.updated)}")
        if self.skipped:
            parts.append(f"skipped {len(self.skipped)}")
        return "; ".join(parts) or "nothing to import"


class ImportCancelled(Exception):
    """The user stopped an import; like a failure, nothing from the file was written."""


class ImportFailed(Exception):
    """The file cannot be imported; nothing from it was written.

    ``line`` is the 1-based line of the offending record when the format has lines that can be pointed at;
    ``location`` names the record otherwise (e.g. ``vendors[12]``).
    """

    def __init__(
        self,
        path: Path,
        message: str,
        *,
        line: int | None = None,
        location: str | None = None,
        field: str | None = None,
    ):
        self.path = path
        self.message = message
        self.line = line
        self.location = location
        self.field = field
        where = str(path)
        if line is not None:
            where += f", line {line}"
        if location is not None:
            where += f", {location}"
        super().__init__(f"{where}: {message}")


def read_utf8_text(path: Path, hint: str = "") -> str:
    """The file's text (a UTF-8 byte-order mark dropped), or ImportFailed naming the line that is not UTF-8.

    ``hint`` ends the message, e.g. "save the spreadsheet as CSV UTF-8"."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(path, "file not found") from None
    except OSError as error:
        raise ImportFailed(path, f"cannot read the file ({error.strerror})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFailed(path, f"not UTF-8 text ({hint})" if hint else "not UTF-8 text", line=line) from None
