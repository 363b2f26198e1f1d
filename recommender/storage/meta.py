"""Reading and writing ``local_meta`` entries with single statements on the session's own connection.

A sync round writes two of them (the clock and "last synced") and reads a few more; through ``Session.merge``
and ``Session.get`` each took about half a millisecond of a round that must stay under ten (see
:mod:`recommender.storage.driver`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from recommender.storage.driver import sqlite_of


def put_meta(session: Session, key: str, value: str) -> None:
    """Store ``value`` under ``key``, replacing what was there."""
    sqlite_of(session).execute(
        "INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def get_meta(session: Session, keys: Iterable[str]) -> dict[str, str]:
    """The stored values of those ``keys`` that have one."""
    wanted = list(keys)
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = sqlite_of(session).execute(f"SELECT key, value FROM local_meta WHERE key IN ({marks})", wanted)
    return {str(key): str(value) for key, value in rows}
