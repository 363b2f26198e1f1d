"""Fuzzing the sync API from its own OpenAPI schema (schemathesis): no 5xx, and every answer matches the schema.

For every operation of the schema, schemathesis generates valid and invalid requests, sent over HTTP to the
server (uvicorn on a loopback port, a real SQLite file). They carry a member's device token, and for part of
them the path names that member's group, so generated bodies get past authentication into the handlers; the rest
exercise the refusals. All of schemathesis's default checks run (server errors, status codes, content types,
headers, response bodies against the schema) but one: "positive data acceptance", which expects every
schema-valid request to succeed. A change's validity depends on its entity, field and value together (the
directory's column types and ranges) and on who owns the record, which JSON Schema cannot say; the server answers
those with 422/403 and a reason, which the other checks still hold to the schema.

Schemathesis's pytest plugin does not work with this pytest (9.x), so its strategies are driven by Hypothesis
directly, one test per operation.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import checks
from schemathesis.generation import GenerationMode

from recommender.server.app import ServerConfig, create_app
from recommender.server.run import running_server

# The operations, read from the schema itself so that a new route is fuzzed without being listed here.
OPERATIONS = sorted(
    (method.upper(), path)
    for path, item in create_app(ServerConfig(database_url="sqlite://")).openapi()["paths"].items()
    for method in item
)
EXAMPLES_PER_OPERATION = 60


@pytest.fixture(scope="module")
def member(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    # Generous join limit: the fuzzer redeems made-up codes far more often than any person would.
    config = ServerConfig(
        database_url=f"sqlite:///{folder / 'server.sqlite'}", join_attempts=10**9, group_creations=10**9
    )
    with running_server(config) as url:
        answer = requests.post(
            f"{url}/v1/groups",
            json={"name": "Fuzzed", "display_name": "Fuzz Admin"},
            timeout=30,
        )
        assert answer.status_code == 201
        yield url, answer.json()


def _without_tuples(node: Any, where: str, relaxed: list[str]) -> Any:
    """The schema with each fixed-length tuple (``prefixItems``) relaxed to an array of that length.

    Schemathesis rewrites OpenAPI 3.1 ``prefixItems`` into the older list form of ``items`` and then rejects it as
    invalid, so it cannot check a response holding one. The only tuple is a pulled edit; its length is still
    checked here, and its element types by the sync client's own tests.
    """
    if isinstance(node, dict):
        if "prefixItems" in node:
            relaxed.append(where)
            return {key: value for key, value in node.items() if key != "prefixItems"}
        return {key: _without_tuples(value, f"{where}/{key}", relaxed) for key, value in node.items()}
    if isinstance(node, list):
        return [_without_tuples(value, f"{where}/{index}", relaxed) for index, value in enumerate(node)]
    return node


@pytest.fixture(scope="module")
def api_schema(member: tuple[str, dict[str, Any]]) -> Any:
    url, _ = member
    relaxed: list[str] = []
    document = _without_tuples(requests.get(f"{url}/openapi.json", timeout=30).json(), "", relaxed)
    # Nothing else is relaxed: a new tuple anywhere shows up here instead of going unchecked.
    assert relaxed == ["/components/schemas/PullPage/properties/edits/items"]
    return schemathesis.openapi.from_dict(document)


def test_every_operation_is_fuzzed() -> None:
    assert len(OPERATIONS) >= 9
    assert ("POST", "/v1/groups/{group_id}/changes") in OPERATIONS


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_request_gets_a_server_error_or_an_answer_outside_the_schema(
    api_schema: Any, member: tuple[str, dict[str, Any]], method: str, path: str
) -> None:
    url, membership = member
    operation = api_schema[path][method]
    strategies = [operation.as_strategy(mode) for mode in GenerationMode]
    if "{group_id}" in path:
        inside = {"group_id": membership["group_id"]}
        strategies += [operation.as_strategy(mode, path_parameters=inside) for mode in GenerationMode]
    headers = {"Authorization": f"Bearer {membership['token']}"}
    session = requests.Session()

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(case=st.one_of(strategies))
    def fuzz(case: Any) -> None:
        case.call_and_validate(
            base_url=url, session=session, headers=headers, excluded_checks=[checks.positive_data_acceptance]
        )

    fuzz()


# JSON documents schemathesis never writes: non-finite and overflowing numbers, lone surrogates, deep nesting.
_HOSTILE_SCALARS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["\ud800", "\udfff", "a\ud800b", "\x00", "\U0010ffff"]),
    st.text(max_size=20),
    st.integers(),
    st.booleans(),
    st.none(),
)
_HOSTILE_JSON = st.recursive(
    _HOSTILE_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.just("\ud800"), inner, max_size=4)
    ),
    max_leaves=12,
)
_FIELDS = ("name", "code", "person_id", "display_name", "expires_in_s", "max_uses", "changes")


def _change(value: Any) -> dict[str, Any]:
    record_id = "00000000-0000-4000-8000-000000000001"
    return {
        "entity": "vendors",
        "record_id": record_id,
        "field": "lat",
        "value": value,
        "stamp": "000000000000001-000000-x",
    }


def _encode(document: Any, nest: int) -> bytes:
    # allow_nan: writes NaN/Infinity as Python's json reads them; ensure_ascii: lone surrogates as \ud800 escapes.
    text = json.dumps(document, allow_nan=True)
    return ("[" * nest + text + "]" * nest).encode() if nest else text.encode()


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_hostile_json_never_gets_a_server_error(member: tuple[str, dict[str, Any]], method: str, path: str) -> None:
    url, membership = member
    target = url + path.replace("{group_id}", membership["group_id"]).replace("{member_id}", membership["member_id"])
    target = target.replace("{device_id}", str(uuid.uuid4()))
    session = requests.Session()

    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None)
    @given(
        fields=st.dictionaries(st.sampled_from(_FIELDS), _HOSTILE_JSON, max_size=4),
        value=_HOSTILE_JSON,
        nest=st.sampled_from([0, 0, 0, 5000, 200_000]),
        signed_in=st.booleans(),
    )
    def fuzz(fields: dict[str, Any], value: Any, nest: int, signed_in: bool) -> None:
        document = fields | {"changes": [_change(value)]} if "changes" in path else fields
        headers = {"Content-Type": "application/json"}
        if signed_in:
            headers["Authorization"] = f"Bearer {membership['token']}"
        answer = session.request(method, target, data=_encode(document, nest), headers=headers, timeout=30)
        assert answer.status_code < 500, answer.text[:300]
        if answer.status_code >= 400:
            assert answer.json()["detail"]

    fuzz()
