"""The most relied-upon recommenders in my network: whose reviews carry the most weight as seen from me."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import numpy as np

from recommender.engine.recommender import Recommender
from recommender.trust.graph import Relation


@dataclass(frozen=True, slots=True)
class ReliedUponRecommender:
    """One person whose word counts for me, and why."""

    id: uuid.UUID
    name: str
    relation: Relation
    weight: float
    """Their weight as seen from me (general trust, or like-mindedness when that is higher)."""
    review_count: int
    reliance: float
    """``weight`` × ``review_count``: how much of what I am shown rests on them."""
    path: tuple[str, ...]
    """The names on the best trust path from me to them (empty when only like-mindedness connects us)."""


def most_relied_upon(engine: Recommender, limit: int = 10) -> list[ReliedUponRecommender]:
    """The people in my network (trusted or like-minded) ranked by weight × reviews, best first."""
    snapshot = engine.snapshot
    perspective = engine.view()
    model = snapshot.model
    counts = np.bincount(model.authors, minlength=len(snapshot.people.ids)).astype(np.float64)
    reliance = perspective.weights * counts
    candidates = np.flatnonzero(reliance > 0)
    relations = perspective.relations(candidates.astype(np.int64))
    chosen = [
        (int(person), relation)
        for person, relation in zip(candidates.tolist(), relations, strict=True)
        if relation in {Relation.NETWORK, Relation.LIKE_MINDED}
    ]
    chosen.sort(key=lambda pair: (-reliance[pair[0]], snapshot.people.names[pair[0]], pair[0]))
    names = snapshot.people.names
    return [
        ReliedUponRecommender(
            id=snapshot.person_uuid(person),
            name=names[person],
            relation=relation,
            weight=float(perspective.weights[person]),
            review_count=int(counts[person]),
            reliance=float(reliance[person]),
            path=tuple(names[p] for p in perspective.path_to(person)),
        )
        for person, relation in chosen[:limit]
    ]


__all__ = ["ReliedUponRecommender", "most_relied_upon"]
