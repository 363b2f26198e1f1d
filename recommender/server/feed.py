"""A group's change feed: accepting pushes exactly once and serving pulls in sequence order.

Sequence numbers are allocated with ``UPDATE ... SET last_seq = last_seq + n RETURNING`` in the transaction that
inserts the changes. The group's row stays locked until commit, so a push that commits later always carries
higher numbers than one a client may already have read: cursors never skip a change.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, String, bindparam, cast, insert, select, update
from sqlalchemy.orm import Session

from recommender.server import ownership, schemas
from recommender.server.access import Caller
from recommender.server.models import RecordOwner, ServerChange, SyncGroup
from recommender.storage.hlc import Stamp
from recommender.sync.wire import check_change, edit_size_problems

# Stamps more than this far ahead of the server's clock are clamped: one device with a clock set years ahead
# must not win every later edit of the fields it touched.
FUTURE_LIMIT_MS = 3_600_000
# Changes read past a full page so that the fields of one edit are never split across two pages.
_PAGE_TAIL = 64
# A pull page's values in bytes: an initial pull of 10k ordinary vendors is a few pages of this; a group full of
# 10,000-character notes is many pages, not one of hundreds of megabytes.
MAX_PAGE_BYTES = 4 * 1024 * 1024
# What a field change adds to a page besides its value (field name, and its share of the edit's id and stamp).
_ROW_BYTES = 16


class PushRefused(Exception):
    """Changes the caller may not write; nothing of the batch was stored."""

    def __init__(self, rejected: list[schemas.Rejected]):
        super().__init__(f"{len(rejected)} change(s) refused")
        self.rejected = rejected


class InvalidChanges(Exception):
    """Changes that are not valid values of their field: (position in the batch, reason) for each."""

    def __init__(self, problems: list[tuple[int, str]]):
        super().__init__("; ".join(f"changes[{index}]: {reason}" for index, reason in problems[:10]))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class _Incoming:
    index: int
    change: schemas.Change
    stamp: str
    value_json: str


def push(
    session: Session, caller: Caller, changes: Sequence[schemas.Change], now_ms: Callable[[], int]
) -> schemas.PushResult:
    problems = [
        (index, reason)
        for index, change in enumerate(changes)
        if (reason := check_change(change.entity, change.field, change.value, change.stamp)) is not None
    ]
    if problems or (problems := edit_size_problems(changes)):
        raise InvalidChanges(problems)
    # Take the group's lock first: everything below sees every push committed before ours.
    session.execute(update(SyncGroup).where(SyncGroup.id == caller.group_id).values(last_seq=SyncGroup.last_seq))
    known = _known_stamps(session, caller.group_id, changes)
    clamped_to = _clamped_stamps(changes, now_ms() + FUTURE_LIMIT_MS)
    fresh: dict[tuple[str, uuid.UUID, str, str], _Incoming] = {}
    clamped: list[schemas.Clamped] = []
    duplicates = 0
    for index, change in enumerate(changes):
        key = (change.entity, change.record_id, change.field, change.stamp)
        stored = known.get(key)
        if stored is not None or key in fresh:
            duplicates += 1
            stamp = stored if stored is not None else fresh[key].stamp
        else:
            stamp = clamped_to.get(change.stamp, change.stamp)
            fresh[key] = _Incoming(index, change, stamp, json.dumps(change.value, separators=(",", ":")))
        if stamp != change.stamp:
            clamped.append(schemas.Clamped(index=index, stamp=stamp))
    new_owners = ownership.check(session, caller, list(fresh.values()))
    last_seq = session.scalar(
        update(SyncGroup)
        .where(SyncGroup.id == caller.group_id)
        .values(last_seq=SyncGroup.last_seq + len(fresh))
        .returning(SyncGroup.last_seq)
    )
    assert last_seq is not None
    first = last_seq - len(fresh) + 1
    if fresh:
        # Core executemany: the ORM's bulk path costs several times more per row.
        session.connection().execute(
            insert(ServerChange),
            [
                {
                    "group_id": caller.group_id,
                    "seq": first + offset,
                    "entity": item.change.entity,
                    "record_id": item.change.record_id,
                    "field": item.change.field,
                    "value_json": item.value_json,
                    "stamp": item.stamp,
                    "sent_stamp": item.change.stamp,
                    "device_id": caller.device_id,
                }
                for offset, item in enumerate(fresh.values())
            ],
        )
    if new_owners:
        session.connection().execute(insert(RecordOwner), new_owners)
    return schemas.PushResult(accepted=len(fresh), duplicates=duplicates, last_seq=last_seq, clamped=clamped)


def _known_stamps(
    session: Session, group_id: uuid.UUID, changes: Sequence[schemas.Change]
) -> dict[tuple[str, uuid.UUID, str, str], str]:
    """The stored stamp of every change in the batch the server already has, by the change's identity."""
    sent = sorted({change.stamp for change in changes})
    known: dict[tuple[str, uuid.UUID, str, str], str] = {}
    # Chunks keep the IN list within every database's parameter limit.
    for start in range(0, len(sent), 500):
        rows = session.execute(
            select(
                ServerChange.entity,
                ServerChange.record_id,
                ServerChange.field,
                ServerChange.sent_stamp,
                ServerChange.stamp,
            ).where(ServerChange.group_id == group_id, ServerChange.sent_stamp.in_(sent[start : start + 500]))
        )
        for entity, record_id, field, sent_stamp, stamp in rows:
            known[(entity, record_id, field, sent_stamp)] = stamp
    return known


