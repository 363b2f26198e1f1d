"""People and trust: me, my contacts, and who trusts whom (overall or per category, distrust included)."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from recommender.directory import validation
from recommender.directory.common import load, set_deleted
from recommender.directory.errors import ErrorCode, ValidationError
from recommender.directory.records import PersonRecord, TrustRecord
from recommender.storage.changelog import Changes
from recommender.storage.database import UnitOfWork
from recommender.storage.limits import LONG_TEXT_CHARS
from recommender.storage.models import Person, Trust, trust_id_for


@dataclass(frozen=True, slots=True)
class PersonDraft:
    display_name: str
    email: str | None = None
    phone: str | None = None
    notes: str | None = None
    member_id: str | None = None

    @classmethod
    def of(cls, record: PersonRecord) -> PersonDraft:
        values = asdict(record)
        for local in ("id", "is_me"):
            del values[local]
        return cls(**values)


def clean_person(draft: PersonDraft) -> dict[str, Any]:
    return validation.record_size(
        {
            "display_name": validation.required_text("display_name", draft.display_name, limit=200),
            "email": validation.email("email", draft.email),
            "phone": validation.phone("phone", draft.phone),
            "notes": validation.text("notes", draft.notes, limit=LONG_TEXT_CHARS),
            "member_id": validation.text("member_id", draft.member_id, limit=64),
        }
    )


def add_person(uow: UnitOfWork, draft: PersonDraft, *, person_id: uuid.UUID | None = None) -> PersonRecord:
    person: Person = uow.recorder.create(Person, person_id or uuid.uuid4(), clean_person(draft))
    return PersonRecord.of(person)


def update_person(uow: UnitOfWork, person_id: uuid.UUID, draft: PersonDraft) -> Changes:
    uow.recorder.update(load(uow.session, Person, person_id), clean_person(draft))
    return uow.changes


def delete_person(uow: UnitOfWork, person_id: uuid.UUID) -> Changes:
    """Remove a contact; their reviews and trust links stay stored (and return on restore) but stop counting."""
    person = load(uow.session, Person, person_id)
    if person.is_me:
        raise ValidationError("person", ErrorCode.NOT_ALLOWED, reason="cannot delete yourself")
    return set_deleted(uow, Person, person_id, True)


def restore_person(uow: UnitOfWork, person_id: uuid.UUID) -> Changes:
    return set_deleted(uow, Person, person_id, False)


def get_person(session: Session, person_id: uuid.UUID) -> PersonRecord:
    return PersonRecord.of(load(session, Person, person_id))


def list_people(session: Session) -> list[PersonRecord]:
    query = select(Person).where(Person.deleted.is_(False)).order_by(Person.display_name, Person.id)
    return [PersonRecord.of(person) for person in session.scalars(query)]


def find_me(session: Session) -> PersonRecord | None:
    """This install's owner, or None before the first-run setup."""
    me = session.scalar(select(Person).where(Person.is_me.is_(True)))
    return PersonRecord.of(me) if me is not None else None


def set_me(uow: UnitOfWork, draft: PersonDraft) -> PersonRecord:
    """Create the install's owner, or update them if they exist (there is only ever one)."""
    values = clean_person(draft)
    me = uow.session.scalar(select(Person).where(Person.is_me.is_(True)))
    if me is None:
        me = uow.recorder.create(Person, uuid.uuid4(), {**values, "is_me": True})
    else:
        uow.recorder.update(me, values)
    return PersonRecord.of(me)


def set_trust(
    uow: UnitOfWork,
    truster_id: uuid.UUID,
    trustee_id: uuid.UUID,
    level: float | str | None,
    *,
    category: str | None = None,
) -> TrustRecord:
    """Say how much the truster relies on the trustee (for one category, or overall); <= 0 is distrust."""
    if truster_id == trustee_id:
        raise ValidationError("trustee", ErrorCode.NOT_ALLOWED, reason="cannot be the same person as the truster")
    for field, person_id in (("truster", truster_id), ("trustee", trustee_id)):
        if uow.session.get(Person, person_id) is None:
            raise ValidationError(field, ErrorCode.UNKNOWN_REFERENCE, str(person_id), kind="person")
    scope = validation.category("category", category) if category is not None else None
    values = {
        "truster_id": truster_id,
        "trustee_id": trustee_id,
        "category": scope,
        "level": validation.trust_level("level", level),
        "deleted": False,
    }
    link_id = trust_id_for(truster_id, trustee_id, scope)
    link = uow.session.get(Trust, link_id)
    if link is None:
        link = uow.recorder.create(Trust, link_id, values)
    else:
        uow.recorder.update(link, values)
    return TrustRecord.of(link)


def remove_trust(
    uow: UnitOfWork, truster_id: uuid.UUID, trustee_id: uuid.UUID, *, category: str | None = None
) -> Changes:
    """Withdraw a trust link (a tombstone: setting it again restores it)."""
    key = validation.category("category", category) if category is not None else None
    return set_deleted(uow, Trust, trust_id_for(truster_id, trustee_id, key), True)


def trust_links(session: Session, *, truster_id: uuid.UUID | None = None) -> list[TrustRecord]:
    """Live trust links between live people, optionally only those one person gave."""
    truster = Person.__table__.alias("truster")
    trustee = Person.__table__.alias("trustee")
    query = (
        select(Trust)
        .join(truster, truster.c.id == Trust.truster_id)
        .join(trustee, trustee.c.id == Trust.trustee_id)
        .where(Trust.deleted.is_(False), truster.c.deleted.is_(False), trustee.c.deleted.is_(False))
        .order_by(Trust.truster_id, Trust.trustee_id, Trust.category)
    )
    if truster_id is not None:
        query = query.where(Trust.truster_id == truster_id)
    return [TrustRecord.of(link) for link in session.scalars(query)]
