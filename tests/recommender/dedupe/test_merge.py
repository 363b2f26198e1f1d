"""Merging a duplicate into its survivor: gaps filled, reviews moved, duplicate tombstoned, all in the change log."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from recommender.dedupe import find_duplicates, merge_all, merge_vendors, undo_merge
from recommender.dedupe.merge import Kept
from recommender.directory.errors import DirectoryError, NotFoundError, ValidationError
from recommender.directory.people import PersonDraft, add_person
from recommender.directory.reviews import ReviewDraft, reviews_for_vendor, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, list_vendors, restore_vendor
from recommender.storage.database import Database
from recommender.storage.models import Audience, ChangeLogEntry, Group, Review, Vendor, review_id_for

LAT, LON = 48.41, 15.60


@pytest.fixture
def directory(db: Database) -> dict[str, uuid.UUID]:
    """A typed vendor with a review, its OSM twin with more fields and two reviews (one by the same author)."""
    with db.write() as uow:
        anna = add_person(uow, PersonDraft("Anna")).id
        ben = add_person(uow, PersonDraft("Ben")).id
        survivor = add_vendor(
            uow, VendorDraft("Bäckerei Müller", "bakery", lat=LAT, lon=LON, notes="Best rye bread in town")
        ).id
        duplicate = add_vendor(
            uow,
            VendorDraft(
                "Baeckerei Mueller",
                "bakery",
                address="Obere Landstraße 5, Krems",
                lat=LAT + 0.0001,
                lon=LON,
                phone="+43 2732 82143",
                opening_hours="Mo-Fr 06:30-18:00",
                notes="Closed in August",
                source="osm",
                source_id="node/1",
                attribution="© OpenStreetMap contributors, ODbL",
            ),
        ).id
        save_review(uow, ReviewDraft(survivor, 3, "ok", author_id=anna, reviewed_on="2024-01-10"), recorded_by_id=anna)
        save_review(
            uow, ReviewDraft(duplicate, 5, "great now", author_id=anna, reviewed_on="2025-03-01"), recorded_by_id=anna
        )
        save_review(uow, ReviewDraft(duplicate, 4, "nice", author_id=ben, reviewed_on="2024-06-01"), recorded_by_id=ben)
    return {"anna": anna, "ben": ben, "survivor": survivor, "duplicate": duplicate}


def test_a_merge_fills_gaps_moves_reviews_and_deletes_the_duplicate(
    db: Database, directory: dict[str, uuid.UUID]
) -> None:
    with db.write() as uow:
        result = merge_vendors(uow, directory["survivor"], directory["duplicate"])
    with db.read() as session:
        vendors = list_vendors(session)
        survivor = get_vendor(session, directory["survivor"])
        reviews = {review.author_id: review for review in reviews_for_vendor(session, directory["survivor"])}
        assert reviews_for_vendor(session, directory["duplicate"]) == []
    assert [vendor.id for vendor in vendors] == [directory["survivor"]]
    # The survivor keeps its own name and values and gains what it lacked.
    assert survivor.name == "Bäckerei Müller"
    assert (survivor.address, survivor.phone, survivor.opening_hours) == (
        "Obere Landstraße 5, Krems",
        "+43 2732 82143",
        "Mo-Fr 06:30-18:00",
    )
    assert survivor.location == (LAT, LON)
    assert survivor.notes == "Best rye bread in town\n\nClosed in August"
    assert survivor.attribution == "© OpenStreetMap contributors, ODbL"
    assert set(result.filled_fields) == {"address", "phone", "opening_hours", "notes", "attribution"}
    # Ben's review moved; Anna reviewed both, and her more recent review (of the duplicate) is the one kept.
    assert (reviews[directory["ben"]].rating, reviews[directory["ben"]].text) == (4, "nice")
    assert (reviews[directory["anna"]].rating, reviews[directory["anna"]].reviewed_on) == (5, dt.date(2025, 3, 1))
    assert result.moved_reviews == 2
    (conflict,) = result.review_conflicts
    assert (conflict.author_id, conflict.kept, conflict.dropped_reviewed_on) == (
        directory["anna"],
        Kept.DUPLICATE,
        dt.date(2024, 1, 10),
    )
    assert directory["survivor"] in result.changes.vendors and directory["duplicate"] in result.changes.vendors


def test_the_survivors_newer_review_wins_over_an_older_one_of_the_duplicate(
    db: Database, directory: dict[str, uuid.UUID]
) -> None:
    with db.write() as uow:
        save_review(
            uow,
            ReviewDraft(
                directory["survivor"], 2, "went downhill", author_id=directory["anna"], reviewed_on="2025-06-01"
            ),
            recorded_by_id=directory["anna"],
        )
        result = merge_vendors(uow, directory["survivor"], directory["duplicate"])
    assert [conflict.kept for conflict in result.review_conflicts] == [Kept.SURVIVOR]
    assert result.moved_reviews == 1
    with db.read() as session:
        review = session.get_one(Review, review_id_for(directory["anna"], directory["survivor"]))
        assert (review.rating, review.text) == (2, "went downhill")


def test_nothing_is_erased_and_everything_is_in_the_change_log(db: Database, directory: dict[str, uuid.UUID]) -> None:
    with db.write() as uow:
        merge_vendors(uow, directory["survivor"], directory["duplicate"])
    with db.read() as session:
        duplicate = session.get_one(Vendor, directory["duplicate"])
        assert duplicate.deleted and duplicate.phone == "+43 2732 82143"  # a tombstone keeps its values
        old_reviews = session.scalars(select(Review).where(Review.vendor_id == directory["duplicate"])).all()
        assert len(old_reviews) == 2 and all(review.deleted for review in old_reviews)
        logged = {
            (entry.entity, entry.record_id, entry.field): entry.value
            for entry in session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.seq))
        }
    assert logged[("vendors", directory["duplicate"], "deleted")] is True
    assert logged[("vendors", directory["survivor"], "phone")] == "+43 2732 82143"
    moved = review_id_for(directory["ben"], directory["survivor"])
    assert logged[("reviews", moved, "vendor_id")] == str(directory["survivor"])
    # Anna's older review of the survivor was overwritten; the log still holds the value it had.
    with db.read() as session:
        anna_history = session.scalars(
            select(ChangeLogEntry.value).where(
                ChangeLogEntry.record_id == review_id_for(directory["anna"], directory["survivor"]),
                ChangeLogEntry.field == "rating",
            )
        ).all()
    assert anna_history == [3, 5]


def test_the_duplicate_can_be_restored_with_every_value_it_had(db: Database, directory: dict[str, uuid.UUID]) -> None:
    with db.write() as uow:
        merge_vendors(uow, directory["survivor"], directory["duplicate"])
    with db.write() as uow:
        restore_vendor(uow, directory["duplicate"])
    with db.read() as session:
        assert get_vendor(session, directory["duplicate"]).opening_hours == "Mo-Fr 06:30-18:00"


def test_a_merge_reaches_the_groups_the_duplicate_was_shared_with(
    db: Database, directory: dict[str, uuid.UUID]
) -> None:
    with db.write() as uow:
        group = Group(id=uuid.uuid4(), name="Obere Landstraße")
        uow.session.add(group)
        uow.session.flush()
        uow.session.add(Audience(entity="vendors", record_id=directory["duplicate"], group_id=group.id))
    with db.write() as uow:
        merge_vendors(uow, directory["survivor"], directory["duplicate"])
    with db.read() as session:
        shared = set(session.scalars(select(Audience.record_id).where(Audience.group_id == group.id)))
    assert directory["survivor"] in shared


@pytest.mark.parametrize("which", ["same", "missing", "deleted"])
def test_impossible_merges_are_refused_and_change_nothing(
    db: Database, directory: dict[str, uuid.UUID], which: str
) -> None:
    survivor, duplicate = directory["survivor"], directory["duplicate"]
    error: type[DirectoryError]
    if which == "same":
        duplicate, error = survivor, ValidationError
    elif which == "missing":
        duplicate, error = uuid.uuid4(), NotFoundError
    else:
        with db.write() as uow:
            merge_vendors(uow, survivor, duplicate)
        error = NotFoundError
    with db.read() as session:
        before = session.query(ChangeLogEntry).count()
    with pytest.raises(error), db.write() as uow:
        merge_vendors(uow, survivor, duplicate)
    with db.read() as session:
        assert session.query(ChangeLogEntry).count() == before
    assert issubclass(error, DirectoryError)


def test_merge_all_follows_chains_of_duplicates_to_one_vendor(db: Database) -> None:
    with db.write() as uow:
        ids = [
            add_vendor(uow, VendorDraft(name, "bakery", lat=LAT + offset, lon=LON)).id
            for name, offset in (("Bäckerei Müller", 0.0), ("Baeckerei Mueller", 0.0001), ("Bäckerei Müler", 0.0002))
        ]
    with db.read() as session:
        pairs = find_duplicates(session)
    assert len(pairs) == 3
    with db.write() as uow:
        results = merge_all(uow, pairs)
    assert len(results) == 2
    with db.read() as session:
        (left,) = list_vendors(session)
    assert left.id in ids


def test_undo_brings_back_the_duplicate_its_reviews_and_the_survivors_values(
    db: Database, directory: dict[str, uuid.UUID]
) -> None:
    with db.read() as session:
        before_survivor = get_vendor(session, directory["survivor"])
        before_reviews = {
            vendor: sorted((review.author_id, review.rating) for review in reviews_for_vendor(session, vendor))
            for vendor in (directory["survivor"], directory["duplicate"])
        }
    with db.write() as uow:
        result = merge_vendors(uow, directory["survivor"], directory["duplicate"])
    with db.write() as uow:
        changes = undo_merge(uow, result)
    assert {directory["survivor"], directory["duplicate"]} <= changes.vendors
    with db.read() as session:
        assert get_vendor(session, directory["survivor"]) == before_survivor
        assert get_vendor(session, directory["duplicate"]).phone == "+43 2732 82143"
        after_reviews = {
            vendor: sorted((review.author_id, review.rating) for review in reviews_for_vendor(session, vendor))
            for vendor in (directory["survivor"], directory["duplicate"])
        }
    # Anna's own review of the survivor has its 3 stars again; Ben's review is back on the duplicate only.
    assert after_reviews == before_reviews


def test_undo_keeps_an_edit_made_after_the_merge(db: Database, directory: dict[str, uuid.UUID]) -> None:
    with db.write() as uow:
        result = merge_vendors(uow, directory["survivor"], directory["duplicate"])
    with db.write() as uow:
        uow.recorder.update(uow.session.get_one(Vendor, directory["survivor"]), {"phone": "+43 2732 99999"})
    with db.write() as uow:
        undo_merge(uow, result)
    with db.read() as session:
        survivor = get_vendor(session, directory["survivor"])
    assert survivor.phone == "+43 2732 99999"
    assert survivor.opening_hours is None and survivor.address is None
