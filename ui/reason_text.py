"""The one-line "why" next to each result, in the user's language: who vouches for it, how far, open now.

The core gives the parts (the explanation, the distance, the stored hours); the sentence is made here so that
it can be translated, e.g. "Anna and 2 others you trust · 4 reviews · 1.2 km · open now".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale

from recommender.engine.recommender import RankedVendor, Recommender
from recommender.hours import ParsedHours, read_hours


def _who(engine: Recommender, result: RankedVendor) -> list[str]:
    """Who vouches for it: the strongest voice of my network who rated it at least as high as shown, how many
    others, and a warning when people I don't know carry most of the rating."""
    names = engine.snapshot.people.names
    reason = result.explanation.reason()
    parts = []
    text = ""
    if reason.voice is not None:
        name = names[reason.voice]
        if reason.others == 0:
            text = QCoreApplication.translate("Reason", "{name} in your network").format(name=name)
        elif reason.others == 1:
            text = QCoreApplication.translate("Reason", "{name} and 1 other you trust").format(name=name)
        else:
            text = QCoreApplication.translate("Reason", "{name} and {count} others you trust").format(
                name=name, count=reason.others
            )
    elif reason.others == 1:
        text = QCoreApplication.translate("Reason", "1 person in your network")
    elif reason.others:
        text = QCoreApplication.translate("Reason", "{count} people in your network").format(count=reason.others)
    if text:
        if reason.mine:
            text = QCoreApplication.translate("Reason", "you, {others}").format(others=text)
        parts.append(text)
    elif reason.mine:
        parts.append(QCoreApplication.translate("Reason", "your review"))
    if reason.like_minded == 1:
        parts.append(QCoreApplication.translate("Reason", "1 like-minded reviewer"))
    elif reason.like_minded:
        parts.append(
            QCoreApplication.translate("Reason", "{count} like-minded reviewers").format(count=reason.like_minded)
        )
    if reason.mostly_unknown:
        parts.append(QCoreApplication.translate("Reason", "mostly people you don't know"))
    return parts


def open_now_text(opening_hours: str | None, now: dt.datetime) -> str:
    """ "open now" / "closed now" when the stored hours say so; "" when there are none or nobody can tell."""
    if not opening_hours:
        return ""
    reading = read_hours(opening_hours)
    if not isinstance(reading, ParsedHours):
        return ""
    state = reading.is_open(now)
    if state is None:
        return ""
    return (
        QCoreApplication.translate("Reason", "open now")
        if state
        else QCoreApplication.translate("Reason", "closed now")
    )


def reason_text(engine: Recommender, result: RankedVendor, now: dt.datetime) -> str:
    parts = _who(engine, result)
    if result.review_count == 1:
        parts.append(QCoreApplication.translate("Reason", "1 review"))
    elif result.review_count:
        parts.append(QCoreApplication.translate("Reason", "{count} reviews").format(count=result.review_count))
    if result.distance_km is not None:
        parts.append(distance_text(result.distance_km))
    elif result.explanation.distance_km is None:
        parts.append(QCoreApplication.translate("Reason", "no address"))
    hours = open_now_text(result.opening_hours, now)
    if hours:
        parts.append(hours)
    return " · ".join(parts)


def distance_text(km: float) -> str:
    """ "1.2 km" with the user's decimal separator ("1,2 km" in German)."""
    return QCoreApplication.translate("Reason", "{km} km").format(km=QLocale().toString(km, "f", 1))
