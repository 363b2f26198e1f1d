"""Evaluate rules for one day: which minutes are open, closed or unknown.

How rules combine (the OSM wiki's semantics, as opening_hours.js implements them):
- a rule separated by ";" that matches the day replaces what earlier rules said about that day, except that a
  closed rule with times ("12:00-14:00 off") only closes those times;
- a rule separated by "," adds to the day; a closed rule without times clears the day whatever the separator;
- a "||" fallback rule applies only to days no earlier rule matched;
- time spans past midnight ("22:00-02:00") spill into the next day, where they survive that day's own rules
  unless those close the same minutes explicitly (a Monday night's session still ends at 02:00 on Tuesday);
- an open end ("17:00+") is unknown from then to the end of that day, at most ten hours, and only where
  nothing more definite was said.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from recommender.hours.sun import Location, event_minutes
from recommender.hours.syntax import HolidayCalendar, Joiner, Rule, State, TimePoint, TimeSpan

DAY = 24 * 60
OPEN_END_MINUTES = 10 * 60


@dataclass(frozen=True, slots=True)
class Segment:
    """Minutes [start, end) of a day with one state. Weak segments only fill gaps (guesses from open ends)."""

    start: int
    end: int
    state: State
    comment: str | None = None
    weak: bool = False

    def between(self, start: int, end: int) -> Segment:
        """This segment cut to [start, end) (a plain constructor call: dataclasses.replace is slow here)."""
        return Segment(start, end, self.state, self.comment, self.weak)


def overlay(segments: list[Segment], new: Segment) -> list[Segment]:
    """`segments` with `new` laid on top (or, for a weak segment, slipped into the gaps)."""
    if new.start >= new.end:
        return segments
    if new.weak:
        pieces: list[Segment] = []
        cursor = new.start
        for segment in segments:
            if segment.end <= cursor or segment.start >= new.end:
                continue
            if segment.start > cursor:
                pieces.append(new.between(cursor, segment.start))
            cursor = max(cursor, segment.end)
        if cursor < new.end:
            pieces.append(new.between(cursor, new.end))
        return sorted([*segments, *pieces], key=lambda segment: segment.start)
    kept: list[Segment] = []
    for segment in segments:
        if segment.end <= new.start or segment.start >= new.end:
            kept.append(segment)
            continue
        if segment.start < new.start:
            kept.append(segment.between(segment.start, new.start))
        if segment.end > new.end:
            kept.append(segment.between(new.end, segment.end))
    kept.append(new)
    return sorted(kept, key=lambda segment: segment.start)


@dataclass(frozen=True, slots=True)
class DayContext:
    """What evaluation needs besides the rules: where the sun is and which days are holidays."""

    location: Location | None = None
    holidays: HolidayCalendar = field(default_factory=HolidayCalendar)


def _minutes(point: TimePoint, day: dt.date, context: DayContext) -> int:
    if point.event is None:
        return point.minutes
    return event_minutes(point.event, day, context.location) + point.minutes


def _open_end(start: int, rule: Rule) -> Segment:
    stop = min((start // DAY + 1) * DAY, start + OPEN_END_MINUTES)
    return Segment(start, stop, State.UNKNOWN, rule.comment, weak=True)


def _rule_segments(rule: Rule, day: dt.date, context: DayContext) -> list[Segment]:
    if not rule.times:
        return [Segment(0, DAY, rule.state, rule.comment)]
    segments: list[Segment] = []
    for span in rule.times:
        segments.extend(_span_segments(span, rule, day, context))
    return segments


def _span_segments(span: TimeSpan, rule: Rule, day: dt.date, context: DayContext) -> list[Segment]:
    start = max(0, _minutes(span.start, day, context))
    if span.end is None:
        # A point in time ("Sa 08:00,09:00", departures) has no duration: it never makes a place open now.
        return [_open_end(start, rule)] if span.open_end else []
    end = _minutes(span.end, day, context)
    if end <= start:
        end += DAY  # "22:00-02:00" and "sunset-sunrise" run past midnight; "12:00-12:00" is a whole day
    segments = [Segment(start, min(end, 2 * DAY), rule.state, rule.comment)]
    if span.open_end:
        segments.append(_open_end(end, rule))
    return segments


def own_segments(rules: tuple[Rule, ...], day: dt.date, context: DayContext) -> list[Segment]:
    """Segments the rules give `day` itself, in minutes 0..48:00 (beyond 24:00 they belong to the next day)."""
    segments: list[Segment] = []
    matched = False
    for rule in rules:
        if rule.joiner is Joiner.FALLBACK and matched:
            continue
        if not rule.matches(day, context.holidays):
            continue
        matched = True
        if rule.state is State.CLOSED and not rule.times:
            # A closed day keeps its reason ("Dec 25 off "Christmas"") where nothing else is said, but a
            # night spilling over from yesterday still ends when it said it would.
            segments = [Segment(0, DAY, State.CLOSED, rule.comment, weak=True)] if rule.comment else []
            continue
        pieces = _rule_segments(rule, day, context)
        if rule.state is State.CLOSED:
            for piece in pieces:
                segments = overlay(segments, Segment(piece.start, piece.end, State.CLOSED, rule.comment))
            continue
        if rule.joiner is not Joiner.ADDITIONAL:
            segments = []
        for piece in sorted(pieces, key=lambda piece: piece.weak):
            segments = overlay(segments, piece)
    return segments


def day_segments(own_today: list[Segment], own_yesterday: list[Segment]) -> list[Segment]:
    """The whole of one day, 00:00-24:00, gaps filled with CLOSED, equal neighbours merged (comments kept)."""
    segments = [
        segment.between(max(segment.start - DAY, 0), segment.end - DAY)
        for segment in own_yesterday
        if segment.end > DAY
    ]
    for segment in sorted(own_today, key=lambda segment: segment.weak):
        if segment.start < DAY:
            segments = overlay(segments, segment.between(segment.start, min(segment.end, DAY)))
    full: list[Segment] = []
    cursor = 0
    for segment in segments:
        if segment.start > cursor:
            full.append(Segment(cursor, segment.start, State.CLOSED))
        full.append(Segment(segment.start, segment.end, segment.state, segment.comment))
        cursor = segment.end
    if cursor < DAY:
        full.append(Segment(cursor, DAY, State.CLOSED))
    merged: list[Segment] = []
    for segment in full:
        if merged and merged[-1].state is segment.state and merged[-1].comment == segment.comment:
            merged[-1] = merged[-1].between(merged[-1].start, segment.end)
        else:
            merged.append(segment)
    return merged
