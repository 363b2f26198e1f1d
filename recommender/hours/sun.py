"""Times of sunrise, sunset, dawn and dusk for `sunrise-sunset` style hours.

With a location they are computed with the NOAA sunrise equation (accurate to a minute or two, which is finer
than any opening time needs). Without one, or in polar day and night when the event does not happen, the fixed
times opening_hours.js also uses stand in: dawn 05:30, sunrise 06:00, sunset 18:00, dusk 18:30.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

FIXED_MINUTES = {"dawn": 5 * 60 + 30, "sunrise": 6 * 60, "sunset": 18 * 60, "dusk": 18 * 60 + 30}

# The sun's altitude at each event: -0.833° allows for refraction and the sun's radius; -6° is civil twilight.
_ALTITUDE = {"sunrise": -0.833, "sunset": -0.833, "dawn": -6.0, "dusk": -6.0}
_J2000 = 2451545.0


@dataclass(frozen=True, slots=True)
class Location:
    """Where the vendor is. Without `utc_offset` the local clock is estimated from the longitude (15° an hour)."""

    latitude: float
    longitude: float
    utc_offset: dt.timedelta | None = None

    def __post_init__(self) -> None:
        if not (-90.0 <= self.latitude <= 90.0 and -180.0 <= self.longitude <= 180.0):
            raise ValueError(f"({self.latitude}, {self.longitude}) is not a latitude and longitude")

    @property
    def offset_minutes(self) -> float:
        if self.utc_offset is not None:
            return self.utc_offset.total_seconds() / 60
        return round(self.longitude / 15.0) * 60.0


def event_minutes(event: str, day: dt.date, location: Location | None) -> int:
    """Local minutes after midnight at which `event` happens on `day`."""
    if location is None:
        return FIXED_MINUTES[event]
    computed = _solar_minutes(event, day, location)
    return FIXED_MINUTES[event] if computed is None else computed


def _solar_minutes(event: str, day: dt.date, location: Location) -> int | None:
    julian_day = day.toordinal() + 1721424.5  # 00:00 UTC of the date
    mean_day = math.ceil(julian_day - _J2000 + 0.0008) - location.longitude / 360.0
    anomaly = math.radians((357.5291 + 0.98560028 * mean_day) % 360.0)
    centre = 1.9148 * math.sin(anomaly) + 0.02 * math.sin(2 * anomaly) + 0.0003 * math.sin(3 * anomaly)
    ecliptic = math.radians((math.degrees(anomaly) + centre + 180.0 + 102.9372) % 360.0)
    transit = _J2000 + mean_day + 0.0053 * math.sin(anomaly) - 0.0069 * math.sin(2 * ecliptic)
    declination = math.asin(math.sin(ecliptic) * math.sin(math.radians(23.4397)))
    latitude = math.radians(location.latitude)
    cos_hour_angle = (math.sin(math.radians(_ALTITUDE[event])) - math.sin(latitude) * math.sin(declination)) / (
        math.cos(latitude) * math.cos(declination)
    )
    if not -1.0 <= cos_hour_angle <= 1.0:
        return None  # polar day or night: the event does not happen today
    hour_angle = math.degrees(math.acos(cos_hour_angle)) / 360.0
    moment = transit - hour_angle if event in ("sunrise", "dawn") else transit + hour_angle
    # Julian days start at noon UTC; convert to minutes after local midnight.
    utc_minutes = ((moment + 0.5) % 1.0) * 24 * 60
    return round(utc_minutes + location.offset_minutes) % (24 * 60)
