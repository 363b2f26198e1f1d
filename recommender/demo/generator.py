"""``grapevine demo``: fill an empty database with a deterministic, realistic demo neighbourhood.

Demo data deliberately bypasses the change log: it is generated, local-only and never synced, so stamping and
logging a million fields would only cost time and space. It is bulk-inserted with raw ``executemany`` in one write
transaction instead. The same size, seed and date always give byte-identical rows, ids included: every random
choice comes from one seeded numpy generator per stage, and nothing depends on hash or dictionary order.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import numpy as np
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from recommender.demo.geography import build_town
from recommender.demo.population import PersonRow, Population, TrustNetwork, make_people, make_trust
from recommender.demo.reviews import ReviewRow, iter_review_rows, review_counts
from recommender.demo.vendors import VendorRow, make_vendors
from recommender.demo.words import load_words
from recommender.geo.home import set_home
from recommender.storage.database import Database, UnitOfWork
from recommender.storage.models import trust_id_for
from recommender.taxonomy import load_taxonomy

logger = logging.getLogger(__name__)

# A town centre to build around (the demo's streets and names are made up; only the map position is real).
DEFAULT_CENTRE = (52.2053, 0.1218)
# Scoped trust is mostly about the choices where a friend's word matters most.
_SENSITIVE_GROUPS = ("health", "children")
_TRUST_CHUNK = 100_000
# Enough page cache for the reviews' three indexes to stay in memory while a million rows go in.
_BULK_CACHE_KIB = 384 * 1024


@dataclass(frozen=True)
class SizeSpec:
    """How big a demo town is."""

    people: int
    vendors: int
    reviews: int
    trust_links: int
    radius_km: float
    neighbourhoods: int
    streets_per_neighbourhood: int


class DemoSize(StrEnum):
    """The demo sizes: what a new user sees, a town for trying things out, a city for benchmarks."""

    SMALL = "small"
    TOWN = "town"
    CITY = "city"

    @property
    def spec(self) -> SizeSpec:
        return _SPECS[self]


_SPECS = {
    DemoSize.SMALL: SizeSpec(150, 400, 3_000, 1_500, 3.0, 6, 10),
    DemoSize.TOWN: SizeSpec(5_000, 10_000, 100_000, 100_000, 8.0, 20, 20),
    DemoSize.CITY: SizeSpec(50_000, 100_000, 1_000_000, 1_000_000, 15.0, 60, 25),
}


@dataclass(frozen=True)
class DemoReport:
    """What ``generate_demo`` wrote, and how long it took."""

    people: int
    vendors: int
    reviews: int
    trust_links: int
    seconds: float
    # Where "me" lives (lat, lon): the natural default search location for the demo, stored as this install's home.
    home: tuple[float, float]
    # The name of my neighbourhood: the home's label.
    home_label: str | None = None


class DemoTargetNotEmptyError(Exception):
    """The demo only fills an empty database: it must never mix made-up people and vendors with real ones."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already has people or vendors; the demo needs a new, empty database")
        self.path = path


def generate_demo(
    db: Database,
    size: DemoSize | str = DemoSize.SMALL,
    seed: int = 1,
    today: dt.date | None = None,
    centre: tuple[float, float] = DEFAULT_CENTRE,
) -> DemoReport:
    """Fill the empty database ``db`` with a demo neighbourhood; raises DemoTargetNotEmptyError otherwise."""
    started = time.perf_counter()
    size = DemoSize(size)
    today = today if today is not None else dt.date.today()
    with db.engine.connect() as connection:
        # One BEGIN IMMEDIATE transaction: the emptiness check and every row stand or fall together.
        with _bulk_load(connection) as raw, connection.begin():
            cursor = raw.cursor()
            _refuse_non_empty(cursor, db.path)
            report = _fill(cursor, size.spec, seed, today, centre)
            _store_home(connection, db, report)
        # The bulk load went through the write-ahead log; fold it into the database file (durably: synchronous
        # is back to normal here) and shrink the log.
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    report = replace(report, seconds=time.perf_counter() - started)
    logger.info("demo %s (seed %d) written to %s: %s", size, seed, db.path, report)
    return report


@contextmanager
def _bulk_load(connection: Connection) -> Iterator[sqlite3.Connection]:
    """The connection's sqlite3 handle with a big page cache and no fsyncs, both restored afterwards.

    Set outside any transaction (the handle is in autocommit mode) and undone before the connection goes back
    to the pool, so later writes get full durability again.
    """
    raw = cast(sqlite3.Connection, connection.connection.driver_connection)
    previous = {name: raw.execute(f"PRAGMA {name}").fetchone()[0] for name in ("synchronous", "cache_size")}
    raw.execute("PRAGMA synchronous=OFF")
    raw.execute(f"PRAGMA cache_size=-{_BULK_CACHE_KIB}")
    try:
        yield raw
    finally:
        for name, value in previous.items():
            raw.execute(f"PRAGMA {name}={int(value)}")


