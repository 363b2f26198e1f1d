"""Merging remote changes: per-field last writer wins, history kept, tombstones, records in several groups."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from recommender.directory.reviews import ReviewDraft, get_review, save_review
from recommender.directory.vendors import (
    VendorDraft,
    add_vendor,
    delete_vendor,
    get_vendor,
    list_vendors,
    restore_vendor,
    update_vendor,
)
from recommender.storage.models import Audience, ChangeLogEntry, FieldVersion, OutboxEntry, SyncCursor, Vendor
from recommender.storage.whole_records import WHOLE
from recommender.sync.apply import apply_page
from recommender.sync.audience import set_audience
from tests.recommender.sync.conftest import Device


def _shared_vendor(device: Device, **fields: str) -> uuid.UUID:
    with device.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician", **fields))
        set_audience(uow, "vendors", vendor.id, [device.group_id])
    return vendor.id


def _edit(device: Device, vendor_id: uuid.UUID, **fields: str) -> None:
    with device.db.write() as uow:
        current = get_vendor(uow.session, vendor_id)
        update_vendor(uow, vendor_id, replace(VendorDraft.of(current), **fields))


def _phone(device: Device, vendor_id: uuid.UUID) -> str | None:
    with device.db.read() as session:
        return get_vendor(session, vendor_id).phone


def test_concurrent_edits_of_one_field_settle_on_the_later_one_everywhere(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    vendor_id = _shared_vendor(ann)
    ann.sync()
    ben.sync()
    _edit(ann, vendor_id, phone="+44 20 7946 0001")
    _edit(ben, vendor_id, phone="+44 20 7946 0002")  # later stamp: Ben's edit wins
    ben.sync()
    ann.sync()
    ben.sync()
    assert _phone(ann, vendor_id) == _phone(ben, vendor_id) == "+44 20 7946 0002"
    # Ann's overwritten value is kept as history, marked as not applied.
    with ann.db.read() as session:
        history = session.execute(
            select(ChangeLogEntry.value, ChangeLogEntry.applied, ChangeLogEntry.origin)
            .where(ChangeLogEntry.record_id == vendor_id, ChangeLogEntry.field == "phone")
            .order_by(ChangeLogEntry.seq)
        ).all()
    assert [(value, origin == "local") for value, _, origin in history] == [
        (None, True),
        ("+44 20 7946 0001", True),
        ("+44 20 7946 0002", False),
    ]


def test_an_older_remote_value_does_not_overwrite_a_newer_local_one(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    vendor_id = _shared_vendor(ann)
    ann.sync()
    ben.sync()
    _edit(ben, vendor_id, phone="+44 20 7946 0002")
    _edit(ann, vendor_id, phone="+44 20 7946 0001")  # later
    ben.sync()
    report = ann.sync()
    assert report.superseded == 1
    assert _phone(ann, vendor_id) == "+44 20 7946 0001"
    with ann.db.read() as session:
        history = session.execute(
            select(ChangeLogEntry.value, ChangeLogEntry.applied).where(
                ChangeLogEntry.record_id == vendor_id, ChangeLogEntry.field == "phone"
            )
        ).all()
    assert ("+44 20 7946 0002", False) in [tuple(row) for row in history]


def test_a_delete_syncs_and_an_undelete_brings_every_value_back(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    vendor_id = _shared_vendor(ann, phone="+44 20 7946 0000")
    ann.sync()
    ben.sync()
    with ben.db.write() as uow:
        delete_vendor(uow, vendor_id)
    ben.sync()
    ann.sync()
    with ann.db.read() as session:
        assert vendor_id not in {v.id for v in list_vendors(session)}
    with ann.db.write() as uow:
        restore_vendor(uow, vendor_id)
    ann.sync()
    ben.sync()
    with ben.db.read() as session:
        assert vendor_id in {v.id for v in list_vendors(session)}
    assert _phone(ben, vendor_id) == "+44 20 7946 0000"


def test_own_changes_coming_back_are_not_stored_twice(pair: tuple[Device, Device]) -> None:
    ann, _ = pair
    _shared_vendor(ann)
    with ann.db.read() as session:
        before = len(session.scalars(select(ChangeLogEntry.seq)).all())
    report = ann.sync()
    assert report.pushed > 0 and report.applied == 0
    with ann.db.read() as session:
        assert len(session.scalars(select(ChangeLogEntry.seq)).all()) == before
        assert session.scalars(select(OutboxEntry.change_seq)).all() == []


def test_a_review_is_shared_with_its_vendor_and_people(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    with ann.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"))
        review = save_review(uow, ReviewDraft(vendor_id=vendor.id, rating=5, text="Lovely with kids"))
        set_audience(uow, "reviews", review.id, [ann.group_id])
    ann.sync()
    report = ben.sync()
    assert review.id in report.changes.reviews
    with ben.db.read() as session:
        received = get_review(session, review.id)
        assert received.text == "Lovely with kids"
        assert get_vendor(session, vendor.id).name == "Dr. Lee"


def test_local_only_records_never_leave(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    ann.sync()  # sends Ann's profile, shared on creating the group
    with ann.db.write() as uow:
        add_vendor(uow, VendorDraft(name="My secret hairdresser", category="hairdresser"))
    assert ann.sync().pushed == 0
    ben.sync()
    with ben.db.read() as session:
        assert "My secret hairdresser" not in {v.name for v in list_vendors(session)}


def test_unsharing_a_record_stops_its_unsent_changes(pair: tuple[Device, Device]) -> None:
    ann, _ = pair
    ann.sync()
    vendor_id = _shared_vendor(ann)
    with ann.db.write() as uow:
        set_audience(uow, "vendors", vendor_id, [])
    assert ann.sync().pushed == 0


def test_a_record_arriving_before_what_it_refers_to_waits_then_is_built(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    with ann.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"))
        review = save_review(uow, ReviewDraft(vendor_id=vendor.id, rating=4))
    with ann.db.read() as session:
        rows = [
            [seq, entity, str(record_id), field, value, stamp]
            for seq, (entity, record_id, field, value, stamp) in enumerate(
                session.execute(
                    select(
                        ChangeLogEntry.entity,
                        ChangeLogEntry.record_id,
                        ChangeLogEntry.field,
                        ChangeLogEntry.value,
                        ChangeLogEntry.stamp,
                    ).order_by(ChangeLogEntry.seq)
                ),
                start=1,
            )
        ]
    reviews = _as_edits([row for row in rows if row[1] == "reviews"])
    others = _as_edits([row for row in rows if row[1] != "reviews"])
    group = ben.group_id
    with ben.db.write() as uow:
        first = apply_page(uow, group, reviews, next_since=10)
    assert first.parked == sum(len(edit[4]) for edit in reviews) and first.changes.empty
    with ben.db.read() as session:
        assert session.get(FieldVersion, ("reviews", review.id, "rating")) is None
    with ben.db.write() as uow:
        second = apply_page(uow, group, others, next_since=20)
    assert review.id in second.changes.reviews
    with ben.db.read() as session:
        assert get_review(session, review.id).rating == 4


def test_invalid_rows_from_a_server_are_skipped_not_fatal(pair: tuple[Device, Device]) -> None:
    _, ben = pair
    vendor_id = uuid.uuid4()
    stamp = "001700000000000-000000-abc"
    edits = [
        [3, "vendors", str(vendor_id), stamp, {"name": "Dr. Lee", "category": "pediatrician", "lat": "north"}],
        [4, "cats", str(vendor_id), stamp, {"name": "Tom"}],
        ["junk"],
    ]
    with ben.db.write() as uow:
        result = apply_page(uow, ben.group_id, edits, next_since=4)
    assert len(result.invalid) == 3
    with ben.db.read() as session:
        assert get_vendor(session, vendor_id).name == "Dr. Lee"


def test_a_vendor_in_two_groups_is_one_record_that_carries_news_across(make_device: Callable[[str], Device]) -> None:
    ann, ben, cy = make_device("ann"), make_device("ben"), make_device("cy")
    street = ann.create("Elm Street")
    school = ben.create("School parents")
    # Cy is in both groups.
    cy.join(ann.invite())
    cy_street = cy.link
    cy.join(ben.invite())
    cy_school = cy.link
    assert cy_street is not None and cy_school is not None
    vendor_id = uuid.uuid4()
    for device in (ann, ben):
        with device.db.write() as uow:
            add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"), vendor_id=vendor_id)
            set_audience(uow, "vendors", vendor_id, [device.group_id])
        device.sync()
    cy.link = cy_street
    cy.sync()
    cy.link = cy_school
    cy.sync()
    with cy.db.read() as session:
        assert session.scalars(select(Vendor.id).where(Vendor.name == "Dr. Lee")).all() == [vendor_id]
        groups = set(session.scalars(select(Audience.group_id).where(Audience.record_id == vendor_id)))
    assert groups == {street.group_id, school.group_id}
    # Ann's street edit reaches the school group through Cy.
    _edit(ann, vendor_id, phone="+44 20 7946 0009")
    ann.sync()
    cy.link = cy_street
    cy.sync()
    cy.link = cy_school
    cy.sync()
    ben.sync()
    assert _phone(ben, vendor_id) == "+44 20 7946 0009"


def test_received_values_that_break_a_rule_are_kept_as_history_and_the_rest_applies(
    pair: tuple[Device, Device],
) -> None:
    _, ben = pair
    with ben.db.write() as uow:
        placed = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician", lat=52.2, lon=0.12))
        other = add_vendor(uow, VendorDraft(name="Dr. Who", category="pediatrician"))
    later = "009999999999999-000000-abc"
    edits = [
        # A latitude cleared without its longitude: the pair would break the vendors' rule.
        [1, "vendors", str(placed.id), later, {"lat": None}],
        [2, "vendors", str(other.id), later, {"phone": "+44 20 7946 0000"}],
    ]
    with ben.db.write() as uow:
        result = apply_page(uow, ben.group_id, edits, next_since=2)
    assert len(result.invalid) == 1 and str(placed.id) in result.invalid[0]
    assert result.changes.vendors == {other.id}
    with ben.db.read() as session:
        assert (get_vendor(session, placed.id).lat, get_vendor(session, other.id).phone) == (52.2, "+44 20 7946 0000")
        kept = session.execute(
            select(ChangeLogEntry.applied).where(ChangeLogEntry.record_id == placed.id, ChangeLogEntry.stamp == later)
        ).scalar_one()
        cursor = session.get(SyncCursor, ben.group_id)
    assert kept is False
    assert cursor is not None and cursor.pulled_seq == 2


def _as_edits(rows: list[list[Any]]) -> list[list[Any]]:
    """Single field changes ``[seq, entity, id, field, value, stamp]`` grouped into edits, as the server sends them."""
    edits: list[list[Any]] = []
    for seq, entity, record_id, name, value, stamp in rows:
        if edits and edits[-1][1:4] == [entity, record_id, stamp]:
            edits[-1][0] = seq
            edits[-1][4][name] = value
        else:
            edits.append([seq, entity, record_id, stamp, {name: value}])
    return edits


def test_a_record_that_arrives_whole_is_logged_once_and_still_merges_field_by_field(
    pair: tuple[Device, Device],
) -> None:
    ann, ben = pair
    vendor_id = uuid.uuid4()
    with ann.db.write() as uow:
        add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"), vendor_id=vendor_id)
        set_audience(uow, "vendors", vendor_id, [ann.group_id])
    ann.sync()
    ben.sync()
    with ben.db.read() as session:
        logged = session.execute(
            select(ChangeLogEntry.field, ChangeLogEntry.value).where(ChangeLogEntry.record_id == vendor_id)
        ).all()
        versions = session.execute(select(FieldVersion.field).where(FieldVersion.record_id == vendor_id)).all()
        created = session.scalar(select(ChangeLogEntry.stamp).where(ChangeLogEntry.record_id == vendor_id))
    assert [name for name, _ in logged] == [WHOLE] and logged[0][1]["name"] == "Dr. Lee"
    assert [name for (name,) in versions] == [WHOLE]
    assert created is not None
    # An edit made before the vendor was created (a clock behind) loses to it; a later one wins its field only.
    earlier, later = f"{int(created[:15]) - 1:015d}-000000-zzz", f"{int(created[:15]) + 1:015d}-000000-zzz"
    edits = [
        [7, "vendors", str(vendor_id), earlier, {"name": "Dr. Lea", "phone": "+44 20 7946 0001"}],
        [8, "vendors", str(vendor_id), later, {"notes": "Saturday clinic"}],
    ]
    with ben.db.write() as uow:
        result = apply_page(uow, ben.group_id, edits, next_since=8)
    assert (result.applied, result.superseded) == (1, 2)
    with ben.db.read() as session:
        vendor = get_vendor(session, vendor_id)
    assert (vendor.name, vendor.phone, vendor.notes) == ("Dr. Lee", None, "Saturday clinic")
