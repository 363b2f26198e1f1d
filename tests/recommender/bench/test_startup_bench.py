"""bench startup launches the real app in its own process and reports when it was painted, filled and typed in."""

from __future__ import annotations

from pathlib import Path

from recommender.bench.startup_bench import run_startup_bench
from recommender.demo import generate_demo
from recommender.storage.database import Database


def test_startup_bench_times_a_real_launch(tmp_path: Path) -> None:
    path = tmp_path / "small.sqlite"
    database = Database.open(path)
    generate_demo(database, "small", seed=3)
    database.close()
    report = run_startup_bench(path, timeout_s=120)
    assert report["vendors"] == 400
    assert 0 < report["window_painted_s"] <= report["populated_s"]
    assert report["keystrokes"] > 40 and report["heartbeats"] > 100
    assert report["longest_stall_ms"] >= report["stall_p99_ms"] > 0
    # Qt and the interpreter alone take tens of megabytes; a report of nothing would be a broken probe.
    assert 30 < report["peak_rss_mb"] < 4096
