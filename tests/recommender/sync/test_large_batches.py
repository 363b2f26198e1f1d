"""Batches too large for the server's body limit are split; a single change too large is reported, not retried."""

from __future__ import annotations

from pathlib import Path

import pytest

from recommender.directory.vendors import VendorDraft, add_vendor, list_vendors
from recommender.server.app import ServerConfig
from recommender.sync.audience import set_audience
from tests.recommender.sync.conftest import Device


@pytest.fixture
def server_config(tmp_path: Path) -> ServerConfig:
    return ServerConfig(database_url=f"sqlite:///{tmp_path / 'server.sqlite'}", max_body_bytes=64 * 1024)


def test_a_batch_over_the_body_limit_is_sent_in_smaller_pieces(pair: tuple[Device, Device]) -> None:
    ann, ben = pair
    with ann.db.write() as uow:
        # Eight notes of 9,000 characters: over the 64 KiB limit together, well under it one by one.
        for i in range(8):
            vendor = add_vendor(uow, VendorDraft(name=f"Vendor {i}", category="dentist", notes="n" * 9_000))
            set_audience(uow, "vendors", vendor.id, [ann.group_id])
        # Escaped as JSON, 9,000 emoji take 108 KB: no batch can carry this one change.
        huge = add_vendor(uow, VendorDraft(name="Chatty", category="dentist", notes="🦷" * 9_000))
        set_audience(uow, "vendors", huge.id, [ann.group_id])
    report = ann.sync()
    assert report.pending == 0
    assert [reason for reason in report.refused if "too large" in reason] == [
        f"vendors {huge.id}: too large for the server to accept"
    ]
    ben.sync()
    with ben.db.read() as session:
        names = {vendor.name for vendor in list_vendors(session)}
    assert {f"Vendor {i}" for i in range(8)} <= names
