"""bench eval: the synthetic rating sets are seeded and sized as asked, and the JSON names every figure."""

from __future__ import annotations

import json

import numpy as np
import pytest

from recommender.bench.eval_bench import synthetic_ratings
from recommender.cli import main
from recommender.evaluation.ratings import all_methods


def test_the_same_seed_gives_the_same_set_and_another_seed_another() -> None:
    first, again, other = synthetic_ratings(5000, seed=3), synthetic_ratings(5000, seed=3), synthetic_ratings(5000, 4)
    for name in ("users", "items", "ratings", "ages_days", "item_category"):
        assert np.array_equal(getattr(first, name), getattr(again, name))
    assert np.array_equal(first.trust.truster, again.trust.truster)
    assert np.array_equal(first.trust.trustee, again.trust.trustee)
    assert not np.array_equal(first.items, other.items)


@pytest.mark.parametrize("size", [10, 999, 20_000])
def test_a_set_has_exactly_the_requested_distinct_ratings(size: int) -> None:
    data = synthetic_ratings(size, seed=1)
    assert len(data) == len(data.users) == len(data.items) == size
    assert len(np.unique(data.users * data.n_items + data.items)) == size
    assert set(np.unique(data.ratings).tolist()) <= {1.0, 2.0, 3.0, 4.0, 5.0}


def test_a_set_has_the_promised_shape() -> None:
    data = synthetic_ratings(50_000, seed=2)
    activity = np.bincount(data.users, minlength=data.n_users)
    popularity = np.bincount(data.items, minlength=data.n_items)
    # Power laws: the busiest rater and the most popular item stand far above the typical one.
    assert activity.max() > 20 * np.median(activity) and popularity.max() > 10 * np.median(popularity)
    assert set(np.unique(data.ratings).tolist()) == {1.0, 2.0, 3.0, 4.0, 5.0}
    links_per_user = len(data.trust) / data.n_users
    assert 1 < links_per_user < 3
    assert not np.any(data.trust.truster == data.trust.trustee)


def test_bench_eval_json_has_each_size_and_method(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "eval", "--sizes", "800,1600", "--seed", "2", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [run["ratings"] for run in document["runs"]] == [800, 1600]
    names = {method.name for method in all_methods()}
    for run in document["runs"]:
        assert set(run["methods"]) == names
        assert run["users"] > 0 and run["items"] > 0 and run["trust_links"] > 0
        assert run["cpu_s"] >= sum(method["cpu_s"] for method in run["methods"].values()) - 0.01
        scale = 100_000 / run["ratings"]
        # Both figures are rounded to milliseconds, so they agree within half a millisecond, scaled.
        assert run["cpu_s_per_100k"] == pytest.approx(run["cpu_s"] * scale, abs=0.0005 * scale + 0.0005)
    assert document["growth"]["ratings"] == 2
    assert document["protocol"]["folds"] == 5 and document["protocol"]["seed"] == 2


def test_bench_eval_runs_only_the_chosen_methods(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "eval", "--sizes", "500", "--methods", "user_knn,item_mean"]) == 0
    table = capsys.readouterr().out
    assert "user_knn" in table and "item_mean" in table and "grapevine" not in table
