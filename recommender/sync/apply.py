"""Merging a page of a group's changes into the local database: last writer wins, field by field.

Everything happens in the caller's one transaction, cursor included, so a crash leaves either the whole page
with its cursor or neither. Every received value goes to the change log; ``applied`` says whether it became the
field's value. A record whose fields have not all arrived yet (or that refers to one not yet here) is parked in
the change log and built as soon as the rest arrives.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, insert, literal, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.schema import ColumnDefault

from recommender.storage.changelog import Changes, SyncedRecord, decode_value, synced_fields
from recommender.storage.database import UnitOfWork
from recommender.storage.hlc import Stamp
from recommender.storage.models import (
    SYNCED_MODELS,
    Audience,
    ChangeLogEntry,
    FieldVersion,
    OutboxEntry,
    SyncCursor,
)
from recommender.sync.wire import check_change

logger = logging.getLogger(__name__)

# Records are created in this order so that what a record refers to exists first.
_CREATION_ORDER = ("people", "vendors", "trust", "reviews")
_REFERENCES: dict[str, dict[str, str]] = {
    "trust": {"truster_id": "people", "trustee_id": "people"},
    "reviews": {"vendor_id": "vendors", "author_id": "people", "recorded_by_id": "people"},
}
_CHUNK = 500

Key = tuple[str, uuid.UUID]


@dataclass
class ApplyResult:
    """What one page did to the local database."""

    received: int = 0
    applied: int = 0
    # Values that arrived already older than the field's present value (kept as history).
    superseded: int = 0
    # Changes this install already had (its own, echoed back, or received through another group).
    known: int = 0
    parked: int = 0
    invalid: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)


@dataclass(slots=True)
class _Row:
    entity: str
    record_id: uuid.UUID
    field: str
    value: Any
    stamp: str
    applied: bool = False


def apply_page(uow: UnitOfWork, group_id: uuid.UUID, rows: Sequence[Sequence[Any]], next_since: int) -> ApplyResult:
    """Merge one pulled page (``[seq, entity, record_id, field, value, stamp]`` rows) and store the cursor."""
    session = uow.session
    result = ApplyResult(received=len(rows))
    incoming = _valid_rows(rows, result)
    incoming = _drop_known(uow, incoming, result)
    if incoming:
        uow.recorder.observe(max(Stamp.decode(row.stamp) for row in incoming))
    records = {(row.entity, row.record_id) for row in incoming}
    versions = _field_versions(uow, records)
    existing = _existing_records(uow, records)
    parked = _parked_rows(uow, records - existing)
    touched: dict[str, set[uuid.UUID]] = {}
    winners: dict[tuple[str, uuid.UUID, str], _Row] = {}
    for row in incoming:
        key = (row.entity, row.record_id, row.field)
        best = winners.get(key)
        current = versions.get(key)
        if (best is None or row.stamp > best.stamp) and (current is None or row.stamp > current):
            winners[key] = row
    # Records already here take their winning fields; new ones are created once complete.
    updates: dict[Key, dict[str, Any]] = {}
    for (entity, record_id, name), row in winners.items():
        if (entity, record_id) in existing:
            row.applied = True
            updates.setdefault((entity, record_id), {})[name] = row.value
    created, newly_applied = _create_complete(uow, winners, parked, existing)
    for entity, record_id in list(updates) + created:
        touched.setdefault(entity, set()).add(record_id)
    before = session.scalar(select(ChangeLogEntry.seq).order_by(ChangeLogEntry.seq.desc()).limit(1)) or 0
    if incoming:
        # Core executemany on the session's connection: the ORM's bulk path costs several times more per row.
        session.connection().execute(
            insert(ChangeLogEntry),
            [
                {
                    "entity": row.entity,
                    "record_id": row.record_id,
                    "field": row.field,
                    "value": row.value,
                    "stamp": row.stamp,
                    "origin": str(group_id),
                    "applied": row.applied,
                }
                for row in incoming
            ],
        )
    if newly_applied:
        for start in range(0, len(newly_applied), _CHUNK):
            chunk = newly_applied[start : start + _CHUNK]
            session.execute(update(ChangeLogEntry).where(ChangeLogEntry.seq.in_(chunk)).values(applied=True))
    _update_records(uow, updates)
    _store_versions(uow, winners, parked, created)
    _add_audience(uow, group_id, records)
    _forward(uow, group_id, before)
    session.merge(SyncCursor(group_id=group_id, pulled_seq=next_since))
    built = existing | set(created)
    result.applied = sum(row.applied for row in incoming) + len(newly_applied)
    result.superseded = sum(1 for row in incoming if not row.applied and (row.entity, row.record_id) in built)
    result.parked = sum(1 for row in incoming if (row.entity, row.record_id) not in built)
    result.changes = Changes(**{entity: frozenset(ids) for entity, ids in touched.items()})
    return result


def _valid_rows(rows: Sequence[Sequence[Any]], result: ApplyResult) -> list[_Row]:
    valid = []
    for row in rows:
        try:
            seq, entity, record_text, name, value, stamp = row
            record_id = uuid.UUID(record_text)
        except (TypeError, ValueError):
            result.invalid.append(f"malformed change {str(row)[:80]}")
            continue
        reason = check_change(entity, name, value, stamp)
        if reason is not None:
            # Skipped, not fatal: one bad value must not stop the group's other changes from arriving.
            result.invalid.append(f"change {seq}: {reason}")
            continue
        valid.append(_Row(entity, record_id, name, value, stamp))
    if result.invalid:
        logger.warning("skipped %d invalid change(s) from the server: %s", len(result.invalid), result.invalid[0])
    return valid


def _chunks(keys: Sequence[Key]) -> list[tuple[str, list[uuid.UUID]]]:
    by_entity: dict[str, list[uuid.UUID]] = {}
    for entity, record_id in keys:
        by_entity.setdefault(entity, []).append(record_id)
    return [
        (entity, ids[start : start + _CHUNK])
        for entity, ids in by_entity.items()
        for start in range(0, len(ids), _CHUNK)
    ]


def _drop_known(uow: UnitOfWork, rows: list[_Row], result: ApplyResult) -> list[_Row]:
    """Rows whose exact change (record, field, stamp) is already in the log are not stored twice."""
    known: set[tuple[str, uuid.UUID, str, str]] = set()
    for entity, ids in _chunks(sorted({(r.entity, r.record_id) for r in rows})):
        found = uow.session.execute(
            select(ChangeLogEntry.record_id, ChangeLogEntry.field, ChangeLogEntry.stamp).where(
                ChangeLogEntry.entity == entity, ChangeLogEntry.record_id.in_(ids)
            )
        )
        known.update((entity, record_id, name, stamp) for record_id, name, stamp in found)
    fresh = []
    for row in rows:
        identity = (row.entity, row.record_id, row.field, row.stamp)
        if identity in known:
            result.known += 1
        else:
            known.add(identity)
            fresh.append(row)
    return fresh


def _field_versions(uow: UnitOfWork, records: set[Key]) -> dict[tuple[str, uuid.UUID, str], str]:
    versions = {}
    for entity, ids in _chunks(sorted(records)):
        found = uow.session.execute(
            select(FieldVersion.record_id, FieldVersion.field, FieldVersion.stamp).where(
                FieldVersion.entity == entity, FieldVersion.record_id.in_(ids)
            )
        )
        versions.update({(entity, record_id, name): stamp for record_id, name, stamp in found})
    return versions


def _existing_records(uow: UnitOfWork, records: set[Key]) -> set[Key]:
    found: set[Key] = set()
    for entity, ids in _chunks(sorted(records)):
        model = SYNCED_MODELS[entity]
        found.update(
            (entity, record_id) for record_id in uow.session.scalars(select(model.id).where(model.id.in_(ids)))
        )
    return found


def _parked_rows(uow: UnitOfWork, new_records: set[Key]) -> dict[Key, dict[str, tuple[int, Any, str]]]:
    """Fields received earlier for records not built yet: these and any other parked record, best per field."""
    session = uow.session
    others = session.execute(
        select(ChangeLogEntry.entity, ChangeLogEntry.record_id)
        .where(
            ChangeLogEntry.applied.is_(False),
            ChangeLogEntry.origin != "local",
            ~select(literal(1))
            .where(
                and_(FieldVersion.entity == ChangeLogEntry.entity, FieldVersion.record_id == ChangeLogEntry.record_id)
            )
            .exists(),
        )
        .distinct()
    )
    candidates = set(new_records) | {key for key in others if key[0] in SYNCED_MODELS}
    parked: dict[Key, dict[str, tuple[int, Any, str]]] = {}
    for entity, ids in _chunks(sorted(candidates)):
        found = session.execute(
            select(
                ChangeLogEntry.record_id,
                ChangeLogEntry.field,
                ChangeLogEntry.seq,
                ChangeLogEntry.value,
                ChangeLogEntry.stamp,
            ).where(ChangeLogEntry.entity == entity, ChangeLogEntry.record_id.in_(ids))
        )
        for record_id, name, seq, value, stamp in found:
            fields = parked.setdefault((entity, record_id), {})
            if name not in fields or stamp > fields[name][2]:
                fields[name] = (seq, value, stamp)
    # Records already built are not parked, whatever their log holds.
    existing = _existing_records(uow, set(parked))
    return {key: value for key, value in parked.items() if key not in existing}


def _create_complete(
    uow: UnitOfWork,
    winners: dict[tuple[str, uuid.UUID, str], _Row],
    parked: dict[Key, dict[str, tuple[int, Any, str]]],
    existing: set[Key],
) -> tuple[list[Key], list[int]]:
    """Create every new record whose fields are all known and whose references exist.

    Returns the records created and the seqs of earlier (parked) log rows that now hold a field's value.
    """
    # Per new record and field: the best (stamp, value, parked seq or None) from the parked log and this page.
    best: dict[Key, dict[str, tuple[str, Any, int | None]]] = {
        key: {name: (stamp, value, seq) for name, (seq, value, stamp) in fields.items()}
        for key, fields in parked.items()
    }
    for (entity, record_id, name), row in winners.items():
        if (entity, record_id) in existing:
            continue
        fields = best.setdefault((entity, record_id), {})
        if name not in fields or row.stamp > fields[name][0]:
            fields[name] = (row.stamp, row.value, None)
    created: list[Key] = []
    available: dict[str, set[uuid.UUID]] = {entity: set() for entity in SYNCED_MODELS}
    for entity in _CREATION_ORDER:
        model = SYNCED_MODELS[entity]
        batch = []
        for (kind, record_id), fields in best.items():
            if kind != entity:
                continue
            complete = _complete(model, {name: value for name, (_, value, _) in fields.items()})
            if complete is None or not _references_exist(uow, entity, complete, available):
                continue
            batch.append({"id": record_id} | {n: decode_value(model, n, v) for n, v in complete.items()})
            available[entity].add(record_id)
            created.append((entity, record_id))
        if batch:
            uow.session.connection().execute(insert(model), batch)
    newly_applied: list[int] = []
    for key in created:
        for name, (_stamp, _, seq) in best[key].items():
            if seq is not None:
                newly_applied.append(seq)
            else:
                winners[(key[0], key[1], name)].applied = True
    return created, newly_applied


def _complete(model: type[SyncedRecord], fields: dict[str, Any]) -> dict[str, Any] | None:
    """All synced fields of a new record (defaults where a field was never sent), or None if one is missing."""
    complete = {}
    for name in synced_fields(model):
        if name in fields:
            complete[name] = fields[name]
            continue
        column = model.__mapper__.columns[name]
        default = column.default
        if isinstance(default, ColumnDefault):
            complete[name] = default.arg(None) if default.is_callable else default.arg
        elif column.nullable:
            complete[name] = None
        else:
            return None
    return complete


def _references_exist(
    uow: UnitOfWork, entity: str, fields: dict[str, Any], available: dict[str, set[uuid.UUID]]
) -> bool:
    for name, target in _REFERENCES.get(entity, {}).items():
        target_id = uuid.UUID(fields[name])
        if target_id in available[target]:
            continue
        if uow.session.get(SYNCED_MODELS[target], target_id) is None:
            return False
        available[target].add(target_id)
    return True


def _update_records(uow: UnitOfWork, updates: dict[Key, dict[str, Any]]) -> None:
    for (entity, record_id), fields in updates.items():
        model = SYNCED_MODELS[entity]
        values = {name: decode_value(model, name, value) for name, value in fields.items()}
        uow.session.execute(update(model).where(model.id == record_id).values(**values))


def _store_versions(
    uow: UnitOfWork,
    winners: dict[tuple[str, uuid.UUID, str], _Row],
    parked: dict[Key, dict[str, tuple[int, Any, str]]],
    created: list[Key],
) -> None:
    stamps: dict[tuple[str, uuid.UUID, str], str] = {}
    created_set = set(created)
    for record, fields in parked.items():
        if record in created_set:
            stamps.update({(record[0], record[1], name): stamp for name, (_, _, stamp) in fields.items()})
    for field_key, row in winners.items():
        if row.applied and (field_key not in stamps or row.stamp > stamps[field_key]):
            stamps[field_key] = row.stamp
    if not stamps:
        return
    upsert = sqlite_insert(FieldVersion)
    uow.session.connection().execute(
        upsert.on_conflict_do_update(
            index_elements=["entity", "record_id", "field"], set_={"stamp": upsert.excluded.stamp}
        ),
        [{"entity": e, "record_id": r, "field": f, "stamp": s} for (e, r, f), s in stamps.items()],
    )


def _add_audience(uow: UnitOfWork, group_id: uuid.UUID, records: set[Key]) -> None:
    """A record received from a group belongs to it: local edits to it are sent back there."""
    if not records:
        return
    statement = sqlite_insert(Audience).on_conflict_do_nothing()
    uow.session.connection().execute(
        statement, [{"entity": entity, "record_id": record_id, "group_id": group_id} for entity, record_id in records]
    )


def _forward(uow: UnitOfWork, group_id: uuid.UUID, after_seq: int) -> None:
    """Vendors shared with other groups too get this group's news: queue what was applied for those groups.

    Only vendors: they are everyone's to edit, while another member's review or trust may be written to a
    group only by its owner.
    """
    applied = (
        select(ChangeLogEntry.seq, Audience.group_id)
        .join(
            Audience,
            (Audience.entity == ChangeLogEntry.entity) & (Audience.record_id == ChangeLogEntry.record_id),
        )
        .where(
            ChangeLogEntry.seq > after_seq,
            ChangeLogEntry.applied.is_(True),
            ChangeLogEntry.entity == "vendors",
            Audience.group_id != group_id,
        )
    )
    uow.session.execute(
        sqlite_insert(OutboxEntry)
        .from_select([OutboxEntry.change_seq, OutboxEntry.group_id], applied)
        .on_conflict_do_nothing()
    )
