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
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Uuid
from sqlalchemy.sql.schema import ColumnDefault

from recommender.storage.changelog import Changes, SyncedRecord, synced_fields
from recommender.storage.database import UnitOfWork
from recommender.storage.driver import sqlite_of
from recommender.storage.hlc import Stamp
from recommender.storage.models import SYNCED_MODELS
from recommender.storage.whole_records import WHOLE, entity_fields, field_stamps, logged_fields
from recommender.sync.wire import field_checks, stamp_problem, value_problem

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


@dataclass(slots=True)
class _Edit:
    """Fields of one record stamped together, as pulled; ``rows`` once it has been split into single fields."""

    entity: str
    record: str
    stamp: str
    fields: dict[str, Any]
    rows: list[_Row] | None = None

    @property
    def key(self) -> Key:
        return (self.entity, self.record)

    def split(self) -> list[_Row]:
        self.rows = [_Row(self.entity, self.record, name, value, self.stamp) for name, value in self.fields.items()]
        return self.rows


def apply_page(uow: UnitOfWork, group_id: uuid.UUID, edits: Sequence[Sequence[Any]], next_since: int) -> ApplyResult:
    """Merge one pulled page (``[seq, entity, record_id, stamp, {field: value}]`` edits) and store the cursor."""
    uow.session.flush()
    db = sqlite_of(uow.session)
    result = ApplyResult()
    incoming = _drop_known(db, _valid_edits(edits, result), result)
    if incoming:
        # Encoded stamps sort in stamp order: one decode for the latest.
        uow.recorder.observe(Stamp.decode(max(edit.stamp for edit in incoming)))
    records = {edit.key for edit in incoming}
    existing = _existing_records(db, records)
    parked = _parked_rows(db, records - existing)
    whole = _whole_new_records(incoming, existing, parked)
    rows = [row for edit in incoming if edit.key not in whole for row in edit.split()]
    versions = _field_versions(db, {(row.entity, row.record) for row in rows})
    winners: dict[FieldKey, _Row] = {}
    for row in rows:
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
    created, newly_applied = _create_complete(db, winners, parked, existing, whole)
    for entity, record in _update_records(db, updates):
        # The merged values would break one of the record's rules (e.g. a latitude without its longitude):
        # the record keeps its present values and the received ones stay in the log as history.
        for name in updates.pop((entity, record)):
            winners[(entity, record, name)].applied = False
        result.invalid.append(f"{entity} {uuid.UUID(hex=record)}: received values break a rule; kept as history")
    built = existing | set(created)
    before = db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    _log_received(db, str(group_id), incoming, whole, built)
    for chunk in _chunked(newly_applied):
        db.execute(f"UPDATE change_log SET applied = 1 WHERE seq IN ({_marks(chunk)})", chunk)
    _store_versions(db, winners, parked, created, [whole[key] for key in created if key in whole])
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
    whole_fields = [len(edit.fields) for key, edit in whole.items() if key in built]
    result.applied = sum(row.applied for row in rows) + len(newly_applied) + sum(whole_fields)
    result.superseded = sum(1 for row in rows if not row.applied and (row.entity, row.record) in built)
    result.parked = sum(1 for row in rows if (row.entity, row.record) not in built) + sum(
        len(edit.fields) for key, edit in whole.items() if key not in built
    )
    _note_parked(db, bool(result.parked) or any(key not in built for key in parked))
    touched: dict[str, set[uuid.UUID]] = {}
    for entity, record in [*updates, *created]:
        touched.setdefault(entity, set()).add(uuid.UUID(hex=record))
    result.changes = Changes(**{entity: frozenset(ids) for entity, ids in touched.items()})
    # The session's identity map may hold records changed underneath it.
    uow.session.expire_all()
    return result


