"""Import vendors from a spreadsheet (CSV with a header row): all rows or none, errors by line and column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import select

from recommender.directory.errors import ValidationError
from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.importers.registry import DEFAULT_OPTIONS, ImportOptions, Progress, no_progress
from recommender.importers.report import ImportFailed, ImportReport, Skipped
from recommender.storage.database import Database
from recommender.storage.models import Vendor

# Header names people use in their own spreadsheets, mapped to vendor fields.
_COLUMNS = {
    "name": "name",
    "category": "category",
    "address": "address",
    "lat": "lat",
    "latitude": "lat",
    "lon": "lon",
    "lng": "lon",
    "long": "lon",
    "longitude": "lon",
    "phone": "phone",
    "telephone": "phone",
    "email": "email",
    "e-mail": "email",
    "website": "website",
    "url": "website",
    "web": "website",
    "opening_hours": "opening_hours",
    "hours": "opening_hours",
    "notes": "notes",
    "service_area": "service_area",
    "service_radius_km": "service_radius_km",
}
_REQUIRED = ("name", "category")


def _identity(name: str, address: str | None) -> tuple[str, str]:
    """What makes two rows the same vendor: name and address, ignoring case and spacing."""
    return " ".join(name.casefold().split()), " ".join((address or "").casefold().split())


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(path, "file not found") from None
    except OSError as error:
        raise ImportFailed(path, f"cannot read the file ({error.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFailed(path, "not UTF-8 text (save the spreadsheet as CSV UTF-8)", line=line) from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFailed(path, "the file is empty (a header row naming the columns is required)")
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise ImportFailed(path, f"not valid CSV: {error}", line=reader.line_num) from None
    return header, rows


def import_csv(
    db: Database, path: Path, options: ImportOptions = DEFAULT_OPTIONS, progress: Progress = no_progress
) -> ImportReport:
    """Add the vendors listed in a CSV file; rows already in the directory are skipped and reported."""
    header, rows = _read_rows(path)
    report = ImportReport(path)
    columns: list[str | None] = []
    for name in header:
        field = _COLUMNS.get(name.strip().casefold().replace(" ", "_"))
        if field is None or field in columns:
            report.skipped.append(Skipped("line 1", f"column {name.strip()!r} ignored"))
            field = None
        columns.append(field)
    missing = [field for field in _REQUIRED if field not in columns]
    if missing:
        raise ImportFailed(path, f"the header has no {missing[0]!r} column", line=1)

    with db.write() as uow:
        known = {
            _identity(name, address)
            for name, address in uow.session.execute(
                select(Vendor.name, Vendor.address).where(Vendor.deleted.is_(False))
            )
        }
        for line, row in rows:
            if len(row) > len(columns):
                raise ImportFailed(path, f"{len(row)} cells but the header names {len(columns)} columns", line=line)
            values = {field: cell for field, cell in zip(columns, row, strict=False) if field is not None}
            try:
                draft = VendorDraft(
                    **{"name": "", "category": "", **values}, source="import", source_id=f"{path.name}:{line}"
                )
                key = _identity(draft.name, draft.address)
                if key in known:
                    report.skipped.append(Skipped(f"line {line}", f"{draft.name.strip()} is already in the directory"))
                    continue
                add_vendor(uow, draft)
            except ValidationError as error:
                raise ImportFailed(path, str(error), line=line, field=error.field) from None
            known.add(key)
            report.count_added("vendors")
    return report
