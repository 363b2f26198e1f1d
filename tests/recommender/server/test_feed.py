"""A group's change feed over HTTP: idempotent pushes, ordered pages, ownership, limits, gzip, clamped clocks."""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterator

import requests

from recommender.server.feed import FUTURE_LIMIT_MS
from recommender.storage.models import review_id_for
from tests.recommender.server.conftest import Clock, Member, change, stamp

T0 = 1_700_000_000_000


def _vendor(record_id: uuid.UUID, wall: int, name: str = "Dr. Lee") -> list[dict[str, object]]:
    return [
        change("vendors", record_id, "name", name, stamp(wall)),
        change("vendors", record_id, "category", "pediatrician", stamp(wall)),
    ]


def test_a_resent_batch_is_stored_once(admin: Member) -> None:
    batch = _vendor(uuid.uuid4(), T0)
    first = admin.push(*batch).json()
    again = admin.push(*batch).json()
    assert (first["accepted"], first["duplicates"]) == (2, 0)
    assert (again["accepted"], again["duplicates"]) == (0, 2)
    assert len(admin.changes()) == 2


def test_pages_come_in_sequence_order_without_gaps(admin: Member) -> None:
    for i in range(7):
        admin.push(*_vendor(uuid.uuid4(), T0 + i, f"Vendor {i}"))
    seen, names, since = [], [], 0
    while True:
        page = admin.pull(since, limit=3)
        seen += [edit[0] for edit in page["edits"]]
        names += [edit[4]["name"] for edit in page["edits"]]
        since = page["next_since"]
        if not page["has_more"]:
            break
    # One edit per vendor (two fields, one stamp), numbered by its last field change.
    assert seen == list(range(2, 15, 2))
    assert names == [f"Vendor {i}" for i in range(7)]
    assert page["last_seq"] == 14


def test_a_page_never_splits_the_fields_of_one_edit(admin: Member) -> None:
    vendor = uuid.uuid4()
    admin.push(*_vendor(vendor, T0))
    page = admin.pull(0, limit=1)
    [edit] = page["edits"]
    assert edit[:4] == [2, "vendors", str(vendor), stamp(T0)]
    assert set(edit[4]) == {"name", "category"}
    assert not page["has_more"]


def test_edits_group_only_changes_of_one_record_made_together(admin: Member) -> None:
    vendor = uuid.uuid4()
    admin.push(*_vendor(vendor, T0))
    admin.push(change("vendors", vendor, "phone", "+44 20 7946 0000", stamp(T0 + 1)))
    admin.push(change("vendors", vendor, "website", "https://lee.example", stamp(T0 + 1)))
    admin.push(*_vendor(uuid.uuid4(), T0 + 1))
    edits = admin.pull()["edits"]
    assert [(edit[0], sorted(edit[4])) for edit in edits] == [
        (2, ["category", "name"]),
        # Pushed apart but stamped together: still one edit of that record.
        (4, ["phone", "website"]),
        (6, ["category", "name"]),
    ]


def test_members_may_edit_shared_vendors_but_not_each_others_reviews(admin: Member, member: Member) -> None:
    vendor = uuid.uuid4()
    assert admin.push(*_vendor(vendor, T0)).status_code == 200
    assert member.push(change("vendors", vendor, "phone", "+44 20 7946 0000", stamp(T0 + 1, device="ben"))).ok
    review = review_id_for(uuid.UUID(admin.person_id), vendor)
    mine = [
        change("reviews", review, "vendor_id", str(vendor), stamp(T0 + 2)),
        change("reviews", review, "author_id", admin.person_id, stamp(T0 + 2)),
        change("reviews", review, "recorded_by_id", admin.person_id, stamp(T0 + 2)),
        change("reviews", review, "rating", 5, stamp(T0 + 2)),
        change("reviews", review, "reviewed_on", "2026-11-01", stamp(T0 + 2)),
    ]
    assert admin.push(*mine).status_code == 200
    refused = member.push(
        change("vendors", vendor, "notes", "fine", stamp(T0 + 3, device="ben")),
        change("reviews", review, "rating", 1, stamp(T0 + 3, device="ben")),
    )
    assert refused.status_code == 403
    assert [item["index"] for item in refused.json()["rejected"]] == [1]
    assert "another member" in refused.json()["rejected"][0]["reason"]
    # Nothing of the refused batch was stored, not even the allowed vendor note.
    assert "fine" not in [row[4] for row in admin.changes()]


def test_no_one_may_write_a_review_in_someone_elses_name(admin: Member, member: Member) -> None:
    vendor = uuid.uuid4()
    review = review_id_for(uuid.UUID(admin.person_id), vendor)
    forged = member.push(
        change("reviews", review, "vendor_id", str(vendor), stamp(T0, device="ben")),
        change("reviews", review, "author_id", admin.person_id, stamp(T0, device="ben")),
        change("reviews", review, "recorded_by_id", admin.person_id, stamp(T0, device="ben")),
    )
    assert forged.status_code == 403


def test_trust_links_and_profiles_belong_to_their_person(admin: Member, member: Member) -> None:
    link = uuid.uuid4()
    theirs = change("trust", link, "truster_id", admin.person_id, stamp(T0, device="ben"))
    assert member.push(theirs, change("trust", link, "level", 1.0, stamp(T0, device="ben"))).status_code == 403
    assert member.push(change("people", admin.person_id, "display_name", "Mallory", stamp(T0))).status_code == 403
    assert member.push(change("people", member.person_id, "display_name", "Ben B.", stamp(T0))).status_code == 200


