"""The server's schema migrations, on real SQLite files and a real PostgreSQL: new databases get the baseline,
databases made before the migrations are adopted with their data, and databases that are not ours are refused.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from recommender.server import access
from recommender.server.app import ServerConfig
from recommender.server.migrations import BASELINE_COLUMNS, BASELINE_REVISION, REVISION_PREFIX, all_revisions
from recommender.server.models import ServerBase
from recommender.server.run import running_server
from recommender.server.store import ServerStore, StoreError
from recommender.storage.database import Database
from tests.recommender.server.conftest import Member, change, stamp
from tests.recommender.server.postgres import fresh_database, postgres_available, postgres_cluster

needs_postgres = pytest.mark.skipif(not postgres_available(), reason="PostgreSQL server binaries are not installed")
DIALECTS = ["sqlite", pytest.param("postgresql", marks=needs_postgres)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with postgres_cluster() as libpq_url:
        yield libpq_url


@pytest.fixture(params=DIALECTS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a new SQLite file, or a new database in the throwaway PostgreSQL cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite'}"
    return fresh_database(request.getfixturevalue("cluster"))


def opened(database_url: str) -> ServerStore:
    store = ServerStore(database_url)
    try:
        store.create_tables()
    except StoreError:
        store.close()
        raise
    return store


def stored_revision(database_url: str) -> str | None:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
    engine.dispose()
    return revision


def test_the_baseline_builds_exactly_the_tables_indexes_and_constraints_of_the_models(database_url: str) -> None:
    store = opened(database_url)
    with store.engine.connect() as connection, warnings.catch_warnings():
        warnings.simplefilter("error")  # a skipped comparison would hide a difference
        differences = compare_metadata(MigrationContext.configure(connection), ServerBase.metadata)
        inspector = inspect(connection)
        built = {name: {column["name"] for column in inspector.get_columns(name)} for name in BASELINE_COLUMNS}
        tables = set(inspector.get_table_names())
    store.close()
    assert differences == []
    # The frozen list that recognises a database made before the migrations is what the baseline builds.
    assert set(BASELINE_COLUMNS) <= tables - {"alembic_version"}
    assert built == BASELINE_COLUMNS
    assert stored_revision(database_url) == all_revisions()[-1]


def test_server_revisions_can_never_be_mistaken_for_the_desktop_databases() -> None:
    assert all_revisions()[0] == BASELINE_REVISION
    assert all(revision.startswith(REVISION_PREFIX) for revision in all_revisions())


def _fill_the_old_way(database_url: str) -> tuple[Member, uuid.UUID]:
    """A database as releases before the migrations left it (``create_all`` of the baseline's tables, no version
    table), with a group, its admin's device, an invite, a review's owner and one pushed change, written row by row
    as those releases did; returns the admin (as a client would know it) and the changed record."""
    now_ms = time.time_ns() // 1_000_000
    now = access.utc_from_ms(now_ms)
    engine = create_engine(database_url)
    tables = ServerBase.metadata.tables
    ServerBase.metadata.create_all(engine, tables=[tables[name] for name in BASELINE_COLUMNS])
    group_id, member_id, device_id, person_id, vendor_id = (uuid.uuid4() for _ in range(5))
    token = access.new_secret()
    with engine.begin() as connection:
        connection.execute(
            tables["sync_groups"].insert(), [{"id": group_id, "name": "Elm Street", "last_seq": 1, "created_at": now}]
        )
        member = {
            "id": member_id,
            "group_id": group_id,
            "person_id": person_id,
            "display_name": "Ann",
            "is_admin": True,
            "joined_at": now,
        }
        connection.execute(tables["members"].insert(), [member])
        connection.execute(
            tables["devices"].insert(),
            [{"id": device_id, "member_id": member_id, "token_hash": access.secret_hash(token), "created_at": now}],
        )
        connection.execute(
            tables["invites"].insert(),
            [
                {
                    "id": uuid.uuid4(),
                    "group_id": group_id,
                    "code_hash": "0" * 64,
                    "created_by": member_id,
                    "expires_at": now,
                    "max_uses": 1,
                    "uses": 0,
                }
            ],
        )
        connection.execute(
            tables["record_owners"].insert(),
            [{"group_id": group_id, "entity": "people", "record_id": person_id, "owner_person_id": person_id}],
        )
        sent = stamp(now_ms)
        connection.execute(
            tables["changes"].insert(),
            [
                {
                    "group_id": group_id,
                    "seq": 1,
                    "entity": "vendors",
                    "record_id": vendor_id,
                    "field": "name",
                    "value_json": '"Dr. Lee"',
                    "stamp": sent,
                    "sent_stamp": sent,
                    "device_id": device_id,
                }
            ],
        )
    with engine.connect() as connection:
        assert not inspect(connection).has_table("alembic_version")
    engine.dispose()
    admin = Member("", str(group_id), token, str(member_id), str(device_id), str(person_id))
    return admin, vendor_id


def test_a_database_made_before_the_migrations_is_stamped_and_keeps_its_groups_devices_and_feed(
    database_url: str,
) -> None:
    admin, vendor_id = _fill_the_old_way(database_url)

    with running_server(ServerConfig(database_url=database_url)) as url:
        admin.url = url
        # The device signed in before the upgrade still signs in, and its group's feed is all there.
        assert [row[:5] for row in admin.changes()] == [(1, "vendors", str(vendor_id), "name", "Dr. Lee")]
        later = stamp(time.time_ns() // 1_000_000 + 1)
        assert admin.push(change("vendors", vendor_id, "phone", "555-0100", later)).status_code == 200
        assert [row[:5] for row in admin.changes(since=1)] == [(2, "vendors", str(vendor_id), "phone", "555-0100")]
    assert stored_revision(database_url) == all_revisions()[-1]


def test_a_database_from_a_newer_server_is_refused_and_left_alone(database_url: str) -> None:
    opened(database_url).close()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'server_9999'"))
    engine.dispose()

    with pytest.raises(StoreError, match=r"newer Grapevine server \(schema server_9999\); please update Grapevine"):
        opened(database_url)
    assert stored_revision(database_url) == "server_9999"


def test_databases_that_are_not_a_servers_are_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "recipes.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="not a Grapevine server database"):
        opened(f"sqlite:///{other}")
    tables = sqlite3.connect(other).execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert tables == [("recipes",)]

    # The desktop app's database, given to the server by mistake: its schema version is not a server's.
    desktop = tmp_path / "grapevine.sqlite"
    Database.open(desktop).close()
    with pytest.raises(StoreError, match="not a Grapevine server database"):
        opened(f"sqlite:///{desktop}")

    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping list: milk, eggs\n" * 100)
    with pytest.raises(StoreError, match="cannot open the server database: file is not a database"):
        opened(f"sqlite:///{notes}")


def test_serve_on_a_newer_database_prints_why_and_exits_non_zero(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    opened(database_url).close()
    connection = sqlite3.connect(tmp_path / "server.sqlite")
    connection.execute("UPDATE alembic_version SET version_num = 'server_9999'")
    connection.commit()
    connection.close()

    command = [sys.executable, "-m", "recommender", "serve", "--port", "1", "--database-url", database_url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0
    assert "newer Grapevine server (schema server_9999); please update Grapevine" in result.stderr
    assert "Traceback" not in result.stderr
    # Only the error: the server never said it was running on a database it refused.
    assert "sync server on" not in result.stderr


# A server process starting: everything loaded, it waits for the go line, so two begin their migrations at once.
_STARTING_SERVER = """
import sys
import alembic.command, recommender.server.migrations
from recommender.server.store import ServerStore
store = ServerStore(sys.argv[1])
store.engine.connect().close()  # the pool's connection is ready too
print("ready", flush=True)
sys.stdin.readline()
store.create_tables()
store.close()
"""


@needs_postgres
@pytest.mark.parametrize("attempt", range(5))
def test_two_server_processes_starting_together_on_a_fresh_postgres_database_both_start(
    cluster: str, attempt: int
) -> None:
    database_url = fresh_database(cluster)
    command = [sys.executable, "-c", _STARTING_SERVER, database_url]
    processes = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for process in processes:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert [process.returncode for process in processes] == [0, 0], errors
    assert stored_revision(database_url) == all_revisions()[-1]


def test_two_stores_in_one_process_upgrading_at_once_both_succeed(tmp_path: Path) -> None:
    # In-process servers (tests, benchmarks) may start side by side; Alembic's module-wide state must not be shared.
    urls = [f"sqlite:///{tmp_path / f'server{index}.sqlite'}" for index in range(4)]
    stores = [ServerStore(url) for url in urls]
    start = threading.Barrier(len(stores))
    failures: list[BaseException] = []

    def start_up(store: ServerStore) -> None:
        try:
            start.wait()
            store.create_tables()
        except BaseException as error:  # the test reports it
            failures.append(error)

    threads = [threading.Thread(target=start_up, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for store in stores:
        store.close()
    assert failures == []
    assert [stored_revision(url) for url in urls] == [all_revisions()[-1]] * len(urls)
