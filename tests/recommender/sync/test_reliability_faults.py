"""Fault injection: lost requests and answers, a client killed mid-pull, duplicated and reordered batches.

After each fault and a retry, every change is stored exactly once on the server and on each replica, the
replicas agree, and a replica's cursor never points past changes it has actually stored.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.server.app import ServerConfig
from recommender.server.models import ServerChange
from recommender.server.run import running_server
from recommender.server.store import ServerStore
from recommender.sync import outbox
from recommender.sync.audience import set_audience
from recommender.sync.client import SyncError
from tests.recommender.sync.reliability_support import (
    FlakyNetwork,
    Replica,
    ReplicaFactory,
    cursor_of,
    directory_state,
    history,
    outbox_size,
)

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, ServerStore]]:
    config = ServerConfig(database_url=f"sqlite:///{tmp_path / 'server.sqlite'}")
    with running_server(config) as url:
        store = ServerStore(config.database_url)
        yield url, store
        store.close()


@pytest.fixture
def group(tmp_path: Path, server: tuple[str, ServerStore]) -> Iterator[list[Replica]]:
    factory = ReplicaFactory(tmp_path, server[0])
    yield factory.group(["ann", "ben"])
    factory.close()


def _vendors(replica: Replica, count: int) -> list[uuid.UUID]:
    with replica.db.write() as uow:
        ids = []
        for number in range(count):
            vendor = add_vendor(
                uow, VendorDraft(name=f"Vendor {number}", category="plumber", phone=f"020 7946 {number:04d}")
            )
            set_audience(uow, "vendors", vendor.id, [replica.group_id])
            ids.append(vendor.id)
    return ids


def _feed(store: ServerStore, group_id: uuid.UUID) -> list[tuple[str, str, str, str]]:
    """The group's feed on the server, as the identity of each change (entity, record, field, sent stamp)."""
    with store.read() as session:
        rows = session.execute(
            select(ServerChange.entity, ServerChange.record_id, ServerChange.field, ServerChange.sent_stamp)
            .where(ServerChange.group_id == group_id)
            .order_by(ServerChange.seq)
        )
        return [(entity, str(record_id), name, stamp) for entity, record_id, name, stamp in rows]


def _assert_exactly_once(store: ServerStore, replicas: list[Replica]) -> None:
    """After everyone syncs again: each change once on the server and in every replica's history; all alike."""
    for replica in replicas + replicas:
        replica.sync()
    feed = _feed(store, replicas[0].group_id)
    assert not [change for change, count in Counter(feed).items() if count > 1], "a change stored twice"
    for replica in replicas:
        known = Counter(history(replica.db))
        assert not [change for change, count in known.items() if count > 1], f"{replica.name} logged one twice"
        assert set(feed) <= set(known), f"{replica.name} misses changes of the feed"
        assert outbox_size(replica.db) == 0
    first = directory_state(replicas[0].db)
    for replica in replicas[1:]:
        assert directory_state(replica.db) == first


def _assert_cursor_not_ahead(store: ServerStore, replica: Replica) -> None:
    """Every change at or below the replica's cursor is in its database: a cursor ahead would skip changes."""
    cursor = cursor_of(replica.db, replica.group_id)
    with store.read() as session:
        below = session.execute(
            select(ServerChange.entity, ServerChange.record_id, ServerChange.field, ServerChange.stamp).where(
                ServerChange.group_id == replica.group_id, ServerChange.seq <= cursor
            )
        )
        wanted = {(entity, str(record_id), name, stamp) for entity, record_id, name, stamp in below}
    missing = wanted - set(history(replica.db))
    assert not missing, f"{replica.name}'s cursor {cursor} is ahead of {len(missing)} change(s) it has not stored"


@pytest.mark.parametrize("lose", ["request", "response"])
def test_a_push_lost_on_the_way_or_on_the_way_back_is_sent_again_and_stored_once(
    group: list[Replica], server: tuple[str, ServerStore], lose: str
) -> None:
    ann, ben = group
    _vendors(ann, 3)
    queued = outbox_size(ann.db)
    with pytest.raises(SyncError, match="cannot reach"):
        ann.sync(FlakyNetwork(healthy=0, lose=lose))
    # Nothing is acknowledged, so nothing left the outbox, whether or not the server committed the batch.
    assert outbox_size(ann.db) == queued
    committed = len(_feed(server[1], ann.group_id))
    assert committed == (queued if lose == "response" else 0)
    report = ann.sync()
    assert (report.pushed, report.duplicates) == ((0, queued) if lose == "response" else (queued, 0))
    ben.sync()
    _assert_exactly_once(server[1], [ann, ben])


