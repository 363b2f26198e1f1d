"""The server's database: SQLite by default, PostgreSQL for several server processes sharing one database.

The schema is brought to the newest revision on start by the Alembic migrations in ``recommender.server.migrations``
(a new database gets every table, one from an older release is upgraded in place); on PostgreSQL an advisory lock
keeps two processes starting together from racing: one migrates, the other waits and then finds it done.

SQLite write transactions begin IMMEDIATE so concurrent pushes queue on the database lock instead of failing midway;
PostgreSQL serialises pushes to one group on its row lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from recommender.storage.database import sqlite_engine
from recommender.storage.migrations import SchemaError

SERVER_DATABASE_FILENAME = "grapevine-server.sqlite"
# Any constant: the key of PostgreSQL's advisory lock held while the schema is checked and migrated.
_SCHEMA_LOCK_KEY = 0x6772617065


class StoreError(Exception):
    """The server's database URL is unusable, the database cannot be reached, or its schema is not one we can use."""


def default_database_url() -> str:
    path = platformdirs.user_data_path("Grapevine", appauthor=False) / SERVER_DATABASE_FILENAME
    return f"sqlite:///{path}"


class ServerStore:
    """Sessions over the server's database, one per request."""

    def __init__(self, database_url: str):
        try:
            url = make_url(database_url)
        except ArgumentError as error:
            raise StoreError(f"not a database URL: {database_url!r}") from error
        self.dialect = url.get_backend_name()
        if self.dialect == "sqlite":
            self.engine = _sqlite_engine(database_url, url.database, "BEGIN IMMEDIATE")
            # Pulls read a WAL snapshot with a deferred BEGIN, so they never wait for pushes.
            self._read_engine = _sqlite_engine(database_url, url.database, "BEGIN")
        elif self.dialect == "postgresql":
            self.engine = create_engine(database_url, pool_size=10, max_overflow=20, pool_pre_ping=True)
            self._read_engine = self.engine
        else:
            raise StoreError(f"unsupported database {self.dialect!r}: use sqlite:///PATH or postgresql+psycopg://...")
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self._read_engine)

    def create_tables(self) -> None:
        """Bring the schema to this release's newest revision, in one transaction (rolled back whole on failure).

        Raises StoreError for a database that is unreachable, not the server's, or written by a newer release."""
        # Alembic loads only here, once per process start, not with the modules that serve requests.
        from recommender.server.migrations import upgrade_to_head  # noqa: PLC0415

        try:
            with self.engine.begin() as connection:
                if self.dialect == "postgresql":
                    # Held to the end of the transaction: a second process starting now waits, then finds the head.
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
                upgrade_to_head(connection)
        except SchemaError as error:
            raise StoreError(f"cannot use the server database: {error}") from error
        except DBAPIError as error:
            # Unreachable, refused, or not a database at all (e.g. a text file given as the SQLite path).
            raise StoreError(f"cannot open the server database: {error.orig}") from error

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back everything if it raises."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot for one request."""
        with self._read_sessions() as session, session.begin():
            yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A read-only snapshot without an ORM session, for the pull route (a session costs more than its query)."""
        with self._read_engine.connect() as connection, connection.begin():
            yield connection

    def close(self) -> None:
        self.engine.dispose()
        self._read_engine.dispose()


def _sqlite_engine(database_url: str, database: str | None, begin_statement: str) -> Engine:
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    return sqlite_engine(database_url, begin_statement, shared_across_threads=True)
