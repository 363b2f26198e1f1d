"""Joining, leaving and writing in a group: ownership refusals are reported, leaving signs the device out."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recommender.cli import main
from recommender.directory.people import find_me
from recommender.directory.reviews import ReviewDraft, get_review, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, list_vendors, update_vendor
from recommender.storage.database import Database
from recommender.storage.models import Group, OutboxEntry, Review
from recommender.sync.audience import set_audience
from recommender.sync.client import SyncError
from recommender.sync.groups import leave_group, membership
from tests.recommender.sync.conftest import Device


def test_changing_another_members_review_is_refused_and_reported_but_the_rest_goes_through(
    pair: tuple[Device, Device],
) -> None:
    ann, ben = pair
    with ann.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"))
        review = save_review(uow, ReviewDraft(vendor_id=vendor.id, rating=5))
        set_audience(uow, "reviews", review.id, [ann.group_id])
    ann.sync()
    ben.sync()
    with ben.db.write() as uow:
        stored = uow.session.get_one(Review, review.id)
        uow.recorder.update(stored, {"rating": 1})
        current = get_vendor(uow.session, vendor.id)
        update_vendor(uow, vendor.id, replace(VendorDraft.of(current), phone="+44 20 7946 0000"))
    report = ben.sync()
    assert len(report.refused) == 1
    assert "belongs to another member" in report.refused[0]
    assert report.pending == 0
    ann.sync()
    with ann.db.read() as session:
        assert get_review(session, review.id).rating == 5
        assert get_vendor(session, vendor.id).phone == "+44 20 7946 0000"


def test_leaving_signs_the_device_out_and_keeps_the_records(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    with ann.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"))
        set_audience(uow, "vendors", vendor.id, [ann.group_id])
    ann.sync()
    ben.sync()
    assert ben.link is not None
    with ben.client() as client:
        leave_group(ben.db, ben.link, client)
        with pytest.raises(SyncError) as refused:
            client.pull(ben.link.group_id, 0)
    assert refused.value.status == 401
    with ben.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Group)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert get_vendor(session, vendor.id).name == "Dr. Lee"


def test_a_bad_invite_code_is_a_plain_error(make_device: Callable[[str], Device]) -> None:
    ann, ben = make_device("ann"), make_device("ben")
    ann.create()
    with pytest.raises(SyncError, match="not valid"):
        ben.join("not-a-real-code")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cli_creates_invites_joins_syncs_and_leaves(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann, ben = str(tmp_path / "ann.sqlite"), str(tmp_path / "ben.sqlite")
    code, out, _ = _run(capsys, "group", "create", "Elm Street", "--server", server_url, "--db", ann, "--name", "Ann")
    assert code == 0 and "Created group 'Elm Street'" in out
    database = Database.open(Path(ann))
    with database.write() as uow:
        add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"))
    database.close()
    assert _run(capsys, "group", "share", "--vendors", "--db", ann)[1].startswith("Shared 1 more record")
    code, out, _ = _run(capsys, "group", "invite", "--uses", "1", "--expires", "2d", "--db", ann)
    assert code == 0
    # Valid for two days, said in this machine's time.
    expiry = re.search(r"valid until (\d{4}-\d\d-\d\d \d\d:\d\d) ", out)
    assert expiry is not None
    until = dt.datetime.strptime(expiry.group(1), "%Y-%m-%d %H:%M").astimezone()
    assert abs(until - (dt.datetime.now().astimezone() + dt.timedelta(days=2))) < dt.timedelta(minutes=2)
    invite = out.splitlines()[1].strip()
    code, out, _ = _run(capsys, "group", "join", invite, "--server", server_url, "--db", ben, "--name", "Ben")
    assert code == 0 and "Joined 'Elm Street'" in out
    assert _run(capsys, "sync", "--db", ann)[0] == 0
    code, out, _ = _run(capsys, "sync", "--db", ben, "--json")
    assert code == 0
    [report] = json.loads(out)["groups"]
    assert report["group"] == "Elm Street" and report["applied"] >= 1 and report["pending"] == 0
    database = Database.open(Path(ben))
    with database.read() as session:
        assert "Dr. Lee" in {vendor.name for vendor in list_vendors(session)}
    database.close()
    code, out, _ = _run(capsys, "group", "leave", "--db", ben)
    assert code == 0 and "Left 'Elm Street'" in out
    code, _, err = _run(capsys, "sync", "--db", ben)
    assert code == 1 and "in no group" in err


def test_the_cli_refuses_plain_http_to_another_machine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "ann.sqlite")
    code, _, err = _run(capsys, "group", "join", "CODE", "--server", "http://192.0.2.1:8750", "--db", db, "--name", "A")
    assert code == 1
    assert "refusing plain HTTP" in err and "Traceback" not in err


def test_the_cli_needs_a_name_the_first_time(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "group", "create", "G", "--server", server_url, "--db", str(tmp_path / "x.sqlite"))
    assert code == 1 and "--name" in err


def test_a_completed_sync_is_remembered_for_the_status_line(
    pair: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    ann, _ = pair
    assert membership(ann.db, ann.group_id).last_synced is None  # type: ignore[union-attr]
    before = dt.datetime.now(dt.UTC)
    ann.sync()
    synced = membership(ann.db, ann.group_id).last_synced  # type: ignore[union-attr]
    assert synced is not None and before <= synced <= dt.datetime.now(dt.UTC)
    code, out, _ = _run(capsys, "group", "list", "--db", str(ann.db.path))
    assert code == 0 and "last synced" in out and "0 change(s) waiting" in out


def test_the_cli_adds_another_device_with_a_device_code_and_hands_over_admin(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann, laptop, ben = (str(tmp_path / f"{name}.sqlite") for name in ("ann", "laptop", "ben"))
    assert _run(capsys, "group", "create", "Elm Street", "--server", server_url, "--db", ann, "--name", "Ann")[0] == 0
    code, out, _ = _run(capsys, "group", "device-code", "--db", ann)
    assert code == 0 and "works once" in out
    device_code = out.splitlines()[1].strip()
    code, out, _ = _run(capsys, "group", "join", device_code, "--server", server_url, "--db", laptop, "--name", "Ann")
    assert code == 0 and "Joined 'Elm Street'" in out
    # The laptop is Ann: the same person, and the group's admin too.
    mine = []
    for path in (ann, laptop):
        database = Database.open(Path(path))
        with database.read() as session:
            me = find_me(session)
            assert me is not None
            mine.append(me.id)
        database.close()
    assert mine[0] == mine[1]
    invite = _run(capsys, "group", "invite", "--db", laptop)[1].splitlines()[1].strip()
    assert _run(capsys, "group", "join", invite, "--server", server_url, "--db", ben, "--name", "Ben")[0] == 0
    code, _, err = _run(capsys, "group", "leave", "--db", ann)
    assert code == 1 and "hand over admin rights first" in err
    code, out, _ = _run(capsys, "group", "handover", "Ben", "--db", ann)
    assert code == 0 and "Ben is now the admin" in out
    assert _run(capsys, "group", "leave", "--db", ann)[0] == 0
    assert _run(capsys, "group", "invite", "--db", ben)[0] == 0
