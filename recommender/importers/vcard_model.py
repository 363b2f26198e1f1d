"""What the three contact formats (vCard text, jCard, xCard) parse into: cards of properties, and unreadable cards.

Each parser decodes charsets, transfer encodings and escapes itself, so the code that turns cards into people and
vendors sees one shape whatever the file was: a property's value is a tuple of plain-text parts (the components
of N, ADR and ORG; the items of CATEGORIES and NICKNAME; a single part for everything else).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Properties whose value is a list of components separated by ';' (RFC 6350 section 6).
STRUCTURED = frozenset({"N", "ADR", "ORG", "GENDER", "GEO"})
# Properties whose value is a list of items separated by ','.
LISTS = frozenset({"CATEGORIES", "NICKNAME"})
# Binary payloads we never store; they are recognised so that their (possibly huge) data is not decoded.
BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})


@dataclass(frozen=True, slots=True)
class Property:
    """One line of a card, decoded: ``item1.TEL;TYPE=cell:+1 555`` -> group "item1", name "TEL"."""

    name: str
    parts: tuple[str, ...]
    # Parameter names upper-cased; values as written (TYPE values are compared case-insensitively).
    params: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    group: str | None = None

    @property
    def text(self) -> str:
        """The value as one string: structured parts joined back with ';' (what a person would read)."""
        return ";".join(self.parts) if self.name in STRUCTURED else ", ".join(self.parts)

    @property
    def types(self) -> frozenset[str]:
        """TYPE values, lower-cased ("TYPE=WORK,VOICE" and "TYPE=work;TYPE=voice" alike)."""
        return frozenset(
            item.strip().casefold() for value in self.params.get("TYPE", ()) for item in value.split(",") if item
        )

    @property
    def preference(self) -> int:
        """Smaller is preferred: PREF=1 (4.0), TYPE=PREF (2.1/3.0), then everything else."""
        for value in self.params.get("PREF", ()):
            if value.strip().isdigit():
                return int(value.strip())
        return 1 if "pref" in self.types else 101


@dataclass(frozen=True, slots=True)
class Card:
    """One contact as read from the file, with where it started (e.g. "line 12" or "card 3")."""

    location: str
    properties: tuple[Property, ...]
    line: int | None = None

    def all(self, name: str) -> list[Property]:
        return [prop for prop in self.properties if prop.name == name]

    def first(self, name: str) -> Property | None:
        for prop in self.properties:
            if prop.name == name:
                return prop
        return None

    def label_of(self, prop: Property) -> str | None:
        """The Apple/Gmail label of a grouped property (``item1.X-ABLabel:GRAND_CENTRAL``), if any."""
        if prop.group is None:
            return None
        for other in self.properties:
            if other.group == prop.group and other.name == "X-ABLABEL":
                return other.text
        return None


@dataclass(frozen=True, slots=True)
class CardProblem:
    """A card (or a line of one) that could not be read; the rest of the file still imports."""

    location: str
    reason: str
    line: int | None = None


@dataclass
class ParsedFile:
    """Everything read from one file: the cards, the cards that could not be read, and lines that were ignored."""

    cards: list[Card] = field(default_factory=list)
    problems: list[CardProblem] = field(default_factory=list)
    notes: list[CardProblem] = field(default_factory=list)


class UnreadableFile(Exception):
    """The file as a whole is not contacts in any format we read; carries the line to point at."""

    def __init__(self, message: str, *, line: int | None = None, location: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.location = location
