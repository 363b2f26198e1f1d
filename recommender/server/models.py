"""The sync server's own tables: groups, members, devices, invites and each group's change feed.

Tokens and invite codes are stored only as SHA-256 hashes: a copy of the database lets no one sign in.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncGroup(ServerBase):
    """A group and the last sequence number handed out in its change feed (the per-group lock row)."""

    __tablename__ = "sync_groups"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Member(ServerBase):
    """A person in a group; the admin (its creator) may invite and remove members."""

    __tablename__ = "members"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_groups.id"))
    # The member's own Person record in the directory: what they alone may edit as their profile.
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    display_name: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[dt.datetime] = mapped_column(DateTime)
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_members_group_person", "group_id", "person_id"),)


class Device(ServerBase):
    """One installation signed in as a member, known by the hash of its bearer token."""

    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Invite(ServerBase):
    """An invite code (hashed) with its expiry and how many times it may still be redeemed."""

    __tablename__ = "invites"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_groups.id"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    max_uses: Mapped[int] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer, default=0)


class DeviceCode(ServerBase):
    """A one-time code a member makes on a device they have, to sign another device of theirs in (hashed)."""

    __tablename__ = "device_codes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class StampDevice(ServerBase):
    """The member whose devices first signed stamps with a device name in a group: no other member may use it.

    Stamps name the device that made an edit, and History puts a person to it; without this binding any member
    could sign an edit with another member's device name.
    """

    __tablename__ = "stamp_devices"

    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_groups.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))


class JoinAttempt(ServerBase):
    """One invite redemption attempt by a client address: rate limiting works across server processes."""

    __tablename__ = "join_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_join_attempts_address_at", "address", "at"),)


class ServerChange(ServerBase):
    """One accepted field change in a group's feed, numbered by the group's strictly increasing sequence."""

    __tablename__ = "changes"

    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_groups.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(64))
    # The value as JSON text, sent back verbatim: pulls build their response without re-encoding values.
    value_json: Mapped[str] = mapped_column(Text)
    # The stamp every replica merges by: the sent one, or the server's clamp of one too far in the future.
    stamp: Mapped[str] = mapped_column(String(64))
    # The stamp as the device sent it: with the record and field, what makes a re-sent change recognisable.
    sent_stamp: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)

    __table_args__ = (
        # Re-sent changes are recognised by this key and accepted once (idempotent push).
        UniqueConstraint("group_id", "sent_stamp", "entity", "record_id", "field", name="uq_changes_identity"),
    )


class RecordOwner(ServerBase):
    """Who may write a record of a group: set by the first change that names its owner."""

    __tablename__ = "record_owners"

    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_groups.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # The Person who owns it (review author, truster, the person themselves or whoever shared a contact).
    owner_person_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # A review typed on someone's behalf ("Anna told me"): its recorder may write it while Anna is no member.
    recorder_person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