def _clamped_stamps(changes: Sequence[schemas.Change], limit_ms: int) -> dict[str, str]:
    """The stamp each far-future stamp of the batch becomes; stamps within the limit are not in the result.

    The fields of one edit share a stamp and keep sharing one. Ranking the distinct stamps keeps the clamped
    edits of one push distinct and in the order the device made them.
    """
    # Encoded stamps start with 15 digits of wall-clock milliseconds (validated before this is called).
    future = sorted({change.stamp for change in changes if int(change.stamp[:15]) > limit_ms})
    return {
        sent: Stamp(limit_ms, rank % 1_000_000, Stamp.decode(sent).device).encode() for rank, sent in enumerate(future)
    }


# Built once with bound parameters: a device polls every minute, and building these expressions per request cost
# more than running them.
_NEWEST = select(SyncGroup.last_seq).where(SyncGroup.id == bindparam("group_id"))
# The id as text: the ORM's per-row objects and UUID conversions cost more than the rest of a page together
# (160k changes: 1.3 s before, see ``grapevine bench sync``).
_FEED = (
    select(
        ServerChange.seq,
        ServerChange.entity,
        cast(ServerChange.record_id, String),
        ServerChange.field,
        ServerChange.value_json,
        ServerChange.stamp,
    )
    .where(ServerChange.group_id == bindparam("group_id"), ServerChange.seq > bindparam("since"))
    .order_by(ServerChange.seq)
    .limit(bindparam("limit"))
)


def newest_seq(connection: Connection | Session, group_id: uuid.UUID) -> int:
    """The group's newest sequence number: a pull from ``since`` has ``newest_seq - since`` changes to send."""
    return connection.execute(_NEWEST, {"group_id": group_id}).scalar() or 0


def pull_page(
    connection: Connection, group_id: uuid.UUID, since: int, limit: int, newest: int, max_bytes: int = MAX_PAGE_BYTES
) -> bytes:
    """A page of edits after ``since`` as compact JSON (a :class:`schemas.PullPage`), built without re-encoding.

    ``limit`` counts field changes and ``max_bytes`` their values' size, so a page stays bounded however large
    the values or however the changes group into edits (a page ends after the edit that crosses ``max_bytes``;
    one edit is at most a record). ``newest`` is :func:`newest_seq`, read by the caller in the same snapshot.
    """
    rows: list[Any] = []
    size = 0
    # Read row by row (a server-side cursor on PostgreSQL): a page of large notes is never held whole.
    result = connection.execution_options(stream_results=True).execute(
        _FEED, {"group_id": group_id, "since": since, "limit": limit}
    )
    for row in result:
        if size >= max_bytes and (row[1], row[2], row[5]) != (rows[-1][1], rows[-1][2], rows[-1][5]):
            break
        rows.append(row)
        size += len(row[4]) + _ROW_BYTES
    result.close()
    if len(rows) == limit:
        _, entity, record_id, _, _, stamp = rows[-1]
        tail = {"group_id": group_id, "since": rows[-1][0], "limit": _PAGE_TAIL}
        for row in connection.execute(_FEED, tail):
            if (row[1], row[2], row[5]) != (entity, record_id, stamp):
                break
            rows.append(row)
    next_since = rows[-1][0] if rows else min(since, newest)
    body = ",".join(_edits_json(rows))
    has_more = "true" if next_since < newest else "false"
    return f'{{"edits":[{body}],"next_since":{next_since},"last_seq":{newest},"has_more":{has_more}}}'.encode()


def _edits_json(rows: Sequence[Any]) -> Iterator[str]:
    """Consecutive changes of one record with one stamp (one edit) as ``[seq, entity, id, stamp, {field: value}]``.

    ``seq`` is the edit's last. Entities, ids, field names and stamps were validated on the way in: none needs
    escaping, and the stored values are JSON already.
    """
    key: tuple[str, str, str] | None = None
    seq = 0
    fields: dict[str, str] = {}
    for row_seq, entity, record_id, name, value_json, stamp in rows:
        if (entity, record_id, stamp) != key or name in fields:
            if key is not None:
                yield _edit_json(seq, key, fields)
            key, fields = (entity, record_id, stamp), {}
        seq = row_seq
        fields[name] = value_json
    if key is not None:
        yield _edit_json(seq, key, fields)


def _edit_json(seq: int, key: tuple[str, str, str], fields: dict[str, str]) -> str:
    entity, record_id, stamp = key
    values = ",".join(f'"{name}":{value_json}' for name, value_json in fields.items())
    return f'[{seq},"{entity}","{_dashed(record_id)}","{stamp}",{{{values}}}]'


def _dashed(record_id: str) -> str:
    """The canonical UUID text: SQLite stores ids as 32 hex digits, PostgreSQL returns them dashed already."""
    if len(record_id) != 32:
        return record_id
    return f"{record_id[:8]}-{record_id[8:12]}-{record_id[12:16]}-{record_id[16:20]}-{record_id[20:]}"
