"""Yelp's opening hours ({"Monday": "8:30-17:0", ...}) in OpenStreetMap ``opening_hours`` syntax."""

from __future__ import annotations

import re
from collections.abc import Mapping

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# Yelp writes minutes without padding ("8:30-17:0"); some exports pad them ("08:30-17:00").
_SPAN = re.compile(r"\s*(\d{1,2}):(\d{1,2})\s*-\s*(\d{1,2}):(\d{1,2})\s*")


class BadHours(ValueError):
    """A day's hours are not in Yelp's "H:M-H:M" form; the message names the day and the value."""


def _time(hours: str, minutes: str, day: str, value: str) -> tuple[int, int]:
    hour, minute = int(hours), int(minutes)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise BadHours(f"{day} has an impossible time in {value!r}")
    return hour, minute


def _span(day: str, value: str) -> str:
    match = _SPAN.fullmatch(value)
    if match is None:
        raise BadHours(f"{day} hours {value!r} are not in the form 9:0-17:30")
    start = _time(match[1], match[2], day, value)
    end = _time(match[3], match[4], day, value)
    if start == end:
        # Yelp's "0:0-0:0" (and any same start and end) means open around the clock.
        return "00:00-24:00"
    if end == (0, 0):
        end = (24, 0)
    # An end before the start runs past midnight ("18:00-02:00"), which opening_hours reads the same way.
    return f"{start[0]:02}:{start[1]:02}-{end[0]:02}:{end[1]:02}"


def _day_list(indices: list[int]) -> str:
    """Day indices as OSM day ranges: [0, 1, 2, 4] -> "Mo-We,Fr"."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return ",".join(_OSM_DAYS[run[0]] if len(run) == 1 else f"{_OSM_DAYS[run[0]]}-{_OSM_DAYS[run[-1]]}" for run in runs)


def yelp_hours_to_osm(hours: Mapping[str, object] | None) -> str | None:
    """OSM opening hours for Yelp's per-day hours; days not listed are closed. None when nothing is listed.

    Days with the same hours share one rule ("Mo-Fr 09:00-17:00; Sa 10:00-14:00"), in weekday order.
    """
    if not hours:
        return None
    unknown = sorted(set(hours) - set(DAYS))
    if unknown:
        raise BadHours(f"unknown day {unknown[0]!r} (expected {', '.join(DAYS)})")
    days_by_span: dict[str, list[int]] = {}
    for index, day in enumerate(DAYS):
        value = hours.get(day)
        if value is None or (isinstance(value, str) and value.strip().casefold() in {"", "none"}):
            continue
        if not isinstance(value, str):
            raise BadHours(f"{day} hours must be text like 9:0-17:30, not {value!r}")
        days_by_span.setdefault(_span(day, value), []).append(index)
    if not days_by_span:
        return None
    if list(days_by_span) == ["00:00-24:00"] and len(days_by_span["00:00-24:00"]) == 7:
        return "24/7"
    rules = sorted(days_by_span.items(), key=lambda item: item[1][0])
    return "; ".join(f"{_day_list(days)} {span}" for span, days in rules)
