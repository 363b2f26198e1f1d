"""Fixtures for the desktop app: a small demo directory, a task runner, and a loaded main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from recommender.demo.generator import generate_demo
from recommender.storage.database import Database
from ui.app import Directory, open_directory
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

DEMO_SEED = 11


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo neighbourhood (400 vendors, 150 people), built once and only read by the tests."""
    path = tmp_path_factory.mktemp("ui") / "demo.sqlite"
    db = Database.open(path)
    try:
        generate_demo(db, "small", seed=DEMO_SEED)
    finally:
        db.close()
    return path


@pytest.fixture
def directory(demo_db_path: Path) -> Iterator[Directory]:
    loaded = open_directory(demo_db_path)
    yield loaded
    loaded.db.close()


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    assert runner.wait(5000)
    # Deliver what the workers finished so no outcome is left pointing at a closed database.
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


@pytest.fixture
def window(qtbot: QtBot, directory: Directory, tasks: TaskRunner) -> MainWindow:
    """The main window as the user sees it once the directory has loaded (tasks end before the database closes)."""
    main_window = MainWindow(tasks)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.set_directory(directory.db, directory.engine)
    return main_window


@pytest.fixture
def writable(qtbot: QtBot, tasks: TaskRunner, demo_db_path: Path, tmp_path: Path) -> Iterator[Directory]:
    """A private copy of the demo directory that the test may change."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_db_path, path)
    loaded = open_directory(path)
    yield loaded
    # Let every write the test started finish before its database closes.
    assert tasks.wait(5000)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    loaded.db.close()
