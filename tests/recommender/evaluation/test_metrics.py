"""Metrics checked against answers worked out by hand, and the fold split's guarantees."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from recommender.evaluation.metrics import (
    coverage,
    expected_hit,
    expected_reciprocal_rank,
    fold_of_each,
    mae,
    rank_with_ties,
    rmse,
)


def test_mae_and_rmse_by_hand() -> None:
    predicted = np.array([3.0, 2.0, 4.0, 1.0])
    actual = np.array([4.0, 2.0, 2.0, 1.0])
    # Errors 1, 0, 2, 0: MAE = 3/4, RMSE = sqrt((1 + 4) / 4).
    assert mae(predicted, actual) == pytest.approx(0.75)
    assert rmse(predicted, actual) == pytest.approx(math.sqrt(1.25))


def test_empty_groups_are_nan_not_perfect() -> None:
    empty = np.zeros(0)
    assert math.isnan(mae(empty, empty))
    assert math.isnan(rmse(empty, empty))
    assert math.isnan(coverage(np.zeros(0, dtype=bool)))


def test_coverage_is_the_share_of_own_predictions() -> None:
    assert coverage(np.array([True, False, True, True])) == 0.75


def test_rank_hit_and_reciprocal_rank_without_ties() -> None:
    scores = np.array([0.9, 0.5, 0.7, 0.1])
    above, tied = rank_with_ties(0.5, scores)
    assert (above, tied) == (2, 1)  # rank 3
    assert expected_hit(above, tied, cutoff=3) == 1.0
    assert expected_hit(above, tied, cutoff=2) == 0.0
    assert expected_reciprocal_rank(above, tied) == pytest.approx(1 / 3)


def test_ties_count_as_a_uniformly_random_placement() -> None:
    # The target shares score 0.5 with two others, below one: rank 2, 3 or 4 with equal chance.
    scores = np.array([0.9, 0.5, 0.5, 0.5, 0.1])
    above, tied = rank_with_ties(0.5, scores)
    assert (above, tied) == (1, 3)
    assert expected_hit(above, tied, cutoff=3) == pytest.approx(2 / 3)
    assert expected_hit(above, tied, cutoff=10) == 1.0
    assert expected_reciprocal_rank(above, tied) == pytest.approx((1 / 2 + 1 / 3 + 1 / 4) / 3)


@given(n=st.integers(5, 400), folds=st.integers(2, 5), seed=st.integers(0, 2**32 - 1))
def test_every_rating_is_in_exactly_one_fold_of_near_equal_size(n: int, folds: int, seed: int) -> None:
    fold = fold_of_each(n, folds, seed)
    assert fold.shape == (n,)
    assert set(np.unique(fold)) == set(range(folds))
    sizes = np.bincount(fold, minlength=folds)
    assert sizes.sum() == n and sizes.max() - sizes.min() <= 1
    # Test parts are disjoint and together cover every rating once: each index has exactly one fold.
    tests = [set(np.flatnonzero(fold == k)) for k in range(folds)]
    assert sum(len(part) for part in tests) == n
    assert set().union(*tests) == set(range(n))


def test_the_split_is_deterministic_for_a_seed_and_differs_between_seeds() -> None:
    assert np.array_equal(fold_of_each(1000, 5, seed=7), fold_of_each(1000, 5, seed=7))
    assert not np.array_equal(fold_of_each(1000, 5, seed=7), fold_of_each(1000, 5, seed=8))


def test_the_split_refuses_impossible_requests() -> None:
    with pytest.raises(ValueError, match="at least 2 folds"):
        fold_of_each(10, 1, seed=1)
    with pytest.raises(ValueError, match="cannot split"):
        fold_of_each(3, 5, seed=1)
