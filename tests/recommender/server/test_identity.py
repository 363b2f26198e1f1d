"""Identity comes from authentication: joining as someone else, squatting ids, forged stamps, orphaned groups.

Each test replays an attack by a member of the group (issue 14) against a real server, then checks what happens now.
"""

from __future__ import annotations

import uuid

import requests

from recommender.storage.models import hearsay_id_for, review_id_for, trust_id_for
from tests.recommender.server.conftest import Clock, Member, change, create_group, join, member_from, stamp

T0 = 1_780_000_000_000


def _review(review_id: uuid.UUID, vendor: uuid.UUID, author: str, recorder: str, at: str) -> list[dict[str, object]]:
    return [
        change("reviews", review_id, "vendor_id", str(vendor), at),
        change("reviews", review_id, "author_id", author, at),
        change("reviews", review_id, "recorded_by_id", recorder, at),
        change("reviews", review_id, "rating", 5, at),
        change("reviews", review_id, "reviewed_on", "2026-11-01", at),
    ]


def _trust(
    link: uuid.UUID, truster: str, trustee: str, at: str, category: str | None = None
) -> list[dict[str, object]]:
    return [
        change("trust", link, "truster_id", truster, at),
        change("trust", link, "trustee_id", trustee, at),
        change("trust", link, "category", category, at),
        change("trust", link, "level", 1.0, at),
    ]


def test_joining_with_the_admins_person_id_in_the_body_is_refused(url: str, admin: Member) -> None:
    code = admin.invite()
    body = {"code": code, "person_id": admin.person_id, "display_name": "Mallory"}
    forged = requests.post(f"{url}/v1/join", json=body, timeout=30)
    # Before: 201 with the admin's member id, admin rights and a token. Now the body cannot name a person.
    assert forged.status_code == 422
    mallory = join(url, code, "Mallory")
    assert mallory.person_id != admin.person_id and mallory.member_id != admin.member_id
    assert not requests.post(f"{url}/v1/join", json={"code": admin.invite()}, timeout=30).ok  # a name is needed
    listed = {m["id"]: m for m in admin.get("/v1/groups/{g}/members").json()["members"]}
    assert listed[mallory.member_id]["is_admin"] is False
    assert mallory.post("/v1/groups/{g}/invites", {"expires_in_s": 3600, "max_uses": 1}).status_code == 403


def test_every_new_member_and_group_gets_a_person_id_never_handed_out_before(url: str, admin: Member) -> None:
    people = {admin.person_id}
    for name in ("Ben", "Cy", "Di"):
        people.add(join(url, admin.invite(), name).person_id)
    people.add(create_group(url, "Oak Lane").person_id)
    assert len(people) == 5


def test_another_device_joins_as_the_same_member_only_with_a_code_made_on_a_device_of_theirs(
    url: str, admin: Member, member: Member, clock: Clock
) -> None:
    answer = member.post("/v1/groups/{g}/device-codes", {})
    assert answer.status_code == 201, answer.text
    code = answer.json()["code"]
    second = member_from(url, requests.post(f"{url}/v1/join", json={"code": code}, timeout=30))
    assert (second.member_id, second.person_id, second.group_id) == (
        member.member_id,
        member.person_id,
        member.group_id,
    )
    assert second.device_id != member.device_id and second.token != member.token
    assert second.get("/v1/groups/{g}/members").status_code == 200
    # Used once; an expired one is refused too.
    again = requests.post(f"{url}/v1/join", json={"code": code}, timeout=30)
    assert again.status_code == 403 and "used already" in again.json()["detail"]
    late = member.post("/v1/groups/{g}/device-codes", {}).json()["code"]
    clock.advance(16 * 60)
    expired = requests.post(f"{url}/v1/join", json={"code": late}, timeout=30)
    assert expired.status_code == 403 and "expired" in expired.json()["detail"]
    # A code made without signing in does not exist.
    assert requests.post(f"{url}/v1/groups/{admin.group_id}/device-codes", timeout=30).status_code == 401


