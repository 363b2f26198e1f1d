"""Two devices sharing a group end up with the same directory, field by field."""

from __future__ import annotations

from dataclasses import replace

from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, update_vendor
from recommender.sync.audience import set_audience


def _shared_vendor(device, **fields):  # type: ignore[no-untyped-def]
    with device.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician", **fields))
        set_audience(uow, "vendors", vendor.id, [device.group_id])
    return vendor


def test_a_shared_vendor_reaches_the_other_member(pair) -> None:  # type: ignore[no-untyped-def]
    ann, ben = pair
    vendor = _shared_vendor(ann, phone="+44 20 7946 0000")
    pushed = ann.sync()
    report = ben.sync()
    assert pushed.pushed > 0
    assert vendor.id in report.changes.vendors
    with ben.db.read() as session:
        assert get_vendor(session, vendor.id) == vendor


def test_offline_edits_to_different_fields_both_survive(pair) -> None:  # type: ignore[no-untyped-def]
    ann, ben = pair
    vendor = _shared_vendor(ann)
    ann.sync()
    ben.sync()
    # Both edit while offline: Ann the phone, Ben the opening hours.
    with ann.db.write() as uow:
        update_vendor(uow, vendor.id, replace(VendorDraft.of(vendor), phone="+44 20 7946 0001"))
    with ben.db.write() as uow:
        update_vendor(uow, vendor.id, replace(VendorDraft.of(vendor), opening_hours="Mo-Fr 09:00-17:00"))
    ann.sync()
    ben.sync()
    ann.sync()
    for device in (ann, ben):
        with device.db.read() as session:
            merged = get_vendor(session, vendor.id)
        assert merged.phone == "+44 20 7946 0001"
        assert merged.opening_hours == "Mo-Fr 09:00-17:00"
