"""Who a record is shared with: local only (no audience rows) or one or more groups.

Sharing a record into a group queues its present values for that group, so the group receives the whole record,
not just the fields edited afterwards; the records it refers to (a review's vendor and people, a trust link's
people) are shared along with it, since no replica could store it without them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import TypeVar, cast

from sqlalchemy import Uuid, delete, func, literal, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from recommender.storage.changelog import Changes, entity_name, synced_fields
from recommender.storage.database import UnitOfWork
from recommender.storage.models import (
    SYNCED_MODELS,
    Audience,
    ChangeLogEntry,
    FieldVersion,
    Group,
    OutboxEntry,
    Person,
    Review,
    Trust,
    Vendor,
)
from recommender.storage.whole_records import versioned_fields

SharedRecord = Person | Trust | Vendor | Review
_CHUNK = 500
_R = TypeVar("_R", Person, Vendor)


class AudienceError(ValueError):
    """The record or a group named for it does not exist."""


def audience_of(session: Session, entity: str, record_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """The groups a record is shared with (empty: local only)."""
    rows = session.scalars(select(Audience.group_id).where(Audience.entity == entity, Audience.record_id == record_id))
    return frozenset(rows)


def set_audience(uow: UnitOfWork, entity: str, record_id: uuid.UUID, group_ids: Iterable[uuid.UUID]) -> Changes:
    """Share a record with exactly these groups (none: local only); returns the records whose audience changed."""
    model = SYNCED_MODELS.get(entity)
    if model is None:
        raise AudienceError(f"unknown kind of record: {entity!r}")
    session = uow.session
    record = cast(Person | Trust | Vendor | Review | None, session.get(model, record_id))
    if record is None:
        raise AudienceError(f"no {entity} record {record_id}")
    wanted = frozenset(group_ids)
    missing = [g for g in wanted if session.get(Group, g) is None]
    if missing:
        raise AudienceError(f"not a member of group {missing[0]}")
    current = audience_of(session, entity, record_id)
    for group_id in current - wanted:
        session.execute(
            delete(Audience).where(
                Audience.entity == entity, Audience.record_id == record_id, Audience.group_id == group_id
            )
        )
        # Edits not yet sent stay here: the record is no longer the group's business.
        session.execute(
            delete(OutboxEntry).where(
                OutboxEntry.group_id == group_id,
                OutboxEntry.change_seq.in_(
                    select(ChangeLogEntry.seq).where(
                        ChangeLogEntry.entity == entity, ChangeLogEntry.record_id == record_id
                    )
                ),
            )
        )
    changed = current != wanted
    for group_id in wanted - current:
        share(uow, record, group_id)
    return Changes(**{entity: frozenset({record_id})}) if changed else Changes()


def share(uow: UnitOfWork, record: SharedRecord, group_id: uuid.UUID) -> bool:
    """Add one group to a record's audience, with the records it refers to; False if it was already shared."""
    return share_many(uow, [record], group_id) > 0


