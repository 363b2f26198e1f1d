"""Loading the directory into arrays for ranking: dense indices for people and vendors, one row per live record.

Rows are read with plain SQL and ids kept as the stored 32-character hex text, because building a million UUID
objects and ORM instances would cost seconds; UUIDs are only made for the few records a result shows.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from recommender.ranking.model import RatingModel, RatingSettings
from recommender.ranking.ranker import VendorGeometry
from recommender.taxonomy import load_taxonomy
from recommender.trust.graph import GENERAL, TrustGraph

_CHUNK = 20_000


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
    opening_hours: list[str | None]
    """As stored (OpenStreetMap syntax), for the "open now" filter and the results' "open now"."""


class ReviewTags(Sequence[list[str]]):
    """Tags from live reviews by vendor index, stored only for vendors that have any.

    Most vendors have none: a plain list of 100k mostly empty lists costs a tenth of a second each time the
    snapshot copy is read back, while this costs nothing for them."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._tags: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> list[str]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[str]]: ...
    def __getitem__(self, index: int | slice) -> list[str] | list[list[str]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        if not -self._size <= index < self._size:
            raise IndexError(index)
        return self._tags.get(index % self._size, [])

    def extend(self, vendor: int, tags: Iterable[str]) -> None:
        self._tags.setdefault(vendor, []).extend(tags)

    def replace(self, vendor: int, tags: list[str]) -> None:
        """A vendor's tags after its reviews changed."""
        if tags:
            self._tags[vendor] = tags
        else:
            self._tags.pop(vendor, None)


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
    review_tags: ReviewTags
    """Tags from every live review, by vendor index (for search)."""
    today: dt.date
    radius_overrides: tuple[tuple[str, float], ...] = ()
    """The user's own proximity radii for some categories (km), replacing the taxonomy's."""
    """The day review ages were counted to."""

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


def _vendors(
    session: Session, category_codes: dict[str, int], radius_overrides: Mapping[str, float]
) -> tuple[Vendors, VendorGeometry]:
    rows = (
        session.connection()
        .exec_driver_sql(
            "SELECT id, name, category, address, service_area, lat, lon, service_radius_km, opening_hours FROM vendors "
            "WHERE NOT deleted ORDER BY id"
        )
        .all()
    )
    taxonomy = load_taxonomy()
    ids = [row[0] for row in rows]
    categories = [row[2] for row in rows]
    codes = np.array([category_codes.get(c, len(category_codes)) for c in categories], dtype=np.int64)
    radius_by_code = np.array(
        [radius_overrides.get(key, taxonomy.get(key).radius_km) for key in category_codes] + [10.0]
    )
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
        [row[8] for row in rows],
    )
    return vendors, geometry


def load_snapshot(
    session: Session,
    *,
    today: dt.date | None = None,
    rating_settings: RatingSettings | None = None,
    radius_overrides: Mapping[str, float] | None = None,
) -> Snapshot:
    """Read every live person, vendor, review and trust link; fit the rating model and build the trust graph."""
    today = today or dt.date.today()
    taxonomy = load_taxonomy()
    category_codes = {category.key: code for code, category in enumerate(taxonomy)}
    people = _people(session)
    radius_overrides = dict(radius_overrides or {})
    vendors, geometry = _vendors(session, category_codes, radius_overrides)
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    # SQLite maps stored ids to dense indices through two small in-memory tables, so a million reviews come back
    # as four numbers each: far fewer Python objects (time and memory) than ids mapped one by one in Python.
    for table, source in (("snapshot_vendors", "vendors"), ("snapshot_people", "people")):
        cursor.execute(f"DROP TABLE IF EXISTS temp.{table}")
        cursor.execute(f"CREATE TEMP TABLE {table} (id TEXT PRIMARY KEY, position INTEGER) WITHOUT ROWID")
        cursor.execute(
            f"INSERT INTO temp.{table} SELECT id, row_number() OVER (ORDER BY id) - 1 FROM {source} WHERE NOT deleted"
        )
    # A review recorded by someone since deleted counts as its author's own word (the recorder is unknown now).
    reviews = _numbers(
        cursor,
        "SELECT v.position, p.position, r.rating, julianday(?) - julianday(r.reviewed_on), "
        "coalesce(b.position, p.position) FROM reviews r "
        "JOIN temp.snapshot_vendors v ON v.id = r.vendor_id JOIN temp.snapshot_people p ON p.id = r.author_id "
        "LEFT JOIN temp.snapshot_people b ON b.id = r.recorded_by_id "
        "WHERE NOT r.deleted",
        (today.isoformat(),),
        columns=5,
    )
    items, authors = reviews[:, 0].astype(np.int64), reviews[:, 1].astype(np.int64)
    stars, ages = reviews[:, 2].copy(), reviews[:, 3].copy()
    recorders = reviews[:, 4].astype(np.int64)
    del reviews

    review_tags = ReviewTags(len(vendors.ids))
    cursor.execute("SELECT vendor_id, tags FROM reviews WHERE NOT deleted AND tags != '[]'")
    for vendor_id, stored in cursor.fetchall():
        item = vendors.index.get(vendor_id)
        if item is not None:
            review_tags.extend(item, _tags(stored))

    model = RatingModel(
        len(people.ids),
        len(vendors.ids),
        authors,
        items,
        stars,
        recorders=recorders,
        ages_days=ages,
        item_categories=vendors.category_codes,
        settings=rating_settings,
    )

    codes = " ".join(f"WHEN '{key}' THEN {code}" for key, code in category_codes.items())
    links = _numbers(
        cursor,
        f"SELECT a.position, b.position, t.level, CASE t.category {codes} ELSE {GENERAL} END FROM trust t "
        "JOIN temp.snapshot_people a ON a.id = t.truster_id JOIN temp.snapshot_people b ON b.id = t.trustee_id "
        "WHERE NOT t.deleted",
        (),
    )
    for table in ("snapshot_vendors", "snapshot_people"):
        cursor.execute(f"DROP TABLE temp.{table}")
    cursor.close()
    graph = TrustGraph(
        len(people.ids),
        links[:, 0].astype(np.int64),
        links[:, 1].astype(np.int64),
        links[:, 2].copy(),
        links[:, 3].astype(np.int64),
    )
    return Snapshot(
        people, vendors, geometry, model, graph, category_codes, review_tags, today, tuple(radius_overrides.items())
    )


def _numbers(cursor: Any, query: str, parameters: tuple[Any, ...], columns: int = 4) -> NDArray[np.float64]:
    """All rows of a query returning ``columns`` numbers, as one float array, fetched in chunks."""
    cursor.execute(query, parameters)
    parts = []
    while rows := cursor.fetchmany(_CHUNK):
        parts.append(np.array(rows, dtype=np.float64))
    return np.concatenate(parts) if parts else np.zeros((0, columns))


@functools.lru_cache(maxsize=4096)
def _tags(stored: str) -> tuple[str, ...]:
    """Most reviews share a handful of tag lists, so each distinct stored list is parsed once."""
    tags = json.loads(stored)
    return tuple(tag for tag in tags if isinstance(tag, str)) if isinstance(tags, list) else ()
