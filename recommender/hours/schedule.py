"""OpeningHours: a parsed value that answers "open at?", "when does that change?" and "what does the week look like?"

Times are wall-clock times where the vendor is. A datetime with a tzinfo is read by its own wall clock and the
answers carry the same tzinfo; naive datetimes are taken as local time.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from recommender.hours.describe import TodaySummary, describe_today, summarize_today
from recommender.hours.parser import parse_rules
from recommender.hours.sun import Location
from recommender.hours.syntax import HolidayCalendar, Rule, State
from recommender.hours.timeline import DAY, DayContext, Segment, day_segments, own_segments

# How far next_change looks ahead: a year and a day covers every yearly rule (Dec 25 off, Jan-Mar); a value
# that only names weekdays and times repeats every week, so eight days are enough for it.
HORIZON_DAYS = 367
WEEKLY_HORIZON_DAYS = 8
# Per value: the days the "open now" filter and the vendor page ask about; read_hours keeps many values alive.
_CACHED_DAYS = 16


@dataclass(frozen=True, slots=True)
class Interval:
    """A stretch of time with one state (OPEN or UNKNOWN in tables; CLOSED is the absence of intervals)."""

    start: dt.datetime
    end: dt.datetime
    state: State
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class DayHours:
    """One row of the week table: the intervals that start on `date` (an evening may end after midnight)."""

    date: dt.date
    intervals: tuple[Interval, ...]

    @property
    def is_closed(self) -> bool:
        return not self.intervals


class OpeningHours:
    """A readable opening_hours value. Build it with `parse(text)`; it is immutable and safe to share."""

    def __init__(self, text: str, rules: tuple[Rule, ...], context: DayContext) -> None:
        self.text = text
        self.rules = rules
        self.context = context
        self._own: dict[dt.date | int, list[Segment]] = {}
        self._days: dict[dt.date | int, list[Segment]] = {}
        self._combined: dict[tuple[tuple[Segment, ...], tuple[Segment, ...]], list[Segment]] = {}
        self._lock = threading.Lock()
        # A weekly value's day depends only on its weekday: cache by weekday, so every date after the first
        # week is a cache hit (the "open now" filter over thousands of values relies on it).
        self._weekly = self._repeats_weekly()
        self.horizon_days = WEEKLY_HORIZON_DAYS if self._weekly else HORIZON_DAYS

    def __repr__(self) -> str:
        return f"OpeningHours({self.text!r})"

    @property
    def uses_holidays(self) -> bool:
        """True when some rule names PH or SH but no holiday dates were given: holidays may differ from this."""
        calendar = self.context.holidays
        return any(rule.uses_holidays for rule in self.rules) and not (calendar.public or calendar.school)

    def _repeats_weekly(self) -> bool:
        calendar = self.context.holidays
        for rule in self.rules:
            if rule.years or rule.dates or rule.weeks:
                return False
            if any(weekdays.nth or weekdays.offset_days for weekdays in rule.weekdays):
                return False
            if rule.holidays and (calendar.public or calendar.school):
                return False
            solar = any(point is not None and point.event for span in rule.times for point in (span.start, span.end))
            if solar and self.context.location is not None:
                return False
        return True

    # -- per-day evaluation (cached: the "open now" filter asks about the same days again and again) -----------

    def _key(self, day: dt.date) -> dt.date | int:
        return day.weekday() if self._weekly else day

    def _own_segments(self, day: dt.date) -> list[Segment]:
        key = self._key(day)
        cached = self._own.get(key)
        if cached is None:
            cached = own_segments(self.rules, day, self.context)
            with self._lock:
                if len(self._own) >= _CACHED_DAYS:
                    self._own.clear()
                self._own[key] = cached
        return cached

    def segments(self, day: dt.date) -> list[Segment]:
        """The whole of `day` as consecutive segments from 00:00 to 24:00 (closed stretches included)."""
        key = self._key(day)
        cached = self._days.get(key)
        if cached is None:
            cached = self._combine(self._own_segments(day), self._own_segments(day - dt.timedelta(days=1)))
            with self._lock:
                if len(self._days) >= _CACHED_DAYS:
                    self._days.clear()
                self._days[key] = cached
        return cached

    def _walk(self, first: dt.date, days: int) -> Iterator[tuple[dt.date, list[Segment]]]:
        """Consecutive days from `first` with their segments, computed in sequence (long scans skip the cache)."""
        yesterday = self._own_segments(first - dt.timedelta(days=1))
        for offset in range(days):
            date = first + dt.timedelta(days=offset)
            today = self._own.get(self._key(date)) or own_segments(self.rules, date, self.context)
            yield date, self._combine(today, yesterday)
            yesterday = today

    def _combine(self, today: list[Segment], yesterday: list[Segment]) -> list[Segment]:
        # Most days look like many others (same weekday, same closure): combine each distinct pair once.
        key = (tuple(today), tuple(segment for segment in yesterday if segment.end > DAY))
        combined = self._combined.get(key)
        if combined is None:
            combined = day_segments(today, yesterday)
            with self._lock:
                if len(self._combined) >= _CACHED_DAYS:
                    self._combined.clear()
                self._combined[key] = combined
        return combined

    # -- questions -----------------------------------------------------------------------------------------------

    def state_at(self, at: dt.datetime) -> tuple[State, str | None]:
        """The state and comment in force at `at`."""
        minute = at.hour * 60 + at.minute
        for segment in self.segments(at.date()):
            if segment.start <= minute < segment.end:
                return segment.state, segment.comment
        raise AssertionError("day segments cover the whole day")  # pragma: no cover - guarded by day_segments

    def is_open(self, at: dt.datetime) -> bool | None:
        """True if open at `at`, False if closed, None if the value says it is unknown (open end, comment)."""
        state = self.state_at(at)[0]
        return None if state is State.UNKNOWN else state is State.OPEN

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        """The first moment after `at` when the state differs from now, or None if it never does within a year."""
        current = self.state_at(at)[0]
        minute = at.hour * 60 + at.minute
        for date, segments in self._walk(at.date(), self.horizon_days):
            for segment in segments:
                if date == at.date() and segment.end <= minute:
                    continue
                if segment.state is not current:
                    return _moment(date, segment.start, at)
        return None

    def next_opening(self, at: dt.datetime) -> dt.datetime | None:
        """The next moment after `at` at which the place opens, or None if it does not within a year."""
        minute = at.hour * 60 + at.minute
        for date, segments in self._walk(at.date(), self.horizon_days):
            for segment in segments:
                if segment.state is State.OPEN and (date > at.date() or segment.start > minute):
                    return _moment(date, segment.start, at)
        return None

    def intervals(self, start: dt.datetime, end: dt.datetime) -> list[Interval]:
        """Open and unknown intervals overlapping [start, end), clipped to it, merged across midnight."""
        found: list[Interval] = []
        date = start.date()
        while date <= end.date():
            for segment in self.segments(date):
                if segment.state is State.CLOSED:
                    continue
                begin = max(_moment(date, segment.start, start), start)
                finish = min(_moment(date, segment.end, start), end)
                if begin >= finish:
                    continue
                previous = found[-1] if found else None
                if (
                    previous is not None
                    and previous.end == begin
                    and previous.state is segment.state
                    and previous.comment == segment.comment
                ):
                    found[-1] = Interval(previous.start, finish, segment.state, segment.comment)
                else:
                    found.append(Interval(begin, finish, segment.state, segment.comment))
            date += dt.timedelta(days=1)
        return found

    def day_hours(self, date: dt.date) -> DayHours:
        """The intervals starting on `date`; one that runs on past midnight ends on the next day."""
        intervals: list[Interval] = []
        today = self.segments(date)
        for segment in today:
            if segment.state is State.CLOSED:
                continue
            if segment.start == 0 and segment.end < DAY and self._continues_from_yesterday(date, segment):
                continue  # shown on yesterday's row, which it started on
            end = _moment(date, segment.end, None)
            if segment.end == DAY and segment.start > 0:
                following = self.segments(date + dt.timedelta(days=1))[0]
                if following.state is segment.state and following.comment == segment.comment and following.end < DAY:
                    end = _moment(date + dt.timedelta(days=1), following.end, None)
            intervals.append(Interval(_moment(date, segment.start, None), end, segment.state, segment.comment))
        return DayHours(date, tuple(intervals))

    def _continues_from_yesterday(self, date: dt.date, segment: Segment) -> bool:
        last = self.segments(date - dt.timedelta(days=1))[-1]
        return last.end == DAY and last.start > 0 and last.state is segment.state and last.comment == segment.comment

    def week_table(self, week_of: dt.date) -> tuple[DayHours, ...]:
        """Monday to Sunday of the week containing `week_of`."""
        monday = week_of - dt.timedelta(days=week_of.weekday())
        return tuple(self.day_hours(monday + dt.timedelta(days=offset)) for offset in range(7))

    def summarize_today(self, at: dt.datetime) -> TodaySummary:
        """Open or closed now, until when, or when it next opens: for the UI to phrase in the user's language."""
        return summarize_today(self, at)

    def describe_today(self, at: dt.datetime) -> str:
        """A short English line such as "open until 18:00" or "closed · opens Mon 08:00"."""
        return describe_today(self, at)


def _moment(date: dt.date, minutes: int, like: dt.datetime | None) -> dt.datetime:
    moment = dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=minutes)
    return moment.replace(tzinfo=like.tzinfo) if like is not None else moment


def parse(text: str, *, location: Location | None = None, holidays: HolidayCalendar | None = None) -> OpeningHours:
    """Parse an opening_hours value; raises HoursSyntaxError (with position and reason) if it cannot be read."""
    context = DayContext(location, holidays if holidays is not None else HolidayCalendar())
    return OpeningHours(text, parse_rules(text), context)
