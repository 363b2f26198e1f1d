"""Whose word counts, and how much, as seen from one person: me, my network, the like-minded, and strangers.

Everyone falls in exactly one class. My network (trust paths of at least the network floor) weighs by trust. People
outside it whose verdicts have matched mine are *like-minded* and weigh by that agreement; everyone else is a
stranger and weighs a little each. Together, the like-minded and strangers are one bounded pool: whatever their
number, they count no more than ``stranger_weight`` for any one vendor (the pool is filled in
``ranking.evidence``). Distrust wins over everything: someone I distrust weighs nothing however much we
agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from recommender.ranking.model import RatingModel
from recommender.trust.graph import Relation, TrustView

ME, NETWORK, LIKE_MINDED, BLOCKED, STRANGER = range(5)
"""Class codes, in the order of ``_RELATIONS``."""
_RELATIONS = (Relation.ME, Relation.NETWORK, Relation.LIKE_MINDED, Relation.BLOCKED, Relation.STRANGER)

LIKE_MINDED_LIMIT = 50
"""At most this many people count as like-minded: the ones who agree with me most."""

STRANGER_EACH = 0.01
"""What one stranger's review counts before the strangers' pool is full."""


@dataclass(frozen=True)
class Perspective:
    view: TrustView
    agreement: NDArray[np.float64]
    """How like-minded each person has proven (0 for me, my network, and blocked people)."""
    classes: NDArray[np.int8]
    weights: NDArray[np.float64]
    """What one review by each person counts before pools and caps: 1 for me, trust for my network, agreement
    for the like-minded, ``STRANGER_EACH`` for strangers, 0 for blocked people."""

    @classmethod
    def of(cls, view: TrustView, model: RatingModel, agreement: NDArray[np.float64] | None = None) -> Perspective:
        """``agreement`` may be passed in when known: it depends on the viewer, not on the category."""
        if agreement is None:
            agreement = model.agreement(view.me) if view.me >= 0 else np.zeros(len(view.weights))
        n = len(view.weights)
        classes = np.full(n, STRANGER, dtype=np.int8)
        candidates = np.flatnonzero(agreement > 0)
        if len(candidates) > LIKE_MINDED_LIMIT:
            # Only the most like-minded are told apart from strangers: they share one small bounded pool anyway,
            # and a viewer then costs the same however many people happen to agree a little.
            order = np.lexsort((candidates, -agreement[candidates]))
            candidates = candidates[order[:LIKE_MINDED_LIMIT]]
        classes[candidates] = LIKE_MINDED
        network = view.network
        classes[network] = NETWORK
        classes[view.blocked] = BLOCKED
        if view.me >= 0:
            classes[view.me] = ME
        agreement = np.where(classes == LIKE_MINDED, agreement, 0.0)
        weights = np.select(
            [classes == ME, classes == NETWORK, classes == LIKE_MINDED, classes == STRANGER],
            [1.0, view.weights, agreement * model.settings.agreement_weight, STRANGER_EACH],
            0.0,
        )
        return cls(view, agreement, classes, weights)

    @property
    def me(self) -> int:
        return self.view.me

    def relation(self, person: int) -> Relation:
        return _RELATIONS[int(self.classes[person])]

    def relations(self, people: NDArray[np.int64]) -> list[Relation]:
        """:meth:`relation` for many people at once."""
        return [_RELATIONS[code] for code in self.classes[people].tolist()]

    def path_to(self, person: int) -> tuple[int, ...]:
        return self.view.path_to(person)
