"""The trust graph: how much each person's word counts as seen from me, and the path that connects us.

My own trust in a contact is their weight. Beyond them, trust does not multiply: what a person vouches for is
*shared* among everyone they vouch for (flow-style, as in Advogato and Appleseed), so a contact who trusts a
thousand accounts passes each of them a thousandth of what one trusted friend would get:

    w(b) = w(a) · decay · level(a→b) / max(1, Σ level(a→·))        for every link a→b after the first

A person's weight is the best such value over paths of at most ``horizon`` links. Each person reached also
remembers the *root* of that path, the contact of mine it starts with: the rating model caps the total weight of
everyone behind one contact at my trust in that contact. Trust scoped to a category replaces general trust
between the same two people for that category. A link with level <= 0 is distrust: it is never followed, and
anyone I distrust directly weighs nothing even if others vouch for them. Everyone else (beyond the horizon,
unconnected, or reached with less than ``network_floor``) is a stranger here: their trust weight is 0, and the
rating model gives all strangers together one bounded share (``stranger_weight``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from recommender.arrays import ranges

GENERAL = -1
"""The category code of general (unscoped) trust."""


@dataclass(frozen=True, slots=True)
class TrustSettings:
    """How trust spreads: the user can change all three in the settings."""

    horizon: int = 3
    decay: float = 0.7
    stranger_weight: float = 0.07
    """The most that everyone outside my network (strangers and the like-minded) counts for one vendor, all of
    them together (not each)."""
    network_floor: float = 0.01
    """The least weight that makes someone "in my network"; reached more faintly they count as strangers."""

    def __post_init__(self) -> None:
        if not 1 <= self.horizon <= 6:
            raise ValueError(f"horizon must be 1-6 hops, got {self.horizon}")
        if not 0.0 < self.decay <= 1.0:
            raise ValueError(f"decay must be in (0, 1], got {self.decay}")
        if not 0.0 <= self.stranger_weight < 1.0:
            raise ValueError(f"stranger weight must be in [0, 1), got {self.stranger_weight}")
        if not 0.0 < self.network_floor < 1.0:
            raise ValueError(f"network floor must be in (0, 1), got {self.network_floor}")


class Relation(StrEnum):
    """How a person stands as seen from me."""

    ME = "me"
    NETWORK = "network"
    LIKE_MINDED = "like_minded"
    """Not (or barely) connected, but their verdicts have matched mine: see ``ranking.perspective``."""
    STRANGER = "stranger"
    BLOCKED = "blocked"


@dataclass(frozen=True, slots=True)
class _Adjacency:
    """Outgoing links by truster in compressed sparse row form."""

    offsets: NDArray[np.int64]
    targets: NDArray[np.int32]
    levels: NDArray[np.float64]


def _adjacency(
    n_people: int, truster: NDArray[np.int32], trustee: NDArray[np.int32], level: NDArray[np.float64]
) -> _Adjacency:
    order = np.lexsort((trustee, truster))
    counts = np.bincount(truster, minlength=n_people)
    offsets = np.zeros(n_people + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return _Adjacency(offsets, trustee[order].astype(np.int32), level[order].astype(np.float64))


@dataclass(frozen=True)
class TrustView:
    """Everyone's weight as seen from one person, with the best path to each for explanations."""

    me: int
    settings: TrustSettings
    weights: NDArray[np.float64]
    """The trust weight of each person in my network (1 for me); 0 for strangers and blocked people."""
    path_weights: NDArray[np.float64]
    """The best path's value, however faint (0 when there is no path within the horizon)."""
    hops: NDArray[np.int8]
    """Links on the best path (0 for me, -1 when unconnected within the horizon)."""
    parents_by_round: tuple[NDArray[np.int32], ...]
    """Each person's predecessor after each round: a later round may improve a person's weight, so a path
    found in round h must be traced through the predecessors as they stood in rounds h-1, h-2, ..."""
    blocked: NDArray[np.bool_]
    roots: NDArray[np.int32]
    """The first person after me on each person's best path (-1 for me and the unconnected)."""

    @property
    def network(self) -> NDArray[np.bool_]:
        """Who is in my network: reached within the horizon with at least the network floor, not me."""
        return (self.hops > 0) & (self.path_weights >= self.settings.network_floor) & ~self.blocked

    def relation(self, person: int) -> Relation:
        if person == self.me:
            return Relation.ME
        if self.blocked[person]:
            return Relation.BLOCKED
        if self.hops[person] > 0 and self.path_weights[person] >= self.settings.network_floor:
            return Relation.NETWORK
        return Relation.STRANGER

    def path_to(self, person: int) -> tuple[int, ...]:
        """The people on the best path from me to ``person`` (both included); empty when unconnected."""
        if person == self.me:
            return (person,)
        hop = int(self.hops[person])
        if hop <= 0:
            return ()
        path = [person]
        for round_ in range(hop, 0, -1):
            path.append(int(self.parents_by_round[round_][path[-1]]))
        assert path[-1] == self.me
        return tuple(reversed(path))


