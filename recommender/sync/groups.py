"""Creating, joining and leaving groups from this install; what ``grapevine group`` and the app's dialogs call.

The server assigns each member their person id; on creating or joining the first group this install's owner is
re-keyed to it (see :mod:`recommender.sync.identity`), and in later groups on the same server the owner signs in
with a device token they hold there, so the server keeps them the same person. The owner's Person record is
then shared with the group: the other members need it to see whose reviews they are reading.
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
from recommender.sync.identity import adopt_person_id
from recommender.sync.membership import (
    GroupLink,
    forget_group,
    list_memberships,
    load_membership,
    save_admin,
    save_membership,
)

logger = logging.getLogger(__name__)

ClientFor = Callable[[str, str | None], SyncClient]


class NoOwnerError(SyncError):
    """Sync needs to know who this install's owner is (first-run setup not done)."""


class IdentityConflictError(SyncError):
    """The server made this install's owner a different person than the one they are in their other groups."""


def _owner(db: Database, server_url: str) -> tuple[uuid.UUID, str, str | None]:
    """Me, my name, and a device token of mine on that server (proof that I am me there), if I have one."""
    with db.read() as session:
        me = session.scalar(select(Person).where(Person.is_me.is_(True)))
        if me is None:
            raise NoOwnerError("set up who you are first (your name in the app's welcome, or import your card)")
        tokens = [link.token for link in list_memberships(session) if link.server_url == server_url]
        return me.id, me.display_name, tokens[0] if tokens else None


def _join_locally(db: Database, client: SyncClient, membership: dict[str, object]) -> GroupLink:
    person_id = uuid.UUID(str(membership["person_id"]))
    with db.write() as uow:
        me = uow.session.scalar(select(Person).where(Person.is_me.is_(True)))
        assert me is not None
        if me.id != person_id:
            if list_memberships(uow.session):
                # My records in my other groups are under my id there: they cannot move.
                conflict = True
            else:
                conflict = False
                adopt_person_id(uow, me.id, person_id)
                me = uow.session.get_one(Person, person_id)
        else:
            conflict = False
        if not conflict:
            link = save_membership(uow, client.base_url, membership, allow_insecure=client.allow_insecure)
            uow.recorder.update(me, {"member_id": str(link.member_id)})
            share(uow, me, link.group_id)
    if conflict:
        _undo_membership(client, membership)
        raise IdentityConflictError(
            "this server would make you a different person than in your groups on other servers; Grapevine can "
            "keep one identity only: join groups on the server of your first group"
        )
    return link


def _undo_membership(client: SyncClient, membership: dict[str, object]) -> None:
    signed_in = SyncClient(client.base_url, str(membership["token"]), allow_insecure=client.allow_insecure)
    with signed_in:
        try:
            signed_in.remove_member(uuid.UUID(str(membership["group_id"])), uuid.UUID(str(membership["member_id"])))
        except SyncError as error:
            logger.warning("could not leave the group just joined: %s", error)


def create_group(db: Database, name: str, client: SyncClient, *, operator_token: str | None = None) -> GroupLink:
    """Create a group on the client's server with this install's owner as its admin (``operator_token``: on an
    invite-only server, its operator's)."""
    _, display_name, identity = _owner(db, client.base_url)
    membership = client.create_group(name, display_name, identity_token=identity, operator_token=operator_token)
    link = _join_locally(db, client, membership)
    logger.info("created group %s on %s", link.group_id, link.server_url)
    return link


def join_group(db: Database, code: str, client: SyncClient) -> GroupLink:
    """Redeem an invite code (a new member) or a device code (another device of a member, made on one of theirs).

    The group's directory arrives with the next sync."""
    _, display_name, identity = _owner(db, client.base_url)
    membership = client.join(code, display_name, identity_token=identity)
    link = _join_locally(db, client, membership)
    logger.info("joined group %s on %s", link.group_id, link.server_url)
    return link


def create_device_code(link: GroupLink, client: SyncClient) -> dict[str, object]:
    """A one-time code to type on another device of mine (``grapevine group join CODE``), valid for minutes."""
    return client.create_device_code(link.group_id)


def hand_over_admin(db: Database, link: GroupLink, client: SyncClient, member_id: uuid.UUID) -> None:
    """Make another member the group's admin instead of me (the last admin must before leaving)."""
    client.hand_over_admin(link.group_id, member_id)
    with db.write() as uow:
        save_admin(uow, link.group_id, is_admin=False)


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
