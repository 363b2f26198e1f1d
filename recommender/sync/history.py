"""A record's field history from the change log: every value each field has had, who set it, and which won.

The log keeps every value this install has known (its own edits and every value a group delivered), so the
history shows what last-writer-wins decided and what it overruled. Two values of a field are *concurrent* when
one was written without knowing the other (say two neighbours editing while offline). With hybrid clock stamps
this install can prove that much for a pair of values from different devices: the one that arrived here later
carries the earlier stamp. Had its writer seen the other value, its clock would have stamped it later.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from recommender.storage.hlc import Stamp, StampFormatError
from recommender.storage.models import ChangeLogEntry, LocalMeta, Person
from recommender.storage.whole_records import WHOLE, logged_fields

# Where ChangeRecorder keeps this install's device id (the device part of every local stamp).
_DEVICE_KEY = "device_id"
LOCAL_ORIGIN = "local"
_CHUNK = 500


class ValueState(enum.Enum):
    """What became of a value here."""

    CURRENT = "current"
    """The field holds it now (the latest stamp)."""
    REPLACED = "replaced"
    """It was the field's value until a later edit replaced it."""
    ARRIVED_LATE = "arrived_late"
    """It arrived already older than the field's value, so it never became the value here."""


@dataclass(frozen=True, slots=True)
class Writer:
    """Who set a value: this device, a person known by one of their devices, or an unknown device."""

    device: str
    this_device: bool
    person_id: uuid.UUID | None
    name: str | None


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One value a field has had."""

    seq: int
    value: Any
    """As stored in the log: JSON-encoded (ids and dates as text)."""
    stamp: str
    written_at: dt.datetime
    """When it was written, by its writer's clock (UTC)."""
    writer: Writer
    origin: str
    """``"local"`` for an edit made here, else the id of the group that delivered it."""
    state: ValueState
    concurrent_with: tuple[int, ...]
    """The seqs of the values it was concurrent with (written without knowing one another)."""


@dataclass(frozen=True, slots=True)
class FieldHistory:
    """One field's values, latest stamp first."""

    field: str
    values: tuple[FieldValue, ...]

    @property
    def current(self) -> FieldValue | None:
        return next((value for value in self.values if value.state is ValueState.CURRENT), None)

    @property
    def has_concurrent_edits(self) -> bool:
        return any(value.concurrent_with for value in self.values)


@dataclass(frozen=True, slots=True)
class _Entry:
    seq: int
    field: str
    value: Any
    stamp: str
    origin: str
    applied: bool
    device: str


def record_history(session: Session, entity: str, record_id: uuid.UUID) -> list[FieldHistory]:
    """Every logged value of every field of one record, fields by name; empty when nothing was logged."""
    rows = session.execute(
        select(
            ChangeLogEntry.seq,
            ChangeLogEntry.field,
            ChangeLogEntry.value,
            ChangeLogEntry.stamp,
            ChangeLogEntry.origin,
            ChangeLogEntry.applied,
        )
        .where(ChangeLogEntry.entity == entity, ChangeLogEntry.record_id == record_id)
        .order_by(ChangeLogEntry.seq)
    )
    by_field: dict[str, list[_Entry]] = {}
    for seq, row_field, row_value, stamp, origin, applied in rows:
        # A whole-record row is every field set by one edit: each field shows it as its own value.
        for name, value in logged_fields(row_field, row_value):
            by_field.setdefault(name, []).append(_Entry(seq, name, value, stamp, origin, applied, _device_of(stamp)))
    writers = _writers(session, {entry.device for entries in by_field.values() for entry in entries})
    return [_field_history(name, by_field[name], writers) for name in sorted(by_field)]


def _field_history(name: str, entries: list[_Entry], writers: dict[str, Writer]) -> FieldHistory:
    latest = max(entry.stamp for entry in entries)
    concurrent: dict[int, list[int]] = {}
    # ``entries`` are in arrival order: a later arrival with an earlier stamp from another device was written
    # without knowing the value already here.
    for position, earlier in enumerate(entries):
        for later in entries[position + 1 :]:
            if later.device != earlier.device and later.stamp < earlier.stamp:
                concurrent.setdefault(earlier.seq, []).append(later.seq)
                concurrent.setdefault(later.seq, []).append(earlier.seq)
    values = [
        FieldValue(
            seq=entry.seq,
            value=entry.value,
            stamp=entry.stamp,
            written_at=_written_at(entry.stamp),
            writer=writers[entry.device],
            origin=entry.origin,
            state=_state(entry, latest),
            concurrent_with=tuple(sorted(concurrent.get(entry.seq, ()))),
        )
        for entry in entries
    ]
    values.sort(key=lambda value: (value.stamp, value.seq), reverse=True)
    return FieldHistory(name, tuple(values))


def _state(entry: _Entry, latest: str) -> ValueState:
    if entry.stamp == latest:
        return ValueState.CURRENT
    if entry.applied or entry.origin == LOCAL_ORIGIN:
        return ValueState.REPLACED
    return ValueState.ARRIVED_LATE


def _device_of(stamp: str) -> str:
    try:
        return Stamp.decode(stamp).device
    except StampFormatError:
        return ""


def _written_at(stamp: str) -> dt.datetime:
    try:
        wall_ms = Stamp.decode(stamp).wall_ms
    except StampFormatError:
        wall_ms = 0
    return dt.datetime.fromtimestamp(wall_ms / 1000, dt.UTC)


def _writers(session: Session, devices: Iterable[str]) -> dict[str, Writer]:
    """Put a name to each device: a person's device is the one that linked them to a group member.

    Joining or creating a group sets the owner's ``member_id`` on that owner's device, and that change travels
    with the owner's record, so its stamp names the device of the person it belongs to.
    """
    meta = session.get(LocalMeta, _DEVICE_KEY)
    this_device = meta.value if meta is not None else None
    me = session.execute(select(Person.id, Person.display_name).where(Person.is_me.is_(True))).first()
    others = set(devices) - {this_device}
    owners = _device_owners(session) if others else {}
    if me is not None and this_device is not None:
        owners[this_device] = (me.id, me.display_name)
    writers: dict[str, Writer] = {}
    for device in devices:
        person_id, name = owners.get(device, (None, None))
        writers[device] = Writer(device, device == this_device, person_id, name)
    return writers


def _device_owners(session: Session) -> dict[str, tuple[uuid.UUID, str]]:
    """The person each known device belongs to, from the group members' ``member_id`` changes."""
    # Group members are few next to all the contacts: find them first, then their logged links by index.
    members = list(session.execute(select(Person.id, Person.display_name).where(Person.member_id.is_not(None))))
    owners: dict[str, tuple[uuid.UUID, str]] = {}
    for start in range(0, len(members), _CHUNK):
        chunk = {person_id: (person_id, name) for person_id, name in members[start : start + _CHUNK]}
        # A person created in one edit (a whole-record row) sets member_id in that row.
        links = session.execute(
            select(ChangeLogEntry.record_id, ChangeLogEntry.field, ChangeLogEntry.value, ChangeLogEntry.stamp)
            .where(
                ChangeLogEntry.entity == "people",
                ChangeLogEntry.record_id.in_(chunk),
                ChangeLogEntry.field.in_(("member_id", WHOLE)),
            )
            .order_by(ChangeLogEntry.seq)
        )
        for record_id, field, value, stamp in links:
            if any(name == "member_id" for name, _ in logged_fields(field, value)):
                owners[_device_of(stamp)] = chunk[record_id]
    return owners
