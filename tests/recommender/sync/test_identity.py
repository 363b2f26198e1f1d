"""Identity end to end: joining re-keys this install's owner to the server's person id and keeps everything they
wrote; another device joins as the same person with a device code; two members' hearsay of one non-member coexists.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import select

from recommender.directory.people import PersonDraft, add_person, find_me, set_trust, trust_links
from recommender.directory.reviews import ReviewDraft, reviews_for_vendor, save_review
from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.storage.models import Person, Review, Vendor, hearsay_id_for, review_id_for, trust_id_for
from recommender.sync.audience import share_many
from recommender.sync.client import SyncError
from recommender.sync.groups import create_device_code, hand_over_admin, leave_group
from tests.recommender.sync.conftest import Device

DAY = dt.date(2026, 11, 1)


def _write_before_joining(device: Device) -> tuple[uuid.UUID, uuid.UUID]:
    """My review, my hearsay of Anna and my trust in Anna, all made before any group; returns (vendor, anna)."""
    with device.db.write() as uow:
        anna = add_person(uow, PersonDraft("Anna Berg"))
        vendor = add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician"), vendor_id=uuid.uuid4())
        save_review(uow, ReviewDraft(vendor.id, 5, "Great with kids"), today=DAY)
        save_review(uow, ReviewDraft(vendor.id, 3, author_id=anna.id), today=DAY)
        me = find_me(uow.session)
        assert me is not None
        set_trust(uow, me.id, anna.id, 0.8)
    return vendor.id, anna.id


def _share_mine(device: Device) -> None:
    with device.db.write() as uow:
        records = list(uow.session.scalars(select(Review)))
        share_many(uow, records, device.group_id)


def test_joining_makes_me_the_servers_person_and_keeps_the_author_of_everything_i_wrote(
    make_device: Callable[[str], Device],
) -> None:
    ann, ben = make_device("ann"), make_device("ben")
    ann.create()
    vendor, anna = _write_before_joining(ben)
    with ben.db.read() as session:
        local_me = find_me(session)
    assert local_me is not None
    ben.join(ann.invite())

    with ann.client() as client:
        members = client.members(ann.group_id)["members"]
    server_person = uuid.UUID(next(m["person_id"] for m in members if m["display_name"] == "Ben"))
    assert server_person != local_me.id
    with ben.db.read() as session:
        me = find_me(session)
        assert me is not None and me.id == server_person and me.display_name == "Ben"
        reviews = {(r.author_id, r.recorded_by_id, r.rating, r.id) for r in reviews_for_vendor(session, vendor)}
        links = [(link.truster_id, link.trustee_id, link.level, link.id) for link in trust_links(session)]
    assert reviews == {
        (me.id, me.id, 5, review_id_for(me.id, vendor)),
        (anna, me.id, 3, hearsay_id_for(me.id, anna, vendor)),
    }
    assert links == [(me.id, anna, 0.8, trust_id_for(me.id, anna, None))]

    # The group accepts them as Ben's and Ann sees them under his name.
    with ben.db.write() as uow:
        vendor_record = uow.session.get_one(Review, review_id_for(me.id, vendor)).vendor
        share_many(uow, [vendor_record, *uow.session.scalars(select(Review))], ben.group_id)
    report = ben.sync()
    assert report.refused == [] and report.pending == 0
    ann.sync()
    with ann.db.read() as session:
        seen = {(r.author_id, r.recorded_by_id, r.rating) for r in reviews_for_vendor(session, vendor)}
    assert seen == {(me.id, me.id, 5), (anna, me.id, 3)}


def test_another_device_of_mine_joins_as_me_with_a_device_code(make_device: Callable[[str], Device]) -> None:
    ann, laptop = make_device("ann"), make_device("laptop")
    ann.create()
    vendor, _ = _write_before_joining(laptop)
    assert ann.link is not None
    with ann.client() as client:
        code = str(create_device_code(ann.link, client)["code"])
    laptop.join(code)
    assert laptop.link is not None and ann.link is not None
    assert laptop.link.member_id == ann.link.member_id and laptop.link.is_admin
    with ann.db.read() as session:
        ann_me = find_me(session)
    with laptop.db.read() as session:
        laptop_me = find_me(session)
    assert ann_me is not None and laptop_me is not None and laptop_me.id == ann_me.id
    _share_mine(laptop)
    assert laptop.sync().refused == []
    ann.sync()
    with ann.db.read() as session:
        assert {(r.author_id, r.rating) for r in reviews_for_vendor(session, vendor) if r.author_id == ann_me.id} == {
            (ann_me.id, 5)
        }
    # The code worked once.
    with pytest.raises(SyncError, match="used already"):
        make_device("phone").join(code)


def test_ben_and_cat_each_record_what_anna_told_them_and_every_replica_holds_both(
    make_device: Callable[[str], Device],
) -> None:
    ann, ben, cat = make_device("ann"), make_device("ben"), make_device("cat")
    ann.create()
    ben.join(ann.invite())
    cat.join(ann.invite())
    vendor = uuid.uuid4()
    anna = uuid.uuid4()
    with ben.db.write() as uow:
        add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician"), vendor_id=vendor)
        add_person(uow, PersonDraft("Anna Berg"), person_id=anna)
        share_many(uow, [uow.session.get_one(Vendor, vendor), uow.session.get_one(Person, anna)], ben.group_id)
    ben.sync()
    cat.sync()
    for device, stars in ((ben, 4), (cat, 2)):
        with device.db.write() as uow:
            record = save_review(uow, ReviewDraft(vendor, stars, author_id=anna), today=DAY)
            share_many(uow, [uow.session.get_one(Review, record.id)], device.group_id)
        # Recording it again edits my record, never adds another or touches the other recorder's.
        with device.db.write() as uow:
            again = save_review(uow, ReviewDraft(vendor, stars, "said so twice", author_id=anna), today=DAY)
        assert again.id == record.id
        assert device.sync().refused == []
    for device in (ann, ben, cat):
        device.sync()
    held = []
    for device in (ann, ben, cat):
        with device.db.read() as session:
            held.append(
                {(r.recorded_by_id, r.author_id, r.rating, r.text) for r in reviews_for_vendor(session, vendor)}
            )
    assert held[0] == held[1] == held[2]
    assert {(author, stars) for _, author, stars, _ in held[0]} == {(anna, 4), (anna, 2)}
    assert len({recorder for recorder, _, _, _ in held[0]}) == 2


def test_the_last_admin_hands_over_before_leaving(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    assert ann.link is not None and ben.link is not None
    with ann.client() as client:
        with pytest.raises(SyncError, match="hand over admin rights first"):
            leave_group(ann.db, ann.link, client)
        hand_over_admin(ann.db, ann.link, client, ben.link.member_id)
        leave_group(ann.db, ann.link, client)
    assert ben.invite()
