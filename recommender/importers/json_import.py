"""Import Grapevine's JSON format (what ``grapevine export json`` writes): all records or none."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from recommender.directory.common import load
from recommender.directory.errors import DirectoryError, ErrorCode, ValidationError
from recommender.directory.people import PersonDraft, add_person, find_me, set_trust, update_person
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, update_vendor
from recommender.exporters.json_export import FORMAT_NAME, FORMAT_VERSION, SECTIONS
from recommender.importers.registry import (
    DEFAULT_OPTIONS,
    ImportOptions,
    Progress,
    Saving,
    import_transaction,
    no_progress,
    no_saving,
)
from recommender.importers.report import ImportFailed, ImportReport, read_utf8_text
from recommender.storage.database import Database, UnitOfWork
from recommender.storage.models import Person, Review, Trust, Vendor

_PERSON_FIELDS = {"id", "display_name", "email", "phone", "notes", "member_id", "is_me"}
_TRUST_FIELDS = {"truster_id", "trustee_id", "category", "level"}
_VENDOR_FIELDS = {"id", *VendorDraft.__dataclass_fields__}
_REVIEW_FIELDS = {
    "vendor_id",
    "author_id",
    "recorded_by_id",
    "rating",
    "text",
    "visited_on",
    "reviewed_on",
    "tags",
}


# Records between progress reports: often enough for a smooth bar, rarely enough to cost nothing.
_PROGRESS_EVERY = 250


def _uuid(record: dict[str, Any], field: str, *, required: bool = True) -> uuid.UUID | None:
    value = record.get(field)
    if value is None:
        if required:
            raise ValidationError(field, ErrorCode.REQUIRED)
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationError(field, ErrorCode.BAD_FORMAT, value, kind="id") from None


def _required_uuid(record: dict[str, Any], field: str) -> uuid.UUID:
    value = _uuid(record, field)
    assert value is not None
    return value


@dataclass
class _Import:
    """One running import: its transaction, its report, and the ids each table held before it began."""

    uow: UnitOfWork
    report: ImportReport
    existing: dict[str, set[uuid.UUID]]

    def count(self, section: str, kind: str, record_id: uuid.UUID) -> None:
        if record_id in self.existing[section]:
            self.report.count_updated(kind)
        else:
            self.report.count_added(kind)


def _import_person(run: _Import, record: dict[str, Any]) -> None:
    uow = run.uow
    person_id = _uuid(record, "id", required=False) or uuid.uuid4()
    draft = PersonDraft(
        record.get("display_name", ""),
        record.get("email"),
        record.get("phone"),
        record.get("notes"),
        record.get("member_id"),
    )
    if person_id in run.existing["people"]:
        uow.recorder.update(load(uow.session, Person, person_id, deleted_ok=True), {"deleted": False})
        update_person(uow, person_id, draft)
    else:
        add_person(uow, draft, person_id=person_id)
    run.count("people", "people", person_id)
    # "Me" is whoever owns this install: a file's owner becomes mine only in a database that has none yet.
    if record.get("is_me") is True and find_me(uow.session) is None:
        uow.recorder.update(load(uow.session, Person, person_id), {"is_me": True})


def _import_trust(run: _Import, record: dict[str, Any]) -> None:
    truster, trustee = _required_uuid(record, "truster_id"), _required_uuid(record, "trustee_id")
    link = set_trust(run.uow, truster, trustee, record.get("level"), category=record.get("category"))
    run.count("trust", "trust links", link.id)


def _import_vendor(run: _Import, record: dict[str, Any]) -> None:
    uow = run.uow
    vendor_id = _uuid(record, "id", required=False) or uuid.uuid4()
    draft = VendorDraft(**{key: value for key, value in record.items() if key != "id"})
    if vendor_id in run.existing["vendors"]:
        uow.recorder.update(load(uow.session, Vendor, vendor_id, deleted_ok=True), {"deleted": False})
        update_vendor(uow, vendor_id, draft)
    else:
        add_vendor(uow, draft, vendor_id=vendor_id)
    run.count("vendors", "vendors", vendor_id)


def _import_review(run: _Import, record: dict[str, Any]) -> None:
    vendor_id, author_id = _required_uuid(record, "vendor_id"), _required_uuid(record, "author_id")
    recorded_by = _uuid(record, "recorded_by_id", required=False) or author_id
    draft = ReviewDraft(
        vendor_id,
        record.get("rating"),  # type: ignore[arg-type] # validated by save_review
        record.get("text"),
        record.get("visited_on"),
        record.get("tags") or (),
        author_id,
        record.get("reviewed_on"),
    )
    review = save_review(run.uow, draft, recorded_by_id=recorded_by, today=dt.date.today())
    run.count("reviews", "reviews", review.id)


_IMPORTERS: dict[str, tuple[set[str], Callable[[_Import, dict[str, Any]], None]]] = {
    "people": (_PERSON_FIELDS, _import_person),
    "trust": (_TRUST_FIELDS, _import_trust),
    "vendors": (_VENDOR_FIELDS, _import_vendor),
    "reviews": (_REVIEW_FIELDS, _import_review),
}
_MODELS: dict[str, type[Person | Trust | Vendor | Review]] = {
    "people": Person,
    "trust": Trust,
    "vendors": Vendor,
    "reviews": Review,
}


def _line_of(text: str, record: object) -> int | None:
    """The line holding exactly this record, when the file keeps one record per line (as exports do)."""
    for number, line in enumerate(text.splitlines(), start=1):
        candidate = line.strip().rstrip(",")
        if candidate.startswith("{") and candidate.endswith("}"):
            try:
                if json.loads(candidate) == record:
                    return number
            except json.JSONDecodeError:
                continue
    return None


def _read_document(path: Path) -> tuple[str, dict[str, Any]]:
    text = read_utf8_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed(path, f"not valid JSON: {error.msg} at column {error.colno}", line=error.lineno) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportFailed(path, f'not a Grapevine directory file (expected "format": "{FORMAT_NAME}")')
    version = document.get("version")
    if not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
        raise ImportFailed(path, f"unsupported format version {version!r} (this Grapevine reads 1-{FORMAT_VERSION})")
    unknown = set(document) - {"format", "version", *SECTIONS}
    if unknown:
        raise ImportFailed(path, f"unknown section {sorted(unknown)[0]!r}")
    return text, document


def import_json(
    db: Database,
    path: Path,
    options: ImportOptions = DEFAULT_OPTIONS,
    progress: Progress = no_progress,
    saving: Saving = no_saving,
) -> ImportReport:
    """Add or update every record in the file, or, if any record is bad, change nothing and say which."""
    text, document = _read_document(path)
    report = ImportReport(path)
    with import_transaction(db, saving) as uow:
        existing = {section: set(uow.session.scalars(select(model.id))) for section, model in _MODELS.items()}
        run = _Import(uow, report, existing)
        total = sum(len(records) for records in document.values() if isinstance(records, list))
        done = 0
        for section in SECTIONS:
            records = document.get(section, [])
            if not isinstance(records, list):
                raise ImportFailed(path, f'"{section}" must be a list of records')
            allowed, importer = _IMPORTERS[section]
            for index, record in enumerate(records):
                # Now and then, so the app's bar moves and its Cancel is heeded while records are written.
                if done % _PROGRESS_EVERY == 0:
                    progress(done, total)
                done += 1
                location = f"{section}[{index}]"
                try:
                    if not isinstance(record, dict):
                        raise ValidationError(section, ErrorCode.BAD_FORMAT, kind="record (a JSON object)")
                    unknown = sorted(set(record) - allowed)
                    if unknown:
                        raise ValidationError(unknown[0], ErrorCode.NOT_ALLOWED, reason=f"is not a field of {section}")
                    importer(run, record)
                except DirectoryError as error:
                    field = error.field if isinstance(error, ValidationError) else None
                    raise ImportFailed(
                        path, str(error), line=_line_of(text, record), location=location, field=field
                    ) from None
        progress(total, total)
    return report
