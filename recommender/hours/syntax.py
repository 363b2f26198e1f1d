"""The parsed form of an opening_hours value: rules made of selectors, and how each selector matches a day."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
from dataclasses import dataclass


class State(enum.Enum):
    """What a rule says about its times. UNKNOWN covers comments without a state ("by appointment")."""

    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


class Joiner(enum.Enum):
    """How a rule joins the rules before it: ";" overrides the day, "," adds to it, "||" is the fallback."""

    NORMAL = ";"
    ADDITIONAL = ","
    FALLBACK = "||"


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """Public (PH) and school (SH) holiday dates. Empty by default: offline, we do not know them."""

    public: frozenset[dt.date] = frozenset()
    school: frozenset[dt.date] = frozenset()


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, valid for every Gregorian year)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday_of_month(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The nth (1-based; negative counts from the end) given weekday of a month, or None if there is none."""
    days_in_month = calendar.monthrange(year, month)[1]
    if nth > 0:
        first = dt.date(year, month, 1)
        day = 1 + (weekday - first.weekday()) % 7 + 7 * (nth - 1)
    else:
        last = dt.date(year, month, days_in_month)
        day = days_in_month - (last.weekday() - weekday) % 7 - 7 * (-nth - 1)
    return dt.date(year, month, day) if 1 <= day <= days_in_month else None


