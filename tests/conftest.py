"""Shared fixtures: a temporary database, the real-data folder, and offscreen Qt for the UI tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must find its platform plugin before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from recommender.directory.people import PersonDraft, set_me
from recommender.storage.database import CACHE_DIR_VARIABLE, Database

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Snapshot copies go to a folder of the test run's own, never the user's cache (inherited by subprocesses)."""
    os.environ[CACHE_DIR_VARIABLE] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def shared_data() -> Path:
    """The real third-party data beside the project (always present in CI)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "grapevine.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, migrated, empty database file."""
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def me_db(db: Database) -> Database:
    """A database whose owner ("me") is set up, as after the first-run welcome."""
    with db.write() as uow:
        set_me(uow, PersonDraft("Sam Carter"))
    return db


_EXIT_STATUS = pytest.StashKey[int]()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process without the interpreter's shutdown, keeping pytest's exit status.

    Known problem, not yet understood: after some orders of the UI tests, the garbage collection that Python
    runs while shutting down aborts inside PySide ("bool_dealloc", a reference-count error in a C extension),
    after every test has passed and been reported. Everything pytest does has happened by now; only that
    shutdown is skipped, so the run's real status is what the caller sees."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(config.stash.get(_EXIT_STATUS, 0))
