"""Who may use a group: device tokens, invites (expiry, uses, rate limit), removal and revocation."""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path

import pytest
import requests

from recommender.server.app import ServerConfig
from tests.recommender.server.conftest import Clock, Member, change, create_group, join, stamp


def test_a_token_carries_256_random_bits_and_is_stored_only_hashed(
    admin: Member, server_config: ServerConfig, tmp_path: Path
) -> None:
    assert len(admin.token) >= 43  # token_urlsafe(32): 32 bytes -> 43 base64 characters
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("server.sqlite*"))
    assert admin.token.encode() not in stored


def test_requests_without_a_valid_token_get_401(url: str, admin: Member) -> None:
    assert requests.get(f"{url}/v1/groups/{admin.group_id}/changes", timeout=30).status_code == 401
    forged = Member(url, admin.group_id, "x" * 43, admin.member_id, admin.device_id, admin.person_id)
    answer = forged.get("/v1/groups/{g}/changes")
    assert answer.status_code == 401
    assert "not valid" in answer.json()["detail"]


def test_another_groups_token_gets_403_and_no_data(url: str, admin: Member) -> None:
    admin.push(change("vendors", uuid.uuid4(), "name", "Dr. Lee", stamp(1_700_000_000_000)))
    outsider = create_group(url, "Oak Lane")
    for path in ("/v1/groups/{g}/changes", "/v1/groups/{g}/members"):
        answer = outsider.session.get(url + path.format(g=admin.group_id), headers=outsider.auth, timeout=30)
        assert answer.status_code == 403
        assert "Dr. Lee" not in answer.text
    pushed = outsider.session.post(
        f"{url}/v1/groups/{admin.group_id}/changes",
        json={"changes": [change("vendors", uuid.uuid4(), "name", "Spam", stamp(1_700_000_000_000))]},
        headers=outsider.auth,
        timeout=30,
    )
    assert pushed.status_code == 403
    assert [row[4] for row in admin.changes()] == ["Dr. Lee"]


def test_an_invite_works_until_its_uses_run_out(url: str, admin: Member) -> None:
    code = admin.invite(uses=2)
    join(url, code, "Ben")
    join(url, code, "Cy")
    third = requests.post(f"{url}/v1/join", json={"code": code, "display_name": "Di"}, timeout=30)
    assert third.status_code == 403
    assert "used up" in third.json()["detail"]


def test_invite_codes_are_typeable_and_redeem_however_they_are_typed(url: str, admin: Member) -> None:
    codes = [admin.invite() for _ in range(40)]
    # Letters and digits in groups of four: never a leading "-" for a shell or argparse to take as an option.
    assert all(re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}", code) for code in codes)
    typed = " ".join(codes[0].lower().split("-"))
    assert join(url, typed).group_id == admin.group_id


def test_an_expired_invite_is_refused(url: str, admin: Member, clock: Clock) -> None:
    code = admin.invite(expires_in_s=3600)
    clock.advance(3601)
    answer = requests.post(f"{url}/v1/join", json={"code": code, "display_name": "Ben"}, timeout=30)
    assert answer.status_code == 403
    assert "expired" in answer.json()["detail"]


def test_only_the_admin_may_invite(member: Member) -> None:
    answer = member.post("/v1/groups/{g}/invites", {"expires_in_s": 3600, "max_uses": 1})
    assert answer.status_code == 403
    assert "admin" in answer.json()["detail"]


def test_guessing_invite_codes_is_rate_limited(url: str, admin: Member, clock: Clock) -> None:
    good = admin.invite()
    body = {"display_name": "Eve"}
    guesses = [requests.post(f"{url}/v1/join", json=body | {"code": f"guess-{i}"}, timeout=30) for i in range(5)]
    statuses = [answer.status_code for answer in guesses]
    assert statuses == [403] * 5
    limited = requests.post(f"{url}/v1/join", json=body | {"code": good}, timeout=30)
    assert limited.status_code == 429
    assert "too many" in limited.json()["detail"]
    # The window passes; the good code still works.
    clock.advance(11 * 60)
    assert requests.post(f"{url}/v1/join", json=body | {"code": good}, timeout=30).status_code == 201


def test_a_revoked_device_gets_401(url: str, admin: Member, member: Member) -> None:
    assert admin.delete(f"/v1/groups/{{g}}/devices/{member.device_id}").status_code == 204
    assert member.get("/v1/groups/{g}/changes").status_code == 401
    assert admin.get("/v1/groups/{g}/changes").status_code == 200


def test_a_removed_member_is_signed_out_and_no_longer_listed(admin: Member, member: Member) -> None:
    assert admin.delete(f"/v1/groups/{{g}}/members/{member.member_id}").status_code == 204
    assert member.get("/v1/groups/{g}/changes").status_code == 401
    listed = admin.get("/v1/groups/{g}/members").json()["members"]
    assert [m["id"] for m in listed] == [admin.member_id]


def test_members_cannot_remove_each_other_but_may_leave(url: str, admin: Member, member: Member) -> None:
    assert member.delete(f"/v1/groups/{{g}}/members/{admin.member_id}").status_code == 403
    assert member.delete(f"/v1/groups/{{g}}/members/{member.member_id}").status_code == 204
    assert member.get("/v1/groups/{g}/changes").status_code == 401


def test_tokens_and_invite_codes_never_reach_the_logs(
    url: str, admin: Member, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    code = admin.invite()
    ben = join(url, code)
    ben.pull()
    requests.get(f"{url}/v1/groups/{admin.group_id}/changes?token={ben.token}", timeout=30)
    logging.getLogger("uvicorn.error").warning("client sent Authorization: Bearer %s", ben.token)
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "/v1/join" in text  # the access log is on
    for secret in (admin.token, ben.token, code):
        assert secret not in text
