"""Google Takeout Saved Places: both file shapes Takeout has written, categories, re-imports, broken files.

No real Takeout file may be shared, so the fixtures are written here by hand in Takeout's own layout
(GeoJSON FeatureCollection, pretty-printed with two-space indents as Takeout does).
"""

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
from recommender.directory.vendors import list_vendors
from recommender.importers.registry import ImportOptions, importers
from recommender.importers.report import ImportCancelled, ImportFailed
from recommender.importers.takeout_import import guess_category, import_takeout
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry, Vendor

# Keys a saved place may carry, so that generated features hit the importer's real paths.
_KEYS = [
    "type", "geometry", "coordinates", "properties", "Title", "Location", "Business Name", "Address",
    "Geo Coordinates", "Latitude", "Longitude", "Google Maps URL", "location", "name", "google_maps_url",
]  # fmt: skip


def old_style(title: str, *, cid: str, lat: float = 48.2102, lon: float = 16.3702, **location: Any) -> dict[str, Any]:
    """A feature as Takeout wrote "Saved Places.json" until 2023."""
    return {
        "geometry": {"coordinates": [lon, lat], "type": "Point"},
        "properties": {
            "Google Maps URL": f"http://maps.google.com/?cid={cid}",
            "Location": {
                "Address": location.get("address", "Kärntner Straße 1, 1010 Wien, Austria"),
                "Business Name": location.get("business_name", title),
                "Country Code": "AT",
                "Geo Coordinates": {"Latitude": str(lat), "Longitude": str(lon)},
            },
            "Published": "2021-03-04T10:11:12Z",
            "Title": title,
            "Updated": "2021-03-04T10:11:12Z",
        },
        "type": "Feature",
    }


def new_style(name: str, *, url: str, lat: float = 0, lon: float = 0, comment: str = "") -> dict[str, Any]:
    """A feature as Takeout writes it since 2023 (no coordinates for many places: [0, 0])."""
    return {
        "geometry": {"coordinates": [lon, lat], "type": "Point"},
        "properties": {
            "date": "2024-05-06T07:08:09Z",
            "google_maps_url": url,
            "location": {"address": "3 Mill Lane, Bristol BS1 4QA, United Kingdom", "country_code": "GB", "name": name},
            "Comment": comment,
        },
        "type": "Feature",
    }


def write(tmp_path: Path, *features: dict[str, Any]) -> Path:
    path = tmp_path / "Saved Places.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(features)}, indent=2), encoding="utf-8")
    return path


def snapshot(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Vendor)) or 0,
            session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0,
        )


def test_saved_places_in_the_older_layout_become_vendors(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        old_style("Zahnarzt Dr. Huber", cid="1234567890123456789"),
        old_style("Installateur Berger", cid="42", lat=48.1951, lon=16.3713),
    )
    report = import_takeout(db, path)
    assert report.added == {"vendors": 2}
    with db.read() as session:
        vendors = {vendor.name: vendor for vendor in list_vendors(session)}
    huber = vendors["Zahnarzt Dr. Huber"]
    assert (huber.category, huber.address, huber.location) == (
        "dentist",
        "Kärntner Straße 1, 1010 Wien, Austria",
        (48.2102, 16.3702),
    )
    assert (huber.source, huber.source_id) == ("takeout", "cid:1234567890123456789")
    assert vendors["Installateur Berger"].category == "plumber"


def test_saved_places_in_the_newer_layout_become_vendors(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        new_style("Riverside Dog Walking", url="https://maps.google.com/?cid=77", comment="Walks Rex on Tuesdays"),
        new_style("Nguyen Plumbing", url="https://www.google.com/maps/place/?q=x", lat=51.45, lon=-2.59),
    )
    assert import_takeout(db, path).added == {"vendors": 2}
    with db.read() as session:
        vendors = {vendor.name: vendor for vendor in list_vendors(session)}
    walker = vendors["Riverside Dog Walking"]
    # [0, 0] is Takeout's "no position", not a place in the Gulf of Guinea.
    assert (walker.category, walker.location, walker.notes) == ("dog_walker", None, "Walks Rex on Tuesdays")
    assert vendors["Nguyen Plumbing"].location == (51.45, -2.59)


def test_places_whose_name_names_no_trade_need_the_fallback_category(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, old_style("Café Central", cid="1"), old_style("Friseur Petra", cid="2"))
    report = import_takeout(db, path)
    assert report.added == {"vendors": 1}
    assert [(skipped.location, skipped.reason) for skipped in report.skipped] == [
        ("features[0]", "Café Central: no category in its name (choose one for such places)")
    ]
    report = import_takeout(db, path, ImportOptions(fallback_category="caterer"))
    assert report.added == {"vendors": 1}
    with db.read() as session:
        assert {vendor.name: vendor.category for vendor in list_vendors(session)} == {
            "Café Central": "caterer",
            "Friseur Petra": "hairdresser",
        }


