"""Fixtures for sync tests: a real sync server on a free loopback port and devices with their own databases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from recommender.directory.people import PersonDraft, set_me
from recommender.server.app import ServerConfig
from recommender.server.run import running_server
from recommender.storage.database import Database
from recommender.sync.client import RetryPolicy, SyncClient
from recommender.sync.groups import create_group, join_group
from recommender.sync.membership import GroupLink
from recommender.sync.runner import SyncReport, sync_group


@dataclass
class Device:
    """One install: its own database file, its owner, and (once joined) its link to the group."""

    name: str
    db: Database
    server_url: str
    link: GroupLink | None = None

    def client(self) -> SyncClient:
        token = self.link.token if self.link else None
        # Quick retries: tests that lose requests should not sit through real backoff.
        return SyncClient(self.server_url, token, retry=RetryPolicy(attempts=3, base_s=0.01, cap_s=0.05))

    def create(self, group_name: str = "Elm Street") -> GroupLink:
        with self.client() as client:
            self.link = create_group(self.db, group_name, client)
        return self.link

    def join(self, code: str) -> GroupLink:
        with self.client() as client:
            self.link = join_group(self.db, code, client)
        return self.link

    def invite(self, *, uses: int = 1, expires_in_s: int = 3600) -> str:
        with self.client() as client:
            answer = client.create_invite(self.group_id, expires_in_s, uses)
        return str(answer["code"])

    def sync(self, **options: int) -> SyncReport:
        with self.client() as client:
            return sync_group(self.db, self.group_id, client, **options)

    @property
    def group_id(self):  # type: ignore[no-untyped-def]
        assert self.link is not None
        return self.link.group_id


@pytest.fixture
def server_config(tmp_path: Path) -> ServerConfig:
    return ServerConfig(database_url=f"sqlite:///{tmp_path / 'server.sqlite'}")


@pytest.fixture
def server_url(server_config: ServerConfig) -> Iterator[str]:
    with running_server(server_config) as url:
        yield url


@pytest.fixture
def make_device(tmp_path: Path, server_url: str) -> Iterator[Callable[[str], Device]]:
    opened: list[Database] = []

    def make(name: str) -> Device:
        db = Database.open(tmp_path / f"{name}.sqlite")
        opened.append(db)
        with db.write() as uow:
            set_me(uow, PersonDraft(display_name=name.title()))
        return Device(name, db, server_url)

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def pair(make_device: Callable[[str], Device]) -> tuple[Device, Device]:
    """Two devices in one group: ann created it, ben joined with an invite."""
    ann, ben = make_device("ann"), make_device("ben")
    ann.create()
    ben.join(ann.invite())
    return ann, ben