def test_a_lost_answer_retried_by_the_client_within_one_sync_is_harmless(
    group: list[Replica], server: tuple[str, ServerStore]
) -> None:
    ann, ben = group
    _vendors(ann, 2)
    # The push's answer is lost once; the client's retry re-sends the batch in the same sync.
    network = FlakyNetwork(healthy=0, lose="response", outage=1)
    report = ann.sync(network)
    assert network.lost == 1
    assert report.pushed == 0 and report.duplicates > 0 and report.pending == 0
    ben.sync(FlakyNetwork(healthy=1, lose="response", outage=1))  # and a lost pull answer, retried
    _assert_exactly_once(server[1], [ann, ben])
    _assert_cursor_not_ahead(server[1], ben)


@pytest.mark.parametrize("healthy", [0, 1, 2, 3])
@pytest.mark.parametrize("lose", ["request", "response"])
def test_a_pull_cut_after_any_page_leaves_the_cursor_with_its_data(
    group: list[Replica], server: tuple[str, ServerStore], healthy: int, lose: str
) -> None:
    ann, ben = group
    _vendors(ann, 5)
    ann.sync()
    with pytest.raises(SyncError):
        # Ben has nothing to push: every request is a pull of a page of 10 changes.
        ben.sync(FlakyNetwork(healthy=healthy, lose=lose), page_size=10)
    _assert_cursor_not_ahead(server[1], ben)
    ben.sync(page_size=10)
    _assert_exactly_once(server[1], [ann, ben])
    _assert_cursor_not_ahead(server[1], ben)


_KILLED_CHILD = textwrap.dedent(
    """
    import os, signal, sys, uuid
    from recommender.storage.database import Database
    from recommender.sync import apply, runner
    from recommender.sync.client import SyncClient

    path, url, token, group = sys.argv[1:5]
    real_apply = apply.apply_page

    def apply_then_die(uow, group_id, rows, next_since):
        result = real_apply(uow, group_id, rows, next_since)
        uow.session.flush()  # the page and its cursor are written to the file, not yet committed
        print("killed with", len(rows), "rows written", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        return result

    runner.apply_page = apply_then_die
    db = Database.open(path)
    runner.sync_group(db, uuid.UUID(group), SyncClient(url, token))
    """
)


def test_a_client_killed_between_receiving_rows_and_committing_loses_nothing(
    group: list[Replica], server: tuple[str, ServerStore]
) -> None:
    ann, ben = group
    _vendors(ann, 4)
    ann.sync()
    before = cursor_of(ben.db, ben.group_id)
    assert ben.link is not None
    ben.db.close()
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_CHILD, str(ben.db.path), ben.server_url, ben.link.token, str(ben.group_id)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "rows written" in child.stdout
    # The half-applied page was never committed: neither its rows nor its cursor are there.
    survivor = ReplicaFactory.reopen(ben)
    assert cursor_of(survivor.db, survivor.group_id) == before
    _assert_cursor_not_ahead(server[1], survivor)
    survivor.sync()
    _assert_exactly_once(server[1], [ann, survivor])


def test_a_duplicated_push_is_stored_once(group: list[Replica], server: tuple[str, ServerStore]) -> None:
    ann, ben = group
    _vendors(ann, 3)
    queued = outbox_size(ann.db)
    duplicates: list[requests.Response] = []

    def send_twice(request: requests.PreparedRequest, network: FlakyNetwork) -> None:
        if request.method == "POST" and request.path_url.endswith("/changes"):
            duplicates.append(network.raw_send(request))

    report = ann.sync(FlakyNetwork(hook=send_twice))
    assert [answer.status_code for answer in duplicates] == [200]
    # The copy arrived first and was stored; the original is recognised change by change.
    assert (report.pushed, report.duplicates) == (0, queued)
    ben.sync()
    _assert_exactly_once(server[1], [ann, ben])


def test_batches_arriving_in_reverse_order_give_the_same_directory(
    group: list[Replica], server: tuple[str, ServerStore]
) -> None:
    ann, ben = group
    _vendors(ann, 6)
    batch = outbox.next_batch(ann.db, ann.group_id)
    # Split between the fields of one record, so the later batch holds a record whose other fields come later.
    middle = len(batch.changes) // 2 + 3
    first, second = batch.changes[:middle], batch.changes[middle:]
    client = ann.client()
    client.push(ann.group_id, second)
    ben.sync()  # Ben receives records with fields missing: they wait, unbuilt, for the rest
    client.push(ann.group_id, first)
    client.push(ann.group_id, second)  # and a late duplicate of the second batch
    with ann.db.write() as uow:
        outbox.settle(uow, ann.group_id, batch.seqs, {})
    ann.sync()
    ben.sync()
    _assert_exactly_once(server[1], [ann, ben])
    _assert_cursor_not_ahead(server[1], ben)
