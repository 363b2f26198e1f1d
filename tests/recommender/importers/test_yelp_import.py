"""Yelp listings: the real dataset slice, re-imports that update, categories, hours, and broken files."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from recommender.cli import main
from recommender.directory.vendors import delete_vendor, list_vendors
from recommender.hours import parse
from recommender.importers.registry import ImportOptions, importers
from recommender.importers.report import ImportCancelled, ImportFailed
from recommender.importers.yelp_import import ATTRIBUTION, import_yelp
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry, Vendor


@pytest.fixture
def yelp_file(shared_data: Path) -> Path:
    return shared_data / "business_listings" / "yelp_academic_dataset_business.json"


def business(**values: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "business_id": "b-1",
        "name": "Brett's Plumbing",
        "address": "12 Main St",
        "city": "Phoenix",
        "state": "AZ",
        "postal_code": "85001",
        "latitude": 33.45,
        "longitude": -112.07,
        "is_open": 1,
        "categories": "Plumbing, Home Services",
        "hours": {"Monday": "8:0-17:0", "Tuesday": "8:0-17:0"},
    }
    record.update(values)
    return record


def write_lines(tmp_path: Path, *records: dict[str, Any], name: str = "business.json") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def snapshot(db: Database) -> tuple[int, int]:
    """How many vendors and change-log rows the database holds: a failed import must change neither."""
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Vendor)) or 0,
            session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0,
        )


def test_the_real_yelp_file_imports_its_open_local_services(db: Database, yelp_file: Path) -> None:
    records = [json.loads(line) for line in yelp_file.read_text(encoding="utf-8").splitlines()]
    report = import_yelp(db, yelp_file)
    assert report.added["vendors"] + len(report.skipped) == len(records)
    with db.read() as session:
        vendors = {vendor.source_id: vendor for vendor in list_vendors(session)}
    assert len(vendors) == report.added["vendors"]
    by_id = {record["business_id"]: record for record in records}
    for vendor in vendors.values():
        record = by_id[vendor.source_id]
        assert (vendor.source, vendor.attribution) == ("yelp", ATTRIBUTION)
        assert vendor.name == record["name"].strip()
        assert vendor.location == (record["latitude"], record["longitude"])
        assert record["is_open"] == 1
    brett = next(vendor for vendor in vendors.values() if vendor.name == "Brett's Plumbing")
    assert brett.category == "plumber"
    assert brett.address is not None and brett.address.startswith(by_id[brett.source_id]["address"])
    # Restaurants are not services a neighbour recommends here: skipped, with the Yelp categories shown.
    reasons = " ".join(skipped.reason for skipped in report.skipped)
    assert "Minhas Micro Brewery: no category Grapevine knows (Yelp categories: Tours, Breweries" in reasons
    assert "closed (is_open is 0)" in reasons
    closed = [record for record in records if record["is_open"] == 0]
    assert not {record["business_id"] for record in closed} & set(vendors)


def test_yelp_hours_become_opening_hours_on_the_real_file(db: Database, yelp_file: Path) -> None:
    import_yelp(db, yelp_file)
    with db.read() as session:
        hours = {vendor.name: vendor.opening_hours for vendor in list_vendors(session)}
    # In the file: Monday-Saturday 10:0-20:0, Sunday 11:0-17:0.
    assert hours["A'dore Nail Bar"] == "Mo-Sa 10:00-20:00; Su 11:00-17:00"
    # Every value is opening_hours that Grapevine's own parser reads (the "open now" filter depends on it).
    assert all(value is None or parse(value) for value in hours.values())


def test_a_fallback_category_keeps_businesses_of_other_kinds(db: Database, yelp_file: Path, tmp_path: Path) -> None:
    plain = Database.open(tmp_path / "plain.sqlite")
    try:
        without = import_yelp(plain, yelp_file)
    finally:
        plain.close()
    report = import_yelp(db, yelp_file, ImportOptions(fallback_category="caterer"))
    assert report.added["vendors"] > without.added["vendors"]
    with db.read() as session:
        names = {vendor.name: vendor.category for vendor in list_vendors(session)}
    assert names["Minhas Micro Brewery"] == "caterer"
    assert names["Brett's Plumbing"] == "plumber"


def test_importing_the_same_file_again_changes_nothing(db: Database, yelp_file: Path) -> None:
    import_yelp(db, yelp_file)
    before = snapshot(db)
    again = import_yelp(db, yelp_file)
    assert again.added == {} and again.updated == {}
    assert snapshot(db) == before


def test_a_newer_file_updates_the_vendors_it_added_before(db: Database, tmp_path: Path) -> None:
    import_yelp(db, write_lines(tmp_path, business()))
    with db.write() as uow:
        vendor = uow.session.scalars(select(Vendor)).one()
        uow.recorder.update(vendor, {"notes": "Fixed our boiler in an hour"})
    newer = business(name="Brett's Plumbing & Heating", hours={"Monday": "7:30-16:0"}, latitude=None)
    report = import_yelp(db, write_lines(tmp_path, newer, business(business_id="b-2", name="Ann's Plumbing")))
    assert (report.added, report.updated) == ({"vendors": 1}, {"vendors": 1})
    with db.read() as session:
        vendors = {vendor.source_id: vendor for vendor in list_vendors(session)}
    assert vendors["b-1"].name == "Brett's Plumbing & Heating"
    assert vendors["b-1"].opening_hours == "Mo 07:30-16:00"
    # What the newer file leaves out, and what the user typed, stays.
    assert vendors["b-1"].location == (33.45, -112.07)
    assert vendors["b-1"].notes == "Fixed our boiler in an hour"


def test_a_vendor_the_user_deleted_is_not_brought_back(db: Database, tmp_path: Path) -> None:
    path = write_lines(tmp_path, business())
    import_yelp(db, path)
    with db.read() as session:
        vendor_id = list_vendors(session)[0].id
    with db.write() as uow:
        delete_vendor(uow, vendor_id)
    report = import_yelp(db, path)
    assert report.added == {} and "was deleted or merged" in report.skipped[0].reason
    with db.read() as session:
        assert list_vendors(session) == []


def test_service_area_businesses_keep_their_town_not_an_empty_address(db: Database, tmp_path: Path) -> None:
    import_yelp(db, write_lines(tmp_path, business(address="", categories="Dog Walkers, Pets")))
    with db.read() as session:
        (vendor,) = list_vendors(session)
    assert (vendor.category, vendor.address, vendor.service_area) == ("dog_walker", None, "Phoenix, AZ 85001")


def test_a_yelp_csv_export_with_hours_per_day_imports_too(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "yelp_business.csv"
    path.write_text(
        "business_id,name,address,city,state,postal_code,latitude,longitude,is_open,categories,monday,sunday\n"
        '"c-1","Maple Dental","1 Elm St","Toronto","ON","M6H 1A1",43.65,-79.42,1,"Dentists;Health & Medical",'
        '"9:0-17:0","None"\n',
        encoding="utf-8",
    )
    assert import_yelp(db, path).added == {"vendors": 1}
    with db.read() as session:
        (vendor,) = list_vendors(session)
    assert (vendor.category, vendor.opening_hours, vendor.source_id) == ("dentist", "Mo 09:00-17:00", "c-1")


def test_the_yelp_importer_is_registered_for_the_cli_and_the_app() -> None:
    spec = importers()["yelp"]
    assert spec.run is import_yelp and "*.json" in spec.patterns


# --- broken files: nothing written, one message naming file and position ------------------------------------


def test_a_truncated_file_is_refused_at_its_last_line(db: Database, yelp_file: Path, tmp_path: Path) -> None:
    text = yelp_file.read_text(encoding="utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"not valid JSON.*the file may be cut short") as raised:
        import_yelp(db, cut)
    assert raised.value.line == cut.read_text(encoding="utf-8").count("\n") + 1
    assert str(cut) in str(raised.value)
    assert snapshot(db) == (0, 0)


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ('{"business_id": "x", "name": "Café Zoë"}\n'.encode("latin-1"), 1, "not UTF-8"),
        (b'{"type": "FeatureCollection", "features": []}\n', 1, "not a Yelp business"),
        (b"name,category\nMaple Dental,dentist\n", 1, "not Yelp business JSON"),
        (b"", None, "the file is empty"),
        (b'[{"business_id": "a", "name": "A"}, 3]', None, "record 2"),
    ],
)
def test_files_of_the_wrong_kind_or_encoding_are_refused(
    db: Database, tmp_path: Path, content: bytes, line: int | None, message: str
) -> None:
    path = tmp_path / "business.json"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message) as raised:
        import_yelp(db, path)
    assert raised.value.line == line


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        (business(business_id="b-9", name="N" * 5000), "name", "name is too long"),
        (business(business_id="b-9", hours={"Monday": "9 to 5"}), "hours", "Monday hours '9 to 5'"),
        (business(business_id="b-9", hours={"Monday": "9:0-25:0"}), "hours", "impossible time"),
        (business(business_id="b-9", latitude=123.0), "lat", "lat must be between"),
        (business(business_id="b-9", address="A" * 100_000), "address", "address is too long"),
    ],
)
def test_one_bad_record_fails_the_whole_file_naming_line_and_field(
    db: Database, tmp_path: Path, bad: dict[str, Any], field: str, message: str
) -> None:
    path = write_lines(tmp_path, business(), business(business_id="b-2"), bad)
    with pytest.raises(ImportFailed, match=message) as raised:
        import_yelp(db, path)
    assert (raised.value.line, raised.value.field) == (3, field)
    assert f"{path}, line 3" in str(raised.value)
    assert snapshot(db) == (0, 0)


def test_progress_is_reported_and_a_cancel_writes_nothing(db: Database, yelp_file: Path) -> None:
    calls: list[tuple[int, int | None]] = []

    def cancel(done: int, total: int | None) -> None:
        calls.append((done, total))
        if done > 0:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        import_yelp(db, yelp_file, progress=cancel)
    assert calls[0] == (0, 249)
    assert snapshot(db) == (0, 0)


def test_the_cli_imports_yelp_listings_and_reports_a_broken_file_in_one_line(
    capsys: pytest.CaptureFixture[str], yelp_file: Path, tmp_path: Path, db_path: Path
) -> None:
    assert main(["import", "yelp", str(yelp_file), "--db", str(db_path), "--category", "caterer"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Imported {yelp_file}: added ") and "closed (is_open is 0)" in out
    broken = write_lines(tmp_path, business(), business(business_id="b-2", hours={"Monday": "all day"}))
    assert main(["import", "yelp", str(broken), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"grapevine: error: {broken}, line 2: Monday hours 'all day' are not in the form 9:0-17:30"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=40),
            st.sampled_from([b"{", b"}", b"[", b"]", b'"business_id"', b'"name"', b":", b",", b"\n", b"null", b"1"]),
            st.just(json.dumps(business()).encode()),
        ),
        max_size=12,
    )
)
def test_any_bytes_give_a_report_or_one_clear_failure_and_a_failure_writes_nothing(pieces: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "business.json"
        path.write_bytes(b"".join(pieces))
        database = Database.open(Path(folder) / "db.sqlite")
        try:
            try:
                import_yelp(database, path)
            except ImportFailed as error:
                assert str(error).startswith(str(path))
                assert snapshot(database) == (0, 0)
        finally:
            database.close()


def test_a_re_import_keeps_what_someone_typed_and_says_so(db: Database, tmp_path: Path) -> None:
    import_yelp(db, write_lines(tmp_path, business()))
    with db.write() as uow:
        vendor = uow.session.scalars(select(Vendor)).one()
        uow.recorder.update(vendor, {"name": "Brett's Plumbing (ask for Sam)", "phone": "+1 602 555 0100"})
    newer = business(name="Brett's Plumbing LLC", phone="+1 602 555 0199", hours={"Monday": "7:0-15:0"})
    report = import_yelp(db, write_lines(tmp_path, newer))
    assert report.updated == {"vendors": 1}
    assert [skipped.reason for skipped in report.skipped] == [
        "Brett's Plumbing LLC: kept the name, phone edited in Grapevine"
    ]
    with db.read() as session:
        (stored,) = list_vendors(session)
    assert (stored.name, stored.phone, stored.opening_hours) == (
        "Brett's Plumbing (ask for Sam)",
        "+1 602 555 0100",
        "Mo 07:00-15:00",
    )


def test_values_a_later_import_wrote_are_still_the_imports_to_update(db: Database, tmp_path: Path) -> None:
    for hours in ("8:0-17:0", "7:0-15:0", "6:0-14:0"):
        report = import_yelp(db, write_lines(tmp_path, business(hours={"Monday": hours})))
        assert report.skipped == []
    with db.read() as session:
        assert [vendor.opening_hours for vendor in list_vendors(session)] == ["Mo 06:00-14:00"]


def test_line_separators_inside_names_do_not_split_records(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "business.json"
    record = json.dumps(business(name="Brett\u2028s Plumbing"), ensure_ascii=False)
    path.write_text(record + "\r\n" + json.dumps(business(business_id="b-2")) + "\r\n", encoding="utf-8")
    assert import_yelp(db, path).added == {"vendors": 2}
