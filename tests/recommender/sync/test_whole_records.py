"""A record delivered in one edit and logged as one whole-record row behaves exactly like its per-field rows.

History, later local edits, sharing with a second group, the outbox's batches and the server's clamping all see
every field of such a record, with the stamp of the edit that delivered it.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import func, select, update

from recommender.directory.vendors import VendorDraft, get_vendor, update_vendor
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry, FieldVersion, OutboxEntry, Person
from recommender.storage.whole_records import WHOLE, entity_fields
from recommender.sync.audience import set_audience
from recommender.sync.history import ValueState, record_history
from recommender.sync.outbox import drop, invalid_changes, next_batch, pending_count, settle
from tests.recommender.sync.conftest import Device
from tests.recommender.sync.whole_record_support import (
    LAYOUTS,
    Layout,
    add_group,
    current_stamps,
    full_vendor,
    neighbour_stamp,
    store_delivered,
    wire_values,
)

DAY_MS = 24 * 3600 * 1000
VENDOR_FIELDS = entity_fields("vendors")


@pytest.fixture(params=LAYOUTS)
def layout(request: pytest.FixtureRequest) -> Layout:
    return request.param  # type: ignore[no-any-return]


def delivered_vendor(db: Database, group_id: uuid.UUID, layout: Layout, stamp: str, **values: object) -> uuid.UUID:
    with db.write() as uow:
        return store_delivered(uow, full_vendor(**values), group_id, stamp, layout)


def set_phone(db: Database, vendor_id: uuid.UUID, phone: str) -> None:
    with db.write() as uow:
        current = get_vendor(uow.session, vendor_id)
        update_vendor(uow, vendor_id, replace(VendorDraft.of(current), phone=phone))


def log_rows(db: Database, vendor_id: uuid.UUID) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).where(ChangeLogEntry.record_id == vendor_id)) or 0


def test_history_shows_every_field_of_a_record_delivered_in_one_edit(db: Database, layout: Layout) -> None:
    elm = add_group(db, "Elm Street")
    stamp = neighbour_stamp()
    vendor_id = delivered_vendor(db, elm, layout, stamp)
    with db.read() as session:
        histories = record_history(session, "vendors", vendor_id)
    shown = {history.field: [(v.value, v.stamp, v.origin, v.state) for v in history.values] for history in histories}
    assert shown == {
        name: [(value, stamp, str(elm), ValueState.CURRENT)] for name, value in wire_values(full_vendor()).items()
    }


def test_a_local_edit_after_delivery_wins_its_field_and_leaves_the_others_at_the_delivered_stamp(
    db: Database, layout: Layout
) -> None:
    elm = add_group(db, "Elm Street")
    stamp = neighbour_stamp()
    vendor_id = delivered_vendor(db, elm, layout, stamp)
    set_phone(db, vendor_id, "+43 660 123 45 67")
    with db.read() as session:
        stamps = current_stamps(session, "vendors", vendor_id)
        phone = {history.field: history for history in record_history(session, "vendors", vendor_id)}["phone"]
    assert stamps["phone"] > stamp
    assert {name: s for name, s in stamps.items() if name != "phone"} == dict.fromkeys(
        (name for name in VENDOR_FIELDS if name != "phone"), stamp
    )
    assert [(value.value, value.state, value.origin) for value in phone.values] == [
        ("+43 660 123 45 67", ValueState.CURRENT, "local"),
        ("+43 1 111 11 11", ValueState.REPLACED, str(elm)),
    ]


def test_history_names_a_member_whose_own_record_was_delivered_in_one_edit(db: Database, layout: Layout) -> None:
    elm = add_group(db, "Elm Street")
    cleo_device = "00cleo"
    with db.write() as uow:
        cleo = Person(id=uuid.uuid4(), display_name="Cleo", member_id="member-cleo", deleted=False)
        store_delivered(uow, cleo, elm, neighbour_stamp(-120_000, cleo_device), layout)
    vendor_id = delivered_vendor(db, elm, layout, neighbour_stamp(device=cleo_device))
    with db.read() as session:
        name = {history.field: history for history in record_history(session, "vendors", vendor_id)}["name"]
    assert name.values[0].writer.name == "Cleo"
    assert name.values[0].writer.person_id == cleo.id


def test_sharing_a_delivered_record_with_another_group_sends_the_delivered_edit_not_a_new_one(
    db: Database, layout: Layout
) -> None:
    elm, oak = add_group(db, "Elm Street"), add_group(db, "Oak Lane")
    stamp = neighbour_stamp()
    vendor_id = delivered_vendor(db, elm, layout, stamp)
    logged = log_rows(db, vendor_id)
    with db.write() as uow:
        set_audience(uow, "vendors", vendor_id, [elm, oak])

    batch = next_batch(db, oak)
    assert sorted((c.record_id, c.field, c.value, c.stamp) for c in batch.changes) == sorted(
        (vendor_id, name, value, stamp) for name, value in wire_values(full_vendor()).items()
    )
    assert len(batch.seqs) == len(batch.changes) == len(VENDOR_FIELDS)
    # Nothing was logged anew: a new local stamp would make this copy win over the neighbours' later edits.
    assert log_rows(db, vendor_id) == logged
    with db.read() as session:
        assert current_stamps(session, "vendors", vendor_id) == dict.fromkeys(VENDOR_FIELDS, stamp)


def test_sharing_after_a_local_edit_gives_the_other_group_the_edited_value(db: Database, layout: Layout) -> None:
    elm, oak = add_group(db, "Elm Street"), add_group(db, "Oak Lane")
    stamp = neighbour_stamp()
    vendor_id = delivered_vendor(db, elm, layout, stamp)
    set_phone(db, vendor_id, "+43 660 123 45 67")
    with db.read() as session:
        phone_stamp = current_stamps(session, "vendors", vendor_id)["phone"]
    with db.write() as uow:
        set_audience(uow, "vendors", vendor_id, [elm, oak])

    # What the group's replicas end up with: each field's value at its latest stamp sent.
    latest: dict[str, tuple[str, object]] = {}
    for change in next_batch(db, oak).changes:
        if change.field not in latest or change.stamp > latest[change.field][0]:
            latest[change.field] = (change.stamp, change.value)
    expected = {name: (stamp, value) for name, value in wire_values(full_vendor()).items()}
    expected["phone"] = (phone_stamp, "+43 660 123 45 67")
    assert latest == expected


def test_a_batch_counts_a_whole_record_as_its_fields_and_never_splits_it(db: Database) -> None:
    elm, oak = add_group(db, "Elm Street"), add_group(db, "Oak Lane")
    vendor_ids = [delivered_vendor(db, elm, "whole", neighbour_stamp(-60_000 + n)) for n in range(3)]
    with db.write() as uow:
        for vendor_id in vendor_ids:
            set_audience(uow, "vendors", vendor_id, [elm, oak])
    fields = len(VENDOR_FIELDS)

    assert len(next_batch(db, oak, 2 * fields + 5).changes) == 2 * fields
    assert len(next_batch(db, oak, 5).changes) == fields  # one record's fields travel together, however small
    sent: list[tuple[uuid.UUID, str]] = []
    while (batch := next_batch(db, oak, fields + 1)).seqs:
        assert [c.record_id for c in batch.changes] == [vendor_ids[len(sent) // fields]] * fields
        sent += [(c.record_id, c.field) for c in batch.changes]
        with db.write() as uow:
            settle(uow, oak, batch.seqs, {})
    assert sorted(sent) == sorted((vendor_id, name) for vendor_id in vendor_ids for name in VENDOR_FIELDS)
    assert pending_count(db, oak) == 0


def test_an_edit_cut_by_the_batch_size_is_completed_after_a_whole_record(db: Database) -> None:
    elm, oak = add_group(db, "Elm Street"), add_group(db, "Oak Lane")
    vendor_id = delivered_vendor(db, elm, "whole", neighbour_stamp())
    with db.write() as uow:
        set_audience(uow, "vendors", vendor_id, [elm, oak])
        current = get_vendor(uow.session, vendor_id)
        update_vendor(
            uow, vendor_id, replace(VendorDraft.of(current), phone="+43 1 222", email="a@b.at", website="https://c.at")
        )
    fields = len(VENDOR_FIELDS)

    whole_edits = next_batch(db, oak, fields + 1)
    assert len(whole_edits.changes) == fields + 3
    assert len(set(whole_edits.seqs)) == 4
    assert len(next_batch(db, oak, fields + 1, whole_edits=False).changes) == fields + 1


def test_a_bad_field_in_a_whole_record_drops_that_row_and_the_rest_still_goes(db: Database) -> None:
    elm, oak = add_group(db, "Elm Street"), add_group(db, "Oak Lane")
    good = delivered_vendor(db, elm, "whole", neighbour_stamp(-90_000))
    bad = delivered_vendor(db, elm, "whole", neighbour_stamp(-80_000))
    odd = delivered_vendor(db, elm, "whole", neighbour_stamp(-70_000))
    with db.write() as uow:
        # Edited by hand: a position no database accepts, and a whole row that is not an object of fields.
        uow.session.execute(
            update(ChangeLogEntry)
            .where(ChangeLogEntry.record_id == bad)
            .values(value={**wire_values(full_vendor()), "lat": 500.0})
        )
        uow.session.execute(update(ChangeLogEntry).where(ChangeLogEntry.record_id == odd).values(value=[1, 2]))
        for vendor_id in (good, bad, odd):
            set_audience(uow, "vendors", vendor_id, [elm, oak])

    batch = next_batch(db, oak)
    invalid = invalid_changes(batch)
    with db.read() as session:
        rows = session.execute(select(ChangeLogEntry.record_id, ChangeLogEntry.seq))
        seq_of = {row.record_id: row.seq for row in rows}
    assert [(seq, reason) for seq, reason in invalid] == [
        (seq_of[bad], "vendors.lat must be between -90 and 90"),
        (seq_of[odd], "unknown field '*' of vendors"),
    ]
    with db.write() as uow:
        drop(uow, oak, [seq for seq, _ in invalid])
    remaining = next_batch(db, oak)
    assert {c.record_id for c in remaining.changes} == {good} and not invalid_changes(remaining)


def test_a_clamped_stamp_replaces_the_delivered_one_for_every_field_it_covers(db: Database, layout: Layout) -> None:
    elm, oak = add_group(db, "Elm Street"), add_group(db, "Oak Lane")
    stamp = neighbour_stamp(DAY_MS)
    clamped = neighbour_stamp(3_600_000)
    vendor_id = delivered_vendor(db, elm, layout, stamp)
    set_phone(db, vendor_id, "+43 660 123 45 67")
    with db.write() as uow:
        set_audience(uow, "vendors", vendor_id, [elm, oak])
    batch = next_batch(db, oak)
    with db.read() as session:
        phone_stamp = current_stamps(session, "vendors", vendor_id)["phone"]
    # The server gives every field of one edit the same clamped stamp.
    answer = {seq: clamped for seq, change in zip(batch.seqs, batch.changes, strict=True) if change.stamp == stamp}
    with db.write() as uow:
        settle(uow, oak, batch.seqs, answer)

    with db.read() as session:
        stamps = current_stamps(session, "vendors", vendor_id)
        settled = set(session.scalars(select(ChangeLogEntry.stamp).where(ChangeLogEntry.seq.in_(answer))))
    expected = dict.fromkeys(VENDOR_FIELDS, clamped)
    expected["phone"] = max(phone_stamp, clamped)
    assert stamps == expected
    assert settled == {clamped}
    assert pending_count(db, oak) == 0


def test_settling_a_whole_record_takes_the_greatest_of_its_fields_clamped_stamps(db: Database) -> None:
    elm, oak = add_group(db, "Elm Street"), add_group(db, "Oak Lane")
    stamp = neighbour_stamp(DAY_MS)
    vendor_id = delivered_vendor(db, elm, "whole", stamp)
    with db.write() as uow:
        set_audience(uow, "vendors", vendor_id, [elm, oak])
    batch = next_batch(db, oak)
    lower, higher = neighbour_stamp(3_000_000), neighbour_stamp(3_600_000)
    with db.write() as uow:
        settle(uow, oak, batch.seqs, [(seq, higher if n == 3 else lower) for n, seq in enumerate(batch.seqs)])
    with db.read() as session:
        versions = session.execute(select(FieldVersion.field, FieldVersion.stamp)).all()
    assert versions == [(WHOLE, higher)]


def test_a_delivered_record_shared_into_another_group_reaches_its_members_with_the_servers_stamps(
    pair: tuple[Device, Device], layout: Layout
) -> None:
    ann, ben = pair
    elm = add_group(ann.db, "Elm Street")  # another group of Ann's, on another server
    stamp = neighbour_stamp(DAY_MS)  # a neighbour whose clock runs a day fast: the server clamps it
    vendor_id = delivered_vendor(ann.db, elm, layout, stamp)
    with ann.db.write() as uow:
        set_audience(uow, "vendors", vendor_id, [elm, ann.group_id])
    ann.sync()
    ben.sync()

    with ann.db.read() as session:
        ann_stamps = current_stamps(session, "vendors", vendor_id)
    with ben.db.read() as session:
        ben_stamps = current_stamps(session, "vendors", vendor_id)
        received = get_vendor(session, vendor_id)
    assert received.name == "Bäckerei Ströck" and received.notes == "Best Kipferl on the street"
    assert len(set(ann_stamps.values())) == 1 and stamp not in ann_stamps.values()
    assert ben_stamps == ann_stamps
    assert pending_count(ann.db) == 0
    with ann.db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
