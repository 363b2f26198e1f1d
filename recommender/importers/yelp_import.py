"""Import Yelp business listings (the Yelp dataset's JSON lines, or a CSV export of it): all or nothing.

Each business becomes a vendor with source "yelp" and its business_id as source id, so importing a newer file
updates the vendors it added before instead of adding them again. Businesses whose categories are none of ours
get the fallback category the user chose, or are skipped with the reason; closed businesses are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recommender.directory.errors import ValidationError
from recommender.directory.vendors import VendorDraft
from recommender.importers.csv_import import read_csv_rows
from recommender.importers.listing_writer import ListingWriter
from recommender.importers.registry import (
    DEFAULT_OPTIONS,
    ImportOptions,
    Progress,
    Saving,
    import_transaction,
    no_progress,
    no_saving,
)
from recommender.importers.report import ImportFailed, ImportReport, Skipped, read_utf8_text
from recommender.importers.yelp_categories import choose_category, split_yelp_categories
from recommender.importers.yelp_hours import DAYS, BadHours, yelp_hours_to_osm
from recommender.storage.database import Database

SOURCE = "yelp"
ATTRIBUTION = "Yelp Open Dataset (non-commercial use only)"
_PROGRESS_EVERY = 250


@dataclass(frozen=True, slots=True)
class _Record:
    """One business as read from the file, with where it was (line, or record number in a JSON array)."""

    line: int | None
    location: str | None
    values: dict[str, Any]

    @property
    def where(self) -> str:
        return f"line {self.line}" if self.line is not None else str(self.location)


def _read_text(path: Path) -> str:
    return read_utf8_text(path, "Yelp's files are UTF-8")


def _json_records(path: Path, text: str) -> Iterator[_Record]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        # A JSON array of businesses (some tools convert the dataset this way).
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFailed(
                path, f"not valid JSON: {error.msg} at column {error.colno}", line=error.lineno
            ) from None
        for index, item in enumerate(document):
            yield _Record(None, f"record {index + 1}", _as_object(path, item, None, f"record {index + 1}"))
        return
    # split("\n"), not splitlines(): a name may hold U+2028, which splitlines() would take for a line break.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            cut = " (the file may be cut short)" if not text.endswith("\n") and number == text.count("\n") + 1 else ""
            raise ImportFailed(path, f"not valid JSON: {error.msg} at column {error.colno}{cut}", line=number) from None
        yield _Record(number, None, _as_object(path, item, number, None))


def _as_object(path: Path, item: object, line: int | None, location: str | None) -> dict[str, Any]:
    if not isinstance(item, dict) or "business_id" not in item:
        raise ImportFailed(path, "not a Yelp business (each record needs a business_id)", line=line, location=location)
    return item


def _csv_records(path: Path) -> Iterator[_Record]:
    header, rows = read_csv_rows(path)
    columns = [column.strip().casefold() for column in header]
    if "business_id" not in columns or "name" not in columns:
        raise ImportFailed(path, "not a Yelp business CSV (the header needs business_id and name)", line=1)
    days = {day.casefold(): day for day in DAYS}
    for line, row in rows:
        if len(row) > len(columns):
            raise ImportFailed(path, f"{len(row)} cells but the header names {len(columns)} columns", line=line)
        values: dict[str, Any] = {}
        hours: dict[str, str] = {}
        for column, cell in zip(columns, row, strict=False):
            if column in days:
                hours[days[column]] = cell
            else:
                values[column] = cell
        if hours:
            values["hours"] = hours
        yield _Record(line, None, values)


def _text(values: dict[str, Any], key: str) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _address(values: dict[str, Any]) -> tuple[str | None, str | None]:
    """(street address, service area): Yelp hides the street of businesses that come to you."""
    street = _text(values, "address")
    region = " ".join(part for part in (_text(values, "state"), _text(values, "postal_code")) if part)
    place = ", ".join(part for part in (_text(values, "city"), region) if part) or None
    if street is None:
        return None, place
    return ", ".join(part for part in (street, place) if part), None


def _is_closed(values: dict[str, Any]) -> bool:
    return str(values.get("is_open", "1")).strip() in {"0", "False", "false"}


def _draft(path: Path, record: _Record, category: str) -> VendorDraft:
    values = record.values
    try:
        opening_hours = yelp_hours_to_osm(values.get("hours"))
    except BadHours as error:
        raise ImportFailed(path, str(error), line=record.line, location=record.location, field="hours") from None
    address, service_area = _address(values)
    return VendorDraft(
        name=_text(values, "name") or "",
        category=category,
        address=address,
        service_area=service_area,
        lat=values.get("latitude"),
        lon=values.get("longitude"),
        phone=_text(values, "phone") or _text(values, "display_phone"),
        opening_hours=opening_hours,
        source=SOURCE,
        source_id=_text(values, "business_id"),
        attribution=ATTRIBUTION,
    )


def _records(path: Path) -> list[_Record]:
    if path.suffix.casefold() in {".csv", ".tsv"}:
        return list(_csv_records(path))
    text = _read_text(path)
    if not text.strip():
        raise ImportFailed(path, "the file is empty")
    if not text.lstrip().startswith(("{", "[")):
        raise ImportFailed(path, "not Yelp business JSON (expected one JSON object per line)", line=1)
    return list(_json_records(path, text))


def import_yelp(
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    progress: Progress = no_progress,
    saving: Saving = no_saving,
) -> ImportReport:
    """Add or update every open business in a Yelp file, or, if one is bad, change nothing and say where."""
    records = _records(path)
    report = ImportReport(path)
    first_seen: dict[str, str] = {}
    with import_transaction(db, saving) as uow:
        writer = ListingWriter(uow, SOURCE, report)
        for done, record in enumerate(records):
            if done % _PROGRESS_EVERY == 0:
                progress(done, len(records))
            values = record.values
            business_id = _text(values, "business_id") or ""
            name = _text(values, "name") or business_id
            if business_id in first_seen:
                report.skipped.append(Skipped(record.where, f"{name}: same business_id as {first_seen[business_id]}"))
                continue
            first_seen[business_id] = record.where
            if _is_closed(values):
                report.skipped.append(Skipped(record.where, f"{name}: closed (is_open is 0)"))
                continue
            yelp_categories = split_yelp_categories(values.get("categories"))
            choice = choose_category(name, yelp_categories)
            category = choice.key if choice is not None else options.fallback_category
            if category is None:
                shown = ", ".join(yelp_categories) or "none"
                report.skipped.append(
                    Skipped(record.where, f"{name}: no category Grapevine knows (Yelp categories: {shown})")
                )
                continue
            try:
                writer.save(_draft(path, record, category), where=record.where)
            except ValidationError as error:
                raise ImportFailed(
                    path, str(error), line=record.line, location=record.location, field=error.field
                ) from None
        writer.finish()
        progress(len(records), len(records))
    return report