@dataclass(frozen=True, slots=True)
class YearRange:
    """`2012`, `2012-2016`, `2020-2029/3`, `2060+`."""

    start: int
    end: int | None  # None: open ended ("2060+")
    step: int = 1

    def matches(self, year: int) -> bool:
        if year < self.start or (self.end is not None and year > self.end):
            return False
        return (year - self.start) % self.step == 0


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One end of a date range: `Dec 25`, `Jan` (a whole month), `easter`, `Aug Su[-1]`, each `± n days`."""

    month: int | None = None
    day: int | None = None
    year: int | None = None
    easter: bool = False
    nth_weekday: tuple[int, int] | None = None  # (weekday, n): "Su[-1]" is (6, -1)
    offset_days: int = 0

    def resolve(self, year: int, *, as_end: bool) -> dt.date | None:
        """The date this point stands for in `year` (a month-only point is its first or last day)."""
        return _resolve(self, year, as_end)

    def compute(self, year: int, *, as_end: bool) -> dt.date | None:
        """resolve() without the cache."""
        year = self.year if self.year is not None else year
        if self.easter:
            base: dt.date | None = easter_sunday(year)
        elif self.month is None:
            return None
        elif self.nth_weekday is not None:
            base = nth_weekday_of_month(year, self.month, *self.nth_weekday)
        elif self.day is None:
            last_day = calendar.monthrange(year, self.month)[1]
            base = dt.date(year, self.month, last_day if as_end else 1)
        else:
            last_day = calendar.monthrange(year, self.month)[1]
            if self.day > last_day:
                # Feb 29 exists only in leap years: in other years it matches nothing.
                return None
            base = dt.date(year, self.month, self.day)
        if base is None:
            return None
        return base + dt.timedelta(days=self.offset_days)


@functools.lru_cache(maxsize=8192)
def _resolve(point: DatePoint, year: int, as_end: bool) -> dt.date | None:
    # Every day's evaluation resolves the same few points for the same year or two: remember them.
    return point.compute(year, as_end=as_end)


@dataclass(frozen=True, slots=True)
class DateRange:
    """`Dec 24-26`, `Jan-Mar`, `easter -2 days-easter +1 day`, `Jan 01-31/8`, or a single point."""

    start: DatePoint
    end: DatePoint | None = None
    step: int = 1

    def matches(self, day: dt.date) -> bool:
        end = self.end if self.end is not None else self.start
        years = (self.start.year,) if self.start.year is not None else (day.year - 1, day.year)
        for year in years:
            first = self.start.resolve(year, as_end=False)
            if first is None or first > day:
                continue
            last = end.resolve(year if end.year is None else end.year, as_end=True)
            if last is not None and last < first and end.year is None:
                # The range wraps over New Year ("Dec-Feb", "Dec 24-Jan 06").
                last = end.resolve(year + 1, as_end=True)
            if last is None or day > last:
                continue
            if (day - first).days % self.step == 0:
                return True
        return False


@dataclass(frozen=True, slots=True)
class WeekRange:
    """ISO week numbers: `week 01-53/2`."""

    start: int
    end: int
    step: int = 1

    def matches(self, day: dt.date) -> bool:
        week = day.isocalendar().week
        return self.start <= week <= self.end and (week - self.start) % self.step == 0


@dataclass(frozen=True, slots=True)
class WeekdayRange:
    """`Mo-Fr`, `Sa-Mo` (wraps), `Su[1]`, `We[4-5]`, `Sa[-1] +3 days`."""

    start: int
    end: int
    nth: tuple[tuple[int, int], ...] = ()  # inclusive ranges of n; negative n counts from the month's end
    offset_days: int = 0

    def matches(self, day: dt.date) -> bool:
        base = day - dt.timedelta(days=self.offset_days) if self.offset_days else day
        weekday = base.weekday()
        if self.start <= self.end:
            if not self.start <= weekday <= self.end:
                return False
        elif self.end < weekday < self.start:
            return False
        if not self.nth:
            return True
        from_start = (base.day - 1) // 7 + 1
        from_end = -((calendar.monthrange(base.year, base.month)[1] - base.day) // 7 + 1)
        return any(low <= from_start <= high or low <= from_end <= high for low, high in self.nth)


@dataclass(frozen=True, slots=True)
class HolidaySelector:
    """`PH`, `SH`, `PH +1 day`."""

    kind: str  # "PH" or "SH"
    offset_days: int = 0

    def matches(self, day: dt.date, holidays: HolidayCalendar) -> bool:
        dates = holidays.public if self.kind == "PH" else holidays.school
        return (day - dt.timedelta(days=self.offset_days)) in dates


@dataclass(frozen=True, slots=True)
class TimePoint:
    """A time of day in minutes (may exceed 24:00 for ends), or a solar event with an offset in minutes."""

    minutes: int = 0
    event: str | None = None  # "sunrise", "sunset", "dawn", "dusk"


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """`10:00-18:00`, `22:00-02:00`, `17:00+`, `sunrise-sunset`, `10:00-16:00/90`, or the point `12:00`."""

    start: TimePoint
    end: TimePoint | None  # None: a point in time, or an open end when `open_end` is set
    open_end: bool = False


WHOLE_DAY = TimeSpan(TimePoint(0), TimePoint(24 * 60))


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: selectors for which days, time spans for when, and what state with what comment."""

    joiner: Joiner = Joiner.NORMAL
    years: tuple[YearRange, ...] = ()
    dates: tuple[DateRange, ...] = ()
    weeks: tuple[WeekRange, ...] = ()
    weekdays: tuple[WeekdayRange, ...] = ()
    holidays: tuple[HolidaySelector, ...] = ()
    # "SH Mo-Fr" (no comma) means school-holiday weekdays: both must match. "Mo-Fr,PH" means either.
    holidays_restrict_weekdays: bool = False
    times: tuple[TimeSpan, ...] = ()
    state: State = State.OPEN
    comment: str | None = None
    uses_holidays: bool = False

    def matches(self, day: dt.date, holidays: HolidayCalendar) -> bool:
        """Whether this rule speaks about `day` at all."""
        if self.years and not any(years.matches(day.year) for years in self.years):
            return False
        if self.dates and not any(dates.matches(day) for dates in self.dates):
            return False
        if self.weeks and not any(weeks.matches(day) for weeks in self.weeks):
            return False
        if not self.weekdays and not self.holidays:
            return True
        on_weekday = any(weekdays.matches(day) for weekdays in self.weekdays)
        on_holiday = any(holiday.matches(day, holidays) for holiday in self.holidays)
        if self.holidays_restrict_weekdays and self.weekdays:
            return on_weekday and on_holiday
        return on_weekday or on_holiday
