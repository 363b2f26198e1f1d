"""Hostile bodies on every route, signed in and not: non-finite numbers, lone surrogates, deep nesting, huge bodies.

Each answer must be a 4xx with a JSON body, never a 5xx, and a 422 must not echo what it cannot serialise.
"""

from __future__ import annotations

import pytest
import requests

from tests.recommender.server.conftest import Member

# Bodies as raw bytes: Python's json module would refuse to write most of them.
HOSTILE = {
    "nan": b'{"name": NaN, "code": NaN, "person_id": NaN, "display_name": NaN, "changes": NaN}',
    "infinity": b'{"name": Infinity, "code": -Infinity, "display_name": "x", "changes": [Infinity]}',
    "overflow": b'{"name": 1e400, "code": 1e400, "expires_in_s": 1e400, "changes": [1e400]}',
    "lone surrogate": b'{"name": "\\ud800", "code": "\\udfff", "person_id": "\\ud800", "display_name": "\\ud800"}',
    "surrogate key": b'{"\\ud800": 1}',
    "deep": b'{"changes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "deep object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "bad utf-8": b'{"name": "\xff\xfe"}',
    # Over the test server's 256 KiB body limit.
    "huge": b'{"name": "' + b"a" * 1_000_000 + b'"}',
    "change nan": b'{"changes": [{"entity": "vendors", "record_id": "00000000-0000-4000-8000-000000000001", '
    b'"field": "lat", "value": NaN, "stamp": "000000000000001-000000-x"}]}',
    "change surrogate field": b'{"changes": [{"entity": "vendors", "record_id": "00000000-0000-4000-8000-000000000001",'
    b" "
    b'"field": "\\ud800", "value": "\\ud800", "stamp": "\\ud800"}]}',
    "change overflow": b'{"changes": [{"entity": "vendors", "record_id": "00000000-0000-4000-8000-000000000001", '
    b'"field": "lat", "value": -1e400, "stamp": "000000000000001-000000-x"}]}',
}
ROUTES = [
    ("POST", "/v1/groups"),
    ("POST", "/v1/join"),
    ("POST", "/v1/groups/{g}/invites"),
    ("POST", "/v1/groups/{g}/changes"),
]


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "member"])
@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[path for _, path in ROUTES])
@pytest.mark.parametrize("body", sorted(HOSTILE))
def test_hostile_bodies_get_a_clear_4xx(admin: Member, signed_in: bool, method: str, path: str, body: str) -> None:
    headers = {"Content-Type": "application/json"} | (admin.auth if signed_in else {})
    answer = requests.request(
        method, admin.url + path.format(g=admin.group_id), data=HOSTILE[body], headers=headers, timeout=30
    )
    assert 400 <= answer.status_code < 500, answer.text[:500]
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json()["detail"]


@pytest.mark.parametrize(
    "query",
    ["since=NaN", "since=1e400", "since=%ED%A0%80", "limit=Infinity", "since=-0", "since=99999999999999999999999"],
)
def test_hostile_queries_get_a_clear_4xx(admin: Member, query: str) -> None:
    answer = admin.session.get(f"{admin.url}/v1/groups/{admin.group_id}/changes?{query}", headers=admin.auth)
    assert answer.status_code < 500, answer.text[:500]


@pytest.mark.parametrize(
    "path",
    ["/v1/groups/%ED%A0%80/members", "/v1/groups/\ud800/changes".encode("utf-8", "surrogatepass").decode("latin-1")],
)
def test_hostile_paths_get_a_clear_4xx(admin: Member, path: str) -> None:
    answer = admin.session.get(admin.url + path, headers=admin.auth)
    assert 400 <= answer.status_code < 500, answer.text[:500]
