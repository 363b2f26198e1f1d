"""Fixtures for the desktop app: a small demo directory, a task runner, a loaded main window, a stand-in Nominatim."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from recommender.demo.generator import generate_demo
from recommender.storage.database import Database
from tests.ui.import_support import ImportApp, build_import_app
from ui.app import Directory, open_directory
from ui.directory_actions import DirectoryActions
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
def app(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> tuple[MainWindow, DirectoryActions]:
    """The window with its menus on a private copy of the demo, as the user edits it."""
    window = MainWindow(tasks)
    actions = DirectoryActions(window, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_directory(writable.db, writable.engine)
    return window, actions


@pytest.fixture
def import_app(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> ImportApp:
    """The window with File ▸ Import on a private copy of the demo (see ``import_support``)."""
    return build_import_app(qtbot, tasks, writable)


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


MILL_ROAD = {"place_id": 1, "lat": "52.1984", "lon": "0.1398", "display_name": "Mill Road, Cambridge, UK"}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        # Any query naming "mill road" is found; anything else is no such place, as Nominatim answers.
        found = "mill+road" in self.path.casefold() or "mill%20road" in self.path.casefold()
        body = json.dumps([MILL_ROAD] if found else []).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def nominatim_url() -> Iterator[str]:
    """A stand-in Nominatim on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