def share_many(uow: UnitOfWork, records: Sequence[SharedRecord], group_id: uuid.UUID) -> int:
    """Share records (and what they refer to) with a group in a few statements; returns how many were new to it."""
    session = uow.session
    # Changes logged earlier in this transaction (records created and shared at once) must be in the log.
    uow.recorder.flush()
    closure = {(entity_name(type(r)), r.id): r for r in records}
    closure.update(_references(session, list(closure.values())))
    already = _shared_with(session, group_id, list(closure))
    new = {key: record for key, record in closure.items() if key not in already}
    if not new:
        return 0
    session.execute(
        sqlite_insert(Audience).on_conflict_do_nothing(),
        [{"entity": entity, "record_id": record_id, "group_id": group_id} for entity, record_id in new],
    )
    versioned: set[tuple[str, uuid.UUID, str]] = set()
    for entity, ids in _chunks(list(new)):
        # The change that set each field's present value, queued for this group (a whole-record log row joins
        # its whole version row; the outbox sends it field by field, and a field edited since also goes at its
        # newer stamp, which wins on arrival).
        latest = (
            select(func.max(ChangeLogEntry.seq), literal(group_id, Uuid))
            .join(
                FieldVersion,
                (FieldVersion.entity == ChangeLogEntry.entity)
                & (FieldVersion.record_id == ChangeLogEntry.record_id)
                & (FieldVersion.field == ChangeLogEntry.field)
                & (FieldVersion.stamp == ChangeLogEntry.stamp),
            )
            .where(ChangeLogEntry.entity == entity, ChangeLogEntry.record_id.in_(ids))
            .group_by(ChangeLogEntry.record_id, ChangeLogEntry.field)
        )
        session.execute(
            sqlite_insert(OutboxEntry)
            .from_select([OutboxEntry.change_seq, OutboxEntry.group_id], latest)
            .on_conflict_do_nothing()
        )
        found = session.execute(
            select(ChangeLogEntry.record_id, ChangeLogEntry.field)
            .join(
                FieldVersion,
                (FieldVersion.entity == ChangeLogEntry.entity)
                & (FieldVersion.record_id == ChangeLogEntry.record_id)
                & (FieldVersion.field == ChangeLogEntry.field)
                & (FieldVersion.stamp == ChangeLogEntry.stamp),
            )
            .where(ChangeLogEntry.entity == entity, ChangeLogEntry.record_id.in_(ids))
        )
        # A whole-record version row stands for every field without its own row: those fields are versioned by
        # the whole log row just queued, and logging them again would give them a new, winning local stamp.
        versioned.update(
            (entity, record_id, name) for record_id, row_field in found for name in versioned_fields(entity, row_field)
        )
    # Records loaded in bulk (the demo) have no logged changes yet: their values are logged now, and the
    # recorder queues them for every group the record is shared with, this one included.
    for (entity, record_id), record in new.items():
        unlogged = [name for name in synced_fields(type(record)) if (entity, record_id, name) not in versioned]
        uow.recorder.log_current(record, unlogged)
    uow.recorder.flush()
    return len(new)


def _chunks(keys: Sequence[tuple[str, uuid.UUID]]) -> list[tuple[str, list[uuid.UUID]]]:
    by_entity: dict[str, list[uuid.UUID]] = {}
    for entity, record_id in keys:
        by_entity.setdefault(entity, []).append(record_id)
    return [(e, ids[i : i + _CHUNK]) for e, ids in by_entity.items() for i in range(0, len(ids), _CHUNK)]


def _shared_with(
    session: Session, group_id: uuid.UUID, keys: list[tuple[str, uuid.UUID]]
) -> set[tuple[str, uuid.UUID]]:
    found: set[tuple[str, uuid.UUID]] = set()
    for entity, ids in _chunks(keys):
        rows = session.scalars(
            select(Audience.record_id).where(
                Audience.group_id == group_id, Audience.entity == entity, Audience.record_id.in_(ids)
            )
        )
        found.update((entity, record_id) for record_id in rows)
    return found


def _references(session: Session, records: list[SharedRecord]) -> dict[tuple[str, uuid.UUID], SharedRecord]:
    """The vendors and people that reviews and trust links among ``records`` refer to."""
    wanted: dict[str, set[uuid.UUID]] = {"vendors": set(), "people": set()}
    for record in records:
        if isinstance(record, Review):
            wanted["vendors"].add(record.vendor_id)
            wanted["people"].update((record.author_id, record.recorded_by_id))
        elif isinstance(record, Trust):
            wanted["people"].update((record.truster_id, record.trustee_id))
    found: dict[tuple[str, uuid.UUID], SharedRecord] = {}
    for vendor in _load(session, Vendor, wanted["vendors"]):
        found[("vendors", vendor.id)] = vendor
    for person in _load(session, Person, wanted["people"]):
        found[("people", person.id)] = person
    return found


def _load(session: Session, model: type[_R], ids: set[uuid.UUID]) -> list[_R]:
    id_list = sorted(ids)
    loaded: list[_R] = []
    for start in range(0, len(id_list), _CHUNK):
        loaded += session.scalars(select(model).where(model.id.in_(id_list[start : start + _CHUNK])))
    return loaded