def _valid_edits(edits: Sequence[Sequence[Any]], result: ApplyResult) -> list[_Edit]:
    """The page's edits with every invalid field left out (each named in ``result.invalid``)."""
    valid = []
    ids: dict[str, str] = {}
    for item in edits:
        try:
            seq, entity, record_text, stamp, fields = item
            record = ids.get(record_text)
            if record is None:
                record = ids[record_text] = uuid.UUID(record_text).hex
            checks = field_checks(entity) if entity in SYNCED_MODELS else None
            if not isinstance(fields, dict):
                raise TypeError("fields is not an object")
        except (TypeError, ValueError, AttributeError):
            result.invalid.append(f"malformed edit {str(item)[:80]}")
            continue
        result.received += len(fields)
        # Skipped, not fatal: one bad value must not stop the group's other changes from arriving.
        problem = stamp_problem(stamp) if checks is not None else value_problem(entity, "", None)
        if problem is not None:
            result.invalid.append(f"edit {seq}: {problem}")
            continue
        assert checks is not None
        good = {}
        for name, value in fields.items():
            check = checks.get(name)
            reason = check(value) if check is not None else value_problem(entity, name, value)
            if reason is None:
                good[name] = value
            else:
                result.invalid.append(f"edit {seq}: {reason}")
        if good:
            valid.append(_Edit(entity, record, stamp, good))
    if result.invalid:
        logger.warning("skipped %d invalid change(s) from the server: %s", len(result.invalid), result.invalid[0])
    return valid


def _whole_new_records(incoming: list[_Edit], existing: set[Key], parked: dict[Key, Any]) -> dict[Key, _Edit]:
    """New records that arrive in one edit of every synced field: created and logged whole, without merging."""
    edits_per_record: dict[Key, int] = {}
    for edit in incoming:
        edits_per_record[edit.key] = edits_per_record.get(edit.key, 0) + 1
    return {
        edit.key: edit
        for edit in incoming
        if edits_per_record[edit.key] == 1
        and edit.key not in existing
        and edit.key not in parked
        and len(edit.fields) == len(entity_fields(edit.entity))
    }


