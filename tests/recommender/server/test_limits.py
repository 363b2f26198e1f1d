"""Bounded resources: text limits and record size on the server, pull pages bounded in bytes."""

from __future__ import annotations

import uuid

import pytest

from recommender.directory.errors import ValidationError
from recommender.directory.validation import record_size, tags
from recommender.storage.limits import LONG_TEXT_CHARS, MAX_RECORD_BYTES
from tests.recommender.server.conftest import Member, change, stamp


def _vendor(record_id: uuid.UUID, at: str, notes: str) -> list[dict[str, object]]:
    return [
        change("vendors", record_id, "name", "Dr. Lee", at),
        change("vendors", record_id, "category", "pediatrician", at),
        change("vendors", record_id, "notes", notes, at),
    ]


def test_free_text_longer_than_the_documented_limit_is_refused_naming_the_field(member: Member, clock) -> None:  # type: ignore[no-untyped-def]
    answer = member.push(*_vendor(uuid.uuid4(), stamp(clock.ms), "a" * (LONG_TEXT_CHARS + 1)))
    assert answer.status_code == 422
    assert f"vendors.notes is longer than {LONG_TEXT_CHARS} characters" in answer.text
    assert member.push(*_vendor(uuid.uuid4(), stamp(clock.ms), "a" * LONG_TEXT_CHARS)).status_code == 200


def test_a_record_larger_than_the_limit_in_all_is_refused(member: Member, clock) -> None:  # type: ignore[no-untyped-def]
    # Every field within its own limit, but four-byte characters throughout: the record as a whole is too large.
    record_id = uuid.uuid4()
    at = stamp(clock.ms)
    emoji = "\U0001f600"
    changes = _vendor(record_id, at, emoji * LONG_TEXT_CHARS)
    changes += [change("vendors", record_id, "address", emoji * 300, at)]
    changes += [change("people", uuid.UUID(member.person_id), "notes", emoji * LONG_TEXT_CHARS, at)]
    answer = member.push(*changes)
    assert answer.status_code == 200, answer.text  # 41 KB: within the limit
    review = uuid.uuid4()
    big = [
        change("reviews", review, "text", emoji * LONG_TEXT_CHARS, at),
        change("reviews", review, "tags", [emoji * 100] * 50, at),
    ]
    answer = member.push(*big)
    assert answer.status_code == 422
    assert f"larger than {MAX_RECORD_BYTES:,} bytes" in answer.text


def test_pull_pages_are_bounded_in_bytes_not_only_in_count(member: Member, clock, server_config) -> None:  # type: ignore[no-untyped-def]
    server_config.max_page_bytes = 200_000
    # 60 vendors with 9,000-character notes: 540 KB of values, far under the page's count limit.
    made = [uuid.uuid4() for _ in range(60)]
    for start in range(0, len(made), 10):
        batch = [
            c
            for index, r in enumerate(made[start : start + 10])
            for c in _vendor(r, stamp(clock.ms, start + index), "n" * 9000)
        ]
        assert member.push(*batch).status_code == 200
    since, pages, seen = 0, 0, set()
    while True:
        answer = member.get("/v1/groups/{g}/changes", params={"since": since})
        assert len(answer.content) <= 200_000 + 20_000, len(answer.content)
        page = answer.json()
        seen.update(edit[2] for edit in page["edits"])
        pages += 1
        since = page["next_since"]
        if not page["has_more"]:
            break
    assert pages >= 3
    assert {str(r) for r in made} <= seen


def test_the_client_refuses_oversized_values_before_queuing_them() -> None:
    with pytest.raises(ValidationError, match="at most 50 tags"):
        tags("tags", [f"tag{n}" for n in range(51)])
    with pytest.raises(ValidationError, match="larger than"):
        record_size({"text": "\U0001f600" * 20_000})
    assert record_size({"text": "a" * 20_000}) == {"text": "a" * 20_000}
