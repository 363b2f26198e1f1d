"""Who may write what in a group: record ids bind their owner, and a stamp's device belongs to the pushing member.

- A review's id is ``review_id_for(author, vendor)`` when the author typed it, ``hearsay_id_for(recorder, author,
  vendor)`` when someone recorded what the author said; a trust link's is ``trust_id_for(truster, trustee,
  category)``. The server refuses a new record whose id is not the one its owner fields make, so nobody can take
  the id of another person's future record (it would be refused for good once taken).
- The writer of a record is the pushing member's person: the author of their own review, the recorder of
  hearsay, the truster of a trust link. Its owner fields never change after creation.
- Hearsay recorded before hearsay ids existed kept the author's review id (the desktop does not re-key it, see the
  desktop's migration 0003): such an id is accepted for a record new to the group only when its author is no member
  of the group, so it can never squat a member's own review.
- A stamp's device name is bound, in each group, to the member who first signed one of their own records with it;
  a change stamped with a name bound to another member is refused, so History cannot show an edit as theirs.
  Vendor edits may carry other devices' unbound names: members forward a vendor's news from their other groups
  with its original stamp.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from recommender.server import schemas
from recommender.server.access import Caller
from recommender.server.models import Member, RecordOwner, StampDevice
from recommender.storage.models import recorded_review_id, review_id_for, trust_id_for

_WHAT = {"reviews": "review", "trust": "trust link", "people": "person"}
_KEY_FIELDS = {
    "reviews": ("author_id", "recorded_by_id", "vendor_id"),
    "trust": ("truster_id", "trustee_id", "category"),
}


class Incoming(Protocol):
    @property
    def index(self) -> int: ...

    @property
    def change(self) -> schemas.Change: ...


@dataclass(frozen=True, slots=True)
class Owners:
    owner: uuid.UUID
    recorder: uuid.UUID | None

    @property
    def writer(self) -> uuid.UUID:
        """Who may write the record: the recorder of hearsay, otherwise the owner."""
        return self.recorder if self.recorder is not None else self.owner


def check(session: Session, caller: Caller, fresh: list[Incoming]) -> list[dict[str, Any]]:
    """Refuse changes the caller may not write (raises ``PushRefused``); returns rows of new record owners."""
    from recommender.server.feed import PushRefused  # noqa: PLC0415 (feed imports this module)

    rejected = _stamp_device_problems(session, caller, fresh)
    by_record: dict[tuple[str, uuid.UUID], list[Incoming]] = {}
    for item in fresh:
        if item.change.entity != "vendors":
            by_record.setdefault((item.change.entity, item.change.record_id), []).append(item)
    new_owners: list[dict[str, Any]] = []
    if by_record:
        members = set(
            session.scalars(
                select(Member.person_id).where(Member.group_id == caller.group_id, Member.removed_at.is_(None))
            )
        )
        stored = _stored_owners(session, caller.group_id, list(by_record))
        for (entity, record_id), items in by_record.items():
            values = {item.change.field: item.change.value for item in items}
            owners, reason = _owners(caller, entity, record_id, values, stored.get((entity, record_id)), members)
            if reason is not None:
                rejected.extend(schemas.Rejected(index=item.index, reason=reason) for item in items)
            elif owners is not None and (entity, record_id) not in stored:
                stored[(entity, record_id)] = owners
                row = {"group_id": caller.group_id, "entity": entity, "record_id": record_id}
                new_owners.append(row | {"owner_person_id": owners.owner, "recorder_person_id": owners.recorder})
    if rejected:
        raise PushRefused(sorted(rejected, key=lambda r: r.index))
    return new_owners


def _owners(
    caller: Caller,
    entity: str,
    record_id: uuid.UUID,
    values: dict[str, Any],
    stored: Owners | None,
    members: set[uuid.UUID],
) -> tuple[Owners | None, str | None]:
    """The record's owners and, if the caller may not write these values, why."""
    if entity == "people":
        return _person(caller, record_id, values, stored, members)
    if stored is None:
        owners, reason = _new_record(entity, record_id, values, members)
        if reason is not None:
            return None, reason
        assert owners is not None
    else:
        owners = stored
        reason = _key_change(entity, record_id, values, owners, members)
        if reason is not None:
            return None, reason
    if owners.writer != caller.person_id:
        if entity == "reviews" and owners.owner == caller.person_id:
            return None, "a review of yours recorded by someone else is theirs to change"
        return None, f"this {_WHAT[entity]} belongs to another member: only its owner may change it"
    return owners, None


def _person(
    caller: Caller, record_id: uuid.UUID, values: dict[str, Any], stored: Owners | None, members: set[uuid.UUID]
) -> tuple[Owners | None, str | None]:
    # A member's own record is theirs alone; a contact belongs to whoever shared it first.
    owner = record_id if record_id in members else (stored.owner if stored else caller.person_id)
    if owner != caller.person_id:
        return None, "this person belongs to another member: only its owner may change it"
    if values.get("member_id") is not None and record_id != caller.person_id:
        # History names a device by the member_id its owner set: only a member's own record may carry one.
        return None, "people.member_id may be set only on your own person record"
    return Owners(owner, None), None


