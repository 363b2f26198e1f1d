"""The strong place baselines: popularity damped by distance, and with direct friends' reviews added."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from recommender.evaluation.datasets import PlacesData
from recommender.evaluation.place_methods import PlaceMethod, PlaceScorer, Viewer, review_counts
from recommender.evaluation.place_queries import grouped
from recommender.evaluation.tables import FloatArray, IntArray
from recommender.geo.distance import distances_km

BANDWIDTHS_KM = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
"""Doubling steps from a street to a metropolitan area: the tuned bandwidth is free to follow the data's scale."""

FRIEND_WEIGHTS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
"""How many strangers' reviews one direct friend's review is worth; 0 is left out, as that is the other method."""

# Untuned defaults, chosen before looking at any data: Grapevine's own default radius, so that an untuned run
# compares them on the same footing, and a friend worth ten strangers.
DEFAULT_BANDWIDTH_KM = 10.0
DEFAULT_FRIEND_WEIGHT = 10.0


class _ViewerFeatures:
    """Distances from the viewer's home, and each candidate's weight (popularity plus weighted friends' reviews),
    kept for the current viewer and question only.

    The harness asks every configuration about one question in a row, handing each the same candidates array,
    so the gathers and logarithms are done once per question and friend weight instead of once per
    configuration: that keeps a 72-configuration grid from costing 72 evaluations.
    """

    def __init__(self, data: PlacesData) -> None:
        self._popularity = review_counts(data)
        self._lat, self._lon = data.lat, data.lon
        self._n_places = data.n_places
        friend_order, self._friend_start = grouped(data.friends.truster, data.n_users)
        self._friends = data.friends.trustee[friend_order]
        # A friend who reviewed a place twice is one friend who knows it: distinct (user, place) pairs only.
        pairs = np.unique(np.stack([data.train.users, data.train.places], axis=1), axis=0)
        review_order, self._review_start = grouped(pairs[:, 0], data.n_users)
        self._review_places = pairs[review_order, 1]
        self._viewer: Viewer | None = None
        self._distances: FloatArray = np.zeros(0)
        self._friend_reviews: FloatArray = np.zeros(0)
        # Held, not just compared by id, so that the array cannot be freed and its id reused by the next one.
        self._candidates: IntArray | None = None
        self._candidate_distances: FloatArray = np.zeros(0)
        self._log_weights: dict[float, FloatArray] = {}

    def _see(self, viewer: Viewer) -> None:
        self._viewer = viewer
        self._distances = distances_km(viewer.lat, viewer.lon, self._lat, self._lon)
        friends = self._friends[self._friend_start[viewer.user] : self._friend_start[viewer.user + 1]]
        places = [self._review_places[self._review_start[f] : self._review_start[f + 1]] for f in friends]
        reviewed = np.concatenate(places) if places else np.zeros(0, dtype=np.int64)
        self._friend_reviews = np.bincount(reviewed, minlength=self._n_places).astype(np.float64)

    def of(self, viewer: Viewer, candidates: IntArray, friend_weight: float) -> tuple[FloatArray, FloatArray]:
        """log(popularity + friend_weight × direct friends' reviews) and distance (km) of each candidate."""
        if viewer != self._viewer:
            self._see(viewer)
            self._candidates = None
        if candidates is not self._candidates:
            self._candidates = candidates
            self._candidate_distances = self._distances[candidates]
            self._log_weights = {}
        log_weight = self._log_weights.get(friend_weight)
        if log_weight is None:
            weight = self._popularity[candidates]
            if friend_weight:
                weight = weight + friend_weight * self._friend_reviews[candidates]
            # A place nobody reviewed has weight 0: log 0 = -inf ties them all at the bottom, as the product would.
            with np.errstate(divide="ignore"):
                log_weight = self._log_weights[friend_weight] = np.log(weight)
        return log_weight, self._candidate_distances


