"""Rating predictors compared by ``grapevine eval ratings``: what a method is, and the mean baselines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from recommender.evaluation.datasets import RatingsData
from recommender.evaluation.tables import BoolArray, FloatArray, IntArray


@dataclass(frozen=True)
class Predictions:
    """Predicted ratings, and which of them came from the method's own evidence rather than its fallback.

    ``trusted`` marks, for trust-aware methods, the predictions that heard someone in the user's trust network.
    """

    values: FloatArray
    own: BoolArray
    trusted: BoolArray | None = None


class RatingPredictor(Protocol):
    """A method fitted on one training part; it never sees the ratings it is asked to predict."""

    def predict(self, users: IntArray, items: IntArray) -> Predictions: ...


class RatingMethod(Protocol):
    """A way of predicting ratings: fit on training ratings (and the whole trust graph), then predict."""

    @property
    def name(self) -> str: ...

    def parameters(self) -> dict[str, object]:
        """Settings worth recording next to the figures, so a run can be repeated."""
        ...

    def fit(self, train: RatingsData) -> RatingPredictor: ...


def means_by(index: IntArray, values: FloatArray, size: int) -> tuple[FloatArray, IntArray]:
    """Mean value per index (NaN where there is none) and how many values each index has."""
    counts = np.bincount(index, minlength=size).astype(np.int64)
    sums = np.bincount(index, weights=values, minlength=size)
    means = np.full(size, np.nan, dtype=np.float64)
    seen = counts > 0
    means[seen] = sums[seen] / counts[seen]
    return means, counts


class _ConstantPredictor:
    def __init__(self, value: float) -> None:
        self._value = value

    def predict(self, users: IntArray, items: IntArray) -> Predictions:
        return Predictions(np.full(len(users), self._value, dtype=np.float64), np.ones(len(users), dtype=np.bool_))


class _LookupPredictor:
    """Predicts a per-user or per-item mean, falling back to the global mean where there is none."""

    def __init__(self, means: FloatArray, fallback: float, by_item: bool) -> None:
        self._means = means
        self._fallback = fallback
        self._by_item = by_item

    def predict(self, users: IntArray, items: IntArray) -> Predictions:
        keys = items if self._by_item else users
        found = self._means[keys]
        own = ~np.isnan(found)
        return Predictions(np.where(own, found, self._fallback), own)


class GlobalMean:
    """Everyone rates everything at the mean of all training ratings: the floor any method must beat."""

    name = "global_mean"

    def parameters(self) -> dict[str, object]:
        return {}

    def fit(self, train: RatingsData) -> RatingPredictor:
        return _ConstantPredictor(float(np.mean(train.ratings)))


class UserMean:
    """Each user's mean training rating (the global mean for a user with none)."""

    name = "user_mean"

    def parameters(self) -> dict[str, object]:
        return {"fallback": "global_mean"}

    def fit(self, train: RatingsData) -> RatingPredictor:
        means, _ = means_by(train.users, train.ratings, train.n_users)
        return _LookupPredictor(means, float(np.mean(train.ratings)), by_item=False)


class ItemMean:
    """Each item's mean training rating (the global mean for an item with none)."""

    name = "item_mean"

    def parameters(self) -> dict[str, object]:
        return {"fallback": "global_mean"}

    def fit(self, train: RatingsData) -> RatingPredictor:
        means, _ = means_by(train.items, train.ratings, train.n_items)
        return _LookupPredictor(means, float(np.mean(train.ratings)), by_item=True)
