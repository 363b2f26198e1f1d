"""Ranking vendors as seen from one person and one place: vectorised scores, then explanations for the top."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from recommender.geo.distance import distances_km
from recommender.ranking.evidence import Evidence, gather, level, ratings, vendor_weights
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
        evidence: Evidence | None = None,
        include_viewer_bias: bool = False,
    ) -> NDArray[np.float64]:
        """Scores of many vendors at once; ``evidence`` from ``gather`` over every vendor may be cached per
        perspective (it is then indexed by vendor)."""
        model = self.model
        if evidence is None:
            evidence = gather(model, perspective, items)
            positions: NDArray[np.int64] | slice = slice(None)
        else:
            positions = items
        viewer = perspective.me if include_viewer_bias and perspective.me >= 0 else None
        # Not clipped to the scale: two vendors my network rates below its floor still rank by how far below.
        rated = ratings(model, evidence, viewer, network_only=True, clipped=False)[positions]
        distance = self.distances(items, origin) - self.geometry.service_radius_km[items]
        closeness = proximity(distance, self.geometry.radius_km[items])
        return combine(rated, closeness, relevance, self.settings, model.scale, evidence.network[positions])

    def explain(
        self,
        perspective: Perspective,
        item: int,
        origin: tuple[float, float] | None,
        relevance: float = 1.0,
        *,
        evidence: Evidence | None = None,
    ) -> Explanation:
        """Every term behind one vendor's score; its ``score`` is computed from those terms alone. ``evidence``
        (from ``gather``, for any vendors) supplies the category priors and my network's habit."""
        model, g = self.model, self.geometry
        if evidence is None:
            evidence = gather(model, perspective, np.array([item], dtype=np.int64))
        prior = float(evidence.priors.prior[model.item_categories[item]])
        network_prior = float(evidence.priors.network_prior[model.item_categories[item]])
        reviews, omega, counted = vendor_weights(model, perspective, item)
        voices = model.voices[reviews]
        relations = perspective.relations(voices)
        centre = model.centre
        # Plain Python lists: building a popular vendor's hundred terms from numpy scalars one by one is slow.
        reviewers = tuple(
            ReviewerTerm(
                person=person,
                recorder=voice,
                stars=stars,
                expected=centre + habit + prior,
                surprise=counts - prior,
                weight=weight,
                trust=trust,
                agreement=agreement,
                age_days=days,
                age_factor=age,
                effective_weight=effective,
                relation=relation,
                path=perspective.path_to(voice) if relation is Relation.NETWORK else (),
            )
            for person, voice, stars, habit, counts, weight, trust, agreement, days, age, effective, relation in zip(
                model.authors[reviews].tolist(),
                voices.tolist(),
                model.stars[reviews].tolist(),
                model.review_habits[reviews].tolist(),
                counted.tolist(),
                perspective.weights[voices].tolist(),
                perspective.view.weights[voices].tolist(),
                perspective.agreement[voices].tolist(),
                model.ages_days[reviews].tolist(),
                model.age_factors[reviews].tolist(),
                omega.tolist(),
                relations,
                strict=True,
            )
        )
        distance = float(self.distances(np.array([item]), origin)[0])
        closeness = float(proximity(np.array([distance - g.service_radius_km[item]]), g.radius_km[item])[0])
        draft = Explanation(
            vendor=item,
            score=0.0,
            rating=0.0,
            level=level(model, evidence),
            category_prior=prior,
            network_prior=network_prior,
            network_shrinkage=model.settings.network_shrinkage,
            reviewers=reviewers,
            scale=model.scale,
            distance_km=None if np.isnan(distance) else distance,
            service_radius_km=float(g.service_radius_km[item]),
            radius_km=float(g.radius_km[item]),
            proximity=closeness,
            rating_weight=self.settings.rating_weight,
            word_of_mouth_weight=self.settings.word_of_mouth_weight,
            relevance=relevance,
        )
        low, high = model.scale
        rating = min(max(draft.baseline + draft.network_pull, low), high)
        return replace(draft, rating=rating, score=draft.recompute())
