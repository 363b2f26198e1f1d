"""A vendor's field history: every value with its writer, the winner, and edits made without seeing each other."""

from __future__ import annotations

import time
import uuid
from dataclasses import replace

from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, update_vendor
from recommender.storage.database import Database
from recommender.sync.audience import set_audience
from recommender.sync.history import FieldHistory, ValueState, record_history
from tests.recommender.sync.conftest import Device


def set_phone(db: Database, vendor_id: uuid.UUID, phone: str) -> None:
    with db.write() as uow:
        current = get_vendor(uow.session, vendor_id)
        update_vendor(uow, vendor_id, replace(VendorDraft.of(current), phone=phone))
    # The next edit anywhere gets a later wall-clock millisecond.
    time.sleep(0.005)


def phone_history(db: Database, vendor_id: uuid.UUID) -> FieldHistory:
    with db.read() as session:
        fields = {history.field: history for history in record_history(session, "vendors", vendor_id)}
    return fields["phone"]


def shared_vendor(ann: Device, ben: Device) -> uuid.UUID:
    with ann.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician", phone="111"))
        set_audience(uow, "vendors", vendor.id, [ann.group_id])
    ann.sync()
    ben.sync()
    return vendor.id


def test_two_neighbours_editing_offline_are_shown_as_concurrent_with_the_winner(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    vendor_id = shared_vendor(ann, ben)
    set_phone(ann.db, vendor_id, "222")
    set_phone(ben.db, vendor_id, "333")
    ann.sync()
    ben.sync()

    history = phone_history(ben.db, vendor_id)
    assert [value.value for value in history.values] == ["333", "222", "111"]
    winner, lost, first = history.values
    assert winner.state is ValueState.CURRENT and winner.writer.this_device
    assert lost.state is ValueState.ARRIVED_LATE
    assert lost.writer.name == "Ann" and not lost.writer.this_device
    assert winner.concurrent_with == (lost.seq,) and lost.concurrent_with == (winner.seq,)
    assert first.state is ValueState.REPLACED and first.concurrent_with == ()
    assert history.has_concurrent_edits
    assert history.current == winner
    with ben.db.read() as session:
        assert get_vendor(session, vendor_id).phone == "333"


def test_an_edit_made_after_seeing_the_other_is_not_concurrent(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    vendor_id = shared_vendor(ann, ben)
    set_phone(ann.db, vendor_id, "222")
    ann.sync()
    ben.sync()
    set_phone(ben.db, vendor_id, "333")
    ben.sync()
    ann.sync()

    history = phone_history(ann.db, vendor_id)
    assert [(value.value, value.state) for value in history.values] == [
        ("333", ValueState.CURRENT),
        ("222", ValueState.REPLACED),
        ("111", ValueState.REPLACED),
    ]
    assert history.values[0].writer.name == "Ben"
    assert history.values[1].writer.this_device and history.values[1].writer.name == "Ann"
    assert not history.has_concurrent_edits


def test_a_record_never_logged_has_no_history(pair: tuple[Device, Device]) -> None:
    ann, _ = pair
    with ann.db.read() as session:
        assert record_history(session, "vendors", uuid.uuid4()) == []
