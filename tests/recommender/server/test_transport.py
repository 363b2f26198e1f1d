"""Slow clients, proxies and group creation: half-open requests are dropped, rate limits count the real client."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from urllib.parse import urlsplit

import requests

from recommender.server.app import ServerConfig
from recommender.server.run import running_server


def _group(url: str, headers: dict[str, str] | None = None) -> requests.Response:
    body = {"name": "Elm Street", "display_name": "Ann"}
    return requests.post(f"{url}/v1/groups", json=body, headers=headers or {}, timeout=30)


def _closed_within(url: str, payload: bytes, seconds: float) -> bool:
    """Send ``payload`` and stall; whether the server closes the connection within ``seconds``."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=seconds + 5) as conn:
        conn.sendall(payload)
        started = time.monotonic()
        try:
            while conn.recv(4096):
                pass
        except (TimeoutError, ConnectionResetError):
            pass
        return time.monotonic() - started < seconds


def test_half_open_headers_and_bodies_are_dropped(server_config: ServerConfig) -> None:
    with running_server(replace(server_config, read_timeout_s=1.0)) as url:
        host = urlsplit(url).netloc.encode()
        partial_headers = b"POST /v1/join HTTP/1.1\r\nHost: " + host + b"\r\nContent-Le"
        partial_body = b"POST /v1/join HTTP/1.1\r\nHost: " + host + b'\r\nContent-Length: 1000\r\n\r\n{"code":'
        nothing = b""
        for payload in (partial_headers, partial_body, nothing):
            assert _closed_within(url, payload, 4.0), payload
        # A whole request on time is answered as usual.
        assert requests.get(f"{url}/v1/health", timeout=5).status_code == 200


def test_forwarded_for_is_ignored_unless_the_proxy_is_named(server_config: ServerConfig) -> None:
    config = replace(server_config, join_attempts=2)
    with running_server(config) as url:
        # Without --forwarded-allow-ips a client cannot claim a new address per request to escape the limit.
        answers = [
            requests.post(
                f"{url}/v1/join",
                json={"code": "NOPE", "display_name": "Eve"},
                headers={"X-Forwarded-For": f"10.0.0.{n}"},
                timeout=30,
            ).status_code
            for n in range(4)
        ]
        assert answers == [403, 403, 429, 429]
    with running_server(replace(config, forwarded_allow_ips=["127.0.0.1"])) as url:
        # Behind a named proxy each forwarded client has its own allowance: one cannot lock out the others.
        for n in range(4):
            answer = requests.post(
                f"{url}/v1/join",
                json={"code": "NOPE", "display_name": "Eve"},
                headers={"X-Forwarded-For": f"10.0.1.{n}"},
                timeout=30,
            )
            assert answer.status_code == 403


def test_group_creation_is_rate_limited_per_address(server_config: ServerConfig) -> None:
    with running_server(replace(server_config, group_creations=3)) as url:
        answers = [_group(url).status_code for _ in range(5)]
    assert answers == [201, 201, 201, 429, 429]


def test_an_invite_only_server_creates_groups_for_its_operator_only(server_config: ServerConfig) -> None:
    with running_server(replace(server_config, open_groups=False, operator_token="s3cret-operator")) as url:
        refused = _group(url)
        assert refused.status_code == 403 and "invite-only" in refused.json()["detail"]
        assert _group(url, {"X-Grapevine-Operator": "wrong"}).status_code == 403
        # A member's sign-in is not the operator's token.
        assert _group(url, {"Authorization": "Bearer s3cret-operator"}).status_code in {401, 403}
        assert _group(url, {"X-Grapevine-Operator": "s3cret-operator"}).status_code == 201
    with running_server(replace(server_config, open_groups=False)) as url:
        assert _group(url, {"X-Grapevine-Operator": "anything"}).status_code == 403
