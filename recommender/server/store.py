"""The server's database: SQLite by default, PostgreSQL for several server processes sharing one database.

Tables are created on start (``create_all`` is idempotent); on PostgreSQL an advisory lock keeps two processes
starting together from racing to create them. SQLite write transactions begin IMMEDIATE so concurrent pushes
queue on the database lock instead of failing midway; PostgreSQL serialises pushes to one group on its row lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from recommender.server.models import ServerBase
from recommender.storage.database import sqlite_engine

SERVER_DATABASE_FILENAME = "grapevine-server.sqlite"
# Any constant: the key of PostgreSQL's advisory lock held while the tables are created.
_SCHEMA_LOCK_KEY = 0x6772617065


class StoreError(Exception):
    """The server's database URL is unusable or the database cannot be reached."""


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
        try:
            with self.engine.begin() as connection:
                if self.dialect == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
                ServerBase.metadata.create_all(connection)
        except OperationalError as error:
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
