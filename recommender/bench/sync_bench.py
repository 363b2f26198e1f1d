"""``grapevine bench sync``: initial pull, incremental sync at two group sizes, push throughput, concurrent clients.

The server runs in its own process (uvicorn on a free loopback port, a SQLite file), as it would for a group;
clients run here. PouchDB Server, the peer, does the same initial and incremental pulls in the same run (see
``sync_peer``).

The million-record group is built by inserting its feed straight into the server's ``changes`` table (vendors of
two fields, name and category: two million feed rows) rather than by pushing a million records over HTTP; it is
kept in the user cache folder for the next run. Its replica joins late and starts from the group's newest cursor
(as if it had pulled everything), then takes the 200 records the rounds will change, pushed just before (a change
to a record the replica lacks would only wait for the rest of it): that case measures whether the server's feed
stays proportional to what changed, while the 10k case measures a replica that really holds the whole directory.
A "record" is a vendor with every synced field: 16 field changes on the wire, sent as one edit.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import insert, update

from recommender.bench.sync_peer import run_pouchdb_peer, stop_child
from recommender.bench.sync_records import CATEGORIES, vendor_changes
from recommender.directory.people import PersonDraft, set_me
from recommender.server import access, schemas
from recommender.server.models import ServerChange, SyncGroup
from recommender.server.run import free_port
from recommender.server.store import ServerStore
from recommender.storage.changelog import synced_fields
from recommender.storage.database import APP_NAME, Database
from recommender.storage.hlc import Stamp, wall_clock_ms
from recommender.storage.models import SyncCursor, Vendor
from recommender.sync import outbox
from recommender.sync.client import SyncClient, SyncError
from recommender.sync.groups import join_group
from recommender.sync.membership import load_membership
from recommender.sync.runner import sync_group
from recommender.sync.wire import WireChange

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
_INCREMENTAL_ROUNDS = 20
_BULK_CHUNK = 50_000
# The server as ``grapevine serve`` runs it, less the access log (nobody reads the child's stderr until it fails).
_SERVER_CHILD = (
    "import sys\n"
    "from recommender.server.app import ServerConfig\n"
    "from recommender.server.run import serve\n"
    "serve(ServerConfig(database_url=sys.argv[1]), port=int(sys.argv[2]), access_log=False)\n"
)


def default_big_group_path(records: int) -> Path:
    """Where the big group's server database is kept between runs (building a million records takes a while)."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / f"bench-sync-{records}.sqlite"


