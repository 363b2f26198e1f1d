"""The engine end to end on a real database: who I trust changes what comes first, and why is explained."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from recommender.directory.people import PersonDraft, add_person, find_me, set_trust
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, update_vendor
from recommender.engine.recommender import Recommender, SearchFilters
from recommender.geo.home import set_home
from recommender.storage.database import Database

HOME = (52.2053, 0.1218)
TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def town(me_db: Database) -> dict[str, uuid.UUID]:
    """Me, my friend Anna, her friend Ben, and Cara whom nobody knows; two pediatricians and a plumber."""
    with me_db.write() as uow:
        me = find_me(uow.session)
        assert me is not None
        ids = {"me": me.id}
        for name in ("Anna", "Ben", "Cara"):
            ids[name] = add_person(uow, PersonDraft(name)).id
        set_trust(uow, me.id, ids["Anna"], 0.9)
        set_home(uow, *HOME, label="Old Town")
        ids["Dr Lee"] = add_vendor(uow, VendorDraft("Dr Lee", "pediatrician", "1 Elm St", 52.21, 0.12)).id
        ids["Dr Kim"] = add_vendor(uow, VendorDraft("Dr Kim", "pediatrician", "9 Oak Rd", 52.20, 0.13)).id
        ids["Fixit"] = add_vendor(uow, VendorDraft("Fixit Plumbing", "plumber", "2 Mill Ln", 52.2, 0.12)).id
        for author, vendor, stars in (
            ("Cara", "Dr Lee", 5),
            ("Ben", "Dr Lee", 3),
            ("Ben", "Dr Kim", 5),
            ("Cara", "Dr Kim", 2),
        ):
            # Their own reviews (recorded by themselves, as synced from their devices), not hearsay I recorded.
            save_review(
                uow, ReviewDraft(ids[vendor], stars, author_id=ids[author]), recorded_by_id=ids[author], today=TODAY
            )
    return ids


def names(results: list) -> list[str]:
    return [result.name for result in results]


def test_a_friend_of_a_friends_review_rises_when_i_add_the_link(me_db: Database, town: dict[str, uuid.UUID]) -> None:
    before = Recommender.load(me_db, today=TODAY).search("pediatrician")
    assert names(before) == ["Dr Lee", "Dr Kim"]
    with me_db.write() as uow:
        set_trust(uow, town["Anna"], town["Ben"], 1.0)
    engine = Recommender.load(me_db, today=TODAY)
    after = engine.search("pediatrician")
    assert names(after) == ["Dr Kim", "Dr Lee"]
    ben = next(t for t in after[0].explanation.reviewers if engine.snapshot.people.names[t.person] == "Ben")
    assert [engine.snapshot.people.names[p] for p in ben.path] == ["Sam Carter", "Anna", "Ben"]
    assert ben.weight == pytest.approx(0.9 * 1.0 * engine.trust_settings.decay)


def test_typos_and_synonyms_find_the_category(me_db: Database, town: dict[str, uuid.UUID]) -> None:
    engine = Recommender.load(me_db, today=TODAY)
    for query in ("pediatrcian", "paediatrician", "Kinderarzt", "pedi"):
        assert set(names(engine.search(query))) == {"Dr Lee", "Dr Kim"}, query
    assert names(engine.search("plumbr")) == ["Fixit Plumbing"]


def test_trust_scoped_to_a_category_only_counts_there(me_db: Database, town: dict[str, uuid.UUID]) -> None:
    with me_db.write() as uow:
        set_trust(uow, town["me"], town["Ben"], 1.0, category="pediatrician")
    engine = Recommender.load(me_db, today=TODAY)
    assert names(engine.search("pediatrician"))[0] == "Dr Kim"
    assert (
        engine.view(engine.snapshot.category_codes["pediatrician"]).weights[
            engine.snapshot.people.index[town["Ben"].hex]
        ]
        == 1.0
    )
    assert engine.view().weights[engine.snapshot.people.index[town["Ben"].hex]] < 0.1


def test_results_carry_distances_and_explanations_that_add_up(me_db: Database, town: dict[str, uuid.UUID]) -> None:
    engine = Recommender.load(me_db, today=TODAY)
    results = engine.search("", limit=10)
    assert len(results) == 3
    for result in results:
        assert result.explanation.recompute() == result.score
        assert result.distance_km is not None and result.distance_km < 2.0
        document = engine.explanation_dict(result.explanation)
        assert document["score"] == result.score
        assert len(document["reviewers"]) == result.review_count
    far = engine.search("plumber", near=(51.5074, -0.1278))[0]
    assert far.distance_km == pytest.approx(77, abs=3)
    assert far.score < next(r for r in results if r.name == "Fixit Plumbing").score


def test_an_install_without_me_still_ranks_by_the_crowd(db: Database) -> None:
    with db.write() as uow:
        anna = add_person(uow, PersonDraft("Anna"))
        good = add_vendor(uow, VendorDraft("Good Dental", "dentist"))
        poor = add_vendor(uow, VendorDraft("Poor Dental", "dentist"))
        save_review(uow, ReviewDraft(good.id, 5, author_id=anna.id), recorded_by_id=anna.id, today=TODAY)
        save_review(uow, ReviewDraft(poor.id, 1, author_id=anna.id), recorded_by_id=anna.id, today=TODAY)
    assert names(Recommender.load(db, today=TODAY).search("dentist")) == ["Good Dental", "Poor Dental"]


def test_my_own_radius_for_a_category_changes_how_distance_counts(me_db: Database, town: dict[str, uuid.UUID]) -> None:
    default = Recommender.load(me_db, today=TODAY)
    wide = Recommender.load(me_db, today=TODAY, radius_overrides={"plumber": 200.0})
    far = (51.5074, -0.1278)
    plumber_default = default.search("plumber", near=far)[0]
    plumber_wide = wide.search("plumber", near=far)[0]
    assert plumber_wide.explanation.radius_km == 200.0 and plumber_default.explanation.radius_km < 50
    assert plumber_wide.score > plumber_default.score
    assert {r.explanation.radius_km for r in wide.search("pediatrician")} == {10.0}  # other categories keep theirs


def test_filters_leave_out_what_the_user_asked_to_leave_out(me_db: Database, town: dict[str, uuid.UUID]) -> None:
    engine = Recommender.load(me_db, today=TODAY)
    everything = {r.name for r in engine.search("", limit=10)}
    assert everything == {"Dr Lee", "Dr Kim", "Fixit Plumbing"}
    # Only Ben (a stranger until Anna vouches for him) and Cara reviewed anything: nobody in my network did.
    assert engine.search("", filters=SearchFilters(network_only=True)) == []
    with me_db.write() as uow:
        set_trust(uow, town["Anna"], town["Ben"], 1.0)
    engine = Recommender.load(me_db, today=TODAY)
    assert {r.name for r in engine.search("", filters=SearchFilters(network_only=True))} == {"Dr Lee", "Dr Kim"}
    ratings = sorted(r.rating for r in engine.search(""))
    threshold = (ratings[-1] + ratings[-2]) / 2
    rated = engine.search("", filters=SearchFilters(min_rating=threshold))
    assert [r.rating for r in rated] == [ratings[-1]]
    near = engine.search("", near=(52.21, 0.12), filters=SearchFilters(max_distance_km=0.5))
    assert [r.name for r in near] == ["Dr Lee"]


def test_open_now_keeps_only_vendors_whose_hours_say_open(me_db: Database, town: dict[str, uuid.UUID]) -> None:
    with me_db.write() as uow:
        for name, hours in (("Dr Lee", "Mo-Fr 08:00-18:00"), ("Dr Kim", "Sa 09:00-12:00; PH off")):
            draft = VendorDraft.of(get_vendor(uow.session, town[name]))
            update_vendor(uow, town[name], dataclasses.replace(draft, opening_hours=hours))
    engine = Recommender.load(me_db, today=TODAY)
    saturday_morning = dt.datetime(2026, 11, 7, 10, 0)
    tuesday_noon = dt.datetime(2026, 11, 3, 12, 0)
    sunday = dt.datetime(2026, 11, 8, 10, 0)
    # Fixit Plumbing has no hours: nobody can say it is open, so it is left out.
    assert names(engine.search("", filters=SearchFilters(open_at=saturday_morning))) == ["Dr Kim"]
    assert names(engine.search("", filters=SearchFilters(open_at=tuesday_noon))) == ["Dr Lee"]
    assert engine.search("", filters=SearchFilters(open_at=sunday)) == []
    # The hours travel with each result, for "open now" next to it.
    assert {r.name: r.opening_hours for r in engine.search("dr")}["Dr Kim"] == "Sa 09:00-12:00; PH off"
