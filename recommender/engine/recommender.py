"""The engine the app and the CLI ask "who should I use?": search, rank and explain as seen from me."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from recommender.arrays import group
from recommender.engine.snapshot import Snapshot, load_snapshot
from recommender.engine.snapshot_cache import CacheKey, SnapshotCache, WarmedSums
from recommender.geo.distance import geodesic_km
from recommender.geo.home import get_home
from recommender.hours import OPEN, HoursColumn
from recommender.ranking.evidence import (
    Evidence,
    copy_evidence,
    empty_evidence,
    fields_of,
    gather,
    network_habit,
    ratings,
)
from recommender.ranking.explanation import Explanation
from recommender.ranking.model import RatingSettings
from recommender.ranking.perspective import Perspective
from recommender.ranking.ranker import Ranker
from recommender.ranking.score import ScoreSettings
from recommender.search.index import SearchIndex
from recommender.storage.database import Database
from recommender.taxonomy import load_taxonomy
from recommender.trust.graph import GENERAL, TrustSettings, TrustView


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What a result must satisfy besides matching the text."""

    min_rating: float | None = None
    max_distance_km: float | None = None
    """Vendors whose distance is unknown are left out when this is set."""
    network_only: bool = False
    """Only vendors reviewed by me or someone in my network."""
    open_at: dt.datetime | None = None
    """Only vendors whose opening hours say they are open at this local time ("open now"); vendors without
    hours, or whose hours cannot be read or say "unknown", are left out."""

    @property
    def active(self) -> bool:
        return (
            self.min_rating is not None
            or self.max_distance_km is not None
            or self.network_only
            or self.open_at is not None
        )


@dataclass(frozen=True, slots=True)
class RankedVendor:
    """One search result: what a list shows, and the explanation that reproduces its score."""

    id: uuid.UUID
    name: str
    category: str
    score: float
    rating: float
    review_count: int
    network_review_count: int
    distance_km: float | None
    """Geodesic distance from the search location, for display (ranking uses a fast equivalent)."""
    explanation: Explanation
    opening_hours: str | None = None
    """As stored, for "open now" next to the result (``recommender.hours.read_hours`` reads it)."""


