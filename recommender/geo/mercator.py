"""Web Mercator (EPSG:3857) as slippy-map tiles use it: world pixels, tile numbers, scale and distance rings.

A zoom level ``z`` maps the whole world onto a square of ``TILE_SIZE * 2**z`` pixels, x growing east from the
antimeridian and y growing south from the northern limit (±85.0511°, where the square closes). Zoom may be
fractional. Scale is taken on the WGS84 sphere of radius ``EARTH_RADIUS_M``, as tile servers do; over the few
kilometres a neighbourhood map shows, a circle of r metres is drawn as a circle of r / metres_per_pixel pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "EARTH_RADIUS_M",
    "MAX_LATITUDE",
    "MAX_ZOOM",
    "MIN_ZOOM",
    "TILE_SIZE",
    "ScaleBar",
    "distance_rings_m",
    "metres_per_pixel",
    "project",
    "project_many",
    "scale_bar",
    "tile_for",
    "unproject",
    "world_size",
]

TILE_SIZE = 256
EARTH_RADIUS_M = 6_378_137.0
# Where the Mercator square closes: arctan(sinh(pi)).
MAX_LATITUDE = math.degrees(math.atan(math.sinh(math.pi)))
MIN_ZOOM = 0.0
# Tile servers stop at 19; beyond it a neighbourhood map shows single houses anyway.
MAX_ZOOM = 19.0

# Ring and scale-bar lengths read best as 1-2-5 steps.
_NICE_STEPS_M = tuple(m * 10**e for e in range(7) for m in (1, 2, 5))


@dataclass(frozen=True, slots=True)
class ScaleBar:
    """A scale bar of a round length: ``metres`` on the ground is ``pixels`` on screen."""

    metres: float
    pixels: float


def world_size(zoom: float) -> float:
    """Width (and height) of the whole world in pixels at ``zoom``."""
    return TILE_SIZE * math.pow(2.0, zoom)


def _clamp_latitude(lat: float) -> float:
    return max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))


def project(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """World pixel (x, y) of a point; latitudes beyond the Mercator limit are clamped to it."""
    size = world_size(zoom)
    phi = math.radians(_clamp_latitude(lat))
    x = (lon + 180.0) / 360.0 * size
    y = (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0 * size
    return x, y


def project_many(
    lats: npt.NDArray[np.float64], lons: npt.NDArray[np.float64], zoom: float
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """``project`` over arrays, for drawing and hit-testing many vendors at once."""
    size = world_size(zoom)
    phi = np.radians(np.clip(lats, -MAX_LATITUDE, MAX_LATITUDE))
    x = (lons + 180.0) / 360.0 * size
    y = (1.0 - np.log(np.tan(phi) + 1.0 / np.cos(phi)) / math.pi) / 2.0 * size
    return x, y


def unproject(x: float, y: float, zoom: float) -> tuple[float, float]:
    """The (lat, lon) of a world pixel: the inverse of ``project``."""
    size = world_size(zoom)
    lon = x / size * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y / size))))
    return lat, lon


def tile_for(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The slippy-map tile (x, y) holding a point at an integer zoom, clamped to the world's tiles."""
    x, y = project(lat, lon, zoom)
    last = 2**zoom - 1
    return min(last, max(0, int(x // TILE_SIZE))), min(last, max(0, int(y // TILE_SIZE)))


def metres_per_pixel(lat: float, zoom: float) -> float:
    """Ground distance one pixel covers at a latitude: the circumference there over the world's width."""
    return 2.0 * math.pi * EARTH_RADIUS_M * math.cos(math.radians(_clamp_latitude(lat))) / world_size(zoom)


def scale_bar(lat: float, zoom: float, max_pixels: float) -> ScaleBar:
    """The longest 1-2-5 length whose bar fits in ``max_pixels`` (the shortest step if none fits)."""
    mpp = metres_per_pixel(lat, zoom)
    fitting = [m for m in _NICE_STEPS_M if m / mpp <= max_pixels]
    metres = float(fitting[-1] if fitting else _NICE_STEPS_M[0])
    return ScaleBar(metres, metres / mpp)


def distance_rings_m(lat: float, zoom: float, max_radius_pixels: float, count: int = 4) -> tuple[float, ...]:
    """Up to ``count`` round ring radii in metres, the largest reaching at most ``max_radius_pixels``.

    Rings closer than 12 pixels to the centre or to each other are dropped, as their labels would overlap."""
    mpp = metres_per_pixel(lat, zoom)
    fitting = [m for m in _NICE_STEPS_M if 12.0 <= m / mpp <= max_radius_pixels]
    chosen: list[float] = []
    for metres in reversed(fitting):
        if len(chosen) == count:
            break
        if not chosen or (chosen[-1] - metres) / mpp >= 12.0:
            chosen.append(float(metres))
    return tuple(reversed(chosen))
