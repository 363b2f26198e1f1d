"""Records stored as the sync client stores what a group delivered: as one whole-record row, or field by field.

Tests run the same steps on both layouts and expect the same outcome: the whole-record row is only a compact
form of the per-field rows (see recommender.storage.whole_records).
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from recommender.storage.changelog import SyncedRecord, encode_value, entity_name
from recommender.storage.database import Database, UnitOfWork
from recommender.storage.hlc import Stamp, wall_clock_ms
from recommender.storage.models import Audience, ChangeLogEntry, FieldVersion, Group, Vendor
from recommender.storage.whole_records import WHOLE, entity_fields, field_stamps

Layout = Literal["whole", "per_field"]
LAYOUTS: tuple[Layout, ...] = ("whole", "per_field")
# The device of the neighbour whose edits the group delivered.
NEIGHBOUR = "00neighbour"


def neighbour_stamp(offset_ms: int = -60_000, device: str = NEIGHBOUR) -> str:
    """A stamp of the neighbour's device, a minute ago by default (earlier than anything written here later)."""
    return Stamp(wall_clock_ms() + offset_ms, 0, device).encode()


def add_group(db: Database, name: str) -> uuid.UUID:
    """A group this install belongs to (no server needed for what is tested locally)."""
    group_id = uuid.uuid4()
    with db.write() as uow:
        uow.session.add(Group(id=group_id, name=name, server_url=None))
    return group_id


def full_vendor(**values: Any) -> Vendor:
    """A vendor with every synced field set, as a neighbour's import would have created it."""
    fields: dict[str, Any] = {
        "name": "Bäckerei Ströck",
        "category": "bakery",
        "address": "Hauptstraße 1, 1140 Wien",
        "lat": 48.2,
        "lon": 16.3,
        "service_area": "Penzing",
        "service_radius_km": 2.5,
        "phone": "+43 1 111 11 11",
        "email": "filiale@stroeck.at",
        "website": "https://www.stroeck.at",
        "opening_hours": "Mo-Sa 06:00-18:00",
        "notes": "Best Kipferl on the street",
        "source": "osm",
        "source_id": "node/10",
        "attribution": "© OpenStreetMap contributors",
        "deleted": False,
    }
    fields.update(values)
    return Vendor(id=uuid.uuid4(), **fields)


def wire_values(record: SyncedRecord) -> dict[str, Any]:
    entity = entity_name(type(record))
    return {name: encode_value(getattr(record, name)) for name in entity_fields(entity)}


def store_delivered(
    uow: UnitOfWork, record: SyncedRecord, group_id: uuid.UUID, stamp: str, layout: Layout
) -> uuid.UUID:
    """Store a record a group delivered in one edit, with its log and version rows, shared with that group.

    As the sync client does, the clock observes the delivered stamp: edits made here afterwards are later.
    """
    session = uow.session
    uow.recorder.observe(Stamp.decode(stamp))
    entity = entity_name(type(record))
    values = wire_values(record)
    session.add(record)
    rows = [(WHOLE, values)] if layout == "whole" else list(values.items())
    for field, value in rows:
        session.add(
            ChangeLogEntry(
                entity=entity,
                record_id=record.id,
                field=field,
                value=value,
                stamp=stamp,
                origin=str(group_id),
                applied=True,
            )
        )
        session.add(FieldVersion(entity=entity, record_id=record.id, field=field, stamp=stamp))
    session.add(Audience(entity=entity, record_id=record.id, group_id=group_id))
    session.flush()
    return record.id


def store_delivered_edit(
    uow: UnitOfWork, record: SyncedRecord, group_id: uuid.UUID, stamp: str, values: dict[str, Any]
) -> None:
    """A later edit the group delivered (always field by field), winning over the record's present values."""
    session = uow.session
    uow.recorder.observe(Stamp.decode(stamp))
    entity = entity_name(type(record))
    for field, value in values.items():
        setattr(record, field, value)
        session.add(
            ChangeLogEntry(
                entity=entity,
                record_id=record.id,
                field=field,
                value=encode_value(value),
                stamp=stamp,
                origin=str(group_id),
                applied=True,
            )
        )
        session.merge(FieldVersion(entity=entity, record_id=record.id, field=field, stamp=stamp))
    session.flush()


def current_stamps(session: Session, entity: str, record_id: uuid.UUID) -> dict[str, str]:
    """Every field's stamp, whichever layout its version rows are in."""
    rows = session.execute(
        select(FieldVersion.field, FieldVersion.stamp).where(
            FieldVersion.entity == entity, FieldVersion.record_id == record_id
        )
    )
    return field_stamps(entity, [(field, stamp) for field, stamp in rows])
