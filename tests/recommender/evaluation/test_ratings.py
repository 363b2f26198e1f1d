"""Cross-validated rating prediction: known answers for the baselines, and no held-out rating ever leaks."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pytest

from recommender.evaluation.datasets import RatingsData, TrustEdges
from recommender.evaluation.grapevine import GrapevineRatings
from recommender.evaluation.knn import UserKnn
from recommender.evaluation.rating_methods import GlobalMean, ItemMean, Predictions, RatingPredictor, UserMean
from recommender.evaluation.ratings import all_methods, cross_validate
from recommender.evaluation.tables import IntArray


def ratings(rows: list[tuple[int, int, float]], trust: Sequence[tuple[int, int]] = ()) -> RatingsData:
    users, items, stars = (np.array(column) for column in zip(*rows, strict=True))
    n_users = max([*users.tolist(), *(person for link in trust for person in link)]) + 1
    n_items = int(items.max()) + 1
    truster = np.array([link[0] for link in trust], dtype=np.int64)
    trustee = np.array([link[1] for link in trust], dtype=np.int64)
    return RatingsData(
        users=users.astype(np.int64),
        items=items.astype(np.int64),
        ratings=stars.astype(np.float64),
        ages_days=None,
        item_category=None,
        trust=TrustEdges(truster, trustee, np.ones(len(truster))),
        user_ids=tuple(str(u) for u in range(n_users)),
        item_ids=tuple(str(i) for i in range(n_items)),
    )


def test_global_mean_leave_one_out_by_hand() -> None:
    # Four folds of one rating each: the held-out r is predicted by the mean of the other three, (10 - r) / 3,
    # so the errors are 2, 2/3, 2/3 and 2.
    data = ratings([(0, 0, 1.0), (1, 1, 2.0), (2, 2, 3.0), (3, 3, 4.0)])
    report = cross_validate(data, [GlobalMean()], folds=4, seed=3)
    assert report.methods["global_mean"].mae == pytest.approx(4 / 3)
    assert report.methods["global_mean"].rmse == pytest.approx(math.sqrt((4 + 4 / 9 + 4 / 9 + 4) / 4))
    assert report.methods["global_mean"].coverage == 1.0


def test_user_mean_falls_back_to_the_global_mean_and_reports_coverage() -> None:
    # Leave-one-out: user 0's two ratings predict each other (errors 2 and 2); user 1 has nothing else, so the
    # global mean of the other two ratings, 2, stands in (error 2) and is not counted as covered.
    data = ratings([(0, 0, 1.0), (0, 1, 3.0), (1, 2, 4.0)])
    report = cross_validate(data, [UserMean()], folds=3, seed=1, cold_start_below=2)
    assert report.methods["user_mean"].mae == pytest.approx(2.0)
    assert report.methods["user_mean"].coverage == pytest.approx(2 / 3)
    assert report.cold_start["user_mean"].mae == pytest.approx(2.0)
    assert report.cold_start["user_mean"].coverage == 0.0
    assert report.protocol["cold_start_users"] == 1
    assert report.protocol["cold_start_ratings"] == 1


def test_item_mean_predicts_each_items_mean() -> None:
    train = ratings([(0, 0, 1.0), (1, 0, 2.0), (0, 1, 5.0), (2, 2, 3.0)])
    predictions = ItemMean().fit(train.subset(np.array([0, 1, 2]))).predict(np.array([2, 2, 2]), np.array([0, 1, 2]))
    assert predictions.values.tolist() == pytest.approx([1.5, 5.0, 8 / 3])
    assert predictions.own.tolist() == [True, True, False]


def test_user_knn_by_hand() -> None:
    # User 0 (mean 4, deviations +1, -1 on items 0 and 1) asks about item 2. User 1 (mean 10/3) and user 3
    # (mean 8/3) correlate positively with user 0 on items 0-1; user 2 negatively, so user 2 never counts.
    train = ratings(
        [
            (0, 0, 5.0), (0, 1, 3.0),
            (1, 0, 4.0), (1, 1, 2.0), (1, 2, 4.0),
            (2, 0, 2.0), (2, 1, 4.0), (2, 2, 1.0),
            (3, 0, 5.0), (3, 1, 1.0), (3, 2, 2.0),
        ]
    )  # fmt: skip
    sim_1 = 2 / (math.sqrt(2) * math.sqrt(20) / 3)
    sim_3 = 4 / (math.sqrt(2) * math.sqrt(74) / 3)
    expected = 4 + (sim_1 * (2 / 3) + sim_3 * (-2 / 3)) / (sim_1 + sim_3)
    both = UserKnn(k=2).fit(train).predict(np.array([0]), np.array([2]))
    assert both.values[0] == pytest.approx(expected)
    assert both.own.tolist() == [True]
    # With one neighbour only the most similar, user 3, speaks: 4 - 2/3.
    nearest = UserKnn(k=1).fit(train).predict(np.array([0]), np.array([2]))
    assert nearest.values[0] == pytest.approx(4 - 2 / 3)


def test_user_knn_falls_back_without_a_neighbour() -> None:
    # User 2 only appears in the trust file: known to the data set, without a rating.
    train = ratings([(0, 0, 5.0), (0, 1, 3.0), (1, 2, 1.0)], trust=[(1, 2)])
    predictions = UserKnn().fit(train).predict(np.array([0, 2]), np.array([2, 0]))
    # User 0 shares no item with user 1: own mean 4. User 2 is unknown: global mean 3.
    assert predictions.values.tolist() == [4.0, 3.0]
    assert predictions.own.tolist() == [False, False]


class _Memoriser:
    """Predicts a rating only if it saw exactly that (user, item) in training: the perfect leak detector."""

    name = "memoriser"

    def parameters(self) -> dict[str, object]:
        return {}

    def fit(self, train: RatingsData) -> RatingPredictor:
        seen = {(int(u), int(i)): float(r) for u, i, r in zip(train.users, train.items, train.ratings, strict=True)}
        return _Recall(seen)


class _Recall:
    def __init__(self, seen: dict[tuple[int, int], float]) -> None:
        self.seen = seen

    def predict(self, users: IntArray, items: IntArray) -> Predictions:
        keys = [(int(u), int(i)) for u, i in zip(users, items, strict=True)]
        own = np.array([key in self.seen for key in keys])
        return Predictions(np.array([self.seen.get(key, 0.0) for key in keys]), own)


def test_no_held_out_rating_reaches_training() -> None:
    rng = np.random.default_rng(0)
    pairs = rng.choice(40 * 30, size=300, replace=False)
    data = ratings([(int(p // 30), int(p % 30), float(rng.integers(1, 6))) for p in pairs])
    report = cross_validate(data, [_Memoriser()], folds=5, seed=11)
    # Every (user, item) is rated once, so a memoriser can only recall a test rating if it leaked.
    assert report.methods["memoriser"].coverage == 0.0


def test_every_rating_is_predicted_once_by_a_model_that_never_saw_it() -> None:
    data = ratings([(u, i, float(1 + (u * 7 + i) % 5)) for u in range(12) for i in range(10) if (u + i) % 3])
    report = cross_validate(data, [UserMean(), UserKnn(k=3)], folds=5, seed=2)
    assert report.protocol["ratings"] == len(data)
    for scores in report.methods.values():
        assert 0 <= scores.mae <= scores.rmse <= 4


def test_grapevine_hears_trusted_reviewers() -> None:
    # Me (0) trusts Anna (1); Anna loved item 1, Ben (2) hated it. Everyone else rated items 0 and 2 alike.
    rows = [(0, 0, 3.0), (0, 2, 3.0), (1, 0, 3.0), (1, 1, 5.0), (2, 0, 3.0), (2, 1, 1.0), (3, 2, 3.0)]
    trusting = GrapevineRatings().fit(ratings(rows, trust=[(0, 1)])).predict(np.array([0]), np.array([1]))
    distrusting = GrapevineRatings().fit(ratings(rows, trust=[(0, 2)])).predict(np.array([0]), np.array([1]))
    assert trusting.values[0] > distrusting.values[0]
    assert trusting.trusted is not None and trusting.trusted.tolist() == [True]
    alone = GrapevineRatings().fit(ratings(rows)).predict(np.array([3]), np.array([1]))
    assert alone.trusted is not None and alone.trusted.tolist() == [False]
    assert alone.own.tolist() == [True]


def test_the_report_has_every_method_for_all_and_cold_start() -> None:
    data = ratings([(u, i, float(1 + (u + i) % 5)) for u in range(8) for i in range(6) if u < 5 or i < 2], [(0, 1)])
    report = cross_validate(data, all_methods(), folds=3, seed=1).to_json()
    names = {"grapevine", "global_mean", "user_mean", "item_mean", "user_knn"}
    assert set(report["methods"]) == names == set(report["cold_start"])  # type: ignore[arg-type]
    assert report["methods"]["grapevine"].keys() >= {"mae", "rmse", "coverage"}  # type: ignore[index]
    assert report["protocol"]["cold_start_users"] == 3  # type: ignore[index]
