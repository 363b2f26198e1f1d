"""Ranking vendors as seen from one person and one place: vectorised scores, then explanations for the top."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from recommender.geo.distance import distances_km
from recommender.ranking.explanation import Explanation, ReviewerTerm
from recommender.ranking.model import RatingModel
from recommender.ranking.perspective import Perspective
from recommender.ranking.score import ScoreSettings, combine, proximity
from recommender.trust.graph import Relation


@dataclass(frozen=True)
class VendorGeometry:
    """Where vendors are and how far their customers travel: one entry per vendor index."""

    lats: NDArray[np.float64]
    """NaN when the vendor has no known position."""
    lons: NDArray[np.float64]
    radius_km: NDArray[np.float64]
    """The category's proximity radius."""
    service_radius_km: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    """How far a vendor without a public address travels to customers (0 for a shop)."""

    def __post_init__(self) -> None:
        if self.service_radius_km.size == 0:
            object.__setattr__(self, "service_radius_km", np.zeros(len(self.lats)))


class Ranker:
    """Scores vendors from the rating model, whose word counts for the viewer, and the distance to each."""

    def __init__(self, model: RatingModel, geometry: VendorGeometry, settings: ScoreSettings | None = None):
        self.model = model
        self.geometry = geometry
        self.settings = settings or ScoreSettings()

    def distances(self, items: NDArray[np.int64], origin: tuple[float, float] | None) -> NDArray[np.float64]:
        """Distance to each vendor's door or its service area's centre (NaN when unknown)."""
        if origin is None:
            return np.full(len(items), np.nan)
        return distances_km(origin[0], origin[1], self.geometry.lats[items], self.geometry.lons[items])

    def scores(
        self,
        perspective: Perspective,
        items: NDArray[np.int64],
        origin: tuple[float, float] | None,
        relevance: NDArray[np.float64] | float = 1.0,
        *,
        sums: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None,
        include_viewer_bias: bool = False,
    ) -> NDArray[np.float64]:
        """Scores of many vendors at once; ``sums`` from ``model.network_sums`` may be cached per trust perspective."""
        sums = sums if sums is not None else self.model.network_sums(perspective.weights)
        viewer = perspective.me if include_viewer_bias else None
        ratings = self.model.ratings_from_sums(items, sums, viewer)
        distance = self.distances(items, origin) - self.geometry.service_radius_km[items]
        closeness = proximity(distance, self.geometry.radius_km[items])
        return combine(ratings, closeness, relevance, self.settings, self.model.scale)

    def explain(
        self, perspective: Perspective, item: int, origin: tuple[float, float] | None, relevance: float = 1.0
    ) -> Explanation:
        """Every term behind one vendor's score; its ``score`` is computed from those terms alone."""
        model, g = self.model, self.geometry
        terms = model.terms(item, perspective.weights)
        people = model.authors[terms.reviews]
        relations = perspective.relations(people)
        # Plain Python lists: building a popular vendor's hundred terms from numpy scalars one by one is slow.
        reviewers = tuple(
            ReviewerTerm(
                person=person,
                stars=stars,
                expected=stars - surprise,
                weight=weight,
                trust=trust,
                agreement=agreement,
                age_days=age_days,
                age_factor=age,
                relation=relation,
                path=perspective.path_to(person) if relation is Relation.NETWORK else (),
            )
            for person, stars, surprise, weight, trust, agreement, age_days, age, relation in zip(
                people.tolist(),
                model.stars[terms.reviews].tolist(),
                model.surprises[terms.reviews].tolist(),
                terms.weights.tolist(),
                perspective.view.weights[people].tolist(),
                perspective.agreement[people].tolist(),
                model.ages_days[terms.reviews].tolist(),
                terms.age_factors.tolist(),
                relations,
                strict=True,
            )
        )
        distance = float(self.distances(np.array([item]), origin)[0])
        closeness = float(proximity(np.array([distance - g.service_radius_km[item]]), g.radius_km[item])[0])
        draft = Explanation(
            vendor=item,
            score=0.0,
            rating=terms.value(*model.scale),
            global_mean=terms.global_mean,
            vendor_bias=terms.vendor_bias,
            viewer_bias=0.0,
            network_shrinkage=terms.network_shrinkage,
            reviewers=reviewers,
            scale=model.scale,
            distance_km=None if np.isnan(distance) else distance,
            service_radius_km=float(g.service_radius_km[item]),
            radius_km=float(g.radius_km[item]),
            proximity=closeness,
            rating_weight=self.settings.rating_weight,
            relevance=relevance,
        )
        return replace(draft, score=draft.recompute())
