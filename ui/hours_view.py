"""Opening hours on the vendor page: open or closed now, and the week with today highlighted, in the user's language.

A value the parser cannot read is shown exactly as stored, with the reason, so nothing typed by a neighbour or
imported from a map is ever hidden.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from recommender.hours import DayHours, ParsedHours, TodayStatus, TodaySummary, read_hours
from recommender.hours.syntax import State


def _clock(moment: dt.datetime | dt.time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    """ "18:00" today, "Monday 08:00" within a week, a short date beyond: in the user's language."""
    days_ahead = (moment.date() - now.date()).days
    if days_ahead == 0:
        return _clock(moment)
    locale = QLocale()
    if days_ahead < 7:
        day = locale.dayName(moment.isoweekday(), QLocale.FormatType.LongFormat)
        return QCoreApplication.translate("OpeningHours", "{day} {time}").format(day=day, time=_clock(moment))
    date = locale.toString(QDate(moment.year, moment.month, moment.day), QLocale.FormatType.ShortFormat)
    return QCoreApplication.translate("OpeningHours", "{day} {time}").format(day=date, time=_clock(moment))


def status_text(summary: TodaySummary, now: dt.datetime) -> str:
    """ "Open now · until 18:00", "Closed · opens Monday 08:00" or "Maybe open (…)": one translated line."""
    if summary.status is TodayStatus.OPEN:
        text = (
            QCoreApplication.translate("OpeningHours", "Open now, around the clock")
            if summary.until is None
            else QCoreApplication.translate("OpeningHours", "Open now · until {time}").format(
                time=_when(summary.until, now)
            )
        )
    elif summary.status is TodayStatus.UNKNOWN:
        text = QCoreApplication.translate("OpeningHours", "May be open now")
    elif summary.opens is None:
        text = QCoreApplication.translate("OpeningHours", "Closed")
    else:
        text = QCoreApplication.translate("OpeningHours", "Closed · opens {time}").format(
            time=_when(summary.opens, now)
        )
    return f"{text} ({summary.comment})" if summary.comment else text


def _day_text(day: DayHours) -> str:
    if day.is_closed:
        return QCoreApplication.translate("OpeningHours", "closed")
    parts = []
    for interval in day.intervals:
        span = f"{_clock(interval.start)}–{_clock(interval.end)}"
        if interval.state is State.UNKNOWN:
            span = QCoreApplication.translate("OpeningHours", "{hours} (uncertain)").format(hours=span)
        if interval.comment:
            span += f" ({interval.comment})"
        parts.append(span)
    return ", ".join(parts)


def hours_html(text: str, now: dt.datetime) -> str:
    """Rich text for the vendor page: the state now, then Monday to Sunday with today in bold."""
    heading = QCoreApplication.translate("OpeningHours", "Opening hours")
    title = f"<b>{html.escape(heading)}</b>"
    reading = read_hours(text)
    if not isinstance(reading, ParsedHours):
        note = QCoreApplication.translate(
            "OpeningHours", "Shown as entered; Grapevine could not read it ({reason})."
        ).format(reason=reading.reason)
        return f"{title}<br>{html.escape(text)}<br><span style='color:gray'>{html.escape(note)}</span>"
    status = html.escape(status_text(reading.summarize_today(now), now))
    locale = QLocale()
    rows = []
    for day in reading.week_table(now.date()):
        name = html.escape(locale.dayName(day.date.isoweekday(), QLocale.FormatType.LongFormat))
        hours = html.escape(_day_text(day))
        if day.date == now.date():
            rows.append(f"<tr><td><b>{name}</b>&nbsp;&nbsp;</td><td><b>{hours}</b></td></tr>")
        else:
            rows.append(f"<tr><td>{name}&nbsp;&nbsp;</td><td>{hours}</td></tr>")
    lines = [title, f"<p style='margin:2px 0'>{status}</p>", f"<table cellspacing='0'>{''.join(rows)}</table>"]
    if reading.hours.uses_holidays:
        holidays = QCoreApplication.translate("OpeningHours", "Hours may differ on public holidays.")
        lines.append(f"<span style='color:gray'>{html.escape(holidays)}</span>")
    return "".join(lines)