def test_a_newer_takeout_updates_the_places_imported_before(db: Database, tmp_path: Path) -> None:
    import_takeout(db, write(tmp_path, old_style("Zahnarzt Dr. Huber", cid="9")))
    before = snapshot(db)
    assert import_takeout(db, write(tmp_path, old_style("Zahnarzt Dr. Huber", cid="9"))).added == {}
    assert snapshot(db) == before
    moved = old_style("Zahnarzt Dr. Huber", cid="9", address="Graben 2, 1010 Wien, Austria")
    report = import_takeout(db, write(tmp_path, moved))
    assert (report.added, report.updated) == ({}, {"vendors": 1})
    with db.read() as session:
        assert [vendor.address for vendor in list_vendors(session)] == ["Graben 2, 1010 Wien, Austria"]


def test_a_place_saved_in_two_lists_is_imported_once(db: Database, tmp_path: Path) -> None:
    report = import_takeout(db, write(tmp_path, old_style("Bäckerei Ströck", cid="5"), old_style("Ströck", cid="5")))
    assert report.added == {"vendors": 1}
    assert report.skipped[0].reason == "Ströck: saved twice (also features[0])"


def test_the_category_is_read_from_the_name_longest_phrase_first() -> None:
    assert guess_category("Happy Paws Dog Walking") == "dog_walker"
    assert guess_category("Sunrise Dental Clinic") == "dentist"
    assert guess_category("Joe's Cafe") is None
    assert guess_category("Golden Gate Park") is None


def test_the_takeout_importer_is_registered() -> None:
    assert importers()["takeout"].run is import_takeout


# --- broken files ---------------------------------------------------------------------------------------------


def test_a_truncated_takeout_file_is_refused_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, *(old_style(f"Plumber {number}", cid=str(number)) for number in range(20)))
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"not valid JSON.*the file may be cut short") as raised:
        import_takeout(db, path)
    assert raised.value.line is not None and raised.value.line > 1
    assert snapshot(db) == (0, 0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"type": "FeatureCollection", "features": [{"properties": {"Title": "Café"}}]}'.encode("cp1252"), "UTF-8"),
        (b'{"business_id": "x", "name": "Yelp, not Takeout"}\n', "not a Google Takeout Saved Places file"),
        (b'{"type": "FeatureCollection", "features": {}}', '"features" must be a list'),
        (b"Title,Note,URL\nCafe,,https://maps.google.com\n", "not valid JSON"),
        (b"   ", "the file is empty"),
    ],
)
def test_files_of_the_wrong_kind_or_encoding_are_refused(
    db: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "Saved Places.json"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        import_takeout(db, path)
    assert snapshot(db) == (0, 0)


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        (old_style("P" * 5000 + " Plumbing", cid="99"), "name", "name is too long"),
        (old_style("Far Plumbing", cid="99", lat=123.0), "lat", "lat must be between"),
        (new_style("", url="https://maps.google.com/?cid=99"), "name", "name is required"),
        ({"type": "Feature", "properties": "Plumbing"}, "properties", "is not a valid object"),
    ],
)
def test_one_bad_place_fails_the_whole_file_naming_the_feature_and_line(
    db: Database, tmp_path: Path, bad: dict[str, Any], field: str, message: str
) -> None:
    path = write(tmp_path, old_style("Zahnarzt Dr. Huber", cid="1"), bad)
    with pytest.raises(ImportFailed, match=message) as raised:
        import_takeout(db, path)
    assert (raised.value.location, raised.value.field) == ("features[1]", field)
    # The line where the bad feature starts: its opening brace, right after the first feature's closing one.
    lines = path.read_text(encoding="utf-8").splitlines()
    assert raised.value.line is not None and lines[raised.value.line - 1].strip() == "{"
    assert lines[raised.value.line - 2].strip() == "},"
    assert f"{path}, line {raised.value.line}, features[1]" in str(raised.value)
    assert snapshot(db) == (0, 0)


def test_progress_and_cancel(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, *(old_style(f"Plumber {number}", cid=str(number)) for number in range(600)))
    calls: list[tuple[int, int | None]] = []

    def cancel(done: int, total: int | None) -> None:
        calls.append((done, total))
        if done >= 500:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        import_takeout(db, path, progress=cancel)
    assert calls == [(0, 600), (250, 600), (500, 600)]
    assert snapshot(db) == (0, 0)


def test_the_cli_imports_saved_places_with_a_fallback_category(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_path: Path
) -> None:
    path = write(tmp_path, old_style("Café Central", cid="1"), old_style("Friseur Petra", cid="2"))
    assert main(["import", "takeout", str(path), "--db", str(db_path), "--category", "caterer"]) == 0
    assert capsys.readouterr().out.strip() == f"Imported {path}: added 2 vendors"


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
        lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(_KEYS), children, max_size=4),
        max_leaves=12,
    )
)
def test_any_json_gives_a_report_or_one_clear_failure_and_a_failure_writes_nothing(properties: object) -> None:
    document = {"type": "FeatureCollection", "features": [old_style("Installateur Berger", cid="1"), properties]}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Saved Places.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        database = Database.open(Path(folder) / "db.sqlite")
        try:
            try:
                import_takeout(database, path)
            except ImportFailed as error:
                assert str(error).startswith(str(path)) and "features[1]" in str(error)
                assert snapshot(database) == (0, 0)
        finally:
            database.close()