class Recommender:
    """Holds the directory as arrays and answers searches as seen from one person.

    After a write, ``engine.updates.refreshed(engine, db, changes)`` gives the engine that reflects it."""

    def __init__(
        self,
        snapshot: Snapshot,
        *,
        home: tuple[float, float] | None = None,
        trust_settings: TrustSettings | None = None,
        score_settings: ScoreSettings | None = None,
        index: SearchIndex | None = None,
        viewer: int | None = None,
    ):
        """``viewer`` ranks as seen from someone other than this install's owner (benchmarks, evaluation);
        ``index`` shares an already built search index between engines over the same snapshot."""
        self.snapshot = snapshot
        self.home = home
        self.trust_settings = trust_settings or TrustSettings()
        self.ranker = Ranker(snapshot.model, snapshot.geometry, score_settings)
        self._index = index
        self._viewer = viewer if viewer is not None else snapshot.people.me
        self._views: dict[int, Perspective] = {}
        self._differing: frozenset[int] = frozenset()
        # Every vendor's weighed evidence as seen through its own category's view, filled a category at a time as
        # searches first need it, so a keystroke then scores all its candidates in one vectorised pass.
        self._evidence = empty_evidence(snapshot.model)
        self._filled = np.zeros(len(snapshot.category_codes) + 1, dtype=np.bool_)
        self._habit_known = False
        self._vendors_by_code = group(snapshot.vendors.category_codes, len(self._filled))
        self._hours: HoursColumn | None = None

    @property
    def hours(self) -> HoursColumn:
        """Every vendor's opening hours, read once per distinct value on first use (the "open now" filter)."""
        if self._hours is None:
            self._hours = HoursColumn(self.snapshot.vendors.opening_hours)
        return self._hours

    @property
    def index(self) -> SearchIndex:
        """The search index, built on first use (ranking alone does not need it)."""
        if self._index is None:
            self._index = SearchIndex.from_snapshot(self.snapshot)
        return self._index

    @classmethod
    def load(
        cls,
        db: Database,
        *,
        today: dt.date | None = None,
        trust_settings: TrustSettings | None = None,
        rating_settings: RatingSettings | None = None,
        score_settings: ScoreSettings | None = None,
        radius_overrides: Mapping[str, float] | None = None,
        cache: SnapshotCache | None = None,
    ) -> Recommender:
        """The engine over the live directory; ``radius_overrides`` are the user's radii (km) by category key.

        With a ``cache``, a copy of an identical directory is read back instead of the tables (a city in well
        under a second instead of ten), and a fresh load is written back with its search index for next time."""
        today = today or dt.date.today()
        with db.read() as session:
            home = get_home(session)
            key = CacheKey.of(session, today, rating_settings, radius_overrides) if cache is not None else None
            cached = cache.load(key) if cache is not None and key is not None else None
            if cached is None:
                snapshot = load_snapshot(
                    session, today=today, rating_settings=rating_settings, radius_overrides=radius_overrides
                )
                index = None
            else:
                snapshot, index, warmed = cached
        engine = cls(
            snapshot,
            home=home.point if home is not None else None,
            trust_settings=trust_settings,
            score_settings=score_settings,
            index=index,
        )
        if cache is not None and key is not None:
            if cached is None:
                # Worth paying here rather than on the first keystroke, and worth keeping for the next start.
                engine.warm()
                cache.save(key, snapshot, engine.index, engine.warmed_sums())
            elif warmed is not None:
                engine.adopt_sums(warmed)
        return engine

    def fresh_views(self) -> Recommender:
        """The same engine with its cached views and sums dropped (after vendors changed in place)."""
        return Recommender(
            self.snapshot,
            home=self.home,
            trust_settings=self.trust_settings,
            score_settings=self.ranker.settings,
            index=self._index,
            viewer=self._viewer,
        )

    @property
    def me(self) -> int | None:
        """Whose perspective results are ranked from: this install's owner unless another viewer was given."""
        return self._viewer

    def view(self, category: int = GENERAL) -> Perspective:
        """Everyone's weight as seen from me for one category (cached until the engine is rebuilt)."""
        general = self._views.get(GENERAL)
        if general is None:
            trust = (
                self._anonymous_view()
                if self.me is None
                else self.snapshot.graph.view_from(self.me, self.trust_settings)
            )
            general = Perspective.of(trust, self.snapshot.model)
            self._views[GENERAL] = general
            self._differing = self.snapshot.graph.categories_differing_from_general(trust)
        if category == GENERAL or category not in self._differing:
            return general
        perspective = self._views.get(category)
        if perspective is None:
            assert self.me is not None
            trust = self.snapshot.graph.view_from(self.me, self.trust_settings, category)
            perspective = Perspective.of(trust, self.snapshot.model, agreement=general.agreement)
            self._views[category] = perspective
        return perspective

    def _anonymous_view(self) -> TrustView:
        """Before the first-run setup there is no "me": everyone counts as a stranger."""
        n = len(self.snapshot.people.ids)
        return TrustView(
            me=-1,
            settings=self.trust_settings,
            weights=np.zeros(n),
            path_weights=np.zeros(n),
            hops=np.full(n, -1, dtype=np.int8),
            parents_by_round=(np.full(n, -1, dtype=np.int32),),
            blocked=np.zeros(n, dtype=np.bool_),
            roots=np.full(n, -1, dtype=np.int32),
        )

    def warm(self) -> None:
        """Do now the work the first searches would otherwise pay for: the index, trust views, evidence."""
        _ = self.index
        self.evidence(np.arange(len(self._filled), dtype=np.int64))

    def warmed_sums(self) -> WarmedSums:
        """Every vendor's evidence as seen from me, for the snapshot copy (it only depends on the snapshot, the
        viewer and the trust settings)."""
        return WarmedSums(self.trust_settings, self._viewer, self._evidence, self._filled.copy())

    def adopt_sums(self, warmed: WarmedSums) -> bool:
        """Take evidence gathered by an engine over the same snapshot; False (and nothing taken) when it was
        gathered for another viewer or other trust settings."""
        if warmed.trust_settings != self.trust_settings or warmed.viewer != self._viewer:
            return False
        if warmed.filled.shape != self._filled.shape or len(warmed.evidence.weight) != len(self._evidence.weight):
            return False
        self._evidence = copy_evidence(warmed.evidence)
        self._filled = warmed.filled.copy()
        self._habit_known = True
        return True

    def evidence(self, codes: NDArray[np.int64]) -> Evidence:
        """The evidence of every vendor in these categories, each through its own category's view (indexed by
        vendor; the other categories' entries may not be filled yet)."""
        order, offsets = self._vendors_by_code
        model = self.snapshot.model
        if not self._habit_known:
            # One level for every category: how generously my network rates, from the general view.
            self._evidence = dataclasses.replace(self._evidence, habit=network_habit(model, self.view()))
            self._habit_known = True
        combined = self._evidence
        # The categories still missing, grouped by the view they are ranked through: one gather per view, over
        # just their vendors (a keystroke in one category sums a few thousand vendors, not all of them).
        wanted: dict[int, list[int]] = {}
        for code in np.unique(codes[~self._filled[codes]]).tolist():
            self.view(code)  # settles which categories have a view of their own
            wanted.setdefault(code if code in self._differing else GENERAL, []).append(code)
        for key, members in wanted.items():
            vendors = np.concatenate([order[offsets[code] : offsets[code + 1]] for code in members])
            gathered = gather(model, self.view(key), vendors)
            combined.weight[vendors] = gathered.weight
            combined.pull[vendors] = gathered.pull
            combined.network[vendors] = gathered.network
            combined.heard[vendors] = gathered.heard
            combined.heard_pull[vendors] = gathered.heard_pull
            for code in members:
                if code < model.n_categories:
                    for mine, theirs in zip(fields_of(combined.priors), fields_of(gathered.priors), strict=True):
                        mine[code] = theirs[code]
                self._filled[code] = True
        return combined

    def search(
        self,
        query: str,
        *,
        near: tuple[float, float] | None = None,
        category: str | None = None,
        limit: int = 20,
        filters: SearchFilters | None = None,
    ) -> list[RankedVendor]:
        """Vendors matching the text (typo-tolerant), best first as seen from me, near ``near`` or home."""
        matches = self.index.match(query)
        items, relevance = matches.vendor_indices.astype(np.int64), matches.relevance.astype(np.float64)
        if category is not None:
            code = self.snapshot.category_codes[load_taxonomy().get(category).key]
            keep = self.snapshot.vendors.category_codes[items] == code
            items, relevance = items[keep], relevance[keep]
        if filters is not None and filters.active and len(items):
            keep = self._passing(items, filters, near if near is not None else self.home)
            items, relevance = items[keep], relevance[keep]
        return self.rank(items, relevance, near=near, limit=limit)

    def _passing(
        self, items: NDArray[np.int64], filters: SearchFilters, origin: tuple[float, float] | None
    ) -> NDArray[np.bool_]:
        """Which candidates pass the filters, decided with the same numbers the ranking uses."""
        keep = np.ones(len(items), dtype=np.bool_)
        codes = self.snapshot.vendors.category_codes[items]
        evidence = self.evidence(codes)
        if filters.min_rating is not None:
            keep &= ratings(self.snapshot.model, evidence)[items] >= filters.min_rating
        if filters.max_distance_km is not None:
            distance = self.ranker.distances(items, origin) - self.snapshot.geometry.service_radius_km[items]
            with np.errstate(invalid="ignore"):
                keep &= np.nan_to_num(distance, nan=np.inf) <= filters.max_distance_km
        if filters.network_only:
            keep &= evidence.heard[items] > 0
        if filters.open_at is not None:
            keep &= self.hours.states(filters.open_at)[items] == OPEN
        return keep

    def rank(
        self,
        items: NDArray[np.int64],
        relevance: NDArray[np.float64] | None = None,
        *,
        near: tuple[float, float] | None = None,
        limit: int = 20,
    ) -> list[RankedVendor]:
        """The best ``limit`` of ``items``; vendors in categories with scoped trust use that category's view."""
        if len(items) == 0:
            return []
        origin = near if near is not None else self.home
        relevance = np.ones(len(items)) if relevance is None else relevance
        codes = self.snapshot.vendors.category_codes[items]
        evidence = self.evidence(codes)
        scores = self.ranker.scores(self.view(), items, origin, relevance, evidence=evidence)
        chosen = np.argpartition(-scores, limit - 1)[:limit] if len(items) > limit else np.arange(len(items))
        results = [
            self._result(
                self.ranker.explain(
                    self.view(int(codes[i])), int(items[i]), origin, float(relevance[i]), evidence=evidence
                ),
                origin,
            )
            for i in chosen
        ]
        return sorted(results, key=lambda r: (-r.score, r.name, r.id))

    def _result(self, explanation: Explanation, origin: tuple[float, float] | None) -> RankedVendor:
        snapshot, vendor = self.snapshot, explanation.vendor
        distance = None
        if origin is not None and explanation.distance_km is not None:
            distance = geodesic_km(
                origin, (float(snapshot.geometry.lats[vendor]), float(snapshot.geometry.lons[vendor]))
            )
        return RankedVendor(
            id=snapshot.vendor_uuid(vendor),
            name=snapshot.vendors.names[vendor],
            category=snapshot.vendors.categories[vendor],
            score=explanation.score,
            rating=explanation.rating,
            review_count=len(explanation.reviewers),
            network_review_count=len(explanation.network()),
            distance_km=distance,
            opening_hours=snapshot.vendors.opening_hours[vendor],
            explanation=explanation,
        )

    def explanation_dict(self, explanation: Explanation) -> dict[str, Any]:
        """The explanation as plain JSON values, with people named and paths spelled out."""
        names = self.snapshot.people.names
        reviewers = sorted(explanation.reviewers, key=lambda t: (-t.effective_weight, t.person))
        return {
            "score": explanation.score,
            "rating": explanation.rating,
            "relevance": explanation.relevance,
            "rating_weight": explanation.rating_weight,
            "scale": list(explanation.scale),
            "baseline": {
                "level": explanation.level,
                "category_prior": explanation.category_prior,
                "value": explanation.baseline,
            },
            "network_shrinkage": explanation.network_shrinkage,
            "network_pull": explanation.network_pull,
            "network_prior": explanation.network_prior,
            "ranking_rating": explanation.ranking_rating,
            "word_of_mouth": explanation.word_of_mouth,
            "word_of_mouth_weight": explanation.word_of_mouth_weight,
            "unknown_share": explanation.unknown_share(),
            "reviewers": [
                {
                    "person_id": str(self.snapshot.person_uuid(term.person)),
                    "name": names[term.person],
                    "recorded_by": names[term.recorder],
                    "relation": term.relation.value,
                    "path": [names[p] for p in term.path],
                    "weight": term.weight,
                    "trust": term.trust,
                    "agreement": term.agreement,
                    "stars": term.stars,
                    "expected": term.expected,
                    "surprise": term.surprise,
                    "age_days": term.age_days,
                    "age_factor": term.age_factor,
                    "effective_weight": term.effective_weight,
                    "bounded": term.bounded,
                }
                for term in reviewers
            ],
            "distance_km": explanation.distance_km,
            "service_radius_km": explanation.service_radius_km,
            "radius_km": explanation.radius_km,
            "proximity": explanation.proximity,
        }


__all__ = ["RankedVendor", "Recommender", "SearchFilters"]
