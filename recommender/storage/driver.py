"""The SQLite connection under a session, for the few statements a sync round repeats every minute.

Through SQLAlchemy a small statement costs 0.1-0.3 ms of Python (building the expression, the cache key, the ORM's
result machinery); through the DB-API connection it costs a few microseconds. A background sync round makes a
dozen of them and must stay under ten milliseconds, so its bookkeeping (cursor, queue size, membership, the
``local_meta`` entries) and the page merge in :mod:`recommender.sync.apply` go straight to the connection, in the
session's own transaction. Values are passed in their stored form: ids as 32 hex digits, as SQLAlchemy stores a
``Uuid`` on SQLite.

Nothing is flushed first: a caller holding unflushed ORM objects of the same tables flushes them itself.
"""

from __future__ import annotations

import sqlite3
from typing import cast

from sqlalchemy.orm import Session


def sqlite_of(session: Session) -> sqlite3.Connection:
    """The DB-API connection of ``session``'s transaction (begun now if it has not yet)."""
    return cast(sqlite3.Connection, session.connection().connection.driver_connection)
