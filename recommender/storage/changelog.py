"""The local change log: every field a write changes is stamped and logged in the same transaction.

Sync ships this log. A field is the unit of change (so two neighbours editing different fields of one vendor both
keep their edit), each value carries a hybrid-clock stamp (so the later edit wins everywhere), and local changes to
records shared with a group are queued in the outbox in the very transaction that made them.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ColumnDefault

from recommender.storage.hlc import HybridClock, Stamp, wall_clock_ms
from recommender.storage.meta import get_meta, put_meta
from recommender.storage.models import (
    SYNCED_MODELS,
    Audience,
    Base,
    ChangeLogEntry,
    FieldVersion,
    OutboxEntry,
    Person,
    Review,
    Trust,
    Vendor,
)

SyncedRecord = Person | Trust | Vendor | Review

_DEVICE_KEY = "device_id"
_CLOCK_KEY = "hlc_last"


@dataclass(frozen=True, slots=True)
class Changes:
    """The ids of records a write touched, by kind: what the UI needs to redraw."""

    people: frozenset[uuid.UUID] = frozenset()
    trust: frozenset[uuid.UUID] = frozenset()
    vendors: frozenset[uuid.UUID] = frozenset()
    reviews: frozenset[uuid.UUID] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)})

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


def entity_name(model: type[Base]) -> str:
    return str(model.__tablename__)


@cache
def synced_fields(model: type[SyncedRecord]) -> tuple[str, ...]:
    """The fields of a record that sync one by one: every column but the id and per-install facts."""
    return tuple(
        column.key
        for column in model.__mapper__.columns
        if column.key != "id" and not column.info.get("local_only", False)
    )


def encode_value(value: Any) -> Any:
    """A field value as JSON: ids and dates as strings, everything else as it is."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def decode_value(model: type[SyncedRecord], field_name: str, value: Any) -> Any:
    """The inverse of :func:`encode_value` for one field of one model."""
    if value is None:
        return None
    python_type = model.__mapper__.columns[field_name].type.python_type
    if python_type is uuid.UUID:
        return uuid.UUID(value)
    if python_type is dt.date:
        return dt.date.fromisoformat(value)
    return value


