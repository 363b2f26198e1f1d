"""Groups and who may use them: creating groups, invites, redeeming them for device tokens, removing members.

Device tokens carry 256 random bits (``secrets.token_urlsafe(32)``) and are stored only as SHA-256 hashes; a
plain hash suffices because the token itself is random, unlike a password.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from recommender.server import schemas
from recommender.server.models import Device, Invite, JoinAttempt, Member, SyncGroup

TOKEN_BYTES = 32


class AccessDenied(Exception):
    """A request the server refuses; ``status`` is the HTTP status that says why."""

    def __init__(self, status: int, detail: str):
        super().__init__(detail)
        self.status = status
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Caller:
    """The device behind a bearer token and the member it signs in as."""

    device_id: uuid.UUID
    member_id: uuid.UUID
    group_id: uuid.UUID
    person_id: uuid.UUID
    is_admin: bool


def new_secret() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


# Invite codes are read aloud, typed and pasted into a shell: letters and digits in groups of four, never
# starting with "-" (``token_urlsafe`` did one time in 64, and ``grapevine group join -k3...`` took it for an
# option). 160 bits: an invite also expires, has few uses and its redemption is rate-limited.
INVITE_BYTES = 20


def new_invite_code() -> str:
    letters = base64.b32encode(secrets.token_bytes(INVITE_BYTES)).decode()
    return "-".join(letters[start : start + 4] for start in range(0, len(letters), 4))


def invite_code_hash(code: str) -> str:
    """The stored form of an invite code, however it was typed (case, spaces, dashes)."""
    return secret_hash("".join(code.split()).replace("-", "").upper())


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def utc_from_ms(now_ms: int) -> dt.datetime:
    """Naive UTC from epoch milliseconds: SQLite keeps no time zone, so both databases compare the same way."""
    return dt.datetime.fromtimestamp(now_ms / 1000, dt.UTC).replace(tzinfo=None)


# Built once with a bound parameter: every request signs in, and building the statement cost more than running it.
_SIGN_IN = (
    select(Device.id, Member.id, Member.group_id, Member.person_id, Member.is_admin)
    .join(Member, Member.id == Device.member_id)
    .where(Device.token_hash == bindparam("token_hash"), Device.revoked_at.is_(None), Member.removed_at.is_(None))
)


def authenticate(session: Session | Connection, token: str | None) -> Caller:
    """The caller a bearer token stands for: 401 when missing, unknown, revoked or removed from the group."""
    if not token:
        raise AccessDenied(401, "sign in: this request needs a device token (Authorization: Bearer ...)")
    row = session.execute(_SIGN_IN, {"token_hash": secret_hash(token)}).one_or_none()
    if row is None:
        raise AccessDenied(401, "this device token is not valid (unknown, revoked, or its member was removed)")
    return Caller(*row)


def require_group(caller: Caller, group_id: uuid.UUID, *, admin: bool = False) -> None:
    if caller.group_id != group_id:
        raise AccessDenied(403, "this device is not a member of that group")
    if admin and not caller.is_admin:
        raise AccessDenied(403, "only the group's admin may do this")


def create_group(session: Session, request: schemas.CreateGroup, now: dt.datetime) -> schemas.Membership:
    group = SyncGroup(id=uuid.uuid4(), name=request.name, last_seq=0, created_at=now)
    session.add(group)
    session.flush()
    return _add_member(session, group, request.person_id, request.display_name, now, is_admin=True)


def create_invite(
    session: Session, caller: Caller, request: schemas.CreateInvite, now: dt.datetime
) -> schemas.InviteCode:
    code = new_invite_code()
    expires_at = now + dt.timedelta(seconds=request.expires_in_s)
    session.add(
        Invite(
            id=uuid.uuid4(),
            group_id=caller.group_id,
            code_hash=invite_code_hash(code),
            created_by=caller.member_id,
            expires_at=expires_at,
            max_uses=request.max_uses,
            uses=0,
        )
    )
    return schemas.InviteCode(code=code, expires_at=expires_at, max_uses=request.max_uses)


def rate_limited(session: Session, key: str, allowed: int, window: dt.timedelta, now: dt.datetime) -> bool:
    """Whether ``key`` (an action and a client address) was tried ``allowed`` times within ``window``; if not,
    this try is counted. Kept in the database, so the limit holds across server processes."""
    since = now - window
    session.execute(delete(JoinAttempt).where(JoinAttempt.at < since))
    tried = session.scalar(select(func.count()).where(JoinAttempt.address == key, JoinAttempt.at >= since)) or 0
    if tried >= allowed:
        return True
    session.add(JoinAttempt(address=key, at=now))
    return False


def redeem_invite(session: Session, request: schemas.Join, now: dt.datetime) -> schemas.Membership:
    """A new member (or a known member's new device) of the invite's group; 403 for unusable codes."""
    # The row lock (PostgreSQL) or write lock (SQLite) makes the use count exact under concurrent redemptions.
    invite = session.scalar(select(Invite).where(Invite.code_hash == invite_code_hash(request.code)).with_for_update())
    if invite is None:
        raise AccessDenied(403, "this invite code is not valid")
    if invite.expires_at <= now:
        raise AccessDenied(403, "this invite code has expired: ask the group's admin for a new one")
    if invite.uses >= invite.max_uses:
        raise AccessDenied(403, "this invite code has been used up: ask the group's admin for a new one")
    invite.uses += 1
    group = session.get_one(SyncGroup, invite.group_id)
    return _add_member(session, group, request.person_id, request.display_name, now, is_admin=False)


def _add_member(
    session: Session, group: SyncGroup, person_id: uuid.UUID, display_name: str, now: dt.datetime, *, is_admin: bool
) -> schemas.Membership:
    # The same person joining again from another device signs in as the same member.
    member = session.scalar(
        select(Member).where(Member.group_id == group.id, Member.person_id == person_id, Member.removed_at.is_(None))
    )
    if member is None:
        member = Member(
            id=uuid.uuid4(),
            group_id=group.id,
            person_id=person_id,
            display_name=display_name,
            is_admin=is_admin,
            joined_at=now,
        )
        session.add(member)
        session.flush()
    token = new_secret()
    device = Device(id=uuid.uuid4(), member_id=member.id, token_hash=secret_hash(token), created_at=now)
    session.add(device)
    session.flush()
    return schemas.Membership(
        group_id=group.id,
        group_name=group.name,
        member_id=member.id,
        device_id=device.id,
        token=token,
        is_admin=member.is_admin,
    )


def list_members(session: Session, caller: Caller) -> schemas.Members:
    group = session.get_one(SyncGroup, caller.group_id)
    members = session.scalars(
        select(Member).where(Member.group_id == caller.group_id, Member.removed_at.is_(None)).order_by(Member.joined_at)
    ).all()
    devices: dict[uuid.UUID, list[schemas.DeviceInfo]] = {}
    for device in session.scalars(select(Device).where(Device.member_id.in_([m.id for m in members]))):
        info = schemas.DeviceInfo(id=device.id, created_at=device.created_at, revoked=device.revoked_at is not None)
        devices.setdefault(device.member_id, []).append(info)
    return schemas.Members(
        group_id=group.id,
        group_name=group.name,
        members=[
            schemas.MemberInfo(
                id=m.id,
                person_id=m.person_id,
                display_name=m.display_name,
                is_admin=m.is_admin,
                devices=devices.get(m.id, []),
            )
            for m in members
        ],
    )


def remove_member(session: Session, caller: Caller, member_id: uuid.UUID, now: dt.datetime) -> None:
    """Remove a member (the admin anyone, a member themselves) and sign out all their devices."""
    if member_id != caller.member_id and not caller.is_admin:
        raise AccessDenied(403, "only the group's admin may remove other members")
    member = session.get(Member, member_id)
    if member is None or member.group_id != caller.group_id or member.removed_at is not None:
        raise AccessDenied(404, "no such member in this group")
    member.removed_at = now
    session.execute(
        update(Device).where(Device.member_id == member_id, Device.revoked_at.is_(None)).values(revoked_at=now)
    )


def revoke_device(session: Session, caller: Caller, device_id: uuid.UUID, now: dt.datetime) -> None:
    """Sign one device out (the admin any device of the group, a member their own)."""
    device = session.get(Device, device_id)
    member = session.get(Member, device.member_id) if device is not None else None
    if device is None or member is None or member.group_id != caller.group_id:
        raise AccessDenied(404, "no such device in this group")
    if member.id != caller.member_id and not caller.is_admin:
        raise AccessDenied(403, "only the group's admin may sign out other members' devices")
    if device.revoked_at is None:
        device.revoked_at = now
