"""How rating, distance and text relevance combine into one score, vectorised for ranking many vendors.

    score = relevance × (α · (rating − low) / (high − low) + (1 − α) · proximity),  proximity = exp(−d / radius)

Each part is monotonic where users expect it: a closer vendor, or a better rating, never scores lower. A vendor
with no known position is scored as if it were exactly one category radius away, neither favoured nor buried.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

UNKNOWN_DISTANCE_PROXIMITY = math.exp(-1.0)


@dataclass(frozen=True, slots=True)
class ScoreSettings:
    rating_weight: float = 0.5
    """α: the share of the score that comes from the rating; the rest comes from proximity."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.rating_weight <= 1.0:
            raise ValueError(f"rating weight must be in [0, 1], got {self.rating_weight}")


def proximity(distance_km: NDArray[np.float64], radius_km: NDArray[np.float64] | float) -> NDArray[np.float64]:
    """1 at the door, 0.37 at one category radius, fading beyond; unknown distances (NaN) count as one radius."""
    with np.errstate(invalid="ignore"):
        near = np.exp(-np.maximum(distance_km, 0.0) / radius_km)
    return np.where(np.isnan(distance_km), UNKNOWN_DISTANCE_PROXIMITY, near)


def combine(
    rating: NDArray[np.float64],
    closeness: NDArray[np.float64],
    relevance: NDArray[np.float64] | float,
    settings: ScoreSettings,
    scale: tuple[float, float],
) -> NDArray[np.float64]:
    low, high = scale
    alpha = settings.rating_weight
    return relevance * (alpha * (rating - low) / (high - low) + (1.0 - alpha) * closeness)