@contextmanager
def server_process(database_url: str) -> Iterator[str]:
    """A sync server in a child process on a free loopback port; yields its base URL and stops it on exit."""
    port = free_port()
    child = subprocess.Popen(
        [sys.executable, "-c", _SERVER_CHILD, database_url, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        probe = SyncClient(url)
        deadline = time.monotonic() + 60
        while True:
            try:
                probe.session.get(f"{url}/v1/health", timeout=1).raise_for_status()
                break
            except Exception:
                if child.poll() is not None or time.monotonic() > deadline:
                    raise SyncError(f"the benchmark's sync server did not start: {_stderr(child)}") from None
                time.sleep(0.05)
        probe.close()
        yield url
    finally:
        stop_child(child)
        if child.stderr is not None:
            child.stderr.close()


def _stderr(child: subprocess.Popen[bytes]) -> str:
    if child.poll() is None or child.stderr is None:
        return "no answer in time"
    return child.stderr.read().decode(errors="replace").strip().splitlines()[-1:][0] or f"exit {child.returncode}"


def _push_all(client: SyncClient, group_id: uuid.UUID, changes: list[WireChange]) -> float:
    """Push in the client's usual batch size; returns the seconds taken."""
    started = time.perf_counter()
    for start in range(0, len(changes), outbox.DEFAULT_BATCH):
        client.push(group_id, changes[start : start + outbox.DEFAULT_BATCH])
    return time.perf_counter() - started


def _push_records(client: SyncClient, group_id: uuid.UUID, records: int, device: str) -> tuple[int, float]:
    """Push ``records`` new vendors; returns the field changes sent and the seconds taken.

    The 160k change objects die here: kept alive, they made every later full collection of this process walk
    them, which showed up in the incremental timings (a client would not hold its pushes either).
    """
    changes = vendor_changes(records, device, wall_clock_ms() - records)
    return len(changes), _push_all(client, group_id, changes)


def _replica(folder: Path, name: str, client: SyncClient, admin: SyncClient, group_id: uuid.UUID) -> Database:
    """A new install that joins the group with an invite from the admin."""
    db = Database.open(folder / f"{name}.sqlite")
    with db.write() as uow:
        set_me(uow, PersonDraft(display_name=name))
    code = admin.create_invite(group_id, 3600, 1)["code"]
    join_group(db, str(code), client)
    return db


def _incremental(
    db: Database,
    group_id: uuid.UUID,
    admin: SyncClient,
    replica: SyncClient,
    records: int,
    device: str,
    first: int = 0,
) -> list[float]:
    """Times of a replica's sync after another member changed 10 records (one field each), in ms.

    The records changed are numbers ``first`` to ``first + records - 1`` (as ``vendor_changes`` numbers them).
    """
    times = []
    for round_number in range(_INCREMENTAL_ROUNDS):
        stamp = Stamp(wall_clock_ms(), round_number, device).encode()
        changed = [
            WireChange(
                "vendors",
                uuid.UUID(int=first + (round_number * 10 + k) % records + 1),
                "phone",
                f"020 7000 {k:04d}",
                stamp,
            )
            for k in range(10)
        ]
        admin.push(group_id, changed)
        started = time.perf_counter()
        report = sync_group(db, group_id, replica)
        times.append((time.perf_counter() - started) * 1000)
        if report.pulled != 10:
            raise SyncError(f"incremental sync pulled {report.pulled} changes, expected 10")
    return times


@dataclass
class _GroupAccess:
    group_id: uuid.UUID
    token: str


def build_big_group(path: Path, records: int, progress: Progress) -> _GroupAccess:
    """The big group's server database (built once, then reused): its feed inserted in bulk, not pushed."""
    sidecar = path.with_suffix(".json")
    if path.exists() and sidecar.exists():
        saved = json.loads(sidecar.read_text())
        return _GroupAccess(uuid.UUID(saved["group_id"]), saved["token"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    progress(f"building a group of {records:,} records in {path} (once; kept for the next run)")
    store = ServerStore(f"sqlite:///{path}")
    store.create_tables()
    with store.transaction() as session:
        membership = access.create_group(
            session,
            schemas.CreateGroup(name="Bench city", display_name="Bench"),
            dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
    device = "bench"
    start_ms = wall_clock_ms() - records
    with store.engine.begin() as connection:
        for first in range(0, records, _BULK_CHUNK):
            rows = []
            for number in range(first, min(records, first + _BULK_CHUNK)):
                stamp = Stamp(start_ms + number, 0, device).encode()
                record_id = uuid.UUID(int=number + 1)
                for offset, (name, value) in enumerate(
                    (("name", f"Vendor {number}"), ("category", CATEGORIES[number % len(CATEGORIES)]))
                ):
                    rows.append(
                        {
                            "group_id": membership.group_id,
                            "seq": 2 * number + offset + 1,
                            "entity": "vendors",
                            "record_id": record_id,
                            "field": name,
                            "value_json": json.dumps(value),
                            "stamp": stamp,
                            "sent_stamp": stamp,
                            "device_id": membership.device_id,
                        }
                    )
            connection.execute(insert(ServerChange), rows)
        connection.execute(update(SyncGroup).where(SyncGroup.id == membership.group_id).values(last_seq=2 * records))
    store.close()
    sidecar.write_text(json.dumps({"group_id": str(membership.group_id), "token": membership.token}))
    return _GroupAccess(membership.group_id, membership.token)


def _concurrent(
    url: str, group_id: uuid.UUID, token: str, clients: int, duration_s: float, records: int
) -> dict[str, Any]:
    """``clients`` threads, each pushing one change and pulling what is new, as fast as they can."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + duration_s

    def client_loop(index: int) -> None:
        client = SyncClient(url, token, timeout_s=30)
        # No retries: a failed request is counted, not hidden.
        client.retry = type(client.retry)(attempts=1)
        since = client.pull(group_id, 0, 1).last_seq
        mine: list[float] = []
        failed: list[str] = []
        counter = 0
        while time.monotonic() < stop_at:
            counter += 1
            stamp = Stamp(wall_clock_ms(), counter % 1_000_000, f"c{index}").encode()
            change = WireChange(
                "vendors", uuid.UUID(int=(index * 7919 + counter) % records + 1), "notes", f"n{counter}", stamp
            )
            for action in ("push", "pull"):
                started = time.perf_counter()
                try:
                    if action == "push":
                        client.push(group_id, [change])
                    else:
                        since = client.pull(group_id, since).next_since
                except SyncError as error:
                    failed.append(str(error))
                mine.append((time.perf_counter() - started) * 1000)
        client.close()
        with lock:
            latencies.extend(mine)
            errors.extend(failed)

    threads = [threading.Thread(target=client_loop, args=(index,)) for index in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "clients": clients,
        "duration_s": round(elapsed, 1),
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "p50_ms": round(statistics.median(ordered), 2) if ordered else None,
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 2) if ordered else None,
        "max_ms": round(ordered[-1], 2) if ordered else None,
    }


def run_sync_bench(
    *,
    records: int = 10_000,
    big_records: int = 1_000_000,
    clients: int = 50,
    duration_s: float = 30.0,
    big_group_path: Path | None = None,
    progress: Progress = lambda _message: None,
) -> dict[str, Any]:
    """Run every sync measurement; returns the ``bench sync --json`` document."""
    device = "benchadmin"
    document: dict[str, Any] = {"records": records, "fields_per_record": len(synced_fields(Vendor))}
    with tempfile.TemporaryDirectory(prefix="grapevine-bench-sync-") as temporary:
        folder = Path(temporary)
        with server_process(f"sqlite:///{folder / 'server.sqlite'}") as url:
            admin = SyncClient(url)
            membership = admin.create_group("Bench street", "Bench")
            admin.token, group_id = str(membership["token"]), uuid.UUID(str(membership["group_id"]))
            progress(f"pushing {records:,} records")
            pushed, push_s = _push_records(admin, group_id, records, device)
            document["push_per_s"] = round(pushed / push_s)
            document["push_records_per_s"] = round(records / push_s)

            progress(f"initial pull of {records:,} records into a new replica")
            replica_client = SyncClient(url)
            replica = _replica(folder, "replica", replica_client, admin, group_id)
            replica_client.token = _token(replica, group_id)
            started = time.perf_counter()
            report = sync_group(replica, group_id, replica_client)
            document["initial_10k_s"] = round(time.perf_counter() - started, 3)
            document["initial_pulled_changes"] = report.pulled

            progress(f"incremental syncs of 10 changed records ({_INCREMENTAL_ROUNDS} rounds) at {records:,}")
            small = _incremental(replica, group_id, admin, replica_client, records, device)
            replica.close()

            progress(f"{clients} concurrent clients for {duration_s:g} s")
            document["concurrent"] = _concurrent(url, group_id, admin.token, clients, duration_s, records)
            admin.close()

        path = big_group_path or default_big_group_path(big_records)
        big = build_big_group(path, big_records, progress)
        with server_process(f"sqlite:///{path}") as url:
            progress(f"incremental syncs of 10 changed records at {big_records:,}")
            admin = SyncClient(url, big.token)
            replica_client = SyncClient(url)
            replica = _replica(folder, "late", replica_client, admin, big.group_id)
            replica_client.token = _token(replica, big.group_id)
            newest = replica_client.pull(big.group_id, 0, 1).last_seq
            with replica.write() as uow:
                uow.session.merge(SyncCursor(group_id=big.group_id, pulled_seq=newest))
            changed = _INCREMENTAL_ROUNDS * 10
            _push_all(admin, big.group_id, vendor_changes(changed, device, wall_clock_ms(), first=big_records))
            sync_group(replica, big.group_id, replica_client)  # sends its own person, takes the new ones; not timed
            large = _incremental(replica, big.group_id, admin, replica_client, changed, device, first=big_records)
            replica.close()
            admin.close()
        progress("the same initial and incremental pulls through PouchDB Server (the peer)")
        document["peer_pouchdb"] = run_pouchdb_peer(records, progress=progress, folder=folder)
    document["incremental_10_ms"] = {
        "10k": round(statistics.median(small), 2),
        "1m": round(statistics.median(large), 2),
    }
    document["incremental_10_max_ms"] = {"10k": round(max(small), 2), "1m": round(max(large), 2)}
    document["big_group"] = {"records": big_records, "feed_rows": 2 * big_records, "path": str(path)}
    return document


def _token(db: Database, group_id: uuid.UUID) -> str:
    with db.read() as session:
        link = load_membership(session, group_id)
    if link is None:
        raise SyncError("the benchmark replica did not join its group")
    return link.token
