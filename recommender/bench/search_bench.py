"""``grapevine bench search``: per-keystroke latency and typo recall of Grapevine's index and its peers.

Every engine types the same queries, one character at a time, over the same vendor names in the same process:
category words, vendor names, addresses, and misspelt queries whose intended target is known (a category, or
one real vendor). Latency is per keystroke, from the text to the top 20; recall@10 is over the misspelt queries
only, counting a query as found when its target (the vendor, or any vendor of the category) is in the top 10
once the whole query is typed. Benchmarks report numbers; they do not pass or fail.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np

from recommender.bench.peers import (
    Fts5TrigramEngine,
    GrapevineEngine,
    RankCallback,
    RapidfuzzScanEngine,
    SearchEngine,
    TantivyEngine,
    tantivy_available,
)
from recommender.search.corpus import VendorCorpus

__all__ = [
    "ENGINES",
    "BenchQuery",
    "EngineReport",
    "QueryKind",
    "SearchBenchReport",
    "bench_queries",
    "peak_rss_mb",
    "run_search_bench",
]

RESULTS = 20
RECALL_AT = 10
ENGINES = ("grapevine", "rapidfuzz_scan", "fts5_trigram", "tantivy")


class QueryKind(StrEnum):
    CATEGORY = "category"
    NAME = "name"
    ADDRESS = "address"
    TYPO = "typo"


@dataclass(frozen=True)
class BenchQuery:
    """One query to type; a typo query names what the user meant: a category key or a vendor's position."""

    text: str
    kind: QueryKind
    target_category: str | None = None
    target_vendor: int | None = None


# Category words as people type them (several languages), then misspellings with the category they mean.
_CATEGORY_WORDS = ("pediatrician", "dentist", "dog walker", "hairdresser", "plumber", "Kinderarzt", "pédiatre")
_CATEGORY_TYPOS = (
    ("pediatrcian", "pediatrician"),
    ("paediatrican", "pediatrician"),
    ("kinderartz", "pediatrician"),
    ("dog walkr", "dog_walker"),
    ("hairdreser", "hairdresser"),
    ("plumbr", "plumber"),
    ("dentsit", "dentist"),
    ("babysiter", "babysitter"),
    ("electrican", "electrician"),
    ("acountant", "accountant"),
)
_NAME_QUERIES = 5
_ADDRESS_QUERIES = 4


def _misspell(text: str, variant: int) -> str:
    """The text with one typing slip in its longest word: a letter dropped, swapped, doubled or mistyped."""
    words = text.split()
    longest = max(range(len(words)), key=lambda i: (len(words[i]), -i))
    word = words[longest]
    middle = len(word) // 2
    kind = variant % 4
    if kind == 0:
        word = word[:middle] + word[middle + 1 :]
    elif kind == 1:
        word = word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]
    elif kind == 2:
        word = word[:middle] + word[middle] + word[middle:]
    else:
        replacement = "e" if word[middle] != "e" else "a"
        word = word[:middle] + replacement + word[middle + 1 :]
    words[longest] = word
    return " ".join(words)


def bench_queries(corpus: VendorCorpus, seed: int = 1) -> list[BenchQuery]:
    """The fixed category queries plus names and addresses of vendors picked with a seeded generator.

    Kinds take turns in the list, so its first few queries (``--queries N``) still hold some of each.
    """
    kinds: list[list[BenchQuery]] = [
        [BenchQuery(text, QueryKind.CATEGORY) for text in _CATEGORY_WORDS],
        [BenchQuery(text, QueryKind.TYPO, target_category=key) for text, key in _CATEGORY_TYPOS],
        [],
        [],
    ]
    rng = np.random.default_rng(seed)
    # Names whose longest word has room for a slip that is still a typo of that word, not a different word.
    named = [i for i, name in enumerate(corpus.names) if max((len(w) for w in name.split()), default=0) >= 6]
    if named:
        picks = rng.choice(len(named), size=min(_NAME_QUERIES, len(named)), replace=False)
        for variant, pick in enumerate(picks.tolist()):
            vendor = named[pick]
            kinds[2].append(BenchQuery(corpus.names[vendor], QueryKind.NAME, target_vendor=vendor))
            kinds[2].append(BenchQuery(_misspell(corpus.names[vendor], variant), QueryKind.TYPO, target_vendor=vendor))
    addressed = [i for i, address in enumerate(corpus.addresses) if address]
    if addressed:
        picks = rng.choice(len(addressed), size=min(_ADDRESS_QUERIES, len(addressed)), replace=False)
        for pick in picks.tolist():
            # "12 Maple Street": the house and street, as someone looking up a shop round the corner types it.
            address = corpus.addresses[addressed[pick]] or ""
            kinds[3].append(BenchQuery(address.split(",")[0], QueryKind.ADDRESS))
    queries: list[BenchQuery] = []
    for turn in range(max(len(kind) for kind in kinds)):
        queries.extend(kind[turn] for kind in kinds if turn < len(kind))
    return queries


@dataclass
class EngineReport:
    """One engine's numbers: latency per keystroke and how often a misspelt query found its target."""

    name: str
    build_s: float
    latencies_ms: list[float] = field(default_factory=list)
    typo_found: int = 0
    typo_queries: int = 0
    # Share of the top 10 in the intended category, averaged over the misspelt category queries.
    category_precision: list[float] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        latencies = np.array(self.latencies_ms) if self.latencies_ms else np.zeros(1)
        document: dict[str, Any] = {
            "p50_ms": round(float(np.percentile(latencies, 50)), 3),
            "p95_ms": round(float(np.percentile(latencies, 95)), 3),
            "max_ms": round(float(latencies.max()), 3),
            "recall_at_10": round(self.typo_found / self.typo_queries, 3) if self.typo_queries else None,
            "category_precision_at_10": (
                round(float(np.mean(self.category_precision)), 3) if self.category_precision else None
            ),
            "build_s": round(self.build_s, 3),
        }
        document.update(self.notes)
        return document


