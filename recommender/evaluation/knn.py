"""Plain user-based k-nearest-neighbours: the classic collaborative-filtering peer for Grapevine's predictor."""

from __future__ import annotations

from typing import Literal

import numpy as np

from recommender.evaluation.datasets import RatingsData
from recommender.evaluation.rating_methods import Predictions, RatingPredictor, means_by
from recommender.evaluation.tables import FloatArray, IntArray

Similarity = Literal["pearson", "cosine"]


def _ranges(starts: IntArray, lengths: IntArray) -> IntArray:
    """The concatenation of ``range(start, start + length)`` for each pair, without a Python loop."""
    total = int(lengths.sum())
    offsets = np.cumsum(lengths) - lengths
    return np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, lengths)


class UserKnn:
    """Predict r(u, i) = mean(u) + Σ sim(u, v)·(r(v, i) − mean(v)) / Σ sim(u, v) over the ``k`` most similar
    users ``v`` who rated ``i`` and have a positive similarity to ``u``.

    Similarity is Pearson correlation (ratings centred on each user's mean) or cosine (raw ratings) over the
    items both users rated, needing at least ``min_common`` of them: one shared item would make a perfect ±1.
    Without such a neighbour the prediction falls back to the user's mean, or the global mean.
    """

    name = "user_knn"

    def __init__(self, k: int = 30, similarity: Similarity = "pearson", min_common: int = 2) -> None:
        if k < 1:
            raise ValueError("k must be at least 1")
        self.k = k
        self.similarity: Similarity = similarity
        self.min_common = min_common

    def parameters(self) -> dict[str, object]:
        return {
            "k": self.k,
            "similarity": self.similarity,
            "min_common_items": self.min_common,
            "fallback": "user_mean, else global_mean",
        }

    def fit(self, train: RatingsData) -> RatingPredictor:
        return _KnnPredictor(self, train)


class _KnnPredictor:
    def __init__(self, method: UserKnn, train: RatingsData) -> None:
        self._k = method.k
        self._min_common = method.min_common
        self._n_users = train.n_users
        # A user who rated an item twice counts once, at the mean of the two, so no pair weighs double.
        keys = train.users * train.n_items + train.items
        unique_keys, inverse = np.unique(keys, return_inverse=True)
        ratings = np.bincount(inverse, weights=train.ratings) / np.bincount(inverse)
        users = unique_keys // train.n_items
        items = unique_keys % train.n_items
        self._low, self._high = float(train.ratings.min()), float(train.ratings.max())
        self._global = float(np.mean(train.ratings))
        self._user_mean, user_counts = means_by(users, ratings, train.n_users)
        deviations = ratings - self._user_mean[users]
        values = deviations if method.similarity == "pearson" else ratings
        # Items' raters, and users' items, as compressed rows (pairs sorted by item, then by user).
        by_item = np.lexsort((users, items))
        self._item_start = np.concatenate(([0], np.cumsum(np.bincount(items, minlength=train.n_items))))
        self._item_users = users[by_item]
        self._item_values = values[by_item]
        self._item_deviations = deviations[by_item]
        # np.unique sorted the keys user-major, so the pairs are already grouped by user.
        self._user_start = np.concatenate(([0], np.cumsum(user_counts)))
        self._user_items = items
        self._user_values = values

    def _similarities(self, user: int) -> FloatArray:
        start, end = self._user_start[user], self._user_start[user + 1]
        items = self._user_items[start:end]
        mine = self._user_values[start:end]
        lengths = self._item_start[items + 1] - self._item_start[items]
        entries = _ranges(self._item_start[items], lengths)
        others = self._item_users[entries]
        theirs = self._item_values[entries]
        mine = np.repeat(mine, lengths)
        n = self._n_users
        products = np.bincount(others, weights=mine * theirs, minlength=n)
        norms = np.sqrt(np.bincount(others, weights=mine * mine, minlength=n))
        norms *= np.sqrt(np.bincount(others, weights=theirs * theirs, minlength=n))
        common = np.bincount(others, minlength=n)
        similarities = np.zeros(n, dtype=np.float64)
        usable = (norms > 0) & (common >= self._min_common)
        similarities[usable] = products[usable] / norms[usable]
        similarities[user] = 0.0
        return similarities

    def predict(self, users: IntArray, items: IntArray) -> Predictions:
        values = np.full(len(users), self._global, dtype=np.float64)
        own = np.zeros(len(users), dtype=np.bool_)
        known = ~np.isnan(self._user_mean[users])
        values[known] = self._user_mean[users[known]]
        order = np.argsort(users, kind="stable")
        boundaries = np.flatnonzero(np.diff(users[order])) + 1
        for group in np.split(order, boundaries):
            user = int(users[group[0]])
            if not known[group[0]]:
                continue
            similarities = self._similarities(user)
            for query in group:
                predicted = self._from_neighbours(similarities, int(items[query]))
                if predicted is not None:
                    values[query] = predicted + self._user_mean[user]
                    own[query] = True
        return Predictions(np.clip(values, self._low, self._high), own)

    def _from_neighbours(self, similarities: FloatArray, item: int) -> float | None:
        """The similarity-weighted mean deviation of the item's best raters, or None without any."""
        start, end = self._item_start[item], self._item_start[item + 1]
        weights = similarities[self._item_users[start:end]]
        positive = np.flatnonzero(weights > 0)
        if len(positive) == 0:
            return None
        if len(positive) > self._k:
            positive = positive[np.argpartition(weights[positive], -self._k)[-self._k :]]
        chosen = weights[positive]
        return float(np.dot(chosen, self._item_deviations[start:end][positive]) / chosen.sum())
