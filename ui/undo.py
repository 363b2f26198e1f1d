"""Delete vendors and reviews with undo: a tombstone keeps every value, so restoring brings all of it back."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence

from recommender.directory.errors import DirectoryError
from recommender.directory.reviews import delete_review, restore_review
from recommender.directory.vendors import delete_vendor, restore_vendor
from recommender.storage.changelog import Changes
from recommender.storage.database import Database, UnitOfWork
from ui.tasks import TaskRunner

# Deletes past this many cannot be undone any more; a session rarely gets near it.
UNDO_DEPTH = 50


class Kind(enum.Enum):
    VENDOR = "vendor"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class Deletion:
    """One delete that can be undone."""

    kind: Kind
    record_id: uuid.UUID


_DELETE: dict[Kind, Callable[[UnitOfWork, uuid.UUID], Changes]] = {
    Kind.VENDOR: delete_vendor,
    Kind.REVIEW: delete_review,
}
_RESTORE: dict[Kind, Callable[[UnitOfWork, uuid.UUID], Changes]] = {
    Kind.VENDOR: restore_vendor,
    Kind.REVIEW: restore_review,
}


def _write(db: Database, operation: Callable[[UnitOfWork, uuid.UUID], Changes], record_id: uuid.UUID) -> Changes:
    """Run one delete or restore in its own transaction (on the database worker)."""
    with db.write() as uow:
        return operation(uow, record_id)


class UndoableDeletes(QObject):
    """Deletes vendors and reviews through the database worker and remembers them, newest first, for undo."""

    changed = Signal(object)
    """A delete or an undo was stored; carries the write's ``Changes`` (pass them to ``refreshed``)."""
    failed = Signal(str)
    """A delete or undo was refused (the record had gone meanwhile); carries a message for the user."""

    def __init__(self, tasks: TaskRunner, db: Database | None = None, parent: QObject | None = None) -> None:
        """``db`` may follow with :meth:`set_database` once the directory has loaded."""
        super().__init__(parent)
        self.tasks = tasks
        self.db = db
        self._done: list[Deletion] = []
        # Writes submitted and not yet answered: undo waits for them, so it never races a delete.
        self._pending = 0
        self.undo_action = QAction(self.tr("&Undo delete"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setToolTip(self.tr("Bring back what was deleted last"))
        self.undo_action.triggered.connect(self._on_undo_action_triggered)
        self._update_action()

    @property
    def can_undo(self) -> bool:
        """True when a delete is remembered and no write of this object is under way."""
        return bool(self._done) and not self._pending

    def set_database(self, db: Database) -> None:
        """Work on another database; deletes remembered from the previous one can no longer be undone."""
        self.db = db
        self._done.clear()
        self._update_action()

    def delete_vendor(self, vendor_id: uuid.UUID) -> None:
        self._start(Deletion(Kind.VENDOR, vendor_id), undo=False)

    def delete_review(self, review_id: uuid.UUID) -> None:
        self._start(Deletion(Kind.REVIEW, review_id), undo=False)

    def undo(self) -> None:
        """Restore the most recent delete (nothing happens when there is nothing to undo)."""
        if self.can_undo:
            self._start(self._done[-1], undo=True)

    def _start(self, deletion: Deletion, *, undo: bool) -> None:
        assert self.db is not None, "set_database() first"
        self._pending += 1
        self._update_action()
        operation = (_RESTORE if undo else _DELETE)[deletion.kind]
        task = self.tasks.run_database(
            partial(_write, self.db, operation, deletion.record_id), name=f"{'undo ' if undo else ''}delete"
        )
        task.succeeded.connect(partial(self._on_write_task_succeeded, deletion, undo))
        task.failed.connect(partial(self._on_write_task_failed, deletion, undo))

    def _on_write_task_succeeded(self, deletion: Deletion, undo: bool, changes: Changes) -> None:
        self._pending -= 1
        if undo:
            self._forget(deletion)
        else:
            self._done.append(deletion)
            del self._done[:-UNDO_DEPTH]
        self._update_action()
        self.changed.emit(changes)

    def _on_write_task_failed(self, deletion: Deletion, undo: bool, error: Exception) -> None:
        self._pending -= 1
        if not isinstance(error, DirectoryError):
            self._update_action()
            raise error
        if undo:
            # It cannot come back (say a sync removed it for good): stop offering to restore it.
            self._forget(deletion)
            message = self.tr("That can no longer be undone.")
        elif deletion.kind is Kind.VENDOR:
            message = self.tr("This vendor is no longer in the directory.")
        else:
            message = self.tr("This review no longer exists.")
        self._update_action()
        self.failed.emit(message)

    def _forget(self, deletion: Deletion) -> None:
        # The database was switched while the undo ran: the history it belonged to is gone already.
        if deletion in self._done:
            self._done.remove(deletion)

    @Slot()
    def _on_undo_action_triggered(self) -> None:
        self.undo()

    def _update_action(self) -> None:
        self.undo_action.setEnabled(self.can_undo)
        if self._done:
            last = self._done[-1].kind
            text = self.tr("&Undo delete vendor") if last is Kind.VENDOR else self.tr("&Undo delete review")
        else:
            text = self.tr("&Undo delete")
        self.undo_action.setText(text)