@dataclass
class SearchBenchReport:
    """The whole run: every engine's numbers, plus what they were measured on."""

    engines: dict[str, EngineReport]
    rss_mb: float
    vendors: int
    queries: int
    keystrokes: int
    # Resident memory right after Grapevine's index is built (corpus included), before any peer exists.
    rss_mb_grapevine: float | None
    skipped: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return {
            "engines": {name: report.to_json() for name, report in self.engines.items()},
            "rss_mb": round(self.rss_mb, 1),
            "rss_mb_grapevine": None if self.rss_mb_grapevine is None else round(self.rss_mb_grapevine, 1),
            "vendors": self.vendors,
            "queries": self.queries,
            "keystrokes": self.keystrokes,
            "results_per_keystroke": RESULTS,
            "skipped": self.skipped,
        }


def current_rss_mb() -> float | None:
    """Resident memory of this process now, where the platform says (Linux /proc); None elsewhere."""
    try:
        resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return resident_pages * resource.getpagesize() / (1024 * 1024)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _p95(latencies: np.ndarray[Any, np.dtype[np.float64]]) -> float | None:
    return round(float(np.percentile(latencies, 95)), 3) if len(latencies) else None


def _keystrokes(text: str) -> list[str]:
    return [text[:end] for end in range(1, len(text) + 1)]


def _is_hit(query: BenchQuery, found: Sequence[int], corpus: VendorCorpus) -> bool:
    if query.target_vendor is not None:
        return query.target_vendor in found
    return any(corpus.categories[vendor] == query.target_category for vendor in found)


def _run_engine(
    engine: SearchEngine, build_s: float, queries: Sequence[BenchQuery], corpus: VendorCorpus
) -> EngineReport:
    report = EngineReport(engine.name, build_s)
    # One throw-away search loads whatever an engine prepares lazily: the first keystroke should measure the
    # engine, not its setup.
    engine.search("warm up", RESULTS)
    gc.collect()
    short: list[bool] = []
    for query in queries:
        found: list[int] = []
        for typed in _keystrokes(query.text):
            started = time.perf_counter_ns()
            found = engine.search(typed, RESULTS)
            elapsed = (time.perf_counter_ns() - started) / 1e6
            report.latencies_ms.append(elapsed)
            short.append(all(len(word) < 3 for word in typed.split()))
        if query.kind is QueryKind.TYPO:
            top = found[:RECALL_AT]
            report.typo_queries += 1
            report.typo_found += _is_hit(query, top, corpus)
            if query.target_category is not None:
                inside = sum(corpus.categories[vendor] == query.target_category for vendor in top)
                report.category_precision.append(inside / RECALL_AT)
    if isinstance(engine, Fts5TrigramEngine):
        # Keystrokes with no word of three letters yet cannot use the trigram index at all; say how many there
        # were and what they cost, next to what the index costs when it can be used.
        latencies = np.array(report.latencies_ms)
        is_short = np.array(short, dtype=np.bool_)
        report.notes["short_query_keystrokes"] = engine.short_keystrokes
        report.notes["short_query_p95_ms"] = _p95(latencies[is_short])
        report.notes["trigram_p95_ms"] = _p95(latencies[~is_short])
    return report


def run_search_bench(
    corpus: VendorCorpus,
    *,
    queries: Sequence[BenchQuery] | None = None,
    engines: Sequence[str] = ENGINES,
    rank: RankCallback | None = None,
    grapevine: Callable[[], SearchEngine] | None = None,
    progress: Callable[[str], None] | None = None,
) -> SearchBenchReport:
    """Build each engine over the corpus and type every query into it; engines run one after another.

    ``grapevine`` builds the engine measured under that name (the app's full search: match, rank, explain);
    without it the index alone is measured, ordered by ``rank`` or by relevance."""
    queries = list(queries) if queries is not None else bench_queries(corpus)
    unknown = sorted(set(engines) - set(ENGINES))
    if unknown:
        raise ValueError(f"unknown engines {unknown}; choose from {', '.join(ENGINES)}")
    factories: dict[str, Callable[[], SearchEngine]] = {
        "grapevine": grapevine or (lambda: GrapevineEngine(corpus, rank)),
        "rapidfuzz_scan": lambda: RapidfuzzScanEngine(corpus),
        "fts5_trigram": lambda: Fts5TrigramEngine(corpus),
        "tantivy": lambda: TantivyEngine(corpus),
    }
    skipped: dict[str, str] = {}
    reports: dict[str, EngineReport] = {}
    rss_grapevine: float | None = None
    for name in engines:
        if name == "tantivy" and not tantivy_available():
            skipped[name] = "the optional tantivy package is not installed"
            continue
        if progress is not None:
            progress(f"{name}: building")
        started = time.perf_counter()
        engine = factories[name]()
        build_s = time.perf_counter() - started
        if progress is not None:
            progress(f"{name}: typing {len(queries)} queries")
        reports[name] = report = _run_engine(engine, build_s, queries, corpus)
        if name == "grapevine":
            rss_grapevine = current_rss_mb()
            index = getattr(engine, "index", None)
            if index is not None:
                report.notes["index_mb"] = round(index.nbytes / (1024 * 1024), 3)
        del engine
    return SearchBenchReport(
        engines=reports,
        rss_mb=peak_rss_mb(),
        vendors=len(corpus),
        queries=len(queries),
        keystrokes=sum(len(query.text) for query in queries),
        rss_mb_grapevine=rss_grapevine,
        skipped=skipped,
    )
