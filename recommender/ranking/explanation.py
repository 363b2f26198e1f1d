"""Why a vendor scored what it did: every number behind the score, and the arithmetic that joins them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from recommender.ranking.score import UNKNOWN_DISTANCE_PROXIMITY, known_by_network
from recommender.trust.graph import Relation

MOSTLY_UNKNOWN_SHARE = 0.5
"""From this share of a rating's weight on, the reason line says it comes mostly from people I don't know."""


@dataclass(frozen=True, slots=True)
class ReviewerTerm:
    """One review's pull on the rating: its stars against what its author usually gives, times its weight."""

    person: int
    """Whose opinion it is (the author)."""
    recorder: int
    """Who typed it: the author, or someone who recorded what the author told them (hearsay)."""
    stars: float
    expected: float
    """What the author would be expected to give a vendor of this category (the scale's centre, their habit, the
    category's prior as seen from me)."""
    surprise: float
    """How far the stars are above what was expected, as counted: ``stars − expected``, clipped to the pools'
    bound for people outside my network."""
    weight: float
    """What one review by its voice (the recorder) counts for me before bounds: trust, agreement, or the
    stranger's small share (0 if distrusted)."""
    trust: float
    """The voice's weight through the trust network (0 outside it)."""
    agreement: float
    """How like-minded the voice has proven on vendors we both reviewed."""
    age_days: float
    age_factor: float
    effective_weight: float
    """What it finally counts: ``weight`` × ``age_factor``, bounded for hearsay by my trust in the author, for
    everyone behind one contact by my trust in that contact, and shared in the like-minded or strangers' pool."""
    relation: Relation
    """How the voice stands to me."""
    path: tuple[int, ...]
    """Me → … → the voice, by person index; empty outside my network."""

    @property
    def hearsay(self) -> bool:
        return self.recorder != self.person

    @property
    def bounded(self) -> bool:
        """Whether a bound (hearsay, one contact's share, a pool) took weight away from this review."""
        return self.effective_weight < self.weight * self.age_factor * (1.0 - 1e-9)


@dataclass(frozen=True, slots=True)
class Reason:
    """What the one-line reason says, as facts for the UI and the CLI to put in words."""

    voice: int | None
    """The strongest positive voice from my network (never one who rated below the stars shown)."""
    others: int
    """How many more people of my network reviewed it (besides ``voice``; me not counted)."""
    mine: bool
    """Whether I reviewed it myself."""
    like_minded: int
    mostly_unknown: bool
    """People outside my network (strangers and the like-minded) carry most of the rating's weight."""


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything a vendor's score is made of; :meth:`recompute` gives back ``score`` from these parts alone."""

    vendor: int
    score: float
    rating: float
    level: float
    """Where ratings start: the scale's centre plus how generously my network (or, in evaluation, the viewer)
    rates."""
    category_prior: float
    """How far this category's vendors sit from the level, among the people I trust (and, within its bound, the
    pool of people outside my network)."""
    network_prior: float
    """The same among my network and me alone: what the ranking rating starts from."""
    network_shrinkage: float
    reviewers: tuple[ReviewerTerm, ...]
    scale: tuple[float, float]
    distance_km: float | None
    """Distance from the search location to the vendor (or its service area's centre), as used for ranking."""
    service_radius_km: float
    radius_km: float
    proximity: float
    rating_weight: float
    word_of_mouth_weight: float
    relevance: float

    @property
    def baseline(self) -> float:
        return self.level + self.category_prior

    @property
    def network_pull(self) -> float:
        total = sum(term.effective_weight for term in self.reviewers)
        pull = sum(term.effective_weight * term.surprise for term in self.reviewers)
        return pull / (self.network_shrinkage + total)

    @property
    def word_of_mouth(self) -> float:
        """How much my network (me included) recommends this vendor: the summed weight of their reviews, each
        times how much it recommends (−1 for the lowest stars, +1 for the highest)."""
        low, high = self.scale
        centre, half = (low + high) / 2.0, (high - low) / 2.0
        return sum(
            t.effective_weight * (t.stars - centre) / half
            for t in self.reviewers
            if t.relation in {Relation.ME, Relation.NETWORK}
        )

    @property
    def ranking_rating(self) -> float:
        """The rating my network and I alone give: what ranks (people I don't know only inform the stars shown)."""
        mine = [t for t in self.reviewers if t.relation in {Relation.ME, Relation.NETWORK}]
        total = sum(t.effective_weight for t in mine)
        # Each surprise is counted against the category prior shown; against the network's own prior instead:
        pull = sum(t.effective_weight * (t.surprise + self.category_prior - self.network_prior) for t in mine)
        # Not clipped to the scale, as in ``ranking.ranker``: it orders vendors, it is not shown.
        return self.level + self.network_prior + pull / (self.network_shrinkage + total)

    def recompute(self) -> float:
        """The score from the parts, step by step as documented in ``ranking.evidence`` and ``ranking.score``."""
        low, high = self.scale
        rating = self.ranking_rating
        if self.distance_km is None:
            closeness = UNKNOWN_DISTANCE_PROXIMITY
        else:
            closeness = math.exp(-max(self.distance_km - self.service_radius_km, 0.0) / self.radius_km)
        alpha, beta = self.rating_weight, self.word_of_mouth_weight
        known = float(known_by_network(self.word_of_mouth))
        quality = (1.0 - beta) * (rating - low) / (high - low) + beta * (1.0 + known) / 2.0
        return self.relevance * (alpha * quality + (1.0 - alpha) * closeness)

    def network(self) -> list[ReviewerTerm]:
        """Reviewers from my network (me included), most influential first."""
        mine = [t for t in self.reviewers if t.relation in {Relation.ME, Relation.NETWORK}]
        return sorted(mine, key=lambda t: (-t.effective_weight, t.person))

    def unknown_share(self) -> float:
        """The share of the rating's weight that comes from people outside my network."""
        total = sum(t.effective_weight for t in self.reviewers)
        outside = sum(
            t.effective_weight for t in self.reviewers if t.relation in {Relation.STRANGER, Relation.LIKE_MINDED}
        )
        return outside / total if total > 0 else 0.0

    def reason(self) -> Reason:
        """The facts of the one-line reason: the strongest voice from my network who rated at least the stars
        shown, how many others, and whether people I don't know carry most of the weight."""
        shown = round(self.rating, 1)
        network = [t for t in self.network() if t.relation is Relation.NETWORK and t.effective_weight > 0]
        positive = [t for t in network if t.stars >= shown]
        voice = positive[0].recorder if positive else None
        people = {t.recorder for t in network}
        return Reason(
            voice=voice,
            others=len(people - {voice}) if voice is not None else len(people),
            mine=any(t.relation is Relation.ME for t in self.reviewers),
            like_minded=len({t.recorder for t in self.reviewers if t.relation is Relation.LIKE_MINDED}),
            mostly_unknown=self.unknown_share() >= MOSTLY_UNKNOWN_SHARE,
        )
