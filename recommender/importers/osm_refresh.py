"""Re-importing a newer extract: which fields of a known OSM vendor the import may still overwrite.

A field is the import's while it holds a value an import wrote: the value it got when the vendor was created
(every field of a new record is logged with one stamp, whoever's import created it, and sync keeps stamps) or a
value a later OSM import on this install wrote (their stamps lie within the stamp range recorded for each run).
Anything else was typed by someone, here or in the group, and wins over the map: it is kept and reported.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from recommender.storage.hlc import Stamp
from recommender.storage.models import FieldVersion, LocalMeta, Vendor
from recommender.storage.whole_records import field_stamps

# The fields an OSM import writes; notes, service area and radius are only ever the user's.
IMPORTED_FIELDS = ("name", "category", "address", "lat", "lon", "phone", "email", "website", "opening_hours",
                   "attribution")  # fmt: skip
# Moved together or not at all: half of a user's correction next to half of the map's point is nowhere.
_PAIRED = ("lat", "lon")
# Set when the record is created and never changed by an import: its stamp is the creation stamp.
_CREATION_FIELD = "source_id"
_RANGES_KEY = "osm_import_stamps"
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


class ImportOwnership:
    """Answers "does this field still hold what an import wrote?" for the vendors of one import run.

    The stamps of every vendor that may change are read up front, a chunk of ids per query: asked one vendor at
    a time in the middle of the writes, each query would first flush the session (measured: 16 s of a 38 s
    profile refreshing 3,000 vendors).
    """

    def __init__(self, session: Session, vendor_ids: Iterable[uuid.UUID]):
        self._session = session
        stored = session.get(LocalMeta, _RANGES_KEY)
        self._ranges: list[list[str]] = json.loads(stored.value) if stored is not None else []
        self._decoded = [(Stamp.decode(start), Stamp.decode(end)) for start, end in self._ranges]
        versions: dict[uuid.UUID, list[tuple[str, str]]] = {}
        ids = list(vendor_ids)
        for start in range(0, len(ids), _CHUNK):
            query = select(FieldVersion.record_id, FieldVersion.field, FieldVersion.stamp).where(
                FieldVersion.entity == "vendors", FieldVersion.record_id.in_(ids[start : start + _CHUNK])
            )
            for record_id, field, stamp in session.execute(query):
                versions.setdefault(record_id, []).append((field, stamp))
        # A vendor synced in one edit has one whole-record version row: every field gets its stamp.
        self._stamps = {record_id: field_stamps("vendors", rows) for record_id, rows in versions.items()}

    def owned_fields(self, vendor_id: uuid.UUID, fields: Iterable[str]) -> set[str]:
        """Those of ``fields`` the import may overwrite (``vendor_id`` is one of those given up front)."""
        stamps = self._stamps.get(vendor_id, {})
        created = stamps.get(_CREATION_FIELD)
        owned = {field for field in fields if self._written_by_import(stamps.get(field), created)}
        if any(field in owned for field in _PAIRED) and not all(
            self._written_by_import(stamps.get(field), created) for field in _PAIRED
        ):
            owned -= set(_PAIRED)
        return owned

    def _written_by_import(self, stamp: str | None, created: str | None) -> bool:
        if stamp is None or stamp == created:
            # No stamp: the field predates the change log, so nobody has edited it since.
            return True
        decoded = Stamp.decode(stamp)
        return any(start < decoded < end and decoded.device == start.device for start, end in self._decoded)

    def record_run(self, start: Stamp, end: Stamp) -> None:
        """Remember this run's stamp range (per install: stamps of other devices never fall in it)."""
        self._ranges.append([start.encode(), end.encode()])
        self._session.merge(LocalMeta(key=_RANGES_KEY, value=json.dumps(self._ranges)))
