"""bench rank on a small demo: the promised numbers are there and the rankings it times are real ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommender.cli import main
from recommender.demo import generate_demo
from recommender.storage.database import Database


def test_bench_rank_reports_latencies_and_rebuild_times(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "small.sqlite"
    database = Database.open(path)
    generate_demo(database, "small", seed=2)
    database.close()
    assert main(["bench", "rank", "--db", str(path), "--viewers", "5", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["rankings"] == 5 * len(document["categories"]) and len(document["categories"]) >= 8
    assert 0 < document["p50_ms"] <= document["p95_ms"] <= document["max_ms"]
    assert document["trust_links"] > 1000 and document["vendors"] == 400
    assert document["rebuild_trust_s"] >= 0 and document["refit_model_s"] >= 0 and document["rss_mb"] > 0