class _SharedFeatures:
    """One set of viewer features for every configuration of a grid fitted on the same training data."""

    def __init__(self) -> None:
        self._data: PlacesData | None = None
        self._features: _ViewerFeatures | None = None

    def of(self, data: PlacesData) -> _ViewerFeatures:
        if self._features is None or data is not self._data:
            self._data, self._features = data, _ViewerFeatures(data)
        return self._features


class _DecayedScorer:
    """(popularity + friend_weight × friends' reviews) × exp(−distance / bandwidth), ranked by its logarithm.

    The logarithm orders places exactly as the product does, but keeps far places apart where the product
    would underflow to a tie at 0 (a place 800 km away with a 1 km bandwidth).
    """

    def __init__(self, features: _ViewerFeatures, bandwidth_km: float, friend_weight: float) -> None:
        self._features = features
        self._bandwidth_km = bandwidth_km
        self._friend_weight = friend_weight

    def scores(self, viewer: Viewer, candidates: IntArray) -> FloatArray:
        log_weight, distances = self._features.of(viewer, candidates, self._friend_weight)
        scores: FloatArray = log_weight - distances / self._bandwidth_km
        return scores


def _checked(bandwidth_km: float) -> float:
    if not (bandwidth_km > 0 and math.isfinite(bandwidth_km)):
        raise ValueError("the bandwidth must be a positive number of kilometres")
    return bandwidth_km


class PopularityDistance:
    """Training review count × exp(−distance_km / bandwidth_km): popular places near home first."""

    name = "popularity_distance"

    def __init__(self, bandwidth_km: float = DEFAULT_BANDWIDTH_KM, shared: _SharedFeatures | None = None) -> None:
        self.bandwidth_km = _checked(bandwidth_km)
        self._shared = shared or _SharedFeatures()

    def parameters(self) -> dict[str, object]:
        return {"bandwidth_km": self.bandwidth_km, "score": "training reviews × exp(-distance_km / bandwidth_km)"}

    def grid(self) -> Sequence[PlaceMethod]:
        shared = _SharedFeatures()
        return [PopularityDistance(bandwidth, shared) for bandwidth in BANDWIDTHS_KM]

    def fit(self, data: PlacesData) -> PlaceScorer:
        return _DecayedScorer(self._shared.of(data), self.bandwidth_km, 0.0)


class PopularityFriendsDistance:
    """(Training review count + friend_weight × direct friends who reviewed it) × exp(−distance_km / bandwidth)."""

    name = "popularity_friends_distance"

    def __init__(
        self,
        bandwidth_km: float = DEFAULT_BANDWIDTH_KM,
        friend_weight: float = DEFAULT_FRIEND_WEIGHT,
        shared: _SharedFeatures | None = None,
    ) -> None:
        if not (friend_weight >= 0 and math.isfinite(friend_weight)):
            raise ValueError("the friend weight must be a non-negative number")
        self.bandwidth_km = _checked(bandwidth_km)
        self.friend_weight = friend_weight
        self._shared = shared or _SharedFeatures()

    def parameters(self) -> dict[str, object]:
        return {
            "bandwidth_km": self.bandwidth_km,
            "friend_weight": self.friend_weight,
            "score": "(training reviews + friend_weight × direct friends who reviewed the place) "
            "× exp(-distance_km / bandwidth_km)",
        }

    def grid(self) -> Sequence[PlaceMethod]:
        shared = _SharedFeatures()
        return [
            PopularityFriendsDistance(bandwidth, weight, shared)
            for bandwidth in BANDWIDTHS_KM
            for weight in FRIEND_WEIGHTS
        ]

    def fit(self, data: PlacesData) -> PlaceScorer:
        return _DecayedScorer(self._shared.of(data), self.bandwidth_km, self.friend_weight)


def distance_baselines() -> list[PlaceMethod]:
    """The strong peers: distance-damped popularity, without and with direct friends' word of mouth."""
    return [PopularityDistance(), PopularityFriendsDistance()]
