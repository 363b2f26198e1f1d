"""The groups this install belongs to, with the device token each server issued; kept in the local database.

The token sits in ``local_meta`` (never synced) next to the member and device ids the server assigned.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from recommender.storage.database import UnitOfWork
from recommender.storage.driver import sqlite_of
from recommender.storage.meta import get_meta, put_meta
from recommender.storage.models import Audience, Group, LocalMeta, OutboxEntry, SyncCursor

_FIELDS = ("token", "member_id", "device_id", "is_admin", "allow_insecure", "last_synced")


@dataclass(frozen=True)
class GroupLink:
    """One group as this install knows it."""

    group_id: uuid.UUID
    name: str
    server_url: str
    token: str
    member_id: uuid.UUID
    device_id: uuid.UUID
    is_admin: bool
    allow_insecure: bool
    # When a sync round with this group last completed (UTC, ISO 8601), for the app's status line.
    last_synced: dt.datetime | None = None

    def __repr__(self) -> str:
        # The token never ends up in a log line or a traceback through repr().
        return f"GroupLink({self.name!r}, {self.group_id}, {self.server_url})"


def _key(group_id: uuid.UUID, name: str) -> str:
    return f"sync:{group_id}:{name}"


def save_membership(uow: UnitOfWork, server_url: str, membership: dict[str, Any], *, allow_insecure: bool) -> GroupLink:
    """Remember a group just created or joined (``membership`` is the server's answer)."""
    group_id = uuid.UUID(membership["group_id"])
    session = uow.session
    group = session.get(Group, group_id)
    if group is None:
        group = Group(id=group_id, name=membership["group_name"], server_url=server_url)
        session.add(group)
    else:
        group.name, group.server_url = membership["group_name"], server_url
    values = {
        "token": membership["token"],
        "member_id": membership["member_id"],
        "device_id": membership["device_id"],
        "is_admin": "1" if membership["is_admin"] else "0",
        "allow_insecure": "1" if allow_insecure else "0",
    }
    for name, value in values.items():
        session.merge(LocalMeta(key=_key(group_id, name), value=str(value)))
    if session.get(SyncCursor, group_id) is None:
        session.add(SyncCursor(group_id=group_id, pulled_seq=0))
    session.flush()
    link = load_membership(session, group_id)
    assert link is not None
    return link


def load_membership(session: Session, group_id: uuid.UUID) -> GroupLink | None:
    """The group as this install knows it, or None if it is not (or no longer) a member.

    Read with two plain statements: every sync round starts here (see :mod:`recommender.storage.driver`).
    """
    group = sqlite_of(session).execute("SELECT name, server_url FROM groups WHERE id = ?", (group_id.hex,)).fetchone()
    if group is None or group[1] is None:
        return None
    name, server_url = group
    meta = get_meta(session, [_key(group_id, n) for n in _FIELDS])
    if _key(group_id, "token") not in meta:
        return None
    return GroupLink(
        group_id=group_id,
        name=name,
        server_url=server_url,
        token=meta[_key(group_id, "token")],
        member_id=uuid.UUID(meta[_key(group_id, "member_id")]),
        device_id=uuid.UUID(meta[_key(group_id, "device_id")]),
        is_admin=meta.get(_key(group_id, "is_admin")) == "1",
        allow_insecure=meta.get(_key(group_id, "allow_insecure")) == "1",
        last_synced=dt.datetime.fromisoformat(synced) if (synced := meta.get(_key(group_id, "last_synced"))) else None,
    )


def save_admin(uow: UnitOfWork, group_id: uuid.UUID, *, is_admin: bool) -> None:
    """Remember whether this member is the group's admin (after handing over, it is not)."""
    put_meta(uow.session, _key(group_id, "is_admin"), "1" if is_admin else "0")


def mark_synced(uow: UnitOfWork, group_id: uuid.UUID, when: dt.datetime) -> None:
    """Remember that a sync round with the group completed at ``when``."""
    put_meta(uow.session, _key(group_id, "last_synced"), when.isoformat())


def list_memberships(session: Session) -> list[GroupLink]:
    links = (load_membership(session, group_id) for group_id in session.scalars(select(Group.id).order_by(Group.name)))
    return [link for link in links if link is not None]


def forget_group(uow: UnitOfWork, group_id: uuid.UUID) -> None:
    """Leave a group locally: its queue, cursor, token and audience go; the records themselves stay."""
    session = uow.session
    session.execute(delete(OutboxEntry).where(OutboxEntry.group_id == group_id))
    session.execute(delete(SyncCursor).where(SyncCursor.group_id == group_id))
    session.execute(delete(Audience).where(Audience.group_id == group_id))
    session.execute(delete(LocalMeta).where(LocalMeta.key.in_([_key(group_id, n) for n in _FIELDS])))
    session.execute(delete(Group).where(Group.id == group_id))
