"""CSV import of vendors: header aliases, synonyms, duplicates skipped, errors by line, nothing half-done."""

from __future__ import annotations

from pathlib import Path

import pytest

from recommender.cli import main
from recommender.directory.vendors import VendorDraft, add_vendor, list_vendors
from recommender.importers.csv_import import guess_mapping, import_csv, preview_csv
from recommender.importers.registry import ImportOptions
from recommender.importers.report import ImportCancelled, ImportFailed
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


# --- column mapping (CLI --map, the app's mapping step) ------------------------------------------------------

EXPORTED = """Business,Type,Street,Tel,Rating
Maple Dental,dentist,1 Elm Street,+44 117 496 0999,5
Quick Fix Plumbing,Installateur,2 Oak Road,,4
"""


def test_a_column_mapping_reads_fields_from_columns_with_other_names(db: Database, tmp_path: Path) -> None:
    mapping = {"name": "Business", "category": "Type", "address": "Street", "phone": "Tel"}
    report = import_csv(db, write(tmp_path, EXPORTED), ImportOptions(column_mapping=mapping))
    assert report.added == {"vendors": 2}
    assert [skipped.reason for skipped in report.skipped] == ["column 'Rating' ignored"]
    with db.read() as session:
        vendors = {vendor.name: vendor for vendor in list_vendors(session)}
    assert (vendors["Maple Dental"].address, vendors["Maple Dental"].phone) == ("1 Elm Street", "+44 117 496 0999")
    assert vendors["Quick Fix Plumbing"].category == "plumber"


def test_a_mapping_overrides_what_the_header_says(db: Database, tmp_path: Path) -> None:
    text = "name,category,trade\nMaple Dental,ignored text,dentist\n"
    import_csv(db, write(tmp_path, text), ImportOptions(column_mapping={"category": "trade"}))
    with db.read() as session:
        assert [vendor.category for vendor in list_vendors(session)] == ["dentist"]


def test_a_field_mapped_to_nothing_stays_empty_even_if_a_column_has_its_name(db: Database, tmp_path: Path) -> None:
    text = "name,category,phone\nMaple Dental,dentist,not a number we want\n"
    report = import_csv(db, write(tmp_path, text), ImportOptions(column_mapping={"phone": ""}))
    assert report.added == {"vendors": 1}
    assert [skipped.reason for skipped in report.skipped] == ["column 'phone' ignored"]
    with db.read() as session:
        assert [vendor.phone for vendor in list_vendors(session)] == [None]


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"name": "Company", "category": "Type"}, "name is mapped to column 'Company', but the header has no such"),
        ({"colour": "Type"}, "cannot map 'colour': vendor fields are name, category"),
        ({"name": "Business", "category": "Business"}, "column 'Business' is mapped to both name and category"),
        ({"name": "Business"}, "the header has no 'category' column"),
    ],
)
def test_a_mapping_that_does_not_fit_the_file_is_refused_before_anything_is_written(
    db: Database, tmp_path: Path, mapping: dict[str, str], message: str
) -> None:
    with pytest.raises(ImportFailed, match=message):
        import_csv(db, write(tmp_path, EXPORTED), ImportOptions(column_mapping=mapping))
    with db.read() as session:
        assert list_vendors(session) == []


def test_a_bad_value_in_a_mapped_column_names_the_column_too(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, EXPORTED + "Broken,dentist,3 Ash Way,call me,3\n")
    mapping = {"name": "Business", "category": "Type", "phone": "Tel"}
    with pytest.raises(ImportFailed, match=r"line 4: phone is not a valid phone number .*\(column 'Tel'\)"):
        import_csv(db, path, ImportOptions(column_mapping=mapping))


def test_rows_without_a_category_get_the_fallback_category(db: Database, tmp_path: Path) -> None:
    text = "name,category\nCorner Shop Repairs,\nMaple Dental,dentist\n"
    import_csv(db, write(tmp_path, text), ImportOptions(fallback_category="handyman"))
    with db.read() as session:
        assert {vendor.name: vendor.category for vendor in list_vendors(session)} == {
            "Corner Shop Repairs": "handyman",
            "Maple Dental": "dentist",
        }


