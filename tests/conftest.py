"""Shared fixtures: a temporary database, the real-data folder, and offscreen Qt for the UI tests."""

from __future__ import annotations

import os
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
