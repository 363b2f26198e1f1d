"""Place rankers compared by ``grapevine eval places``: what a method is, and the four simple baselines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from recommender.evaluation.datasets import PlacesData, Visits
from recommender.evaluation.rating_methods import means_by
from recommender.evaluation.tables import FloatArray, IntArray
from recommender.geo.distance import distances_km

# Yelp rows above 5 look like stars summed over repeated reviews (data README); a mean needs one review's stars.
STAR_SCALE = (1.0, 5.0)


def review_stars(visits: Visits) -> FloatArray:
    """Stars as one review's worth, clipped to the 1–5 scale."""
    return np.clip(visits.stars, *STAR_SCALE)


@dataclass(frozen=True)
class Viewer:
    """Who is asking and from where: the resident and their home (median of their training places)."""

    user: int
    lat: float
    lon: float


class PlaceScorer(Protocol):
    """A method fitted on the training reviews; scores candidate places for a viewer, higher is better."""

    def scores(self, viewer: Viewer, candidates: IntArray) -> FloatArray: ...


class PlaceMethod(Protocol):
    @property
    def name(self) -> str: ...

    def parameters(self) -> dict[str, object]:
        """Settings worth recording next to the figures, so a run can be repeated."""
        ...

    def fit(self, data: PlacesData) -> PlaceScorer:
        """Fit on ``data.train``; ``data.test`` is empty when the harness calls this."""
        ...


@runtime_checkable
class TunablePlaceMethod(Protocol):
    """A method with settings worth choosing on the tune split: ``eval places --tune`` fits every configuration
    of ``grid()`` on the training reviews, ranks the tune visits with each, and keeps the one with the best
    HR@10 (the first of equals, so list the grid in the order you would prefer). Without ``--tune`` the method
    runs as constructed.

    A method opts in just by having ``grid``; configurations may share per-viewer work (they are all asked about
    the same viewer in a row, with the same candidates).
    """

    def grid(self) -> Sequence[PlaceMethod]:
        """Complete methods of the same name, one per configuration to try."""
        ...


class _FixedScores:
    """The same scores whoever asks."""

    def __init__(self, scores: FloatArray) -> None:
        self._scores = scores

    def scores(self, viewer: Viewer, candidates: IntArray) -> FloatArray:
        return self._scores[candidates]


def review_counts(data: PlacesData) -> FloatArray:
    return np.bincount(data.train.places, minlength=data.n_places).astype(np.float64)


class PerViewerScorer:
    """Scores every place once per viewer and answers each of that viewer's test visits from them.

    The harness asks for one viewer's test visits in a row, so one cached viewer is enough.
    """

    def __init__(self) -> None:
        self._cached: tuple[Viewer, FloatArray] | None = None

    def all_scores(self, viewer: Viewer) -> FloatArray:
        raise NotImplementedError

    def scores(self, viewer: Viewer, candidates: IntArray) -> FloatArray:
        if self._cached is None or self._cached[0] != viewer:
            self._cached = (viewer, self.all_scores(viewer))
        return self._cached[1][candidates]


class Popularity:
    """The places with the most training reviews first."""

    name = "popularity"

    def parameters(self) -> dict[str, object]:
        return {}

    def fit(self, data: PlacesData) -> PlaceScorer:
        return _FixedScores(review_counts(data))


class BestRated:
    """Highest mean stars, shrunk toward the mean of all reviews by ``prior_reviews`` pseudo-reviews."""

    name = "best_rated"

    def __init__(self, prior_reviews: float = 5.0) -> None:
        self.prior_reviews = prior_reviews

    def parameters(self) -> dict[str, object]:
        return {"prior_reviews": self.prior_reviews, "prior": "mean of all training stars"}

    def fit(self, data: PlacesData) -> PlaceScorer:
        stars = review_stars(data.train)
        sums = np.bincount(data.train.places, weights=stars, minlength=data.n_places)
        prior = float(np.mean(stars))
        shrunk = (sums + self.prior_reviews * prior) / (review_counts(data) + self.prior_reviews)
        return _FixedScores(shrunk)


class Nearest:
    """Closest to the viewer's home first."""

    name = "nearest"

    def parameters(self) -> dict[str, object]:
        return {"distance": "recommender.geo.distance.distances_km from home"}

    def fit(self, data: PlacesData) -> PlaceScorer:
        return _NearestScorer(data.lat, data.lon)


class _NearestScorer(PerViewerScorer):
    def __init__(self, lat: FloatArray, lon: FloatArray) -> None:
        super().__init__()
        self._lat, self._lon = lat, lon

    def all_scores(self, viewer: Viewer) -> FloatArray:
        return -distances_km(viewer.lat, viewer.lon, self._lat, self._lon)


class FriendsOnly:
    """Places my friends reviewed, best friends' mean stars first, then most friends' reviews; the rest after,
    most popular first. Only direct friends count: no friends of friends, no strangers' stars."""

    name = "friends_only"

    def parameters(self) -> dict[str, object]:
        return {"order": "friends' mean stars, then friends' review count; then popularity"}

    def fit(self, data: PlacesData) -> PlaceScorer:
        return _FriendsScorer(data)


class _FriendsScorer(PerViewerScorer):
    def __init__(self, data: PlacesData) -> None:
        super().__init__()
        self._n_places = data.n_places
        self._popularity = review_counts(data)
        order = np.argsort(data.train.users, kind="stable")
        self._review_places = data.train.places[order]
        self._review_stars = review_stars(data.train)[order]
        counts = np.bincount(data.train.users, minlength=data.n_users)
        self._review_start = np.concatenate(([0], np.cumsum(counts)))
        friend_order = np.argsort(data.friends.truster, kind="stable")
        self._friends = data.friends.trustee[friend_order]
        friend_counts = np.bincount(data.friends.truster, minlength=data.n_users)
        self._friend_start = np.concatenate(([0], np.cumsum(friend_counts)))

    def all_scores(self, viewer: Viewer) -> FloatArray:
        user = viewer.user
        friends = self._friends[self._friend_start[user] : self._friend_start[user + 1]]
        rows = np.concatenate(
            [np.arange(self._review_start[f], self._review_start[f + 1], dtype=np.int64) for f in friends]
            or [np.zeros(0, dtype=np.int64)]
        )
        means, counts = means_by(self._review_places[rows], self._review_stars[rows], self._n_places)
        scores = self._popularity.copy()
        reviewed = np.flatnonzero(counts > 0)
        if len(reviewed):
            # Rank friends' places lexicographically (mean, then count) and lift them all above any popularity.
            keys = np.stack([means[reviewed], counts[reviewed].astype(np.float64)], axis=1)
            _, dense_rank = np.unique(keys, axis=0, return_inverse=True)
            scores[reviewed] = self._popularity.sum() + 1.0 + dense_rank.ravel()
        return scores


def baseline_methods() -> list[PlaceMethod]:
    """The simple peers Grapevine's ranker is compared with (DESIGN.md, "Evaluation"); nothing to tune."""
    return [Popularity(), Nearest(), BestRated(), FriendsOnly()]
