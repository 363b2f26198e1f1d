"""Yelp's hours and category names in Grapevine's terms: opening_hours syntax and taxonomy keys."""

from __future__ import annotations

import pytest

from recommender.importers.yelp_categories import (
    YELP_CATEGORIES,
    category_of_yelp_name,
    choose_category,
    split_yelp_categories,
)
from recommender.importers.yelp_hours import BadHours, yelp_hours_to_osm
from recommender.taxonomy import load_taxonomy


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ({"Monday": "8:30-17:0"}, "Mo 08:30-17:00"),
        (
            dict.fromkeys(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"), "9:0-17:0")
            | {"Saturday": "10:0-14:0"},
            "Mo-Fr 09:00-17:00; Sa 10:00-14:00",
        ),
        ({"Monday": "9:0-17:0", "Wednesday": "9:0-17:0", "Tuesday": "10:0-12:0"}, "Mo,We 09:00-17:00; Tu 10:00-12:00"),
        ({"Friday": "18:0-2:0"}, "Fr 18:00-02:00"),
        ({"Friday": "10:0-0:0"}, "Fr 10:00-24:00"),
        ({"Sunday": "0:0-0:0"}, "Su 00:00-24:00"),
        (
            dict.fromkeys(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), "0:0-0:0"),
            "24/7",
        ),
        ({"Monday": "09:00-17:30", "Tuesday": "None"}, "Mo 09:00-17:30"),
        ({}, None),
        (None, None),
    ],
)
def test_yelp_hours_become_osm_opening_hours(hours: dict[str, str] | None, expected: str | None) -> None:
    assert yelp_hours_to_osm(hours) == expected


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ({"Mondays": "9:0-17:0"}, "unknown day 'Mondays'"),
        ({"Monday": "nine to five"}, "Monday hours 'nine to five'"),
        ({"Monday": "9:61-17:0"}, "impossible time"),
        ({"Monday": 9}, "must be text"),
    ],
)
def test_hours_yelp_never_writes_are_refused_with_the_day(hours: dict[str, object], message: str) -> None:
    with pytest.raises(BadHours, match=message):
        yelp_hours_to_osm(hours)


def test_every_mapped_yelp_category_is_a_taxonomy_key() -> None:
    taxonomy = load_taxonomy()
    assert {key for key in YELP_CATEGORIES.values() if key not in taxonomy} == set()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Hair Salons", "hairdresser"),
        ("General Dentistry", "dentist"),
        ("Veterinarians", "veterinarian"),
        ("Plumbers", "plumber"),  # not in the table: found through the taxonomy's own synonyms
        ("Restaurants", None),
        # The taxonomy would read "Cafes" as "caf" (an Italian tax office): a listing name never means that.
        ("Cafes", None),
    ],
)
def test_yelp_category_names_map_to_taxonomy_keys(name: str, key: str | None) -> None:
    assert category_of_yelp_name(name) == key


@pytest.mark.parametrize(
    ("business", "categories", "key"),
    [
        # The business's own name settles it.
        ("Superior Tire Center", ["Auto Repair", "Tires"], "tire_shop"),
        ("Lakewood Exterminating", ["Gardeners", "Landscaping", "Pest Control"], "pest_control"),
        ("Long Animal Hospital", ["Pet Groomers", "Pet Boarding", "Veterinarians", "Pet Sitting"], "veterinarian"),
        # Otherwise the most votes, with umbrella categories such as "Doctors" counting half.
        ("LensCrafters", ["Ophthalmologists", "Optometrists", "Eyewear & Opticians", "Doctors"], "optician"),
        # Otherwise the first Yelp listed.
        ("Dog Care Wonderland", ["Pet Sitting", "Pet Groomers"], "pet_sitter"),
        ("Minhas Micro Brewery", ["Breweries", "Pizza", "Restaurants"], None),
    ],
)
def test_one_category_is_chosen_for_a_business(business: str, categories: list[str], key: str | None) -> None:
    choice = choose_category(business, categories)
    assert (choice.key if choice is not None else None) == key


def test_categories_are_split_as_each_export_joins_them() -> None:
    assert split_yelp_categories("Dentists, Health & Medical") == ["Dentists", "Health & Medical"]
    assert split_yelp_categories("Dentists;Health & Medical") == ["Dentists", "Health & Medical"]
    assert split_yelp_categories(["Dentists", " "]) == ["Dentists"]
    assert split_yelp_categories(None) == []
