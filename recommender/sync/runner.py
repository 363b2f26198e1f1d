"""One sync round with a group: push the outbox, then pull and merge everything new.

``sync_group`` is what ``grapevine sync`` and the app's background sync call; it returns a :class:`SyncReport`
with the ``Changes`` the app needs to refresh its engine.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from recommender.storage.changelog import Changes
from recommender.storage.database import Database, UnitOfWork
from recommender.storage.driver import sqlite_of
from recommender.sync import outbox
from recommender.sync.apply import ApplyResult, apply_page
from recommender.sync.client import SyncClient, SyncError
from recommender.sync.membership import GroupLink, load_membership, mark_synced

logger = logging.getLogger(__name__)


@dataclass
class SyncReport:
    """What one round did, for the CLI's summary and the app's status line."""

    group_id: uuid.UUID
    group_name: str
    pushed: int = 0
    duplicates: int = 0
    clamped: int = 0
    pulled: int = 0
    applied: int = 0
    superseded: int = 0
    parked: int = 0
    # Changes refused for good (another member's record, malformed): kept locally, no longer sent.
    refused: list[str] = field(default_factory=list)
    cursor: int = 0
    pending: int = 0
    seconds: float = 0.0
    changes: Changes = field(default_factory=Changes)

    def add(self, result: ApplyResult) -> None:
        """Count one merged page."""
        self.pulled += result.received
        self.applied += result.applied
        self.superseded += result.superseded
        self.parked += result.parked
        self.refused += result.invalid
        self.changes = self.changes | result.changes

    def to_json(self) -> dict[str, object]:
        return {
            "group_id": str(self.group_id),
            "group": self.group_name,
            "pushed": self.pushed,
            "duplicates": self.duplicates,
            "clamped": self.clamped,
            "pulled": self.pulled,
            "applied": self.applied,
            "superseded": self.superseded,
            "waiting_for_related_records": self.parked,
            "refused": self.refused,
            "cursor": self.cursor,
            "pending": self.pending,
            "seconds": round(self.seconds, 3),
        }


ClientFactory = Callable[[GroupLink], SyncClient]
# Changes per pulled page: large pages mean fewer round trips and commits on an initial pull.
DEFAULT_PAGE_SIZE = 20_000


def default_client(link: GroupLink) -> SyncClient:
    return SyncClient(link.server_url, link.token, allow_insecure=link.allow_insecure)


def sync_group(
    db: Database,
    group_id: uuid.UUID,
    client: SyncClient | None = None,
    *,
    batch_size: int = outbox.DEFAULT_BATCH,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> SyncReport:
    """Push this install's queued changes to the group, then pull and merge the group's new changes."""
    started = time.perf_counter()
    # One snapshot for everything the round starts from: a background sync every minute is mostly this overhead.
    with db.read() as session:
        link = load_membership(session, group_id)
        queued = outbox.count_pending(session, group_id)
        since = pulled_seq(session, group_id)
    if link is None:
        raise SyncError(f"this install is not a member of group {group_id}")
    own_client = client is None
    client = client or default_client(link)
    report = SyncReport(group_id, link.name)

    def finish(uow: UnitOfWork) -> None:
        mark_synced(uow, group_id, _now())
        report.pending = outbox.count_pending(uow.session, group_id)

    try:
        if queued:
            push(db, client, group_id, report, batch_size)
        pull(db, client, group_id, report, page_size, since=since, finish=finish)
    finally:
        if own_client:
            client.close()
    report.seconds = time.perf_counter() - started
    logger.info("synced %s: %s", link.name, report.to_json())
    return report


def pulled_seq(session: Session, group_id: uuid.UUID) -> int:
    """The group's stored cursor: everything up to this sequence number has been pulled and merged."""
    query = "SELECT pulled_seq FROM sync_cursors WHERE group_id = ?"
    row = sqlite_of(session).execute(query, (group_id.hex,)).fetchone()
    return int(row[0]) if row is not None else 0


def push(db: Database, client: SyncClient, group_id: uuid.UUID, report: SyncReport, batch_size: int) -> None:
    size = batch_size
    # An edit's fields travel together unless the server refused one edit as too large: a new review or trust
    # link sent field by field would reach the server without its owner's field and be refused (and dropped).
    split_edits = False
    while True:
        batch = outbox.next_batch(db, group_id, size, whole_edits=not split_edits)
        if not batch.seqs:
            return
        invalid = outbox.invalid_changes(batch)
        if invalid:
            with db.write() as uow:
                outbox.drop(uow, group_id, [seq for seq, _ in invalid])
            report.refused += [f"change {seq}: {reason}" for seq, reason in invalid]
            continue
        try:
            answer = client.push(group_id, batch.changes)
        except SyncError as error:
            # Counted in log rows: a whole-record row is sent as all its fields, and is never split.
            if error.status == 413 and len(set(batch.seqs)) > 1:
                # Long texts made the batch too large for the server: send smaller ones, down to single changes.
                split_edits = split_edits or size == 1
                size = max(1, min(size, len(batch.seqs)) // 2)
                continue
            rejected = _rejected(error)
            if error.status == 413:
                rejected = [(0, "too large for the server to accept")]
            if rejected is None:
                raise
            with db.write() as uow:
                outbox.drop(uow, group_id, [batch.seqs[index] for index, _ in rejected])
            report.refused += [f"{batch.changes[i].entity} {batch.changes[i].record_id}: {why}" for i, why in rejected]
            continue
        clamped = [(batch.seqs[item["index"]], item["stamp"]) for item in answer.get("clamped", [])]
        with db.write() as uow:
            outbox.settle(uow, group_id, batch.seqs, clamped)
        report.pushed += int(answer.get("accepted", 0))
        report.duplicates += int(answer.get("duplicates", 0))
        report.clamped += len(clamped)
        # After a split, grow back gradually rather than hitting the limit again at once.
        size = min(batch_size, size * 2)


def _rejected(error: SyncError) -> list[tuple[int, str]] | None:
    """The refused positions of a 403 push, or None for any other failure."""
    body = error.body
    if error.status != 403 or not isinstance(body, dict) or not isinstance(body.get("rejected"), list):
        return None
    return [(int(item["index"]), str(item["reason"])) for item in body["rejected"]]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def pull(
    db: Database,
    client: SyncClient,
    group_id: uuid.UUID,
    report: SyncReport,
    page_size: int,
    *,
    since: int,
    finish: Callable[[UnitOfWork], None],
) -> None:
    """Pull pages until the feed is exhausted, fetching the next page while the current one is merged.

    The server builds a page in its own process while this one writes the last: on an initial pull that overlap
    is a third of the time. A prefetched page is only a read; if merging fails it is dropped with the rest.
    ``since`` is the stored cursor; ``finish`` runs in the last page's transaction (one commit less per round).
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
        page = client.pull(group_id, since, page_size)
        while True:
            more = page.has_more and bool(page.edits)
            following = fetcher.submit(client.pull, group_id, page.next_since, page_size) if more else None
            try:
                # Not durable: a page lost to a power cut goes with its cursor and is pulled again next round.
                with db.write(durable=False) as uow:
                    if page.edits or page.next_since != since:
                        report.add(apply_page(uow, group_id, page.edits, page.next_since))
                        since = page.next_since
                    if following is None:
                        finish(uow)
                report.cursor = since
            except BaseException:
                if following is not None:
                    following.cancel()
                raise
            if following is None:
                return
            page = following.result()