def test_a_person_signed_in_on_the_server_stays_themselves_in_another_group(url: str, admin: Member) -> None:
    oak = create_group(url, "Oak Lane")
    signed_in = {"Authorization": f"Bearer {admin.token}"}
    joined = requests.post(
        f"{url}/v1/join", json={"code": oak.invite(), "display_name": "Ann"}, headers=signed_in, timeout=30
    )
    assert member_from(url, joined).person_id == admin.person_id
    created = requests.post(f"{url}/v1/groups", json={"name": "School", "display_name": "Ann"}, headers=signed_in)
    assert member_from(url, created).person_id == admin.person_id
    # Joining a group one is in already is no way to a second member.
    twice = requests.post(
        f"{url}/v1/join", json={"code": oak.invite(), "display_name": "Ann"}, headers=signed_in, timeout=30
    )
    assert twice.status_code == 409
    bad = {"Authorization": "Bearer not-a-token"}
    assert (
        requests.post(f"{url}/v1/join", json={"code": oak.invite(), "display_name": "X"}, headers=bad).status_code
        == 401
    )


def test_squatting_another_persons_future_review_or_trust_id_is_refused(admin: Member, member: Member) -> None:
    vendor, anna = uuid.uuid4(), uuid.uuid4()
    their_review = review_id_for(uuid.UUID(admin.person_id), vendor)
    # Before: accepted with Ben as author, and Ann's own review of the vendor was refused for good.
    squat = member.push(*_review(their_review, vendor, member.person_id, member.person_id, stamp(T0, device="ben")))
    assert squat.status_code == 403
    assert "id is not the one" in squat.json()["rejected"][0]["reason"]
    their_link = trust_id_for(uuid.UUID(admin.person_id), anna, None)
    squat = member.push(*_trust(their_link, member.person_id, str(anna), stamp(T0, device="ben")))
    assert squat.status_code == 403
    # The owner's own records go through.
    assert admin.push(*_review(their_review, vendor, admin.person_id, admin.person_id, stamp(T0 + 1))).ok
    assert admin.push(*_trust(their_link, admin.person_id, str(anna), stamp(T0 + 1))).ok


def test_a_review_may_name_only_its_pusher_as_recorder(admin: Member, member: Member) -> None:
    vendor, anna = uuid.uuid4(), uuid.uuid4()
    # Ben's hearsay of Anna, claiming Ann recorded it.
    framed = hearsay_id_for(uuid.UUID(admin.person_id), anna, vendor)
    answer = member.push(*_review(framed, vendor, str(anna), admin.person_id, stamp(T0, device="ben")))
    assert answer.status_code == 403
    # A review authored by Ann and recorded by Ben ("Ann told me") is Ben's own record, under his hearsay id.
    told = hearsay_id_for(uuid.UUID(member.person_id), uuid.UUID(admin.person_id), vendor)
    assert member.push(*_review(told, vendor, admin.person_id, member.person_id, stamp(T0 + 1, device="ben"))).ok
    # The author may not change what Ben recorded, nor Ben a review of Ann's own.
    assert admin.push(change("reviews", told, "rating", 1, stamp(T0 + 2))).status_code == 403
    own = review_id_for(uuid.UUID(admin.person_id), vendor)
    assert admin.push(*_review(own, vendor, admin.person_id, admin.person_id, stamp(T0 + 3))).ok
    assert member.push(change("reviews", own, "rating", 1, stamp(T0 + 4, device="ben"))).status_code == 403


