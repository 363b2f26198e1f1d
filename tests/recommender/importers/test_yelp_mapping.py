"""Yelp's hours and category names in Grapevine's terms: opening_hours syntax and taxonomy keys."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recommender.hours import parse
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


_OSM = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TIMES = st.builds(lambda h, m: f"{h}:{m}", st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@given(st.dictionaries(st.sampled_from(_DAY_NAMES), st.builds(lambda a, b: f"{a}-{b}", _TIMES, _TIMES)))
def test_every_day_yelp_lists_is_in_the_opening_hours_exactly_once(hours: dict[str, str]) -> None:
    result = yelp_hours_to_osm(hours)
    if not hours:
        assert result is None
        return
    assert result is not None
    if result == "24/7":
        assert len(hours) == 7
        return
    covered: list[str] = []
    for rule in result.split("; "):
        days, span = rule.split(" ")
        assert re.fullmatch(r"\d\d:\d\d-\d\d:\d\d", span)
        for part in days.split(","):
            first, _, last = part.partition("-")
            start, end = _OSM.index(first), _OSM.index(last or first)
            covered.extend(_DAY_NAMES[start : end + 1])
    assert sorted(covered) == sorted(hours)


@given(st.dictionaries(st.text(max_size=12), st.one_of(st.text(max_size=15), st.integers(), st.none()), max_size=4))
def test_any_hours_value_gives_opening_hours_or_a_bad_hours_error(hours: dict[str, object]) -> None:
    try:
        yelp_hours_to_osm(hours)
    except BadHours as error:
        assert str(error)


_SPANS = st.tuples(st.integers(0, 22), st.integers(1, 23)).filter(lambda span: span[0] < span[1])


@given(st.dictionaries(st.sampled_from(_DAY_NAMES), _SPANS, min_size=1))
def test_the_opening_hours_mean_what_yelp_said(spans: dict[str, tuple[int, int]]) -> None:
    """Read back with Grapevine's own opening_hours parser: open inside each listed span, closed on other days."""
    text = yelp_hours_to_osm({day: f"{start}:0-{end}:0" for day, (start, end) in spans.items()})
    assert text is not None
    hours = parse(text)
    monday = dt.date(2024, 1, 1)
    for index, day in enumerate(_DAY_NAMES):
        date = monday + dt.timedelta(days=index)
        if day in spans:
            start, end = spans[day]
            assert hours.is_open(dt.datetime.combine(date, dt.time(start, 0)))
            assert not hours.is_open(dt.datetime.combine(date, dt.time(end, 0)))
        else:
            assert not hours.is_open(dt.datetime.combine(date, dt.time(12, 0)))
