"""The demo town's map: named neighbourhoods around the centre, their streets, and points scattered around them."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from recommender.demo.words import DemoWords

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# Kilometres per degree on a sphere of the Earth's mean radius: plenty for a town a few km across.
_KM_PER_DEGREE = 2 * math.pi * 6371.0088 / 360
# Points stay this far inside the town radius so rounding never pushes one over the edge.
_EDGE = 0.95
# How many other neighbourhoods count as "next door" when people go a little further afield.
_NEARBY = 4


@dataclass(frozen=True)
class Town:
    """Neighbourhood centres in km east/north of the town centre, how many people live in each, and its streets."""

    centre: tuple[float, float]
    radius_km: float
    names: tuple[str, ...]
    xy: FloatArray
    weights: FloatArray
    # Typical distance of a home from its neighbourhood centre (standard deviation per axis).
    spread_km: float
    streets: tuple[tuple[str, ...], ...]
    # For each neighbourhood, the indices of the nearest others, nearest first.
    nearby: IntArray

    def lat_lon(self, xy: FloatArray, decimals: int = 6) -> tuple[FloatArray, FloatArray]:
        """Latitudes and longitudes of points given in km from the centre (equirectangular: exact enough here)."""
        lat0, lon0 = self.centre
        lat = lat0 + xy[:, 1] / _KM_PER_DEGREE
        lon = lon0 + xy[:, 0] / (_KM_PER_DEGREE * math.cos(math.radians(lat0)))
        return np.round(lat, decimals), np.round(lon, decimals)

    def scatter(self, rng: np.random.Generator, hoods: IntArray, spread: float = 1.0) -> FloatArray:
        """Points around the given neighbourhoods' centres (one per entry), kept inside the town."""
        points = self.xy[hoods] + rng.normal(0.0, self.spread_km * spread, size=(len(hoods), 2))
        distance = np.hypot(points[:, 0], points[:, 1])
        limit = self.radius_km * _EDGE
        # Pull stragglers back inside radially rather than resampling: one pass, same number of draws.
        scale = np.where(distance > limit, limit / np.maximum(distance, 1e-9), 1.0)
        result: FloatArray = points * scale[:, None]
        return result


def build_town(
    rng: np.random.Generator,
    words: DemoWords,
    centre: tuple[float, float],
    radius_km: float,
    count: int,
    streets_per_hood: int,
) -> Town:
    """Place ``count`` neighbourhoods: the first (the old town) at the centre, the rest spread out evenly."""
    if count > len(words.neighbourhoods):
        raise ValueError(f"the demo word list names only {len(words.neighbourhoods)} neighbourhoods")
    spacing = radius_km * 1.4 / math.sqrt(count)
    centres = [(0.0, 0.0)]
    limit = radius_km * 0.85
    while len(centres) < count:
        # Rejection sampling with a minimum spacing gives an even but irregular layout, like a real town.
        for _ in range(200):
            radius = limit * math.sqrt(rng.random())
            angle = 2 * math.pi * rng.random()
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            if all(math.hypot(x - cx, y - cy) >= spacing for cx, cy in centres):
                centres.append((x, y))
                break
        else:
            spacing *= 0.9
    xy = np.array(centres, dtype=np.float64)
    weights = rng.lognormal(0.0, 0.4, size=count)
    weights /= weights.sum()
    distances = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
    nearby = np.argsort(distances, axis=1, kind="stable")[:, 1 : 1 + min(_NEARBY, count - 1)]
    return Town(
        centre=centre,
        radius_km=radius_km,
        names=words.neighbourhoods[:count],
        xy=xy,
        weights=weights,
        spread_km=spacing * 0.35,
        streets=_streets(rng, words, count, streets_per_hood),
        nearby=nearby.astype(np.int64),
    )


def _streets(rng: np.random.Generator, words: DemoWords, count: int, per_hood: int) -> tuple[tuple[str, ...], ...]:
    """Distinct street names for each neighbourhood; common street types ("Street", "Road") come up most."""
    type_weights = 1.0 / np.arange(1, len(words.street_types) + 1) ** 0.9
    type_weights /= type_weights.sum()
    capacity = len(words.street_names) * len(words.street_types)
    # Half the combinations at most, so drawing distinct names never turns into a long coupon-collector hunt.
    wanted = min(count * per_hood, capacity // 2)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < wanted:
        batch = wanted - len(names)
        first = rng.integers(0, len(words.street_names), size=batch)
        kind = rng.choice(len(words.street_types), size=batch, p=type_weights)
        for f, k in zip(first.tolist(), kind.tolist(), strict=True):
            name = f"{words.street_names[f]} {words.street_types[k]}"
            if name not in seen:
                seen.add(name)
                names.append(name)
    per = len(names) // count
    return tuple(tuple(names[i * per : (i + 1) * per]) for i in range(count))
