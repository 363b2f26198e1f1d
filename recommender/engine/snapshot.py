"""Loading the directory into arrays for ranking: dense indices for people and vendors, one row per live record.

Rows are read with plain SQL and ids kept as the stored 32-character hex text, because building a million UUID
objects and ORM instances would cost seconds; UUIDs are only made for the few records a result shows.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from recommender.ranking.model import RatingModel, RatingSettings
from recommender.ranking.ranker import VendorGeometry
from recommender.taxonomy import load_taxonomy
from recommender.trust.graph import GENERAL, TrustGraph


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
    connection = session.connection()

    reviews = connection.exec_driver_sql(
        "SELECT vendor_id, author_id, rating, reviewed_on, tags FROM reviews WHERE NOT deleted"
    ).all()
    vendor_index, person_index = vendors.index, people.index
    live = [row for row in reviews if row[0] in vendor_index and row[1] in person_index]
    items = np.fromiter((vendor_index[row[0]] for row in live), dtype=np.int64, count=len(live))
    authors = np.fromiter((person_index[row[1]] for row in live), dtype=np.int64, count=len(live))
    stars = np.fromiter((row[2] for row in live), dtype=np.float64, count=len(live))
    dates = np.array([row[3] for row in live], dtype="datetime64[D]")
    ages = (np.datetime64(today, "D") - dates).astype(np.float64) if live else np.zeros(0)
    review_tags: list[list[str]] = [[] for _ in vendors.ids]
    for row, item in zip(live, items, strict=True):
        if row[4] and row[4] != "[]":
            review_tags[item].extend(_tags(row[4]))

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

    links = connection.exec_driver_sql(
        "SELECT truster_id, trustee_id, level, category FROM trust WHERE NOT deleted"
    ).all()
    kept = [row for row in links if row[0] in person_index and row[1] in person_index]
    graph = TrustGraph(
        len(people.ids),
        np.fromiter((person_index[row[0]] for row in kept), dtype=np.int64, count=len(kept)),
        np.fromiter((person_index[row[1]] for row in kept), dtype=np.int64, count=len(kept)),
        np.fromiter((row[2] for row in kept), dtype=np.float64, count=len(kept)),
        np.fromiter(
            (GENERAL if row[3] is None else category_codes.get(row[3], GENERAL) for row in kept),
            dtype=np.int64,
            count=len(kept),
        ),
    )
    return Snapshot(people, vendors, geometry, model, graph, category_codes, review_tags)


def _tags(stored: str) -> list[str]:
    tags = json.loads(stored)
    return [tag for tag in tags if isinstance(tag, str)] if isinstance(tags, list) else []
