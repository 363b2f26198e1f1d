"""``grapevine bench eval``: CPU of ``eval ratings`` on seeded synthetic rating sets of growing size."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from recommender.evaluation.datasets import RatingsData, TrustEdges
from recommender.evaluation.rating_methods import RatingMethod
from recommender.evaluation.ratings import all_methods, cross_validate
from recommender.evaluation.tables import FloatArray, IntArray

DEFAULT_SIZES = (100_000, 300_000, 1_000_000)
RATINGS_PER_USER = 10
"""Mean activity; CiaoDVD has 4 ratings per rater, FilmTrust 24."""
RATINGS_PER_ITEM = 8
"""Mean popularity; CiaoDVD has 4.5 ratings per item, FilmTrust 17."""
TRUST_LINKS_PER_USER = 2.0
"""Mean out-degree of the trust graph; CiaoDVD has 2.3 links per person."""
USER_TAIL = 1.5
"""Pareto tail of user activity: a few people rate hundreds of things, most rate a handful (CiaoDVD-like)."""
ITEM_TAIL = 2.5
"""Pareto tail of item popularity. Above 2 the mean square popularity is finite, so a bigger community has more
vendors rather than ever more raters per vendor: a city's dentist is not reviewed ten times as often as a town's."""
GENRES = 20
MAX_AGE_DAYS = 3650.0


def synthetic_ratings(n_ratings: int, seed: int = 1) -> RatingsData:
    """A rating set of exactly ``n_ratings`` distinct (user, item) pairs, with power-law user activity and item
    popularity, stars 1–5 from user and item biases plus noise, genres, dates and a sparse trust graph.

    People and items grow in proportion to the ratings, so sizes differ in scale, not in shape.
    """
    if n_ratings < 1:
        raise ValueError("a rating set needs at least one rating")
    rng = np.random.default_rng(seed)
    n_users = max(10, n_ratings // RATINGS_PER_USER)
    n_items = max(10, n_ratings // RATINGS_PER_ITEM)
    activity = 1.0 + rng.pareto(USER_TAIL, n_users)
    popularity = 1.0 + rng.pareto(ITEM_TAIL, n_items)
    users, items = _distinct_pairs(rng, n_ratings, activity, popularity)
    user_bias = rng.normal(0.0, 0.4, n_users)
    item_bias = rng.normal(0.0, 0.5, n_items)
    noise = rng.normal(0.0, 0.8, n_ratings)
    ratings = np.clip(np.rint(3.8 + user_bias[users] + item_bias[items] + noise), 1.0, 5.0)
    return RatingsData(
        users=users,
        items=items,
        ratings=ratings.astype(np.float64),
        ages_days=rng.uniform(0.0, MAX_AGE_DAYS, n_ratings),
        item_category=rng.integers(0, GENRES, n_items, dtype=np.int64),
        trust=_trust_graph(rng, activity),
        user_ids=tuple(f"u{index}" for index in range(n_users)),
        item_ids=tuple(f"i{index}" for index in range(n_items)),
    )


def _distinct_pairs(
    rng: np.random.Generator, n: int, activity: FloatArray, popularity: FloatArray
) -> tuple[IntArray, IntArray]:
    """Draw raters by activity and items by popularity until ``n`` distinct pairs are found, in draw order."""
    n_items = len(popularity)
    if n > len(activity) * n_items:
        raise ValueError(f"{n} ratings cannot fit {len(activity)} users x {n_items} items")
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < n:
        # A few more draws than missing pairs, as repeats of popular pairs are dropped.
        draws = (n - len(keys)) * 5 // 4 + 16
        users = rng.choice(len(activity), draws, p=activity / activity.sum())
        items = rng.choice(n_items, draws, p=popularity / popularity.sum())
        keys = np.concatenate((keys, users.astype(np.int64) * n_items + items))
        _, first = np.unique(keys, return_index=True)
        keys = keys[np.sort(first)]
    keys = keys[:n]
    return keys // n_items, keys % n_items


def _trust_graph(rng: np.random.Generator, activity: FloatArray) -> TrustEdges:
    """A few links per person, to people chosen by activity: active reviewers are the ones others trust."""
    n_users = len(activity)
    degrees = rng.poisson(TRUST_LINKS_PER_USER, n_users)
    truster = np.repeat(np.arange(n_users, dtype=np.int64), degrees)
    trustee = rng.choice(n_users, len(truster), p=activity / activity.sum()).astype(np.int64)
    keys = np.unique((truster * n_users + trustee)[truster != trustee])
    return TrustEdges(keys // n_users, keys % n_users, np.ones(len(keys), dtype=np.float64))


@dataclass(frozen=True)
class EvalBenchRun:
    """One size: the set's shape and the cross-validation's CPU seconds, in total and per method."""

    ratings: int
    users: int
    items: int
    trust_links: int
    generate_cpu_s: float
    cpu_s: float
    method_cpu_s: dict[str, float]

    def to_json(self) -> dict[str, object]:
        per_100k = 100_000 / self.ratings
        return {
            "ratings": self.ratings,
            "users": self.users,
            "items": self.items,
            "trust_links": self.trust_links,
            "generate_cpu_s": round(self.generate_cpu_s, 3),
            "cpu_s": round(self.cpu_s, 3),
            "cpu_s_per_100k": round(self.cpu_s * per_100k, 3),
            "methods": {
                name: {"cpu_s": round(seconds, 3), "cpu_s_per_100k": round(seconds * per_100k, 3)}
                for name, seconds in self.method_cpu_s.items()
            },
        }


def run_eval_bench(
    sizes: Sequence[int] = DEFAULT_SIZES,
    *,
    seed: int = 1,
    folds: int = 5,
    methods: Callable[[], list[RatingMethod]] = all_methods,
    progress: Callable[[str], None] = lambda message: None,
) -> list[EvalBenchRun]:
    """Generate each size and cross-validate it exactly as ``grapevine eval ratings`` does, timing CPU."""
    runs = []
    for size in sizes:
        started = time.process_time()
        data = synthetic_ratings(size, seed)
        generated = time.process_time()
        progress(f"{size:,} ratings generated; cross-validating")
        report = cross_validate(data, methods(), folds=folds, seed=seed)
        runs.append(
            EvalBenchRun(
                ratings=len(data),
                users=int(np.count_nonzero(np.bincount(data.users, minlength=data.n_users))),
                items=int(np.count_nonzero(np.bincount(data.items, minlength=data.n_items))),
                trust_links=len(data.trust),
                generate_cpu_s=generated - started,
                cpu_s=time.process_time() - generated,
                method_cpu_s=report.method_cpu_seconds,
            )
        )
        progress(f"{size:,} ratings: {runs[-1].cpu_s:.1f} CPU s")
    return runs


def eval_bench_json(runs: Sequence[EvalBenchRun], *, seed: int, folds: int = 5) -> dict[str, object]:
    """The benchmark's document: each size's figures, the set's shape, and how the cost per rating grew."""
    per_100k = [run.cpu_s * 100_000 / run.ratings for run in runs]
    return {
        "runs": [run.to_json() for run in runs],
        "growth": {
            "ratings": runs[-1].ratings / runs[0].ratings,
            "cpu": runs[-1].cpu_s / runs[0].cpu_s if runs[0].cpu_s > 0 else None,
            "cpu_per_rating": per_100k[-1] / per_100k[0] if per_100k[0] > 0 else None,
        },
        "protocol": {
            "folds": folds,
            "seed": seed,
            "clock": "time.process_time (CPU of this process, all threads), generation not included",
            "shape": {
                "ratings_per_user": RATINGS_PER_USER,
                "ratings_per_item": RATINGS_PER_ITEM,
                "trust_links_per_user": TRUST_LINKS_PER_USER,
                "user_activity_pareto_tail": USER_TAIL,
                "item_popularity_pareto_tail": ITEM_TAIL,
                "stars": "round(3.8 + user bias N(0, 0.4) + item bias N(0, 0.5) + noise N(0, 0.8)), clipped to 1-5",
                "genres": GENRES,
                "max_age_days": MAX_AGE_DAYS,
            },
        },
    }
