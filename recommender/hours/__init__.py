"""OpenStreetMap `opening_hours`: parse values, answer "open now?", and lay out the week for display.

Holidays: PH and SH are parsed, but offline we do not know which dates they are, so a rule that applies only
on holidays matches no day unless a HolidayCalendar is given; `OpeningHours.uses_holidays` tells the UI to say
"hours may differ on holidays". Solar times come from the location when given (see `sun`).
"""

from recommender.hours.describe import TodayStatus, TodaySummary, describe_today, summarize_today
from recommender.hours.errors import HoursSyntaxError
from recommender.hours.mask import CLOSED, OPEN, UNKNOWN, HoursColumn, open_mask, open_states
from recommender.hours.reading import ParsedHours, UnreadableHours, read_hours
from recommender.hours.schedule import DayHours, Interval, OpeningHours, parse
from recommender.hours.sun import Location
from recommender.hours.syntax import HolidayCalendar, State

__all__ = [
    "CLOSED",
    "OPEN",
    "UNKNOWN",
    "DayHours",
    "HolidayCalendar",
    "HoursColumn",
    "HoursSyntaxError",
    "Interval",
    "Location",
    "OpeningHours",
    "ParsedHours",
    "State",
    "TodayStatus",
    "TodaySummary",
    "UnreadableHours",
    "describe_today",
    "open_mask",
    "open_states",
    "parse",
    "read_hours",
    "summarize_today",
]
