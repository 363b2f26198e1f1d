"""``eval places --tune/--seeds``: choose parameters on the tune visits, report on the test visits, per seed."""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from recommender.evaluation.datasets import PlacesData, Visits
from recommender.evaluation.place_methods import PlaceMethod, TunablePlaceMethod
from recommender.evaluation.places import (
    METRICS,
    PlacesReport,
    RankScores,
    Spread,
    evaluate_places,
    score_scorers,
    training_part,
)
from recommender.evaluation.tables import BoolArray

TUNE_OBJECTIVE = "hr_at_10"

TUNE_USERS = 2000
"""Tuning ranks the tune visits of at most this many users (a fixed random sample per split): a grid of 72
configurations on all ~4,600 Yelp tune users cost ~45 s of CPU, and the HR@10 curve over the grid is smooth
enough that 2,000 users find the same region."""

SEEDS_PROTOCOL = (
    "seed s (1..N): the tune and test visits are pooled and each user's pooled visits are split in two halves "
    "by numpy.random.default_rng(s) (floor(n/2) to tune, the rest to test); tuning is redone on every seed's "
    "tune half and figures are reported on its test half. methods hold the mean over seeds, spread the sample "
    "standard deviation (ddof=1), minimum and maximum, seeds each seed's own figures and chosen parameters"
)

SAMPLE_PROTOCOL = "a fixed random sample of {n} users with tune visits, numpy.random.default_rng({seed})"


@dataclass(frozen=True)
class Tuned:
    """The methods to report with (tuned ones replaced by their best configuration) and how they were chosen."""

    methods: list[PlaceMethod]
    record: dict[str, object]


def tune_methods(
    data: PlacesData, tune: Visits, methods: Sequence[PlaceMethod], only_users: BoolArray | None = None
) -> Tuned:
    """Fit every configuration of every tunable method on the training reviews, rank the tune visits with all
    of them in one pass over the questions, and keep each method's configuration with the best HR@10."""
    training = training_part(data)
    grids = {method.name: list(method.grid()) for method in methods if isinstance(method, TunablePlaceMethod)}
    configurations = [configuration for grid in grids.values() for configuration in grid]
    scorers = [configuration.fit(training) for configuration in configurations]
    figures, _, counts, _ = score_scorers(data, tune, scorers, only_users=only_users, hits_only=True)
    chosen: dict[str, PlaceMethod] = {}
    record: dict[str, object] = {}
    offset = 0
    for name, grid in grids.items():
        objective = [getattr(scores, TUNE_OBJECTIVE) for scores in figures[offset : offset + len(grid)]]
        offset += len(grid)
        # The first best: a grid lists its configurations in the order its method prefers them.
        best = max(range(len(grid)), key=lambda index: (objective[index], -index))
        chosen[name] = grid[best]
        record[name] = {
            "chosen": grid[best].parameters(),
            f"tune_{TUNE_OBJECTIVE}": objective[best],
            "grid": [
                {**_tunable_settings(configuration), TUNE_OBJECTIVE: value}
                for configuration, value in zip(grid, objective, strict=True)
            ],
        }
    return Tuned(
        [chosen.get(method.name, method) for method in methods],
        {"tune_visits_evaluated": counts.evaluated_visits, "tune_users": len(counts.users), "methods": record},
    )


def _tunable_settings(method: PlaceMethod) -> dict[str, object]:
    """A configuration's numeric settings: what differs between the members of a grid."""
    return {key: value for key, value in method.parameters().items() if isinstance(value, int | float)}


def sample_users(tune: Visits, n_users: int, at_most: int | None, seed: int) -> BoolArray | None:
    """A fixed random sample of the users with tune visits, or None for all of them."""
    users = np.unique(tune.users)
    if at_most is None or len(users) <= at_most:
        return None
    picked = np.zeros(n_users, dtype=np.bool_)
    picked[np.random.default_rng(seed).choice(users, size=at_most, replace=False)] = True
    return picked


