"""Which fields of a known vendor a re-import may still overwrite: the ones that hold what an import wrote.

A field is the import's while it holds the value the vendor was created with (every field of a new record is
logged with one stamp, whoever's import created it, and sync keeps stamps) or a value a later import of the same
source on this install wrote (their stamps lie within the stamp range recorded for each run). Anything else was
typed by someone, here or in a synced group, and is newer knowledge than a file: the import keeps it.

Shared by the OpenStreetMap re-import and the listing importers (Yelp, Google Takeout).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from recommender.storage.hlc import Stamp
from recommender.storage.meta import get_meta, put_meta
from recommender.storage.models import FieldVersion, Vendor
from recommender.storage.whole_records import field_stamps

# Moved together or not at all: half of a user's corrected position next to half of the file's is nowhere.
_PAIRED = ("lat", "lon")
# Set when the record is created and never changed by an import: its stamp is the creation stamp.
_CREATION_FIELD = "source_id"
# Ids per IN (...) query: well under SQLite's limit of bound parameters.
_CHUNK = 500
_STAMPS = select(FieldVersion.record_id, FieldVersion.field, FieldVersion.stamp).where(FieldVersion.entity == "vendors")


class ImportOwnership:
    """Answers "does this field still hold what an import wrote?" for the vendors of one import run.

    The stamps are read up front, in a few queries: asked one vendor at a time in the middle of the writes, each
    query would first flush the session (measured: 16 s of a 38 s profile refreshing 3,000 OSM vendors).
    """

    def __init__(self, session: Session, ranges_key: str, queries: Iterable[Select[uuid.UUID, str, str]]):
        self._session = session
        self._ranges_key = ranges_key
        stored = get_meta(session, [ranges_key]).get(ranges_key)
        self._ranges: list[list[str]] = json.loads(stored) if stored is not None else []
        self._decoded = [(Stamp.decode(start), Stamp.decode(end)) for start, end in self._ranges]
        versions: dict[uuid.UUID, list[tuple[str, str]]] = {}
        for query in queries:
            for record_id, field, stamp in session.execute(query):
                versions.setdefault(record_id, []).append((field, stamp))
        # A vendor synced in one edit has one whole-record version row: every field gets its stamp.
        self._stamps = {record_id: field_stamps("vendors", rows) for record_id, rows in versions.items()}

    @classmethod
    def of_vendors(cls, session: Session, ranges_key: str, vendor_ids: Iterable[uuid.UUID]) -> ImportOwnership:
        """For the given vendors only (those an import is about to change)."""
        ids = list(vendor_ids)
        chunks = (ids[start : start + _CHUNK] for start in range(0, len(ids), _CHUNK))
        return cls(session, ranges_key, (_STAMPS.where(FieldVersion.record_id.in_(chunk)) for chunk in chunks))

    @classmethod
    def of_source(cls, session: Session, ranges_key: str, source: str) -> ImportOwnership:
        """For every vendor an import of ``source`` made."""
        query = _STAMPS.join(Vendor, Vendor.id == FieldVersion.record_id).where(Vendor.source == source)
        return cls(session, ranges_key, [query])

    def owned_fields(self, vendor_id: uuid.UUID, fields: Iterable[str]) -> set[str]:
        """Those of ``fields`` the import may overwrite (``vendor_id`` is one of those read up front)."""
        stamps = self._stamps.get(vendor_id, {})
        created = stamps.get(_CREATION_FIELD)
        owned = {field for field in fields if self._written_by_import(stamps.get(field), created)}
        if not all(self._written_by_import(stamps.get(field), created) for field in _PAIRED):
            owned -= set(_PAIRED)
        return owned

    def record_run(self, start: Stamp, end: Stamp) -> None:
        """Remember this run's stamp range (per install: stamps of other devices never fall in it)."""
        self._ranges.append([start.encode(), end.encode()])
        put_meta(self._session, self._ranges_key, json.dumps(self._ranges))

    def _written_by_import(self, stamp: str | None, created: str | None) -> bool:
        if stamp is None or stamp == created:
            # No stamp: the value predates the change log; the creation stamp: nobody has changed it since.
            return True
        decoded = Stamp.decode(stamp)
        return any(start < decoded < end and decoded.device == start.device for start, end in self._decoded)
