"""Plain user-based k-nearest-neighbours: the classic collaborative-filtering peer for Grapevine's predictor."""

from __future__ import annotations

from typing import Literal

import numpy as np

from recommender.evaluation.datasets import RatingsData
from recommender.evaluation.rating_methods import Predictions, RatingPredictor, means_by
from recommender.evaluation.tables import BoolArray, FloatArray, IntArray

Similarity = Literal["pearson", "cosine"]
BLOCK_WORK = 1 << 14
"""Co-rating pairs handled per batch of users: large enough that numpy, not Python, does the work."""
DENSE_RATIO = 4
"""A batch keeps a full table of its users x everyone when that table is at most this many times its pairs."""


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
        # A user's share of the similarity work: the raters of every item they rated, themselves included.
        item_raters = np.diff(self._item_start)
        self._user_work = np.bincount(users, weights=item_raters[items], minlength=train.n_users).astype(np.int64)

    def predict(self, users: IntArray, items: IntArray) -> Predictions:
        values = np.full(len(users), self._global, dtype=np.float64)
        own = np.zeros(len(users), dtype=np.bool_)
        known = ~np.isnan(self._user_mean[users])
        values[known] = self._user_mean[users[known]]
        asked = np.flatnonzero(known)
        asked = asked[np.argsort(users[asked], kind="stable")]
        for block in self._blocks(users[asked]):
            queries = asked[block]
            deviations, found = self._from_neighbours(users[queries], items[queries])
            values[queries[found]] += deviations[found]
            own[queries[found]] = True
        return Predictions(np.clip(values, self._low, self._high), own)

    def _blocks(self, sorted_users: IntArray) -> list[IntArray]:
        """Query positions cut into runs of whole users whose co-rating work adds up to about ``BLOCK_WORK``.

        One user at a time costs a Python round per user; all at once would hold every co-rating pair in memory.
        """
        if len(sorted_users) == 0:
            return []
        firsts = np.flatnonzero(np.r_[True, sorted_users[1:] != sorted_users[:-1]])
        work = self._user_work[sorted_users[firsts]]
        block = (np.cumsum(work) - work) // BLOCK_WORK
        starts = firsts[np.flatnonzero(np.r_[True, block[1:] != block[:-1]])]
        ends = np.r_[starts[1:], len(sorted_users)]
        return [np.arange(start, end) for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]

    def _similarities(self, people: IntArray) -> _Similarities:
        """Similarity of each of ``people`` (sorted, distinct) to everyone who shares an item with them."""
        n = self._n_users
        counts = self._user_start[people + 1] - self._user_start[people]
        rows = _ranges(self._user_start[people], counts)
        owners = np.repeat(np.arange(len(people), dtype=np.int64), counts)
        items = self._user_items[rows]
        lengths = self._item_start[items + 1] - self._item_start[items]
        entries = _ranges(self._item_start[items], lengths)
        others = self._item_users[entries]
        theirs = self._item_values[entries]
        mine = np.repeat(self._user_values[rows], lengths)
        pairs = np.repeat(owners, lengths) * n + others
        if len(people) * n <= DENSE_RATIO * len(pairs):
            # Few people, many co-ratings (FilmTrust): a table of every pair costs less than sorting the pairs.
            keys, pair = None, pairs
        else:
            keys, pair = np.unique(pairs, return_inverse=True)
        size = len(people) * n if keys is None else len(keys)
        products = np.bincount(pair, weights=mine * theirs, minlength=size)
        norms = np.sqrt(np.bincount(pair, weights=mine * mine, minlength=size))
        norms *= np.sqrt(np.bincount(pair, weights=theirs * theirs, minlength=size))
        common = np.bincount(pair, minlength=size)
        usable = (norms > 0) & (common >= self._min_common)
        similarities = np.zeros(size, dtype=np.float64)
        np.divide(products, norms, out=similarities, where=usable)
        table = _Similarities(n, keys, similarities)
        table.forget_self(people)
        return table

    def _from_neighbours(self, users: IntArray, items: IntArray) -> tuple[FloatArray, BoolArray]:
        """For each (user, item) query, the similarity-weighted mean deviation of the item's ``k`` most similar
        raters with a positive similarity, and whether there was any. Ties in similarity go to the lower user
        index, so the choice never depends on how a selection algorithm happens to order equal values."""
        people, local = np.unique(users, return_inverse=True)
        similarities = self._similarities(people)
        lengths = self._item_start[items + 1] - self._item_start[items]
        entries = _ranges(self._item_start[items], lengths)
        query = np.repeat(np.arange(len(users), dtype=np.int64), lengths)
        weights = similarities.of(local[query], self._item_users[entries])
        positive = weights > 0
        query, weights, entries = query[positive], weights[positive], entries[positive]
        query, weights, entries = self._top_k(query, weights, entries)
        total = np.bincount(query, weights=weights, minlength=len(users))
        weighted = np.bincount(query, weights=weights * self._item_deviations[entries], minlength=len(users))
        found = total > 0
        deviations = np.zeros(len(users), dtype=np.float64)
        deviations[found] = weighted[found] / total[found]
        return deviations, found

    def _top_k(self, query: IntArray, weights: FloatArray, entries: IntArray) -> tuple[IntArray, FloatArray, IntArray]:
        """The ``k`` heaviest rows of each query (rows grouped by query); only queries with more are sorted."""
        crowded = np.bincount(query)[query] > self._k
        if not crowded.any():
            return query, weights, entries
        rows = np.flatnonzero(crowded)
        # Raters are listed by user index within an item, and lexsort is stable: equal weights keep that order.
        rows = rows[np.lexsort((-weights[rows], query[rows]))]
        sorted_query = query[rows]
        firsts = np.flatnonzero(np.r_[True, sorted_query[1:] != sorted_query[:-1]])
        rank = np.arange(len(rows)) - np.repeat(firsts, np.diff(np.r_[firsts, len(rows)]))
        keep = ~crowded
        keep[rows[rank < self._k]] = True
        return query[keep], weights[keep], entries[keep]


class _Similarities:
    """Similarities of a block of people (local indices) to others, as a full table or as sorted sparse pairs."""

    def __init__(self, n_users: int, keys: IntArray | None, values: FloatArray) -> None:
        self._n = n_users
        self._keys = keys
        self._values = values

    def forget_self(self, people: IntArray) -> None:
        """Nobody is their own neighbour, however well they agree with themselves."""
        own = np.arange(len(people), dtype=np.int64) * self._n + people
        if self._keys is None:
            self._values[own] = 0.0
            return
        at = np.searchsorted(self._keys, own)
        found = at < len(self._keys)
        found[found] &= self._keys[at[found]] == own[found]
        self._values[at[found]] = 0.0

    def of(self, local: IntArray, others: IntArray) -> FloatArray:
        """Similarity of each block person to the matching other person; 0 where they share nothing usable."""
        wanted = local * self._n + others
        if self._keys is None:
            table: FloatArray = self._values[wanted]
            return table
        if len(self._keys) == 0:
            return np.zeros(len(wanted), dtype=np.float64)
        at = np.minimum(np.searchsorted(self._keys, wanted), len(self._keys) - 1)
        found: FloatArray = np.where(self._keys[at] == wanted, self._values[at], 0.0)
        return found
