"""The unit that travels between devices and the server: one field of one record, with its clock stamp.

Client and server validate changes with the same rules, taken from the directory's own column definitions, so a
value the server accepts is one every client can store (right type, length and range).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer, String, Text, Uuid

from recommender.storage.changelog import synced_fields
from recommender.storage.limits import LONG_TEXT_CHARS, MAX_RECORD_BYTES, encoded_size
from recommender.storage.models import SYNCED_MODELS

ENTITIES = tuple(SYNCED_MODELS)
# Longest accepted field and entity names on the wire (the models' are far shorter).
NAME_PATTERN = re.compile(r"[a-z_]{1,64}")
# Value ranges the database enforces with CHECK constraints: rejected up front so no client ever fails to store.
_RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("reviews", "rating"): (1, 5),
    ("trust", "level"): (-1.0, 1.0),
    ("vendors", "lat"): (-90.0, 90.0),
    ("vendors", "lon"): (-180.0, 180.0),
    ("vendors", "service_radius_km"): (0.0, 40_075.0),
}
_MAX_TAGS = 50
_MAX_TAG_LENGTH = 100


@dataclass(frozen=True, slots=True)
class WireChange:
    """One field change as sent and received: ``value`` is already encoded for JSON."""

    entity: str
    record_id: uuid.UUID
    field: str
    value: Any
    stamp: str

    def to_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "record_id": str(self.record_id),
            "field": self.field,
            "value": self.value,
            "stamp": self.stamp,
        }


# The encoded stamp form of recommender.storage.hlc, checked without building a Stamp (pulls check 100k+ rows).
_STAMP_RE = re.compile(r"\d{15}-\d{6}-[0-9a-z]{1,32}")

ValueCheck = Callable[[Any], str | None]


def check_change(entity: str, field: str, value: Any, stamp: str) -> str | None:
    """Why a change cannot be accepted, or None when it is valid."""
    return stamp_problem(stamp) or value_problem(entity, field, value)


def edit_size_problems(changes: Sequence[WireChange | Any]) -> list[tuple[int, str]]:
    """The positions of changes whose edit (one record's fields at one stamp) is larger than MAX_RECORD_BYTES."""
    sizes: dict[tuple[str, Any, str], int] = {}
    for change in changes:
        key = (change.entity, change.record_id, change.stamp)
        value = change.value
        # Text, the only large kind of value, counted without encoding it: a push checks every field.
        size = len(value.encode("utf-8", "surrogatepass")) + 2 if isinstance(value, str) else encoded_size([value])
        sizes[key] = sizes.get(key, 0) + size
    too_big = {key for key, size in sizes.items() if size > MAX_RECORD_BYTES}
    return [
        (index, f"{change.entity} {change.record_id}: the record is larger than {MAX_RECORD_BYTES:,} bytes in all")
        for index, change in enumerate(changes)
        if (change.entity, change.record_id, change.stamp) in too_big
    ]


def stamp_problem(stamp: Any) -> str | None:
    """Why ``stamp`` is not an encoded clock stamp, or None."""
    if not isinstance(stamp, str) or _STAMP_RE.fullmatch(stamp) is None:
        return f"not a clock stamp: {stamp!r}"[:120]
    return None


def value_problem(entity: str, field: str, value: Any) -> str | None:
    """Why ``value`` cannot be the value of ``entity.field``, or None."""
    check = field_checks(entity).get(field) if entity in SYNCED_MODELS else None
    if check is None:
        if entity not in SYNCED_MODELS:
            return f"unknown entity {entity!r} (expected one of {', '.join(ENTITIES)})"[:120]
        return f"unknown field {field!r} of {entity}"[:120]
    return check(value)


@cache
def field_checks(entity: str) -> dict[str, ValueCheck]:
    """One value check per synced field of ``entity``, built once from the column definitions.

    Each check is specialised to its column's type when it is built: a pull checks every field of every record,
    so the per-value work is one or two tests, not a walk through the possible types.
    """
    model = SYNCED_MODELS[entity]
    return {name: _field_check(entity, name, model.__mapper__.columns[name]) for name in synced_fields(model)}


def _field_check(entity: str, field: str, column: Any) -> ValueCheck:
    empty = None if column.nullable else f"{entity}.{field} cannot be empty"
    check_type = _type_check(entity, field, column.type)

    def check(value: Any) -> str | None:
        if value is None:
            return empty
        return check_type(value)

    return check


def _type_check(entity: str, field: str, column_type: Any) -> ValueCheck:
    where = f"{entity}.{field}"
    if isinstance(column_type, Boolean):
        return lambda value: None if isinstance(value, bool) else f"{where} must be true or false"
    if isinstance(column_type, Integer | Float):
        return _number_check(where, _RANGES.get((entity, field), (-1e15, 1e15)), whole=isinstance(column_type, Integer))
    if isinstance(column_type, Uuid):
        return lambda value: None if _parses(uuid.UUID, value) else f"{where} must be a UUID"
    if isinstance(column_type, Date):
        return lambda value: None if _parses(dt.date.fromisoformat, value) else f"{where} must be a date (YYYY-MM-DD)"
    if isinstance(column_type, String | Text):
        # Free text (Text, no length of its own) has the documented long-text limit.
        return _text_check(where, getattr(column_type, "length", None) or LONG_TEXT_CHARS)
    if isinstance(column_type, JSON):
        return _tags_check(where)
    return lambda _value: f"{where} has a type sync does not know"


def _number_check(where: str, bounds: tuple[float, float], *, whole: bool) -> ValueCheck:
    low, high = bounds

    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{where} must be a number"
        if whole and not float(value).is_integer():
            return f"{where} must be a whole number"
        return None if low <= value <= high else f"{where} must be between {low:g} and {high:g}"

    return check


def _text_check(where: str, limit: int) -> ValueCheck:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"{where} must be text"
        if len(value) > limit:
            return f"{where} is longer than {limit} characters"
        return None if storable_text(value) else f"{where} holds characters no database can store"

    return check


def _tags_check(where: str) -> ValueCheck:
    # The only JSON field is a review's tags: a short list of short texts.
    def check(value: Any) -> str | None:
        if not isinstance(value, list) or len(value) > _MAX_TAGS:
            return f"{where} must be a list of at most {_MAX_TAGS} texts"
        if not all(isinstance(tag, str) and len(tag) <= _MAX_TAG_LENGTH and storable_text(tag) for tag in value):
            return f"{where} must hold texts of at most {_MAX_TAG_LENGTH} characters"
        return None

    return check


def _parses(parse: Any, value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parse(value)
    except ValueError:
        return False
    return True


def storable_text(text: str) -> bool:
    """Whether every database can store the text: no NUL character, no unpaired UTF-16 surrogate."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
