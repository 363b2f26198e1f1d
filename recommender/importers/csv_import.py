"""Import vendors from a spreadsheet (CSV with a header row): all rows or none, errors by line and column.

Columns are found by their header (common aliases in English) or by an explicit mapping the user chose (CLI
``--map FIELD=COLUMN``, the app's mapping step); :func:`preview_csv` shows the first rows and a guessed mapping
so the app can ask before importing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import select

from recommender.directory.errors import ValidationError
from recommender.directory.vendors import VendorDraft, add_vendor
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
from recommender.storage.database import Database
from recommender.storage.models import Vendor

# The vendor fields a column can fill, in the order the app's mapping step lists them.
FIELDS = (
    "name",
    "category",
    "address",
    "lat",
    "lon",
    "phone",
    "email",
    "website",
    "opening_hours",
    "notes",
    "service_area",
    "service_radius_km",
)
REQUIRED_FIELDS = ("name", "category")

# Header names people use in their own spreadsheets, mapped to vendor fields.
_COLUMNS = {
    **{field: field for field in FIELDS},
    "latitude": "lat",
    "lng": "lon",
    "long": "lon",
    "longitude": "lon",
    "telephone": "phone",
    "tel": "phone",
    "e-mail": "email",
    "url": "website",
    "web": "website",
    "hours": "opening_hours",
}
# Headers that only the preview's guess reads (the user confirms it): as automatic aliases they could take a
# "Type" column of something else for the category.
_GUESS_ALIASES = {
    **_COLUMNS,
    "categories": "category",
    "type": "category",
    "trade": "category",
    "business_type": "category",
    "type_of_business": "category",
    "company": "name",
    "business": "name",
    "business_name": "name",
    "company_name": "name",
    "street": "address",
    "street_address": "address",
    "phone_number": "phone",
    "mobile": "phone",
    "email_address": "email",
    "web_site": "website",
    "homepage": "website",
    "opening_times": "opening_hours",
    "comments": "notes",
    "comment": "notes",
    "note": "notes",
    "description": "notes",
}
# A header that is not an alias is guessed only when it is this close to one ("Phone number" ~ "phone"): the
# guess is only shown in the app's mapping step for the user to confirm, never applied silently on import.
_GUESS_CUTOFF = 85.0
# Rows read in one go between progress reports (a 100k-row file reports a few hundred times).
_PROGRESS_EVERY = 250


@dataclass(frozen=True, slots=True)
class CsvPreview:
    """A CSV file's header, first rows and the mapping Grapevine would use: what the app's mapping step shows."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Our field -> the file's column header, for every field a column was found for.
    mapping: dict[str, str]
    total_rows: int


def _identity(name: str, address: str | None) -> tuple[str, str]:
    """What makes two rows the same vendor: name and address, ignoring case and spacing."""
    return " ".join(name.casefold().split()), " ".join((address or "").casefold().split())


def _header_key(column: str) -> str:
    return column.strip().casefold().replace(" ", "_")


def read_csv_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the non-blank rows with their line numbers; ImportFailed if the file is not readable CSV."""
    text = read_utf8_text(path, "save the spreadsheet as CSV UTF-8")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFailed(path, "not a text file (it contains NUL bytes)", line=line)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # strict: a quote left open (a file cut short inside a quoted cell) is an error, not the rest of the file
    # swallowed into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    rows: list[tuple[int, list[str]]] = []
    record_start = 1
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFailed(path, "the file is empty (a header row naming the columns is required)")
        record_start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, row))
            record_start = reader.line_num + 1
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            message = "a quoted cell is never closed (the file may be cut short)"
            raise ImportFailed(path, message, line=record_start) from None
        raise ImportFailed(path, f"not valid CSV: {error}", line=reader.line_num) from None
    return header, rows


def guess_mapping(header: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Our field -> column for the columns whose header names a field (exactly, by alias, or nearly)."""
    mapping: dict[str, str] = {}
    aliases = list(_GUESS_ALIASES)
    for column in header:
        key = _header_key(column).strip("#:_")
        field = _GUESS_ALIASES.get(key)
        if field is None and key:
            best = process.extractOne(key, aliases, scorer=fuzz.WRatio, score_cutoff=_GUESS_CUTOFF)
            field = _GUESS_ALIASES[best[0]] if best is not None else None
        if field is not None and field not in mapping:
            mapping[field] = column
    return mapping


