"""Opening a Grapevine database: SQLite pragmas, schema migration on open, and units of work.

Write transactions start with ``BEGIN IMMEDIATE``: SQLite then serialises writers up front (waiting on the busy
timeout) instead of failing a deferred transaction mid-way when it first tries to write, which is what lets two
processes write one database safely. Reads use ordinary deferred transactions and never block writers under WAL.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from recommender.storage.changelog import ChangeRecorder, Changes
from recommender.storage.hlc import wall_clock_ms
from recommender.storage.migrations import SchemaError, upgrade_to_head

logger = logging.getLogger(__name__)

APP_NAME = "Grapevine"
DATABASE_FILENAME = "grapevine.sqlite"
# How long a writer waits for another process's write transaction before giving up.
BUSY_TIMEOUT_S = 30.0


def default_database_path() -> Path:
    """The per-user database in the platform's data directory (e.g. ~/.local/share/Grapevine)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DATABASE_FILENAME


CACHE_DIR_VARIABLE = "GRAPEVINE_CACHE_DIR"
"""Overrides the cache folder (tests, or a machine whose home is on a slow network drive)."""


def cache_dir() -> Path:
    """Where copies that can be rebuilt are kept (snapshot copies, map tiles): the platform's user cache folder."""
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


class DatabaseError(Exception):
    """The database file cannot be used (unreadable, not a Grapevine database, or from a newer release)."""


def sqlite_engine(url: str, begin_statement: str, *, shared_across_threads: bool = False) -> Engine:
    """An SQLite engine as Grapevine uses one (the app's database and the sync server's): WAL, foreign keys,
    synchronous=FULL, and ``begin_statement`` ("BEGIN IMMEDIATE" for writers, "BEGIN" for readers) issued by us.

    ``shared_across_threads`` lets the server's worker threads share pooled connections."""
    connect_args: dict[str, Any] = {"timeout": BUSY_TIMEOUT_S}
    if shared_across_threads:
        connect_args["check_same_thread"] = False
    engine = create_engine(url, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module so that BEGIN is ours to issue.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # FULL: a committed write survives a power cut, not just a crash. On the server an acknowledged push
        # must: the client deletes its outbox rows on the server's word.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # The safety level cannot change inside a transaction, so a write that asked for less sets it here;
        # the level in force is remembered with the connection and changed only when a transaction wants another.
        level = "FULL" if connection.get_execution_options().get(DURABLE_OPTION, True) else "NORMAL"
        info = connection.connection.info
        if info.get(DURABLE_OPTION, "FULL") != level:
            connection.exec_driver_sql(f"PRAGMA synchronous={level}")
            info[DURABLE_OPTION] = level
        connection.exec_driver_sql(begin_statement)

    return engine


# Execution option of a connection: False lets its transactions commit without waiting for the disk.
DURABLE_OPTION = "grapevine_durable"


class UnitOfWork:
    """One write transaction: a session plus the recorder that stamps and logs every field it changes."""

    def __init__(self, session: Session, now_ms: Callable[[], int] = wall_clock_ms):
        self.session = session
        self.recorder = ChangeRecorder(session, now_ms)

    @property
    def changes(self) -> Changes:
        """What this unit of work has changed so far, for the caller to decide what to redraw."""
        return self.recorder.changes


class Database:
    """A Grapevine database file, migrated to the current schema when opened."""

    def __init__(self, path: Path, now_ms: Callable[[], int] = wall_clock_ms):
        self.path = path
        # The wall clock behind change stamps; tests replace it to make the clock jump.
        self.now_ms = now_ms
        self._write_engine = sqlite_engine(f"sqlite:///{path}", "BEGIN IMMEDIATE")
        self._read_engine = sqlite_engine(f"sqlite:///{path}", "BEGIN")
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self._read_engine)

    @classmethod
    def open(cls, path: Path | str | None = None, now_ms: Callable[[], int] = wall_clock_ms) -> Database:
        """Open (creating if needed) and migrate the database at ``path``, or the per-user default."""
        path = Path(path) if path is not None else default_database_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"cannot create the folder for {path}: {error.strerror}") from error
        _private_file(path)
        database = cls(path, now_ms)
        try:
            with database._write_engine.begin() as connection:
                upgrade_to_head(connection)
        except SchemaError as error:
            database.close()
            raise DatabaseError(f"cannot open {path}: {error}") from error
        except sqlite3.DatabaseError as error:
            database.close()
            raise DatabaseError(f"{path} is not a usable database: {error}") from error
        except Exception as error:
            database.close()
            # SQLAlchemy wraps sqlite3 errors; unwrap the common "not a database" case for a clear message.
            cause = getattr(error, "orig", None)
            if isinstance(cause, sqlite3.DatabaseError):
                raise DatabaseError(f"{path} is not a usable database: {cause}") from error
            raise
        logger.info("opened database %s", path)
        return database

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[UnitOfWork]:
        """A write transaction: commits when the block ends, rolls back everything if it raises.

        ``durable=False`` is for writes that can be fetched again, such as a page pulled from a group server with
        its cursor: the commit then skips waiting for the disk (synchronous=NORMAL under WAL). A crash of the app
        still loses nothing; a power cut may undo the last such transactions whole, cursor included, never half of
        one, and the next durable commit writes them out with it.
        """
        with self._write_sessions() as session, session.begin():
            if not durable:
                session.connection(execution_options={DURABLE_OPTION: False})
            unit = UnitOfWork(session, self.now_ms)
            yield unit
            unit.recorder.flush()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot of the database for the length of the block."""
        with self._read_sessions() as session:
            yield session

    @property
    def engine(self) -> Engine:
        """The engine used for writes, for bulk loaders that bypass the ORM."""
        return self._write_engine

    def close(self) -> None:
        self._write_engine.dispose()
        self._read_engine.dispose()


def _private_file(path: Path) -> None:
    """Create the database file readable by its owner only (it holds group tokens), or make an existing one so.

    SQLite gives the -wal and -shm files it creates the permissions of the database file."""
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            with contextlib.suppress(OSError):
                # Another user's file (opened read-only on purpose, say) is left as it is.
                if file.stat().st_mode & 0o077 and file.stat().st_uid == getattr(os, "getuid", lambda: -1)():
                    file.chmod(0o600)
    except OSError:
        return  # reported as the database error it will cause
    else:
        os.close(descriptor)
