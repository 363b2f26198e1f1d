"""The sync client: plain HTTP only to this machine unless allowed, retries with backoff, plain-word errors."""

from __future__ import annotations

import random
import re
import uuid

import pytest

from recommender.sync.client import InsecureServerError, RetryPolicy, SyncClient, SyncError, check_server_url


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8750", "http://localhost:8750/", "http://[::1]:8750", "https://sync.example.org"]
)
def test_loopback_or_https_servers_are_accepted(url: str) -> None:
    assert check_server_url(url) == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://192.168.1.20:8750", "http://sync.example.org"])
def test_plain_http_to_another_machine_is_refused_unless_allowed(url: str) -> None:
    with pytest.raises(InsecureServerError, match="--allow-insecure-http"):
        SyncClient(url, "token")
    assert SyncClient(url, "token", allow_insecure=True).base_url == url


@pytest.mark.parametrize("url", ["", "ftp://example.org", "example.org", "http://"])
def test_addresses_that_are_not_servers_are_refused(url: str) -> None:
    with pytest.raises(SyncError, match="not a server address"):
        check_server_url(url)


def test_backoff_grows_exponentially_with_jitter_up_to_a_cap() -> None:
    policy = RetryPolicy(attempts=8, base_s=0.5, cap_s=4.0)
    rng = random.Random(1)
    delays = [[policy.delay(attempt, rng) for _ in range(200)] for attempt in range(6)]
    assert [max(d) <= min(4.0, 0.5 * 2**a) for a, d in enumerate(delays)] == [True] * 6
    assert max(delays[3]) > 2 * max(delays[0])
    assert len({round(d, 6) for d in delays[2]}) > 100  # jittered, not a fixed wait


def test_an_unreachable_server_is_retried_then_reported_in_plain_words() -> None:
    waits: list[float] = []
    client = SyncClient("http://127.0.0.1:9", "token", retry=RetryPolicy(attempts=4), sleep=waits.append)
    with pytest.raises(SyncError, match=re.escape("cannot reach the sync server at http://127.0.0.1:9")):
        client.members(uuid.uuid4())
    assert len(waits) == 3
