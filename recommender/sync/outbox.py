"""Reading the outbox in batches and settling a batch once the server has acknowledged it.

Rows leave the outbox only in the transaction that records the server's answer: a crash before that resends the
batch, which the server recognises change by change (idempotent push), so nothing is lost or stored twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from recommender.storage.database import Database, UnitOfWork
from recommender.storage.models import ChangeLogEntry, FieldVersion, OutboxEntry
from recommender.sync.wire import WireChange, check_change

# Changes per push: under the server's 5,000 even with the rest of an edit appended (at most _EDIT_TAIL more);
# halved on the fly if a batch of long texts is too large.
DEFAULT_BATCH = 4000
_EDIT_TAIL = 64


@dataclass(frozen=True)
class Batch:
    """Queued changes for one group, in the order they were made; ``seqs[i]`` is the log row of ``changes[i]``."""

    seqs: list[int]
    changes: list[WireChange]


def next_batch(db: Database, group_id: uuid.UUID, size: int = DEFAULT_BATCH, *, whole_edits: bool = True) -> Batch:
    """The oldest queued changes for a group; with ``whole_edits`` the fields of one edit stay in one batch."""
    query = (
        select(
            ChangeLogEntry.seq,
            ChangeLogEntry.entity,
            ChangeLogEntry.record_id,
            ChangeLogEntry.field,
            ChangeLogEntry.value,
            ChangeLogEntry.stamp,
        )
        .join(OutboxEntry, OutboxEntry.change_seq == ChangeLogEntry.seq)
        .where(OutboxEntry.group_id == group_id)
        # Ordered by the outbox's own key (the same numbers), so SQLite walks the outbox and looks each change up,
        # rather than walking the whole change log probing the outbox: an empty outbox costs nothing to read.
        .order_by(OutboxEntry.change_seq)
    )
    with db.read() as session:
        rows = list(session.execute(query.limit(size)))
        if whole_edits and len(rows) == size:
            _, entity, record_id, _, _, stamp = rows[-1]
            for row in session.execute(query.where(ChangeLogEntry.seq > rows[-1][0]).limit(_EDIT_TAIL)):
                if (row[1], row[2], row[5]) != (entity, record_id, stamp):
                    break
                rows.append(row)
    return Batch(
        seqs=[row[0] for row in rows],
        changes=[
            WireChange(entity, record_id, field, value, stamp) for _, entity, record_id, field, value, stamp in rows
        ],
    )


def invalid_changes(batch: Batch) -> list[tuple[int, str]]:
    """Queued changes the server would refuse as malformed, by log seq (none unless the database was edited by hand)."""
    found = []
    for seq, change in zip(batch.seqs, batch.changes, strict=True):
        reason = check_change(change.entity, change.field, change.value, change.stamp)
        if reason is not None:
            found.append((seq, reason))
    return found


def settle(uow: UnitOfWork, group_id: uuid.UUID, seqs: Sequence[int], clamped: dict[int, str]) -> None:
    """Remove acknowledged rows; adopt the server's stamp for changes it clamped (``clamped``: log seq -> stamp).

    Adopting the clamped stamp keeps this replica comparing that field the same way as every other replica.
    """
    session = uow.session
    for start in range(0, len(seqs), 500):
        session.execute(
            delete(OutboxEntry).where(
                OutboxEntry.group_id == group_id, OutboxEntry.change_seq.in_(seqs[start : start + 500])
            )
        )
    for seq, stamp in clamped.items():
        entry = session.get(ChangeLogEntry, seq)
        if entry is None or entry.stamp == stamp:
            continue
        session.execute(
            update(FieldVersion)
            .where(
                FieldVersion.entity == entry.entity,
                FieldVersion.record_id == entry.record_id,
                FieldVersion.field == entry.field,
                FieldVersion.stamp == entry.stamp,
            )
            .values(stamp=stamp)
        )
        entry.stamp = stamp


def drop(uow: UnitOfWork, group_id: uuid.UUID, seqs: Sequence[int]) -> None:
    """Stop sending changes the server refused for good (they stay in the local directory and its history)."""
    settle(uow, group_id, seqs, {})


def pending_count(db: Database, group_id: uuid.UUID | None = None) -> int:
    """Changes waiting to be sent (to one group, or to any)."""
    query = select(func.count()).select_from(OutboxEntry)
    if group_id is not None:
        query = query.where(OutboxEntry.group_id == group_id)
    with db.read() as session:
        return session.scalar(query) or 0