@dataclass
class ChangeRecorder:
    """Stamps, logs and queues the field changes of one write transaction.

    The hybrid clock's state lives in the database and is read under the write lock, so stamps stay strictly
    increasing across restarts, across processes sharing the file, and when the wall clock goes backwards.
    """

    session: Session
    now_ms: Callable[[], int] = wall_clock_ms
    _clock: HybridClock | None = None
    _observed: bool = False
    _rows: list[dict[str, Any]] = field(default_factory=list)
    _touched: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    # The session's identity map holds objects weakly; keeping the records written in this transaction alive
    # spares a SELECT each time a later write in the same transaction refers to one of them.
    _written: list[SyncedRecord] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return Changes(**{name: frozenset(ids) for name, ids in self._touched.items()})

    def stamp(self) -> Stamp:
        """A new stamp, later than any this database has issued or seen."""
        if self._clock is None:
            self._clock = self._load_clock()
        return self._clock.tick()

    def observe(self, remote: Stamp) -> None:
        """Take in a stamp received from another device, so this device's next edits order after it."""
        if self._clock is None:
            self._clock = self._load_clock()
        self._clock.observe(remote)
        self._observed = True

    def create(self, model: type[SyncedRecord], record_id: uuid.UUID, values: Mapping[str, Any]) -> Any:
        """Add a new record and log every synced field, so a replica can rebuild it from the log alone."""
        record = model(id=record_id, **values)
        complete = {name: values.get(name, _default_of(model, name)) for name in synced_fields(model)}
        for name, value in complete.items():
            setattr(record, name, value)
        self.session.add(record)
        self._written.append(record)
        self._log(entity_name(model), record_id, complete)
        return record

    def update(self, record: SyncedRecord, values: Mapping[str, Any]) -> bool:
        """Set the fields whose value differs and log just those; returns whether anything changed."""
        changed = {name: value for name, value in values.items() if getattr(record, name) != value}
        for name, value in changed.items():
            setattr(record, name, value)
        synced = set(synced_fields(type(record)))
        logged = {name: value for name, value in changed.items() if name in synced}
        if logged:
            self._written.append(record)
            self._log(entity_name(type(record)), record.id, logged)
        return bool(changed)

    def log_current(self, record: SyncedRecord, names: Iterable[str]) -> None:
        """Log fields' present values as a new change: for records written in bulk, before any change was logged."""
        values = {name: getattr(record, name) for name in names}
        if values:
            self._written.append(record)
            self._log(entity_name(type(record)), record.id, values)

    def _log(self, entity: str, record_id: uuid.UUID, values: Mapping[str, Any]) -> None:
        stamp = self.stamp().encode()
        for name, value in values.items():
            self._rows.append(
                {
                    "entity": entity,
                    "record_id": record_id,
                    "field": name,
                    "value": encode_value(value),
                    "stamp": stamp,
                }
            )
        self._touched.setdefault(entity, set()).add(record_id)

    def flush(self) -> None:
        """Write the logged changes, their field versions, outbox entries and the clock state."""
        if not self._rows:
            if self._observed:
                self._save_clock()
            return
        self.session.flush()
        last_seq = self.session.scalar(select(func.coalesce(func.max(ChangeLogEntry.seq), 0)))
        # Core inserts of plain rows: the ORM's bulk path adds a quarter to a large import's time for nothing.
        self.session.execute(insert(ChangeLogEntry.metadata.tables[ChangeLogEntry.__tablename__]), self._rows)
        upsert = sqlite_insert(FieldVersion.metadata.tables[FieldVersion.__tablename__])
        # One statement executed for many rows: compiled once, however large the import.
        self.session.execute(
            upsert.on_conflict_do_update(
                index_elements=["entity", "record_id", "field"], set_={"stamp": upsert.excluded.stamp}
            ),
            [{key: row[key] for key in ("entity", "record_id", "field", "stamp")} for row in self._rows],
        )
        self._queue_for_groups(last_seq or 0)
        self._save_clock()
        self._rows.clear()

    def _save_clock(self) -> None:
        assert self._clock is not None
        put_meta(self.session, _CLOCK_KEY, self._clock.last.encode())
        self._observed = False

    def _queue_for_groups(self, after_seq: int) -> None:
        # The write lock is held, so every change_log row after ``after_seq`` is one of ours.
        shared = (
            select(ChangeLogEntry.seq, Audience.group_id)
            .join(
                Audience,
                (Audience.entity == ChangeLogEntry.entity) & (Audience.record_id == ChangeLogEntry.record_id),
            )
            .where(ChangeLogEntry.seq > after_seq)
        )
        self.session.execute(insert(OutboxEntry).from_select([OutboxEntry.change_seq, OutboxEntry.group_id], shared))

    def _load_clock(self) -> HybridClock:
        stored = get_meta(self.session, (_DEVICE_KEY, _CLOCK_KEY))
        device = stored.get(_DEVICE_KEY)
        if device is None:
            device = secrets.token_hex(8)
            put_meta(self.session, _DEVICE_KEY, device)
        last = stored.get(_CLOCK_KEY)
        return HybridClock(device, Stamp.decode(last) if last is not None else None, now_ms=self.now_ms)


def _default_of(model: type[SyncedRecord], name: str) -> Any:
    default = model.__mapper__.columns[name].default
    if not isinstance(default, ColumnDefault):
        return None
    return default.arg(None) if default.is_callable else default.arg


__all__ = [
    "SYNCED_MODELS",
    "ChangeRecorder",
    "Changes",
    "SyncedRecord",
    "decode_value",
    "encode_value",
    "entity_name",
    "synced_fields",
]