def preview_csv(path: Path, rows: int = 5) -> CsvPreview:
    """The header, the first ``rows`` rows and a guessed mapping, without touching any database."""
    header, body = read_csv_rows(path)
    return CsvPreview(
        tuple(header),
        tuple(tuple(row) for _, row in body[:rows]),
        guess_mapping(header),
        len(body),
    )


def _resolve_columns(
    path: Path, header: list[str], mapping: Mapping[str, str], report: ImportReport
) -> list[str | None]:
    """The field each column fills (None: ignored); the user's mapping wins over what the headers say, and a field
    mapped to "" is left empty whatever the headers say."""
    columns: list[str | None] = [None] * len(header)
    stripped = [column.strip() for column in header]
    for field, column in mapping.items():
        if field not in FIELDS:
            raise ImportFailed(path, f"cannot map {field!r}: vendor fields are {', '.join(FIELDS)}")
        if not column.strip():
            continue  # "not in this file": no column fills it, not even one with the field's own name
        if column.strip() not in stripped:
            raise ImportFailed(
                path,
                f"{field} is mapped to column {column!r}, but the header has no such column "
                f"(columns: {', '.join(repr(name) for name in stripped)})",
                line=1,
            )
        index = stripped.index(column.strip())
        if columns[index] is not None:
            raise ImportFailed(path, f"column {column!r} is mapped to both {columns[index]} and {field}", line=1)
        columns[index] = field
    for index, name in enumerate(stripped):
        if columns[index] is not None:
            continue
        aliased = _COLUMNS.get(_header_key(name))
        if aliased is None or aliased in mapping or aliased in columns:
            report.skipped.append(Skipped("line 1", f"column {name!r} ignored"))
        else:
            columns[index] = aliased
    missing = [field for field in REQUIRED_FIELDS if field not in columns]
    if missing:
        hint = f" (map one with --map {missing[0]}=COLUMN)"
        raise ImportFailed(path, f"the header has no {missing[0]!r} column{hint}", line=1)
    return columns


def import_csv(
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    progress: Progress = no_progress,
    saving: Saving = no_saving,
) -> ImportReport:
    """Add the vendors listed in a CSV file; rows already in the directory are skipped and reported."""
    header, rows = read_csv_rows(path)
    report = ImportReport(path)
    columns = _resolve_columns(path, header, options.column_mapping, report)
    category_column = columns.index("category")

    with import_transaction(db, saving) as uow:
        known = {
            _identity(name, address)
            for name, address in uow.session.execute(
                select(Vendor.name, Vendor.address).where(Vendor.deleted.is_(False))
            )
        }
        for done, (line, row) in enumerate(rows):
            if done % _PROGRESS_EVERY == 0:
                progress(done, len(rows))
            if len(row) > len(columns):
                raise ImportFailed(path, f"{len(row)} cells but the header names {len(columns)} columns", line=line)
            values = {field: cell for field, cell in zip(columns, row, strict=False) if field is not None}
            if options.fallback_category and not (row[category_column:] or [""])[0].strip():
                values["category"] = options.fallback_category
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
                message = str(error)
                if error.field in columns and _header_key(header[columns.index(error.field)]) != error.field:
                    message += f" (column {header[columns.index(error.field)].strip()!r})"
                raise ImportFailed(path, message, line=line, field=error.field) from None
            known.add(key)
            report.count_added("vendors")
        progress(len(rows), len(rows))
    return report
