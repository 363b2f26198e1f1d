"""The grapevine command as scripts use it: exit codes, one-line errors, and the JSON shapes promised."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from recommender import __version__
from recommender.cli import main
from recommender.cli.directory_commands import TerminalProgress


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--size", "small", "--seed", "5"]) == 0
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"Grapevine {__version__}"


def test_help_lists_the_commands_and_the_app_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("demo", "search", "import", "export", "--screenshot", "--demo"):
        assert command in out


@pytest.mark.parametrize(
    ("argv", "forwarded"),
    [
        ([], []),
        (["--demo"], ["--demo"]),
        (["--db", "x.sqlite", "--screenshot", "out.png"], ["--db", "x.sqlite", "--screenshot", "out.png"]),
    ],
)
def test_without_a_command_it_opens_the_desktop_app(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], forwarded: list[str]
) -> None:
    from ui import app  # noqa: PLC0415 (as the CLI does: Qt only when the app is wanted)

    calls: list[list[str]] = []
    monkeypatch.setattr(app, "main", lambda args: calls.append(list(args)) or 7)
    assert main(argv) == 7
    assert calls == [forwarded]


def test_demo_refuses_a_database_that_already_has_a_directory(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, out, err = run(capsys, "demo", "--db", str(demo_path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(demo_path) in err


def test_search_json_has_the_promised_shape(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    code, out, _ = run(
        capsys,
        "search",
        "dentist",
        "--db",
        str(demo_path),
        "--near",
        "51.4545,-2.5879",
        "--limit",
        "5",
        "--json",
    )
    assert code == 0
    results = json.loads(out)["results"]
    assert 0 < len(results) <= 5
    for result in results:
        assert {"id", "name", "category", "score", "distance_km", "rating", "explanation"} <= result.keys()
        assert result["category"] == "dentist"
        assert result["distance_km"] is not None
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_search_by_synonym_category_prints_one_line_per_vendor(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_path), "search", "", "--category", "Kinderarzt", "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3 and all("Pediatrician" in line for line in lines)


def test_search_with_an_unknown_category_fails_clearly(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    code, _, err = run(capsys, "search", "x", "--db", str(demo_path), "--category", "astrology")
    assert code == 1 and "unknown category 'astrology'" in err


def test_export_and_import_from_the_command_line(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "directory.json"
    code, out, _ = run(capsys, "export", "json", str(exported), "--db", str(demo_path))
    assert code == 0 and "vendors" in out
    code, out, _ = run(capsys, "import", "json", str(exported), "--db", str(tmp_path / "copy.sqlite"))
    assert code == 0 and out.startswith(f"Imported {exported}: added")


def test_a_failed_import_exits_non_zero_with_one_line_naming_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "vendors.csv"
    bad.write_text("name,category\nMaple Dental,dentist\nStar Gazer,astrologer\n")
    code, out, err = run(capsys, "import", "csv", str(bad), "--db", str(tmp_path / "x.sqlite"))
    assert code == 1 and out == ""
    assert err.startswith(f"grapevine: error: {bad}, line 3: category")
    assert err.count("\n") == 1


def test_a_database_path_that_is_not_a_database_fails_clearly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 200)
    code, _, err = run(capsys, "search", "dentist", "--db", str(notes))
    assert code == 1 and "not a usable database" in err


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_a_long_import_shows_its_progress_on_a_terminal_and_nothing_in_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TerminalProgress, "INTERVAL_S", 0.0)
    terminal, pipe = _Terminal(tty=True), _Terminal(tty=False)
    for stream in (terminal, pipe):
        progress = TerminalProgress("importing city.osm.pbf", stream)
        progress(250, 1000)
        progress(12_345, None)
        progress.done()
    assert "importing city.osm.pbf: 25%" in terminal.getvalue()
    assert "importing city.osm.pbf: 12,345" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")
    assert pipe.getvalue() == ""
