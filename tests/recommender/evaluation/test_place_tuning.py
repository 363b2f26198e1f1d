"""``--tune`` and ``--seeds``: any method with a grid is tuned on the tune visits, seeds re-split and pool."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from recommender.evaluation.datasets import PlacesData, Visits, load_places
from recommender.evaluation.place_distance import PopularityDistance, PopularityFriendsDistance
from recommender.evaluation.place_methods import Nearest, PlaceMethod, PlaceScorer, Popularity, Viewer
from recommender.evaluation.place_tuning import run_places, split_halves
from recommender.evaluation.places import METRICS
from recommender.evaluation.tables import FloatArray, IntArray

from .test_place_distance import drawn_world


class Toward:
    """Nearest (direction 1) or farthest (direction -1) first: a method that opts in to tuning with a grid."""

    name = "toward"

    def __init__(self, direction: float = -1.0) -> None:
        self.direction = direction

    def parameters(self) -> dict[str, object]:
        return {"direction": self.direction}

    def grid(self) -> Sequence[PlaceMethod]:
        return [Toward(-1.0), Toward(1.0)]

    def fit(self, data: PlacesData) -> PlaceScorer:
        return _TowardScorer(Nearest().fit(data), self.direction)


class _TowardScorer:
    def __init__(self, nearest: PlaceScorer, direction: float) -> None:
        self._nearest, self._direction = nearest, direction

    def scores(self, viewer: Viewer, candidates: IntArray) -> FloatArray:
        scores: FloatArray = self._direction * self._nearest.scores(viewer, candidates)
        return scores


def test_any_method_with_a_grid_is_tuned_and_others_run_as_given() -> None:
    data = drawn_world(1.0)
    report = run_places(data, [Toward(), Popularity()])
    # People visit near places: tuning turns the farthest-first default around.
    assert report.protocol["parameters"] == {"toward": {"direction": 1.0}, "popularity": {}}
    tuning = report.protocol["tuning"]
    assert isinstance(tuning, dict) and set(tuning["methods"]) == {"toward"}
    untuned = run_places(replace(data, tune=None), [Toward(), Popularity()])
    assert untuned.protocol["parameters"] == {"toward": {"direction": -1.0}, "popularity": {}}
    assert "fixed defaults" in str(untuned.protocol["tuning"])
    assert report.methods["toward"].hr_at_10 > untuned.methods["toward"].hr_at_10
    assert report.methods["popularity"] == untuned.methods["popularity"]


def test_split_halves_keeps_every_visit_and_halves_each_user() -> None:
    tune = Visits(np.array([0, 0, 1, 2, 2]), np.array([1, 2, 3, 4, 5]), np.ones(5))
    test = Visits(np.array([0, 1, 1, 2, 2, 2]), np.array([6, 7, 8, 9, 10, 11]), np.ones(6))
    halves = {seed: split_halves(tune, test, seed) for seed in (1, 2, 3)}
    for new_tune, new_test in halves.values():
        pooled = Counter(
            zip(
                np.concatenate([new_tune.users, new_test.users]).tolist(),
                np.concatenate([new_tune.places, new_test.places]).tolist(),
                strict=True,
            )
        )
        assert pooled == Counter(zip([0, 0, 1, 2, 2, 0, 1, 1, 2, 2, 2], range(1, 12), strict=True))
        # Users with 3, 3 and 5 visits: 1, 1 and 2 to tune, the rest to test.
        assert Counter(new_tune.users.tolist()) == {0: 1, 1: 1, 2: 2}
    again = split_halves(tune, test, 1)
    assert again[0].places.tolist() == halves[1][0].places.tolist()
    assert len({tuple(sorted(h[0].places.tolist())) for h in halves.values()}) > 1


def test_seeds_report_the_mean_and_spread_of_each_seeds_figures() -> None:
    data = drawn_world(1.0)
    report = run_places(data, [PopularityDistance(), Popularity()], seeds=3)
    document = report.to_json()
    assert [seed["seed"] for seed in document["seeds"]] == [1, 2, 3]  # type: ignore[index]
    for name in ("popularity_distance", "popularity"):
        for metric in METRICS:
            figures = [seed["methods"][name][metric] for seed in report.seeds]  # type: ignore[index]
            spread = report.spread[name][metric]  # type: ignore[index]
            assert getattr(report.methods[name], metric) == pytest.approx(np.mean(figures))
            assert (spread.min, spread.max) == (min(figures), max(figures))
            assert spread.std == pytest.approx(np.std(figures, ddof=1))
    # Each seed is tuned on its own half; the figures differ between seeds.
    assert len({seed["methods"]["popularity"]["hr_at_10"] for seed in report.seeds}) > 1  # type: ignore[index]
    assert all("bandwidth_km" in seed["parameters"]["popularity_distance"] for seed in report.seeds)  # type: ignore[index]
    with pytest.raises(ValueError, match="tune file"):
        run_places(replace(data, tune=None), [Popularity()], seeds=2)


def test_on_yelp_the_strong_baselines_beat_plain_popularity(shared_data: Path) -> None:
    folder = shared_data / "places" / "yelp_lbsn_u5000"
    data = load_places(
        train=folder / "Yelp_train.txt",
        tune=folder / "Yelp_tune.txt",
        test=folder / "Yelp_test.txt",
        coords=folder / "Yelp_poi_coos.txt",
        categories=folder / "Yelp_poi_categories.txt",
        social=folder / "Yelp_social_relations.txt",
    )
    # 400 of the 5,000 users keep the test quick; tuning samples 300 of them.
    some = np.isin(data.test.users, np.unique(data.test.users)[::12])
    data = replace(data, test=Visits(data.test.users[some], data.test.places[some], data.test.stars[some]))
    methods: list[PlaceMethod] = [Popularity(), PopularityDistance(), PopularityFriendsDistance()]
    report = run_places(data, methods, tune_users=300)
    assert report.protocol["evaluated_visits"] > 3000
    popularity = report.methods["popularity"]
    for name in ("popularity_distance", "popularity_friends_distance"):
        assert report.methods[name].hr_at_10 > 2 * popularity.hr_at_10, name
        assert report.methods[name].ndcg_at_10 > 2 * popularity.ndcg_at_10, name
