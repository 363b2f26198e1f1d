"""Faults: lost requests and responses, a client killed mid-pull, a restarted server, a clock far ahead."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import func, select

from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, list_vendors, update_vendor
from recommender.server.app import ServerConfig
from recommender.server.run import running_server
from recommender.storage.database import Database, UnitOfWork
from recommender.storage.driver import sqlite_of
from recommender.storage.models import FieldVersion, OutboxEntry, SyncCursor
from recommender.storage.whole_records import field_stamps
from recommender.sync import runner
from recommender.sync.audience import set_audience
from recommender.sync.client import RetryPolicy, SyncClient, SyncError
from tests.recommender.sync.conftest import Device


class LosingAdapter(HTTPAdapter):
    """Loses the next ``lose_requests`` requests before they reach the server, then the next ``lose_responses``
    responses after the server has handled them."""

    def __init__(self, lose_requests: int = 0, lose_responses: int = 0):
        super().__init__()
        self.lose_requests, self.lose_responses = lose_requests, lose_responses
        self.sent = 0

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if self.lose_requests:
            self.lose_requests -= 1
            raise requests.ConnectionError("request lost")
        response = super().send(request, *args, **kwargs)
        self.sent += 1
        if self.lose_responses:
            self.lose_responses -= 1
            raise requests.ConnectionError("response lost")
        return response


def _client(device: Device, adapter: HTTPAdapter, attempts: int = 5) -> SyncClient:
    session = requests.Session()
    session.mount("http://", adapter)
    assert device.link is not None
    waits: list[float] = []
    return SyncClient(
        device.server_url,
        device.link.token,
        session=session,
        retry=RetryPolicy(attempts=attempts, base_s=0.01, cap_s=0.02),
        sleep=waits.append,
    )


def _share_vendors(device: Device, count: int) -> list[uuid.UUID]:
    ids = []
    with device.db.write() as uow:
        for i in range(count):
            vendor = add_vendor(uow, VendorDraft(name=f"Vendor {i}", category="dentist"))
            set_audience(uow, "vendors", vendor.id, [device.group_id])
            ids.append(vendor.id)
    return ids


def _vendor_names(db: Database) -> set[str]:
    with db.read() as session:
        return {v.name for v in list_vendors(session)}


def test_lost_requests_and_responses_are_retried_and_applied_once(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    _share_vendors(ann, 3)
    with ann.db.read() as session:
        queued = session.scalar(select(func.count()).select_from(OutboxEntry))
    adapter = LosingAdapter(lose_requests=1, lose_responses=1)
    with _client(ann, adapter) as client:
        report = runner.sync_group(ann.db, ann.group_id, client)
    # The server stored the push whose answer was lost; the retry found every change already there.
    assert (report.pushed, report.duplicates, report.pending) == (0, queued, 0)
    bens_profile = ben.sync().pushed
    assert _vendor_names(ben.db) >= {"Vendor 0", "Vendor 1", "Vendor 2"}
    with ben.client() as client:
        page = client.pull(ben.group_id, 0)
    assert sum(len(edit[4]) for edit in page.edits) == queued + bens_profile


def test_an_unreachable_server_is_a_plain_error_and_the_outbox_keeps_everything(pair: tuple[Device, Device]) -> None:
    ann, _ = pair
    _share_vendors(ann, 2)
    with ann.db.read() as session:
        queued = session.scalar(select(func.count()).select_from(OutboxEntry))
    with (
        _client(ann, LosingAdapter(lose_requests=99), attempts=3) as client,
        pytest.raises(SyncError, match="cannot reach the sync server"),
    ):
        runner.sync_group(ann.db, ann.group_id, client)
    with ann.db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == queued


def test_a_client_killed_between_receiving_and_committing_loses_nothing(
    pair: tuple[Device, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, ben = pair
    _share_vendors(ann, 4)
    ann.sync()
    real_apply = runner.apply_page

    def killed(*args: Any, **kwargs: Any) -> Any:
        real_apply(*args, **kwargs)  # rows written in the open transaction...
        raise KeyboardInterrupt  # ...and the process dies before it commits

    monkeypatch.setattr(runner, "apply_page", killed)
    with pytest.raises(KeyboardInterrupt):
        ben.sync(page_size=5)
    monkeypatch.undo()
    with ben.db.read() as session:
        assert session.get(SyncCursor, ben.group_id).pulled_seq == 0  # type: ignore[union-attr]
    assert not _vendor_names(ben.db) & {"Vendor 0", "Vendor 3"}
    ben.sync(page_size=5)
    assert _vendor_names(ben.db) >= {f"Vendor {i}" for i in range(4)}


def test_the_cursor_is_committed_with_the_rows_it_covers(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    ids = _share_vendors(ann, 6)
    ann.sync()
    ben.sync(page_size=3)
    with ben.db.read() as session:
        cursor = session.get(SyncCursor, ben.group_id)
        assert cursor is not None
        columns = (FieldVersion.record_id, FieldVersion.field, FieldVersion.stamp)
        rows = session.execute(select(*columns).where(FieldVersion.record_id.in_(ids)))
        versions: dict[uuid.UUID, list[tuple[str, str]]] = {}
        for record_id, name, stamp in rows:
            versions.setdefault(record_id, []).append((name, stamp))
    with ben.client() as client:
        assert cursor.pulled_seq == client.pull(ben.group_id, 0).last_seq
    assert set(versions) == set(ids)
    assert all(len(field_stamps("vendors", stamps)) == 16 for stamps in versions.values())


def test_pulled_pages_commit_without_waiting_for_the_disk_but_own_edits_still_do(
    pair: tuple[Device, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pulled page can be fetched again (its cursor goes with it), so its commit skips the fsync; a change the
    user made cannot, so the next write after a pull is back to synchronous=FULL."""
    ann, ben = pair
    _share_vendors(ann, 2)
    ann.sync()
    real_apply = runner.apply_page
    levels: list[int] = []

    def watched(uow: UnitOfWork, *args: Any, **kwargs: Any) -> Any:
        levels.append(sqlite_of(uow.session).execute("PRAGMA synchronous").fetchone()[0])
        return real_apply(uow, *args, **kwargs)

    monkeypatch.setattr(runner, "apply_page", watched)
    ben.sync(page_size=5)
    assert levels and set(levels) == {_NORMAL}
    with ben.db.write() as uow:
        assert sqlite_of(uow.session).execute("PRAGMA synchronous").fetchone()[0] == _FULL
        add_vendor(uow, VendorDraft(name="Ben's own plumber", category="plumber"))
    assert "Ben's own plumber" in _vendor_names(ben.db)


