"""Whole-record rows: one change_log row and one field_versions row for a record that arrived in one edit.

An initial pull brings thousands of records, each created by one edit that set every field at one stamp. Logged
field by field that is 16 log rows and 16 version rows per vendor, and writing them cost more than everything
else in the pull. Such a record is instead logged once:

- ``change_log``: ``field`` is :data:`WHOLE`, ``value`` is a JSON object of every synced field's wire value, and
  ``applied`` is true (the row is written only when the record was created from it).
- ``field_versions``: ``field`` is :data:`WHOLE` and ``stamp`` is the stamp of every synced field that has no row
  of its own. A later edit that wins a field writes that field's own row, which is always newer; readers still
  take the newer of the two, so nothing depends on that.

Everything that reads these tables goes through the helpers here, which turn whole-record rows back into the
per-field view the rest of the program reasons in. Local edits are always logged field by field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from recommender.storage.changelog import synced_fields
from recommender.storage.models import SYNCED_MODELS

WHOLE = "*"


def logged_fields(field: str, value: Any) -> list[tuple[str, Any]]:
    """The (field, value) pairs one change_log row holds; ``value`` as the JSON column returns it (decoded).

    A malformed whole row (edited by hand) comes back as it is, one pair, so no reader stops at it: the outbox
    sends it and the wire check refuses "*" as an unknown field (the row is dropped and reported), the history
    shows it under :data:`WHOLE`, and a pull never takes it for a field it knows.
    """
    if field == WHOLE and isinstance(value, Mapping):
        return list(value.items())
    return [(field, value)]


def field_stamps(entity: str, versions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Every field's current stamp from one record's field_versions rows ``(field, stamp)``, whole rows expanded."""
    own: dict[str, str] = {}
    whole: str | None = None
    for name, stamp in versions:
        if name == WHOLE:
            whole = stamp if whole is None or stamp > whole else whole
        elif name not in own or stamp > own[name]:
            own[name] = stamp
    if whole is None:
        return own
    stamps = dict.fromkeys(entity_fields(entity), whole)
    for name, stamp in own.items():
        if stamp > stamps.get(name, ""):
            stamps[name] = stamp
    return stamps


def entity_fields(entity: str) -> tuple[str, ...]:
    """The synced fields of one kind of record, in the model's order."""
    return tuple(synced_fields(SYNCED_MODELS[entity]))


def versioned_fields(entity: str, field: str) -> tuple[str, ...]:
    """The fields one field_versions row gives a stamp to: every synced field for a whole row, else its own."""
    return entity_fields(entity) if field == WHOLE else (field,)
