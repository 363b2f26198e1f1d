"""Export the live directory as Grapevine's JSON format, one record per line so diffs and errors point at lines."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from recommender.directory.people import list_people, trust_links
from recommender.directory.records import PersonRecord, ReviewRecord, TrustRecord, VendorRecord
from recommender.directory.vendors import list_vendors
from recommender.storage.changelog import encode_value
from recommender.storage.models import Person, Review

FORMAT_NAME = "grapevine-directory"
FORMAT_VERSION = 1
SECTIONS = ("people", "trust", "vendors", "reviews")


def _plain(record: PersonRecord | TrustRecord | VendorRecord | ReviewRecord) -> dict[str, Any]:
    values = {key: encode_value(value) for key, value in asdict(record).items()}
    if isinstance(record, TrustRecord | ReviewRecord):
        # Their ids follow from their natural keys; leaving them out keeps hand-written files simple.
        del values["id"]
    return values


def _live_reviews(session: Session) -> list[ReviewRecord]:
    query = (
        select(Review)
        .join(Person, Person.id == Review.author_id)
        .where(Review.deleted.is_(False), Person.deleted.is_(False))
        .order_by(Review.vendor_id, Review.author_id)
    )
    live_vendors = {vendor.id for vendor in list_vendors(session)}
    return [ReviewRecord.of(review) for review in session.scalars(query) if review.vendor_id in live_vendors]


def directory_document(session: Session) -> dict[str, list[dict[str, Any]]]:
    """The live directory as plain JSON-ready values, by section."""
    people = list_people(session)
    live_people = {str(person.id) for person in people}
    reviews = [_plain(review) for review in _live_reviews(session)]
    for review in reviews:
        # A review recorded by a contact since removed still stands: its author vouches for it.
        if review["recorded_by_id"] not in live_people:
            review["recorded_by_id"] = review["author_id"]
    return {
        "people": [_plain(person) for person in people],
        "trust": [_plain(link) for link in trust_links(session)],
        "vendors": [_plain(vendor) for vendor in list_vendors(session)],
        "reviews": reviews,
    }


def _lines(document: dict[str, list[dict[str, Any]]]) -> Iterable[str]:
    yield "{\n"
    yield f'"format": {json.dumps(FORMAT_NAME)},\n'
    yield f'"version": {FORMAT_VERSION},\n'
    for index, section in enumerate(SECTIONS):
        records = document[section]
        yield f'"{section}": [\n'
        for position, record in enumerate(records):
            comma = "," if position < len(records) - 1 else ""
            yield json.dumps(record, ensure_ascii=False, sort_keys=True) + comma + "\n"
        yield "]" + ("," if index < len(SECTIONS) - 1 else "") + "\n"
    yield "}\n"


def export_json(session: Session, path: Path) -> dict[str, int]:
    """Write the directory to ``path`` atomically (a crash never leaves half a file); returns counts."""
    document = directory_document(session)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.writelines(_lines(document))
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return {section: len(records) for section, records in document.items()}
