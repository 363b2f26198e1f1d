"""This install's owner takes the person id a group server assigned: their records move with them, keeping authors.

Before the first group, the owner ("me") is a person with an id made on this computer. The server assigns each
member a person id (identity comes from authentication, never from a request), and other members only accept
reviews and trust links whose ids are made from that id. So on joining, me is re-keyed to it: the person row,
everything that names me (authors, recorders, trusters, trustees), the ids made from those (reviews, trust
links), and their change log, field versions and audiences. No stamp changes, so nothing looks like a new edit.

Only done while this install is in no group: nothing under the old ids was ever shared with a live group.
"""

from __future__ import annotations

import logging
import uuid

from recommender.storage.database import UnitOfWork
from recommender.storage.driver import sqlite_of
from recommender.storage.models import recorded_review_id, trust_id_for

logger = logging.getLogger(__name__)

_TABLES_BY_RECORD = ("audiences", "field_versions", "change_log")


def adopt_person_id(uow: UnitOfWork, old: uuid.UUID, new: uuid.UUID) -> None:
    """Re-key the person ``old`` (this install's owner) to ``new`` with everything that names them."""
    if old == new:
        return
    uow.session.flush()
    db = sqlite_of(uow.session)
    # The rows are renamed one table at a time: checked once, at commit.
    db.execute("PRAGMA defer_foreign_keys = ON")
    renamed: dict[tuple[str, str], str] = {("people", old.hex): new.hex}

    def person(hex_id: str) -> str:
        return new.hex if hex_id == old.hex else hex_id

    reviews = db.execute(
        "SELECT id, vendor_id, author_id, recorded_by_id FROM reviews WHERE author_id = ? OR recorded_by_id = ?",
        (old.hex, old.hex),
    ).fetchall()
    for review_id, vendor_id, author_id, recorder_id in reviews:
        author, recorder = person(author_id), person(recorder_id)
        new_id = recorded_review_id(uuid.UUID(recorder), uuid.UUID(author), uuid.UUID(vendor_id)).hex
        db.execute(
            "UPDATE reviews SET id = ?, author_id = ?, recorded_by_id = ? WHERE id = ?",
            (new_id, author, recorder, review_id),
        )
        renamed[("reviews", review_id)] = new_id
    links = db.execute(
        "SELECT id, truster_id, trustee_id, category FROM trust WHERE truster_id = ? OR trustee_id = ?",
        (old.hex, old.hex),
    ).fetchall()
    for link_id, truster_id, trustee_id, category in links:
        truster, trustee = person(truster_id), person(trustee_id)
        new_id = trust_id_for(uuid.UUID(truster), uuid.UUID(trustee), category).hex
        db.execute(
            "UPDATE trust SET id = ?, truster_id = ?, trustee_id = ? WHERE id = ?", (new_id, truster, trustee, link_id)
        )
        renamed[("trust", link_id)] = new_id
    db.execute("UPDATE people SET id = ? WHERE id = ?", (new.hex, old.hex))
    for table in _TABLES_BY_RECORD:
        db.executemany(
            f"UPDATE {table} SET record_id = ? WHERE entity = ? AND record_id = ?",
            [(new_id, entity, old_id) for (entity, old_id), new_id in renamed.items()],
        )
    # Logged values name people as JSON text (dashed ids), alone or inside a whole-record row.
    db.execute(
        "UPDATE change_log SET value = replace(value, ?, ?) "
        "WHERE entity IN ('reviews', 'trust', 'people') AND instr(value, ?) > 0",
        (f'"{old}"', f'"{new}"', f'"{old}"'),
    )
    # The session's objects still carry the old ids: load them afresh.
    uow.session.expunge_all()
    logger.info(
        "this install's owner is now person %s (%d reviews, %d trust links moved)", new, len(reviews), len(links)
    )
