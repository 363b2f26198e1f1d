"""Read jCard (RFC 7095), the JSON form of vCard 4.0: ``["vcard", [[name, {params}, type, value, ...], ...]]``."""

from __future__ import annotations

import json
from typing import Any

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


class _BadCard(Exception):
    pass


def _text(value: Any) -> str:
    """One JSON value as text: lists (a component holding several values) are joined with commas."""
    if isinstance(value, list):
        return ",".join(_text(item) for item in value)
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    raise _BadCard(f"unexpected value {json.dumps(value)[:40]}")


def _params(raw: Any, position: int) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise _BadCard(f"property {position} has parameters that are not a JSON object")
    params: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        values = value if isinstance(value, list) else [value]
        params[str(key).upper()] = tuple(_text(item) for item in values)
    return params


def _property(raw: Any, position: int) -> Property:
    if not isinstance(raw, list) or len(raw) < 4 or not isinstance(raw[0], str):
        raise _BadCard(f"property {position} is not [name, parameters, type, value]")
    name = raw[0].upper()
    params = _params(raw[1], position)
    group = next(iter(params.pop("GROUP", ())), None) or None
    values = raw[3:]
    if name in BINARY:
        return Property(name, (), params, group)
    if name in STRUCTURED and len(values) == 1 and isinstance(values[0], list):
        parts = tuple(_text(item) for item in values[0])
    elif name in LISTS:
        parts = tuple(_text(item) for item in values)
    else:
        parts = (",".join(_text(item) for item in values),)
    return Property(name, parts, params, group)


def _card(raw: Any, number: int) -> Card:
    if not (isinstance(raw, list) and len(raw) >= 2 and raw[0] == "vcard" and isinstance(raw[1], list)):
        raise _BadCard('not a jCard (expected ["vcard", [properties]])')
    properties = tuple(_property(item, position) for position, item in enumerate(raw[1], start=1))
    return Card(f"card {number}", properties)


def parse_jcard(text: str) -> ParsedFile:
    """Every card of a jCard file (one card, or a JSON array of cards); raises UnreadableFile if none."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"not valid JSON: {error.msg} at column {error.colno}", line=error.lineno) from None
    if isinstance(document, list) and document[:1] == ["vcard"]:
        raw_cards: list[Any] = [document]
    elif isinstance(document, list) and document and all(isinstance(item, list) for item in document):
        raw_cards = document
    else:
        raise UnreadableFile('not a jCard file (expected ["vcard", [...]] or a list of them)', line=1)
    parsed = ParsedFile()
    for number, raw in enumerate(raw_cards, start=1):
        try:
            parsed.cards.append(_card(raw, number))
        except _BadCard as error:
            parsed.problems.append(CardProblem(f"card {number}", str(error)))
    return parsed
