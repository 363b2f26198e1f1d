"""bench sync on a small scale: the promised JSON shape, real syncs behind the numbers, and the big group cached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommender.cli import main


def test_bench_sync_reports_every_figure_and_reuses_the_big_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    arguments = ["bench", "sync", "--records", "60", "--big-records", "700", "--clients", "3", "--duration", "1"]
    assert main([*arguments, "--json"]) == 0
    output = capsys.readouterr()
    document = json.loads(output.out)
    assert "building a group of 700 records" in output.err
    assert set(document) >= {"initial_10k_s", "incremental_10_ms", "push_per_s", "concurrent"}
    assert set(document["incremental_10_ms"]) == {"10k", "1m"}
    assert all(value > 0 for value in document["incremental_10_ms"].values())
    # The replica really pulled every field of every record (and the other member's own person).
    assert document["initial_pulled_changes"] >= 60 * document["fields_per_record"]
    assert document["initial_10k_s"] > 0 and document["push_per_s"] > 0
    concurrent = document["concurrent"]
    assert concurrent["clients"] == 3 and concurrent["requests"] > 0 and concurrent["errors"] == 0
    assert 0 < concurrent["p50_ms"] <= concurrent["p99_ms"] <= concurrent["max_ms"]
    big = Path(document["big_group"]["path"])
    assert big.is_relative_to(tmp_path / "cache") and big.exists()

    assert main(arguments) == 0
    output = capsys.readouterr()
    assert "building" not in output.err
    assert "incremental sync of 10 changed records" in output.out


def test_bench_sync_refuses_nonsense_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "sync", "--clients", "0"]) != 0
    assert "--clients" in capsys.readouterr().err
