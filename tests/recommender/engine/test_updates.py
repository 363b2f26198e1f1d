"""Edits reach the engine without a full reload where they can, and always agree with a fresh load."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from recommender.demo import generate_demo
from recommender.directory.people import find_me, remove_trust, set_trust
from recommender.directory.reviews import ReviewDraft, delete_review, reviews_for_vendor, save_review
from recommender.directory.vendors import VendorDraft, get_vendor, list_vendors, update_vendor
from recommender.engine.recommender import Recommender
from recommender.engine.updates import apply_refresh, prepare_refresh, refreshed
from recommender.storage.database import Database

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def demo(db: Database) -> Database:
    generate_demo(db, "small", seed=4, today=TODAY)
    return db


def same_results(a: Recommender, b: Recommender, query: str) -> None:
    left, right = a.search(query, limit=15), b.search(query, limit=15)
    assert [r.id for r in left] == [r.id for r in right]
    assert [r.score for r in left] == pytest.approx([r.score for r in right], rel=1e-9)


def test_a_new_trust_link_takes_effect_without_reloading(demo: Database) -> None:
    engine = Recommender.load(demo, today=TODAY)
    with demo.read() as session:
        me = find_me(session)
    assert me is not None
    snapshot = engine.snapshot
    # Someone beyond my horizon, whom I now decide to trust directly.
    far = next(i for i in range(len(snapshot.people.ids)) if engine.view().view.hops[i] < 0 and i != engine.me)
    far_id = snapshot.person_uuid(far)
    with demo.write() as uow:
        set_trust(uow, me.id, far_id, 1.0)
        changes = uow.changes
    updated = refreshed(engine, demo, changes)
    assert updated.index is engine.index  # the index was reused, not rebuilt
    assert updated.view().view.hops[far] == 1
    fresh = Recommender.load(demo, today=TODAY)
    for query in ("dentist", "hairdresser", ""):
        same_results(updated, fresh, query)
    with demo.write() as uow:
        remove_trust(uow, me.id, far_id)
        changes = uow.changes
    again = refreshed(updated, demo, changes)
    assert again.view().view.hops[far] == -1


def test_a_renamed_vendor_is_found_by_its_new_name_at_once(demo: Database) -> None:
    engine = Recommender.load(demo, today=TODAY)
    with demo.read() as session:
        vendor = list_vendors(session, category="plumber")[0]
    with demo.write() as uow:
        draft = dataclasses.replace(VendorDraft.of(vendor), name="Zebulon Pipeworks", lat=52.3, lon=0.2)
        changes = update_vendor(uow, vendor.id, draft)
    updated = refreshed(engine, demo, changes)
    assert [r.id for r in updated.search("zebulon")] == [vendor.id]
    same_results(updated, Recommender.load(demo, today=TODAY), "plumber")


def test_a_new_review_refits_and_matches_a_fresh_load(demo: Database) -> None:
    engine = Recommender.load(demo, today=TODAY)
    with demo.read() as session:
        vendor = list_vendors(session, category="dentist")[-1]
        assert get_vendor(session, vendor.id) == vendor
    with demo.write() as uow:
        save_review(uow, ReviewDraft(vendor.id, 5, "Painless!"), today=TODAY)
        changes = uow.changes
    updated = refreshed(engine, demo, changes)
    same_results(updated, Recommender.load(demo, today=TODAY), "dentist")


def test_reviews_written_edited_and_deleted_patch_the_model_like_a_fresh_load(demo: Database) -> None:
    engine = Recommender.load(demo, today=TODAY)
    with demo.read() as session:
        me = find_me(session)
        dentists = list_vendors(session, category="dentist")
        existing = reviews_for_vendor(session, dentists[0].id)
    assert me is not None and existing
    someone_elses = next(review for review in existing if review.author_id != me.id)
    deleted = next(review for review in existing if review.id != someone_elses.id)
    with demo.write() as uow:
        # A new review with tags, another person's review changed, and one deleted: all in one write.
        save_review(uow, ReviewDraft(dentists[1].id, 1, "Rude", tags=("painful",)), today=TODAY)
        save_review(
            uow,
            ReviewDraft(dentists[0].id, 5, "Changed my mind", author_id=someone_elses.author_id),
            today=TODAY,
        )
        delete_review(uow, deleted.id)
        changes = uow.changes
    refresh = prepare_refresh(engine, demo, changes)
    # Patched, not reloaded: the arrays and the search index are the engine's own.
    assert refresh.reloaded is None and refresh.model is not None
    updated = apply_refresh(engine, refresh)
    assert updated.index is engine.index
    fresh = Recommender.load(demo, today=TODAY)
    for query in ("dentist", "painful", ""):
        same_results(updated, fresh, query)
    assert dentists[1].id in [r.id for r in updated.search("painful dentist", limit=5)]
