"""The real-world bar: values from opening_hours.js's own test suite, read in place from ../shared/data."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import re
from pathlib import Path

from recommender.hours import HoursSyntaxError, UnreadableHours, parse, read_hours

from .conftest import Corpus

_OSM_TAG = re.compile(r"""k=["']opening_hours["']\s+v=(["'])(.*?)\1""")


def _readable(values: list[str]) -> list[bool]:
    results = []
    for value in values:
        try:
            parse(value)
        except HoursSyntaxError:
            results.append(False)
        else:
            results.append(True)
    return results


def test_reads_at_least_95_percent_of_the_values_opening_hours_js_accepts(opening_hours_js: Corpus) -> None:
    accepted = opening_hours_js.accepted
    assert len(accepted) > 800, "the log should hold the 860-odd values opening_hours.js reads"
    records = _readable(accepted)
    distinct = sorted(set(accepted))
    distinct_read = _readable(distinct)
    share = sum(records) / len(records)
    distinct_share = sum(distinct_read) / len(distinct)
    print(
        f"\nopening_hours.js accepts {len(records)} values ({len(distinct)} distinct); "
        f"we read {sum(records)} = {share:.2%} ({sum(distinct_read)} distinct = {distinct_share:.2%})"
    )
    unread = [value for value, ok in zip(distinct, distinct_read, strict=True) if not ok]
    assert share >= 0.95, unread
    assert distinct_share >= 0.95, unread


def test_rejects_most_values_opening_hours_js_rejects(opening_hours_js: Corpus) -> None:
    # Some of these fail there only for reasons outside the value (a wrong constructor argument, a missing
    # country for PH): those are fine to read. Most are malformed and must not be silently accepted.
    rejected = opening_hours_js.rejected
    refused = [not ok for ok in _readable(rejected)]
    share = sum(refused) / len(refused)
    print(f"\nopening_hours.js rejects {len(rejected)} values; we reject {sum(refused)} = {share:.2%}")
    assert share >= 0.65


def test_every_readable_value_answers_every_question(opening_hours_js: Corpus) -> None:
    """No readable value may crash evaluation, and answers must hang together (no state change skipped)."""
    moments = [dt.datetime(2024, 2, 29, 23, 30), dt.datetime(2025, 12, 24, 11, 15)]
    for value in sorted(set(opening_hours_js.accepted)):
        reading = read_hours(value)
        if not reading.readable:
            continue
        hours = reading.hours  # type: ignore[union-attr]
        for at in moments:
            state = hours.is_open(at)
            change = hours.next_change(at)
            if change is not None:
                assert change > at, value
                assert hours.is_open(change) != state, value
            assert len(hours.week_table(at.date())) == 7
            assert hours.describe_today(at)


def test_reads_every_opening_hours_tag_in_the_real_osm_extracts(shared_data: Path) -> None:
    values: list[str] = []
    for name in ("krems.osm.gz", "monaco.osm.gz"):
        with gzip.open(shared_data / "osm" / name, "rt", encoding="utf-8") as extract:
            values += [html.unescape(match[1]) for match in _OSM_TAG.findall(extract.read())]
    assert len(values) >= 30
    unread = {value: reading.reason for value in values if isinstance(reading := read_hours(value), UnreadableHours)}
    print(f"\nOSM extracts (Krems, Monaco): {len(values)} opening_hours tags, {len(values) - len(unread)} read")
    assert not unread
    # Spot-check one reading against the tag: a Krems pharmacy's lunch break.
    pharmacy = parse("Mo-Fr 08:00-12:30, 14:00-15:30")
    assert pharmacy.is_open(dt.datetime(2024, 6, 3, 13, 0)) is False
    assert pharmacy.is_open(dt.datetime(2024, 6, 3, 14, 30)) is True
