"""The client's own defences: addresses parsed as requests connects, no redirects followed, private files."""

from __future__ import annotations

import stat
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from sqlalchemy import text

from recommender.storage.database import Database
from recommender.sync.client import SyncClient, SyncError, check_server_url


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.invalid\\@localhost:8750",
        "http://evil.invalid\\@127.0.0.1:8750",
        "http://localhost:8750\\@evil.invalid",
        "http://me@evil.invalid@localhost:8750",
        "http://127.0.0.1.evil.invalid:8750",
    ],
)
def test_addresses_that_only_look_local_are_refused(url: str) -> None:
    with pytest.raises(SyncError):
        check_server_url(url)


@pytest.mark.parametrize("url", ["http://localhost:8750", "http://127.0.0.1:8750/", "http://[::1]:8750"])
def test_local_addresses_pass(url: str) -> None:
    assert check_server_url(url) == url.rstrip("/")


class _Recorder(BaseHTTPRequestHandler):
    """A server that redirects every request to ``target`` (or, as the target, records what reaches it)."""

    target: str | None = None
    seen: list[tuple[str, str | None]]

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("Authorization")))
        if self.target:
            self.send_response(307)
            self.send_header("Location", self.target + self.path)
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"edits": [], "next_since": 0, "last_seq": 0, "has_more": false}')

    do_POST = do_GET  # noqa: N815 - http.server's name

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[object]:
    servers: list[HTTPServer] = []

    def start(target: str | None) -> tuple[str, list[tuple[str, str | None]]]:
        seen: list[tuple[str, str | None]] = []
        handler = type("Handler", (_Recorder,), {"target": target, "seen": seen})
        server = HTTPServer(("127.0.0.1", 0), handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}", seen

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_redirect_is_refused_and_the_token_stays_home(serve) -> None:  # type: ignore[no-untyped-def]
    # The other host is "localhost" rather than 127.0.0.1: to requests a different host, as evil.example would be.
    elsewhere, reached = serve(None)
    redirecting, _ = serve(elsewhere.replace("127.0.0.1", "localhost"))
    with SyncClient(redirecting, "secret-device-token") as client, pytest.raises(SyncError, match="redirects to"):
        client.pull(uuid.uuid4(), 0)
    assert reached == []


def test_database_files_are_private_to_their_owner(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    db = Database.open(path)
    try:
        with db.write() as uow:
            uow.session.execute(text("SELECT 1"))
        for file in (path, path.with_name("mine.sqlite-wal"), path.with_name("mine.sqlite-shm")):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    finally:
        db.close()
    # An older, world-readable file is tightened when opened.
    path.chmod(0o644)
    Database.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
