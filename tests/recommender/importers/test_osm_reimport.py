"""Re-importing a newer OpenStreetMap extract: the same vendors updated, the user's edits kept, gone ones reported."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recommender.directory.vendors import VendorDraft, delete_vendor, get_vendor, list_vendors, update_vendor
from recommender.importers.osm_import import OsmImportReport, import_osm
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry, Vendor
from tests.recommender.importers.test_osm_files import BAKERY, DENTIST, NEIGHBOURHOOD, Element, Node, osm_xml

BOUNDS = (48.19, 16.29, 48.22, 16.32)
FLORIST = Node(13, 48.2030, 16.3030, {"shop": "florist", "name": "Blumen Eva"})
BUTCHER = Node(14, 48.2040, 16.3040, {"shop": "butcher", "name": "Fleischerei Amon"})
VERSION_1: list[Element] = [*NEIGHBOURHOOD, FLORIST, BUTCHER]


def retagged(node: Node, **tags: str) -> Node:
    return dataclasses.replace(node, tags={**node.tags, **tags})


def write(tmp_path: Path, name: str, elements: list[Element]) -> Path:
    path = tmp_path / name
    path.write_text(osm_xml(elements, bounds=BOUNDS), encoding="utf-8")
    return path


def run(db: Database, path: Path) -> OsmImportReport:
    report = import_osm(db, path)
    assert isinstance(report, OsmImportReport)
    return report


def by_osm_id(db: Database) -> dict[str, Vendor]:
    with db.read() as session:
        rows = session.scalars(select(Vendor).where(Vendor.source == "osm")).all()
        session.expunge_all()
    assert len({row.source_id for row in rows}) == len(rows), "an OSM element was imported twice"
    return {row.source_id or "": row for row in rows}


def edit(db: Database, osm_id: str, **values: str) -> None:
    vendor_id = by_osm_id(db)[osm_id].id
    with db.write() as uow:
        current = VendorDraft.of(get_vendor(uow.session, vendor_id))
        update_vendor(uow, vendor_id, dataclasses.replace(current, **values))


def logged_for(db: Database, osm_id: str) -> int:
    vendor_id = by_osm_id(db)[osm_id].id
    with db.read() as session:
        query = select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.record_id == vendor_id)
        return session.scalar(query) or 0


def test_a_newer_extract_updates_what_the_map_changed_and_keeps_what_the_user_typed(
    db: Database, tmp_path: Path
) -> None:
    run(db, write(tmp_path, "v1.osm", VERSION_1))
    edit(db, "node/10", phone="+43 660 111 22 33")  # the user knows the bakery's mobile number
    edit(db, "node/11", opening_hours="Mo-Fr 08:00-12:00")  # and the dentist's hours
    butcher_log = logged_for(db, "node/14")

    bakery = retagged(BAKERY, phone="+43 1 999 99 99", website="https://www.stroeck.at/filialen")
    dentist = retagged(DENTIST, opening_hours="Mo-Th 08:00-17:00", name="Dr. Anna Huber")
    newcomer = Node(15, 48.2050, 16.3050, {"craft": "plumber", "name": "Installateur Pichler"})
    version_2 = [bakery, dentist, *NEIGHBOURHOOD[2:], BUTCHER, newcomer]  # the florist has closed
    report = run(db, write(tmp_path, "v2.osm", version_2))

    vendors = by_osm_id(db)
    assert vendors["node/10"].phone == "+43 660 111 22 33"
    assert vendors["node/10"].website == "https://www.stroeck.at/filialen"
    assert vendors["node/11"].opening_hours == "Mo-Fr 08:00-12:00"
    assert vendors["node/11"].name == "Dr. Anna Huber"
    assert vendors["node/15"].category == "plumber"
    assert report.added == {"vendors": 1} and report.updated == {"vendors": 2}
    assert report.unchanged == 2  # the garage and the butcher
    assert logged_for(db, "node/14") == butcher_log  # untouched: nothing for sync to send

    reasons = {(skipped.location, skipped.reason) for skipped in report.skipped}
    assert (
        "node/10 (Bäckerei Ströck)",
        "kept the phone edited in Grapevine (the map now says '+43 1 999 99 99')",
    ) in reasons
    assert (
        "node/11 (Dr. Anna Huber)",
        "kept the opening hours edited in Grapevine (the map now says 'Mo-Th 08:00-17:00')",
    ) in reasons
    # The florist is no longer on the map: reported, not deleted.
    assert not vendors["node/13"].deleted
    assert [gone.location for gone in report.gone] == ["node/13 (Blumen Eva)"]
    assert "1 vendor no longer on the map (kept)" in report.summary()
    assert report.summary().startswith("added 1 vendor; updated 2 vendors; skipped 2")


def test_values_a_later_import_wrote_can_be_refreshed_again(db: Database, tmp_path: Path) -> None:
    run(db, write(tmp_path, "v1.osm", VERSION_1))
    run(db, write(tmp_path, "v2.osm", [retagged(BAKERY, website="https://b.example"), *VERSION_1[1:]]))
    report = run(db, write(tmp_path, "v3.osm", [retagged(BAKERY, website="https://c.example"), *VERSION_1[1:]]))
    assert report.updated == {"vendors": 1} and not report.skipped
    assert by_osm_id(db)["node/10"].website == "https://c.example"


def test_a_moved_shop_moves_unless_the_user_placed_it(db: Database, tmp_path: Path) -> None:
    run(db, write(tmp_path, "v1.osm", VERSION_1))
    edit(db, "node/11", lat="48.2011")  # the user nudged the dentist's pin
    moved = [dataclasses.replace(BAKERY, lat=48.2005), dataclasses.replace(DENTIST, lon=16.3099), *VERSION_1[2:]]
    report = run(db, write(tmp_path, "v2.osm", moved))
    vendors = by_osm_id(db)
    assert (vendors["node/10"].lat, vendors["node/10"].lon) == (pytest.approx(48.2005), pytest.approx(16.3))
    # Latitude and longitude move together or not at all.
    assert (vendors["node/11"].lat, vendors["node/11"].lon) == (pytest.approx(48.2011), pytest.approx(16.301))
    assert any("kept the lon edited" in skipped.reason for skipped in report.skipped)


def test_a_vendor_whose_name_was_removed_is_skipped_not_gone(db: Database, tmp_path: Path) -> None:
    run(db, write(tmp_path, "v1.osm", VERSION_1))
    unnamed = dataclasses.replace(BUTCHER, tags={"shop": "butcher"})
    report = run(db, write(tmp_path, "v2.osm", [*VERSION_1[:-1], unnamed]))
    assert report.gone == []
    assert [skipped.reason for skipped in report.skipped] == ["has no name; not imported"]
    assert by_osm_id(db)["node/14"].name == "Fleischerei Amon"


def test_a_vendor_the_user_deleted_stays_deleted(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "v1.osm", VERSION_1)
    run(db, path)
    with db.write() as uow:
        delete_vendor(uow, by_osm_id(db)["node/14"].id)
    report = run(db, path)
    assert by_osm_id(db)["node/14"].deleted
    assert ("node/14 (Fleischerei Amon)", "you deleted this vendor; it stays deleted") in {
        (skipped.location, skipped.reason) for skipped in report.skipped
    }
    with db.read() as session:
        assert "Fleischerei Amon" not in {vendor.name for vendor in list_vendors(session)}


def test_vendors_of_another_area_are_not_reported_as_gone(db: Database, tmp_path: Path) -> None:
    run(db, write(tmp_path, "vienna.osm", VERSION_1))
    elsewhere = [Node(99, 43.73, 7.42, {"shop": "bakery", "name": "Maison Mullot"})]
    path = tmp_path / "monaco.osm"
    path.write_text(osm_xml(elsewhere, bounds=(43.72, 7.40, 43.75, 7.44)), encoding="utf-8")
    report = run(db, path)
    assert report.added == {"vendors": 1} and report.gone == [] and report.skipped == []
    # Bakery, dentist, garage, florist and butcher from Vienna (the bench and the street are no vendors), and one more.
    assert len(by_osm_id(db)) == 5 + 1
