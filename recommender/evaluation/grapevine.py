"""Grapevine's own predictor and ranker, run through the evaluation exactly as the app runs them."""

from __future__ import annotations

from dataclasses import asdict

import numpy as np

from recommender.evaluation.datasets import PlacesData, RatingsData
from recommender.evaluation.place_methods import STAR_SCALE, PerViewerScorer, PlaceScorer, Viewer, review_stars
from recommender.evaluation.rating_methods import Predictions, RatingPredictor
from recommender.evaluation.tables import FloatArray, IntArray
from recommender.ranking.evidence import gather, ratings
from recommender.ranking.model import RatingModel, RatingSettings
from recommender.ranking.perspective import Perspective
from recommender.ranking.ranker import Ranker, VendorGeometry
from recommender.ranking.score import ScoreSettings
from recommender.trust.graph import TrustGraph, TrustSettings

DEFAULT_RADIUS_KM = 10.0
"""Yelp's categories are bare ids, so one radius stands in for the taxonomy's (2–40 km, median 10 km)."""


def _dense_categories(categories: IntArray | None) -> IntArray | None:
    """The model wants categories 0..n-1 for every item; unknown ones (-1) share a category of their own."""
    if categories is None:
        return None
    unknown = int(categories.max()) + 1 if len(categories) else 0
    return np.where(categories < 0, unknown, categories)


class GrapevineRatings:
    """Predict a held-out rating as the app would show it to that user: the rating model seen through the
    user's own trust view, with the user's own rating habit (viewer bias) included."""

    name = "grapevine"

    def __init__(self, trust: TrustSettings | None = None, rating: RatingSettings | None = None) -> None:
        self.trust = trust or TrustSettings()
        self.rating = rating or RatingSettings()

    def parameters(self) -> dict[str, object]:
        return {
            "trust": asdict(self.trust),
            "rating": asdict(self.rating),
            "viewer_bias": True,
            "own_evidence": "the item or the user has training ratings (otherwise: the global mean)",
            "trusted_coverage": "share of test ratings whose item someone in the user's trust network rated",
        }

    def fit(self, train: RatingsData) -> RatingPredictor:
        model = RatingModel(
            train.n_users,
            train.n_items,
            train.users,
            train.items,
            train.ratings,
            ages_days=train.ages_days,
            item_categories=_dense_categories(train.item_category),
            scale=(float(train.ratings.min()), float(train.ratings.max())),
            settings=self.rating,
        )
        graph = TrustGraph(train.n_users, train.trust.truster, train.trust.trustee, train.trust.level)
        return _GrapevinePredictor(model, graph, self.trust)


class _GrapevinePredictor:
    def __init__(self, model: RatingModel, graph: TrustGraph, settings: TrustSettings) -> None:
        self._model = model
        self._graph = graph
        self._settings = settings
        self._user_counts = np.bincount(model.authors, minlength=model.n_people)

    def predict(self, users: IntArray, items: IntArray) -> Predictions:
        values = np.empty(len(users), dtype=np.float64)
        trusted = np.zeros(len(users), dtype=np.bool_)
        order = np.argsort(users, kind="stable")
        model = self._model
        for group in np.split(order, np.flatnonzero(np.diff(users[order])) + 1):
            if len(group) == 0:
                continue
            viewer = int(users[group[0]])
            perspective = Perspective.of(self._graph.view_from(viewer, self._settings), model)
            # Only the asked vendors' evidence: a pass over every vendor per user would make evaluation quadratic.
            evidence = gather(model, perspective, items[group])
            values[group] = ratings(model, evidence, viewer)
            trusted[group] = evidence.heard > 0
        own = (self._model.review_counts[items] > 0) | (self._user_counts[users] > 0)
        return Predictions(values, own, trusted=trusted)


class GrapevinePlaces:
    """Rank places with the app's ranker from the user's home, friends as trust, the training reviews as the
    directory's reviews."""

    name = "grapevine"

    def __init__(
        self,
        radius_km: float = DEFAULT_RADIUS_KM,
        trust: TrustSettings | None = None,
        rating: RatingSettings | None = None,
        score: ScoreSettings | None = None,
    ) -> None:
        if radius_km <= 0:
            raise ValueError("the radius must be positive")
        self.radius_km = radius_km
        self.trust = trust or TrustSettings()
        self.rating = rating or RatingSettings()
        self.score = score or ScoreSettings()

    def parameters(self) -> dict[str, object]:
        return {
            "radius_km": self.radius_km,
            "trust": asdict(self.trust),
            "rating": asdict(self.rating),
            "score": asdict(self.score),
            "category_prior": "each place's first listed category",
        }

    def fit(self, data: PlacesData) -> PlaceScorer:
        model = RatingModel(
            data.n_users,
            data.n_places,
            data.train.users,
            data.train.places,
            review_stars(data.train),
            item_categories=_first_categories(data),
            scale=STAR_SCALE,
            settings=self.rating,
        )
        geometry = VendorGeometry(data.lat, data.lon, np.full(data.n_places, self.radius_km))
        graph = TrustGraph(data.n_users, data.friends.truster, data.friends.trustee, data.friends.level)
        return _GrapevineScorer(Ranker(model, geometry, self.score), graph, self.trust)


def _first_categories(data: PlacesData) -> IntArray | None:
    if not data.has_categories:
        return None
    first = np.full(data.n_places, -1, dtype=np.int64)
    # Reversed, so that the first row listed for a place is the one written last.
    first[data.category_places[::-1]] = data.category_ids[::-1]
    return _dense_categories(first)


class _GrapevineScorer(PerViewerScorer):
    def __init__(self, ranker: Ranker, graph: TrustGraph, settings: TrustSettings) -> None:
        super().__init__()
        self._ranker = ranker
        self._graph = graph
        self._settings = settings
        self._everywhere = np.arange(ranker.model.n_items, dtype=np.int64)

    def all_scores(self, viewer: Viewer) -> FloatArray:
        view = self._graph.view_from(viewer.user, self._settings)
        perspective = Perspective.of(view, self._ranker.model)
        evidence = gather(self._ranker.model, perspective)
        return self._ranker.scores(perspective, self._everywhere, (viewer.lat, viewer.lon), evidence=evidence)
