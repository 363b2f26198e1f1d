"""Lookups and tombstones shared by the directory services."""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy.orm import Session

from recommender.directory.errors import NotFoundError
from recommender.storage.changelog import Changes, SyncedRecord, entity_name
from recommender.storage.database import UnitOfWork

Record = TypeVar("Record", bound=SyncedRecord)


def load(session: Session, model: type[Record], record_id: uuid.UUID, *, deleted_ok: bool = False) -> Record:
    """The record with this id; deleted records count as missing unless ``deleted_ok``."""
    record = session.get(model, record_id)
    if record is None or (record.deleted and not deleted_ok):
        raise NotFoundError(entity_name(model), record_id)
    return record


def set_deleted(uow: UnitOfWork, model: type[SyncedRecord], record_id: uuid.UUID, deleted: bool) -> Changes:
    """Delete (tombstone) or restore a record; its field values are kept either way, so undo is exact."""
    record = load(uow.session, model, record_id, deleted_ok=True)
    uow.recorder.update(record, {"deleted": deleted})
    return uow.changes
