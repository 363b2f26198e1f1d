"""Error and ranking metrics, and the k-fold split, kept small enough to check by hand."""

from __future__ import annotations

import numpy as np

from recommender.evaluation.tables import BoolArray, FloatArray, IntArray


def mae(predicted: FloatArray, actual: FloatArray) -> float:
    """Mean absolute error; NaN for no ratings, so an empty cold-start group never reads as perfect."""
    if len(actual) == 0:
        return float("nan")
    return float(np.mean(np.abs(predicted - actual)))


def rmse(predicted: FloatArray, actual: FloatArray) -> float:
    if len(actual) == 0:
        return float("nan")
    return float(np.sqrt(np.mean((predicted - actual) ** 2)))


def coverage(own_evidence: BoolArray) -> float:
    """Share of predictions a method made from its own evidence rather than its fallback."""
    if len(own_evidence) == 0:
        return float("nan")
    return float(np.mean(own_evidence))


def fold_of_each(n: int, folds: int, seed: int) -> IntArray:
    """Assign each of ``n`` ratings to one of ``folds`` folds of (nearly) equal size, by a seeded shuffle."""
    if folds < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    if n < folds:
        raise ValueError(f"cannot split {n} ratings into {folds} folds")
    order = np.random.default_rng(seed).permutation(n)
    assignment = np.empty(n, dtype=np.int64)
    assignment[order] = np.arange(n, dtype=np.int64) % folds
    return assignment


def rank_with_ties(target: float, scores: FloatArray) -> tuple[int, int]:
    """How many candidates score above the target and how many tie with it (the target included).

    ``scores`` holds every candidate's score, the target's among them; higher is better.
    """
    above = int(np.count_nonzero(scores > target))
    tied = int(np.count_nonzero(scores == target))
    return above, max(tied, 1)


def expected_hit(above: int, tied: int, cutoff: int) -> float:
    """Chance the target lands in the top ``cutoff`` when ties are broken uniformly at random.

    Expected values rather than an arbitrary tie-break keep a method that scores everything equal from
    looking better or worse than it is, and keep the figures deterministic.
    """
    return max(0, min(cutoff, above + tied) - above) / tied


def expected_reciprocal_rank(above: int, tied: int) -> float:
    """Mean of 1/rank over the ``tied`` equally likely positions above+1 .. above+tied."""
    positions = np.arange(above + 1, above + tied + 1, dtype=np.float64)
    return float(np.mean(1.0 / positions))


class PositionGains:
    """Expected hit, reciprocal rank and discounted gain of targets whose rank is uniform among their ties.

    A target with ``above`` candidates scoring higher and ``tied`` candidates tying (itself included) sits at each
    of the positions above+1 .. above+tied with equal chance; whatever other targets share its tie, its own
    position has that uniform distribution, so per-target expectations add up to exact expected P, R and DCG.
    Each gain is kept as a running sum over positions, so an expectation is one subtraction, however many ties.
    """

    def __init__(self, longest: int, cutoff: int) -> None:
        positions = np.arange(1, longest + 1, dtype=np.float64)
        within = positions <= cutoff
        self.cutoff = cutoff
        self._hit = _running(within.astype(np.float64))
        self._reciprocal = _running(1.0 / positions)
        self._discounted = _running(np.where(within, 1.0 / np.log2(positions + 1.0), 0.0))

    def hit(self, above: IntArray, tied: IntArray) -> FloatArray:
        return _expected(self._hit, above, tied)

    def reciprocal_rank(self, above: IntArray, tied: IntArray) -> FloatArray:
        return _expected(self._reciprocal, above, tied)

    def discounted_gain(self, above: IntArray, tied: IntArray) -> FloatArray:
        """Expected 1/log2(1 + position) inside the cutoff, 0 below it: one target's share of DCG@cutoff."""
        return _expected(self._discounted, above, tied)

    def ideal_dcg(self, relevant: int) -> float:
        """DCG@cutoff of a ranking with all ``relevant`` targets on top: the normaliser of nDCG."""
        return float(self._discounted[min(relevant, self.cutoff)])


def _running(gains: FloatArray) -> FloatArray:
    return np.concatenate(([0.0], np.cumsum(gains)))


def _expected(running: FloatArray, above: IntArray, tied: IntArray) -> FloatArray:
    result: FloatArray = (running[above + tied] - running[above]) / tied
    return result