def split_halves(tune: Visits, test: Visits, seed: int) -> tuple[Visits, Visits]:
    """Pool the tune and test visits and split each user's in two random halves: (tune, test)."""
    users = np.concatenate([tune.users, test.users])
    places = np.concatenate([tune.places, test.places])
    stars = np.concatenate([tune.stars, test.stars])
    order = np.lexsort((np.random.default_rng(seed).random(len(users)), users))
    users, places, stars = users[order], places[order], stars[order]
    first_row = np.searchsorted(users, users, side="left")
    last_row = np.searchsorted(users, users, side="right")
    to_tune = (np.arange(len(users)) - first_row) < (last_row - first_row) // 2
    return (
        Visits(users[to_tune], places[to_tune], stars[to_tune]),
        Visits(users[~to_tune], places[~to_tune], stars[~to_tune]),
    )


def run_places(
    data: PlacesData, methods: Sequence[PlaceMethod], *, seeds: int = 1, tune_users: int | None = TUNE_USERS
) -> PlacesReport:
    """Evaluate the methods on ``data.test``: untuned without ``data.tune``, else tuned on it first; with
    ``seeds`` ≥ 2, on that many re-splits of the pooled tune and test visits, reporting mean and spread."""
    started = time.perf_counter()
    if data.tune is None:
        if seeds != 1:
            raise ValueError("several seeds re-split the tune and test visits: they need a tune file")
        report = evaluate_places(data, methods)
        report.protocol["tuning"] = (
            "none: every method runs with its fixed defaults (see parameters); give a tune file to choose the "
            "tunable methods' parameters on it"
        )
        return report
    if seeds < 1:
        raise ValueError("the number of seeds must be at least 1")
    splits = (
        [(data.tune, data.test)] if seeds == 1 else [split_halves(data.tune, data.test, s) for s in range(1, seeds + 1)]
    )
    runs: list[PlacesReport] = []
    for number, (tune, test) in enumerate(splits, start=1):
        sample = sample_users(tune, data.n_users, tune_users, number)
        tuned = tune_methods(data, tune, methods, sample)
        report = evaluate_places(replace(data, test=test, tune=tune), tuned.methods)
        report.protocol["tuning"] = {
            "objective": f"{TUNE_OBJECTIVE} on the tune visits (the first best in grid order)",
            "fit": "every configuration is fitted on the training reviews only, as for the test",
            "users": "all users with tune visits"
            if sample is None
            else SAMPLE_PROTOCOL.format(n=tune_users, seed=number),
            **tuned.record,
        }
        runs.append(report)
    if seeds == 1:
        return replace(runs[0], seconds=time.perf_counter() - started)
    return _pooled(runs, time.perf_counter() - started)


def _pooled(runs: list[PlacesReport], seconds: float) -> PlacesReport:
    """Mean over the seeds' runs, their spread, and each run's own figures."""
    names = list(runs[0].methods)
    means: dict[str, RankScores] = {}
    spread: dict[str, dict[str, Spread]] = {}
    for name in names:
        values = {metric: np.array([getattr(run.methods[name], metric) for run in runs]) for metric in METRICS}
        means[name] = RankScores(**{metric: float(np.mean(v)) for metric, v in values.items()})
        spread[name] = {
            metric: Spread(std=float(np.std(v, ddof=1)), min=float(np.min(v)), max=float(np.max(v)))
            for metric, v in values.items()
        }
    per_seed = tuple(
        {
            "seed": number,
            "methods": {name: scores.as_dict() for name, scores in run.methods.items()},
            "parameters": run.protocol["parameters"],
            "tuning": run.protocol["tuning"],
            "test_visits": run.protocol["test_visits"],
            "evaluated_visits": run.protocol["evaluated_visits"],
            "queries": run.protocol["queries"],
        }
        for number, run in enumerate(runs, start=1)
    )
    protocol = {key: value for key, value in runs[0].protocol.items() if key not in ("parameters", "tuning")}
    protocol["seeds"] = {"count": len(runs), "split": SEEDS_PROTOCOL}
    protocol["counts"] = "test_visits, evaluated_visits, queries and mean_candidates above are seed 1's"
    protocol["method_seconds"] = {
        name: round(math.fsum(float(run.protocol["method_seconds"][name]) for run in runs), 3)  # type: ignore[index]
        for name in names
    }
    return PlacesReport(means, protocol, seconds, spread, per_seed)
