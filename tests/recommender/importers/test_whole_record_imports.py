"""Re-importing a file over vendors a group delivered in one edit (logged as one whole-record row, or per field).

The neighbour's import created the vendor, so its fields hold what an import wrote: a newer file refreshes them.
A value someone typed since, in the group or here, is kept, exactly as for vendors logged field by field.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from recommender.directory.vendors import VendorDraft, get_vendor, update_vendor
from recommender.importers.osm_import import import_osm
from recommender.importers.yelp_import import import_yelp
from recommender.storage.database import Database
from recommender.storage.models import FieldVersion, Vendor
from recommender.storage.whole_records import entity_fields
from tests.recommender.importers.test_osm_reimport import BAKERY, DENTIST, VERSION_1, retagged, write
from tests.recommender.importers.test_yelp_import import business, write_lines
from tests.recommender.sync.whole_record_support import LAYOUTS, Layout, add_group, neighbour_stamp, store_delivered
from tests.recommender.sync.whole_record_support import store_delivered_edit as store_group_edit


@pytest.fixture(params=LAYOUTS)
def layout(request: pytest.FixtureRequest) -> Layout:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def neighbour(tmp_path: Path) -> Database:
    """The install of the neighbour whose import created the vendors the group delivered."""
    database = Database.open(tmp_path / "neighbour.sqlite")
    yield database  # type: ignore[misc]
    database.close()


def deliver(neighbour: Database, db: Database, group_id: uuid.UUID, source_id: str, layout: Layout) -> uuid.UUID:
    """Copy the neighbour's vendor into ``db`` as the sync client stores a record delivered in one edit."""
    with neighbour.read() as session:
        vendor = session.scalars(select(Vendor).where(Vendor.source_id == source_id)).one()
        created = session.scalar(
            select(FieldVersion.stamp).where(FieldVersion.record_id == vendor.id, FieldVersion.field == "source_id")
        )
        values = {name: getattr(vendor, name) for name in entity_fields("vendors")}
        vendor_id = vendor.id
    assert created is not None
    with db.write() as uow:
        store_delivered(uow, Vendor(id=vendor_id, **values), group_id, created, layout)
    return vendor_id


def group_edit(db: Database, group_id: uuid.UUID, vendor_id: uuid.UUID, **values: object) -> None:
    """A later edit by another member of the group, delivered field by field."""
    with db.write() as uow:
        vendor = uow.session.get(Vendor, vendor_id)
        assert vendor is not None
        store_group_edit(uow, vendor, group_id, neighbour_stamp(1_000, "00cleo"), dict(values))


def local_edit(db: Database, vendor_id: uuid.UUID, **values: str) -> None:
    with db.write() as uow:
        current = VendorDraft.of(get_vendor(uow.session, vendor_id))
        update_vendor(uow, vendor_id, dataclasses.replace(current, **values))


def test_an_osm_reimport_refreshes_a_delivered_vendor_and_keeps_what_people_typed(
    db: Database, neighbour: Database, tmp_path: Path, layout: Layout
) -> None:
    import_osm(neighbour, write(tmp_path, "v1.osm", VERSION_1))
    elm = add_group(db, "Elm Street")
    bakery = deliver(neighbour, db, elm, "node/10", layout)
    dentist = deliver(neighbour, db, elm, "node/11", layout)
    group_edit(db, elm, bakery, phone="+43 660 111 22 33")  # a neighbour knows the bakery's mobile number
    local_edit(db, dentist, opening_hours="Mo-Fr 08:00-12:00")  # and this user the dentist's hours

    version_2 = [
        retagged(BAKERY, phone="+43 1 999 99 99", website="https://www.stroeck.at/filialen"),
        retagged(DENTIST, opening_hours="Mo-Th 08:00-17:00", name="Dr. Anna Huber"),
    ]
    report = import_osm(db, write(tmp_path, "v2.osm", version_2))

    with db.read() as session:
        bakery_now, dentist_now = get_vendor(session, bakery), get_vendor(session, dentist)
    assert bakery_now.website == "https://www.stroeck.at/filialen"
    assert bakery_now.phone == "+43 660 111 22 33"
    assert dentist_now.name == "Dr. Anna Huber"
    assert dentist_now.opening_hours == "Mo-Fr 08:00-12:00"
    assert report.updated == {"vendors": 2}
    kept = sorted(skipped.reason.split(" (")[0] for skipped in report.skipped)
    assert kept == ["kept the opening hours edited in Grapevine", "kept the phone edited in Grapevine"]


def test_a_listing_reimport_refreshes_a_delivered_vendor_and_keeps_what_people_typed(
    db: Database, neighbour: Database, tmp_path: Path, layout: Layout
) -> None:
    import_yelp(neighbour, write_lines(tmp_path, business(), business(business_id="b-2", name="Ann's Plumbing")))
    elm = add_group(db, "Elm Street")
    brett = deliver(neighbour, db, elm, "b-1", layout)
    ann = deliver(neighbour, db, elm, "b-2", layout)
    group_edit(db, elm, brett, opening_hours="Mo 09:00-12:00")
    local_edit(db, ann, name="Ann's Plumbing & Drains")

    newer = [
        business(name="Brett's Plumbing & Heating", hours={"Monday": "7:30-16:0"}),
        business(business_id="b-2", name="Ann's Plumbing Ltd", address="14 Main St"),
    ]
    report = import_yelp(db, write_lines(tmp_path, *newer, name="newer.json"))

    with db.read() as session:
        brett_now, ann_now = get_vendor(session, brett), get_vendor(session, ann)
    assert brett_now.name == "Brett's Plumbing & Heating"
    assert brett_now.opening_hours == "Mo 09:00-12:00"
    assert ann_now.name == "Ann's Plumbing & Drains"
    assert ann_now.address is not None and ann_now.address.startswith("14 Main St")
    assert report.updated == {"vendors": 2} and report.added == {}
    assert sorted(skipped.reason.split(": ")[1] for skipped in report.skipped) == [
        "kept the name edited in Grapevine",
        "kept the opening_hours edited in Grapevine",
    ]
