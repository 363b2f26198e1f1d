"""Loading the directory into arrays for ranking: dense indices for people and vendors, one row per live record.

Rows are read with plain SQL and ids kept as the stored 32-character hex text, because building a million UUID
objects and ORM instances would cost seconds; UUIDs are only made for the few records a result shows.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from recommender.ranking.model import RatingModel, RatingSettings
from recommender.ranking.ranker import VendorGeometry
from recommender.taxonomy import load_taxonomy
from recommender.trust.graph import GENERAL, TrustGraph

_CHUNK = 100_000


@dataclass(frozen=True)
class People:
    ids: list[str]
    """Stored hex ids, by person index."""
    names: list[str]
    index: dict[str, int]
    me: int | None


@dataclass(frozen=True)
class Vendors:
    ids: list[str]
    names: list[str]
    categories: list[str]
    addresses: list[str | None]
    service_areas: list[str | None]
    category_codes: NDArray[np.int64]
    index: dict[str, int]


@dataclass(frozen=True)
class Snapshot:
    """The live directory as arrays, plus the fitted rating model and the trust graph built from it."""

    people: People
    vendors: Vendors
    geometry: VendorGeometry
    model: RatingModel
    graph: TrustGraph
    category_codes: dict[str, int]
    """Taxonomy key → the dense code used in arrays, in taxonomy order."""
    review_tags: list[list[str]]
    """Tags from every live review, by vendor index (for search)."""

    def person_uuid(self, person: int) -> uuid.UUID:
        return uuid.UUID(hex=self.people.ids[person])

    def vendor_uuid(self, vendor: int) -> uuid.UUID:
        return uuid.UUID(hex=self.vendors.ids[vendor])


def _people(session: Session) -> People:
    rows = (
        session.connection()
        .exec_driver_sql("SELECT id, display_name, is_me FROM people WHERE NOT deleted ORDER BY id")
        .all()
    )
    ids = [row[0] for row in rows]
    me = next((position for position, row in enumerate(rows) if row[2]), None)
    return People(ids, [row[1] for row in rows], {hex_id: i for i, hex_id in enumerate(ids)}, me)


def _vendors(session: Session, category_codes: dict[str, int]) -> tuple[Vendors, VendorGeometry]:
    rows = (
        session.connection()
        .exec_driver_sql(
            "SELECT id, name, category, address, service_area, lat, lon, service_radius_km FROM vendors "
            "WHERE NOT deleted ORDER BY id"
        )
        .all()
    )
    taxonomy = load_taxonomy()
    ids = [row[0] for row in rows]
    categories = [row[2] for row in rows]
    codes = np.array([category_codes.get(c, len(category_codes)) for c in categories], dtype=np.int64)
    radius_by_code = np.array([taxonomy.get(key).radius_km for key in category_codes] + [10.0])
    geometry = VendorGeometry(
        lats=np.array([np.nan if row[5] is None else row[5] for row in rows], dtype=np.float64),
        lons=np.array([np.nan if row[6] is None else row[6] for row in rows], dtype=np.float64),
        radius_km=radius_by_code[codes] if len(codes) else np.zeros(0),
        service_radius_km=np.array([row[7] or 0.0 for row in rows], dtype=np.float64),
    )
    vendors = Vendors(
        ids,
        [row[1] for row in rows],
        categories,
        [row[3] for row in rows],
        [row[4] for row in rows],
        codes,
        {hex_id: i for i, hex_id in enumerate(ids)},
    )
    return vendors, geometry


def load_snapshot(
    session: Session, *, today: dt.date | None = None, rating_settings: RatingSettings | None = None
) -> Snapshot:
    """Read every live person, vendor, review and trust link; fit the rating model and build the trust graph."""
    today = today or dt.date.today()
    taxonomy = load_taxonomy()
    category_codes = {category.key: code for code, category in enumerate(taxonomy)}
    people = _people(session)
    vendors, geometry = _vendors(session, category_codes)
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    vendor_keys = np.array(vendors.ids, dtype="S32")
    person_keys = np.array(people.ids, dtype="S32")

    # Fetched in chunks straight into arrays (a million row tuples at once would cost hundreds of megabytes),
    # with ages computed by SQLite, which parses the stored dates far faster than Python.
    cursor.execute(
        "SELECT vendor_id, author_id, rating, julianday(?) - julianday(reviewed_on) FROM reviews WHERE NOT deleted",
        (today.isoformat(),),
    )
    item_parts, author_parts, star_parts, age_parts = [], [], [], []
    while rows := cursor.fetchmany(_CHUNK):
        item_parts.append(_positions(vendor_keys, [row[0] for row in rows]))
        author_parts.append(_positions(person_keys, [row[1] for row in rows]))
        star_parts.append(np.array([row[2] for row in rows], dtype=np.float64))
        age_parts.append(np.array([row[3] for row in rows], dtype=np.float64))
    items, authors = _joined(item_parts, np.int64), _joined(author_parts, np.int64)
    stars, ages = _joined(star_parts, np.float64), _joined(age_parts, np.float64)
    live = (items >= 0) & (authors >= 0)
    items, authors, stars, ages = items[live], authors[live], stars[live], ages[live]

    review_tags: list[list[str]] = [[] for _ in vendors.ids]
    cursor.execute("SELECT vendor_id, tags FROM reviews WHERE NOT deleted AND tags != '[]'")
    for vendor_id, stored in cursor.fetchall():
        item = vendors.index.get(vendor_id)
        if item is not None:
            review_tags[item].extend(_tags(stored))

    model = RatingModel(
        len(people.ids),
        len(vendors.ids),
        authors,
        items,
        stars,
        ages_days=ages,
        item_categories=vendors.category_codes,
        settings=rating_settings,
    )

    cursor.execute("SELECT truster_id, trustee_id, level, category FROM trust WHERE NOT deleted")
    truster_parts, trustee_parts, level_parts, scope_parts = [], [], [], []
    while rows := cursor.fetchmany(_CHUNK):
        truster_parts.append(_positions(person_keys, [row[0] for row in rows]))
        trustee_parts.append(_positions(person_keys, [row[1] for row in rows]))
        level_parts.append(np.array([row[2] for row in rows], dtype=np.float64))
        scope_parts.append(
            np.array([GENERAL if row[3] is None else category_codes.get(row[3], GENERAL) for row in rows], np.int64)
        )
    cursor.close()
    truster, trustee = _joined(truster_parts, np.int64), _joined(trustee_parts, np.int64)
    level, scope = _joined(level_parts, np.float64), _joined(scope_parts, np.int64)
    kept = (truster >= 0) & (trustee >= 0)
    graph = TrustGraph(len(people.ids), truster[kept], trustee[kept], level[kept], scope[kept])
    return Snapshot(people, vendors, geometry, model, graph, category_codes, review_tags)


def _positions(sorted_keys: NDArray[np.bytes_], hex_ids: list[str]) -> NDArray[np.int64]:
    """Dense indices of stored hex ids in the sorted key array, or -1 for ids not there (deleted records).

    A vectorised binary search over fixed-width byte strings maps a million ids in a fraction of the time a
    Python dictionary lookup per id takes."""
    wanted = np.array(hex_ids, dtype="S32")
    found = np.searchsorted(sorted_keys, wanted)
    found = np.minimum(found, max(len(sorted_keys) - 1, 0))
    if len(sorted_keys) == 0:
        return np.full(len(wanted), -1, dtype=np.int64)
    return np.where(sorted_keys[found] == wanted, found, -1).astype(np.int64)


def _joined(parts: list[NDArray[Any]], dtype: type[np.generic]) -> NDArray[Any]:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)


@functools.lru_cache(maxsize=4096)
def _tags(stored: str) -> tuple[str, ...]:
    """Most reviews share a handful of tag lists, so each distinct stored list is parsed once."""
    tags = json.loads(stored)
    return tuple(tag for tag in tags if isinstance(tag, str)) if isinstance(tags, list) else ()
