"""Starting the app: loading in the background, and ``grapevine --screenshot`` as a script runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ui.app import Startup, open_directory
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


def test_the_window_shows_at_once_and_fills_when_loaded(qtbot: QtBot, tasks: TaskRunner, demo_db_path: Path) -> None:
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.show()
    assert window.statusBar().currentMessage() == "Loading the neighbourhood…"
    assert not window.search_bar.isEnabled()
    Startup(window, tasks, None).start(demo_db_path, demo=False)
    qtbot.waitUntil(lambda: window.engine is not None, timeout=10_000)
    assert window.statusBar().currentMessage() == "400 vendors · 150 people"
    assert window.search_bar.isEnabled() and window.results_model.rowCount() > 0
    assert window.db is not None
    window.db.close()


def test_a_broken_database_is_reported_in_the_window(qtbot: QtBot, tasks: TaskRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    Startup(window, tasks, None).start(broken, demo=False)
    qtbot.waitUntil(lambda: "Cannot open the directory" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.engine is None


def test_demo_fills_an_empty_database_once(qtbot: QtBot, tasks: TaskRunner, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    Startup(window, tasks, None).start(path, demo=True)
    qtbot.waitUntil(lambda: window.engine is not None, timeout=30_000)
    assert window.engine is not None and len(window.engine.snapshot.vendors.ids) == 400
    assert window.db is not None
    window.db.close()
    # Opening it again keeps the neighbourhood rather than adding a second one.
    again = open_directory(path, demo=True)
    again.db.close()
    assert len(again.engine.snapshot.vendors.ids) == 400


def test_screenshot_writes_the_populated_window(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    completed = subprocess.run(
        [sys.executable, "-m", "recommender", "--db", str(demo_db_path), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500
    # A painted window has many colours; a blank or failed grab has one or two.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20


def test_screenshot_of_a_broken_database_fails_with_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    out = tmp_path / "window.png"
    completed = subprocess.run(
        [sys.executable, "-m", "recommender", "--db", str(broken), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert completed.returncode == 1
    assert "grapevine: error:" in completed.stderr and str(broken) in completed.stderr
    assert not out.exists()