def _new_record(
    entity: str, record_id: uuid.UUID, values: dict[str, Any], members: set[uuid.UUID]
) -> tuple[Owners | None, str | None]:
    missing = [name for name in _KEY_FIELDS[entity] if name not in values and name != "recorded_by_id"]
    if missing:
        return None, f"{entity} {record_id} is new to the group but its {', '.join(missing)} was not sent"
    if entity == "trust":
        truster, trustee = _uuid(values["truster_id"]), _uuid(values["trustee_id"])
        category = values["category"]
        if truster is None or trustee is None or not (category is None or isinstance(category, str)):
            return None, "trust.truster_id, trustee_id and category must be person ids and a category"
        if record_id != trust_id_for(truster, trustee, category):
            return None, "this trust link's id is not the one its truster, trustee and category make"
        return Owners(truster, None), None
    author, vendor = _uuid(values["author_id"]), _uuid(values["vendor_id"])
    recorder = _uuid(values.get("recorded_by_id") or values["author_id"])
    if author is None or vendor is None or recorder is None:
        return None, "reviews.author_id, recorded_by_id and vendor_id must be ids"
    if record_id != recorded_review_id(recorder, author, vendor) and not _legacy_hearsay(
        record_id, recorder, author, vendor, members
    ):
        return None, "this review's id is not the one its author, recorder and vendor make"
    return Owners(author, recorder), None


def _legacy_hearsay(
    record_id: uuid.UUID, recorder: uuid.UUID, author: uuid.UUID, vendor: uuid.UUID, members: set[uuid.UUID]
) -> bool:
    return recorder != author and author not in members and record_id == review_id_for(author, vendor)


def _key_change(
    entity: str, record_id: uuid.UUID, values: dict[str, Any], owners: Owners, members: set[uuid.UUID]
) -> str | None:
    """Why these values would change an existing record's owner fields (which make its id), if they would."""
    sent = [name for name in _KEY_FIELDS[entity] if name in values]
    if not sent:
        return None
    if entity == "reviews":
        if "author_id" in values and _uuid(values["author_id"]) != owners.owner:
            return "reviews.author_id cannot be changed to another person"
        if "recorded_by_id" in values and _uuid(values["recorded_by_id"]) != (owners.recorder or owners.owner):
            return "reviews.recorded_by_id cannot be changed to another person"
        vendor = _uuid(values["vendor_id"]) if "vendor_id" in values else None
        if "vendor_id" in values and (
            vendor is None
            or (
                record_id != recorded_review_id(owners.writer, owners.owner, vendor)
                and not _legacy_hearsay(record_id, owners.writer, owners.owner, vendor, members)
            )
        ):
            return "reviews.vendor_id cannot be changed: the review's id is made from it"
        return None
    if "truster_id" in values and _uuid(values["truster_id"]) != owners.owner:
        return "trust.truster_id cannot be changed to another person"
    if "trustee_id" in values or "category" in values:
        trustee = _uuid(values.get("trustee_id"))
        if (
            trustee is None
            or "category" not in values
            or record_id != trust_id_for(owners.owner, trustee, values["category"])
        ):
            return "trust.trustee_id and category cannot be changed: the link's id is made from them"
    return None


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _stored_owners(
    session: Session, group_id: uuid.UUID, records: list[tuple[str, uuid.UUID]]
) -> dict[tuple[str, uuid.UUID], Owners]:
    found: dict[tuple[str, uuid.UUID], Owners] = {}
    ids = sorted({record_id for _, record_id in records})
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(
                RecordOwner.entity, RecordOwner.record_id, RecordOwner.owner_person_id, RecordOwner.recorder_person_id
            ).where(RecordOwner.group_id == group_id, RecordOwner.record_id.in_(ids[start : start + 500]))
        )
        for entity, record_id, owner, recorder in rows:
            # Before hearsay had owners of its own, an own review stored its author as recorder too.
            found[(entity, record_id)] = Owners(owner, recorder)
    return found


def _stamp_device_problems(session: Session, caller: Caller, fresh: Iterable[Incoming]) -> list[schemas.Rejected]:
    """Refuse stamps naming another member's device; bind new names signing the caller's own records."""
    by_name: dict[str, list[Incoming]] = {}
    for item in fresh:
        # Validated stamps: 15 digits, 6 digits, then the device name.
        by_name.setdefault(item.change.stamp[23:], []).append(item)
    if not by_name:
        return []
    rows = session.execute(
        select(StampDevice.name, StampDevice.member_id).where(
            StampDevice.group_id == caller.group_id, StampDevice.name.in_(sorted(by_name))
        )
    )
    bound: dict[str, uuid.UUID] = {}
    for name, bound_to in rows:
        bound[name] = bound_to
    rejected: list[schemas.Rejected] = []
    claims: list[dict[str, Any]] = []
    for name, items in by_name.items():
        member = bound.get(name)
        if member is None and any(item.change.entity != "vendors" for item in items):
            claims.append({"group_id": caller.group_id, "name": name, "member_id": caller.member_id})
        elif member is not None and member != caller.member_id:
            reason = f"stamp device {name!r} is another member's device: sign your edits with your own"
            rejected.extend(schemas.Rejected(index=item.index, reason=reason) for item in items)
    if claims and not rejected:
        session.connection().execute(insert(StampDevice), claims)
    return rejected
