"""The snapshot copy on disk: used only for an identical directory, so a cached start ranks like a fresh one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from recommender.demo import generate_demo
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.engine.recommender import Recommender
from recommender.engine.snapshot_cache import SnapshotCache
from recommender.storage.database import Database
from recommender.trust.graph import TrustSettings

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def demo_db(db: Database) -> Database:
    generate_demo(db, "small", seed=3)
    return db


def _top(engine: Recommender, query: str) -> list[tuple[str, float]]:
    return [(result.name, round(result.score, 9)) for result in engine.search(query, limit=10)]


def test_a_second_load_reads_the_copy_and_ranks_the_same(demo_db: Database, tmp_path: Path) -> None:
    cache = SnapshotCache(tmp_path / "copy.snapshot")
    fresh = Recommender.load(demo_db, today=TODAY, cache=cache)
    assert cache.path.exists()
    cached = Recommender.load(demo_db, today=TODAY, cache=cache)
    # The copy was used: the index came with it instead of being built again.
    assert cached._index is not None
    assert _top(cached, "dentist") == _top(fresh, "dentist")
    assert _top(cached, "pediatrcian") == _top(fresh, "pediatrcian")


def test_any_write_makes_the_copy_stale(demo_db: Database, tmp_path: Path) -> None:
    cache = SnapshotCache(tmp_path / "copy.snapshot")
    Recommender.load(demo_db, today=TODAY, cache=cache)
    with demo_db.write() as uow:
        add_vendor(uow, VendorDraft(name="Zebra Crossing Dental", category="dentist", lat=0.0, lon=0.0))
    reloaded = Recommender.load(demo_db, today=TODAY, cache=cache)
    assert "Zebra Crossing Dental" in [result.name for result in reloaded.search("zebra dental", limit=5)]


def test_a_new_review_is_seen_after_restart(demo_db: Database, tmp_path: Path) -> None:
    cache = SnapshotCache(tmp_path / "copy.snapshot")
    before = Recommender.load(demo_db, today=TODAY, cache=cache)
    target = before.search("dentist", limit=1)[0]
    assert before.me is not None
    with demo_db.write() as uow:
        save_review(uow, ReviewDraft(vendor_id=target.id, rating=1), today=TODAY)
    after = Recommender.load(demo_db, today=TODAY, cache=cache)
    [seen] = [result for result in after.search("dentist", limit=100) if result.id == target.id]
    # My own one-star verdict counts heavily: a stale copy would still show the old rating.
    assert seen.rating < target.rating - 0.2


def test_another_day_or_other_settings_do_not_use_the_copy(demo_db: Database, tmp_path: Path) -> None:
    cache = SnapshotCache(tmp_path / "copy.snapshot")
    Recommender.load(demo_db, today=TODAY, cache=cache)
    tomorrow = Recommender.load(demo_db, today=TODAY + dt.timedelta(days=1), cache=cache)
    assert tomorrow.snapshot.today == TODAY + dt.timedelta(days=1)
    wider = Recommender.load(demo_db, today=TODAY, cache=cache, radius_overrides={"dentist": 55.0})
    assert ("dentist", 55.0) in wider.snapshot.radius_overrides


def test_a_damaged_copy_is_a_miss_not_a_failure(demo_db: Database, tmp_path: Path) -> None:
    cache = SnapshotCache(tmp_path / "copy.snapshot")
    Recommender.load(demo_db, today=TODAY, cache=cache)
    cache.path.write_bytes(cache.path.read_bytes()[:1000])
    engine = Recommender.load(demo_db, today=TODAY, cache=cache)
    assert engine.search("dentist", limit=5)
    # ...and the copy was written again, whole.
    assert cache.load is not None and cache.path.stat().st_size > 1000


def test_review_sums_come_back_only_for_the_trust_settings_they_were_made_with(
    demo_db: Database, tmp_path: Path
) -> None:
    cache = SnapshotCache(tmp_path / "copy.snapshot")
    fresh = Recommender.load(demo_db, today=TODAY, cache=cache)
    cached = Recommender.load(demo_db, today=TODAY, cache=cache)
    # The evidence arrives with the copy: every category is already gathered before any search.
    assert cached._filled.all()
    assert _top(cached, "hairdresser") == _top(fresh, "hairdresser")

    narrower = TrustSettings(horizon=1, decay=0.5)
    other = Recommender.load(demo_db, today=TODAY, cache=cache, trust_settings=narrower)
    assert not other._filled.any()
    expected = Recommender(fresh.snapshot, home=fresh.home, trust_settings=narrower, index=fresh.index)
    assert _top(other, "hairdresser") == _top(expected, "hairdresser")
