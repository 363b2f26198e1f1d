"""Reading the outbox in batches and settling a batch once the server has acknowledged it.

Rows leave the outbox only in the transaction that records the server's answer: a crash before that resends the
batch, which the server recognises change by change (idempotent push), so nothing is lost or stored twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import takewhile
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from recommender.storage.database import Database, UnitOfWork
from recommender.storage.driver import sqlite_of
from recommender.storage.models import ChangeLogEntry, FieldVersion, OutboxEntry
from recommender.storage.whole_records import logged_fields
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
    """The oldest queued changes for a group; with ``whole_edits`` the fields of one edit stay in one batch.

    A whole-record log row (see :mod:`recommender.storage.whole_records`) travels as one change per field, all
    with its stamp and its seq, and counts as that many changes toward ``size``. Its fields are never split
    between batches, even beyond ``size``: the outbox entry is per row, and settling the first part would drop
    the rest.
    """
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
    batch = Batch(seqs=[], changes=[])
    with db.read() as session:
        rows = session.execute(query.limit(size))
        full = _fill(batch, rows, size)
        rows.close()
        if whole_edits and full:
            last = batch.changes[-1]
            tail = session.execute(query.where(ChangeLogEntry.seq > batch.seqs[-1]).limit(_EDIT_TAIL))
            same_edit = takewhile(
                lambda row: (row[1], row[2], row[5]) == (last.entity, last.record_id, last.stamp), tail
            )
            _fill(batch, same_edit, len(batch.changes) + _EDIT_TAIL)
    return batch


def _fill(batch: Batch, rows: Iterable[Sequence[Any]], size: int) -> bool:
    """Add rows' changes while the batch stays within ``size`` (at least one row); True if rows may be left."""
    read = 0
    for seq, entity, record_id, field, value, stamp in rows:
        read += 1
        changes = [WireChange(entity, record_id, name, item, stamp) for name, item in logged_fields(field, value)]
        if batch.changes and len(batch.changes) + len(changes) > size:
            return True
        batch.seqs.extend([seq] * len(changes))
        batch.changes.extend(changes)
    # Fewer rows than asked for: the outbox has no more.
    return read >= size


def invalid_changes(batch: Batch) -> list[tuple[int, str]]:
    """Queued changes the server would refuse as malformed, by log seq (none unless the database was edited by hand).

    One bad field of a whole-record row names that row's seq, so the whole row is dropped: the outbox queues
    rows, not fields, and a record sent without one of its fields would be incomplete anyway.
    """
    found = []
    for seq, change in zip(batch.seqs, batch.changes, strict=True):
        reason = check_change(change.entity, change.field, change.value, change.stamp)
        if reason is not None:
            found.append((seq, reason))
    return found


def settle(
    uow: UnitOfWork,
    group_id: uuid.UUID,
    seqs: Sequence[int],
    clamped: Mapping[int, str] | Iterable[tuple[int, str]],
) -> None:
    """Remove acknowledged rows; adopt the server's stamp for changes it clamped (``clamped``: log seq -> stamp).

    Adopting the clamped stamp keeps this replica comparing that field the same way as every other replica. A
    whole-record row is one seq for all its fields: its log row and the whole field_versions row holding its
    stamp take the clamped one (the greatest, should its fields come back with different stamps as pairs).
    """
    session = uow.session
    for start in range(0, len(seqs), 500):
        session.execute(
            delete(OutboxEntry).where(
                OutboxEntry.group_id == group_id, OutboxEntry.change_seq.in_(seqs[start : start + 500])
            )
        )
    for seq, stamp in _greatest_by_seq(clamped).items():
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


def _greatest_by_seq(clamped: Mapping[int, str] | Iterable[tuple[int, str]]) -> dict[int, str]:
    pairs = clamped.items() if isinstance(clamped, Mapping) else clamped
    greatest: dict[int, str] = {}
    for seq, stamp in pairs:
        if stamp > greatest.get(seq, ""):
            greatest[seq] = stamp
    return greatest


def drop(uow: UnitOfWork, group_id: uuid.UUID, seqs: Sequence[int]) -> None:
    """Stop sending changes the server refused for good (they stay in the local directory and its history)."""
    settle(uow, group_id, seqs, {})


def pending_count(db: Database, group_id: uuid.UUID | None = None) -> int:
    """Changes waiting to be sent (to one group, or to any)."""
    with db.read() as session:
        return count_pending(session, group_id)


def count_pending(session: Session, group_id: uuid.UUID | None = None) -> int:
    """:func:`pending_count` inside a transaction the caller already holds (one plain statement: every sync round
    asks, see :mod:`recommender.storage.driver`)."""
    if group_id is None:
        row = sqlite_of(session).execute("SELECT count(*) FROM outbox").fetchone()
    else:
        row = sqlite_of(session).execute("SELECT count(*) FROM outbox WHERE group_id = ?", (group_id.hex,)).fetchone()
    return int(row[0])
