"""Why a vendor scored what it did: every number behind the score, and the arithmetic that joins them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from recommender.ranking.score import UNKNOWN_DISTANCE_PROXIMITY
from recommender.trust.graph import Relation


@dataclass(frozen=True, slots=True)
class ReviewerTerm:
    """One reviewer's pull on the rating: their stars against what they usually give, times my trust in them."""

    person: int
    stars: float
    expected: float
    """What this reviewer would be expected to give this vendor (their habit plus its reputation)."""
    weight: float
    """What this reviewer's word counts for me: the larger of ``trust`` and ``agreement`` (0 if distrusted)."""
    trust: float
    """Their weight through the trust network (the stranger weight when unconnected)."""
    agreement: float
    """How like-minded they have proven on vendors we both reviewed."""
    age_days: float
    age_factor: float
    relation: Relation
    path: tuple[int, ...]
    """Me → … → them, by person index; empty for strangers."""

    @property
    def surprise(self) -> float:
        return self.stars - self.expected

    @property
    def effective_weight(self) -> float:
        return self.weight * self.age_factor


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything a vendor's score is made of; :meth:`recompute` gives back ``score`` from these parts alone."""

    vendor: int
    score: float
    rating: float
    global_mean: float
    vendor_bias: float
    viewer_bias: float
    network_shrinkage: float
    reviewers: tuple[ReviewerTerm, ...]
    scale: tuple[float, float]
    distance_km: float | None
    """Distance from the search location to the vendor (or its service area's centre), as used for ranking."""
    service_radius_km: float
    radius_km: float
    proximity: float
    rating_weight: float
    relevance: float

    @property
    def baseline(self) -> float:
        return self.global_mean + self.vendor_bias + self.viewer_bias

    @property
    def network_pull(self) -> float:
        total = sum(term.effective_weight for term in self.reviewers)
        pull = sum(term.effective_weight * term.surprise for term in self.reviewers)
        return pull / (self.network_shrinkage + total)

    def recompute(self) -> float:
        """The score from the parts, step by step as documented in ``ranking.model`` and ``ranking.score``."""
        low, high = self.scale
        rating = min(max(self.baseline + self.network_pull, low), high)
        if self.distance_km is None:
            closeness = UNKNOWN_DISTANCE_PROXIMITY
        else:
            closeness = math.exp(-max(self.distance_km - self.service_radius_km, 0.0) / self.radius_km)
        alpha = self.rating_weight
        return self.relevance * (alpha * (rating - low) / (high - low) + (1.0 - alpha) * closeness)

    def network(self) -> list[ReviewerTerm]:
        """Reviewers from my network (me included), most influential first."""
        mine = [t for t in self.reviewers if t.relation in {Relation.ME, Relation.NETWORK}]
        return sorted(mine, key=lambda t: (-t.effective_weight, t.person))
