"""Clock skew: devices a day fast or slow, a clock jumping backwards, stamps from years ahead.

Whatever the wall clocks say, the edit made knowing the other one (causally later) wins everywhere, and a device
whose clock is far in the future cannot win every later edit: the server clamps its stamps.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, update_vendor
from recommender.server.app import ServerConfig
from recommender.server.feed import FUTURE_LIMIT_MS
from recommender.server.models import ServerChange
from recommender.server.run import running_server
from recommender.server.store import ServerStore
from recommender.storage.hlc import Stamp, wall_clock_ms
from recommender.storage.models import FieldVersion
from recommender.sync.audience import set_audience
from tests.recommender.sync.reliability_support import Replica, ReplicaFactory, directory_state

DAY_MS = 24 * 3600 * 1000
HOUR_MS = 3600 * 1000


@dataclasses.dataclass
class Clock:
    """A wall clock the test sets by hand: ``offset`` from real time, and it can jump."""

    offset_ms: int = 0

    def __call__(self) -> int:
        return wall_clock_ms() + self.offset_ms


@pytest.fixture
def server_clock() -> Clock:
    return Clock()


@pytest.fixture
def factory(tmp_path: Path, server_clock: Clock) -> Iterator[tuple[ReplicaFactory, ServerStore]]:
    config = ServerConfig(database_url=f"sqlite:///{tmp_path / 'server.sqlite'}", now_ms=server_clock)
    with running_server(config) as url:
        made = ReplicaFactory(tmp_path, url)
        store = ServerStore(config.database_url)
        yield made, store
        store.close()
        made.close()


def _shared_vendor(replica: Replica) -> VendorDraft:
    with replica.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician"))
        set_audience(uow, "vendors", vendor.id, [replica.group_id])
    return VendorDraft.of(vendor)


def _set_phone(replica: Replica, draft: VendorDraft, phone: str) -> None:
    with replica.db.write() as uow:
        vendor_id = _vendor_id(replica)
        update_vendor(uow, vendor_id, dataclasses.replace(draft, phone=phone))


def _vendor_id(replica: Replica) -> uuid.UUID:
    (vendor_id,) = directory_state(replica.db)["vendors"]
    return uuid.UUID(vendor_id)


def _phones(replicas: list[Replica]) -> list[str | None]:
    phones = []
    for replica in replicas:
        with replica.db.read() as session:
            phones.append(get_vendor(session, _vendor_id(replica)).phone)
    return phones


def _sync_all(replicas: list[Replica]) -> None:
    for replica in replicas + replicas:
        replica.sync()


@pytest.mark.parametrize(("first_offset", "second_offset"), [(DAY_MS, -DAY_MS), (-DAY_MS, DAY_MS), (DAY_MS, 0)])
def test_the_causally_later_edit_wins_whatever_the_clocks_say(
    factory: tuple[ReplicaFactory, ServerStore], first_offset: int, second_offset: int
) -> None:
    ann, ben = factory[0].group(["ann", "ben"], {"ann": Clock(first_offset), "ben": Clock(second_offset)})
    draft = _shared_vendor(ann)
    _sync_all([ann, ben])
    _set_phone(ann, draft, "020 7946 0001")
    ann.sync()
    ben.sync()  # Ben has seen Ann's edit, so his edit comes after it, even with his clock two days behind hers
    _set_phone(ben, draft, "020 7946 0002")
    _sync_all([ann, ben])
    assert _phones([ann, ben]) == ["020 7946 0002", "020 7946 0002"]


def test_a_clock_jumping_backwards_does_not_undo_later_edits(factory: tuple[ReplicaFactory, ServerStore]) -> None:
    clock = Clock()
    ann, ben = factory[0].group(["ann", "ben"], {"ann": clock})
    draft = _shared_vendor(ann)
    _set_phone(ann, draft, "020 7946 0001")
    clock.offset_ms = -2 * DAY_MS  # the clock is set back two days between two edits
    _set_phone(ann, draft, "020 7946 0002")
    # ...and again after a restart: the clock's last stamp is kept in the database.
    reopened = ReplicaFactory.reopen(ann)
    reopened.db.now_ms = Clock(-3 * DAY_MS)
    _set_phone(reopened, draft, "020 7946 0003")
    _sync_all([reopened, ben])
    assert _phones([reopened, ben]) == ["020 7946 0003", "020 7946 0003"]
    reopened.db.close()


def test_far_future_stamps_are_clamped_so_later_edits_still_win(
    factory: tuple[ReplicaFactory, ServerStore], server_clock: Clock
) -> None:
    made, store = factory
    ann, ben, eve = made.group(["ann", "ben", "eve"], {"eve": Clock(10 * 365 * DAY_MS)})
    draft = _shared_vendor(ann)
    _sync_all([ann, ben, eve])
    _set_phone(eve, draft, "020 7946 0666")  # stamped ten years ahead
    report = eve.sync()
    assert report.clamped == 1
    with store.read() as session:
        stored = session.scalars(
            select(ServerChange.stamp).where(ServerChange.entity == "vendors", ServerChange.field == "phone")
        ).all()
    newest = max(Stamp.decode(stamp).wall_ms for stamp in stored)
    assert newest <= server_clock() + FUTURE_LIMIT_MS
    # Eve's replica compares that field by the clamped stamp too, like every other replica.
    with eve.db.read() as session:
        eve_stamp = session.scalar(
            select(FieldVersion.stamp).where(FieldVersion.entity == "vendors", FieldVersion.field == "phone")
        )
    assert eve_stamp is not None and Stamp.decode(eve_stamp).wall_ms == newest
    ann.sync()
    # Two hours later (by every honest clock) Ben, who has not synced since, edits the phone: his edit wins.
    server_clock.offset_ms = 2 * HOUR_MS
    ann.db.now_ms = ben.db.now_ms = Clock(2 * HOUR_MS)
    _set_phone(ben, draft, "020 7946 0002")
    _sync_all([ann, ben, eve])
    assert _phones([ann, ben, eve]) == ["020 7946 0002"] * 3
