"""How rating, word of mouth, distance and text relevance combine into one score, vectorised for many vendors.

    quality = (1 − β) · (rating − low) / (high − low) + β · (1 + known) / 2,     known = m / (|m| + 1)
    score = relevance × (α · quality + (1 − α) · proximity),           proximity = exp(−d / radius)

where m is word of mouth: the summed weight of my own and my network's reviews of the vendor, each times how much
it recommends (+1 for five stars, 0 for three, −1 for one): one fully trusted friend who loves it makes it half
"known", one who warns against it half "known to avoid". How many people I trust recommend a vendor (or warn
against it) is evidence in itself, beyond the rating; strangers add nothing to it.

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
    """α: the share of the score that comes from what my network says; the rest comes from proximity."""
    word_of_mouth_weight: float = 0.5
    """β: the share of what my network says that is *how many* of them use the vendor, beside their stars."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.rating_weight <= 1.0:
            raise ValueError(f"rating weight must be in [0, 1], got {self.rating_weight}")
        if not 0.0 <= self.word_of_mouth_weight <= 1.0:
            raise ValueError(f"word of mouth weight must be in [0, 1], got {self.word_of_mouth_weight}")


def proximity(distance_km: NDArray[np.float64], radius_km: NDArray[np.float64] | float) -> NDArray[np.float64]:
    """1 at the door, 0.37 at one category radius, fading beyond; unknown distances (NaN) count as one radius."""
    with np.errstate(invalid="ignore"):
        near = np.exp(-np.maximum(distance_km, 0.0) / radius_km)
    return np.where(np.isnan(distance_km), UNKNOWN_DISTANCE_PROXIMITY, near)


def known_by_network(word_of_mouth: NDArray[np.float64] | float) -> NDArray[np.float64]:
    """0 when nobody I trust knows the vendor, 1/2 for one fully trusted friend who loves it, approaching 1 with
    more; negative, down to −1, when they warn against it."""
    mouth = np.asarray(word_of_mouth, dtype=np.float64)
    known: NDArray[np.float64] = mouth / (np.abs(mouth) + 1.0)
    return known


def combine(
    rating: NDArray[np.float64],
    closeness: NDArray[np.float64],
    relevance: NDArray[np.float64] | float,
    settings: ScoreSettings,
    scale: tuple[float, float],
    word_of_mouth: NDArray[np.float64] | float = 0.0,
) -> NDArray[np.float64]:
    low, high = scale
    alpha, beta = settings.rating_weight, settings.word_of_mouth_weight
    quality = (1.0 - beta) * (rating - low) / (high - low) + beta * (1.0 + known_by_network(word_of_mouth)) / 2.0
    return relevance * (alpha * quality + (1.0 - alpha) * closeness)
