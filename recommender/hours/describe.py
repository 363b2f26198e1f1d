"""Today's hours in a few words: a structured summary for the UI to translate, and a short English rendering."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recommender.hours.syntax import State

if TYPE_CHECKING:
    from recommender.hours.schedule import OpeningHours

# English names on purpose, whatever the process locale: this line is English; the UI formats TodaySummary itself.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class TodayStatus(enum.Enum):
    OPEN = "open"  # open now, `until` says when that ends (None: it never does)
    CLOSED = "closed"  # closed now, `opens` says when it next opens (None: not within a year)
    UNKNOWN = "unknown"  # the value does not say (open end, "by appointment")


@dataclass(frozen=True, slots=True)
class TodaySummary:
    """What the vendor page says about now: a code and times the UI formats in the user's language."""

    status: TodayStatus
    until: dt.datetime | None = None
    opens: dt.datetime | None = None
    comment: str | None = None


def summarize_today(hours: OpeningHours, at: dt.datetime) -> TodaySummary:
    """The state at `at`, when it ends if open, and when the place next opens if closed."""
    state, comment = hours.state_at(at)
    if state is State.OPEN:
        return TodaySummary(TodayStatus.OPEN, until=hours.next_change(at), comment=comment)
    if state is State.UNKNOWN:
        return TodaySummary(TodayStatus.UNKNOWN, until=hours.next_change(at), comment=comment)
    return TodaySummary(TodayStatus.CLOSED, opens=hours.next_opening(at), comment=comment)


def describe_today(hours: OpeningHours, at: dt.datetime) -> str:
    """A short English line such as "open until 18:00" or "closed · opens Mon 08:00"."""
    summary = summarize_today(hours, at)
    if summary.status is TodayStatus.OPEN:
        text = "open 24/7" if summary.until is None else f"open until {_when(summary.until, at)}"
    elif summary.status is TodayStatus.UNKNOWN:
        text = "maybe open" if summary.until is None else f"maybe open until {_when(summary.until, at)}"
    elif summary.opens is None:
        text = "closed"
    else:
        text = f"closed · opens {_when(summary.opens, at)}"
    return f"{text} · {summary.comment}" if summary.comment else text


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    """ "18:00" today (or in the small hours of tonight), "Mon 08:00" within a week, "Mar 3 10:00" beyond."""
    clock = moment.strftime("%H:%M")
    days_ahead = (moment.date() - now.date()).days
    if days_ahead == 0 or (days_ahead == 1 and moment - now < dt.timedelta(hours=12) and moment.hour < 6):
        return clock
    if days_ahead < 7:
        return f"{_WEEKDAYS[moment.weekday()]} {clock}"
    return f"{_MONTHS[moment.month - 1]} {moment.day} {clock}"
