"""The word lists behind the demo neighbourhood (names, streets, review sentences), read from resources/demo."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TypeVar

ANY_SCOPE = "*"
# Letters NFKD cannot split into an ASCII base and an accent, for e-mail addresses and web domains.
_ASCII_FALLBACKS = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Æ": "Ae", "æ": "ae"})


@dataclass(frozen=True)
class ScopedLine:
    """A line that applies to some vendors: every vendor ("*"), a taxonomy group, or one category key."""

    scope: str
    text: str


@dataclass(frozen=True)
class StarLine:
    """A review sentence or tag that fits ratings ``low``..``high`` of vendors in ``scope``."""

    low: int
    high: int
    scope: str
    text: str


_Line = TypeVar("_Line", ScopedLine, StarLine)


@dataclass(frozen=True)
class CategoryProfile:
    """How common a category's vendors are, and whether they work from a public address."""

    weight: float
    has_address: bool


@dataclass(frozen=True)
class DemoWords:
    """Every word list, loaded once; the order of each list is the file's order, which keeps output stable."""

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    neighbourhoods: tuple[str, ...]
    street_names: tuple[str, ...]
    street_types: tuple[str, ...]
    email_domains: tuple[str, ...]
    vendor_names: tuple[ScopedLine, ...]
    opening_hours: tuple[ScopedLine, ...]
    vendor_notes: tuple[ScopedLine, ...]
    review_texts: tuple[StarLine, ...]
    review_tags: tuple[StarLine, ...]
    categories: dict[str, CategoryProfile]


def _lines(name: str) -> list[str]:
    """The entries of one word list: stripped lines without blanks and ``#`` comments."""
    text = (files("resources") / "demo" / name).read_text(encoding="utf-8")
    entries = [line.strip() for line in text.splitlines()]
    return [entry for entry in entries if entry and not entry.startswith("#")]


def _fields(name: str, count: int) -> list[list[str]]:
    rows = [[part.strip() for part in line.split("|", count - 1)] for line in _lines(name)]
    for row in rows:
        if len(row) != count:
            raise ValueError(f"resources/demo/{name}: expected {count} fields separated by '|' in {row!r}")
    return rows


def _scoped(name: str) -> tuple[ScopedLine, ...]:
    return tuple(ScopedLine(scope, text) for scope, text in _fields(name, 2))


def _starred(name: str) -> tuple[StarLine, ...]:
    lines = []
    for stars, scope, text in _fields(name, 3):
        low, _, high = stars.partition("-")
        lines.append(StarLine(int(low), int(high or low), scope, text))
    return tuple(lines)


def _categories() -> dict[str, CategoryProfile]:
    profiles = {}
    for key, weight, kind in _fields("categories.txt", 3):
        if kind not in {"address", "mobile"}:
            raise ValueError(f"resources/demo/categories.txt: kind of {key!r} must be 'address' or 'mobile'")
        profiles[key] = CategoryProfile(float(weight), kind == "address")
    return profiles


@cache
def load_words() -> DemoWords:
    """All demo word lists (cached: they are package data and never change while the app runs)."""
    return DemoWords(
        first_names=tuple(_lines("first_names.txt")),
        last_names=tuple(_lines("last_names.txt")),
        neighbourhoods=tuple(_lines("neighbourhoods.txt")),
        street_names=tuple(_lines("street_names.txt")),
        street_types=tuple(_lines("street_types.txt")),
        email_domains=tuple(_lines("email_domains.txt")),
        vendor_names=_scoped("vendor_names.txt"),
        opening_hours=_scoped("opening_hours.txt"),
        vendor_notes=_scoped("vendor_notes.txt"),
        review_texts=_starred("review_texts.txt"),
        review_tags=_starred("review_tags.txt"),
        categories=_categories(),
    )


def most_specific(lines: Sequence[_Line], key: str, group: str) -> list[_Line]:
    """The lines of a category if it has any, else those of its group, else the generic ones."""
    for scope in (key, group, ANY_SCOPE):
        found = [line for line in lines if line.scope == scope]
        if found:
            return found
    return []


def all_matching(lines: Sequence[_Line], key: str, group: str) -> list[_Line]:
    """Every line that fits a category: its own, its group's and the generic ones."""
    return [line for line in lines if line.scope in (key, group, ANY_SCOPE)]


def ascii_slug(text: str, separator: str = "-") -> str:
    """``text`` as lowercase ASCII words joined by ``separator``: "Zoë O'Brien" -> "zoe-obrien"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_FALLBACKS))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower().replace("'", "").replace("&", " ")
    words = "".join(char if char.isalnum() else " " for char in ascii_text).split()
    return separator.join(words)
