"""Finding the same vendor listed twice: what counts as alike, what keeps real neighbours apart, and why."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from recommender.dedupe import dismiss_pair, find_duplicates
from recommender.dedupe.candidates import candidate_pairs
from recommender.dedupe.keys import name_key, phone_key, website_key
from recommender.dedupe.records import ListingRecord
from recommender.dedupe.scoring import Evidence, score_pair
from recommender.directory.errors import ValidationError
from recommender.directory.people import PersonDraft, add_person
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, delete_vendor
from recommender.storage.database import Database

# A street in Krems: 0.0009 degrees of latitude is about 100 m.
LAT, LON = 48.4100, 15.6000


def listing(name: str, lat: float | None = LAT, lon: float | None = LON, **fields: object) -> ListingRecord:
    return ListingRecord(uuid.uuid4(), name, fields.pop("category", "bakery"), lat, lon, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Bäckerei Müller GmbH", "baeckerei mueller"),
        ("Dr. Anna Huber", "dr anna huber"),
        ("Doktor Anna Huber", "dr anna huber"),
        ("The Dog & Bone", "dog bone"),
        ("Apotheke zum Löwen", "apotheke loewen"),
        ("Crème Brûlée & Co", "creme brulee"),
    ],
)
def test_names_are_compared_without_case_accents_umlauts_legal_forms_or_fillers(raw: str, key: str) -> None:
    assert name_key(raw) == key


def test_phone_numbers_and_websites_are_compared_as_people_write_them_differently() -> None:
    assert phone_key("+43 2732 82143") == phone_key("02732/82143") == phone_key("(02732) 82 1 43")
    assert phone_key("+43 2732 82143") != phone_key("+43 2732 82144")
    assert phone_key("112") is None
    assert website_key("https://www.huber.at/kontakt") == website_key("huber.at") == "huber.at"
    # On a host many businesses share, the page identifies the vendor.
    assert website_key("https://facebook.com/huberbaeckerei") != website_key("https://www.facebook.com/otherbakery")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (listing("Bäckerei Müller"), listing("Baeckerei Mueller", LAT + 0.0001)),
        (
            listing("Löwen-Apotheke", category="pharmacy"),
            listing("Apotheke zum Löwen", LAT, LON + 0.0002, category="pharmacy"),
        ),
        (listing("Dr. Anna Huber", category="dentist"), listing("HUBER ANNA DOKTOR", LAT + 0.0002, category="dentist")),
        (listing("Huber Fenster", phone="+43 2732 82143"), listing("Fenster Hubr", None, None, phone="02732/82143")),
        (listing("Café Central"), listing("Cafe Centrl", LAT, LON + 0.0001)),
    ],
)
def test_the_same_vendor_written_differently_is_a_duplicate(left: ListingRecord, right: ListingRecord) -> None:
    assert score_pair(left, right).score >= 0.85
    assert (0, 1) in candidate_pairs([left, right])


@pytest.mark.parametrize(
    ("left", "right", "evidence"),
    [
        # Two pharmacies side by side: only the trade word is shared.
        (
            listing("Mohren-Apotheke", category="pharmacy"),
            listing("Adler Apotheke", LAT + 0.0003, category="pharmacy"),
            Evidence.NAMES_ALIKE,
        ),
        # Two branches of one chain across town.
        (listing("Penny"), listing("Penny", LAT + 0.0050), Evidence.APART),
        # Numbered branches in the same street.
        (
            listing("Filiale 1 Bäckerei Ströck"),
            listing("Filiale 2 Bäckerei Ströck", LAT + 0.0004),
            Evidence.DIFFERENT_NUMBERS,
        ),
        # A bakery and a car wash of the same family name are two vendors.
        (
            listing("Huber", category="bakery"),
            listing("Huber", LAT + 0.0002, category="car_wash"),
            Evidence.DIFFERENT_CATEGORY,
        ),
    ],
)
def test_similar_but_distinct_neighbours_are_not_duplicates(
    left: ListingRecord, right: ListingRecord, evidence: Evidence
) -> None:
    scored = score_pair(left, right)
    assert scored.score < 0.85
    assert evidence in {reason.evidence for reason in scored.reasons}


def test_different_phone_numbers_count_against_and_related_categories_less_than_unrelated() -> None:
    huber = listing("Huber Installationen", phone="+43 2732 11111", category="plumber")
    other = listing("Huber Installation", LAT + 0.0004, category="plumber")
    with_phone = dataclasses.replace(other, phone="+43 2732 22222")
    assert score_pair(huber, with_phone).score < score_pair(huber, other).score
    related = dataclasses.replace(other, category="heating_engineer")
    unrelated = dataclasses.replace(other, category="bakery")
    assert score_pair(huber, other).score > score_pair(huber, related).score > score_pair(huber, unrelated).score


def test_the_reasons_add_up_to_the_score() -> None:
    left = listing("Bäckerei Müller", phone="+43 2732 82143", website="mueller.at")
    right = listing("Baeckerei Mueller", LAT + 0.0001, phone="02732 82143", website="https://www.mueller.at")
    scored = score_pair(left, right)
    assert {reason.evidence for reason in scored.reasons} >= {
        Evidence.NAMES_ALIKE,
        Evidence.NEARBY,
        Evidence.SAME_PHONE,
        Evidence.SAME_WEBSITE,
        Evidence.SAME_CATEGORY,
    }
    assert scored.score == pytest.approx(min(1.0, sum(reason.weight for reason in scored.reasons)))


def test_listings_far_apart_with_nothing_shared_are_never_compared() -> None:
    records = [listing("Bäckerei Müller"), listing("Bäckerei Müller", LAT + 0.1)]
    assert candidate_pairs(records) == set()
    # ...but a shared phone number brings them together whatever the distance.
    records = [listing("Müller", phone="+43 2732 82143"), listing("Bäckerei Müller", LAT + 0.1, phone="02732 82143")]
    assert candidate_pairs(records) == {(0, 1)}


def test_a_vendor_without_a_position_is_compared_by_its_name_even_with_a_typo() -> None:
    records = [listing("Diners"), listing("Dienrs", None, None), listing("Bäckerei Ströck", LAT + 0.0001)]
    assert (0, 1) in candidate_pairs(records)


def test_find_duplicates_reads_the_directory_and_keeps_the_vendor_with_reviews(db: Database) -> None:
    with db.write() as uow:
        anna = add_person(uow, PersonDraft("Anna")).id
        imported = add_vendor(
            uow, VendorDraft("Baeckerei Mueller", "bakery", lat=LAT + 0.0001, lon=LON, source="osm", source_id="n/1")
        ).id
        typed = add_vendor(uow, VendorDraft("Bäckerei Müller", "bakery", lat=LAT, lon=LON)).id
        add_vendor(uow, VendorDraft("Adler Apotheke", "pharmacy", lat=LAT, lon=LON + 0.0002))
        gone = add_vendor(uow, VendorDraft("Bäckerei Müller", "bakery", lat=LAT, lon=LON)).id
        delete_vendor(uow, gone)
        save_review(uow, ReviewDraft(imported, 5, author_id=anna), recorded_by_id=anna)
    with db.read() as session:
        (pair,) = find_duplicates(session)
    # The imported one has a review: it survives, the hand-typed copy is merged into it. Deleted vendors don't count.
    assert (pair.survivor_id, pair.duplicate_id) == (imported, typed)
    assert "names" in pair.describe() and "m apart" in pair.describe()
    with db.read() as session:
        assert find_duplicates(session, threshold=1.01) == []


def test_a_pair_dismissed_as_two_vendors_is_not_offered_again(db: Database) -> None:
    with db.write() as uow:
        first = add_vendor(uow, VendorDraft("Bäckerei Müller", "bakery", lat=LAT, lon=LON)).id
        second = add_vendor(uow, VendorDraft("Baeckerei Mueller", "bakery", lat=LAT + 0.0001, lon=LON)).id
        third = add_vendor(uow, VendorDraft("Bäckerei Müler", "bakery", lat=LAT + 0.0002, lon=LON)).id
    with db.write() as uow:
        dismiss_pair(uow, second, first)
    with db.read() as session:
        pairs = {frozenset((pair.survivor_id, pair.duplicate_id)) for pair in find_duplicates(session)}
    assert pairs == {frozenset((first, third)), frozenset((second, third))}
    with pytest.raises(ValidationError), db.write() as uow:
        dismiss_pair(uow, first, first)