def test_invalid_changes_get_422_naming_the_change(admin: Member) -> None:
    vendor = uuid.uuid4()
    answer = admin.push(
        change("vendors", vendor, "name", "ok", stamp(T0)),
        change("vendors", vendor, "lat", 123.0, stamp(T0)),
    )
    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["body", "changes", 1, "value"]
    assert "lat" in problem["msg"]
    assert admin.push(change("vendors", vendor, "name", "ok", "yesterday")).status_code == 422
    assert admin.push(change("vendors", vendor, "is_me", True, stamp(T0))).status_code == 422
    assert admin.changes() == []


def test_malformed_bodies_get_4xx_not_500(url: str, admin: Member) -> None:
    path = f"{url}/v1/groups/{admin.group_id}/changes"
    for body in (b"{not json", b"[]", b'{"changes": 5}', b'{"changes": [{"entity": "cats"}]}'):
        answer = requests.post(path, data=body, headers=admin.auth | {"Content-Type": "application/json"}, timeout=30)
        assert answer.status_code == 422, body
    assert requests.get(f"{path}?since=-1", headers=admin.auth, timeout=30).status_code == 422
    assert requests.get(f"{url}/v1/groups/not-a-uuid/changes", headers=admin.auth, timeout=30).status_code == 422


def test_oversized_bodies_get_413_with_a_message(url: str, admin: Member) -> None:
    path = f"{url}/v1/groups/{admin.group_id}/changes"
    big = {"changes": [change("vendors", uuid.uuid4(), "notes", "x" * 60_000, stamp(T0)) for _ in range(5)]}
    answer = requests.post(path, json=big, headers=admin.auth, timeout=30)
    assert answer.status_code == 413
    assert "too large" in answer.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts the streamed bytes
        yield b'{"changes": ['
        for _ in range(40):
            yield b'{"entity": "vendors", "field": "notes", "value": "' + b"y" * 10_000 + b'"},'
        yield b"]}"

    streamed = requests.post(path, data=chunks(), headers=admin.auth, timeout=30)
    assert streamed.status_code == 413
    assert admin.changes() == []


def test_pulls_are_gzipped_for_clients_that_accept_it(admin: Member) -> None:
    for i in range(20):
        admin.push(*_vendor(uuid.uuid4(), T0 + i, f"Vendor {i}"))
    raw = admin.session.get(
        f"{admin.url}/v1/groups/{admin.group_id}/changes",
        headers=admin.auth | {"Accept-Encoding": "gzip"},
        stream=True,
        timeout=30,
    )
    assert raw.headers["Content-Encoding"] == "gzip"
    compressed = raw.raw.read()
    assert len(compressed) < len(gzip.decompress(compressed)) / 3


def test_stamps_far_in_the_future_are_clamped_and_the_clamp_is_reported(admin: Member, clock: Clock) -> None:
    vendor = uuid.uuid4()
    next_year = clock.ms + 365 * 24 * 3600 * 1000
    answer = admin.push(change("vendors", vendor, "name", "Tomorrow's Dentist", stamp(next_year))).json()
    [clamped] = answer["clamped"]
    assert clamped["index"] == 0
    wall = int(clamped["stamp"][:15])
    assert wall == clock.ms + FUTURE_LIMIT_MS
    assert admin.changes()[0][5] == clamped["stamp"]
    # Resending the same change is recognised, and the same clamp is reported again.
    again = admin.push(change("vendors", vendor, "name", "Tomorrow's Dentist", stamp(next_year))).json()
    assert (again["accepted"], again["clamped"]) == (0, [clamped])


def test_the_fields_of_one_clamped_edit_keep_one_stamp_and_later_edits_stay_later(admin: Member, clock: Clock) -> None:
    vendor = uuid.uuid4()
    next_year = clock.ms + 365 * 24 * 3600 * 1000
    first, second = stamp(next_year), stamp(next_year + 5)
    answer = admin.push(
        change("vendors", vendor, "phone", "+44 20 7946 0001", second),
        change("vendors", vendor, "name", "Dr. Lee", first),
        change("vendors", vendor, "category", "pediatrician", first),
    ).json()
    clamped = {item["index"]: item["stamp"] for item in answer["clamped"]}
    assert clamped[1] == clamped[2]
    assert clamped[0] > clamped[1]
    assert {edit[3] for edit in admin.pull()["edits"]} == {clamped[0], clamped[1]}


def test_the_openapi_schema_describes_every_route_and_body(url: str) -> None:
    schema = requests.get(f"{url}/openapi.json", timeout=30).json()
    routes = {(path, method) for path, item in schema["paths"].items() for method in item}
    assert {
        ("/v1/groups", "post"),
        ("/v1/join", "post"),
        ("/v1/groups/{group_id}/invites", "post"),
        ("/v1/groups/{group_id}/members", "get"),
        ("/v1/groups/{group_id}/members/{member_id}", "delete"),
        ("/v1/groups/{group_id}/devices/{device_id}", "delete"),
        ("/v1/groups/{group_id}/changes", "post"),
        ("/v1/groups/{group_id}/changes", "get"),
    } <= routes
    pull = schema["paths"]["/v1/groups/{group_id}/changes"]["get"]
    assert pull["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("PullPage")
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_text_no_database_can_store_is_refused_with_422(url: str, admin: Member) -> None:
    vendor = uuid.uuid4()
    for bad in ("Dr.\x00Lee", "Dr. \ud800Lee"):
        assert admin.push(change("vendors", vendor, "name", bad, stamp(T0))).status_code == 422
    created = requests.post(
        f"{url}/v1/groups",
        json={"name": "Elm\x00Street", "person_id": str(uuid.uuid4()), "display_name": "Ann"},
        timeout=30,
    )
    assert created.status_code == 422
    assert admin.changes() == []
