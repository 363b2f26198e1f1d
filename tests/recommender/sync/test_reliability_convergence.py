"""Convergence: any mix of offline edits and interrupted syncs, then a full sync, leaves every replica identical.

Hypothesis drives 2-5 replicas of one group on a real server (uvicorn on a loopback port): creates, edits and
deletes of vendor fields, reviews and trust links, and syncs cut off after a random number of requests (losing
the request or its answer). After a final full sync every replica must hold the same directory and the same
field stamps, every field must hold the value of its latest write (by clock stamp) wherever it was made, and no
outbox may hold anything. ``GRAPEVINE_SYNC_EXAMPLES`` sets the number of examples (CI: 200; see soak.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from recommender.directory.people import remove_trust, set_trust
from recommender.directory.reviews import ReviewDraft, delete_review, save_review
from recommender.directory.vendors import (
    VendorDraft,
    add_vendor,
    delete_vendor,
    get_vendor,
    restore_vendor,
    update_vendor,
)
from recommender.server.app import ServerConfig
from recommender.server.run import running_server
from recommender.storage.models import Person, Review, Trust, Vendor
from recommender.sync.audience import set_audience
from recommender.sync.client import SyncError
from tests.recommender.sync.reliability_support import (
    FlakyNetwork,
    Replica,
    ReplicaFactory,
    cursor_of,
    directory_state,
    local_writes,
    memory_folder,
    outbox_size,
)

EXAMPLES = int(os.environ.get("GRAPEVINE_SYNC_EXAMPLES", "200"))
NAMES = ("Dr. Lee", "Happy Paws", "Cuts & Co", "Ledger Ltd")
# Few fields and few values: concurrent edits of one field (the case a merge can get wrong) come up often.
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "name": st.sampled_from(NAMES),
    "phone": st.sampled_from([None, "+44 20 7946 0001", "+44 20 7946 0002", "020 7946 0003"]),
    "opening_hours": st.sampled_from([None, "Mo-Fr 09:00-17:00", "24/7"]),
    "notes": st.none() | st.text(alphabet="ab çé", min_size=1, max_size=4),
    # Full-precision numbers: the final exports are compared as text, so one ulp of difference fails.
    "service_radius_km": st.none() | st.floats(0.01, 500, allow_nan=False),
}
ACTIONS: dict[str, st.SearchStrategy[Any]] = {
    "add_vendor": st.sampled_from(NAMES),
    "edit_vendor": st.sampled_from(sorted(VALUES)).flatmap(lambda name: st.tuples(st.just(name), VALUES[name])),
    # True deletes, False restores.
    "delete_vendor": st.booleans(),
    "review": st.integers(1, 5),
    "delete_review": st.none(),
    "trust": st.sampled_from([-0.5, 0.25, 0.8, 1.0]),
    "remove_trust": st.none(),
    # (requests before the network goes down or None for a complete sync, what is lost, page and batch size)
    "sync": st.tuples(st.none() | st.integers(0, 6), st.sampled_from(["request", "response"]), st.integers(1, 8)),
}
# Edits and syncs weigh most: offline edits of one field on two replicas, sent in either order, are the case a
# merge can get wrong.
WEIGHTS = {"edit_vendor": 5, "sync": 4}
KINDS = [kind for kind in ACTIONS for _ in range(WEIGHTS.get(kind, 1))]
OPERATIONS = st.sampled_from(KINDS).flatmap(
    lambda kind: st.tuples(st.just(kind), st.integers(0, 4), st.integers(0, 1000), ACTIONS[kind])
)


@pytest.fixture(scope="module")
def factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReplicaFactory]:
    folder = memory_folder(tmp_path_factory, "convergence")
    config = ServerConfig(
        database_url=f"sqlite:///{folder / 'server.sqlite'}", join_attempts=10**9, group_creations=10**9
    )
    with running_server(config) as url:
        made = ReplicaFactory(folder, url)
        yield made
        made.close()
    shutil.rmtree(folder, ignore_errors=True)


def _pick(items: list[Any], pick: int) -> Any | None:
    return items[pick % len(items)] if items else None


def _ids(replica: Replica, model: type[Vendor] | type[Review] | type[Trust], **where: Any) -> list[uuid.UUID]:
    with replica.db.read() as session:
        query = select(model.id).order_by(model.id)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return list(session.scalars(query))


def _others(replica: Replica, me: uuid.UUID) -> list[uuid.UUID]:
    with replica.db.read() as session:
        query = select(Person.id).where(Person.id != me, Person.deleted.is_(False)).order_by(Person.id)
        return list(session.scalars(query))


def _perform(replica: Replica, me: uuid.UUID, kind: str, pick: int, payload: Any) -> None:
    """One user action on one replica, on a record it can see (picked by ``pick``); a no-op when there is none."""
    if kind == "sync":
        healthy, lose, page_size = payload
        network = FlakyNetwork(healthy, lose)
        if healthy is None:
            replica.sync(network, page_size=page_size, batch_size=page_size)
        else:
            # The network goes down mid-sync (or not, if the sync needs fewer requests): the next sync picks up
            # from whatever was committed.
            with contextlib.suppress(SyncError):
                replica.sync(network, page_size=page_size, batch_size=page_size)
        return
    with replica.db.write() as uow:
        if kind == "add_vendor":
            vendor = add_vendor(uow, VendorDraft(name=payload, category="pediatrician"))
            set_audience(uow, "vendors", vendor.id, [replica.group_id])
        elif kind == "edit_vendor" and (vendor_id := _pick(_ids(replica, Vendor, deleted=False), pick)):
            name, value = payload
            draft = VendorDraft.of(get_vendor(uow.session, vendor_id))
            update_vendor(uow, vendor_id, replace(draft, **{name: value}))
        elif kind == "delete_vendor" and (vendor_id := _pick(_ids(replica, Vendor, deleted=not payload), pick)):
            (delete_vendor if payload else restore_vendor)(uow, vendor_id)
        elif kind == "review" and (vendor_id := _pick(_ids(replica, Vendor, deleted=False), pick)):
            review = save_review(uow, ReviewDraft(vendor_id=vendor_id, rating=payload))
            set_audience(uow, "reviews", review.id, [replica.group_id])
        elif kind == "delete_review" and (review_id := _pick(_ids(replica, Review, author_id=me, deleted=False), pick)):
            delete_review(uow, review_id)
        elif kind == "trust" and (trustee := _pick(_others(replica, me), pick)):
            link = set_trust(uow, me, trustee, payload)
            set_audience(uow, "trust", link.id, [replica.group_id])
        elif kind == "remove_trust" and (link_id := _pick(_ids(replica, Trust, truster_id=me, deleted=False), pick)):
            trustee = _trustee(uow.session, link_id)
            remove_trust(uow, me, trustee)


def _trustee(session: Any, link_id: uuid.UUID) -> uuid.UUID:
    link = session.get(Trust, link_id)
    assert link is not None
    trustee: uuid.UUID = link.trustee_id
    return trustee


def _full_sync(replicas: list[Replica]) -> int:
    """Sync every replica in turn until a whole round moves nothing; returns the rounds that moved something."""
    for round_number in range(4):
        moved = 0
        for replica in replicas:
            report = replica.sync()
            moved += report.pushed + report.pulled
        if moved == 0:
            return round_number
    raise AssertionError("replicas still exchanging changes after 4 full rounds")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(replica_count=st.integers(2, 5), operations=st.lists(OPERATIONS, min_size=8, max_size=30))
def test_replicas_converge_and_keep_the_latest_write_of_every_field(
    factory: ReplicaFactory, replica_count: int, operations: list[tuple[str, int, int, Any]]
) -> None:
    replicas = factory.group(["ann", "ben", "cat", "dan", "eve"][:replica_count])
    try:
        # Every replica starts with one shared vendor, so edits made offline on different replicas can collide.
        _perform(replicas[0], replicas[0].person_id(), "add_vendor", 0, "Dr. Lee")
        _full_sync(replicas)
        people = [replica.person_id() for replica in replicas]
        # Every write made anywhere: (entity, record, field) -> [(stamp, value)].
        writes: dict[tuple[str, uuid.UUID, str], list[tuple[str, Any]]] = {}
        positions = [0] * replica_count

        def collect(index: int) -> None:
            found, positions[index] = local_writes(replicas[index].db, positions[index])
            for entity, record_id, name, value, stamp in found:
                writes.setdefault((entity, record_id, name), []).append((stamp, value))

        for index in range(replica_count):
            collect(index)
        for kind, device, pick, payload in operations:
            index = device % replica_count
            _perform(replicas[index], people[index], kind, pick, payload)
            collect(index)

        rounds = _full_sync(replicas)
        for index in range(replica_count):
            collect(index)  # a full sync writes nothing locally; collected anyway so a stray write shows up

        states = [directory_state(replica.db) for replica in replicas]
        # Compared as exported JSON text, not with ==: floats by their exact repr (and -0.0 apart from 0.0).
        exports = [json.dumps(state, sort_keys=True) for state in states]
        for replica, export in zip(replicas[1:], exports[1:], strict=True):
            assert export == exports[0], f"{replica.name} differs from {replicas[0].name}"
        # No write is lost: each field ends with the value of its latest write, wherever that was made.
        for (entity, record_id, name), versions in writes.items():
            stamp, value = max(versions, key=lambda version: version[0])
            record = states[0][entity].get(str(record_id))
            assert record is not None, f"{entity} {record_id} missing after sync"
            assert record[name] == value, f"{entity}.{name} of {record_id}: {record[name]!r}, latest write {value!r}"
            assert (entity, str(record_id), name, stamp) in states[0]["stamps"]
        last_seq = replicas[0].client().pull(replicas[0].group_id, 0, 1).last_seq
        for replica in replicas:
            assert outbox_size(replica.db) == 0, f"{replica.name} still has changes to send"
            assert cursor_of(replica.db, replica.group_id) == last_seq
        assert rounds <= 2
    finally:
        factory.discard(replicas)
