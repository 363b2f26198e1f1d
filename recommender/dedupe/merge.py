"""Merge a duplicate vendor into the one kept: fill gaps, move reviews, tombstone the duplicate.

Everything goes through the unit of work's change recorder, so the merge is one transaction, is in the change
log (sync ships it; overwritten values stay in the history) and nothing is erased: the duplicate and its moved
reviews are tombstones that keep their values.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from recommender.dedupe.finder import DuplicateCandidate
from recommender.directory.common import load
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.storage.changelog import Changes
from recommender.storage.database import UnitOfWork
from recommender.storage.models import Audience, Review, Vendor, recorded_review_id

# Fields copied from the duplicate when the survivor has none (lat and lon move together, see below).
_FILLED_FIELDS = (
    "address",
    "service_area",
    "service_radius_km",
    "phone",
    "email",
    "website",
    "opening_hours",
)
_NOTES_LIMIT = 10_000
_ATTRIBUTION_LIMIT = 200
_REVIEW_FIELDS = ("author_id", "recorded_by_id", "rating", "text", "visited_on", "reviewed_on", "tags")


class Kept(enum.StrEnum):
    SURVIVOR = "survivor"
    DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class ReviewConflict:
    """The same person reviewed both vendors: the more recent review is kept (the survivor's on a tie)."""

    author_id: uuid.UUID
    kept: Kept
    kept_reviewed_on: dt.date
    dropped_reviewed_on: dt.date


@dataclass(frozen=True, slots=True)
class ReviewMove:
    """One review of the duplicate re-filed under the survivor, with what undoing it needs."""

    source_id: uuid.UUID
    target_id: uuid.UUID
    # The target's values before the move: None when the move created it, () when it left it alone.
    target_before: tuple[tuple[str, Any], ...] | None


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What a merge did, for the UI to redraw (``changes``), to tell the user, and to undo it."""

    survivor_id: uuid.UUID
    duplicate_id: uuid.UUID
    filled_fields: tuple[str, ...]
    moved_reviews: int
    review_conflicts: tuple[ReviewConflict, ...]
    changes: Changes
    # (field, value before, value the merge set) for each survivor field the merge changed.
    survivor_fields: tuple[tuple[str, Any, Any], ...] = ()
    review_moves: tuple[ReviewMove, ...] = ()


def _gaps_filled(survivor: Vendor, duplicate: Vendor) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in _FILLED_FIELDS:
        if getattr(survivor, name) in (None, "") and getattr(duplicate, name) not in (None, ""):
            values[name] = getattr(duplicate, name)
    if survivor.lat is None and duplicate.lat is not None:
        values["lat"], values["lon"] = duplicate.lat, duplicate.lon
    if duplicate.notes and duplicate.notes != survivor.notes:
        notes = f"{survivor.notes}\n\n{duplicate.notes}" if survivor.notes else duplicate.notes
        if len(notes) <= _NOTES_LIMIT:
            values["notes"] = notes
    # Licence credits travel with the data they cover (OSM's ODbL requires it).
    if duplicate.attribution and duplicate.attribution not in (survivor.attribution or ""):
        attribution = (
            f"{survivor.attribution}; {duplicate.attribution}" if survivor.attribution else duplicate.attribution
        )
        if len(attribution) <= _ATTRIBUTION_LIMIT:
            values["attribution"] = attribution
    return values


def _share_like(uow: UnitOfWork, entity: str, source_id: uuid.UUID, target_id: uuid.UUID) -> None:
    """Give the target record the groups the source was shared with, so the merge syncs to them too."""
    groups = uow.session.scalars(
        select(Audience.group_id).where(Audience.entity == entity, Audience.record_id == source_id)
    ).all()
    for group_id in groups:
        uow.session.merge(Audience(entity=entity, record_id=target_id, group_id=group_id))


def _move_review(uow: UnitOfWork, review: Review, survivor_id: uuid.UUID) -> tuple[ReviewMove, ReviewConflict | None]:
    """Re-file one review under the survivor; the conflict says so when the author had reviewed both."""
    values: dict[str, Any] = {name: getattr(review, name) for name in _REVIEW_FIELDS}
    values.update(vendor_id=survivor_id, deleted=False, tags=list(review.tags))
    # The survivor's record of the same voice: the author's own review, or the same recorder's hearsay.
    target = uow.session.scalar(
        select(Review).where(
            Review.recorded_by_id == review.recorded_by_id,
            Review.author_id == review.author_id,
            Review.vendor_id == survivor_id,
        )
    )
    target_id = (
        target.id if target is not None else recorded_review_id(review.recorded_by_id, review.author_id, survivor_id)
    )
    conflict = None
    before: tuple[tuple[str, Any], ...] | None = ()
    if target is None:
        uow.recorder.create(Review, target_id, values)
        before = None
    elif target.deleted or review.reviewed_on > target.reviewed_on:
        if not target.deleted:
            conflict = ReviewConflict(review.author_id, Kept.DUPLICATE, review.reviewed_on, target.reviewed_on)
        # An older review (or a tombstone) is overwritten field by field; its values stay in the change log.
        before = tuple((name, _copy(getattr(target, name))) for name in values)
        uow.recorder.update(target, values)
    else:
        conflict = ReviewConflict(review.author_id, Kept.SURVIVOR, target.reviewed_on, review.reviewed_on)
    _share_like(uow, "reviews", review.id, target_id)
    uow.recorder.update(review, {"deleted": True})
    return ReviewMove(review.id, target_id, before), conflict


def _copy(value: Any) -> Any:
    # Tags are a list the ORM may change in place; the undo record must keep the old one.
    return list(value) if isinstance(value, list) else value


def merge_vendors(uow: UnitOfWork, survivor_id: uuid.UUID, duplicate_id: uuid.UUID) -> MergeResult:
    """Keep the survivor, fill its empty fields from the duplicate, move the duplicate's reviews, delete it."""
    if survivor_id == duplicate_id:
        raise ValidationError("duplicate", ErrorCode.NOT_ALLOWED, reason="cannot be merged into itself")
    survivor = load(uow.session, Vendor, survivor_id)
    duplicate = load(uow.session, Vendor, duplicate_id)
    filled = _gaps_filled(survivor, duplicate)
    survivor_fields = tuple((name, getattr(survivor, name), value) for name, value in filled.items())
    uow.recorder.update(survivor, filled)
    _share_like(uow, "vendors", duplicate_id, survivor_id)
    reviews = uow.session.scalars(
        select(Review).where(Review.vendor_id == duplicate_id, Review.deleted.is_(False)).order_by(Review.id)
    ).all()
    moves = [_move_review(uow, review, survivor_id) for review in reviews]
    conflicts = [conflict for _, conflict in moves if conflict is not None]
    uow.recorder.update(duplicate, {"deleted": True})
    return MergeResult(
        survivor_id,
        duplicate_id,
        tuple(name for name in filled if name != "lon"),
        len(reviews) - sum(conflict.kept is Kept.SURVIVOR for conflict in conflicts),
        tuple(conflicts),
        uow.changes,
        survivor_fields,
        tuple(move for move, _ in moves),
    )


def undo_merge(uow: UnitOfWork, result: MergeResult) -> Changes:
    """Take a merge back: the duplicate and its reviews return, the survivor gets back what it had.

    A survivor field edited since the merge keeps the newer edit; everything goes through the change log.
    """
    duplicate = load(uow.session, Vendor, result.duplicate_id, deleted_ok=True)
    uow.recorder.update(duplicate, {"deleted": False})
    survivor = load(uow.session, Vendor, result.survivor_id, deleted_ok=True)
    restored = {name: before for name, before, after in result.survivor_fields if getattr(survivor, name) == after}
    if ("lat" in restored) != ("lon" in restored):
        # A position moved since the merge: keep it whole rather than half-restored.
        restored.pop("lat", None)
        restored.pop("lon", None)
    uow.recorder.update(survivor, restored)
    for move in result.review_moves:
        source = uow.session.get_one(Review, move.source_id)
        uow.recorder.update(source, {"deleted": False})
        target = uow.session.get_one(Review, move.target_id)
        if move.target_before is None:
            uow.recorder.update(target, {"deleted": True})
        elif move.target_before:
            uow.recorder.update(target, dict(move.target_before))
    return uow.changes


def merge_all(uow: UnitOfWork, candidates: Iterable[DuplicateCandidate]) -> list[MergeResult]:
    """Merge many pairs in order; a vendor merged away earlier is followed to the one that absorbed it.

    So A~B and B~C make one vendor of the three instead of failing on B, which is gone after the first merge.
    """
    absorbed_by: dict[uuid.UUID, uuid.UUID] = {}

    def current(vendor_id: uuid.UUID) -> uuid.UUID:
        while vendor_id in absorbed_by:
            vendor_id = absorbed_by[vendor_id]
        return vendor_id

    results = []
    for candidate in candidates:
        survivor, duplicate = current(candidate.survivor_id), current(candidate.duplicate_id)
        if survivor == duplicate:
            continue
        results.append(merge_vendors(uow, survivor, duplicate))
        absorbed_by[duplicate] = survivor
    return results
