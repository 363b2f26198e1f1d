"""The demo neighbourhood: deterministic, refuses real data, and looks like a real town to a new user."""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from recommender.demo import DEFAULT_CENTRE, DemoReport, DemoSize, DemoTargetNotEmptyError, generate_demo
from recommender.storage.database import Database
from recommender.taxonomy import load_taxonomy

TODAY = dt.date(2026, 6, 15)
TABLES = ("people", "trust", "vendors", "reviews")


def _generate(path: Path, seed: int = 1) -> DemoReport:
    database = Database.open(path)
    try:
        return generate_demo(database, "small", seed=seed, today=TODAY)
    finally:
        database.close()


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as connection:
        return {table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in TABLES}


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoReport]:
    path = tmp_path_factory.mktemp("demo") / "small.sqlite"
    return path, _generate(path)


@pytest.fixture
def sql(small: tuple[Path, DemoReport]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(small[0])
    yield connection
    connection.close()


def test_same_seed_and_day_give_identical_data(small: tuple[Path, DemoReport], tmp_path: Path) -> None:
    _generate(tmp_path / "again.sqlite")
    assert _dump(tmp_path / "again.sqlite") == _dump(small[0])


def test_another_seed_gives_another_town(small: tuple[Path, DemoReport], tmp_path: Path) -> None:
    _generate(tmp_path / "other.sqlite", seed=2)
    first, other = _dump(small[0]), _dump(tmp_path / "other.sqlite")
    for table in TABLES:
        assert not {row[0] for row in first[table]} & {row[0] for row in other[table]}, table
    assert [row[1] for row in first["vendors"]] != [row[1] for row in other["vendors"]]


def test_refuses_a_database_with_people(me_db: Database) -> None:
    with pytest.raises(DemoTargetNotEmptyError, match=str(me_db.path)):
        generate_demo(me_db, "small", today=TODAY)
    with sqlite3.connect(me_db.path) as connection:
        assert connection.execute("SELECT count(*) FROM people").fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM reviews").fetchone() == (0,)


def test_refuses_a_database_with_vendors(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO vendors (id, name, category, source, deleted) "
            "VALUES ('00000000000040008000000000000001', 'Real Bakery', 'bakery', 'manual', 0)"
        )
    with pytest.raises(DemoTargetNotEmptyError):
        generate_demo(db, "small", today=TODAY)


def test_counts_match_the_size(small: tuple[Path, DemoReport], sql: sqlite3.Connection) -> None:
    report, spec = small[1], DemoSize.SMALL.spec
    stored = {table: sql.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    assert stored == {
        "people": report.people,
        "trust": report.trust_links,
        "vendors": report.vendors,
        "reviews": report.reviews,
    }
    assert report.people == spec.people
    assert report.vendors == spec.vendors
    assert spec.reviews * 0.97 <= report.reviews <= spec.reviews
    assert spec.trust_links * 0.9 <= report.trust_links <= spec.trust_links * 1.1
    assert report.seconds > 0


def test_exactly_one_me_living_near_the_centre_with_neighbours_as_contacts(
    small: tuple[Path, DemoReport], sql: sqlite3.Connection
) -> None:
    (me, my_notes), *others = sql.execute("SELECT id, notes FROM people WHERE is_me").fetchall()
    assert not others
    assert _distance_km(small[1].home, DEFAULT_CENTRE) < 1.0
    contacts = sql.execute(
        "SELECT p.notes, t.level, t.category FROM trust t JOIN people p ON p.id = t.trustee_id WHERE t.truster_id = ?",
        (me,),
    ).fetchall()
    assert 10 <= len(contacts) <= 15
    assert sum(notes == my_notes for notes, _, _ in contacts) > len(contacts) / 2
    assert all(level > 0 for _, level, _ in contacts)
    assert sql.execute("SELECT count(*) FROM trust WHERE trustee_id = ?", (me,)).fetchone()[0] > 0


def test_categories_come_from_the_taxonomy(sql: sqlite3.Connection) -> None:
    taxonomy = load_taxonomy()
    vendor_categories = {row[0] for row in sql.execute("SELECT DISTINCT category FROM vendors")}
    trust_categories = {row[0] for row in sql.execute("SELECT DISTINCT category FROM trust WHERE category NOT NULL")}
    assert all(key in taxonomy for key in vendor_categories | trust_categories)
    # A realistic mix: many kinds of vendor, hairdressers far more common than notaries.
    assert len(vendor_categories) > 40
    counts = dict(sql.execute("SELECT category, count(*) FROM vendors GROUP BY category").fetchall())
    assert counts["hairdresser"] > 3 * counts.get("notary", 0)


def test_vendors_lie_within_the_town(sql: sqlite3.Connection) -> None:
    radius = DemoSize.SMALL.spec.radius_km
    places = sql.execute("SELECT lat, lon FROM vendors").fetchall()
    distances = [_distance_km((lat, lon), DEFAULT_CENTRE) for lat, lon in places]
    assert max(distances) <= radius
    # Spread over the town, not piled on the centre.
    assert np.median(distances) > radius / 5


def test_vendors_without_an_address_have_a_service_area(sql: sqlite3.Connection) -> None:
    taxonomy = load_taxonomy()
    rows = sql.execute("SELECT category, address, service_area, service_radius_km FROM vendors").fetchall()
    addressless = [row for row in rows if row[1] is None]
    assert addressless
    for category, _, area, radius in addressless:
        assert area
        assert radius == taxonomy.get(category).radius_km
    assert all(row[2] is None for row in rows if row[1] is not None)
    assert not any(row[1] for row in rows if row[0] in {"babysitter", "dog_walker", "nanny", "pet_sitter"})
    # "12 Maple Street, Northfield"
    assert all(row[1].split(" ", 1)[0].isdigit() and ", " in row[1] for row in rows if row[1] is not None)


def test_trust_is_clustered_by_neighbourhood(sql: sqlite3.Connection) -> None:
    links = sql.execute(
        "SELECT a.notes = b.notes, t.level, t.category FROM trust t "
        "JOIN people a ON a.id = t.truster_id JOIN people b ON b.id = t.trustee_id"
    ).fetchall()
    local = sum(same for same, _, _ in links) / len(links)
    assert local > 0.6
    assert local < 0.99  # a few long ties too
    distrust = sum(level <= 0 for _, level, _ in links) / len(links)
    assert 0.002 < distrust < 0.04
    scoped = sum(category is not None for _, _, category in links) / len(links)
    assert 0.01 < scoped < 0.06
    assert sql.execute("SELECT count(*) FROM trust WHERE truster_id = trustee_id").fetchone() == (0,)
    out_degrees = [row[0] for row in sql.execute("SELECT count(*) FROM trust GROUP BY truster_id")]
    assert max(out_degrees) > 2 * np.median(out_degrees)


def test_stars_track_hidden_vendor_quality(sql: sqlite3.Connection) -> None:
    ratings: dict[str, list[int]] = defaultdict(list)
    for vendor, rating in sql.execute("SELECT vendor_id, rating FROM reviews ORDER BY id"):
        ratings[vendor].append(rating)
    halves = [(np.mean(r[: len(r) // 2]), np.mean(r[len(r) // 2 :])) for r in ratings.values() if len(r) >= 4]
    first, second = zip(*halves, strict=True)
    assert np.corrcoef(first, second)[0, 1] > 0.3
    stars = [rating for values in ratings.values() for rating in values]
    assert set(stars) == {1, 2, 3, 4, 5}
    assert 3.6 < np.mean(stars) < 4.5


def test_reviews_are_near_home_and_unique_per_author_and_vendor(sql: sqlite3.Connection) -> None:
    rows = sql.execute(
        "SELECT r.author_id, r.vendor_id, p.notes, coalesce(v.service_area, v.address) FROM reviews r "
        "JOIN people p ON p.id = r.author_id JOIN vendors v ON v.id = r.vendor_id"
    ).fetchall()
    assert len({(author, vendor) for author, vendor, _, _ in rows}) == len(rows)
    near = sum(where.endswith(notes.removeprefix("Lives in ")) for _, _, notes, where in rows)
    assert near / len(rows) > 0.5


def test_reviews_look_real(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT author_id, recorded_by_id, text, visited_on, reviewed_on, tags FROM reviews").fetchall()
    assert 0.3 < sum(row[2] is not None for row in rows) / len(rows) < 0.5
    assert sum(row[5] != "[]" for row in rows) > len(rows) / 10
    reviewed = [dt.date.fromisoformat(row[4]) for row in rows]
    assert min(reviewed) >= TODAY - dt.timedelta(days=3 * 366)
    assert max(reviewed) <= TODAY
    recent = sum(day > TODAY - dt.timedelta(days=365) for day in reviewed)
    assert recent > len(rows) / 3  # recent reviews are likelier than old ones
    assert all(row[3] <= row[4] for row in rows if row[3] is not None)
    # "Anna told me...": a few reviews by my contacts were typed in by me.
    (me,) = sql.execute("SELECT id FROM people WHERE is_me").fetchone()
    contacts = {row[0] for row in sql.execute("SELECT trustee_id FROM trust WHERE truster_id = ?", (me,))}
    told = [author for author, recorded_by, *_ in rows if author != recorded_by]
    assert told
    assert all(author in contacts for author in told)
    assert all(recorded_by in {author, me} for author, recorded_by, *_ in rows)


def test_vendor_names_are_distinct_and_contacts_use_reserved_domains(sql: sqlite3.Connection) -> None:
    names = [row[0] for row in sql.execute("SELECT name FROM vendors")]
    assert len(set(names)) == len(names)
    addresses = [row[0] for row in sql.execute("SELECT email FROM people WHERE email NOT NULL")]
    addresses += [row[0] for row in sql.execute("SELECT email FROM vendors WHERE email NOT NULL")]
    assert addresses
    assert all(address.endswith(".example") for address in addresses)
    sites = [row[0] for row in sql.execute("SELECT website FROM vendors WHERE website NOT NULL")]
    assert sites
    assert all(site.startswith("https://") and site.endswith(".example") for site in sites)
    assert sql.execute("SELECT count(*) FROM vendors WHERE source != 'demo'").fetchone() == (0,)
