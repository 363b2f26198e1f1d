"""Typed SQLAlchemy models: the directory (people, trust, vendors, reviews) and the change log behind sync.

Shareable records carry a ``deleted`` flag instead of being removed: a delete is a tombstone field like any other,
so it syncs, merges and can be undone without losing the record's values.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from recommender.storage.json_text import JsonText

# Stable constraint names keep Alembic's batch migrations on SQLite predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Natural keys map to the same record id on every device, so two devices that both record "Anna's review of
# Dr. Lee" or "I trust Anna on pediatricians" create one record that merges field by field, not two.
_REVIEW_NAMESPACE = uuid.UUID("6f1d6a0e-8d0a-4b8e-9a53-6b1f3c2e7a01")
_TRUST_NAMESPACE = uuid.UUID("0b7c2f4e-3d9a-4c61-8e2f-5a4d9b1c7e02")
# Hearsay has its own namespace: no recorder can ever make the id of the author's own review.
_HEARSAY_NAMESPACE = uuid.UUID("3c9e5b7a-1f2d-4e8c-b6a4-7d0f2e9c5b03")


def review_id_for(author_id: uuid.UUID, vendor_id: uuid.UUID) -> uuid.UUID:
    """The one id of an author's own review of a vendor (one current review per author and vendor)."""
    return uuid.uuid5(_REVIEW_NAMESPACE, f"{author_id.hex}/{vendor_id.hex}")


def hearsay_id_for(recorder_id: uuid.UUID, author_id: uuid.UUID, vendor_id: uuid.UUID) -> uuid.UUID:
    """The one id of what the author told the recorder about a vendor ("Anna told me"), per recorder."""
    return uuid.uuid5(_HEARSAY_NAMESPACE, f"{recorder_id.hex}/{author_id.hex}/{vendor_id.hex}")


def recorded_review_id(recorder_id: uuid.UUID, author_id: uuid.UUID, vendor_id: uuid.UUID) -> uuid.UUID:
    """The id a review must have: the author's own (typed by the author) or the recorder's hearsay record."""
    if recorder_id == author_id:
        return review_id_for(author_id, vendor_id)
    return hearsay_id_for(recorder_id, author_id, vendor_id)


def trust_id_for(truster_id: uuid.UUID, trustee_id: uuid.UUID, category: str | None) -> uuid.UUID:
    """The one id of a trust link (general, or scoped to one category)."""
    return uuid.uuid5(_TRUST_NAMESPACE, f"{truster_id.hex}/{trustee_id.hex}/{category or ''}")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Person(Base):
    """Someone whose word counts: me, my contacts, and group members."""

    __tablename__ = "people"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    # Exactly one person per install is its owner; rankings are computed as seen from them. Who "me" is differs
    # on every device, so this field never syncs.
    is_me: Mapped[bool] = mapped_column(Boolean, default=False, info={"local_only": True})
    # The group member identity this person is known as on a sync server, once linked.
    member_id: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    trust_given: Mapped[list[Trust]] = relationship(back_populates="truster", foreign_keys="Trust.truster_id")
    trust_received: Mapped[list[Trust]] = relationship(back_populates="trustee", foreign_keys="Trust.trustee_id")
    reviews: Mapped[list[Review]] = relationship(back_populates="author", foreign_keys="Review.author_id")

    __table_args__ = (
        Index("ix_people_email", "email"),
        Index("ix_people_phone", "phone"),
        # At most one owner per database.
        Index("uq_people_is_me", "is_me", unique=True, sqlite_where=text("is_me = 1")),
    )


class Trust(Base):
    """How much the truster relies on the trustee, overall or for one category; level <= 0 is distrust."""

    __tablename__ = "trust"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    truster_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    trustee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    # A taxonomy key: trust scoped to one category overrides general trust for that category.
    category: Mapped[str | None] = mapped_column(String(64))
    # -1.0 (strong distrust) .. 1.0 (full trust); <= 0 blocks the trustee and everyone reached through them.
    level: Mapped[float] = mapped_column(Float)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    truster: Mapped[Person] = relationship(back_populates="trust_given", foreign_keys=[truster_id])
    trustee: Mapped[Person] = relationship(back_populates="trust_received", foreign_keys=[trustee_id])

    __table_args__ = (
        CheckConstraint("level >= -1.0 AND level <= 1.0", name="level_range"),
        CheckConstraint("truster_id != trustee_id", name="not_self"),
        Index("ix_trust_trustee", "trustee_id"),
    )


# General trust has no category; coalesce makes "no category" a value SQLite's unique index can compare.
Index("uq_trust_link", Trust.truster_id, Trust.trustee_id, func.coalesce(Trust.category, ""), unique=True)


