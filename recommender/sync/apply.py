"""Merging a page of a group's changes into the local database: last writer wins, field by field.

Everything happens in the caller's one transaction, cursor included, so a crash leaves either the whole page
with its cursor or neither. Every received value goes to the change log; ``applied`` says whether it became the
field's value. A record whose fields have not all arrived yet (or that refers to one not yet here) is parked in
the change log and built as soon as the rest arrives.

An initial pull brings hundreds of thousands of field changes, so this module talks to SQLite through the
session's own DB-API connection (same transaction) with ``executemany``: per row, SQLAlchemy's parameter
processing would cost more than everything else together. Values are stored exactly as SQLAlchemy stores them
(ids as 32 hex digits, JSON as text, booleans as 0/1, dates as ISO text).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Date, Uuid
from sqlalchemy.sql.schema import ColumnDefault

from recommender.storage.changelog import Changes, SyncedRecord, synced_fields
from recommender.storage.database import UnitOfWork
from recommender.storage.hlc import Stamp
from recommender.storage.models import SYNCED_MODELS
from recommender.sync.wire import check_change

logger = logging.getLogger(__name__)

# Records are created in this order so that what a record refers to exists first.
_CREATION_ORDER = ("people", "vendors", "trust", "reviews")
_REFERENCES: dict[str, dict[str, str]] = {
    "trust": {"truster_id": "people", "trustee_id": "people"},
    "reviews": {"vendor_id": "vendors", "author_id": "people", "recorded_by_id": "people"},
}
# Present in local_meta while some received record waits for the rest of its fields or for what it refers to.
_PARKED_KEY = "sync_parked"
# Ids per IN (...) list: well under SQLite's limit on bound parameters.
_CHUNK = 900

# A record as (entity, id as 32 hex digits): the stored form, so no UUID objects are built per row.
Key = tuple[str, str]
FieldKey = tuple[str, str, str]


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
    record: str
    field: str
    value: Any
    stamp: str
    applied: bool = False


def apply_page(uow: UnitOfWork, group_id: uuid.UUID, rows: Sequence[Sequence[Any]], next_since: int) -> ApplyResult:
    """Merge one pulled page (``[seq, entity, record_id, field, value, stamp]`` rows) and store the cursor."""
    uow.session.flush()
    db = cast(sqlite3.Connection, uow.session.connection().connection.driver_connection)
    result = ApplyResult(received=len(rows))
    incoming = _drop_known(db, _valid_rows(rows, result), result)
    if incoming:
        # Encoded stamps sort in stamp order: one decode for the latest.
        uow.recorder.observe(Stamp.decode(max(row.stamp for row in incoming)))
    records = {(row.entity, row.record) for row in incoming}
    versions = _field_versions(db, records)
    existing = _existing_records(db, records)
    parked = _parked_rows(db, records - existing)
    winners: dict[FieldKey, _Row] = {}
    for row in incoming:
        key = (row.entity, row.record, row.field)
        best = winners.get(key)
        current = versions.get(key)
        if (best is None or row.stamp > best.stamp) and (current is None or row.stamp > current):
            winners[key] = row
    # Records already here take their winning fields; new ones are created once complete.
    updates: dict[Key, dict[str, Any]] = {}
    for (entity, record, name), row in winners.items():
        if (entity, record) in existing:
            row.applied = True
            updates.setdefault((entity, record), {})[name] = row.value
    created, newly_applied = _create_complete(db, winners, parked, existing)
    for entity, record in _update_records(db, updates):
        # The merged values would break one of the record's rules (e.g. a latitude without its longitude):
        # the record keeps its present values and the received ones stay in the log as history.
        for name in updates.pop((entity, record)):
            winners[(entity, record, name)].applied = False
        result.invalid.append(f"{entity} {uuid.UUID(hex=record)}: received values break a rule; kept as history")
    before = db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    origin = str(group_id)
    db.executemany(
        "INSERT INTO change_log (entity, record_id, field, value, stamp, origin, applied) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(r.entity, r.record, r.field, json.dumps(r.value), r.stamp, origin, int(r.applied)) for r in incoming],
    )
    for chunk in _chunked(newly_applied):
        db.execute(f"UPDATE change_log SET applied = 1 WHERE seq IN ({_marks(chunk)})", chunk)
    _store_versions(db, winners, parked, created)
    group_hex = group_id.hex
    db.executemany(
        "INSERT OR IGNORE INTO audiences (entity, record_id, group_id) VALUES (?, ?, ?)",
        [(entity, record, group_hex) for entity, record in records],
    )
    _forward(db, group_hex, before)
    db.execute(
        "INSERT INTO sync_cursors (group_id, pulled_seq) VALUES (?, ?) "
        "ON CONFLICT (group_id) DO UPDATE SET pulled_seq = excluded.pulled_seq",
        (group_hex, next_since),
    )
    built = existing | set(created)
    result.applied = sum(row.applied for row in incoming) + len(newly_applied)
    result.superseded = sum(1 for row in incoming if not row.applied and (row.entity, row.record) in built)
    result.parked = sum(1 for row in incoming if (row.entity, row.record) not in built)
    _note_parked(db, bool(result.parked) or any(key not in built for key in parked))
    touched: dict[str, set[uuid.UUID]] = {}
    for entity, record in [*updates, *created]:
        touched.setdefault(entity, set()).add(uuid.UUID(hex=record))
    result.changes = Changes(**{entity: frozenset(ids) for entity, ids in touched.items()})
    # The session's identity map may hold records changed underneath it.
    uow.session.expire_all()
    return result


def _valid_rows(rows: Sequence[Sequence[Any]], result: ApplyResult) -> list[_Row]:
    valid = []
    ids: dict[str, str] = {}
    for row in rows:
        try:
            seq, entity, record_text, name, value, stamp = row
            record = ids.get(record_text)
            if record is None:
                record = ids[record_text] = uuid.UUID(record_text).hex
        except (TypeError, ValueError, AttributeError):
            result.invalid.append(f"malformed change {str(row)[:80]}")
            continue
        reason = check_change(entity, name, value, stamp)
        if reason is not None:
            # Skipped, not fatal: one bad value must not stop the group's other changes from arriving.
            result.invalid.append(f"change {seq}: {reason}")
            continue
        valid.append(_Row(entity, record, name, value, stamp))
    if result.invalid:
        logger.warning("skipped %d invalid change(s) from the server: %s", len(result.invalid), result.invalid[0])
    return valid


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _chunked(values: Sequence[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


def _by_entity(keys: Iterator[Key] | set[Key]) -> Iterator[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = {}
    for entity, record in keys:
        grouped.setdefault(entity, []).append(record)
    for entity, records in grouped.items():
        for chunk in _chunked(sorted(records)):
            yield entity, chunk


def _drop_known(db: sqlite3.Connection, rows: list[_Row], result: ApplyResult) -> list[_Row]:
    """Rows whose exact change (record, field, stamp) is already in the log are not stored twice."""
    known: set[tuple[str, str, str, str]] = set()
    for entity, chunk in _by_entity({(r.entity, r.record) for r in rows}):
        found = db.execute(
            f"SELECT record_id, field, stamp FROM change_log WHERE entity = ? AND record_id IN ({_marks(chunk)})",
            [entity, *chunk],
        )
        known.update((entity, record, name, stamp) for record, name, stamp in found)
    if not known:
        # Nothing of these records is here yet (an initial pull); the server sends each change once.
        return rows
    fresh = []
    for row in rows:
        identity = (row.entity, row.record, row.field, row.stamp)
        if identity in known:
            result.known += 1
        else:
            known.add(identity)
            fresh.append(row)
    return fresh


def _field_versions(db: sqlite3.Connection, records: set[Key]) -> dict[FieldKey, str]:
    versions: dict[FieldKey, str] = {}
    for entity, chunk in _by_entity(records):
        found = db.execute(
            f"SELECT record_id, field, stamp FROM field_versions WHERE entity = ? AND record_id IN ({_marks(chunk)})",
            [entity, *chunk],
        )
        versions.update({(entity, record, name): stamp for record, name, stamp in found})
    return versions


def _existing_records(db: sqlite3.Connection, records: set[Key]) -> set[Key]:
    found: set[Key] = set()
    for entity, chunk in _by_entity(records):
        rows = db.execute(f"SELECT id FROM {entity} WHERE id IN ({_marks(chunk)})", chunk)
        found.update((entity, record) for (record,) in rows)
    return found


def _parked_rows(db: sqlite3.Connection, new_records: set[Key]) -> dict[Key, dict[str, tuple[int, Any, str]]]:
    """Fields received earlier for records not built yet: these and any other parked record, best per field."""
    others: list[tuple[str, str]] = []
    # The whole-log scan for parked records runs only while an earlier page left some (see _note_parked).
    if db.execute("SELECT 1 FROM local_meta WHERE key = ?", (_PARKED_KEY,)).fetchone() is not None:
        others = db.execute(
            "SELECT DISTINCT entity, record_id FROM change_log AS log WHERE applied = 0 AND origin != 'local' "
            "AND NOT EXISTS (SELECT 1 FROM field_versions AS fv WHERE fv.entity = log.entity "
            "AND fv.record_id = log.record_id)"
        ).fetchall()
    candidates = set(new_records) | {(entity, record) for entity, record in others if entity in SYNCED_MODELS}
    parked: dict[Key, dict[str, tuple[int, Any, str]]] = {}
    for entity, chunk in _by_entity(candidates):
        found = db.execute(
            f"SELECT record_id, field, seq, value, stamp FROM change_log "
            f"WHERE entity = ? AND record_id IN ({_marks(chunk)})",
            [entity, *chunk],
        )
        for record, name, seq, value, stamp in found:
            fields = parked.setdefault((entity, record), {})
            if name not in fields or stamp > fields[name][2]:
                fields[name] = (seq, _stored_json(value), stamp)
    # Records already built are not parked, whatever their log holds.
    existing = _existing_records(db, set(parked))
    return {key: value for key, value in parked.items() if key not in existing}


def _stored_json(value: Any) -> Any:
    # The column's JSON type has numeric affinity in SQLite: JSON numbers come back as numbers, the rest as text.
    return json.loads(value) if isinstance(value, str) else value


def _note_parked(db: sqlite3.Connection, parked: bool) -> None:
    if parked:
        db.execute("INSERT OR IGNORE INTO local_meta (key, value) VALUES (?, '1')", (_PARKED_KEY,))
    else:
        db.execute("DELETE FROM local_meta WHERE key = ?", (_PARKED_KEY,))


def _create_complete(
    db: sqlite3.Connection,
    winners: dict[FieldKey, _Row],
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
    for (entity, record, name), row in winners.items():
        if (entity, record) in existing:
            continue
        fields = best.setdefault((entity, record), {})
        if name not in fields or row.stamp > fields[name][0]:
            fields[name] = (row.stamp, row.value, None)
    created: list[Key] = []
    available: dict[str, set[str]] = {entity: set() for entity in SYNCED_MODELS}
    for entity in _CREATION_ORDER:
        columns, encoders, defaults = _layout(entity)
        batch = []
        for (kind, record), fields in best.items():
            if kind != entity:
                continue
            values = [fields[name][1] if name in fields else defaults.get(name, _MISSING) for name in columns]
            if _MISSING in values:
                continue
            stored = [encode(value) for encode, value in zip(encoders, values, strict=True)]
            if not _references_exist(db, entity, dict(zip(columns, stored, strict=True)), available):
                continue
            batch.append((record, *stored))
            available[entity].add(record)
            created.append((entity, record))
        if batch:
            names = ", ".join(("id", *columns))
            rejected = _guarded(db, f"INSERT INTO {entity} ({names}) VALUES ({_marks(batch[0])})", batch)
            for index in rejected:
                # Stays parked: its fields are in the log, and a later change may make it valid.
                record = batch[index][0]
                available[entity].discard(record)
                created.remove((entity, record))
    newly_applied: list[int] = []
    for key in created:
        for name, (_stamp, _, seq) in best[key].items():
            if seq is not None:
                newly_applied.append(seq)
            else:
                winners[(key[0], key[1], name)].applied = True
    return created, newly_applied


class _Missing:
    """A required field that has not arrived (distinct from a field whose value is null)."""


_MISSING = _Missing()


@cache
def _layout(entity: str) -> tuple[tuple[str, ...], tuple[Callable[[Any], Any], ...], dict[str, Any]]:
    """The columns to insert for a new record (all but the id), how to store each, and the defaults."""
    model = SYNCED_MODELS[entity]
    columns = tuple(column.key for column in model.__mapper__.columns if column.key != "id")
    synced = set(synced_fields(model))
    defaults: dict[str, Any] = {}
    for name in columns:
        column = model.__mapper__.columns[name]
        default = column.default
        if isinstance(default, ColumnDefault):
            value = default.arg(None) if default.is_callable else default.arg
            # Defaults are Python values; the wire form is what the encoders take.
            defaults[name] = value if not isinstance(value, tuple) else list(value)
        elif column.nullable or name not in synced:
            defaults[name] = None
    return columns, tuple(_encoder(model, name) for name in columns), defaults


def _encoder(model: type[SyncedRecord], name: str) -> Callable[[Any], Any]:
    column_type = model.__mapper__.columns[name].type
    if isinstance(column_type, Uuid):
        return lambda value: None if value is None else uuid.UUID(value).hex
    if isinstance(column_type, Date):
        return lambda value: None if value is None else dt.date.fromisoformat(value).isoformat()
    if isinstance(column_type, JSON):
        return json.dumps
    if isinstance(column_type, Boolean):
        return lambda value: None if value is None else int(value)
    return lambda value: value


def _references_exist(
    db: sqlite3.Connection, entity: str, stored: dict[str, Any], available: dict[str, set[str]]
) -> bool:
    for name, target in _REFERENCES.get(entity, {}).items():
        target_id = stored[name]
        if target_id in available[target]:
            continue
        if db.execute(f"SELECT 1 FROM {target} WHERE id = ?", (target_id,)).fetchone() is None:
            return False
        available[target].add(target_id)
    return True


def _update_records(db: sqlite3.Connection, updates: dict[Key, dict[str, Any]]) -> list[Key]:
    """Write the winning fields of existing records; returns the records that could not take them."""
    # One statement per set of fields, executed for every record that changes exactly those fields.
    statements: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
    for (entity, record), fields in updates.items():
        names = tuple(sorted(fields))
        columns, encoders, _ = _layout(entity)
        encode = dict(zip(columns, encoders, strict=True))
        values = tuple(encode[name](fields[name]) for name in names)
        statements.setdefault((entity, names), []).append((*values, record))
    failed: list[Key] = []
    for (entity, names), parameters in statements.items():
        assignments = ", ".join(f"{name} = ?" for name in names)
        rejected = _guarded(db, f"UPDATE {entity} SET {assignments} WHERE id = ?", parameters)
        failed += [(entity, parameters[index][-1]) for index in rejected]
    return failed


def _guarded(db: sqlite3.Connection, statement: str, rows: list[tuple[Any, ...]]) -> list[int]:
    """``executemany``; if a row breaks a constraint, the rows go one by one and the failing ones are returned."""
    db.execute("SAVEPOINT sync_batch")
    try:
        db.executemany(statement, rows)
    except sqlite3.IntegrityError:
        db.execute("ROLLBACK TO sync_batch")
    else:
        db.execute("RELEASE sync_batch")
        return []
    failed = []
    for index, row in enumerate(rows):
        try:
            db.execute(statement, row)
        except sqlite3.IntegrityError:
            # A failed statement changes nothing in SQLite: no savepoint is needed per row.
            failed.append(index)
    db.execute("RELEASE sync_batch")
    return failed


def _store_versions(
    db: sqlite3.Connection,
    winners: dict[FieldKey, _Row],
    parked: dict[Key, dict[str, tuple[int, Any, str]]],
    created: list[Key],
) -> None:
    stamps: dict[FieldKey, str] = {}
    created_set = set(created)
    for record, fields in parked.items():
        if record in created_set:
            stamps.update({(record[0], record[1], name): stamp for name, (_, _, stamp) in fields.items()})
    for field_key, row in winners.items():
        if row.applied and (field_key not in stamps or row.stamp > stamps[field_key]):
            stamps[field_key] = row.stamp
    db.executemany(
        "INSERT INTO field_versions (entity, record_id, field, stamp) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (entity, record_id, field) DO UPDATE SET stamp = excluded.stamp",
        [(*key, stamp) for key, stamp in stamps.items()],
    )


def _forward(db: sqlite3.Connection, group_hex: str, after_seq: int) -> None:
    """Vendors shared with other groups too get this group's news: queue what was applied for those groups.

    Only vendors: they are everyone's to edit, while another member's review or trust may be written to a
    group only by its owner.
    """
    db.execute(
        "INSERT OR IGNORE INTO outbox (change_seq, group_id) "
        # The unary + keeps SQLite off the (entity, ...) index, which would walk every vendor change ever logged:
        # it reads the few new rows by seq instead (19 ms -> 0.1 ms per pull on a replica holding 10k vendors).
        "SELECT log.seq, a.group_id FROM change_log AS log JOIN audiences AS a "
        "ON a.entity = log.entity AND a.record_id = log.record_id "
        "WHERE log.seq > ? AND log.applied = 1 AND +log.entity = 'vendors' AND a.group_id != ?",
        (after_seq, group_hex),
    )
