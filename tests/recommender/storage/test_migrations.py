"""Schema migrations: every released schema upgrades from a saved database, and odd files are refused.

When you add a migration, save a database of the new schema with
``python tests/recommender/storage/test_migrations.py`` (it writes ``saved_schemas/<revision>.sql``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from recommender.directory.people import PersonDraft, add_person, find_me, set_me, set_trust, trust_links
from recommender.directory.reviews import ReviewDraft, reviews_for_vendor, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, list_vendors
from recommender.server.store import ServerStore
from recommender.storage.database import Database, DatabaseError
from recommender.storage.migrations import (
    all_revisions,
    current_revision,
    head_revision,
    newest_revision_file,
    stored_revision,
)
from recommender.storage.models import Base

SAVED = Path(__file__).with_name("saved_schemas")


def fill_sample_data(db: Database) -> None:
    """The records every saved schema holds, so an upgrade can be checked to keep them."""
    with db.write() as uow:
        me = set_me(uow, PersonDraft("Sam Carter"))
        anna = add_person(uow, PersonDraft("Anna Berg", email="anna@example.org"))
        set_trust(uow, me.id, anna.id, 0.9)
        set_trust(uow, me.id, anna.id, 1.0, category="pediatrician")
        lee = add_vendor(uow, VendorDraft("Dr. Lee", "pediatrician", "1 Elm Street", 51.45, -2.59))
        add_vendor(uow, VendorDraft("Happy Paws", "dog_walker", service_area="Northfield"))
        save_review(uow, ReviewDraft(lee.id, 5, "Great with kids"), today=dt.date(2026, 11, 1))
        save_review(uow, ReviewDraft(lee.id, 4, author_id=anna.id), today=dt.date(2026, 11, 1))


@pytest.mark.parametrize("revision", all_revisions())
def test_a_saved_database_of_every_schema_upgrades_and_keeps_its_records(revision: str, tmp_path: Path) -> None:
    dump = SAVED / f"{revision}.sql"
    assert dump.exists(), f"save a database of schema {revision}: python {Path(__file__).name}"
    path = tmp_path / "old.sqlite"
    connection = sqlite3.connect(path)
    connection.executescript(dump.read_text(encoding="utf-8"))
    connection.close()

    db = Database.open(path)
    with db.read() as session:
        assert current_revision(session.connection()) == head_revision()
        me = find_me(session)
        assert me is not None and me.display_name == "Sam Carter"
        vendors = {vendor.name: vendor for vendor in list_vendors(session)}
        assert set(vendors) == {"Dr. Lee", "Happy Paws"}
        assert sorted(r.rating for r in reviews_for_vendor(session, vendors["Dr. Lee"].id)) == [4, 5]
        assert len(trust_links(session)) == 2
    with db.write() as uow:  # still writable, and its clock continues after the saved stamps
        add_vendor(uow, VendorDraft("Maple Dental", "dentist"))
    db.close()


def test_the_migrations_build_exactly_the_schema_of_the_models(db: Database) -> None:
    with db.engine.connect() as connection, warnings.catch_warnings():
        # SQLite cannot reflect expression indexes; Alembic warns and skips that one index.
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index")
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_database_from_a_newer_release_is_refused(db_path: Path) -> None:
    Database.open(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseError, match="newer Grapevine"):
        Database.open(db_path)


def test_a_file_that_is_not_a_grapevine_database_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseError, match="not a Grapevine database"):
        Database.open(other)
    tables = sqlite3.connect(other).execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert tables == [("recipes",)]

    text = tmp_path / "notes.sqlite"
    text.write_text("shopping list: milk, eggs\n" * 100)
    with pytest.raises(DatabaseError, match="not a usable database"):
        Database.open(text)


def test_a_group_servers_database_is_refused_as_one_untouched(tmp_path: Path) -> None:
    server_file = tmp_path / "grapevine-server.sqlite"
    store = ServerStore(f"sqlite:///{server_file}")
    store.create_tables()
    store.close()
    with pytest.raises(DatabaseError, match=r"group server's database.*grapevine serve"):
        Database.open(server_file)
    tables = {name for (name,) in sqlite3.connect(server_file).execute("SELECT name FROM sqlite_master")}
    assert "vendors" not in tables and "changes" in tables


def save_head_schema() -> Path:
    """Write a dump of a database at the newest schema, filled with the sample records."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "saved.sqlite"
        db = Database.open(path)
        fill_sample_data(db)
        db.close()
        engine = create_engine(f"sqlite:///{path}")
        with engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            dump = "\n".join(raw.iterdump()) + "\n"  # type: ignore[attr-defined]
        engine.dispose()
    target = SAVED / f"{head_revision()}.sql"
    target.parent.mkdir(exist_ok=True)
    target.write_text(dump, encoding="utf-8")
    return target


if __name__ == "__main__":
    sys.stdout.write(f"saved {save_head_schema()}\n")


def test_the_quick_check_knows_the_newest_revision(db: Database) -> None:
    # Opening skips Alembic when the file is at the newest revision; that shortcut must agree with Alembic.
    assert newest_revision_file() == head_revision()
    with db.engine.connect() as connection:
        assert stored_revision(connection) == head_revision()


def test_change_log_numbers_stored_as_reals_become_their_exact_json_text(tmp_path: Path) -> None:
    # Schema 0002 declared the value JSON (NUMERIC affinity): SQLite stored JSON numbers as REALs.
    path = tmp_path / "old.sqlite"
    connection = sqlite3.connect(path)
    connection.executescript((SAVED / "0002.sql").read_text(encoding="utf-8"))
    seqs = []
    for value in (0.111924153986845, -7.161363409357801e-06, 3):
        cursor = connection.execute(
            "INSERT INTO change_log (entity, record_id, field, value, stamp, origin, applied) "
            "VALUES ('vendors', 'ab', 'lat', ?, '000000000000001-000000-x', 'local', 1)",
            (value,),
        )
        seqs.append(cursor.lastrowid)
    connection.commit()
    connection.close()

    Database.open(path).close()
    connection = sqlite3.connect(path)
    stored = [
        connection.execute("SELECT value, typeof(value) FROM change_log WHERE seq = ?", (seq,)).fetchone()
        for seq in seqs
    ]
    connection.close()
    assert stored == [("0.111924153986845", "text"), ("-7.161363409357801e-06", "text"), ("3", "text")]
