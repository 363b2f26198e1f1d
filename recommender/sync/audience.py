"""Who a record is shared with: local only (no audience rows) or one or more groups.

Sharing a record into a group queues its present values for that group, so the group receives the whole record,
not just the fields edited afterwards; the records it refers to (a review's vendor and people, a trust link's
people) are shared along with it, since no replica could store it without them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import cast

from sqlalchemy import delete, func, select
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


def share(uow: UnitOfWork, record: Person | Trust | Vendor | Review, group_id: uuid.UUID) -> bool:
    """Add one group to a record's audience, with the records it refers to; False if it was already shared."""
    session = uow.session
    entity = entity_name(type(record))
    if session.get(Audience, (entity, record.id, group_id)) is not None:
        return False
    for referenced in _references(session, record):
        share(uow, referenced, group_id)
    session.add(Audience(entity=entity, record_id=record.id, group_id=group_id))
    session.flush()
    _queue_present_values(uow, record, group_id)
    return True


def _references(session: Session, record: Person | Trust | Vendor | Review) -> list[Person | Trust | Vendor | Review]:
    if isinstance(record, Review):
        found: list[Person | Trust | Vendor | Review | None] = [
            session.get(Vendor, record.vendor_id),
            session.get(Person, record.author_id),
            session.get(Person, record.recorded_by_id),
        ]
    elif isinstance(record, Trust):
        found = [session.get(Person, record.truster_id), session.get(Person, record.trustee_id)]
    else:
        found = []
    return [r for r in found if r is not None]


def _queue_present_values(uow: UnitOfWork, record: Person | Trust | Vendor | Review, group_id: uuid.UUID) -> None:
    """Queue, for one group, the change that set each field's present value (logging one if none was)."""
    session = uow.session
    entity = entity_name(type(record))
    latest = (
        select(func.max(ChangeLogEntry.seq).label("seq"), ChangeLogEntry.field)
        .join(
            FieldVersion,
            (FieldVersion.entity == ChangeLogEntry.entity)
            & (FieldVersion.record_id == ChangeLogEntry.record_id)
            & (FieldVersion.field == ChangeLogEntry.field)
            & (FieldVersion.stamp == ChangeLogEntry.stamp),
        )
        .where(ChangeLogEntry.entity == entity, ChangeLogEntry.record_id == record.id)
        .group_by(ChangeLogEntry.field)
    )
    logged = {field: seq for seq, field in session.execute(latest)}
    for seq in logged.values():
        session.merge(OutboxEntry(change_seq=seq, group_id=group_id))
    # Records loaded in bulk (the demo) have no logged changes yet; their values are logged now, and the
    # recorder queues them for every group of the record, this one included.
    unlogged = [name for name in synced_fields(type(record)) if name not in logged]
    uow.recorder.log_current(record, unlogged)
