""" "Which vendors are open now?" over many values at once: same answers as one by one, unknowns kept apart."""

from __future__ import annotations

import datetime as dt
import time

import numpy as np

from recommender.hours import CLOSED, OPEN, UNKNOWN, HoursColumn, open_mask, open_states, read_hours
from recommender.hours.bench import run, synthetic_values

from .conftest import Corpus

MONDAY_NOON = dt.datetime(2024, 6, 3, 12, 0)


def test_open_mask_answers_per_vendor_with_shared_strings() -> None:
    values = [
        "Mo-Fr 08:00-18:00",
        None,
        "Sa 09:00-12:00",
        "Mo-Fr 08:00-18:00",
        "sometimes, ask Anna",
        'Mo 10:00-14:00 "call first"',
        "24/7",
    ]
    states = open_states(values, MONDAY_NOON)
    assert states.tolist() == [OPEN, UNKNOWN, CLOSED, OPEN, UNKNOWN, UNKNOWN, OPEN]
    assert open_mask(values, MONDAY_NOON).tolist() == [True, False, False, True, False, False, True]
    assert open_mask(values, MONDAY_NOON, include_unknown=True).tolist() == [True, True, False, True, True, True, True]


def test_a_column_built_once_answers_for_any_moment() -> None:
    values = ["Mo-Fr 08:00-18:00", "Sa 09:00-12:00", "Fr 22:00-02:00"] * 3
    column = HoursColumn(values)
    assert len(column) == 9
    assert len(column.distinct) == 3
    saturday_night = dt.datetime(2024, 6, 8, 1, 0)
    assert column.open_mask(saturday_night).tolist() == [False, False, True] * 3
    assert column.open_mask(dt.datetime(2024, 6, 8, 10, 0)).tolist() == [False, True, False] * 3


def test_mask_matches_one_by_one_on_real_values_and_is_fast(opening_hours_js: Corpus) -> None:
    distinct = sorted(set(opening_hours_js.accepted))
    values: list[str | None] = [distinct[(index * 7919) % len(distinct)] for index in range(100_000)]
    values[::50] = [None] * len(values[::50])
    moment = dt.datetime(2025, 3, 14, 17, 45)

    started = time.perf_counter()
    states = open_states(values, moment)
    cold = time.perf_counter() - started
    column = HoursColumn(values)
    started = time.perf_counter()
    warm_states = column.states(moment)
    warm = time.perf_counter() - started
    started = time.perf_counter()
    column.states(moment + dt.timedelta(minutes=1))
    next_minute = time.perf_counter() - started
    print(
        f"\nopen_states over {len(values):,} values ({len(distinct)} distinct): first call {cold * 1000:.0f} ms; "
        f"column built, same moment {warm * 1000:.1f} ms; a minute later {next_minute * 1000:.1f} ms"
    )

    assert np.array_equal(states, warm_states)
    expected = {}
    for value in distinct:
        reading = read_hours(value)
        answer = reading.is_open(moment)
        expected[value] = UNKNOWN if answer is None else (OPEN if answer else CLOSED)
    for index in range(0, len(values), 997):
        value = values[index]
        assert states[index] == (UNKNOWN if value is None else expected[value]), value


def test_the_benchmark_runs_and_reports_each_step() -> None:
    values = synthetic_values(2_000, 40, seed=3)
    assert len(values) == 2_000
    assert len({value for value in values if value is not None}) <= 40
    assert 0.2 < values.count(None) / len(values) < 0.4
    assert all(read_hours(value).readable for value in values if value is not None)
    report = run(count=2_000, distinct=40, seed=3)
    for step in ("build_column_parsing_each_distinct_value", "first_question_of_a_day", "same_day_another_minute"):
        timing = report[step]
        assert isinstance(timing, dict)
        assert timing["wall_ms"] >= 0
        assert timing["cpu_ms"] >= 0