class TrustGraph:
    """Directed trust links among ``n_people`` people, by dense person index."""

    def __init__(
        self,
        n_people: int,
        truster: NDArray[np.integer],
        trustee: NDArray[np.integer],
        level: NDArray[np.floating],
        category: NDArray[np.integer] | None = None,
    ):
        self.n_people = n_people
        truster = np.asarray(truster, dtype=np.int32)
        trustee = np.asarray(trustee, dtype=np.int32)
        level = np.asarray(level, dtype=np.float64)
        category = (
            np.full(len(truster), GENERAL, dtype=np.int32) if category is None else np.asarray(category, np.int32)
        )
        if not len(truster) == len(trustee) == len(level) == len(category):
            raise ValueError("trust arrays must have the same length")
        if len(truster) and (min(truster.min(), trustee.min()) < 0 or max(truster.max(), trustee.max()) >= n_people):
            raise ValueError("trust links refer to people outside 0..n_people-1")
        keep = truster != trustee
        truster, trustee, level, category = truster[keep], trustee[keep], level[keep], category[keep]
        self.link_count = len(truster)
        general = category == GENERAL
        self._general = _adjacency(n_people, truster[general], trustee[general], level[general])
        # Scoped links sorted by (category, truster): a category's links from any set of people are found with
        # two binary searches, so a category's view costs no more than the general one.
        order = np.lexsort((trustee[~general], truster[~general], category[~general]))
        self._scoped_category = category[~general][order]
        self._scoped_truster = truster[~general][order]
        self._scoped_trustee = trustee[~general][order]
        self._scoped_level = level[~general][order]
        self._scoped_categories = frozenset(int(c) for c in np.unique(self._scoped_category))

    def out_degrees(self) -> NDArray[np.int64]:
        """How many general trust links each person gives."""
        return np.diff(self._general.offsets)

    def links(self) -> tuple[NDArray[np.int32], NDArray[np.int32], NDArray[np.float64], NDArray[np.int32]]:
        """Every link as (truster, trustee, level, category) arrays: what a rebuild after an edit starts from."""
        truster = np.repeat(np.arange(self.n_people, dtype=np.int32), self.out_degrees())
        general = np.full(len(truster), GENERAL, dtype=np.int32)
        return (
            np.concatenate([truster, self._scoped_truster]),
            np.concatenate([self._general.targets, self._scoped_trustee]),
            np.concatenate([self._general.levels, self._scoped_level]),
            np.concatenate([general, self._scoped_category]),
        )

    @property
    def scoped_categories(self) -> frozenset[int]:
        """Categories for which some trust is scoped."""
        return self._scoped_categories

    def _links_from(
        self, people: NDArray[np.int32], category: int
    ) -> tuple[NDArray[np.int32], NDArray[np.int32], NDArray[np.float64]]:
        """Outgoing links of ``people`` for a category: scoped links replace general ones between the same two."""
        sources, targets, levels = _links_from(self._general, people)
        if category == GENERAL or category not in self._scoped_categories:
            return sources, targets, levels
        low, high = np.searchsorted(self._scoped_category, [category, category + 1])
        trusters = self._scoped_truster[low:high]
        starts = np.searchsorted(trusters, people, side="left") + low
        counts = np.searchsorted(trusters, people, side="right") + low - starts
        if counts.sum() == 0:
            return sources, targets, levels
        positions = ranges(starts, counts)
        scoped_sources = np.repeat(people, counts)
        scoped_targets = self._scoped_trustee[positions]
        n = np.int64(self.n_people)
        replaced = np.isin(sources.astype(np.int64) * n + targets, scoped_sources.astype(np.int64) * n + scoped_targets)
        return (
            np.concatenate([sources[~replaced], scoped_sources]),
            np.concatenate([targets[~replaced], scoped_targets]),
            np.concatenate([levels[~replaced], self._scoped_level[positions]]),
        )

    def direct_links(self, person: int, category: int = GENERAL) -> list[tuple[int, float]]:
        """The people ``person`` trusts or distrusts directly (for this category), with their levels."""
        _, targets, levels = self._links_from(np.array([person], dtype=np.int32), category)
        return sorted((int(t), float(v)) for t, v in zip(targets, levels, strict=True))

    def categories_differing_from_general(self, view: TrustView) -> frozenset[int]:
        """Categories whose view from ``view.me`` can differ from ``view`` (the general one): those with a scoped
        link from someone the general view reaches in fewer hops than the horizon. For all other categories no
        path within the horizon can use a scoped link, so the general view is theirs too."""
        if view.me < 0 or not self._scoped_categories:
            return frozenset()
        reach = (view.hops >= 0) & (view.hops < view.settings.horizon)
        return frozenset(int(c) for c in np.unique(self._scoped_category[reach[self._scoped_truster]]))

    def view_from(self, me: int, settings: TrustSettings | None = None, category: int = GENERAL) -> TrustView:
        """Everyone's weight as seen from ``me``, through best paths of at most ``settings.horizon`` links."""
        settings = settings or TrustSettings()
        n = self.n_people
        best = np.zeros(n, dtype=np.float64)
        hops = np.full(n, -1, dtype=np.int8)
        parents = np.full(n, -1, dtype=np.int32)
        best[me], hops[me] = 1.0, 0

        blocked = np.zeros(n, dtype=np.bool_)
        _, mine, my_levels = self._links_from(np.array([me], dtype=np.int32), category)
        blocked[mine[my_levels <= 0]] = True

        rounds = [parents.copy()]
        frontier = np.array([me], dtype=np.int32)
        for hop in range(1, settings.horizon + 1):
            if frontier.size == 0:
                break
            sources, targets, levels = self._links_from(frontier, category)
            # What a person vouches for is shared among all they vouch for (me and blocked people included: they
            # still take their part of it), so vouching for many dilutes each one instead of multiplying.
            vouched = np.bincount(sources, np.maximum(levels, 0.0), n)
            usable = (levels > 0) & ~blocked[targets] & (targets != me)
            sources, targets, levels = sources[usable], targets[usable], levels[usable]
            first = sources == me
            shares = np.where(first, levels, settings.decay * levels / np.maximum(vouched[sources], 1.0))
            # Hop-limited Bellman-Ford: candidates come from values of paths no longer than hop - 1 links.
            candidates = best[sources] * shares
            order = np.lexsort((sources, -candidates, targets))
            targets_sorted = targets[order]
            firsts = np.flatnonzero(np.r_[True, targets_sorted[1:] != targets_sorted[:-1]]) if order.size else order
            winners = order[firsts]
            improved = winners[candidates[winners] > best[targets[winners]]]
            reached = targets[improved]
            best[reached] = candidates[improved]
            parents[reached] = sources[improved]
            hops[reached] = hop
            rounds.append(parents.copy())
            frontier = reached.astype(np.int32)

        network = (hops > 0) & (best >= settings.network_floor) & ~blocked
        weights = np.where(network, best, 0.0)
        weights[me] = 1.0
        return TrustView(me, settings, weights, best, hops, tuple(rounds), blocked, _roots(me, hops, rounds))


def _roots(me: int, hops: NDArray[np.int8], rounds: list[NDArray[np.int32]]) -> NDArray[np.int32]:
    """The first link of every best path, traced back through the predecessors round by round."""
    roots = np.full(len(hops), -1, dtype=np.int32)
    for hop in range(1, len(rounds)):
        people = np.flatnonzero(hops == hop).astype(np.int32)
        current = people
        for round_ in range(hop, 1, -1):
            current = rounds[round_][current]
        roots[people] = current
    roots[me] = -1
    return roots


def _links_from(
    adjacency: _Adjacency, people: NDArray[np.int32]
) -> tuple[NDArray[np.int32], NDArray[np.int32], NDArray[np.float64]]:
    """All outgoing links of ``people`` as parallel (source, target, level) arrays, without a Python loop."""
    starts = adjacency.offsets[people]
    counts = adjacency.offsets[people + 1] - starts
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty, np.zeros(0, dtype=np.float64)
    positions = ranges(starts, counts)
    return np.repeat(people, counts), adjacency.targets[positions], adjacency.levels[positions]