def _fill(cursor: sqlite3.Cursor, spec: SizeSpec, seed: int, today: dt.date, centre: tuple[float, float]) -> DemoReport:
    """Generate and insert the town stage by stage; each stage draws from its own seeded stream."""
    words = load_words()
    categories = list(load_taxonomy())
    # Weighted like the vendor mix, so scoped trust is mostly about GPs, dentists and babysitters.
    sensitive = {
        c.key: words.categories[c.key].weight if c.key in words.categories else 1.0
        for c in categories
        if c.group in _SENSITIVE_GROUPS
    }
    town_rng, people_rng, trust_rng, vendor_rng, review_rng = (
        np.random.default_rng(child) for child in np.random.SeedSequence(seed).spawn(5)
    )
    town = build_town(town_rng, words, centre, spec.radius_km, spec.neighbourhoods, spec.streets_per_neighbourhood)
    people = make_people(people_rng, town, words, spec.people)
    _insert(cursor, "people", _PEOPLE_COLUMNS, [people.rows])
    trust = make_trust(trust_rng, people, town, spec.trust_links, [c.key for c in categories], sensitive)
    _insert(cursor, "trust", _TRUST_COLUMNS, _trust_rows(people, trust))
    vendors = make_vendors(vendor_rng, town, words, categories, spec.vendors)
    _insert(cursor, "vendors", _VENDOR_COLUMNS, [vendors.rows])
    contacts = trust.contacts_of(people.me)
    counts = review_counts(review_rng, people, contacts, spec.reviews, spec.vendors)
    rows = iter_review_rows(review_rng, people, vendors, town, categories, words, counts, contacts, today)
    reviews = _insert(cursor, "reviews", _REVIEW_COLUMNS, rows)
    home_lat, home_lon = town.lat_lon(people.xy[[people.me]])
    home_label = town.names[int(people.hood[people.me])]
    return DemoReport(
        people=len(people.rows),
        vendors=len(vendors.rows),
        reviews=reviews,
        trust_links=len(trust),
        seconds=0.0,
        home=(float(home_lat[0]), float(home_lon[0])),
        home_label=home_label,
    )


def _store_home(connection: Connection, db: Database, report: DemoReport) -> None:
    """Make the demo's home this install's home, in the demo's own transaction (all or nothing)."""
    # The session joins the connection's open transaction; its commit only flushes, the caller commits.
    with Session(bind=connection) as session:
        set_home(UnitOfWork(session, db.now_ms), *report.home, label=report.home_label)
        session.commit()


def _refuse_non_empty(cursor: sqlite3.Cursor, path: Path) -> None:
    found = cursor.execute("SELECT EXISTS (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM vendors)").fetchone()[0]
    if found:
        raise DemoTargetNotEmptyError(path)


_PEOPLE_COLUMNS = ("id", "display_name", "email", "phone", "is_me", "member_id", "notes", "deleted")
_TRUST_COLUMNS = ("id", "truster_id", "trustee_id", "category", "level", "deleted")
_VENDOR_COLUMNS = (
    "id", "name", "category", "address", "lat", "lon", "service_area", "service_radius_km", "phone", "email",
    "website", "opening_hours", "notes", "source", "source_id", "attribution", "deleted",
)  # fmt: skip
_REVIEW_COLUMNS = (
    "id", "vendor_id", "author_id", "recorded_by_id", "rating", "text", "visited_on", "reviewed_on", "tags",
    "deleted",
)  # fmt: skip

TrustRow = tuple[str, str, str, str | None, float, int]


def _insert(
    cursor: sqlite3.Cursor,
    table: str,
    columns: Sequence[str],
    chunks: Iterable[Sequence[PersonRow] | Sequence[TrustRow] | Sequence[VendorRow] | Sequence[ReviewRow]],
) -> int:
    """Insert rows chunk by chunk with one prepared statement; returns how many went in."""
    started = time.perf_counter()
    statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    total = 0
    for chunk in chunks:
        rows: Sequence[Any] = chunk
        cursor.executemany(statement, rows)
        total += len(rows)
    logger.debug("inserted %d %s rows in %.2f s", total, table, time.perf_counter() - started)
    return total


def _trust_rows(people: Population, trust: TrustNetwork) -> Iterator[list[TrustRow]]:
    ids = people.ids
    for start in range(0, len(trust), _TRUST_CHUNK):
        stop = min(start + _TRUST_CHUNK, len(trust))
        truster = trust.truster[start:stop].tolist()
        trustee = trust.trustee[start:stop].tolist()
        level = trust.level[start:stop].tolist()
        yield [
            (trust_id_for(ids[a], ids[b], category).hex, ids[a].hex, ids[b].hex, category, lvl, 0)
            for a, b, category, lvl in zip(truster, trustee, trust.category[start:stop], level, strict=True)
        ]
