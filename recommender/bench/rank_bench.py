"""``grapevine bench rank``: ranking one category as seen from many people, with the trust graph warm.

Each measurement is the whole path the app takes when someone opens a category: their trust view through the
graph (and the category's own view where scoped trust reaches them), their like-minded reviewers, the review
sums of the category's vendors, the scores, and the top twenty with explanations. The snapshot (arrays, graph,
fitted model) is loaded once first; that is what "warm" means. Rebuild times of the trust graph and of the
rating model are reported too, as the cost of taking an edit into account without reloading everything.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from recommender.bench.search_bench import current_rss_mb, peak_rss_mb
from recommender.engine.recommender import Recommender
from recommender.ranking.model import RatingModel
from recommender.trust.graph import TrustGraph

DEFAULT_CATEGORIES = (
    "pediatrician",
    "dentist",
    "hairdresser",
    "plumber",
    "dog_walker",
    "accountant",
    "electrician",
    "babysitter",
    "veterinarian",
    "car_repair",
)


@dataclass
class RankBenchReport:
    latencies_ms: list[float]
    vendors: int
    reviews: int
    trust_links: int
    viewers: int
    categories: list[str]
    rebuild_trust_s: float
    refit_model_s: float
    rss_mb: float
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        latencies = np.array(self.latencies_ms)
        return {
            "p50_ms": round(float(np.percentile(latencies, 50)), 3),
            "p95_ms": round(float(np.percentile(latencies, 95)), 3),
            "max_ms": round(float(latencies.max()), 3),
            "rankings": len(self.latencies_ms),
            "viewers": self.viewers,
            "categories": self.categories,
            "vendors": self.vendors,
            "reviews": self.reviews,
            "trust_links": self.trust_links,
            "rebuild_trust_s": round(self.rebuild_trust_s, 3),
            "refit_model_s": round(self.refit_model_s, 3),
            "rss_mb": round(self.rss_mb, 1),
            **self.extra,
        }


def run_rank_bench(
    engine: Recommender, *, viewers: int = 40, categories: tuple[str, ...] = DEFAULT_CATEGORIES, seed: int = 1
) -> RankBenchReport:
    """Rank each category as seen from ``viewers`` people chosen at random among those who trust someone."""
    snapshot = engine.snapshot
    known = [key for key in categories if key in snapshot.category_codes]
    codes = snapshot.vendors.category_codes
    members = {key: np.flatnonzero(codes == snapshot.category_codes[key]).astype(np.int64) for key in known}
    graph, model = snapshot.graph, snapshot.model
    trusting = np.flatnonzero(graph.out_degrees() > 0)
    rng = np.random.default_rng(seed)
    chosen: list[int] = (
        rng.choice(trusting, size=min(viewers, len(trusting)), replace=False).tolist() if len(trusting) else []
    )
    index = engine.index
    latencies: list[float] = []
    for viewer in chosen:
        for key in known:
            # A fresh engine each time: the viewer's trust view is computed inside every measurement.
            seen_by = Recommender(
                snapshot, home=engine.home, trust_settings=engine.trust_settings, index=index, viewer=int(viewer)
            )
            started = time.perf_counter()
            seen_by.rank(members[key], limit=20)
            latencies.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    TrustGraph(graph.n_people, *graph.links())
    rebuild_trust_s = time.perf_counter() - started
    started = time.perf_counter()
    RatingModel(
        model.n_people,
        model.n_items,
        model.authors,
        model.items,
        model.stars,
        ages_days=model.ages_days,
        item_categories=model.item_categories,
        scale=model.scale,
        settings=model.settings,
    )
    refit_model_s = time.perf_counter() - started
    return RankBenchReport(
        latencies_ms=latencies,
        vendors=model.n_items,
        reviews=len(model.stars),
        trust_links=graph.link_count,
        viewers=len(chosen),
        categories=known,
        rebuild_trust_s=rebuild_trust_s,
        refit_model_s=refit_model_s,
        rss_mb=peak_rss_mb(),
        extra={"rss_mb_now": current_rss_mb()},
    )
