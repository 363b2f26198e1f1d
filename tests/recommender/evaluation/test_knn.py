"""User-kNN's vectorised predictions agree with a plain, loop-by-loop reading of its definition."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace

import numpy as np
import pytest

from recommender.evaluation import knn
from recommender.evaluation.datasets import RatingsData, TrustEdges
from recommender.evaluation.knn import Similarity, UserKnn


def random_ratings(seed: int, n_users: int, n_items: int, n_ratings: int) -> RatingsData:
    rng = np.random.default_rng(seed)
    # Few distinct stars and small overlaps give many exactly equal similarities, so ties are exercised;
    # a handful of repeated (user, item) pairs exercises the averaging of duplicates.
    users = rng.integers(0, n_users, n_ratings)
    items = rng.integers(0, n_items, n_ratings)
    return RatingsData(
        users=users.astype(np.int64),
        items=items.astype(np.int64),
        ratings=rng.integers(1, 6, n_ratings).astype(np.float64),
        ages_days=None,
        item_category=None,
        trust=TrustEdges(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)),
        user_ids=tuple(str(u) for u in range(n_users)),
        item_ids=tuple(str(i) for i in range(n_items)),
    )


def reference_predictions(
    train: RatingsData, users: list[int], items: list[int], k: int, similarity: Similarity, min_common: int
) -> list[tuple[float, bool]]:
    """The definition in UserKnn's docstring, one user and one item at a time; ties go to the lower index."""
    stars: dict[tuple[int, int], list[float]] = defaultdict(list)
    for user, item, rating in zip(train.users.tolist(), train.items.tolist(), train.ratings.tolist(), strict=True):
        stars[user, item].append(rating)
    rated: dict[int, dict[int, float]] = defaultdict(dict)
    for (user, item), values in stars.items():
        rated[user][item] = sum(values) / len(values)
    means = {user: sum(row.values()) / len(row) for user, row in rated.items()}
    global_mean = float(np.mean(train.ratings))
    low, high = float(train.ratings.min()), float(train.ratings.max())

    def value(user: int, item: int) -> float:
        rating = rated[user][item]
        return rating - means[user] if similarity == "pearson" else rating

    def sim(u: int, v: int) -> float:
        common = rated[u].keys() & rated[v].keys()
        if len(common) < min_common:
            return 0.0
        product = sum(value(u, i) * value(v, i) for i in common)
        norm = math.sqrt(sum(value(u, i) ** 2 for i in common)) * math.sqrt(sum(value(v, i) ** 2 for i in common))
        return product / norm if norm > 0 else 0.0

    answers = []
    for user, item in zip(users, items, strict=True):
        if user not in means:
            answers.append((global_mean, False))
            continue
        raters = [v for v in sorted(rated) if v != user and item in rated[v]]
        weighted = sorted(((sim(user, v), v) for v in raters), key=lambda pair: (-pair[0], pair[1]))
        chosen = [(s, v) for s, v in weighted if s > 0][:k]
        if not chosen:
            answers.append((min(max(means[user], low), high), False))
            continue
        deviation = sum(s * (rated[v][item] - means[v]) for s, v in chosen) / sum(s for s, _ in chosen)
        answers.append((min(max(means[user] + deviation, low), high), True))
    return answers


@pytest.mark.parametrize("table", ["full", "sparse"])
@pytest.mark.parametrize(
    ("seed", "k", "similarity", "min_common"),
    [(1, 3, "pearson", 2), (2, 30, "pearson", 2), (3, 2, "cosine", 1), (4, 5, "cosine", 3)],
)
def test_user_knn_matches_the_reference(
    monkeypatch: pytest.MonkeyPatch, table: str, seed: int, k: int, similarity: Similarity, min_common: int
) -> None:
    # Both ways of holding the similarities must give the same answers: force one or the other.
    monkeypatch.setattr(knn, "DENSE_RATIO", 10**9 if table == "full" else 0)
    data = random_ratings(seed, n_users=40, n_items=25, n_ratings=500)
    train = data.subset(np.arange(400))
    rng = np.random.default_rng(seed + 100)
    # Users 40-44 have no training ratings at all: the global mean answers for them.
    users = np.concatenate((data.users[400:], rng.integers(0, 45, 50))).astype(np.int64)
    items = np.concatenate((data.items[400:], rng.integers(0, 25, 50))).astype(np.int64)
    train = replace(train, user_ids=tuple(str(u) for u in range(45)))
    predictions = UserKnn(k=k, similarity=similarity, min_common=min_common).fit(train).predict(users, items)
    expected = reference_predictions(train, users.tolist(), items.tolist(), k, similarity, min_common)
    assert predictions.values.tolist() == pytest.approx([value for value, _ in expected], abs=1e-12)
    assert predictions.own.tolist() == [own for _, own in expected]
    assert 0 < np.count_nonzero(predictions.own) < len(users)


def test_user_knn_does_not_depend_on_how_queries_are_batched(monkeypatch: pytest.MonkeyPatch) -> None:
    data = random_ratings(5, n_users=60, n_items=30, n_ratings=900)
    fitted = UserKnn(k=4).fit(data.subset(np.arange(700)))
    whole = fitted.predict(data.users[700:], data.items[700:])
    # The smallest batch puts every user in a batch of their own.
    monkeypatch.setattr(knn, "BLOCK_WORK", 1)
    one_by_one = fitted.predict(data.users[700:], data.items[700:])
    assert one_by_one.values.tolist() == pytest.approx(whole.values.tolist(), abs=1e-12)
    assert one_by_one.own.tolist() == whole.own.tolist()
