"""Invariants over generated values: the week table, "open at" and "next change" never contradict each other."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.hours import OpeningHours, State, parse

_DAYS = ["", "Mo ", "Tu-Th ", "Sa-Mo ", "Mo,We,Fr ", "Su[1] ", "Sa[-1] ", "Mo-Fr,PH ", "Fr "]
_DATES = ["", "Jan-Mar ", "Dec 24-26 ", "Nov-Feb ", "easter -2 days-easter +1 day ", "week 01-53/2 ", "2024 "]
_STATES = ["", " off", " open", " unknown", ' "call first"']


@st.composite
def clock(draw: st.DrawFn, latest: int = 23) -> str:
    return f"{draw(st.integers(0, latest)):02d}:{draw(st.sampled_from([0, 15, 30, 45])):02d}"


@st.composite
def time_span(draw: st.DrawFn) -> str:
    start = draw(clock())
    end = draw(st.one_of(clock(latest=26), st.just("+"), st.sampled_from(["sunset", "sunrise"])))
    return f"{start}+" if end == "+" else f"{start}-{end}"


@st.composite
def rule(draw: st.DrawFn) -> str:
    times = ",".join(draw(st.lists(time_span(), min_size=0, max_size=3)))
    text = draw(st.sampled_from(_DATES)) + draw(st.sampled_from(_DAYS)) + times
    state = draw(st.sampled_from(_STATES))
    return (text.strip() + state).strip() or "open"


@st.composite
def value(draw: st.DrawFn) -> str:
    rules = draw(st.lists(rule(), min_size=1, max_size=4))
    text = rules[0]
    for extra in rules[1:]:
        text += draw(st.sampled_from(["; ", ", ", " || "])) + extra
    return text


moments = st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2025, 12, 31)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)


def _table_state(hours: OpeningHours, at: dt.datetime) -> bool | None:
    days = [*hours.week_table(at.date() - dt.timedelta(days=7)), *hours.week_table(at.date())]
    intervals = [interval for day in days for interval in day.intervals]
    for earlier, later in itertools.pairwise(intervals):
        assert earlier.end <= later.start, "rows of the week table overlap"
    for interval in intervals:
        if interval.start <= at < interval.end:
            return None if interval.state is State.UNKNOWN else True
    return False


@settings(max_examples=150, deadline=None)
@given(value(), moments)
def test_is_open_agrees_with_the_week_table(text: str, at: dt.datetime) -> None:
    hours = parse(text)
    assert hours.is_open(at) == _table_state(hours, at), text


@settings(max_examples=150, deadline=None)
@given(value(), moments)
def test_next_change_really_changes_and_nothing_changes_before_it(text: str, at: dt.datetime) -> None:
    hours = parse(text)
    now = hours.is_open(at)
    change = hours.next_change(at)
    if change is None:
        for days in (1, 3, 8):
            assert hours.is_open(at + dt.timedelta(days=days)) == now, text
        return
    assert change > at
    assert hours.is_open(change) != now, text
    before = change - dt.timedelta(minutes=1)
    assert hours.is_open(before) == now, text
    assert hours.is_open(at + (before - at) / 2) == now, text


@settings(max_examples=100, deadline=None)
@given(value(), moments)
def test_intervals_cover_exactly_the_open_and_unknown_minutes(text: str, at: dt.datetime) -> None:
    hours = parse(text)
    intervals = hours.intervals(at, at + dt.timedelta(days=2))
    for earlier, later in itertools.pairwise(intervals):
        assert earlier.end <= later.start
    for step in range(0, 48 * 60, 97):
        moment = at + dt.timedelta(minutes=step)
        inside = [interval for interval in intervals if interval.start <= moment < interval.end]
        expected = hours.is_open(moment)
        if expected is False:
            assert not inside, text
        else:
            assert len(inside) == 1, text
            assert (inside[0].state is State.OPEN) == (expected is True), text
