"""A recursive-descent parser for OpenStreetMap `opening_hours` values, tolerant of the common variations.

Grammar (after the lexer has mapped words to tokens), roughly as on the OSM wiki:
    value     := rule (separator rule)*          separator := ";" | "," | "||"
    rule      := [years] [dates] [weeks] [":"] [weekdays/holidays] [times] [state] [comment]
Selectors may come in any order (real values put times first), and a selector kind that repeats without a
separator starts a new rule ("Mo-Fr 08:00-18:00 Sa 09:00-12:00"), which is what people mean.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from recommender.hours.errors import HoursSyntaxError
from recommender.hours.lexer import Token, tokenize
from recommender.hours.lexicon import MONTH_ABBREVIATIONS
from recommender.hours.syntax import (
    WHOLE_DAY,
    DatePoint,
    DateRange,
    HolidaySelector,
    Joiner,
    Rule,
    State,
    TimePoint,
    TimeSpan,
    WeekdayRange,
    WeekRange,
    YearRange,
)

_LOOKAHEAD = 5
_RULE_ENDS = frozenset({";", "||", "end", ","})
_MAX_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _shortened(word: str) -> str:
    return word if len(word) <= 30 else word[:30] + "…"


def parse_rules(text: str) -> tuple[Rule, ...]:
    """The rules of `text`; raises HoursSyntaxError naming the position and the reason."""
    return _Parser(text).parse()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        tokens = tokenize(text)
        # Padding with end tokens lets look-ahead run past the end without bounds checks.
        self.tokens = tokens + [tokens[-1]] * _LOOKAHEAD
        self.index = 0

    # -- token helpers -------------------------------------------------------------------------------------------

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[self.index + ahead]

    def at(self, kind: str, ahead: int = 0) -> bool:
        return self.tokens[self.index + ahead].kind == kind

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if token.kind != "end":
            self.index += 1
        return token

    def error(self, reason: str, token: Token | None = None) -> HoursSyntaxError:
        return HoursSyntaxError(self.text, (token or self.peek()).start, reason)

    def describe(self, token: Token) -> str:
        if token.kind == "end":
            return "the end of the value"
        return f'"{self.text[token.start : token.end]}"'

    def number(self, reason: str) -> int:
        if not self.at("num"):
            raise self.error(f"{reason}, found {self.describe(self.peek())}")
        return int(self.advance().value)

    def is_year(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return (
            token.kind == "num"
            and len(token.value) == 4
            and 1900 <= int(token.value) <= 2199
            and self.peek(ahead + 1).kind not in (":", "ampm", ".")
        )

    def is_day(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        if token.kind != "num" or len(token.value) > 2 or not 1 <= int(token.value) <= 31:
            return False
        following = self.peek(ahead + 1).kind
        if following == "ampm":
            return False
        if following == ":" and self.peek(ahead + 2).kind == "num":
            # "Jan 02:00-…" is a time, but in "Jan 02: 18:00-22:00" the colon follows the day.
            return self.peek(ahead + 3).kind == ":"
        # "10.00" is a time; "24." (a German ordinal) is a day.
        return not (following == "." and self.peek(ahead + 2).kind == "num")

    def is_clock(self, ahead: int = 0) -> bool:
        """A number that starts a time: "10:00" (but not "03" in "week 01,03: 10:00", where ":" ends the list)."""
        return (
            self.at("num", ahead)
            and self.at(":", ahead + 1)
            and self.at("num", ahead + 2)
            and not self.at(":", ahead + 3)
        )

    def times_follow(self) -> bool:
        """Whether a time such as 10:00 comes later in the current rule."""
        index = self.index
        while self.tokens[index].kind not in _RULE_ENDS:
            token = self.tokens[index]
            if token.kind in ("event", "allday") or (token.kind == "num" and self.tokens[index + 1].kind == ":"):
                return True
            index += 1
        return False

    def offset_days(self) -> int:
        """An optional `+2 days` / `-1 day`; 0 when absent."""
        if self.peek().kind in ("+", "-") and self.at("num", 1) and self.at("day", 2):
            sign = 1 if self.advance().kind == "+" else -1
            days = int(self.advance().value)
            self.advance()
            return sign * days
        return 0

    # -- value and rules -----------------------------------------------------------------------------------------

    def parse(self) -> tuple[Rule, ...]:
        rules: list[Rule] = []
        joiner = Joiner.NORMAL
        while True:
            while self.at(";") or (self.at(",") and not rules):
                self.advance()
                joiner = Joiner.NORMAL
            if self.at("end"):
                break
            if self.at("||"):
                if not rules:
                    raise self.error('"||" (fallback) needs a rule before it')
                raise self.error('"||" is followed by nothing that can be read as a rule')
            before = self.index
            rule = self.rule(joiner)
            if self.index == before:
                raise self.error(f"Unexpected {self.describe(self.peek())}")
            if rule is not None:
                rules.append(rule)
            separator = self.peek().kind
            if separator == ";":
                joiner = Joiner.NORMAL
            elif separator == ",":
                joiner = Joiner.ADDITIONAL
            elif separator == "||":
                joiner = Joiner.FALLBACK
            elif separator == "end":
                break
            else:
                # A selector kind repeated without a separator starts a new rule ("Mo 10-12 Tu 14-16").
                joiner = Joiner.NORMAL
                continue
            self.advance()
        if not rules:
            raise HoursSyntaxError(self.text, 0, "The value contains nothing that can be read as opening hours")
        return tuple(rules)

    def rule(self, joiner: Joiner) -> Rule | None:
        parts: dict[str, Any] = {}
        seen: set[str] = set()
        state: str | None = None
        comments: list[str] = []

        def take(kind: str, parse: Callable[[], Any]) -> bool:
            if kind in seen:
                return False
            seen.add(kind)
            parts[kind] = parse()
            return True

        while True:
            token = self.peek()
            kind = token.kind
            if kind in _RULE_ENDS:
                break
            if "times" in seen and kind in ("weekday", "holiday", "month", "week") and self.times_follow():
                # "Jan 12:00-13:00 Mo 15:00-16:00": new days with their own times are a new rule.
                break
            if kind == ":":
                # "Jan 01: 10:00-12:00", "Mo: off": a colon may separate selectors, but must lead somewhere.
                if self.peek(1).kind in _RULE_ENDS or ("times" in seen and self.is_time_start(1)):
                    raise self.error('A ":" here is followed by nothing it could separate', token)
                self.advance()
                continue
            if kind == "num" and self.is_year():
                if self.peek(1).kind in ("month", "easter"):
                    taken = take("dates", self.date_selector)
                else:
                    taken = take("years", self.year_selector)
            elif kind in ("month", "easter"):
                taken = take("dates", self.date_selector)
            elif kind == "week":
                taken = take("weeks", self.week_selector)
            elif kind in ("weekday", "holiday"):
                taken = take("days", self.day_selector)
            elif kind in ("num", "event", "(", "allday"):
                taken = take("times", self.time_selector)
            elif kind == "state":
                if state is not None:
                    break
                state = self.advance().value
                taken = True
                if self.at("word"):
                    comments.append(self.bare_comment())
            elif kind == "comment":
                self.advance()
                if token.value:
                    comments.append(token.value)
                taken = True
            elif kind == "word":
                raise self.error(f'Unknown word "{_shortened(token.value)}"', token)
            elif self.at("word", 1):
                following = self.peek(1)
                raise self.error(f'Unknown word "{_shortened(following.value)}"', following)
            elif kind == "-":
                raise self.error('Unexpected "-": a range needs a day, date or time that is valid on both sides', token)
            else:
                raise self.error(f"Unexpected {self.describe(token)}", token)
            if not taken:
                break
        if not parts and state is None and not comments:
            return None
        days: tuple[tuple[WeekdayRange, ...], tuple[HolidaySelector, ...], bool] = parts.get("days", ((), (), False))
        comment = " ".join(comments) if comments else None
        # A comment without a state means "it depends" (opening_hours.js reads it the same way).
        rule_state = (State.UNKNOWN if comment else State.OPEN) if state is None else State(state)
        return Rule(
            joiner=joiner,
            years=parts.get("years", ()),
            dates=parts.get("dates", ()),
            weeks=parts.get("weeks", ()),
            weekdays=days[0],
            holidays=days[1],
            holidays_restrict_weekdays=days[2],
            times=parts.get("times", ()),
            state=rule_state,
            comment=comment,
            uses_holidays=bool(days[1]),
        )

    def bare_comment(self) -> str:
        """Unquoted words after a state ("open on appointment") are read as the comment they clearly are."""
        start = self.peek().start
        end = start
        while not self.at("end") and self.peek().kind not in (";", ",", "||"):
            end = self.advance().end
        return self.text[start:end].strip()

    # -- wide selectors ------------------------------------------------------------------------------------------

    def year_selector(self) -> tuple[YearRange, ...]:
        ranges: list[YearRange] = []
        while True:
            start = int(self.advance().value)
            end: int | None = start
            if self.at("+"):
                self.advance()
                end = None
            elif self.at("-") and self.at("num", 1):
                self.advance()
                if not self.is_year():
                    raise self.error("Expected a year (four digits) to end the year range")
                end = int(self.advance().value)
                if end < start:
                    raise self.error(f"The year range {start}-{end} runs backwards", self.tokens[self.index - 1])
            step = self.step("year")
            if step > 1 and end == start:
                end = None  # "2008/4": every fourth year from 2008 on
            ranges.append(YearRange(start, end, step))
            if self.at(",") and self.is_year(1):
                self.advance()
                continue
            return tuple(ranges)

    def step(self, what: str) -> int:
        if not (self.at("/") and self.at("num", 1)):
            return 1
        self.advance()
        token = self.peek()
        value = int(self.advance().value)
        if value < 1:
            raise self.error(f"A {what} step must be at least 1", token)
        return value

    def date_selector(self) -> tuple[DateRange, ...]:
        ranges: list[DateRange] = []
        month: int | None = None
        while True:
            start = self.date_point(default_month=month)
            month = start.month
            end: DatePoint | None = None
            if self.at("-") and (
                self.is_year(1) or self.peek(1).kind in ("month", "easter") or (start.day and self.is_day(1))
            ):
                self.advance()
                end_token = self.peek()
                end = self.date_point(default_month=start.month, default_year=start.year)
                if (
                    end.month == start.month
                    and end.year == start.year
                    and start.day
                    and end.day
                    and end.day < start.day
                ):
                    raise self.error(f"The day range {start.day:02d}-{end.day:02d} runs backwards", end_token)
                if end.month is not None and end.month != start.month:
                    month = end.month
            step = self.step("day")
            if step > 1 and (start.day is None or (end is not None and end.day is None)):
                raise self.error("A day step (/n) needs a range of days such as Jan 01-31/8")
            ranges.append(DateRange(start, end, step))
            if self.at(",") and (
                self.peek(1).kind in ("month", "easter")
                or (self.is_year(1) and self.peek(2).kind in ("month", "easter"))
                or (month is not None and self.is_day(1) and start.day is not None)
            ):
                self.advance()
                continue
            return tuple(ranges)

    def date_point(self, *, default_month: int | None, default_year: int | None = None) -> DatePoint:
        year = default_year
        if self.is_year():
            year = int(self.advance().value)
        if self.at("easter"):
            self.advance()
            return DatePoint(year=year, easter=True, offset_days=self.offset_days())
        if self.at("month"):
            month = int(self.advance().value)
            if self.at("weekday") and self.at("[", 1):
                weekday = int(self.advance().value)
                nth = self.nth_list()
                if len(nth) != 1 or nth[0][0] != nth[0][1]:
                    raise self.error("A date may name one weekday of the month, such as Su[-1]")
                return DatePoint(
                    month=month, year=year, nth_weekday=(weekday, nth[0][0]), offset_days=self.offset_days()
                )
            token = self.peek()
            if token.kind == "num" and len(token.value) <= 2 and int(token.value) > 31 and not self.at(":", 1):
                raise self.error(f"{MONTH_ABBREVIATIONS[month - 1]} has no day {int(token.value)}", token)
            day = self.day_of(month) if self.is_day() else None
            return DatePoint(month=month, day=day, year=year, offset_days=self.offset_days())
        if default_month is not None and self.is_day():
            return DatePoint(
                month=default_month, day=self.day_of(default_month), year=year, offset_days=self.offset_days()
            )
        raise self.error(f"Expected a month (Jan … Dec) or easter, found {self.describe(self.peek())}")

    def day_of(self, month: int) -> int:
        token = self.advance()
        day = int(token.value)
        if day > _MAX_DAYS[month]:
            raise self.error(f"{MONTH_ABBREVIATIONS[month - 1]} has no day {day}", token)
        if self.at(".") and not self.at("num", 1):
            self.advance()
        return day

    def week_selector(self) -> tuple[WeekRange, ...]:
        self.advance()
        ranges: list[WeekRange] = []
        while True:
            token = self.peek()
            start = self.number('Expected a week number (01-53) after "week"')
            end = start
            if self.at("-") and self.at("num", 1):
                self.advance()
                end = int(self.advance().value)
            if not (1 <= start <= 53 and 1 <= end <= 53):
                raise self.error("Week numbers run from 01 to 53", token)
            if end < start:
                raise self.error(f"The week range {start:02d}-{end:02d} runs backwards", token)
            step = self.step("week")
            if step > 1 and step > end - start:
                raise self.error("The week step is larger than the week range", token)
            ranges.append(WeekRange(start, end, step))
            if self.at(",") and self.at("week", 1):
                self.advance()
                self.advance()
                continue
            if self.at(",") and self.at("num", 1) and not self.is_year(1) and not self.is_clock(1):
                self.advance()
                continue
            return tuple(ranges)

    # -- small selectors -----------------------------------------------------------------------------------------

    def day_selector(self) -> tuple[tuple[WeekdayRange, ...], tuple[HolidaySelector, ...], bool]:
        weekdays: list[WeekdayRange] = []
        holidays: list[HolidaySelector] = []
        restrict = False
        previous_was_holiday = False
        while True:
            token = self.advance()
            if token.kind == "holiday":
                holidays.append(HolidaySelector(token.value, self.offset_days()))
                previous_was_holiday = True
            else:
                if previous_was_holiday and self.tokens[self.index - 2].kind != ",":
                    restrict = True
                previous_was_holiday = False
                start = int(token.value)
                end = start
                if self.at("-") and self.at("weekday", 1):
                    self.advance()
                    end = int(self.advance().value)
                nth = self.nth_list() if self.at("[") else ()
                weekdays.append(WeekdayRange(start, end, nth, self.offset_days()))
            if self.at(",") and self.peek(1).kind in ("weekday", "holiday"):
                self.advance()
                continue
            if self.peek().kind in ("weekday", "holiday"):
                continue
            return tuple(weekdays), tuple(holidays), restrict

    def nth_list(self) -> tuple[tuple[int, int], ...]:
        self.advance()
        ranges: list[tuple[int, int]] = []
        while True:
            token = self.peek()
            low = self.signed("Expected which weekday of the month (1-5 or -1…-5) inside [ ]")
            high = low
            if self.at("-") and (self.at("num", 1) or self.at("-", 1)):
                self.advance()
                high = self.signed("Expected the end of the weekday-of-month range")
            if not all(1 <= abs(n) <= 5 for n in (low, high)) or (low > 0) != (high > 0) or high < low:
                raise self.error("The weekday of the month must be 1 to 5, or -1 to -5 counting from the end", token)
            ranges.append((low, high))
            if self.at(","):
                self.advance()
                continue
            if not self.at("]"):
                raise self.error(f'Expected "]" to close the weekday-of-month list, found {self.describe(self.peek())}')
            self.advance()
            return tuple(ranges)

    def signed(self, reason: str) -> int:
        sign = 1
        if self.at("-"):
            self.advance()
            sign = -1
        return sign * self.number(reason)

    # -- times ---------------------------------------------------------------------------------------------------

    def is_time_start(self, ahead: int = 0) -> bool:
        kind = self.peek(ahead).kind
        if kind == "num":
            return not self.is_year(ahead)
        return kind in ("event", "(", "allday")

    def time_selector(self) -> tuple[TimeSpan, ...]:
        spans: list[TimeSpan] = []
        while True:
            if self.at("allday"):
                self.advance()
                spans.append(WHOLE_DAY)
            elif self.at("num") and self.peek().value == "24" and self.at("/", 1) and self.peek(2).value == "7":
                for _ in range(3):
                    self.advance()
                spans.append(WHOLE_DAY)
            else:
                spans.append(self.time_span())
            if (self.at(",") and self.is_time_start(1)) or self.slash_joins_ranges():
                self.advance()
                continue
            if self.at(",") and self.at(":", 1) and self.is_time_start(2):
                self.advance()
                self.advance()
                continue
            if self.is_time_start():
                continue
            return tuple(spans)

    def time_span(self) -> TimeSpan:
        first = self.peek()
        start, start_suffix = self.time_point()
        if start.event is None and start.minutes >= 24 * 60:
            raise self.error("A time range must start before 24:00", first)
        if self.at("+"):
            self.advance()
            return TimeSpan(start, None, open_end=True)
        if not self.at("-"):
            written = self.text[first.start : self.tokens[self.index - 1].end]
            if start.event is None and ":" not in written and "." not in written and len(first.value) < 3:
                raise self.error("A single time needs hours and minutes (such as 12:00), or a range", first)
            return TimeSpan(start, None)
        self.advance()
        if self.at("+"):
            self.advance()
            return TimeSpan(start, None, open_end=True)
        last = self.peek()
        if not self.is_time_start():
            raise self.error(f'Expected a closing time after "-", found {self.describe(last)}')
        end, end_suffix = self.time_point()
        if end.event is None and end.minutes > 48 * 60:
            raise self.error("A time range may end at most at 48:00 (midnight of the next day)", last)
        # "4-10 pm": the suffix covers both ends when that keeps the range in order.
        plain_start = start.event is None and end.event is None and start_suffix is None
        if plain_start and end_suffix == "pm" and start.minutes < 12 * 60 and start.minutes + 12 * 60 < end.minutes:
            start = TimePoint(start.minutes + 12 * 60)
        open_end = False
        if self.at("+"):
            self.advance()
            open_end = True
        if self.at("/") and not self.slash_joins_ranges():
            self.period()
        return TimeSpan(start, end, open_end=open_end)

    def slash_joins_ranges(self) -> bool:
        """ "9h-12h / 14h-18h" (common in France) lists two ranges; "10:00-16:00/90" repeats every 90 minutes."""
        if not (self.at("/") and self.at("num", 1)):
            return False
        return self.at("-", 2) or (self.at(":", 2) and self.at("num", 3) and self.at("-", 4))

    def period(self) -> None:
        """`/90` or `/01:30`: a repeating interval (departures); "open now" treats the whole range as open."""
        self.advance()
        token = self.peek()
        minutes = self.number('Expected a period in minutes or as hh:mm after "/"')
        if self.at(":"):
            self.advance()
            minutes = minutes * 60 + self.number("Expected the minutes of the period")
        if minutes < 1:
            raise self.error("A period must be at least one minute", token)

    def time_point(self) -> tuple[TimePoint, str | None]:
        token = self.peek()
        if token.kind == "event":
            self.advance()
            return TimePoint(0, token.value), None
        if token.kind == "(":
            self.advance()
            if not self.at("event"):
                raise self.error(
                    f'Expected sunrise, sunset, dawn or dusk after "(", found {self.describe(self.peek())}'
                )
            event = self.advance().value
            if self.peek().kind not in ("+", "-"):
                raise self.error(f'Expected "+" or "-" and an offset such as +01:00 after {event}')
            sign = 1 if self.advance().kind == "+" else -1
            if not (self.at("num") and self.at(":", 1)):
                raise self.error("The offset of a solar event is written as hh:mm, such as (sunset-01:00)")
            offset = self.clock(allow_suffix=False)[0]
            if not self.at(")"):
                raise self.error(f'Expected ")" after the offset, found {self.describe(self.peek())}')
            self.advance()
            return TimePoint(sign * offset, event), None
        minutes, suffix = self.clock(allow_suffix=True)
        return TimePoint(minutes), suffix

    def clock(self, *, allow_suffix: bool) -> tuple[int, str | None]:
        token = self.peek()
        if token.kind != "num":
            raise self.error(f"Expected a time such as 10:00, found {self.describe(token)}")
        self.advance()
        digits: str = token.value
        if len(digits) in (3, 4) and not self.at(":"):
            hours, minutes = int(digits[:-2]), int(digits[-2:])
        elif len(digits) > 2:
            raise self.error(f'"{digits}" is not an hour', token)
        else:
            hours, minutes = int(digits), 0
            if self.peek().kind in (":", ".") and self.at("num", 1):
                self.advance()
                minute_token = self.advance()
                if len(minute_token.value) > 2:
                    raise self.error("Minutes have at most two digits", minute_token)
                minutes = int(minute_token.value)
            elif self.at(":"):
                raise self.error(f'Expected minutes after ":", found {self.describe(self.peek(1))}', self.peek(1))
        if minutes >= 60:
            raise self.error(f"{minutes} is not a valid number of minutes", token)
        suffix: str | None = None
        if allow_suffix and self.at("ampm"):
            suffix = self.advance().value
            if not 1 <= hours <= 12:
                raise self.error(f"{hours} is not an hour on a 12-hour clock", token)
            hours = hours % 12 + (12 if suffix == "pm" else 0)
        if hours > 48:
            raise self.error(f"{hours} is not an hour", token)
        return hours * 60 + minutes, suffix
