"""Values we cannot read: a typed error that says where and why; the tolerant reader keeps them verbatim."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.hours import HoursSyntaxError, ParsedHours, UnreadableHours, parse, read_hours


@pytest.mark.parametrize(
    ("value", "position", "reason"),
    [
        ("Mo-Fr 25:00-26:00", 6, "must start before 24:00"),
        ("Jan 32 10:00-12:00", 4, "Jan has no day 32"),
        ("Mo-Fr 10:00-12:00 foo", 18, 'Unknown word "foo"'),
        ('Mo 10:00-12:00 "call us', 15, "closing quote is missing"),
        ("week 54", 5, "Week numbers run from 01 to 53"),
        ("Mo 10:00-", 9, "Expected a closing time"),
        ("Mo 10:75-11:00", 3, "not a valid number of minutes"),
        ("Sa[0] 10:00-12:00", 3, "weekday of the month must be 1 to 5"),
        ("", 0, "nothing that can be read"),
        ("Mo 10:00-12:00 | Tu", 15, '"||"'),
    ],
)
def test_errors_name_the_position_and_the_reason(value: str, position: int, reason: str) -> None:
    with pytest.raises(HoursSyntaxError) as caught:
        parse(value)
    assert caught.value.position == position
    assert reason in caught.value.reason
    assert f"character {position + 1}" in str(caught.value)


def test_read_hours_keeps_unreadable_values_verbatim() -> None:
    moment = dt.datetime(2024, 6, 3, 12)
    reading = read_hours("Mo-Fr 9 bis 17 Uhr, Sa nach Absprache")
    assert isinstance(reading, UnreadableHours)
    assert reading.text == "Mo-Fr 9 bis 17 Uhr, Sa nach Absprache"
    assert 'Unknown word "nach"' in reading.reason
    assert reading.is_open(moment) is None
    assert reading.describe_today(moment) == reading.text
    readable = read_hours("Mo-Fr 9 bis 17 Uhr")
    assert isinstance(readable, ParsedHours)
    assert readable.is_open(moment) is True
    assert readable.describe_today(moment) == "open until 17:00"
    assert isinstance(read_hours("   "), UnreadableHours)


def test_read_hours_caches_by_value() -> None:
    assert read_hours("Mo-Fr 08:00-18:00") is read_hours("Mo-Fr 08:00-18:00")


_WORDS = [
    "Mo",
    "Fr",
    "Su",
    "Jan",
    "Dec",
    "PH",
    "SH",
    "week",
    "off",
    "open",
    "easter",
    "sunrise",
    "24/7",
    "day",
    "am",
    "pm",
    "||",
    "x",
]
_ALPHABET = st.sampled_from([*'0123456789:-,;+/[]() "|.', *_WORDS])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=20).map("".join))
def test_any_text_either_reads_or_raises_the_typed_error(text: str) -> None:
    try:
        hours = parse(text)
    except HoursSyntaxError as error:
        assert 0 <= error.position <= len(text)
        assert error.reason
        return
    moment = dt.datetime(2024, 2, 29, 12)
    hours.is_open(moment)
    hours.next_change(moment)
    hours.week_table(moment.date())
