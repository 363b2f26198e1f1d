"""Today's line on the vendor page: "open until 18:00", "closed · opens Mon 08:00", and the week with today."""

from __future__ import annotations

import datetime as dt

import pytest

from recommender.hours import TodayStatus, parse

MONDAY = dt.date(2024, 6, 3)


def on(day_offset: int, clock: str) -> dt.datetime:
    hour, minute = map(int, clock.split(":"))
    return dt.datetime.combine(MONDAY + dt.timedelta(days=day_offset), dt.time(hour, minute))


@pytest.mark.parametrize(
    ("value", "moment", "line"),
    [
        ("Mo-Fr 08:00-18:00", on(0, "10:00"), "open until 18:00"),
        ("Mo-Fr 08:00-18:00", on(0, "07:00"), "closed · opens 08:00"),
        ("Mo-Fr 08:00-18:00", on(5, "10:00"), "closed · opens Mon 08:00"),
        ("Mo-Fr 08:00-18:00", on(4, "19:00"), "closed · opens Mon 08:00"),
        ("Fr 22:00-02:00", on(4, "23:00"), "open until 02:00"),
        ("24/7", on(2, "03:00"), "open 24/7"),
        ("off", on(2, "12:00"), "closed"),
        ('Mo 10:00-12:00 "call first"', on(0, "11:00"), "maybe open until 12:00 · call first"),
        ("Mo-Su 10:00-18:00; Dec 25 off", dt.datetime(2024, 12, 24, 19, 0), "closed · opens Thu 10:00"),
        ("Jan 10:00-12:00", on(0, "12:00"), "closed · opens Jan 1 10:00"),
    ],
)
def test_describe_today(value: str, moment: dt.datetime, line: str) -> None:
    assert parse(value).describe_today(moment) == line


def test_summary_carries_codes_and_times_for_the_ui() -> None:
    summary = parse("Mo-Fr 08:00-18:00").summarize_today(on(5, "10:00"))
    assert summary.status is TodayStatus.CLOSED
    assert summary.opens == on(7, "08:00")
    assert summary.until is None


def test_week_table_lists_each_day_once_with_evening_ranges_kept_whole() -> None:
    hours = parse("Mo-Th 11:00-14:00,18:00-23:00; Fr-Sa 18:00-03:00; Su off")
    table = hours.week_table(MONDAY + dt.timedelta(days=3))
    assert [day.date.weekday() for day in table] == list(range(7))
    assert [(i.start.strftime("%H:%M"), i.end.strftime("%a %H:%M")) for i in table[0].intervals] == [
        ("11:00", "Mon 14:00"),
        ("18:00", "Mon 23:00"),
    ]
    assert [(i.start.strftime("%a %H:%M"), i.end.strftime("%a %H:%M")) for i in table[5].intervals] == [
        ("Sat 18:00", "Sun 03:00")
    ]
    assert table[6].is_closed  # Sunday: only the tail of Saturday night, shown on Saturday


def test_a_closed_day_keeps_its_reason() -> None:
    hours = parse('Mo-Su 10:00-18:00; Dec 25 off "Christmas"')
    assert hours.describe_today(dt.datetime(2024, 12, 25, 12, 0)) == "closed · opens Thu 10:00 · Christmas"
    assert hours.describe_today(dt.datetime(2024, 12, 24, 19, 0)) == "closed · opens Thu 10:00"