def test_the_preview_shows_the_first_rows_and_guesses_a_mapping(db: Database, tmp_path: Path) -> None:
    text = "Business Name,Trade,Phone Number,E-Mail,Latitude,Longitude,Comments\n" + "".join(
        f"Shop {number},plumber,0117 496 {number:04},shop{number}@example.com,51.4,-2.5,\n" for number in range(8)
    )
    preview = preview_csv(write(tmp_path, text), rows=3)
    assert preview.header[0] == "Business Name"
    assert [row[0] for row in preview.rows] == ["Shop 0", "Shop 1", "Shop 2"]
    assert preview.total_rows == 8
    assert preview.mapping == {
        "name": "Business Name",
        "category": "Trade",
        "phone": "Phone Number",
        "email": "E-Mail",
        "lat": "Latitude",
        "lon": "Longitude",
        "notes": "Comments",
    }
    # The guess is only a suggestion: importing without the mapping still needs the usual headers.
    with pytest.raises(ImportFailed, match="the header has no 'name' column"):
        import_csv(db, write(tmp_path, text))
    assert import_csv(db, write(tmp_path, text), ImportOptions(column_mapping=preview.mapping)).added == {"vendors": 8}
    # What the app does after the user picked the category column: the guessed mapping plus that choice imports.
    assert guess_mapping(["Name", "Category"]) == {"name": "Name", "category": "Category"}
    assert guess_mapping(["business_id", "name", "city", "latitude", "longitude", "categories"]) == {
        "name": "name",
        "lat": "latitude",
        "lon": "longitude",
        "category": "categories",
    }


def test_the_preview_refuses_an_unreadable_file_like_the_import(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="not UTF-8"):
        preview_csv(write(tmp_path, "name,category\nCafé,bakery\n", encoding="latin-1"))


def test_progress_is_reported_and_a_cancel_leaves_the_database_unchanged(db: Database, tmp_path: Path) -> None:
    text = "name,category\n" + "".join(f"Plumber {number},plumber\n" for number in range(600))
    path = write(tmp_path, text)
    seen: list[tuple[int, int | None]] = []

    def cancel_half_way(done: int, total: int | None) -> None:
        seen.append((done, total))
        if done >= 300:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        import_csv(db, path, progress=cancel_half_way)
    assert seen[0] == (0, 600) and seen[-1][0] >= 300
    with db.read() as session:
        assert list_vendors(session) == []
    seen.clear()
    assert import_csv(db, path, progress=lambda done, total: seen.append((done, total))).added == {"vendors": 600}
    assert seen[-1] == (600, 600)


def test_huge_field_values_are_refused_by_line_and_field(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, f"name,category\nMaple Dental,dentist\n{'A' * 5000},dentist\n")
    with pytest.raises(ImportFailed, match="name is too long") as raised:
        import_csv(db, path)
    assert (raised.value.line, raised.value.field) == (3, "name")
    # A cell beyond the csv module's field limit is a CSV error, named by line, not a crash.
    path = write(tmp_path, f'name,category,notes\nMaple Dental,dentist,"{"x" * 200_000}"\n')
    with pytest.raises(ImportFailed, match="not valid CSV: field larger than field limit") as raised:
        import_csv(db, path)
    assert raised.value.line == 2
    with db.read() as session:
        assert list_vendors(session) == []


def test_a_binary_file_is_not_taken_for_csv(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"name,category\n\x00\x01\x02")
    with pytest.raises(ImportFailed, match="not a text file") as raised:
        import_csv(db, path)
    assert raised.value.line == 2


def test_the_cli_map_option_reaches_the_importer(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db_file = tmp_path / "cli.sqlite"
    path = write(tmp_path, EXPORTED)
    argv = ["import", "csv", str(path), "--db", str(db_file), "--map", "name=Business", "--map", "category=Type"]
    assert main(argv) == 0
    assert "added 2 vendors" in capsys.readouterr().out
    assert main(["import", "csv", str(path), "--db", str(db_file), "--map", "name=Company"]) == 1
    assert "name is mapped to column 'Company', but the header has no such column" in capsys.readouterr().err


def test_a_file_cut_short_inside_a_quoted_cell_is_refused_at_the_row_it_began(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, 'name,category,notes\nMaple Dental,dentist,"open late\nQuick Fix,plumber,fine\n')
    with pytest.raises(ImportFailed, match="a quoted cell is never closed") as raised:
        import_csv(db, path)
    assert raised.value.line == 2
    with db.read() as session:
        assert list_vendors(session) == []
