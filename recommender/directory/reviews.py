"""Reviews: my verdicts and what others told me: one own review per author and vendor, one hearsay record per
recorder, author and vendor (what Anna told Ben and what she told Cat are two records)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from recommender.directory import validation
from recommender.directory.common import load, set_deleted
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.directory.records import ReviewRecord
from recommender.storage.changelog import Changes
from recommender.storage.database import UnitOfWork
from recommender.storage.limits import LONG_TEXT_CHARS
from recommender.storage.models import Person, Review, Vendor, recorded_review_id


@dataclass(frozen=True, slots=True)
class ReviewDraft:
    """A review before validation. Without an author it is mine; with one, "Anna told me..." recorded by me."""

    vendor_id: uuid.UUID
    rating: int | str
    text: str | None = None
    visited_on: dt.date | str | None = None
    tags: tuple[str, ...] | list[str] | str = ()
    author_id: uuid.UUID | None = None
    reviewed_on: dt.date | str | None = None


def _date(field: str, value: object, *, today: dt.date) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(field, ErrorCode.BAD_FORMAT, value, kind="date (YYYY-MM-DD)") from None
    if day > today:
        raise ValidationError(field, ErrorCode.NOT_ALLOWED, value, reason="cannot be in the future")
    return day


def _my_id(session: Session) -> uuid.UUID:
    me = session.scalar(select(Person.id).where(Person.is_me.is_(True)))
    if me is None:
        raise ValidationError("author", ErrorCode.REQUIRED)
    return me


def clean_review(session: Session, draft: ReviewDraft, recorded_by_id: uuid.UUID, today: dt.date) -> dict[str, Any]:
    author_id = draft.author_id or recorded_by_id
    references: dict[str, tuple[Vendor | Person | None, uuid.UUID]] = {
        "vendor": (session.get(Vendor, draft.vendor_id), draft.vendor_id),
        "author": (session.get(Person, author_id), author_id),
        "recorded_by": (session.get(Person, recorded_by_id), recorded_by_id),
    }
    for field, (record, record_id) in references.items():
        if record is None or record.deleted:
            kind = "vendor" if field == "vendor" else "person"
            raise ValidationError(field, ErrorCode.UNKNOWN_REFERENCE, str(record_id), kind=kind)
    return validation.record_size(
        {
            "vendor_id": draft.vendor_id,
            "author_id": author_id,
            "recorded_by_id": recorded_by_id,
            "rating": validation.rating("rating", draft.rating),
            "text": validation.text("text", draft.text, limit=LONG_TEXT_CHARS),
            "visited_on": _date("visited_on", draft.visited_on, today=today),
            "reviewed_on": _date("reviewed_on", draft.reviewed_on, today=today) or today,
            "tags": validation.tags("tags", list(draft.tags) if isinstance(draft.tags, tuple) else draft.tags),
            "deleted": False,
        }
    )


def save_review(
    uow: UnitOfWork,
    draft: ReviewDraft,
    *,
    recorded_by_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> ReviewRecord:
    """Write or replace the author's review of a vendor as recorded by me (unless said otherwise).

    My own review when I am the author; otherwise my hearsay record of what the author told me, never anyone
    else's record of it."""
    recorder_id = recorded_by_id or _my_id(uow.session)
    values = clean_review(uow.session, draft, recorder_id, today or dt.date.today())
    review = _recorded(uow.session, recorder_id, values["author_id"], values["vendor_id"])
    if review is None:
        review_id = recorded_review_id(recorder_id, values["author_id"], values["vendor_id"])
        review = uow.recorder.create(Review, review_id, values)
    else:
        uow.recorder.update(review, values)
    return ReviewRecord.of(review)


def _recorded(session: Session, recorder_id: uuid.UUID, author_id: uuid.UUID, vendor_id: uuid.UUID) -> Review | None:
    # Found by its fields, not its id: hearsay recorded before hearsay ids existed keeps its old id (migration 0003).
    return session.scalar(
        select(Review).where(
            Review.recorded_by_id == recorder_id, Review.author_id == author_id, Review.vendor_id == vendor_id
        )
    )


def delete_review(uow: UnitOfWork, review_id: uuid.UUID) -> Changes:
    return set_deleted(uow, Review, review_id, True)


def restore_review(uow: UnitOfWork, review_id: uuid.UUID) -> Changes:
    return set_deleted(uow, Review, review_id, False)


def get_review(session: Session, review_id: uuid.UUID) -> ReviewRecord:
    return ReviewRecord.of(load(session, Review, review_id))


def reviews_for_vendor(session: Session, vendor_id: uuid.UUID) -> list[ReviewRecord]:
    """Live reviews of a vendor by live authors, newest first."""
    query = (
        select(Review)
        .join(Person, Person.id == Review.author_id)
        .where(Review.vendor_id == vendor_id, Review.deleted.is_(False), Person.deleted.is_(False))
        .order_by(Review.reviewed_on.desc(), Review.id)
    )
    return [ReviewRecord.of(review) for review in session.scalars(query)]
