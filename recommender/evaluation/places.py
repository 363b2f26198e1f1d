"""``grapevine eval places``: "which dentist?" — rank a category's places for a resident, score the held-out visit."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

import numpy as np

from recommender.evaluation.datasets import PlacesData, Visits
from recommender.evaluation.grapevine import DEFAULT_RADIUS_KM, GrapevinePlaces
from recommender.evaluation.metrics import expected_hit, expected_reciprocal_rank, rank_with_ties
from recommender.evaluation.place_methods import PlaceMethod, Viewer, baseline_methods
from recommender.evaluation.tables import BoolArray, FloatArray, IntArray

logger = logging.getLogger(__name__)

CUTOFF = 10


@dataclass(frozen=True)
class RankScores:
    hr_at_10: float
    mrr: float


@dataclass(frozen=True)
class PlacesReport:
    methods: dict[str, RankScores]
    protocol: dict[str, object]
    seconds: float

    def to_json(self) -> dict[str, object]:
        return {
            "methods": {name: asdict(scores) for name, scores in self.methods.items()},
            "protocol": self.protocol,
            "seconds": round(self.seconds, 3),
        }


def all_methods(radius_km: float = DEFAULT_RADIUS_KM) -> list[PlaceMethod]:
    """Grapevine's own ranker first, then its peers."""
    return [GrapevinePlaces(radius_km), *baseline_methods()]


class _Candidates:
    """The places to rank for a test place: every place sharing any of its categories (all without categories)."""

    def __init__(self, data: PlacesData) -> None:
        self._n = data.n_places
        self._members: BoolArray | None = None
        self._categories_of: list[IntArray] = []
        if data.has_categories:
            members = np.zeros((data.n_categories, data.n_places), dtype=np.bool_)
            members[data.category_ids, data.category_places] = True
            self._members = members
            order = np.argsort(data.category_places, kind="stable")
            counts = np.bincount(data.category_places, minlength=data.n_places)
            self._categories_of = np.split(data.category_ids[order], np.cumsum(counts)[:-1])

    def mask(self, place: int) -> BoolArray:
        if self._members is None or len(self._categories_of[place]) == 0:
            return np.ones(self._n, dtype=np.bool_)
        # Bitwise OR over the place's category rows: every place sharing at least one of its categories.
        mask: BoolArray = np.logical_or.reduce(self._members[self._categories_of[place]], axis=0)
        return mask

    def uncategorised(self, places: IntArray) -> int:
        if self._members is None:
            return len(places)
        return sum(1 for place in places if len(self._categories_of[int(place)]) == 0)


def _grouped(users: IntArray, n_users: int) -> tuple[IntArray, IntArray]:
    """Row indices sorted by user, and where each user's rows start (compressed-row offsets)."""
    order = np.argsort(users, kind="stable")
    return order, np.concatenate(([0], np.cumsum(np.bincount(users, minlength=n_users))))


def evaluate_places(data: PlacesData, methods: Sequence[PlaceMethod], *, cutoff: int = CUTOFF) -> PlacesReport:
    """Score each method's ranking of every test visit among the unvisited places of the same categories."""
    started = time.perf_counter()
    # Methods see the training reviews only: the test visits are taken away before fitting.
    training = replace(data, test=Visits(data.test.users[:0], data.test.places[:0], data.test.stars[:0]))
    scorers = {method.name: method.fit(training) for method in methods}
    hits = dict.fromkeys(scorers, 0.0)
    reciprocal = dict.fromkeys(scorers, 0.0)
    method_seconds = dict.fromkeys(scorers, 0.0)
    candidates_of = _Candidates(data)
    train_order, train_start = _grouped(data.train.users, data.n_users)
    test_order, test_start = _grouped(data.test.users, data.n_users)
    evaluated = skipped_users = skipped_rows = visited_again = 0
    candidate_total = 0
    for user in np.flatnonzero(np.diff(test_start)):
        tests = data.test.places[test_order[test_start[user] : test_start[user + 1]]]
        visited = data.train.places[train_order[train_start[user] : train_start[user + 1]]]
        if len(visited) == 0:
            skipped_users += 1
            skipped_rows += len(tests)
            continue
        viewer = Viewer(int(user), float(np.median(data.lat[visited])), float(np.median(data.lon[visited])))
        for place in tests:
            mask = candidates_of.mask(int(place))
            mask[visited] = False
            if not mask[place]:
                # Already reviewed in training: nothing left to discover, so it cannot be asked for.
                visited_again += 1
                continue
            candidates = np.flatnonzero(mask)
            target = int(np.searchsorted(candidates, place))
            candidate_total += len(candidates)
            evaluated += 1
            for name, scorer in scorers.items():
                method_started = time.perf_counter()
                scores = scorer.scores(viewer, candidates)
                above, tied = rank_with_ties(float(scores[target]), scores)
                hits[name] += expected_hit(above, tied, cutoff)
                reciprocal[name] += expected_reciprocal_rank(above, tied)
                method_seconds[name] += time.perf_counter() - method_started
    protocol = _protocol(data, methods, cutoff, candidates_of)
    protocol.update(
        {
            "test_visits": len(data.test),
            "evaluated_visits": evaluated,
            "skipped_users_without_training_places": skipped_users,
            "skipped_visits_of_those_users": skipped_rows,
            "skipped_visits_already_reviewed_in_training": visited_again,
            "mean_candidates": round(candidate_total / evaluated, 1) if evaluated else 0.0,
            "method_seconds": {name: round(seconds, 3) for name, seconds in method_seconds.items()},
        }
    )
    results = {
        name: RankScores(
            hr_at_10=hits[name] / evaluated if evaluated else float("nan"),
            mrr=reciprocal[name] / evaluated if evaluated else float("nan"),
        )
        for name in scorers
    }
    return PlacesReport(results, protocol, time.perf_counter() - started)


def _protocol(
    data: PlacesData, methods: Sequence[PlaceMethod], cutoff: int, candidates_of: _Candidates
) -> dict[str, object]:
    test_places: FloatArray = np.unique(data.test.places).astype(np.float64)
    return {
        "cutoff": cutoff,
        "users": data.n_users,
        "places": data.n_places,
        "categories": data.n_categories,
        "friendships": len(data.friends) // 2,
        "train_visits": len(data.train),
        "candidates": (
            "for each test visit (user, place): every place that shares at least one category with the test "
            "place (the union over all its categories; all places for a place without a category), minus the "
            "places the user reviewed in training; the test place is among them"
            if data.has_categories
            else "for each test visit (user, place): every place the user did not review in training"
        ),
        "test_places_without_category": candidates_of.uncategorised(test_places.astype(np.int64)),
        "viewer": "home = median latitude and median longitude of the user's training places; training "
        "reviews are the user's visits; friendships are trust links in both directions, level 1.0",
        "skipped": "test users with no training places (no home, nothing known)",
        "ties": "a target tied with others is placed uniformly at random among them: HR@10 and MRR are the "
        "expected values over that placement",
        "metrics": f"hr_at_{cutoff} = share of evaluated test visits ranked in the top {cutoff}; mrr = mean of "
        "1/rank; both over every evaluated test visit (not averaged per user)",
        "stars": "training stars above 5 (summed repeat reviews) are clipped to 5 where a mean is taken",
        "parameters": {method.name: method.parameters() for method in methods},
    }
