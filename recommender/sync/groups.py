"""Creating, joining and leaving groups from this install; what ``grapevine group`` and the app's dialogs call.

On creating or joining, this install's owner (their Person record) is shared with the group: the server ties
the member to that person, and the other members need it to see whose reviews they are reading.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from sqlalchemy import select

from recommender.storage.changelog import Changes
from recommender.storage.database import Database
from recommender.storage.models import Person
from recommender.sync.audience import share
from recommender.sync.client import SyncClient, SyncError
from recommender.sync.membership import GroupLink, forget_group, load_membership, save_membership

logger = logging.getLogger(__name__)

ClientFor = Callable[[str, str | None], SyncClient]


class NoOwnerError(SyncError):
    """Sync needs to know who this install's owner is (first-run setup not done)."""


def _owner(db: Database) -> tuple[uuid.UUID, str]:
    with db.read() as session:
        me = session.scalar(select(Person).where(Person.is_me.is_(True)))
        if me is None:
            raise NoOwnerError("set up who you are first (your name in the app's welcome, or import your card)")
        return me.id, me.display_name


def _join_locally(db: Database, server_url: str, membership: dict[str, object], allow_insecure: bool) -> GroupLink:
    with db.write() as uow:
        link = save_membership(uow, server_url, membership, allow_insecure=allow_insecure)
        me = uow.session.scalar(select(Person).where(Person.is_me.is_(True)))
        assert me is not None
        uow.recorder.update(me, {"member_id": str(link.member_id)})
        share(uow, me, link.group_id)
    return link


def create_group(db: Database, name: str, client: SyncClient) -> GroupLink:
    """Create a group on the client's server with this install's owner as its admin."""
    person_id, display_name = _owner(db)
    membership = client.create_group(name, person_id, display_name)
    link = _join_locally(db, client.base_url, membership, client.allow_insecure)
    logger.info("created group %s on %s", link.group_id, link.server_url)
    return link


def join_group(db: Database, code: str, client: SyncClient) -> GroupLink:
    """Redeem an invite code; the group's directory arrives with the next sync."""
    person_id, display_name = _owner(db)
    membership = client.join(code, person_id, display_name)
    link = _join_locally(db, client.base_url, membership, client.allow_insecure)
    logger.info("joined group %s on %s", link.group_id, link.server_url)
    return link


def create_invite(link: GroupLink, client: SyncClient, expires_in_s: int, max_uses: int) -> dict[str, object]:
    """A new invite code for the group (admins only); the server says when it expires."""
    return client.create_invite(link.group_id, expires_in_s, max_uses)


def leave_group(db: Database, link: GroupLink, client: SyncClient) -> Changes:
    """Leave on the server (signing this member out), then forget the group here; the records stay."""
    try:
        client.remove_member(link.group_id, link.member_id)
    except SyncError as error:
        # Already removed or signed out by the admin: leaving locally is all that is left to do.
        if error.status != 401:
            raise
    with db.write() as uow:
        forget_group(uow, link.group_id)
    return Changes()


def membership(db: Database, group_id: uuid.UUID) -> GroupLink | None:
    with db.read() as session:
        return load_membership(session, group_id)
