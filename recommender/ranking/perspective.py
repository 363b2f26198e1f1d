"""Whose word counts, and how much, as seen from one person: trust through the network, or shared taste.

A person's weight is the larger of what trust gives them (a path through people I trust) and how like-minded
they have proven (their verdicts on vendors we both reviewed surprised in the same direction as mine). Distrust
still wins: someone I distrust weighs nothing however much we agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from recommender.ranking.model import RatingModel
from recommender.trust.graph import Relation, TrustView


@dataclass(frozen=True)
class Perspective:
    view: TrustView
    agreement: NDArray[np.float64]
    weights: NDArray[np.float64]

    @classmethod
    def of(cls, view: TrustView, model: RatingModel, agreement: NDArray[np.float64] | None = None) -> Perspective:
        """``agreement`` may be passed in when known: it depends on the viewer, not on the category."""
        if agreement is None:
            agreement = model.agreement(view.me) if view.me >= 0 else np.zeros(len(view.weights))
        agreement = agreement.copy()
        agreement[view.blocked] = 0.0
        weights = np.maximum(view.weights, agreement)
        if view.me >= 0:
            weights[view.me] = 1.0
            agreement[view.me] = 0.0
        return cls(view, agreement, weights)

    @property
    def me(self) -> int:
        return self.view.me

    def relation(self, person: int) -> Relation:
        relation = self.view.relation(person)
        if relation in {Relation.NETWORK, Relation.STRANGER} and self.agreement[person] > self.view.weights[person]:
            return Relation.LIKE_MINDED
        return relation

    def relations(self, people: NDArray[np.int64]) -> list[Relation]:
        """:meth:`relation` for many people at once."""
        view = self.view
        codes = np.full(len(people), 4, dtype=np.int8)  # stranger
        trust = view.weights[people]
        network = (view.hops[people] > 0) & (view.path_weights[people] >= view.settings.stranger_weight)
        codes[network] = 1
        codes[(codes != 0) & (self.agreement[people] > trust)] = 2
        codes[view.blocked[people]] = 3
        codes[people == view.me] = 0
        table = (Relation.ME, Relation.NETWORK, Relation.LIKE_MINDED, Relation.BLOCKED, Relation.STRANGER)
        return [table[code] for code in codes.tolist()]

    def path_to(self, person: int) -> tuple[int, ...]:
        return self.view.path_to(person)
