"""CSV import of vendors: header aliases, synonyms, duplicates skipped, errors by line, nothing half-done."""

from __future__ import annotations

from pathlib import Path

import pytest

from recommender.directory.vendors import VendorDraft, add_vendor, list_vendors
from recommender.importers.csv_import import import_csv
from recommender.importers.report import ImportFailed
from recommender.storage.database import Database

GOOD = """Name,Category,Address,Latitude,Longitude,Phone,Website,Hours,Colour
Dr. Amara Okafor,Kinderarzt,12 Elm Street,51.4550,-2.5880,+44 117 496 0123,okafor-kids.example,Mo-Fr 08:00-17:00,blue
"Nguyen & Sons Plumbing",plumber,"3 Mill Lane, Riverside",,,0117 496 0456,,,
Happy Paws,dog walker,,,,,,,
"""


def write(tmp_path: Path, text: str, name: str = "vendors.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_a_spreadsheet_of_vendors_is_imported(db: Database, tmp_path: Path) -> None:
    report = import_csv(db, write(tmp_path, GOOD))
    assert report.added == {"vendors": 3}
    assert [skipped.reason for skipped in report.skipped] == ["column 'Colour' ignored"]
    with db.read() as session:
        vendors = {vendor.name: vendor for vendor in list_vendors(session)}
    okafor = vendors["Dr. Amara Okafor"]
    assert (okafor.category, okafor.location, okafor.website) == (
        "pediatrician",
        (51.455, -2.588),
        "https://okafor-kids.example",
    )
    assert okafor.opening_hours == "Mo-Fr 08:00-17:00"
    assert vendors["Nguyen & Sons Plumbing"].address == "3 Mill Lane, Riverside"
    assert vendors["Happy Paws"].category == "dog_walker" and vendors["Happy Paws"].address is None
    assert okafor.source == "import"


def test_semicolon_separated_files_work_too(db: Database, tmp_path: Path) -> None:
    report = import_csv(db, write(tmp_path, "name;category;address\nMaple Dental;dentist;1 Elm Street, Bristol\n"))
    assert report.added == {"vendors": 1}
    with db.read() as session:
        assert [vendor.address for vendor in list_vendors(session)] == ["1 Elm Street, Bristol"]


def test_vendors_already_in_the_directory_are_skipped_and_reported(db: Database, tmp_path: Path) -> None:
    with db.write() as uow:
        add_vendor(uow, VendorDraft("happy  paws", "dog_walker"))
    text = GOOD + "Dr. Amara Okafor,pediatrician,12 elm street,,,,,,\n"
    report = import_csv(db, write(tmp_path, text))
    assert report.added == {"vendors": 2}
    reasons = {skipped.location: skipped.reason for skipped in report.skipped}
    assert reasons["line 4"] == "Happy Paws is already in the directory"
    assert reasons["line 5"] == "Dr. Amara Okafor is already in the directory"


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("Star Gazer,astrologer,,,,,,,", "category", "did you mean"),
        (",plumber,,,,,,,", "name", "name is required"),
        ("Far Away,plumber,,95,10,,,,", "lat", "lat must be between"),
        ("Bad Phone,plumber,,,,call me,,,", "phone", "phone is not a valid phone number"),
    ],
)
def test_a_bad_row_stops_the_import_naming_its_line_and_field(
    db: Database, tmp_path: Path, row: str, field: str, message: str
) -> None:
    path = write(tmp_path, GOOD + row + "\n")
    with pytest.raises(ImportFailed, match=message) as raised:
        import_csv(db, path)
    assert (raised.value.line, raised.value.field) == (5, field)
    assert f"{path}, line 5" in str(raised.value)
    with db.read() as session:
        assert list_vendors(session) == []


@pytest.mark.parametrize(
    ("text", "encoding", "line", "message"),
    [
        ("Name,Address\nMaple Dental,1 Elm Street\n", "utf-8", 1, "no 'category' column"),
        ("", "utf-8", None, "the file is empty"),
        ("name,category\nCafé Zoë,bakery\nTöpferei,craft\n", "latin-1", 2, "not UTF-8"),
        ("name,category\nA,bakery,extra,cells\n", "utf-8", 2, "4 cells but the header names 2 columns"),
    ],
)
def test_unreadable_files_are_refused_clearly(
    db: Database, tmp_path: Path, text: str, encoding: str, line: int | None, message: str
) -> None:
    with pytest.raises(ImportFailed, match=message) as raised:
        import_csv(db, write(tmp_path, text, encoding=encoding))
    assert raised.value.line == line
