"""JSON export and import: a round trip reproduces the directory; a broken file changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recommender.demo import generate_demo
from recommender.directory.people import PersonDraft, add_person, find_me, set_trust
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, delete_vendor
from recommender.exporters.json_export import export_json
from recommender.importers.json_import import import_json
from recommender.importers.report import ImportCancelled, ImportFailed
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry


def export_text(db: Database, path: Path) -> str:
    with db.read() as session:
        export_json(session, path)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def rich_db(tmp_path: Path) -> Database:
    """The small demo plus the awkward cases: scoped trust, distrust, hearsay, no address, a deleted vendor."""
    db = Database.open(tmp_path / "source.sqlite")
    generate_demo(db, "small", seed=3, today=dt.date(2026, 11, 1))
    with db.write() as uow:
        me = find_me(uow.session)
        assert me is not None
        anna = add_person(uow, PersonDraft("Anna Berg", phone="+43 660 1234567"))
        set_trust(uow, me.id, anna.id, 1.0, category="babysitter")
        set_trust(uow, anna.id, me.id, -0.5)
        sitter = add_vendor(uow, VendorDraft("Mia (babysitter)", "babysitter", service_area="Riverside"))
        save_review(uow, ReviewDraft(sitter.id, 5, "Anna swears by her", author_id=anna.id))
        gone = add_vendor(uow, VendorDraft("Closed Bakery", "bakery"))
        delete_vendor(uow, gone.id)
    return db


def test_export_then_import_into_an_empty_database_reproduces_the_directory(rich_db: Database, tmp_path: Path) -> None:
    first = export_text(rich_db, tmp_path / "first.json")
    copy = Database.open(tmp_path / "copy.sqlite")
    report = import_json(copy, tmp_path / "first.json")
    second = export_text(copy, tmp_path / "second.json")
    assert second == first
    document = json.loads(first)
    assert report.added == {
        "people": len(document["people"]),
        "trust links": len(document["trust"]),
        "vendors": len(document["vendors"]),
        "reviews": len(document["reviews"]),
    }
    assert "Closed Bakery" not in first
    with copy.read() as session:
        me = find_me(session)
    assert me is not None and str(me.id) == next(p["id"] for p in document["people"] if p["is_me"])


def test_importing_the_same_file_again_updates_instead_of_duplicating(rich_db: Database, tmp_path: Path) -> None:
    before = export_text(rich_db, tmp_path / "before.json")
    report = import_json(rich_db, tmp_path / "before.json")
    assert report.added == {}
    assert export_text(rich_db, tmp_path / "after.json") == before


def change_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0


def broken_copy(source: str, section: str, index: int, **changes: object) -> str:
    """The export with one record altered, still one record per line."""
    lines = source.splitlines()
    document = json.loads(source)
    record = document[section][index]
    line = lines.index(json.dumps(record, ensure_ascii=False, sort_keys=True) + ",")
    lines[line] = json.dumps({**record, **changes}, ensure_ascii=False, sort_keys=True) + ","
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("section", "changes", "field", "message"),
    [
        ("vendors", {"lat": 123.0}, "lat", "lat must be between -90.0 and 90.0"),
        ("vendors", {"category": "Astrologer"}, "category", "not a known category"),
        ("reviews", {"rating": 7}, "rating", "rating must be between 1 and 5"),
        ("reviews", {"vendor_id": "9b2f9a47-0000-4000-8000-000000000000"}, "vendor", "vendor refers to"),
        ("people", {"display_name": ""}, "display_name", "display_name is required"),
        ("trust", {"level": "very"}, "level", "level must be a number"),
        ("vendors", {"colour": "red"}, "colour", "colour is not a field of vendors"),
    ],
)
def test_a_bad_record_near_the_end_stops_the_import_and_changes_nothing(
    rich_db: Database, tmp_path: Path, section: str, changes: dict[str, object], field: str, message: str
) -> None:
    source = export_text(rich_db, tmp_path / "source.json")
    target = Database.open(tmp_path / "target.sqlite")
    index = len(json.loads(source)[section]) - 2
    bad = tmp_path / "bad.json"
    bad.write_text(broken_copy(source, section, index, **changes), encoding="utf-8")

    with pytest.raises(ImportFailed) as raised:
        import_json(target, bad)
    error = raised.value
    assert error.field == field
    assert error.location == f"{section}[{index}]"
    assert error.line is not None
    assert (
        json.loads(bad.read_text().splitlines()[error.line - 1].rstrip(","))
        == json.loads(source)[section][index] | changes
    )
    assert message in str(error) and str(bad) in str(error)
    assert change_count(target) == 0
    assert export_text(target, tmp_path / "empty.json").count("{") == 1


def test_a_file_that_is_not_json_names_the_line(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n"format": "grapevine-directory",\n"version": 1,\n"vendors": [\n{"name": "x",}\n]\n}\n')
    with pytest.raises(ImportFailed, match="not valid JSON") as raised:
        import_json(db, bad)
    assert raised.value.line == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"vendors": []}', "not a Grapevine directory file"),
        ('{"format": "grapevine-directory", "version": 99}', "unsupported format version 99"),
        ('{"format": "grapevine-directory", "version": 1, "vendors": {}}', '"vendors" must be a list'),
        ('{"format": "grapevine-directory", "version": 1, "recipes": []}', "unknown section 'recipes'"),
        ('{"format": "grapevine-directory", "version": 1, "vendors": [42]}', "vendors is not a valid record"),
    ],
)
def test_files_of_the_wrong_shape_are_refused_clearly(db: Database, tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(ImportFailed, match=message):
        import_json(db, bad)


def test_a_missing_file_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="file not found"):
        import_json(db, tmp_path / "nowhere.json")


def test_progress_is_reported_and_a_cancel_half_way_leaves_the_database_unchanged(
    rich_db: Database, tmp_path: Path
) -> None:
    """A directory file of a few thousand records moves the app's bar, and its Cancel works before the end."""
    document = json.loads(export_text(rich_db, tmp_path / "export.json"))
    total = sum(len(records) for records in document.values() if isinstance(records, list))
    assert total > 600
    copy = Database.open(tmp_path / "copy.sqlite")
    seen: list[tuple[int, int | None]] = []

    def cancel_half_way(done: int, total: int | None) -> None:
        seen.append((done, total))
        if done >= 300:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        import_json(copy, tmp_path / "export.json", progress=cancel_half_way)
    assert seen[0] == (0, total) and 300 <= seen[-1][0] < total
    with copy.read() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == 0
    seen.clear()
    import_json(copy, tmp_path / "export.json", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (total, total)
