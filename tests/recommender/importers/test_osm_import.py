"""OpenStreetMap import on the real extracts in shared data and on small written ones: what lands in the directory."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recommender.cli import main
from recommender.directory.records import VendorRecord
from recommender.directory.vendors import list_vendors
from recommender.importers.osm_import import import_osm
from recommender.importers.osm_vendor import ATTRIBUTION, format_address
from recommender.importers.registry import importers
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry
from tests.recommender.importers.test_osm_files import NEIGHBOURHOOD, Node, osm_xml

OSM = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "osm"


@pytest.fixture
def osm_data() -> Path:
    if not OSM.is_dir():
        pytest.skip(f"real OpenStreetMap extracts not found at {OSM}")
    return OSM


def vendors(db: Database) -> dict[str, VendorRecord]:
    with db.read() as session:
        return {vendor.source_id or "": vendor for vendor in list_vendors(session)}


def change_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0


# ------------------------------------------------------------------------------------------ real extracts


def test_krems_pharmacies_doctors_and_shops_become_vendors(db: Database, osm_data: Path) -> None:
    report = import_osm(db, osm_data / "krems.osm.gz")
    found = vendors(db)
    assert report.added == {"vendors": len(found)} and len(found) >= 30
    pharmacy = found["node/274792126"]
    assert (pharmacy.name, pharmacy.category, pharmacy.address) == (
        "Mohren-Apotheke",
        "pharmacy",
        "Marktgasse, 3500 Krems",
    )
    assert pharmacy.location == (pytest.approx(48.4112777), pytest.approx(15.6003142))
    doctor = found["node/2337300145"]
    assert doctor.category == "general_practitioner"
    assert doctor.opening_hours == "Mo, Fr 09:00-12:00; Tu 09:00-11:00, 16:00-18:00; Th 15:00-18:00"
    # A garage mapped as a building outline stands inside the town, at its outline's centre.
    garage = found["way/29735561"]
    assert garage.category == "car_repair" and garage.lat is not None and garage.lon is not None
    assert 48.38 < garage.lat < 48.42 and 15.59 < garage.lon < 15.68
    assert {vendor.source for vendor in found.values()} == {"osm"}
    assert {vendor.attribution for vendor in found.values()} == {ATTRIBUTION}
    # Streets, car parks and restaurants are in the file but are not vendors.
    assert not any(vendor.name in {"Untere Landstraße", "Wiener Straße"} for vendor in found.values())
    assert {vendor.category for vendor in found.values()} >= {"pharmacy", "bakery", "hairdresser", "optician"}


def test_unnamed_shops_are_skipped_with_a_reason(db: Database, osm_data: Path) -> None:
    report = import_osm(db, osm_data / "andorra.osm.pbf")
    assert report.added == {"vendors": 2}
    assert len(report.skipped) == 7
    assert all(skipped.reason == "has no name; not imported" for skipped in report.skipped)
    assert all(skipped.location.startswith("node/") for skipped in report.skipped)


def test_a_pbf_extract_keeps_its_spanish_names(db: Database, osm_data: Path) -> None:
    import_osm(db, osm_data / "aguascalientes.osm.pbf")
    found = vendors(db)
    kindergarten = found["node/3802267366"]
    assert (kindergarten.name, kindergarten.category) == ("Amalia Solórzano de Cárdenas", "kindergarten")
    assert kindergarten.address == "Oscar Eduardo Fernandez SN, 20260"
    assert sum(vendor.category == "kindergarten" for vendor in found.values()) == 11


def test_an_overpass_answer_gives_american_addresses(db: Database, osm_data: Path) -> None:
    report = import_osm(db, osm_data / "overpass-response-2.json.gz")
    found = vendors(db)
    # 8.8k elements, of which 17 are points of interest and only three are services: the rest are restaurants.
    assert report.added == {"vendors": 3}
    roofer = found["way/267038710"]
    assert (roofer.name, roofer.category) == ("Standard Roofing Company", "roofer")
    assert roofer.address == "1226 9th Avenue, San Francisco, CA 94122"
    assert roofer.location == (pytest.approx(37.76537, abs=1e-3), pytest.approx(-122.46610, abs=1e-3))


def test_an_extract_of_streets_only_imports_nothing(db: Database, osm_data: Path) -> None:
    report = import_osm(db, osm_data / "bautzen.osm")
    assert report.summary() == "nothing to import"
    assert vendors(db) == {}


def test_importing_the_same_extract_again_changes_nothing(db: Database, osm_data: Path) -> None:
    first = import_osm(db, osm_data / "monaco.osm.gz")
    before = change_count(db)
    again = import_osm(db, osm_data / "monaco.osm.gz")
    assert again.added == {} and again.updated == {}
    assert again.unchanged == first.added["vendors"]  # type: ignore[attr-defined]
    assert change_count(db) == before
    assert f"{first.added['vendors']} vendors unchanged" in again.summary()


# ------------------------------------------------------------------------------------------ written files


def test_plain_gzip_and_bzip2_files_import_alike(db: Database, tmp_path: Path) -> None:
    text = osm_xml(NEIGHBOURHOOD).encode()
    (tmp_path / "a.osm").write_bytes(text)
    (tmp_path / "b.osm.gz").write_bytes(gzip.compress(text))
    (tmp_path / "c.osm.bz2").write_bytes(bz2.compress(text))
    for name in ("a.osm", "b.osm.gz", "c.osm.bz2"):
        database = Database.open(tmp_path / f"{name}.sqlite")
        try:
            import_osm(database, tmp_path / name)
            assert {key: vendor.name for key, vendor in vendors(database).items()} == {
                "node/10": "Bäckerei Ströck",
                "node/11": "Dr. Huber",
                "way/30": "Garage Berger",
            }, name
        finally:
            database.close()


def test_address_contacts_and_hours_come_from_the_tags(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "area.osm"
    path.write_text(osm_xml(NEIGHBOURHOOD), encoding="utf-8")
    import_osm(db, path)
    bakery, dentist = vendors(db)["node/10"], vendors(db)["node/11"]
    assert bakery.address == "Landstraße 12, 1030 Wien"
    assert bakery.phone == "+43 1 204 39 00"  # the first of the numbers OSM lists
    assert bakery.website == "https://stroeck.at"
    assert bakery.opening_hours == "Mo-Sa 06:00-19:00"
    assert dentist.phone == "+43 1 555 12 34"  # contact:phone when there is no phone tag


def test_addresses_follow_the_local_order() -> None:
    tags = {"addr:street": "Main Street", "addr:housenumber": "5", "addr:city": "Springfield", "addr:postcode": "1234"}
    assert format_address(tags) == "Main Street 5, 1234 Springfield"
    assert format_address({**tags, "addr:country": "GB"}) == "5 Main Street, Springfield 1234"
    # No country tag: the point decides (Boston is in the United States, Vienna is not).
    assert format_address({**tags, "addr:state": "MA"}, 42.36, -71.06) == "5 Main Street, Springfield, MA 1234"
    assert format_address(tags, 48.2, 16.37) == "Main Street 5, 1234 Springfield"
    assert format_address({"addr:full": "Hauptplatz 1, 8010 Graz", **tags}) == "Hauptplatz 1, 8010 Graz"
    assert format_address({"addr:housenumber": "22a"}) is None


def test_huge_values_cost_a_field_or_a_vendor_never_the_import(db: Database, tmp_path: Path) -> None:
    long_hours = Node(40, 48.2, 16.3, {"shop": "florist", "name": "Blumen Eva", "opening_hours": "Mo " * 100_000})
    bad_phone = Node(41, 48.2, 16.3, {"shop": "bakery", "name": "Anker", "phone": "call us!"})
    long_name = Node(42, 48.2, 16.3, {"shop": "butcher", "name": "Fleischerei " * 5_000})
    path = tmp_path / "huge.osm"
    text = osm_xml([long_hours, bad_phone, long_name, *NEIGHBOURHOOD])
    path.write_text(text, encoding="utf-8")
    line_of_long_name = text.splitlines().index("  <node id='42' lat='48.2' lon='16.3'>") + 1
    report = import_osm(db, path)
    found = vendors(db)
    assert report.added == {"vendors": 5}
    assert found["node/40"].name == "Blumen Eva" and found["node/40"].opening_hours is None
    assert found["node/41"].name == "Anker" and found["node/41"].phone is None
    assert "node/42" not in found
    reasons = {skipped.location: skipped.reason for skipped in report.skipped}
    assert reasons["node/40 (Blumen Eva)"].startswith("opening_hours is too long (at most 500 characters)")
    assert reasons["node/41 (Anker)"].startswith("phone is not a valid phone number")
    assert reasons[f"node/42 (line {line_of_long_name})"].startswith("name is too long (at most 200 characters)")


def test_progress_runs_through_the_file_and_to_the_end(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "area.osm"
    path.write_text(osm_xml(NEIGHBOURHOOD * 1), encoding="utf-8")
    calls: list[tuple[int, int | None]] = []
    import_osm(db, path, progress=lambda done, total: calls.append((done, total)))
    size = path.stat().st_size
    assert (size, size) in calls
    assert calls[-1][0] == calls[-1][1] and calls[-1][0] is not None and calls[-1][0] > size
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


# -------------------------------------------------------------------------------------------------- CLI


def test_grapevine_import_osm_on_the_command_line(
    db_path: Path, osm_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importers()["osm"]
    assert spec.label == "OpenStreetMap extract" and "*.osm.pbf" in spec.patterns
    assert main(["import", "osm", str(osm_data / "monaco.osm.gz"), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "added 8 vendors" in out and "has no name" in out
    assert main(["import", "osm", str(osm_data / "bautzen.osm") + ".missing", "--db", str(db_path)]) == 1
    assert "file not found" in capsys.readouterr().err
