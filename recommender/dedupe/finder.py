"""Find vendors listed twice (an OSM import and a Yelp import of the same bakery, a typo'd manual entry)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from recommender.dedupe.candidates import candidate_pairs
from recommender.dedupe.dismissed import dismissed_pairs
from recommender.dedupe.records import ListingRecord
from recommender.dedupe.scoring import Reason, best_case, name_similarity, score_pair
from recommender.storage.models import Review, Vendor

# Chosen on the labelled OSM sets (grapevine dedupe --evaluate): from 0.8 to 0.85 precision rises and recall
# stays; above, recall falls. Precision is favoured because a wrong merge costs a user more than a duplicate left.
DEFAULT_THRESHOLD = 0.85


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two listings (by position in the list scored) that look like one vendor."""

    left: int
    right: int
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """Two vendors that look like one; ``survivor_id`` is the one a merge should keep (it has more to lose)."""

    survivor_id: uuid.UUID
    duplicate_id: uuid.UUID
    survivor_name: str
    duplicate_name: str
    score: float
    reasons: tuple[Reason, ...]

    def describe(self) -> str:
        """English for the CLI: the reasons, strongest first."""
        ordered = sorted(self.reasons, key=lambda reason: -abs(reason.weight))
        return ", ".join(reason.describe() for reason in ordered)


def score_listings(records: Sequence[ListingRecord], threshold: float = DEFAULT_THRESHOLD) -> list[ScoredPair]:
    """Every pair of listings scoring at least ``threshold``, best first."""
    found = []
    for left, right in candidate_pairs(records):
        a, b = records[left], records[right]
        names = name_similarity(a, b)
        if best_case(a, b, names) < threshold:
            continue
        scored = score_pair(a, b, similarity=names)
        if scored.score >= threshold:
            found.append(ScoredPair(left, right, scored.score, scored.reasons))
    found.sort(key=lambda pair: (-pair.score, pair.left, pair.right))
    return found


def _survivor_first(
    a: ListingRecord, b: ListingRecord, reviews: dict[uuid.UUID, int]
) -> tuple[ListingRecord, ListingRecord]:
    """Keep the vendor with more reviews, then one typed by a person, then the more complete one."""

    def weight(record: ListingRecord) -> tuple[int, bool, int]:
        count = reviews.get(record.id, 0) if isinstance(record.id, uuid.UUID) else 0
        return count, record.manual, record.filled

    return (a, b) if weight(a) >= weight(b) else (b, a)


_FILLABLE = ("address", "lat", "phone", "email", "website", "opening_hours", "service_area", "notes")


def load_listings(session: Session) -> list[ListingRecord]:
    """Every live vendor as a listing record (review counts are filled in later, only for those paired)."""
    fillable = [getattr(Vendor, name) for name in _FILLABLE]
    query = (
        select(Vendor.id, Vendor.name, Vendor.category, Vendor.lat, Vendor.lon, Vendor.phone, Vendor.website)
        .add_columns(Vendor.email, Vendor.source, *fillable)
        .where(Vendor.deleted.is_(False))
        .order_by(Vendor.id)
    )
    return [
        ListingRecord(
            row.id,
            row.name,
            row.category,
            row.lat,
            row.lon,
            row.phone,
            row.website,
            row.email,
            manual=row.source == "manual",
            filled=sum(value not in (None, "") for value in row[-len(fillable) :]),
        )
        for row in session.execute(query)
    ]


def _review_counts(session: Session, vendor_ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Live reviews per vendor, for the few vendors that were paired (counting all would read every review)."""
    counts: dict[uuid.UUID, int] = {}
    ordered = sorted(vendor_ids)
    for start in range(0, len(ordered), 500):
        query = (
            select(Review.vendor_id, func.count())
            .where(Review.vendor_id.in_(ordered[start : start + 500]), Review.deleted.is_(False))
            .group_by(Review.vendor_id)
        )
        for vendor_id, count in session.execute(query):
            counts[vendor_id] = count
    return counts


def find_duplicates(session: Session, threshold: float = DEFAULT_THRESHOLD) -> list[DuplicateCandidate]:
    """Pairs of live vendors that look like one vendor, most certain first, each with its reasons.

    Pairs the user dismissed as two different vendors are left out.
    """
    records = load_listings(session)
    dismissed = dismissed_pairs(session)
    pairs = [
        pair
        for pair in score_listings(records, threshold)
        if frozenset((records[pair.left].id, records[pair.right].id)) not in dismissed
    ]
    paired = {records[index].id for pair in pairs for index in (pair.left, pair.right)}
    counts = _review_counts(session, {vendor_id for vendor_id in paired if isinstance(vendor_id, uuid.UUID)})
    candidates = []
    for pair in pairs:
        survivor, duplicate = _survivor_first(records[pair.left], records[pair.right], counts)
        assert isinstance(survivor.id, uuid.UUID) and isinstance(duplicate.id, uuid.UUID)
        candidates.append(
            DuplicateCandidate(survivor.id, duplicate.id, survivor.name, duplicate.name, pair.score, pair.reasons)
        )
    return candidates
