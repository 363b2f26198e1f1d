"""Re-importing a newer extract: the OSM vendors already here, read in bulk for the import to compare.

Which of their fields the import may still overwrite is :class:`recommender.importers.ownership.ImportOwnership`'s
answer (a field someone typed since an import wrote it wins over the map).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from recommender.storage.models import Vendor

# The fields an OSM import writes; notes, service area and radius are only ever the user's.
IMPORTED_FIELDS = ("name", "category", "address", "lat", "lon", "phone", "email", "website", "opening_hours",
                   "attribution")  # fmt: skip
# Where the stamp ranges of this install's OSM import runs are kept (see ImportOwnership).
RANGES_KEY = "osm_import_stamps"
# Ids per IN (...) query: well under SQLite's limit of bound parameters.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class KnownVendor:
    """An OSM vendor already in the directory, as the import compares it."""

    id: uuid.UUID
    deleted: bool
    values: dict[str, object]


def load_vendors(session: Session, vendor_ids: list[uuid.UUID]) -> list[Vendor]:
    """The vendors about to be refreshed, read in chunks; the caller keeps the list so the session keeps them."""
    loaded: list[Vendor] = []
    for start in range(0, len(vendor_ids), _CHUNK):
        loaded.extend(session.scalars(select(Vendor).where(Vendor.id.in_(vendor_ids[start : start + _CHUNK]))))
    return loaded


def known_osm_vendors(session: Session) -> dict[str, KnownVendor]:
    """Every vendor an OSM import brought in, deleted ones too, by OSM id ("node/42")."""
    columns = [getattr(Vendor, name) for name in IMPORTED_FIELDS]
    query = select(Vendor.id, Vendor.deleted, Vendor.source_id, *columns).where(Vendor.source == "osm")
    known = {}
    for row in session.execute(query):
        vendor_id, deleted, source_id, *values = row
        if source_id is not None:
            known[source_id] = KnownVendor(vendor_id, deleted, dict(zip(IMPORTED_FIELDS, values, strict=True)))
    return known
