"""The app's entry point: read a stored value into hours, or keep it as text to show verbatim. Never drop it."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import ClassVar

from recommender.hours.describe import TodaySummary, describe_today, summarize_today
from recommender.hours.errors import HoursSyntaxError
from recommender.hours.schedule import DayHours, OpeningHours, parse
from recommender.hours.sun import Location
from recommender.hours.syntax import HolidayCalendar

# Distinct hours strings remembered; a city's directory has a few thousand (many vendors share one).
_CACHE_SIZE = 32_768


@dataclass(frozen=True, slots=True)
class ParsedHours:
    """A value we could read; `hours` answers every question, the original `text` is kept for display."""

    text: str
    hours: OpeningHours

    readable: ClassVar[bool] = True

    def is_open(self, at: dt.datetime) -> bool | None:
        return self.hours.is_open(at)

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        return self.hours.next_change(at)

    def week_table(self, week_of: dt.date) -> tuple[DayHours, ...]:
        return self.hours.week_table(week_of)

    def summarize_today(self, at: dt.datetime) -> TodaySummary:
        return summarize_today(self.hours, at)

    def describe_today(self, at: dt.datetime) -> str:
        return describe_today(self.hours, at)


@dataclass(frozen=True, slots=True)
class UnreadableHours:
    """A value we could not read: shown verbatim, with the reason, and "unknown" to every question."""

    text: str
    reason: str
    position: int | None = None

    readable: ClassVar[bool] = False

    def is_open(self, at: dt.datetime) -> bool | None:
        return None

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        return None

    def describe_today(self, at: dt.datetime) -> str:
        return self.text.strip()


def read_hours(
    text: str, *, location: Location | None = None, holidays: HolidayCalendar | None = None
) -> ParsedHours | UnreadableHours:
    """Read `text`; the result is cached by value, since many vendors share the same hours string."""
    return _read_cached(text, location, holidays)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _read_cached(
    text: str, location: Location | None, holidays: HolidayCalendar | None
) -> ParsedHours | UnreadableHours:
    if not text.strip():
        return UnreadableHours(text, "No opening hours given", 0)
    try:
        return ParsedHours(text, parse(text, location=location, holidays=holidays))
    except HoursSyntaxError as error:
        return UnreadableHours(text, error.message, error.position)
