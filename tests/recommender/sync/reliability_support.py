"""Shared parts of the sync reliability suite: replicas on real SQLite files, a network that fails on cue, state dumps.

Replicas are copies of one migrated empty database (migrating a fresh file per replica would dominate the
property test's time); each copy still gets its own device id on its first write.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import select
from sqlalchemy.util import LRUCache

from recommender.directory.people import PersonDraft, find_me, set_me
from recommender.storage.changelog import encode_value, synced_fields
from recommender.storage.database import Database
from recommender.storage.hlc import wall_clock_ms
from recommender.storage.models import SYNCED_MODELS, ChangeLogEntry, FieldVersion, OutboxEntry, SyncCursor
from recommender.storage.whole_records import field_stamps, logged_fields
from recommender.sync.client import RetryPolicy, SyncClient
from recommender.sync.groups import create_group, join_group
from recommender.sync.membership import GroupLink
from recommender.sync.runner import SyncReport, sync_group

# Retries without waiting: the suite loses requests on purpose and must not sit through real backoff.
QUICK_RETRY = RetryPolicy(attempts=3, base_s=0.0, cap_s=0.0)
_counter = itertools.count()
_STATEMENTS: LRUCache[Any, Any] = LRUCache(5000)


class NetworkDown(requests.ConnectionError):
    """What the flaky network raises in place of a request or a response."""


class FlakyNetwork(HTTPAdapter):
    """A transport that goes down after ``healthy`` requests, losing either the request or the response.

    ``lose="request"``: the failing request never reaches the server (nothing committed).
    ``lose="response"``: the server handles and commits it, then the answer is lost on the way back.
    ``outage``: how many requests fail before the network is back (None: it stays down).
    ``hook`` sees every request that goes through (for duplicating or recording bodies).
    """

    def __init__(
        self,
        healthy: int | None = None,
        lose: str = "request",
        *,
        outage: int | None = None,
        hook: Callable[[requests.PreparedRequest, FlakyNetwork], None] | None = None,
    ):
        super().__init__()
        self.healthy = healthy
        self.lose = lose
        self.outage = outage
        self.hook = hook
        self.sent = 0
        self.lost = 0

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        down = (
            self.healthy is not None
            and self.sent >= self.healthy
            and (self.outage is None or self.sent < self.healthy + self.outage)
        )
        self.sent += 1
        self.lost += down
        if down and self.lose == "request":
            raise NetworkDown("network down before the request left")
        if self.hook is not None:
            self.hook(request, self)
        response = super().send(request, *args, **kwargs)
        if down:
            response.close()
            raise NetworkDown("network down before the response arrived")
        return response

    def raw_send(self, request: requests.PreparedRequest) -> requests.Response:
        """Send once more, bypassing the failure plan (a duplicated packet)."""
        return super().send(request, timeout=30)


@dataclass
class Replica:
    """One install on its own database file, a member of the group once joined."""

    name: str
    db: Database
    server_url: str
    link: GroupLink | None = None
    network: FlakyNetwork = field(default_factory=FlakyNetwork)

    def client(self, network: FlakyNetwork | None = None) -> SyncClient:
        session = requests.Session()
        adapter = network or self.network
        session.mount("http://", adapter)
        token = self.link.token if self.link else None
        return SyncClient(self.server_url, token, session=session, retry=QUICK_RETRY, sleep=lambda _s: None)

    @property
    def group_id(self) -> uuid.UUID:
        assert self.link is not None
        return self.link.group_id

    def sync(self, network: FlakyNetwork | None = None, **options: int) -> SyncReport:
        with self.client(network or FlakyNetwork()) as client:
            return sync_group(self.db, self.group_id, client, **options)

    def person_id(self) -> uuid.UUID:
        assert self.link is not None
        with self.db.read() as session:
            me = find_me(session)
            assert me is not None
            return me.id


class ReplicaFactory:
    """Makes replicas from a template database in ``folder``."""

    def __init__(self, folder: Path, server_url: str):
        self.folder = folder
        self.server_url = server_url
        self.template = folder / "template.sqlite"
        if not self.template.exists():
            Database.open(self.template).close()
        self.opened: list[Database] = []

    def make(self, name: str, now_ms: Callable[[], int] = wall_clock_ms) -> Replica:
        path = self.folder / f"{name}-{next(_counter)}.sqlite"
        shutil.copyfile(self.template, path)
        db = _open(path, now_ms)
        self.opened.append(db)
        with db.write() as uow:
            set_me(uow, PersonDraft(display_name=name.title()))
        return Replica(name, db, self.server_url)

    @staticmethod
    def reopen(replica: Replica) -> Replica:
        """The same install opened again (after its process died), as a new replica object."""
        return Replica(replica.name, _open(replica.db.path, wall_clock_ms), replica.server_url, replica.link)

    def group(self, names: list[str], clocks: dict[str, Callable[[], int]] | None = None) -> list[Replica]:
        """Replicas that all belong to one new group: the first creates it, the others join with invites."""
        clocks = clocks or {}
        replicas = [self.make(name, clocks.get(name, wall_clock_ms)) for name in names]
        admin = replicas[0]
        admin.link = create_group(admin.db, f"group of {admin.name}", admin.client())
        for replica in replicas[1:]:
            code = admin.client().create_invite(admin.group_id, 3600, 1)["code"]
            replica.link = join_group(replica.db, code, replica.client())
        return replicas

    def discard(self, replicas: list[Replica]) -> None:
        """Close these replicas and delete their files: a 10,000-example soak otherwise piles up gigabytes of
        databases in RAM (/dev/shm) and keeps every one of them open until the end."""
        for replica in replicas:
            replica.db.close()
            self.opened = [db for db in self.opened if db is not replica.db]
            for suffix in ("", "-wal", "-shm"):
                Path(f"{replica.db.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        for db in self.opened:
            db.close()
        self.opened.clear()


def _open(path: Path, now_ms: Callable[[], int]) -> Database:
    db = Database.open(path, now_ms=now_ms)
    # Speed only: SQLAlchemy caches compiled statements per engine, and every replica has its own engines, so
    # each would compile the same few hundred statements again (most of an example's time). They share one.
    for engine in (db._write_engine, db._read_engine):
        engine._compiled_cache = _STATEMENTS
    return db


def memory_folder(tmp_path_factory: Any, name: str) -> Path:
    """A fresh folder in RAM when the system has one (/dev/shm), else under pytest's temp folder.

    The files are real SQLite databases either way; in RAM their fsyncs cost nothing, which is what lets the
    property test run hundreds of examples with a dozen commits each within CI's time.
    """
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix=f"grapevine-{name}-", dir=shm))
    return Path(tmp_path_factory.mktemp(name))


def directory_state(db: Database) -> dict[str, Any]:
    """Every synced record with every synced field (JSON-encoded), and the stamp each field holds."""
    state: dict[str, Any] = {}
    with db.read() as session:
        for entity, model in SYNCED_MODELS.items():
            names = synced_fields(model)
            rows = session.scalars(select(model).order_by(model.id))
            state[entity] = {str(row.id): {name: encode_value(getattr(row, name)) for name in names} for row in rows}
        # Per field, whether stored field by field or as one whole-record row: replicas may differ in how.
        versions: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for entity, record_id, name, stamp in session.execute(
            select(FieldVersion.entity, FieldVersion.record_id, FieldVersion.field, FieldVersion.stamp)
        ):
            versions.setdefault((entity, str(record_id)), []).append((name, stamp))
        state["stamps"] = sorted(
            (entity, record_id, name, stamp)
            for (entity, record_id), stamps in versions.items()
            for name, stamp in field_stamps(entity, stamps).items()
        )
    return state


def local_writes(db: Database, after_seq: int) -> tuple[list[tuple[str, uuid.UUID, str, Any, str]], int]:
    """The changes this install made itself after a change-log position, and the new position."""
    with db.read() as session:
        rows = session.execute(
            select(
                ChangeLogEntry.seq,
                ChangeLogEntry.entity,
                ChangeLogEntry.record_id,
                ChangeLogEntry.field,
                ChangeLogEntry.value,
                ChangeLogEntry.stamp,
            )
            .where(ChangeLogEntry.seq > after_seq, ChangeLogEntry.origin == "local")
            .order_by(ChangeLogEntry.seq)
        ).all()
        last = session.scalar(select(ChangeLogEntry.seq).order_by(ChangeLogEntry.seq.desc()).limit(1)) or 0
    return [(entity, record_id, name, value, stamp) for _, entity, record_id, name, value, stamp in rows], last


def outbox_size(db: Database) -> int:
    with db.read() as session:
        return len(session.scalars(select(OutboxEntry.change_seq)).all())


def cursor_of(db: Database, group_id: uuid.UUID) -> int:
    with db.read() as session:
        cursor = session.get(SyncCursor, group_id)
        return cursor.pulled_seq if cursor is not None else 0


def history(db: Database) -> list[tuple[str, str, str, str]]:
    """Every change this install knows (its own and received), as (entity, record, field, stamp)."""
    columns = (ChangeLogEntry.entity, ChangeLogEntry.record_id, ChangeLogEntry.field, ChangeLogEntry.value)
    with db.read() as session:
        return [
            (entity, str(record_id), name, stamp)
            for entity, record_id, logged, value, stamp in session.execute(select(*columns, ChangeLogEntry.stamp))
            for name, _ in logged_fields(logged, value)
        ]
