"""``grapevine bench search`` on a small demo: the JSON shape scripts rely on, sane numbers, and its query set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rapidfuzz.distance import OSA

from recommender.bench import bench_database, search_bench
from recommender.bench.search_bench import (
    BenchQuery,
    QueryKind,
    _misspell,
    bench_queries,
    run_search_bench,
)
from recommender.cli import main
from recommender.search.corpus import VendorCorpus, load_corpus
from recommender.search.index import Matches

ENGINES = ("grapevine", "rapidfuzz_scan", "fts5_trigram")


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "small.sqlite"
    database, built = bench_database(path, "small")
    database.close()
    assert built
    return path


@pytest.fixture(scope="module")
def corpus(small_demo: Path) -> VendorCorpus:
    database, built = bench_database(small_demo, "small")
    try:
        assert not built  # a database with vendors is used as it is
        with database.read() as session:
            return load_corpus(session)
    finally:
        database.close()


def test_json_has_the_promised_shape_and_sane_values(small_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["bench", "search", "--db", str(small_demo), "--json", "--queries", "6"])
    out = capsys.readouterr().out
    assert code == 0
    document = json.loads(out)
    assert document["vendors"] == 400
    assert document["queries"] == 6
    assert document["rss_mb"] >= document["rss_mb_grapevine"] > 0
    assert document["engines"]["grapevine"]["index_mb"] > 0
    assert set(ENGINES) <= set(document["engines"])
    for name in ENGINES:
        numbers = document["engines"][name]
        assert 0 <= numbers["p50_ms"] <= numbers["p95_ms"] <= numbers["max_ms"], name
        assert 0.0 <= numbers["recall_at_10"] <= 1.0, name
    # The first six queries include misspelt ones, which the typo-tolerant index finds and trigrams cannot.
    assert document["engines"]["grapevine"]["recall_at_10"] == 1.0
    fts = document["engines"]["fts5_trigram"]
    assert fts["short_query_keystrokes"] > 0
    assert document["keystrokes"] > document["queries"]


def test_the_table_names_every_engine(small_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["bench", "search", "--db", str(small_demo), "--queries", "2", "--engines", "grapevine,fts5_trigram"]) == 0
    )
    out = capsys.readouterr().out
    assert "grapevine" in out and "fts5_trigram" in out and "rapidfuzz_scan" not in out
    assert "400 vendors" in out


def test_an_unknown_engine_is_refused(small_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bench", "search", "--db", str(small_demo), "--engines", "lucene"])
    assert "choose engines" in capsys.readouterr().err


def test_the_ranking_callback_decides_what_grapevine_returns(corpus: VendorCorpus) -> None:
    queries = [BenchQuery("pediatrcian", QueryKind.TYPO, target_category="pediatrician")]
    seen: list[int] = []

    def nothing_ranks(matches: Matches, limit: int) -> list[int]:
        seen.append(len(matches))
        return []

    report = run_search_bench(corpus, queries=queries, engines=["grapevine"], rank=nothing_ranks)
    assert report.engines["grapevine"].typo_found == 0
    # One call per keystroke, after the harness's warm-up search.
    assert len(seen) == 1 + len("pediatrcian") and seen[-1] > 0
    plain = run_search_bench(corpus, queries=queries, engines=["grapevine"])
    assert plain.engines["grapevine"].typo_found == 1
    assert plain.keystrokes == len("pediatrcian") and len(plain.engines["grapevine"].latencies_ms) == plain.keystrokes


def test_queries_are_fixed_and_each_typo_has_a_target(corpus: VendorCorpus) -> None:
    queries = bench_queries(corpus)
    assert queries == bench_queries(corpus)
    assert {query.kind for query in queries[:4]} == set(QueryKind)
    typos = [query for query in queries if query.kind is QueryKind.TYPO]
    assert len(typos) >= 10
    for query in typos:
        assert (query.target_category is None) != (query.target_vendor is None)
    by_vendor = {query.target_vendor: query.text for query in queries if query.kind is QueryKind.NAME}
    for query in typos:
        if query.target_vendor is not None:
            # A vendor's own name with exactly one slip in it.
            assert OSA.distance(query.text, by_vendor[query.target_vendor]) == 1


def test_tantivy_is_skipped_with_a_reason_when_not_installed(
    corpus: VendorCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_bench, "tantivy_available", lambda: False)
    report = run_search_bench(corpus, queries=[BenchQuery("dentist", QueryKind.CATEGORY)], engines=["tantivy"])
    assert report.engines == {}
    assert "not installed" in report.skipped["tantivy"]


def test_the_optional_tantivy_peer_tolerates_typos(corpus: VendorCorpus) -> None:
    pytest.importorskip("tantivy")
    queries = [BenchQuery("dog walkr", QueryKind.TYPO, target_category="dog_walker")]
    report = run_search_bench(corpus, queries=queries, engines=["tantivy"])
    assert report.engines["tantivy"].typo_found == 1


@pytest.mark.parametrize("query", ['"', "%", "\\", "a AND", "NEAR(", "dog*", "x:y", "(", "📞"])
def test_peers_take_any_typed_text(corpus: VendorCorpus, query: str) -> None:
    queries = [BenchQuery(query, QueryKind.NAME)]
    report = run_search_bench(corpus, queries=queries, engines=["grapevine", "fts5_trigram", "tantivy"])
    assert all(len(engine.latencies_ms) == len(query) for engine in report.engines.values())


@pytest.mark.parametrize("variant", range(4))
def test_a_misspelling_is_one_typing_slip(variant: int) -> None:
    misspelt = _misspell("Bright Smile Dentistry", variant)
    assert misspelt != "Bright Smile Dentistry"
    assert OSA.distance(misspelt, "Bright Smile Dentistry") == 1
    assert misspelt.startswith("Bright Smile ")
