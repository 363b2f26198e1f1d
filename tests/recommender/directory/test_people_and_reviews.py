"""People, trust and reviews: me, distrust and scoped trust, and "Anna told me..." reviews."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from recommender.directory.errors import ErrorCode, ValidationError
from recommender.directory.people import (
    PersonDraft,
    add_person,
    delete_person,
    find_me,
    remove_trust,
    restore_person,
    set_me,
    set_trust,
    trust_links,
)
from recommender.directory.reviews import ReviewDraft, delete_review, reviews_for_vendor, save_review
from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.storage.database import Database
from recommender.storage.models import Review, Trust

TODAY = dt.date(2026, 11, 22)


def me_and_anna(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    with db.read() as session:
        me = find_me(session)
    assert me is not None
    with db.write() as uow:
        anna = add_person(uow, PersonDraft("Anna Berg", email="anna@example.org"))
    return me.id, anna.id


def test_there_is_only_ever_one_me(db: Database) -> None:
    with db.write() as uow:
        first = set_me(uow, PersonDraft("Sam"))
    with db.write() as uow:
        second = set_me(uow, PersonDraft("Sam Carter"))
    assert first.id == second.id
    with db.read() as session:
        me = find_me(session)
    assert me is not None and me.display_name == "Sam Carter" and me.is_me


def test_trust_general_scoped_and_distrust(me_db: Database) -> None:
    me, anna = me_and_anna(me_db)
    with me_db.write() as uow:
        set_trust(uow, me, anna, 0.8)
        set_trust(uow, me, anna, 1.0, category="Kinderarzt")
        set_trust(uow, me, anna, "0.6")  # changing my mind updates the same link
    with me_db.read() as session:
        links = {(link.category, link.level) for link in trust_links(session, truster_id=me)}
        assert session.scalar(select(func.count()).select_from(Trust)) == 2
    assert links == {(None, 0.6), ("pediatrician", 1.0)}
    with me_db.write() as uow:
        distrust = set_trust(uow, me, anna, -1)
    assert distrust.is_distrust


@pytest.mark.parametrize(
    ("level", "category", "field", "code"),
    [
        (1.5, None, "level", ErrorCode.OUT_OF_RANGE),
        ("lots", None, "level", ErrorCode.NOT_A_NUMBER),
        (None, None, "level", ErrorCode.REQUIRED),
        (0.5, "astrology", "category", ErrorCode.UNKNOWN_CATEGORY),
    ],
)
def test_bad_trust_is_refused(
    me_db: Database, level: object, category: str | None, field: str, code: ErrorCode
) -> None:
    me, anna = me_and_anna(me_db)
    with pytest.raises(ValidationError) as raised, me_db.write() as uow:
        set_trust(uow, me, anna, level, category=category)  # type: ignore[arg-type]
    assert (raised.value.field, raised.value.code) == (field, code)


def test_nobody_can_trust_themselves_or_a_stranger_id(me_db: Database) -> None:
    me, _ = me_and_anna(me_db)
    with pytest.raises(ValidationError, match="same person"), me_db.write() as uow:
        set_trust(uow, me, me, 1)
    with pytest.raises(ValidationError, match="trustee refers to a person"), me_db.write() as uow:
        set_trust(uow, me, uuid.uuid4(), 1)


def test_removing_trust_and_setting_it_again(me_db: Database) -> None:
    me, anna = me_and_anna(me_db)
    with me_db.write() as uow:
        set_trust(uow, me, anna, 0.9)
    with me_db.write() as uow:
        remove_trust(uow, me, anna)
    with me_db.read() as session:
        assert trust_links(session) == []
    with me_db.write() as uow:
        set_trust(uow, me, anna, 0.7)
    with me_db.read() as session:
        assert [link.level for link in trust_links(session)] == [0.7]


def test_one_current_review_per_author_and_vendor(me_db: Database) -> None:
    me, anna = me_and_anna(me_db)
    with me_db.write() as uow:
        vendor = add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician"))
        save_review(uow, ReviewDraft(vendor.id, 3, "Long waits"), today=TODAY)
        save_review(uow, ReviewDraft(vendor.id, 5, "Great with our twins"), today=TODAY)
        told = save_review(uow, ReviewDraft(vendor.id, "4", author_id=anna, tags="Kids, kids"), today=TODAY)
    with me_db.read() as session:
        reviews = {review.author_id: review for review in reviews_for_vendor(session, vendor.id)}
        assert session.scalar(select(func.count()).select_from(Review)) == 2
    assert (reviews[me].rating, reviews[me].text) == (5, "Great with our twins")
    assert told.told_by_someone_else and (told.author_id, told.recorded_by_id) == (anna, me)
    assert told.tags == ("kids",) and told.reviewed_on == TODAY


@pytest.mark.parametrize(
    ("rating", "visited_on", "field", "code"),
    [
        (0, None, "rating", ErrorCode.OUT_OF_RANGE),
        (6, None, "rating", ErrorCode.OUT_OF_RANGE),
        (3.5, None, "rating", ErrorCode.OUT_OF_RANGE),
        ("great", None, "rating", ErrorCode.NOT_A_NUMBER),
        (True, None, "rating", ErrorCode.NOT_A_NUMBER),
        ("", None, "rating", ErrorCode.REQUIRED),
        (4, "last tuesday", "visited_on", ErrorCode.BAD_FORMAT),
        (4, "2027-01-01", "visited_on", ErrorCode.NOT_ALLOWED),
    ],
)
def test_bad_reviews_are_refused(
    me_db: Database, rating: object, visited_on: str | None, field: str, code: ErrorCode
) -> None:
    with me_db.write() as uow:
        vendor = add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician"))
    with pytest.raises(ValidationError) as raised, me_db.write() as uow:
        save_review(uow, ReviewDraft(vendor.id, rating, visited_on=visited_on), today=TODAY)  # type: ignore[arg-type]
    assert (raised.value.field, raised.value.code) == (field, code)
    with me_db.read() as session:
        assert reviews_for_vendor(session, vendor.id) == []


def test_a_review_needs_a_live_vendor_and_an_author(db: Database) -> None:
    with db.write() as uow:
        vendor = add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician"))
    with pytest.raises(ValidationError, match="author is required"), db.write() as uow:
        save_review(uow, ReviewDraft(vendor.id, 4), today=TODAY)  # no "me" yet
    with db.write() as uow:
        set_me(uow, PersonDraft("Sam"))
    with pytest.raises(ValidationError, match="vendor refers to a vendor"), db.write() as uow:
        save_review(uow, ReviewDraft(uuid.uuid4(), 4), today=TODAY)


def test_removed_people_and_deleted_reviews_stop_counting_until_restored(me_db: Database) -> None:
    _, anna = me_and_anna(me_db)
    with me_db.write() as uow:
        vendor = add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician"))
        mine = save_review(uow, ReviewDraft(vendor.id, 5), today=TODAY)
        save_review(uow, ReviewDraft(vendor.id, 2, author_id=anna), today=TODAY)
    with me_db.write() as uow:
        delete_person(uow, anna)
        delete_review(uow, mine.id)
    with me_db.read() as session:
        assert reviews_for_vendor(session, vendor.id) == []
    with me_db.write() as uow:
        restore_person(uow, anna)
    with me_db.read() as session:
        assert [review.rating for review in reviews_for_vendor(session, vendor.id)] == [2]


def test_i_cannot_delete_myself(me_db: Database) -> None:
    me, _ = me_and_anna(me_db)
    with pytest.raises(ValidationError, match="cannot delete yourself"), me_db.write() as uow:
        delete_person(uow, me)
