"""Every write stamps each changed field and logs it in the same transaction; deletes are tombstones."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recommender.directory.people import PersonDraft, add_person, set_me
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import (
    VendorDraft,
    add_vendor,
    delete_vendor,
    get_vendor,
    restore_vendor,
    update_vendor,
)
from recommender.storage.changelog import decode_value, encode_value, synced_fields
from recommender.storage.database import Database
from recommender.storage.hlc import Stamp
from recommender.storage.models import (
    Audience,
    ChangeLogEntry,
    FieldVersion,
    Group,
    LocalMeta,
    OutboxEntry,
    Person,
    Review,
    Vendor,
)


def log_of(db: Database, record_id: uuid.UUID) -> list[ChangeLogEntry]:
    with db.read() as session:
        query = select(ChangeLogEntry).where(ChangeLogEntry.record_id == record_id).order_by(ChangeLogEntry.seq)
        return list(session.scalars(query))


def versions_of(db: Database, record_id: uuid.UUID) -> dict[str, str]:
    with db.read() as session:
        rows = session.scalars(select(FieldVersion).where(FieldVersion.record_id == record_id))
        return {row.field: row.stamp for row in rows}


def add_dentist(db: Database) -> uuid.UUID:
    with db.write() as uow:
        return add_vendor(uow, VendorDraft("Maple Dental", "dentist", phone="+44 20 7946 0018")).id


def test_creating_a_record_logs_every_synced_field_with_one_stamp(db: Database) -> None:
    vendor_id = add_dentist(db)
    log = log_of(db, vendor_id)
    assert {entry.field for entry in log} == set(synced_fields(Vendor))
    assert len({entry.stamp for entry in log}) == 1
    assert {entry.field: entry.value for entry in log}["name"] == "Maple Dental"
    assert versions_of(db, vendor_id) == {entry.field: entry.stamp for entry in log}


def test_an_edit_logs_only_the_fields_it_changes(db: Database) -> None:
    vendor_id = add_dentist(db)
    before = versions_of(db, vendor_id)
    with db.write() as uow:
        draft = VendorDraft.of(get_vendor(uow.session, vendor_id))
        changes = update_vendor(uow, vendor_id, dataclasses.replace(draft, opening_hours="Mo-Fr 08:00-17:00"))
    assert changes.vendors == {vendor_id}
    edits = log_of(db, vendor_id)[len(before) :]
    assert [(entry.field, entry.value) for entry in edits] == [("opening_hours", "Mo-Fr 08:00-17:00")]
    after = versions_of(db, vendor_id)
    assert after["opening_hours"] > before["opening_hours"]
    assert {k: v for k, v in after.items() if k != "opening_hours"} == {
        k: v for k, v in before.items() if k != "opening_hours"
    }


def test_saving_unchanged_values_logs_nothing(db: Database) -> None:
    vendor_id = add_dentist(db)
    count = len(log_of(db, vendor_id))
    with db.write() as uow:
        changes = update_vendor(uow, vendor_id, VendorDraft.of(get_vendor(uow.session, vendor_id)))
    assert changes.empty
    assert len(log_of(db, vendor_id)) == count


def test_delete_is_a_tombstone_and_restore_brings_every_value_back(db: Database) -> None:
    vendor_id = add_dentist(db)
    with db.read() as session:
        original = get_vendor(session, vendor_id)
    with db.write() as uow:
        delete_vendor(uow, vendor_id)
    with db.read() as session:
        stored = session.get(Vendor, vendor_id)
        assert stored is not None and stored.deleted and stored.phone == "+44 20 7946 0018"
    assert (log_of(db, vendor_id)[-1].field, log_of(db, vendor_id)[-1].value) == ("deleted", True)
    with db.write() as uow:
        restore_vendor(uow, vendor_id)
    with db.read() as session:
        assert get_vendor(session, vendor_id) == original


def test_who_is_me_never_enters_the_log(db: Database) -> None:
    with db.write() as uow:
        me = set_me(uow, PersonDraft("Sam Carter"))
    assert "is_me" not in {entry.field for entry in log_of(db, me.id)}
    assert "display_name" in {entry.field for entry in log_of(db, me.id)}


def test_a_failed_write_leaves_no_trace(db: Database) -> None:
    add_dentist(db)
    with db.read() as session:
        log_count = session.scalar(select(func.count()).select_from(ChangeLogEntry))
        clock = session.get(LocalMeta, "hlc_last")
        assert clock is not None
        clock_before = clock.value
    with pytest.raises(RuntimeError), db.write() as uow:
        add_vendor(uow, VendorDraft("Half Written Plumbing", "plumber"))
        raise RuntimeError("power cut")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == log_count
        assert session.scalar(select(func.count()).select_from(Vendor)) == 1
        clock = session.get(LocalMeta, "hlc_last")
        assert clock is not None and clock.value == clock_before


def test_stamps_increase_when_the_wall_clock_goes_back_even_across_a_restart(db_path: Path) -> None:
    now = [1_800_000_000_000]
    database = Database.open(db_path, now_ms=lambda: now[0])
    first = add_dentist(database)
    database.close()
    now[0] -= 86_400_000  # the clock is set back a day before the app starts again
    database = Database.open(db_path, now_ms=lambda: now[0])
    second = add_dentist(database)
    database.close()
    database = Database.open(db_path)
    first_stamp = Stamp.decode(log_of(database, first)[0].stamp)
    second_stamp = Stamp.decode(log_of(database, second)[0].stamp)
    database.close()
    assert second_stamp > first_stamp
    assert second_stamp.wall_ms == 1_800_000_000_000


def test_changes_to_records_shared_with_a_group_wait_in_the_outbox(me_db: Database) -> None:
    group_id = uuid.uuid4()
    shared_id = add_dentist(me_db)
    local_id = add_dentist(me_db)
    with me_db.write() as uow:
        uow.session.add(Group(id=group_id, name="Elm Street"))
        uow.session.flush()
        uow.session.add(Audience(entity="vendors", record_id=shared_id, group_id=group_id))
    for vendor_id in (shared_id, local_id):
        with me_db.write() as uow:
            draft = VendorDraft.of(get_vendor(uow.session, vendor_id))
            update_vendor(uow, vendor_id, dataclasses.replace(draft, notes="Open late on Thursdays"))
    with me_db.read() as session:
        queued = session.execute(
            select(ChangeLogEntry.record_id, ChangeLogEntry.field, OutboxEntry.group_id).join(
                OutboxEntry, OutboxEntry.change_seq == ChangeLogEntry.seq
            )
        ).all()
    assert queued == [(shared_id, "notes", group_id)]


def test_values_of_every_type_survive_encoding(me_db: Database) -> None:
    vendor_id = add_dentist(me_db)
    with me_db.write() as uow:
        anna = add_person(uow, PersonDraft("Anna Berg"))
        save_review(
            uow,
            ReviewDraft(vendor_id, 4, visited_on=dt.date(2026, 3, 1), tags=("Kids",), author_id=anna.id),
            today=dt.date(2026, 4, 1),
        )
    with me_db.read() as session:
        review = session.scalars(select(Review)).one()
        for field in synced_fields(Review):
            value = getattr(review, field)
            assert decode_value(Review, field, encode_value(value)) == value
        person = session.get(Person, anna.id)
        assert person is not None
        assert decode_value(Person, "display_name", encode_value(person.display_name)) == "Anna Berg"
