"""Migration 0003 (hearsay per recorder) on a saved database of schema 0002: nothing lost, old hearsay kept as is."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import select

from recommender.directory.people import PersonDraft, add_person, find_me
from recommender.directory.reviews import ReviewDraft, reviews_for_vendor, save_review
from recommender.directory.vendors import list_vendors
from recommender.storage.database import Database
from recommender.storage.models import Person, Review, hearsay_id_for, review_id_for

SAVED = Path(__file__).with_name("saved_schemas")


def _old_database(tmp_path: Path) -> Path:
    path = tmp_path / "schema-0002.sqlite"
    connection = sqlite3.connect(path)
    connection.executescript((SAVED / "0002.sql").read_text(encoding="utf-8"))
    connection.close()
    return path


def test_old_hearsay_keeps_its_id_and_is_still_edited_in_place_while_others_add_theirs(tmp_path: Path) -> None:
    path = _old_database(tmp_path)
    before = sqlite3.connect(path).execute("SELECT * FROM reviews ORDER BY id").fetchall()
    db = Database.open(path)
    with db.read() as session:
        after = session.connection().exec_driver_sql("SELECT * FROM reviews ORDER BY id").fetchall()
        me = find_me(session)
        anna = session.scalar(select(Person).where(Person.display_name == "Anna Berg"))
        lee = next(vendor for vendor in list_vendors(session) if vendor.name == "Dr. Lee")
        assert me is not None and anna is not None
        anna_id = anna.id
    # Every row, every value, as it was.
    assert [tuple(row) for row in after] == before
    legacy = review_id_for(anna_id, lee.id)
    with db.write() as uow:
        assert uow.session.get_one(Review, legacy).recorded_by_id == me.id
        # Recording what Anna told me again edits my old record, under its old id.
        again = save_review(
            uow, ReviewDraft(lee.id, 2, "changed her mind", author_id=anna_id), today=dt.date(2026, 12, 1)
        )
        assert again.id == legacy
        # Someone else's record of Anna's word about Dr. Lee now fits beside it.
        cat = add_person(uow, PersonDraft("Cat"))
        theirs = save_review(uow, ReviewDraft(lee.id, 4, author_id=anna_id), recorded_by_id=cat.id)
        assert theirs.id == hearsay_id_for(cat.id, anna_id, lee.id)
    with db.read() as session:
        shown = sorted(
            (r.recorded_by_id == me.id, r.author_id == anna_id, r.rating) for r in reviews_for_vendor(session, lee.id)
        )
    assert shown == [(False, True, 4), (True, False, 5), (True, True, 2)]
    db.close()
