"""Fixtures for server tests: a real sync server on a free loopback port, a settable clock, raw HTTP helpers."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from recommender.server.app import ServerConfig
from recommender.server.run import running_server

# Every member's HTTP session, closed after each test so no socket is left for the garbage collector to warn about.
_open_sessions: list[requests.Session] = []


@pytest.fixture(autouse=True)
def _close_sessions() -> Iterator[None]:
    yield
    while _open_sessions:
        _open_sessions.pop().close()


class Clock:
    """The server's wall clock, moved by the test (milliseconds since the epoch)."""

    def __init__(self) -> None:
        self.ms = time.time_ns() // 1_000_000

    def __call__(self) -> int:
        return self.ms

    def advance(self, seconds: float) -> None:
        self.ms += int(seconds * 1000)


@dataclass
class Member:
    """A member's device as the server sees it, with the answer it got when creating or joining."""

    url: str
    group_id: str
    token: str
    member_id: str
    device_id: str
    person_id: str
    session: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self) -> None:
        _open_sessions.append(self.session)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.url + path.format(g=self.group_id), headers=self.auth, timeout=30, **kwargs)

    def post(self, path: str, body: Any, **kwargs: Any) -> requests.Response:
        return self.session.post(
            self.url + path.format(g=self.group_id), json=body, headers=self.auth, timeout=30, **kwargs
        )

    def delete(self, path: str) -> requests.Response:
        return self.session.delete(self.url + path.format(g=self.group_id), headers=self.auth, timeout=30)

    def invite(self, *, uses: int = 1, expires_in_s: int = 3600) -> str:
        answer = self.post("/v1/groups/{g}/invites", {"expires_in_s": expires_in_s, "max_uses": uses})
        assert answer.status_code == 201, answer.text
        return str(answer.json()["code"])

    def push(self, *changes: dict[str, Any]) -> requests.Response:
        return self.post("/v1/groups/{g}/changes", {"changes": list(changes)})

    def pull(self, since: int = 0, limit: int | None = None) -> dict[str, Any]:
        params = {"since": since} | ({"limit": limit} if limit else {})
        answer = self.get("/v1/groups/{g}/changes", params=params)
        assert answer.status_code == 200, answer.text
        document: dict[str, Any] = answer.json()
        return document

    def changes(self, since: int = 0, limit: int | None = None) -> list[tuple[int, str, str, str, Any, str]]:
        """One page's edits as single field changes: ``(edit seq, entity, record_id, field, value, stamp)``."""
        return [
            (seq, entity, record_id, name, value, stamp)
            for seq, entity, record_id, stamp, fields in self.pull(since, limit)["edits"]
            for name, value in fields.items()
        ]


def member_from(url: str, answer: requests.Response) -> Member:
    """The member a create or join answer signed in (the server assigned its person id)."""
    assert answer.status_code == 201, answer.text
    body = answer.json()
    return Member(url, body["group_id"], body["token"], body["member_id"], body["device_id"], body["person_id"])


def create_group(url: str, name: str = "Elm Street") -> Member:
    body = {"name": name, "display_name": "Ann"}
    return member_from(url, requests.post(f"{url}/v1/groups", json=body, timeout=30))


def join(url: str, code: str, name: str = "Ben") -> Member:
    body = {"code": code, "display_name": name}
    return member_from(url, requests.post(f"{url}/v1/join", json=body, timeout=30))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def server_config(tmp_path: Path, clock: Clock) -> ServerConfig:
    return ServerConfig(
        database_url=f"sqlite:///{tmp_path / 'server.sqlite'}",
        max_body_bytes=256 * 1024,
        join_attempts=5,
        now_ms=clock,
    )


@pytest.fixture
def url(server_config: ServerConfig) -> Iterator[str]:
    with running_server(server_config) as base_url:
        yield base_url


@pytest.fixture
def admin(url: str) -> Member:
    return create_group(url)


@pytest.fixture
def member(url: str, admin: Member) -> Member:
    return join(url, admin.invite())


def stamp(wall_ms: int, counter: int = 0, device: str = "dev1") -> str:
    return f"{wall_ms:015d}-{counter:06d}-{device}"


def change(entity: str, record_id: uuid.UUID | str, field_name: str, value: Any, stamp_text: str) -> dict[str, Any]:
    return {"entity": entity, "record_id": str(record_id), "field": field_name, "value": value, "stamp": stamp_text}
