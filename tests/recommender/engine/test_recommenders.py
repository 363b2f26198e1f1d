"""The most relied-upon recommenders: people in my network ranked by their weight times their reviews."""

from __future__ import annotations

import datetime as dt

import pytest

from recommender.directory.people import PersonDraft, add_person, find_me, set_trust
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.engine.recommender import Recommender
from recommender.engine.recommenders import most_relied_upon
from recommender.storage.database import Database
from recommender.trust.graph import Relation

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def engine(me_db: Database) -> Recommender:
    """I trust Anna, who trusts Ben; Ben wrote three reviews, Anna one, stranger Cara five; I distrust Dan."""
    with me_db.write() as uow:
        me = find_me(uow.session)
        assert me is not None
        ids = {name: add_person(uow, PersonDraft(name)).id for name in ("Anna", "Ben", "Cara", "Dan")}
        set_trust(uow, me.id, ids["Anna"], 0.8)
        set_trust(uow, ids["Anna"], ids["Ben"], 1.0)
        set_trust(uow, me.id, ids["Dan"], -1.0)
        vendors = [add_vendor(uow, VendorDraft(f"Shop {n}", "plumber", "Mill Ln", 52.2, 0.12)).id for n in range(5)]
        written = {"Anna": 1, "Ben": 3, "Cara": 5, "Dan": 5}
        for name, count in written.items():
            for vendor in vendors[:count]:
                save_review(uow, ReviewDraft(vendor, 4, author_id=ids[name]), today=TODAY)
    return Recommender.load(me_db, today=TODAY)


def test_people_are_ranked_by_weight_times_reviews_with_their_path(engine: Recommender) -> None:
    ranked = most_relied_upon(engine)
    assert [r.name for r in ranked] == ["Ben", "Anna"]
    ben, anna = ranked
    assert ben.path == ("Sam Carter", "Anna", "Ben")
    assert ben.weight == pytest.approx(0.8 * 1.0 * engine.trust_settings.decay)
    assert ben.review_count == 3
    assert ben.reliance == pytest.approx(ben.weight * 3)
    assert anna.path == ("Sam Carter", "Anna")
    assert anna.relation is Relation.NETWORK
    assert anna.reliance == pytest.approx(0.8)


def test_strangers_distrusted_people_and_me_are_left_out(engine: Recommender) -> None:
    assert {r.name for r in most_relied_upon(engine)}.isdisjoint({"Cara", "Dan", "Sam Carter"})


def test_the_limit_keeps_the_best(engine: Recommender) -> None:
    assert [r.name for r in most_relied_upon(engine, limit=1)] == ["Ben"]