def test_two_members_hearsay_of_one_non_member_about_one_vendor_are_two_records(
    url: str, admin: Member, member: Member
) -> None:
    cat = join(url, admin.invite(), "Cat")
    vendor, anna = uuid.uuid4(), uuid.uuid4()
    bens = hearsay_id_for(uuid.UUID(member.person_id), anna, vendor)
    cats = hearsay_id_for(uuid.UUID(cat.person_id), anna, vendor)
    assert member.push(*_review(bens, vendor, str(anna), member.person_id, stamp(T0, device="ben"))).ok
    # Before: one id for both, and Cat's was refused for ever.
    assert cat.push(*_review(cats, vendor, str(anna), cat.person_id, stamp(T0, device="cat"))).ok
    assert {row[2] for row in admin.changes() if row[1] == "reviews"} == {str(bens), str(cats)}


def test_owner_fields_never_change_after_creation(admin: Member) -> None:
    vendor, anna, ben = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    review = review_id_for(uuid.UUID(admin.person_id), vendor)
    assert admin.push(*_review(review, vendor, admin.person_id, admin.person_id, stamp(T0))).ok
    moved = admin.push(change("reviews", review, "vendor_id", str(uuid.uuid4()), stamp(T0 + 1)))
    assert moved.status_code == 403
    link = trust_id_for(uuid.UUID(admin.person_id), anna, None)
    assert admin.push(*_trust(link, admin.person_id, str(anna), stamp(T0))).ok
    assert admin.push(change("trust", link, "trustee_id", str(ben), stamp(T0 + 1))).status_code == 403
    assert admin.push(change("trust", link, "level", 0.5, stamp(T0 + 1))).ok
    # Malformed owner fields are a plain refusal, never a server error.
    odd = uuid.uuid4()
    answer = admin.push(change("trust", odd, "truster_id", admin.person_id, stamp(T0 + 2)))
    assert answer.status_code in {403, 422}


def test_a_stamp_naming_another_members_device_is_refused(admin: Member, member: Member) -> None:
    # Ann's device signs her own profile: its name is hers in this group from now on.
    assert admin.push(change("people", admin.person_id, "display_name", "Ann", stamp(T0, device="anndevice"))).ok
    vendor = uuid.uuid4()
    # Before: accepted, and History showed Ben's edit as Ann's.
    forged = member.push(change("vendors", vendor, "name", "Dr. Evil", stamp(T0 + 1, device="anndevice")))
    assert forged.status_code == 403
    assert "another member's device" in forged.json()["rejected"][0]["reason"]
    forged = member.push(change("people", member.person_id, "display_name", "Ben", stamp(T0 + 1, device="anndevice")))
    assert forged.status_code == 403
    assert member.push(change("vendors", vendor, "name", "Dr. Lee", stamp(T0 + 1, device="bendevice"))).ok
    # Only one's own person record may carry a member id (History names devices by it).
    contact = uuid.uuid4()
    claimed = member.push(change("people", contact, "member_id", admin.member_id, stamp(T0 + 2, device="bendevice")))
    assert claimed.status_code == 403


def test_the_last_admin_cannot_leave_or_be_removed_until_handing_over(url: str, admin: Member, member: Member) -> None:
    # Before: 204, and the group was left without an admin.
    leaving = admin.delete(f"/v1/groups/{{g}}/members/{admin.member_id}")
    assert leaving.status_code == 409 and "hand over" in leaving.json()["detail"]
    assert (
        member.session.put(
            f"{url}/v1/groups/{member.group_id}/admin", json={"member_id": member.member_id}, headers=member.auth
        ).status_code
        == 403
    )
    handed = admin.session.put(
        f"{url}/v1/groups/{admin.group_id}/admin", json={"member_id": member.member_id}, headers=admin.auth
    )
    assert handed.status_code == 204
    assert admin.post("/v1/groups/{g}/invites", {"expires_in_s": 3600, "max_uses": 1}).status_code == 403
    assert member.invite()
    assert member.delete(f"/v1/groups/{{g}}/members/{member.member_id}").status_code == 409
    assert admin.delete(f"/v1/groups/{{g}}/members/{admin.member_id}").status_code == 204
    # Alone in the group, its admin orphans nobody by leaving.
    assert member.delete(f"/v1/groups/{{g}}/members/{member.member_id}").status_code == 204
