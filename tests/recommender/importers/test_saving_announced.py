"""Every registered importer says when it has written everything and is about to commit ("saving"), exactly once
and right before its one commit: the app stops offering Cancel there, because the commit cannot be interrupted.
A cancel at that announcement still rolls everything back."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection, event, func, select

from recommender.directory.people import PersonDraft, add_person
from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.exporters.json_export import export_json
from recommender.importers.registry import DEFAULT_OPTIONS, ImportOptions, importers, run_importer
from recommender.importers.report import ImportCancelled
from recommender.storage.database import Database
from recommender.storage.models import ChangeLogEntry, Person, Vendor


@dataclass(frozen=True)
class Case:
    """One importer run on one small file: the file is the shared data's, or written here as its tests write it."""

    kind: str
    file: Callable[[Path, Path], Path]
    """(shared data folder, a temporary folder) -> the file to import."""
    options: ImportOptions = DEFAULT_OPTIONS


def spreadsheet(_data: Path, folder: Path) -> Path:
    path = folder / "vendors.csv"
    path.write_text(
        "Name,Category,Address,Phone\n"
        "Dr. Amara Okafor,Kinderarzt,12 Elm Street,+44 117 496 0123\n"
        '"Nguyen & Sons Plumbing",plumber,"3 Mill Lane, Riverside",0117 496 0456\n',
        encoding="utf-8",
    )
    return path


def grapevine_export(_data: Path, folder: Path) -> Path:
    source = Database.open(folder / "source.sqlite")
    try:
        with source.write() as uow:
            add_vendor(uow, VendorDraft("Maple Dental", "dentist", address="4 Maple Road"))
            add_person(uow, PersonDraft("Anna Berg", phone="+43 660 1234567"))
        path = folder / "grapevine.json"
        with source.read() as session:
            export_json(session, path)
    finally:
        source.close()
    return path


def saved_places(_data: Path, folder: Path) -> Path:
    """Google Takeout's older "Saved Places.json" layout (no real Takeout file may be shared)."""
    feature = {
        "geometry": {"coordinates": [16.3702, 48.2102], "type": "Point"},
        "properties": {
            "Google Maps URL": "http://maps.google.com/?cid=1234567890123456789",
            "Location": {
                "Address": "Kärntner Straße 1, 1010 Wien, Austria",
                "Business Name": "Zahnarzt Dr. Huber",
                "Geo Coordinates": {"Latitude": "48.2102", "Longitude": "16.3702"},
            },
            "Title": "Zahnarzt Dr. Huber",
        },
        "type": "Feature",
    }
    path = folder / "Saved Places.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}, indent=2), encoding="utf-8")
    return path


def shared(*parts: str) -> Callable[[Path, Path], Path]:
    return lambda data, _folder: data.joinpath(*parts)


CASES = {
    "csv": Case("csv", spreadsheet),
    "json": Case("json", grapevine_export),
    "vcard": Case("vcard", shared("vcard", "ezvcard_rfc6350-example.vcf")),
    "jcard": Case("vcard", shared("vcard", "ezvcard_jcard-example.json")),
    "xcard": Case("vcard", shared("vcard", "ezvcard_rfc6351-example.xml")),
    "yelp": Case(
        "yelp",
        shared("business_listings", "yelp_academic_dataset_business.json"),
        ImportOptions(fallback_category="caterer"),
    ),
    "osm-xml": Case("osm", shared("osm", "monaco.osm.gz")),
    "osm-pbf": Case("osm", shared("osm", "aguascalientes.osm.pbf")),
    "osm-overpass": Case("osm", shared("osm", "overpass-response-2.json.gz")),
    "takeout": Case("takeout", saved_places),
}


def record_commits(db: Database, events: list[str]) -> None:
    def on_commit(_connection: Connection) -> None:
        events.append("commit")

    event.listen(db.engine, "commit", on_commit)


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Vendor)) or 0,
            session.scalar(select(func.count()).select_from(Person)) or 0,
            session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0,
        )


def test_every_registered_importer_has_a_case_here() -> None:
    assert {case.kind for case in CASES.values()} == set(importers())


@pytest.mark.parametrize("name", CASES)
def test_the_importer_announces_saving_once_right_before_its_commit(
    name: str, db: Database, shared_data: Path, tmp_path: Path
) -> None:
    case = CASES[name]
    path = case.file(shared_data, tmp_path)
    events: list[str] = []
    seen_at_saving: list[tuple[int, int, int]] = []
    record_commits(db, events)
    before = counts(db)

    def saving() -> None:
        events.append("saving")
        seen_at_saving.append(counts(db))

    report = run_importer(case.kind, db, path, case.options, lambda _done, _total: events.append("progress"), saving)
    assert sum(report.added.values()) > 0
    # Progress reports (if any) while reading and writing, then the announcement, then the one commit: no report
    # comes after the announcement.
    assert events.count("saving") == 1 and events.count("commit") == 1
    assert events[-2:] == ["saving", "commit"]
    # When it announces, nothing of the file is visible yet; after the commit all of it is.
    assert seen_at_saving == [before]
    assert counts(db) != before


@pytest.mark.parametrize("name", CASES)
def test_a_cancel_at_the_announcement_still_leaves_the_directory_as_it_was(
    name: str, db: Database, shared_data: Path, tmp_path: Path
) -> None:
    case = CASES[name]
    path = case.file(shared_data, tmp_path)
    before = counts(db)

    def cancel() -> None:
        raise ImportCancelled

    with pytest.raises(ImportCancelled):
        run_importer(case.kind, db, path, case.options, saving=cancel)
    assert counts(db) == before
