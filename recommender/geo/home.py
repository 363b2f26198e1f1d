"""This install's home: the default search location, kept per install in ``local_meta`` and never synced.

Home is where *this* user lives; a group shares vendors and reviews, not addresses, so it lives beside the
device id rather than on the synced ``people`` record.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from recommender.directory import validation
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.storage.database import UnitOfWork
from recommender.storage.models import LocalMeta

logger = logging.getLogger(__name__)

_HOME_KEY = "home"
LABEL_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Home:
    """Where searches start from unless the user picks another place."""

    lat: float
    lon: float
    # How the user named it ("Mill Road", a neighbourhood), for display; None when only coordinates were given.
    label: str | None = None

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)


def get_home(session: Session) -> Home | None:
    """The stored home, or None if none is set (or the stored value is unreadable)."""
    row = session.get(LocalMeta, _HOME_KEY)
    if row is None:
        return None
    try:
        stored = json.loads(row.value)
        return _validated(stored["lat"], stored["lon"], stored.get("label"))
    except (ValueError, KeyError, TypeError, ValidationError):
        # Only this module writes the key, so this means a damaged file; asking for home again is the cure.
        logger.warning("ignoring an unreadable home location in local_meta: %r", row.value)
        return None


def set_home(uow: UnitOfWork, lat: Any, lon: Any, label: Any = None) -> Home:
    """Store this install's home; raises ValidationError naming the field ("lat", "lon", "label") at fault."""
    home = _validated(lat, lon, label)
    value = json.dumps({"lat": home.lat, "lon": home.lon, "label": home.label})
    uow.session.merge(LocalMeta(key=_HOME_KEY, value=value))
    logger.info("home set to %.5f, %.5f (%s)", home.lat, home.lon, home.label)
    return home


def clear_home(uow: UnitOfWork) -> None:
    """Forget the home location (searches then need an explicit place)."""
    row = uow.session.get(LocalMeta, _HOME_KEY)
    if row is not None:
        uow.session.delete(row)


def _validated(lat: Any, lon: Any, label: Any) -> Home:
    latitude, longitude = validation.coordinates(lat, lon)
    if latitude is None or longitude is None:
        # coordinates() accepts "neither"; a home needs both.
        raise ValidationError("lat", ErrorCode.REQUIRED)
    return Home(latitude, longitude, validation.text("label", label, limit=LABEL_LIMIT))
