"""Plain frozen records that cross from the core into the UI, the CLI and exports instead of live ORM objects."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from recommender.storage.models import Person, Review, Trust, Vendor


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: uuid.UUID
    display_name: str
    email: str | None
    phone: str | None
    is_me: bool
    member_id: str | None
    notes: str | None

    @classmethod
    def of(cls, person: Person) -> PersonRecord:
        return cls(
            person.id,
            person.display_name,
            person.email,
            person.phone,
            person.is_me,
            person.member_id,
            person.notes,
        )


@dataclass(frozen=True, slots=True)
class TrustRecord:
    id: uuid.UUID
    truster_id: uuid.UUID
    trustee_id: uuid.UUID
    category: str | None
    level: float

    @property
    def is_distrust(self) -> bool:
        return self.level <= 0

    @classmethod
    def of(cls, trust: Trust) -> TrustRecord:
        return cls(trust.id, trust.truster_id, trust.trustee_id, trust.category, trust.level)


@dataclass(frozen=True, slots=True)
class VendorRecord:
    id: uuid.UUID
    name: str
    category: str
    address: str | None
    lat: float | None
    lon: float | None
    service_area: str | None
    service_radius_km: float | None
    phone: str | None
    email: str | None
    website: str | None
    opening_hours: str | None
    notes: str | None
    source: str
    source_id: str | None
    attribution: str | None

    @property
    def location(self) -> tuple[float, float] | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None

    @classmethod
    def of(cls, vendor: Vendor) -> VendorRecord:
        return cls(
            vendor.id,
            vendor.name,
            vendor.category,
            vendor.address,
            vendor.lat,
            vendor.lon,
            vendor.service_area,
            vendor.service_radius_km,
            vendor.phone,
            vendor.email,
            vendor.website,
            vendor.opening_hours,
            vendor.notes,
            vendor.source,
            vendor.source_id,
            vendor.attribution,
        )


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    id: uuid.UUID
    vendor_id: uuid.UUID
    author_id: uuid.UUID
    recorded_by_id: uuid.UUID
    rating: int
    text: str | None
    visited_on: dt.date | None
    reviewed_on: dt.date
    tags: tuple[str, ...]

    @property
    def told_by_someone_else(self) -> bool:
        """True for "Anna told me..." reviews: written down by someone other than their author."""
        return self.author_id != self.recorded_by_id

    @classmethod
    def of(cls, review: Review) -> ReviewRecord:
        return cls(
            review.id,
            review.vendor_id,
            review.author_id,
            review.recorded_by_id,
            review.rating,
            review.text,
            review.visited_on,
            review.reviewed_on,
            tuple(review.tags),
        )