_NORMAL, _FULL = 1, 2


def test_a_restarted_server_loses_nothing_acknowledged(tmp_path: Path, make_device: Callable[[str], Device]) -> None:
    config = ServerConfig(database_url=f"sqlite:///{tmp_path / 'restarting.sqlite'}")
    with running_server(config) as url:
        ann = make_device("ann")
        ann.server_url = url
        ann.create()
        ben = make_device("ben")
        ben.server_url = url
        ben.join(ann.invite())
        _share_vendors(ann, 3)
        assert ann.sync().pending == 0
    with running_server(config) as url:
        ann.server_url = ben.server_url = url
        ben.sync()
        assert _vendor_names(ben.db) >= {"Vendor 0", "Vendor 1", "Vendor 2"}


def test_a_clock_a_year_ahead_cannot_win_every_later_edit(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    ahead = Database.open(ann.db.path, now_ms=lambda: ann.db.now_ms() + 365 * 86_400_000)
    try:
        with ahead.write() as uow:
            vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician", phone="+44 20 7946 0001"))
            set_audience(uow, "vendors", vendor.id, [ann.group_id])
        with ann.client() as client:
            report = runner.sync_group(ahead, ann.group_id, client)
    finally:
        ahead.close()
    assert report.clamped > 0
    ben.sync()
    with ben.db.write() as uow:
        current = get_vendor(uow.session, vendor.id)
        update_vendor(uow, vendor.id, replace(VendorDraft.of(current), phone="+44 20 7946 0002"))
    ben.sync()
    ann.sync()
    for device in (ann, ben):
        with device.db.read() as session:
            assert get_vendor(session, vendor.id).phone == "+44 20 7946 0002"