def _log_received(
    db: sqlite3.Connection, origin: str, incoming: list[_Edit], whole: dict[Key, _Edit], built: set[Key]
) -> None:
    """Every received value into the change log, in arrival order: a whole new record as one row."""
    rows: list[tuple[str, str, str, str, str, str, int]] = []
    for edit in incoming:
        if edit.key in whole and edit.key in built:
            rows.append((edit.entity, edit.record, WHOLE, json.dumps(edit.fields), edit.stamp, origin, 1))
            continue
        # Split now if it was kept whole but could not be built (parked): its fields wait one by one.
        for row in edit.rows if edit.rows is not None else edit.split():
            rows.append((row.entity, row.record, row.field, json.dumps(row.value), row.stamp, origin, int(row.applied)))
    db.executemany(
        "INSERT INTO change_log (entity, record_id, field, value, stamp, origin, applied) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


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


def _drop_known(db: sqlite3.Connection, edits: list[_Edit], result: ApplyResult) -> list[_Edit]:
    """Fields whose exact change (record, field, stamp) is already in the log are not stored twice."""
    known: set[tuple[str, str, str, str]] = set()
    for entity, chunk in _by_entity({edit.key for edit in edits}):
        found = db.execute(
            "SELECT record_id, field, value, stamp FROM change_log "
            f"WHERE entity = ? AND record_id IN ({_marks(chunk)})",
            [entity, *chunk],
        )
        for record, name, value, stamp in found:
            if name == WHOLE:
                known.update((entity, record, field, stamp) for field, _ in logged_fields(name, json.loads(value)))
            else:
                known.add((entity, record, name, stamp))
    if not known:
        # Nothing of these records is here yet (an initial pull); the server sends each change once.
        return edits
    fresh = []
    for edit in edits:
        kept = {}
        for name, value in edit.fields.items():
            identity = (edit.entity, edit.record, name, edit.stamp)
            if identity in known:
                result.known += 1
            else:
                known.add(identity)
                kept[name] = value
        if kept:
            edit.fields = kept
            fresh.append(edit)
    return fresh


def _field_versions(db: sqlite3.Connection, records: set[Key]) -> dict[FieldKey, str]:
    versions: dict[FieldKey, str] = {}
    for entity, chunk in _by_entity(records):
        found = db.execute(
            f"SELECT record_id, field, stamp FROM field_versions WHERE entity = ? AND record_id IN ({_marks(chunk)})",
            [entity, *chunk],
        )
        by_record: dict[str, list[tuple[str, str]]] = {}
        for record, name, stamp in found:
            by_record.setdefault(record, []).append((name, stamp))
        for record, stamps in by_record.items():
            versions.update({(entity, record, name): stamp for name, stamp in field_stamps(entity, stamps).items()})
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
        for record, logged, seq, stored, stamp in found:
            fields = parked.setdefault((entity, record), {})
            for name, value in logged_fields(logged, _stored_json(stored)):
                if name not in fields or stamp > fields[name][2]:
                    fields[name] = (seq, value, stamp)
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
    whole: dict[Key, _Edit],
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
        candidates: list[tuple[str, dict[str, Any]]] = [
            (record, {name: value for name, (_stamp, value, _seq) in fields.items()})
            for (kind, record), fields in best.items()
            if kind == entity
        ]
        candidates += [(edit.record, edit.fields) for edit in whole.values() if edit.entity == entity]
        batch = []
        for record, values in candidates:
            ordered = [values[name] if name in values else defaults.get(name, _MISSING) for name in columns]
            if _MISSING in ordered:
                continue
            stored = [_stored(encode, value) for encode, value in zip(encoders, ordered, strict=True)]
            if entity in _REFERENCES and not _references_exist(db, entity, columns, stored, available):
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
        if key in whole:
            continue
        for name, (_stamp, _, seq) in best[key].items():
            if seq is not None:
                newly_applied.append(seq)
            else:
                winners[(key[0], key[1], name)].applied = True
    return created, newly_applied


class _Missing:
    """A required field that has not arrived (distinct from a field whose value is null)."""


_MISSING = _Missing()


Encoder = Callable[[Any], Any] | None


@cache
def _layout(entity: str) -> tuple[tuple[str, ...], tuple[Encoder, ...], dict[str, Any]]:
    """The columns to insert for a new record (all but the id), how to store each (None: as it is), the defaults."""
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


def _encoder(model: type[SyncedRecord], name: str) -> Encoder:
    column_type = model.__mapper__.columns[name].type
    if isinstance(column_type, Uuid):
        return lambda value: None if value is None else uuid.UUID(value).hex
    if isinstance(column_type, Date):
        return lambda value: None if value is None else dt.date.fromisoformat(value).isoformat()
    if isinstance(column_type, JSON):
        return json.dumps
    if isinstance(column_type, Boolean):
        return lambda value: None if value is None else int(value)
    return None


def _references_exist(
    db: sqlite3.Connection, entity: str, columns: tuple[str, ...], stored: list[Any], available: dict[str, set[str]]
) -> bool:
    values = dict(zip(columns, stored, strict=True))
    for name, target in _REFERENCES[entity].items():
        target_id = values[name]
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
        values = tuple(_stored(encode[name], fields[name]) for name in names)
        statements.setdefault((entity, names), []).append((*values, record))
    failed: list[Key] = []
    for (entity, names), parameters in statements.items():
        assignments = ", ".join(f"{name} = ?" for name in names)
        rejected = _guarded(db, f"UPDATE {entity} SET {assignments} WHERE id = ?", parameters)
        failed += [(entity, parameters[index][-1]) for index in rejected]
    return failed


def _stored(encode: Encoder, value: Any) -> Any:
    return value if encode is None else encode(value)


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
    whole: list[_Edit],
) -> None:
    stamps: dict[FieldKey, str] = {}
    created_set = set(created)
    for record, fields in parked.items():
        if record in created_set:
            stamps.update({(record[0], record[1], name): stamp for name, (_, _, stamp) in fields.items()})
    for field_key, row in winners.items():
        if row.applied and (field_key not in stamps or row.stamp > stamps[field_key]):
            stamps[field_key] = row.stamp
    # A record created whole has one version row for all its fields (see recommender.storage.whole_records).
    stamps.update({(edit.entity, edit.record, WHOLE): edit.stamp for edit in whole})
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
