"""The server on a real PostgreSQL: two server processes over one database, clients syncing through both."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from recommender.directory.people import PersonDraft, set_me
from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, update_vendor
from recommender.server.run import free_port
from recommender.storage.database import Database
from recommender.sync.audience import set_audience
from recommender.sync.client import SyncClient
from recommender.sync.groups import create_group, join_group
from recommender.sync.runner import sync_group
from tests.recommender.server.conftest import Member, change, join, stamp
from tests.recommender.server.conftest import create_group as create_raw_group
from tests.recommender.server.postgres import fresh_database, postgres_available, postgres_cluster

pytestmark = pytest.mark.skipif(not postgres_available(), reason="PostgreSQL server binaries are not installed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with postgres_cluster() as libpq_url:
        yield libpq_url


@pytest.fixture
def database_url(cluster: str) -> str:
    return fresh_database(cluster)


def _start_server(database_url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "recommender", "serve", "--port", str(port), "--database-url", database_url]
    with log.open("wb") as output:  # the child keeps its own copy of the file descriptor
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text()}")
        try:
            if requests.get(f"{url}/v1/health", timeout=1).ok:
                return process, url
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError(f"server did not start: {log.read_text()}")


@pytest.fixture
def two_servers(database_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two `grapevine serve` processes started together over one PostgreSQL database."""
    started = [_start_server(database_url, tmp_path / f"server{i}.log") for i in (1, 2)]
    try:
        yield started[0][1], started[1][1]
    finally:
        for process, _ in started:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def make_db(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    opened: list[Database] = []

    def make(name: str) -> Database:
        db = Database.open(tmp_path / f"{name}.sqlite")
        opened.append(db)
        with db.write() as uow:
            set_me(uow, PersonDraft(display_name=name))
        return db

    yield make
    for db in opened:
        db.close()


def test_clients_syncing_through_different_servers_converge(
    two_servers: tuple[str, str], make_db: Callable[[str], Database]
) -> None:
    first, second = two_servers
    ann, ben = make_db("Ann"), make_db("Ben")
    with SyncClient(first) as anonymous:
        group = create_group(ann, "Elm Street", anonymous)
    ann_client, ben_client = SyncClient(first, group.token), SyncClient(second)
    code = ann_client.create_invite(group.group_id, 3600, 1)["code"]
    joined = join_group(ben, str(code), ben_client)
    ben_client.token = joined.token
    try:
        _converge(ann, ben, ann_client, ben_client, group.group_id)
    finally:
        ann_client.close()
        ben_client.close()


def _converge(
    ann: Database, ben: Database, ann_client: SyncClient, ben_client: SyncClient, group_id: uuid.UUID
) -> None:
    with ann.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"))
        set_audience(uow, "vendors", vendor.id, [group_id])
    sync_group(ann, group_id, ann_client)
    assert vendor.id in sync_group(ben, group_id, ben_client).changes.vendors

    with ann.write() as uow:
        update_vendor(uow, vendor.id, replace(VendorDraft.of(vendor), phone="+44 20 7946 0000"))
    with ben.write() as uow:
        update_vendor(uow, vendor.id, replace(VendorDraft.of(vendor), opening_hours="Mo-Fr 08:00-18:00"))
    for db, client in ((ann, ann_client), (ben, ben_client), (ann, ann_client)):
        sync_group(db, group_id, client)
    for db in (ann, ben):
        with db.read() as session:
            merged = get_vendor(session, vendor.id)
        assert (merged.phone, merged.opening_hours) == ("+44 20 7946 0000", "Mo-Fr 08:00-18:00")


def test_concurrent_pushes_through_both_servers_never_let_a_cursor_skip(two_servers: tuple[str, str]) -> None:
    first, second = two_servers
    admin = create_raw_group(first)
    other = join(second, admin.invite())
    pushers = [admin, other]
    batches, per_batch = 25, 4
    seen: dict[int, tuple[object, ...]] = {}
    done = threading.Event()
    errors: list[BaseException] = []

    def push(member: Member, device: str) -> None:
        try:
            for b in range(batches):
                record = uuid.uuid4()
                rows = [
                    change("vendors", record, "notes", f"{device} {b} {i}", stamp(1_700_000_000_000 + b, i, device))
                    for i in range(per_batch)
                ]
                assert member.push(*rows).status_code == 200
        except BaseException as error:  # surfaced in the main thread
            errors.append(error)

    def pull() -> None:
        # Pulls alternate between the servers while pushes commit; the cursor only ever moves forward.
        since, turn = 0, 0
        while True:
            finished = done.is_set()
            reader = Member(pushers[turn % 2].url, admin.group_id, admin.token, "", "", "")
            page = reader.pull(since)
            for row in page["edits"]:
                assert row[0] not in seen
                seen[row[0]] = tuple(row[1:])
            since, turn = page["next_since"], turn + 1
            if finished and not page["has_more"]:
                return

    threads = [threading.Thread(target=push, args=(m, d)) for m, d in ((admin, "ann"), (other, "ben"))]
    reader = threading.Thread(target=pull)
    for thread in [*threads, reader]:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    reader.join()
    assert not errors
    total = 2 * batches * per_batch
    assert sorted(seen) == list(range(1, total + 1))
    assert len({row[3]["notes"] for row in seen.values()}) == total