class Vendor(Base):
    """A local business or person offering a service; shared and editable by every group member."""

    __tablename__ = "vendors"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(64))
    # Vendors without a public address (a babysitter, a dog walker) leave it empty and may describe where they
    # work instead: a named area and/or a radius around lat/lon.
    address: Mapped[str | None] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    service_area: Mapped[str | None] = mapped_column(String(200))
    service_radius_km: Mapped[float | None] = mapped_column(Float)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(500))
    # OpenStreetMap ``opening_hours`` syntax, kept as typed so nothing is lost before it can be parsed.
    opening_hours: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16), default="manual")
    source_id: Mapped[str | None] = mapped_column(String(200))
    # Licence credit that must travel with imported records (e.g. "© OpenStreetMap contributors, ODbL").
    attribution: Mapped[str | None] = mapped_column(String(200))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    reviews: Mapped[list[Review]] = relationship(back_populates="vendor")

    __table_args__ = (
        CheckConstraint("lat IS NULL OR (lat >= -90 AND lat <= 90)", name="lat_range"),
        CheckConstraint("lon IS NULL OR (lon >= -180 AND lon <= 180)", name="lon_range"),
        CheckConstraint("(lat IS NULL) = (lon IS NULL)", name="lat_lon_together"),
        Index("ix_vendors_category", "category"),
        Index("ix_vendors_source", "source", "source_id"),
    )


class Review(Base):
    """One person's verdict on a vendor; the author may differ from who typed it ("Anna told me...")."""

    __tablename__ = "reviews"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    vendor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vendors.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id"))
    rating: Mapped[int] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    visited_on: Mapped[dt.date | None] = mapped_column(Date)
    # When the verdict was given; older reviews weigh less in ranking.
    reviewed_on: Mapped[dt.date] = mapped_column(Date)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    vendor: Mapped[Vendor] = relationship(back_populates="reviews")
    author: Mapped[Person] = relationship(back_populates="reviews", foreign_keys=[author_id])
    recorded_by: Mapped[Person] = relationship(foreign_keys=[recorded_by_id])

    __table_args__ = (
        CheckConstraint("rating >= 1 AND rating <= 5", name="rating_range"),
        # One own review per author and vendor (recorder = author), one hearsay record per recorder, author and
        # vendor: Ben's and Cat's records of what Anna said about one vendor are two records.
        UniqueConstraint("recorded_by_id", "author_id", "vendor_id"),
        Index("ix_reviews_vendor", "vendor_id"),
    )


class Group(Base):
    """A sync group this install belongs to (a street, a parents' group)."""

    __tablename__ = "groups"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    server_url: Mapped[str | None] = mapped_column(String(500))


class Audience(Base):
    """Which groups a shareable record belongs to; a record with no rows here is local-only."""

    __tablename__ = "audiences"

    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("groups.id"), primary_key=True)

    __table_args__ = (Index("ix_audiences_group", "group_id"),)


class LocalMeta(Base):
    """Per-install facts that never sync: the device id and the last hybrid clock stamp."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FieldVersion(Base):
    """The stamp of the value each field currently holds: what a remote edit must beat to replace it."""

    __tablename__ = "field_versions"

    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(64))


class ChangeLogEntry(Base):
    """Every field value this install has known, in arrival order: the outbox's source and the field history.

    A value later overwritten stays here, so nothing acknowledged is dropped silently; ``applied`` is false for
    a remote value that arrived already older than the current one.
    """

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[uuid.UUID] = mapped_column()
    field: Mapped[str] = mapped_column(String(64))
    # The field's value encoded as JSON (UUIDs and dates as strings), so every type travels the same way; kept as
    # text so that it reads back bit for bit (see JsonText).
    value: Mapped[Any] = mapped_column(JsonText)
    stamp: Mapped[str] = mapped_column(String(64))
    # "local" for edits made here; otherwise the id of the group whose server delivered it.
    origin: Mapped[str] = mapped_column(String(64), default="local")
    applied: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_change_log_record", "entity", "record_id", "field"),)


class OutboxEntry(Base):
    """A local change waiting for one group's server to acknowledge it; removed only after the ack."""

    __tablename__ = "outbox"

    change_seq: Mapped[int] = mapped_column(ForeignKey("change_log.seq"), primary_key=True)
    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("groups.id"), primary_key=True)


class SyncCursor(Base):
    """How far this install has pulled a group's change feed; stored in the same transaction as the rows."""

    __tablename__ = "sync_cursors"

    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("groups.id"), primary_key=True)
    pulled_seq: Mapped[int] = mapped_column(Integer, default=0)


# The records that sync field by field, by the entity name used in the change log.
SYNCED_MODELS: dict[str, type[Person | Trust | Vendor | Review]] = {
    "people": Person,
    "trust": Trust,
    "vendors": Vendor,
    "reviews": Review,
}


class GeocodeCacheEntry(Base):
    """A geocoding server's answer to one normalised query, kept so lookups work offline and aren't repeated.

    ``lat``/``lon`` are both NULL for a "no such place" answer, cached too (for a shorter time) so a typo isn't
    sent to the server again on every keystroke. Per-install, like ``local_meta``: never synced.
    """

    __tablename__ = "geocode_cache"

    query: Mapped[str] = mapped_column(String(300), primary_key=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    label: Mapped[str | None] = mapped_column(String(500))
    # UTC, without a zone (SQLite has none); when the server gave this answer, for expiry.
    fetched_at: Mapped[dt.datetime] = mapped_column()

    __table_args__ = (
        CheckConstraint("lat IS NULL OR (lat >= -90 AND lat <= 90)", name="lat_range"),
        CheckConstraint("lon IS NULL OR (lon >= -180 AND lon <= 180)", name="lon_range"),
        CheckConstraint("(lat IS NULL) = (lon IS NULL)", name="lat_lon_together"),
    )
