"""The vendor directory: add, edit, delete and look up vendors, validating every field."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from recommender.directory import validation
from recommender.directory.common import load, set_deleted
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.directory.records import VendorRecord
from recommender.storage.changelog import Changes
from recommender.storage.database import UnitOfWork
from recommender.storage.limits import LONG_TEXT_CHARS
from recommender.storage.models import Vendor

SOURCES = ("manual", "osm", "import", "demo", "yelp", "takeout")


@dataclass(frozen=True, slots=True)
class VendorDraft:
    """A vendor as typed in a form or read from a file, before validation (numbers may still be text)."""

    name: str
    category: str
    address: str | None = None
    lat: float | str | None = None
    lon: float | str | None = None
    service_area: str | None = None
    service_radius_km: float | str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    opening_hours: str | None = None
    notes: str | None = None
    source: str = "manual"
    source_id: str | None = None
    attribution: str | None = None

    @classmethod
    def of(cls, record: VendorRecord) -> VendorDraft:
        """A draft holding a stored vendor's values, to edit with ``dataclasses.replace``."""
        values = asdict(record)
        del values["id"]
        return cls(**values)


def clean_vendor(draft: VendorDraft) -> dict[str, Any]:
    """Validated, normalised field values; raises ValidationError naming the first bad field."""
    lat, lon = validation.coordinates(draft.lat, draft.lon)
    source = validation.required_text("source", draft.source, limit=16)
    if source not in SOURCES:
        raise ValidationError("source", ErrorCode.NOT_ALLOWED, source, reason=f"must be one of {', '.join(SOURCES)}")
    return validation.record_size(
        {
            "name": validation.required_text("name", draft.name, limit=200),
            "category": validation.category("category", draft.category),
            "address": validation.text("address", draft.address, limit=300),
            "lat": lat,
            "lon": lon,
            "service_area": validation.text("service_area", draft.service_area, limit=200),
            "service_radius_km": validation.number("service_radius_km", draft.service_radius_km, low=0.01, high=500.0),
            "phone": validation.phone("phone", draft.phone),
            "email": validation.email("email", draft.email),
            "website": validation.website("website", draft.website),
            "opening_hours": validation.text("opening_hours", draft.opening_hours, limit=500),
            "notes": validation.text("notes", draft.notes, limit=LONG_TEXT_CHARS),
            "source": source,
            "source_id": validation.text("source_id", draft.source_id, limit=200),
            "attribution": validation.text("attribution", draft.attribution, limit=200),
        }
    )


def add_vendor(uow: UnitOfWork, draft: VendorDraft, *, vendor_id: uuid.UUID | None = None) -> VendorRecord:
    """Add a vendor (with a given id when importing one that exists elsewhere)."""
    values = clean_vendor(draft)
    vendor: Vendor = uow.recorder.create(Vendor, vendor_id or uuid.uuid4(), values)
    return VendorRecord.of(vendor)


def update_vendor(uow: UnitOfWork, vendor_id: uuid.UUID, draft: VendorDraft) -> Changes:
    """Replace a vendor's editable fields; only the fields that really change are stamped and logged."""
    vendor = load(uow.session, Vendor, vendor_id)
    uow.recorder.update(vendor, clean_vendor(draft))
    return uow.changes


def delete_vendor(uow: UnitOfWork, vendor_id: uuid.UUID) -> Changes:
    return set_deleted(uow, Vendor, vendor_id, True)


def restore_vendor(uow: UnitOfWork, vendor_id: uuid.UUID) -> Changes:
    """Undo a delete: the vendor comes back with every value it had."""
    return set_deleted(uow, Vendor, vendor_id, False)


def get_vendor(session: Session, vendor_id: uuid.UUID) -> VendorRecord:
    return VendorRecord.of(load(session, Vendor, vendor_id))


def list_vendors(session: Session, *, category: str | None = None) -> list[VendorRecord]:
    """Live vendors ordered by name, optionally of one category (a taxonomy key)."""
    query = select(Vendor).where(Vendor.deleted.is_(False)).order_by(Vendor.name, Vendor.id)
    if category is not None:
        query = query.where(Vendor.category == category)
    return [VendorRecord.of(vendor) for vendor in session.scalars(query)]


def count_vendors(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Vendor).where(Vendor.deleted.is_(False))) or 0
