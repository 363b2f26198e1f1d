"""Reading and writing ``local_meta`` entries with single statements rather than through the ORM.

A sync round writes two of them (the clock and "last synced") and reads a few more; through ``Session.merge``
and ``Session.get`` each took about half a millisecond of a round that must stay under ten.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from recommender.storage.models import LocalMeta


def put_meta(session: Session, key: str, value: str) -> None:
    """Store ``value`` under ``key``, replacing what was there."""
    statement = insert(LocalMeta).values(key=key, value=value)
    session.execute(statement.on_conflict_do_update(index_elements=[LocalMeta.key], set_={"value": value}))


def get_meta(session: Session, keys: Iterable[str]) -> dict[str, str]:
    """The stored values of those ``keys`` that have one."""
    rows = session.execute(select(LocalMeta.key, LocalMeta.value).where(LocalMeta.key.in_(list(keys))))
    return {str(key): str(value) for key, value in rows}
