"""Place ranking: each baseline's rank of a held-out visit worked out by hand, candidates, and skipped users."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from recommender.evaluation.datasets import PlacesData, TrustEdges, Visits
from recommender.evaluation.place_methods import BestRated, FriendsOnly, Nearest, PlaceScorer, Popularity, Viewer
from recommender.evaluation.places import METRICS, all_methods, evaluate_places
from recommender.evaluation.tables import FloatArray, IntArray

KM = 1 / 111.2  # degrees of latitude per kilometre, near enough for ordering places by distance
A, B, C = range(3)


def visits(rows: list[tuple[int, int, float]]) -> Visits:
    users, places, stars = (np.array(column) for column in zip(*rows, strict=True))
    return Visits(users.astype(np.int64), places.astype(np.int64), stars.astype(np.float64))


def world(
    distances_km: list[float],
    categories: list[tuple[int, int]],
    train: list[tuple[int, int, float]],
    test: list[tuple[int, int, float]],
    friendships: list[tuple[int, int]],
    n_users: int,
) -> PlacesData:
    first = [a for a, _ in friendships] + [b for _, b in friendships]
    second = [b for _, b in friendships] + [a for a, _ in friendships]
    return PlacesData(
        lat=51.0 + np.array(distances_km) * KM,
        lon=np.zeros(len(distances_km)),
        category_places=np.array([place for place, _ in categories], dtype=np.int64),
        category_ids=np.array([category for _, category in categories], dtype=np.int64),
        friends=TrustEdges(np.array(first, dtype=np.int64), np.array(second, dtype=np.int64), np.ones(len(first))),
        train=visits(train),
        test=visits(test),
        place_ids=tuple(str(p) for p in range(len(distances_km))),
        user_ids=tuple(str(u) for u in range(n_users)),
        n_categories=len({category for _, category in categories}),
    )


ME, FRIEND, OTHER, THIRD, NEWCOMER = range(5)
HOME, LIKED, TARGET, PLENTY, ELSEWHERE = range(5)
FILLERS = list(range(5, 15))


@pytest.fixture
def neighbourhood() -> PlacesData:
    # Category A: my home place (0 km, I reviewed it), 1 at 1 km, the target 2 at 5 km, 3 at 2 km, and ten
    # unreviewed fillers at 3-4 km. Place 4 alone in category B. My friend loved the target.
    return world(
        distances_km=[0.0, 1.0, 5.0, 2.0, 9.0] + [3.0 + 0.1 * n for n in range(10)],
        categories=[(p, A) for p in [HOME, LIKED, TARGET, PLENTY, *FILLERS]] + [(ELSEWHERE, B)],
        train=[
            (ME, HOME, 3),
            (FRIEND, TARGET, 5),
            (FRIEND, PLENTY, 3),
            (OTHER, LIKED, 5),
            (OTHER, PLENTY, 4),
            (THIRD, LIKED, 4),
            (THIRD, PLENTY, 2),
        ],
        test=[(ME, TARGET, 5), (ME, ELSEWHERE, 4), (NEWCOMER, LIKED, 4)],
        friendships=[(ME, FRIEND)],
        n_users=5,
    )


def test_each_baseline_ranks_the_held_out_visit_as_worked_out_by_hand(neighbourhood: PlacesData) -> None:
    methods = [Popularity(), Nearest(), BestRated(), FriendsOnly()]
    report = evaluate_places(neighbourhood, methods)
    # The visit to place 4 has no other candidate in category B: rank 1 for everyone.
    # Popularity: PLENTY (3 reviews), LIKED (2), TARGET (1) -> rank 3.
    # Nearest from home (0 km): LIKED 1 km, PLENTY 2 km, ten fillers 3-4 km, TARGET 5 km -> rank 13.
    # Best rated, shrunk by 5 reviews at the mean 26/7: LIKED 3.94, TARGET 3.93, fillers 3.71, PLENTY 3.45 -> 2.
    # Friends only: my friend gave TARGET 5 and PLENTY 3 -> rank 1.
    expected_ranks = {"popularity": 3, "nearest": 13, "best_rated": 2, "friends_only": 1}
    for name, rank in expected_ranks.items():
        assert report.methods[name].mrr == pytest.approx((1 / rank + 1) / 2), name
        assert report.methods[name].hr_at_10 == pytest.approx(((rank <= 10) + 1) / 2), name
    assert report.protocol["evaluated_visits"] == 2
    assert report.protocol["skipped_users_without_training_places"] == 1
    assert report.protocol["skipped_visits_of_those_users"] == 1
    # 13 unvisited category-A places for the first visit, 1 for the second.
    assert report.protocol["mean_candidates"] == 7.0


def test_a_place_in_several_categories_competes_with_all_of_them(neighbourhood: PlacesData) -> None:
    both = replace(
        neighbourhood,
        category_places=np.append(neighbourhood.category_places, ELSEWHERE),
        category_ids=np.append(neighbourhood.category_ids, A),
        test=visits([(ME, ELSEWHERE, 4)]),
    )
    report = evaluate_places(both, [Popularity()])
    # Place 4 is in A and B now: the 13 unvisited A places and itself.
    assert report.protocol["mean_candidates"] == 14.0
    without_categories = replace(neighbourhood, n_categories=0, test=visits([(ME, ELSEWHERE, 4)]))
    assert evaluate_places(without_categories, [Popularity()]).protocol["mean_candidates"] == 14.0


def test_methods_never_see_the_test_visits(neighbourhood: PlacesData) -> None:
    seen: list[int] = []

    class Spy(Popularity):
        def fit(self, data: PlacesData) -> PlaceScorer:
            seen.append(len(data.test))
            return super().fit(data)

    evaluate_places(neighbourhood, [Spy()])
    assert seen == [0]


def test_grapevine_and_baselines_report_every_method(neighbourhood: PlacesData) -> None:
    report = evaluate_places(neighbourhood, all_methods()).to_json()
    assert set(report["methods"]) == {  # type: ignore[arg-type]
        "grapevine",
        "popularity",
        "nearest",
        "best_rated",
        "friends_only",
        "popularity_distance",
        "popularity_friends_distance",
    }
    for scores in report["methods"].values():  # type: ignore[attr-defined]
        assert set(scores) == set(METRICS)
        assert all(0 <= value <= 1 for value in scores.values()) and scores["mrr"] > 0


class _Fixed:
    """A method that scores places from a table, whoever asks: the ranks below are read off it."""

    name = "fixed"

    def __init__(self, scores: list[float]) -> None:
        self._scores = np.array(scores)

    def parameters(self) -> dict[str, object]:
        return {}

    def fit(self, data: PlacesData) -> PlaceScorer:
        return self

    def scores(self, viewer: Viewer, candidates: IntArray) -> FloatArray:
        return self._scores[candidates]


def test_precision_recall_and_ndcg_by_hand_with_ties() -> None:
    # Category A holds places 0-12, B only place 12; I reviewed place 0. Test visits to 1 and 2 (both in A alone:
    # one question, asked twice) and to 12 (in A and B: another question, over the same candidates 1-12).
    # Scores: 2 is best, 3-9 follow from 0.9 down, 1 ties with 10 and 11 at 0.5, 12 is last.
    scores = [1.0, 0.5, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.5, 0.5, 0.1]
    data = world(
        distances_km=[0.0] * 13,
        categories=[(p, A) for p in range(13)] + [(12, B)],
        train=[(ME, 0, 4)],
        test=[(ME, 1, 5), (ME, 2, 4), (ME, 12, 3)],
        friendships=[],
        n_users=1,
    )
    report = evaluate_places(data, [_Fixed(scores)]).methods["fixed"]
    # Place 2 ranks 1st; place 1 9th, 10th or 11th with equal chance; place 12 12th.
    hit_1 = 2 / 3
    rr_1 = (1 / 9 + 1 / 10 + 1 / 11) / 3
    assert report.hr_at_10 == pytest.approx((hit_1 + 1 + 0) / 3)
    assert report.mrr == pytest.approx((rr_1 + 1 + 1 / 12) / 3)
    # Both questions have R = {1, 2, 12}: the one asked by 12 counts 1 and 2 found as well.
    assert report.p_at_10 == pytest.approx((1 + hit_1) / 10)
    assert report.r_at_10 == pytest.approx((1 + hit_1) / 3)
    dcg = 1 + (1 / np.log2(10) + 1 / np.log2(11)) / 3
    assert report.ndcg_at_10 == pytest.approx(dcg / (1 + 1 / np.log2(3) + 1 / np.log2(4)))
