"""Groups and who may use them: creating groups, invites, redeeming them for device tokens, removing members.

A member's person id is the server's to assign, never the request's: a new member gets a fresh one; a person
already signed in on this server (another group) keeps theirs by authenticating; another device of a member
signs in with a one-time device code that member made on a device they have.

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
from recommender.server.models import Device, DeviceCode, Invite, JoinAttempt, Member, SyncGroup

TOKEN_BYTES = 32
# A device code is typed on the new device within minutes of being made on the old one, and works once.
DEVICE_CODE_LIFETIME = dt.timedelta(minutes=15)


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


def create_group(
    session: Session, request: schemas.CreateGroup, now: dt.datetime, known: Caller | None = None
) -> schemas.Membership:
    """A new group with the caller as admin: a new person, or ``known`` (signed in on this server) as themselves."""
    group = SyncGroup(id=uuid.uuid4(), name=request.name, last_seq=0, created_at=now)
    session.add(group)
    session.flush()
    person_id = known.person_id if known is not None else new_person_id(session)
    return _add_member(session, group, person_id, request.display_name, now, is_admin=True)


def new_person_id(session: Session) -> uuid.UUID:
    """A person id this server has never handed out (random, and checked: it must never name someone else)."""
    while True:
        person_id = uuid.uuid4()
        if session.scalar(select(Member.id).where(Member.person_id == person_id).limit(1)) is None:
            return person_id


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


def redeem(
    session: Session, request: schemas.Join, now: dt.datetime, known: Caller | None = None
) -> schemas.Membership:
    """Redeem an invite code (a new member) or a device code (a member's other device); 403 for unusable codes.

    ``known`` is the caller when signed in on this server already: joining another group as the same person.
    """
    code_hash = invite_code_hash(request.code)
    # The row lock (PostgreSQL) or write lock (SQLite) makes the use count exact under concurrent redemptions.
    invite = session.scalar(select(Invite).where(Invite.code_hash == code_hash).with_for_update())
    if invite is None:
        return _redeem_device_code(session, code_hash, now)
    if request.display_name is None:
        raise AccessDenied(422, "joining with an invite code needs your display_name")
    if invite.expires_at <= now:
        raise AccessDenied(403, "this invite code has expired: ask the group's admin for a new one")
    if invite.uses >= invite.max_uses:
        raise AccessDenied(403, "this invite code has been used up: ask the group's admin for a new one")
    group = session.get_one(SyncGroup, invite.group_id)
    if known is None:
        person_id = new_person_id(session)
    else:
        person_id = known.person_id
        already = select(Member.id).where(
            Member.group_id == group.id, Member.person_id == person_id, Member.removed_at.is_(None)
        )
        if session.scalar(already) is not None:
            raise AccessDenied(409, "you are a member of this group already: add a device with a device code")
    invite.uses += 1
    return _add_member(session, group, person_id, request.display_name, now, is_admin=False)


def create_device_code(session: Session, caller: Caller, now: dt.datetime) -> schemas.DeviceCodeAnswer:
    """A one-time code that signs one more device in as the caller's member (typed on that device at join)."""
    code = new_invite_code()
    expires_at = now + DEVICE_CODE_LIFETIME
    session.add(
        DeviceCode(id=uuid.uuid4(), member_id=caller.member_id, code_hash=invite_code_hash(code), expires_at=expires_at)
    )
    return schemas.DeviceCodeAnswer(code=code, expires_at=expires_at)


def _redeem_device_code(session: Session, code_hash: str, now: dt.datetime) -> schemas.Membership:
    # Invalid and used-up codes get the invite's wording: a guess learns nothing about which kind it hit.
    device_code = session.scalar(select(DeviceCode).where(DeviceCode.code_hash == code_hash).with_for_update())
    if device_code is None:
        raise AccessDenied(403, "this invite code is not valid")
    if device_code.used_at is not None:
        raise AccessDenied(403, "this device code has been used already: make a new one on your other device")
    if device_code.expires_at <= now:
        raise AccessDenied(403, "this device code has expired: make a new one on your other device")
    member = session.get_one(Member, device_code.member_id)
    if member.removed_at is not None:
        raise AccessDenied(403, "this device code is not valid (its member has left the group)")
    device_code.used_at = now
    return _new_device(session, session.get_one(SyncGroup, member.group_id), member, now)


def _add_member(
    session: Session, group: SyncGroup, person_id: uuid.UUID, display_name: str, now: dt.datetime, *, is_admin: bool
) -> schemas.Membership:
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
    return _new_device(session, group, member, now)


def _new_device(session: Session, group: SyncGroup, member: Member, now: dt.datetime) -> schemas.Membership:
    token = new_secret()
    device = Device(id=uuid.uuid4(), member_id=member.id, token_hash=secret_hash(token), created_at=now)
    session.add(device)
    session.flush()
    return schemas.Membership(
        group_id=group.id,
        group_name=group.name,
        member_id=member.id,
        person_id=member.person_id,
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
    # Orphaning means members left without an admin: the last member of all may still leave.
    if member.is_admin and _other_admins(session, member) == 0 and _other_members(session, member) > 0:
        raise AccessDenied(409, "the group's last admin cannot leave or be removed: hand over admin rights first")
    member.removed_at = now
    session.execute(
        update(Device).where(Device.member_id == member_id, Device.revoked_at.is_(None)).values(revoked_at=now)
    )


def _other_members(session: Session, member: Member) -> int:
    others = select(func.count()).where(
        Member.group_id == member.group_id, Member.removed_at.is_(None), Member.id != member.id
    )
    return session.scalar(others) or 0


def _other_admins(session: Session, member: Member) -> int:
    others = select(func.count()).where(
        Member.group_id == member.group_id,
        Member.is_admin.is_(True),
        Member.removed_at.is_(None),
        Member.id != member.id,
    )
    return session.scalar(others) or 0


def hand_over_admin(session: Session, caller: Caller, member_id: uuid.UUID) -> None:
    """Make another member the group's admin instead of the caller (who may then leave)."""
    if not caller.is_admin:
        raise AccessDenied(403, "only the group's admin may hand over admin rights")
    # Locks the group's row: two admins handing over to each other at once cannot both step down.
    session.execute(update(SyncGroup).where(SyncGroup.id == caller.group_id).values(last_seq=SyncGroup.last_seq))
    target = session.get(Member, member_id)
    if target is None or target.group_id != caller.group_id or target.removed_at is not None:
        raise AccessDenied(404, "no such member in this group")
    if target.id == caller.member_id:
        raise AccessDenied(409, "you are the admin already: hand over to another member")
    target.is_admin = True
    session.get_one(Member, caller.member_id).is_admin = False


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
