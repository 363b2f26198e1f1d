"""Checks and normalisation for values typed by users or read from files, raising ValidationError by field."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from typing import Any
from urllib.parse import urlsplit

from recommender.directory.errors import ErrorCode, ValidationError
from recommender.storage.limits import MAX_RECORD_BYTES, encoded_size
from recommender.taxonomy import load_taxonomy

# Phone numbers are written in too many national styles to parse here; accept the characters people use
# and a plausible digit count (ITU E.164 allows at most 15 digits, plus room for an extension).
_PHONE_CHARS = re.compile(r"[0-9+()\-./ ]+(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
# A review's tags: as many as the sync server accepts (see recommender.sync.wire).
MAX_TAGS = 50
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}|localhost", re.IGNORECASE)


def text(field: str, value: Any, *, limit: int, required: bool = False) -> str | None:
    """Stripped text, ``None`` when blank; blank is an error only for required fields."""
    if value is None:
        cleaned = ""
    elif isinstance(value, str):
        cleaned = value.strip()
    else:
        raise ValidationError(field, ErrorCode.BAD_FORMAT, value, kind="text")
    if not cleaned:
        if required:
            raise ValidationError(field, ErrorCode.REQUIRED)
        return None
    if len(cleaned) > limit:
        raise ValidationError(field, ErrorCode.TOO_LONG, f"{cleaned[:20]}…", limit=limit)
    return cleaned


def required_text(field: str, value: Any, *, limit: int) -> str:
    result = text(field, value, limit=limit, required=True)
    assert result is not None
    return result


def number(field: str, value: Any, *, low: float, high: float) -> float | None:
    """A finite number within [low, high]; text such as "48.2" is accepted (from forms and CSV files)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(field, ErrorCode.NOT_A_NUMBER, value)
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise ValidationError(field, ErrorCode.NOT_A_NUMBER, value) from None
    if not math.isfinite(result) or not low <= result <= high:
        raise ValidationError(field, ErrorCode.OUT_OF_RANGE, value, low=low, high=high)
    # SQLite stores -0.0 as 0: the sign would survive in the change log and on the wire but not in the record.
    return result + 0.0


def coordinates(lat: Any, lon: Any) -> tuple[float | None, float | None]:
    """Latitude and longitude in range, and both or neither."""
    latitude = number("lat", lat, low=-90.0, high=90.0)
    longitude = number("lon", lon, low=-180.0, high=180.0)
    if (latitude is None) != (longitude is None):
        missing = "lon" if longitude is None else "lat"
        raise ValidationError(missing, ErrorCode.REQUIRED)
    return latitude, longitude


def phone(field: str, value: Any) -> str | None:
    cleaned = text(field, value, limit=40)
    if cleaned is None:
        return None
    digits = sum(character.isdigit() for character in cleaned.split("x")[0].split("ext")[0])
    if not _PHONE_CHARS.fullmatch(cleaned) or not 3 <= digits <= 17:
        raise ValidationError(field, ErrorCode.BAD_FORMAT, value, kind="phone number")
    return cleaned


def email(field: str, value: Any) -> str | None:
    cleaned = text(field, value, limit=254)
    if cleaned is None:
        return None
    if not _EMAIL.fullmatch(cleaned):
        raise ValidationError(field, ErrorCode.BAD_FORMAT, value, kind="email address")
    return cleaned


def website(field: str, value: Any) -> str | None:
    """An http(s) address; "example.com" becomes "https://example.com" because that is what people type."""
    cleaned = text(field, value, limit=500)
    if cleaned is None:
        return None
    candidate = cleaned if "://" in cleaned else f"https://{cleaned}"
    try:
        parts = urlsplit(candidate)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise ValidationError(field, ErrorCode.BAD_FORMAT, value, kind="web address") from None
    if parts.scheme not in {"http", "https"} or not _HOST.fullmatch(host) or " " in candidate:
        raise ValidationError(field, ErrorCode.BAD_FORMAT, value, kind="web address")
    return candidate


def category(field: str, value: Any) -> str:
    """The taxonomy key for a category name, synonym or translation ("Kinderarzt" -> "pediatrician")."""
    name = required_text(field, value, limit=100)
    taxonomy = load_taxonomy()
    found = taxonomy.resolve(name)
    if found is None:
        close = [candidate.key for candidate in taxonomy.suggest(name, limit=3)]
        suggestion = f"; did you mean {' or '.join(close)}?" if close else ""
        raise ValidationError(field, ErrorCode.UNKNOWN_CATEGORY, value, suggestion=suggestion)
    return found.key


def rating(field: str, value: Any) -> int:
    """Whole stars from 1 to 5."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(field, ErrorCode.REQUIRED)
    if isinstance(value, bool):
        raise ValidationError(field, ErrorCode.NOT_A_NUMBER, value)
    try:
        stars = float(value)
    except (TypeError, ValueError):
        raise ValidationError(field, ErrorCode.NOT_A_NUMBER, value) from None
    if not stars.is_integer() or not 1 <= stars <= 5:
        raise ValidationError(field, ErrorCode.OUT_OF_RANGE, value, low=1, high=5)
    return int(stars)


def trust_level(field: str, value: Any) -> float:
    """-1 (distrust) to 1 (full trust)."""
    level = number(field, value, low=-1.0, high=1.0)
    if level is None:
        raise ValidationError(field, ErrorCode.REQUIRED)
    return level


def tags(field: str, value: Any) -> list[str]:
    """A list of short labels, lower-cased, de-duplicated, in the order given."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise ValidationError(field, ErrorCode.BAD_FORMAT, value, kind="list of tags")
    result: list[str] = []
    for item in items:
        tag = text(field, item, limit=40)
        if tag is not None and tag.lower() not in result:
            result.append(tag.lower())
    if len(result) > MAX_TAGS:
        raise ValidationError(field, ErrorCode.NOT_ALLOWED, len(result), reason=f"at most {MAX_TAGS} tags")
    return result


def record_size(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` unchanged if the record fits the sync size limit together; checked before anything is queued."""
    size = encoded_size(str(value) if isinstance(value, uuid.UUID | dt.date) else value for value in values.values())
    if size > MAX_RECORD_BYTES:
        largest = max(values, key=lambda name: len(str(values[name] or "")))
        reason = f"makes the record larger than {MAX_RECORD_BYTES:,} bytes in all; shorten it"
        raise ValidationError(largest, ErrorCode.NOT_ALLOWED, size, reason=reason)
    return values
