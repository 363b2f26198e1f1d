"""Access: every route of the OpenAPI schema refuses callers without a valid token for its group, and leaks nothing.

Routes are enumerated from the schema, so a new route is checked without anyone remembering to add it here; a
route without the bearer security scheme fails the test unless it is one of the deliberately public ones.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import update

from recommender.server.app import ServerConfig, create_app
from recommender.server.models import Invite
from recommender.server.run import running_server
from recommender.server.store import ServerStore

# Reachable without a device token, and why: the health check holds no data; creating a group is how a group
# starts; joining is authorised by the invite code in the body instead of a token.
PUBLIC = {("get", "/v1/health"), ("post", "/v1/groups"), ("post", "/v1/join")}
SECRET_NAME = "Victims of Elm Street"
SECRET_DISPLAY = "Ann Secret"


@dataclass
class World:
    url: str
    store: ServerStore
    schema: dict[str, Any]
    group_id: str
    member_id: str
    device_id: str
    owner_token: str
    revoked_token: str
    outsider_token: str
    expired_code: str


def _post(url: str, path: str, body: Any, token: str | None = None) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    answer = requests.post(url + path, json=body, headers=headers, timeout=30)
    assert answer.status_code < 300, answer.text
    document: dict[str, Any] = answer.json()
    return document


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder: Path = tmp_path_factory.mktemp("access")
    config = ServerConfig(database_url=f"sqlite:///{folder / 'server.sqlite'}")
    schema = create_app(config).openapi()
    with running_server(config) as url:
        store = ServerStore(config.database_url)
        owner = _post(url, "/v1/groups", {"name": SECRET_NAME, "display_name": "A"})
        group = owner["group_id"]
        vendor = {"entity": "vendors", "record_id": str(uuid.uuid4()), "field": "name", "value": SECRET_DISPLAY}
        _post(
            url,
            f"/v1/groups/{group}/changes",
            {"changes": [vendor | {"stamp": "001700000000000-000000-a1"}]},
            owner["token"],
        )
        # A second member whose device is then revoked by the admin.
        code = _post(url, f"/v1/groups/{group}/invites", {"max_uses": 2}, owner["token"])["code"]
        member = _post(url, "/v1/join", {"code": code, "display_name": "B"})
        revoked = requests.delete(
            f"{url}/v1/groups/{group}/devices/{member['device_id']}",
            headers={"Authorization": f"Bearer {owner['token']}"},
            timeout=30,
        )
        assert revoked.status_code == 204
        expired = _post(url, f"/v1/groups/{group}/invites", {}, owner["token"])["code"]
        with store.transaction() as session:
            past = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=1)
            session.execute(update(Invite).where(Invite.group_id == uuid.UUID(group)).values(expires_at=past))
        outsider = _post(url, "/v1/groups", {"name": "Oak Lane", "display_name": "E"})
        yield World(
            url,
            store,
            schema,
            group,
            owner["member_id"],
            owner["device_id"],
            owner["token"],
            member["token"],
            outsider["token"],
            expired,
        )
        store.close()


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, name = node["$ref"].split("/")
        node = schema["components"]["schemas"][name]
    return node


def _example(schema: dict[str, Any], node: dict[str, Any]) -> Any:
    """A small valid instance of a JSON schema node, so refusals cannot hide behind body validation."""
    node = _resolve(schema, node)
    if "anyOf" in node:
        return _example(schema, node["anyOf"][0])
    kind = node.get("type")
    if kind == "object":
        properties = node.get("properties", {})
        return {name: _example(schema, properties[name]) for name in node.get("required", [])}
    if kind == "array":
        return []
    if kind == "integer":
        return node.get("minimum", 1)
    if kind == "boolean":
        return False
    if kind == "string":
        return str(uuid.uuid4()) if node.get("format") == "uuid" else "x" * max(1, node.get("minLength", 1))
    return None


def _request(world: World, method: str, path: str, operation: dict[str, Any], token: str | None) -> requests.Response:
    fill = {"group_id": world.group_id, "member_id": world.member_id, "device_id": world.device_id}
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            assert parameter["name"] in fill, f"{method.upper()} {path}: no test value for {parameter['name']}"
    body = None
    if "requestBody" in operation:
        body = _example(world.schema, operation["requestBody"]["content"]["application/json"]["schema"])
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, world.url + path.format(**fill), json=body, headers=headers, timeout=30)


def _assert_refused(answer: requests.Response, status: int, secrets: list[str]) -> None:
    assert answer.status_code == status, answer.text
    document = answer.json()
    assert set(document) == {"detail"} and isinstance(document["detail"], str)
    for secret in secrets:
        assert secret not in answer.text


def test_every_route_needs_a_token_except_the_deliberately_public_ones(world: World) -> None:
    operations = _operations(world.schema)
    assert len(operations) >= 9
    # No requirement, or an empty one among them: the route takes requests without a token.
    public = {
        (method, path)
        for method, path, operation in operations
        if not operation.get("security") or {} in operation["security"]
    }
    assert public == PUBLIC


@pytest.mark.parametrize("caller", ["no token", "a made-up token", "another group's token", "a revoked token"])
def test_every_secured_route_refuses_callers_outside_the_group(world: World, caller: str) -> None:
    token, status = {
        "no token": (None, 401),
        "a made-up token": ("x" * 43, 401),
        "another group's token": (world.outsider_token, 403),
        "a revoked token": (world.revoked_token, 401),
    }[caller]
    secrets = [SECRET_NAME, SECRET_DISPLAY, world.member_id, world.owner_token]
    checked = []
    for method, path, operation in _operations(world.schema):
        if (method, path) in PUBLIC:
            continue
        _assert_refused(_request(world, method, path, operation, token), status, secrets)
        checked.append(f"{method.upper()} {path}")
    assert len(checked) >= 6, checked
    # The group and its member are untouched: nothing the refused requests asked for happened.
    members = requests.get(
        f"{world.url}/v1/groups/{world.group_id}/members",
        headers={"Authorization": f"Bearer {world.owner_token}"},
        timeout=30,
    ).json()
    assert world.member_id in [member["id"] for member in members["members"]]
    assert len(members["members"]) == 2
    feed = requests.get(
        f"{world.url}/v1/groups/{world.group_id}/changes",
        headers={"Authorization": f"Bearer {world.owner_token}"},
        timeout=30,
    ).json()
    assert feed["last_seq"] == 1


def test_an_expired_invite_gives_no_token(world: World) -> None:
    answer = requests.post(
        f"{world.url}/v1/join",
        json={"code": world.expired_code, "display_name": "Mallory"},
        timeout=30,
    )
    _assert_refused(answer, 403, [SECRET_NAME, world.group_id])
    assert "expired" in answer.json()["detail"]
