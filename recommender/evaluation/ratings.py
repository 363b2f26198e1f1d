"""``grapevine eval ratings``: k-fold cross-validation of rating predictors, on all users and on cold-start users."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from recommender.evaluation.datasets import RatingsData
from recommender.evaluation.grapevine import GrapevineRatings
from recommender.evaluation.knn import UserKnn
from recommender.evaluation.metrics import coverage, fold_of_each, mae, rmse
from recommender.evaluation.rating_methods import GlobalMean, ItemMean, RatingMethod, UserMean
from recommender.evaluation.tables import BoolArray, IntArray

logger = logging.getLogger(__name__)

COLD_START_BELOW = 5


@dataclass(frozen=True)
class ErrorScores:
    mae: float
    rmse: float
    coverage: float
    trusted_coverage: float | None = None

    def to_json(self) -> dict[str, float]:
        return {name: value for name, value in asdict(self).items() if value is not None}


@dataclass(frozen=True)
class RatingsReport:
    """Figures per method for all test ratings and for cold-start users' test ratings, with the protocol."""

    methods: dict[str, ErrorScores]
    cold_start: dict[str, ErrorScores]
    protocol: dict[str, object]
    seconds: float
    method_cpu_seconds: dict[str, float]
    """CPU (``time.process_time``) each method spent fitting and predicting, over all folds."""

    def to_json(self) -> dict[str, object]:
        return {
            "methods": {name: scores.to_json() for name, scores in self.methods.items()},
            "cold_start": {name: scores.to_json() for name, scores in self.cold_start.items()},
            "protocol": self.protocol,
            "seconds": round(self.seconds, 3),
            "method_cpu_seconds": {name: round(seconds, 3) for name, seconds in self.method_cpu_seconds.items()},
        }


def baseline_methods() -> list[RatingMethod]:
    """The peers Grapevine's predictor is compared with (DESIGN.md, "Evaluation")."""
    return [GlobalMean(), UserMean(), ItemMean(), UserKnn()]


def all_methods() -> list[RatingMethod]:
    """Grapevine's own predictor first, then its peers."""
    return [GrapevineRatings(), *baseline_methods()]


def cross_validate(
    data: RatingsData,
    methods: Sequence[RatingMethod],
    *,
    folds: int = 5,
    seed: int = 1,
    cold_start_below: int = COLD_START_BELOW,
) -> RatingsReport:
    """Predict every rating once, from a model fitted on the other folds only, and score each method."""
    started = time.perf_counter()
    fold = fold_of_each(len(data), folds, seed)
    predicted = {method.name: np.empty(len(data), dtype=np.float64) for method in methods}
    own = {method.name: np.zeros(len(data), dtype=np.bool_) for method in methods}
    trusted: dict[str, BoolArray] = {}
    method_seconds = dict.fromkeys(predicted, 0.0)
    method_cpu = dict.fromkeys(predicted, 0.0)
    for held_out in range(folds):
        test = np.flatnonzero(fold == held_out)
        # The training part is a copy without the test rows: no method can reach a held-out rating.
        train = data.subset(np.flatnonzero(fold != held_out))
        for method in methods:
            method_started, method_cpu_started = time.perf_counter(), time.process_time()
            predictions = method.fit(train).predict(data.users[test], data.items[test])
            predicted[method.name][test] = predictions.values
            own[method.name][test] = predictions.own
            if predictions.trusted is not None:
                trusted.setdefault(method.name, np.zeros(len(data), dtype=np.bool_))[test] = predictions.trusted
            method_seconds[method.name] += time.perf_counter() - method_started
            method_cpu[method.name] += time.process_time() - method_cpu_started
            logger.info("fold %d/%d: %s done", held_out + 1, folds, method.name)

    ratings_per_user = np.bincount(data.users, minlength=data.n_users)
    cold_users = (ratings_per_user > 0) & (ratings_per_user < cold_start_below)
    cold = cold_users[data.users]

    def scores(name: str, rows: IntArray) -> ErrorScores:
        return ErrorScores(
            mae=mae(predicted[name][rows], data.ratings[rows]),
            rmse=rmse(predicted[name][rows], data.ratings[rows]),
            coverage=coverage(own[name][rows]),
            trusted_coverage=coverage(trusted[name][rows]) if name in trusted else None,
        )

    every = np.arange(len(data), dtype=np.int64)
    cold_rows = np.flatnonzero(cold)
    protocol: dict[str, object] = {
        "folds": folds,
        "seed": seed,
        "split": "ratings shuffled with numpy default_rng(seed) and dealt round-robin into folds; every rating "
        "is in exactly one test fold; each method is fitted per fold on the other folds' ratings only",
        "ratings": len(data),
        "users": int(np.count_nonzero(ratings_per_user)),
        "people": data.n_users,
        "items": int(np.count_nonzero(np.bincount(data.items, minlength=data.n_items))),
        "trust_links": len(data.trust),
        "cold_start_users": int(np.count_nonzero(cold_users)),
        "cold_start_ratings": int(np.count_nonzero(cold)),
        "cold_start_definition": f"users with fewer than {cold_start_below} ratings in the whole data set "
        "(all folds together, counted before splitting); their test ratings form the cold_start figures",
        "metrics": "MAE and RMSE over all test ratings of all folds pooled, fallback predictions included; "
        "coverage = share of those predictions made from the method's own evidence, not its fallback",
        "fallback": "a user/item the method knows nothing about gets the training fold's global mean",
        "parameters": {method.name: method.parameters() for method in methods},
        "method_seconds": {name: round(seconds, 3) for name, seconds in method_seconds.items()},
    }
    return RatingsReport(
        methods={method.name: scores(method.name, every) for method in methods},
        cold_start={method.name: scores(method.name, cold_rows) for method in methods},
        protocol=protocol,
        seconds=time.perf_counter() - started,
        method_cpu_seconds=method_cpu,
    )
