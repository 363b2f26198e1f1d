"""Vendor ▸ Find duplicates: pairs that look like one vendor, why, and a merge that keeps reviews and history.

Finding and merging run on the database worker. A merge keeps the survivor (the one with more reviews, unless the
user swaps them), fills its empty fields from the other, moves the other's reviews over and deletes the other
through the change log, so the ranking refreshes at once and a group sees the same merge after a sync.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recommender.dedupe.dismissed import dismiss_pair
from recommender.dedupe.finder import DuplicateCandidate, find_duplicates
from recommender.dedupe.merge import MergeResult, merge_vendors, undo_merge
from recommender.dedupe.scoring import Evidence, Reason
from recommender.directory.errors import DirectoryError
from recommender.storage.changelog import Changes
from recommender.storage.database import Database
from ui.models.row_table import Index, RowTableModel
from ui.tasks import TaskRunner


def reason_text(reason: Reason) -> str:
    """One piece of evidence in the user's language."""
    value = f"{reason.value or 0:.0f}"
    texts = {
        Evidence.NAMES_ALIKE: QCoreApplication.translate("Duplicates", "names {percent}% alike"),
        Evidence.NEARBY: QCoreApplication.translate("Duplicates", "{metres} m apart"),
        Evidence.APART: QCoreApplication.translate("Duplicates", "{metres} m apart"),
        Evidence.SAME_PHONE: QCoreApplication.translate("Duplicates", "same phone number"),
        Evidence.DIFFERENT_PHONE: QCoreApplication.translate("Duplicates", "different phone numbers"),
        Evidence.SAME_WEBSITE: QCoreApplication.translate("Duplicates", "same website"),
        Evidence.DIFFERENT_WEBSITE: QCoreApplication.translate("Duplicates", "different websites"),
        Evidence.SAME_EMAIL: QCoreApplication.translate("Duplicates", "same e-mail address"),
        Evidence.SAME_CATEGORY: QCoreApplication.translate("Duplicates", "same category"),
        Evidence.DIFFERENT_CATEGORY: QCoreApplication.translate("Duplicates", "different categories"),
        Evidence.DIFFERENT_NUMBERS: QCoreApplication.translate("Duplicates", "different numbers in the names"),
    }
    return texts[reason.evidence].format(percent=value, metres=value)


def describe(candidate: DuplicateCandidate) -> str:
    ordered = sorted(candidate.reasons, key=lambda reason: -abs(reason.weight))
    return ", ".join(reason_text(reason) for reason in ordered)


def _find(db: Database) -> list[DuplicateCandidate]:
    with db.read() as session:
        return find_duplicates(session)


def _merge(db: Database, survivor_id: uuid.UUID, duplicate_id: uuid.UUID) -> MergeResult:
    with db.write() as uow:
        return merge_vendors(uow, survivor_id, duplicate_id)


def _dismiss(db: Database, first_id: uuid.UUID, second_id: uuid.UUID) -> None:
    with db.write() as uow:
        dismiss_pair(uow, first_id, second_id)


def _undo(db: Database, result: MergeResult) -> Changes:
    with db.write() as uow:
        return undo_merge(uow, result)


class DuplicatesModel(RowTableModel):
    """Candidate pairs, most certain first: the vendor kept, the one merged into it, how sure, and why."""

    KEEP, MERGE, SURE, WHY = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DuplicateCandidate] = []
        self._headers = {
            self.KEEP: self.tr("Keep"),
            self.MERGE: self.tr("Merge into it"),
            self.SURE: self.tr("Likelihood"),
            self.WHY: self.tr("Why"),
        }

    def set_candidates(self, candidates: list[DuplicateCandidate]) -> None:
        self.beginResetModel()
        self._rows = list(candidates)
        self.endResetModel()

    def candidate(self, row: int) -> DuplicateCandidate:
        return self._rows[row]

    def swap(self, row: int) -> None:
        """Keep the other vendor of this pair instead."""
        pair = self._rows[row]
        self._rows[row] = replace(
            pair,
            survivor_id=pair.duplicate_id,
            duplicate_id=pair.survivor_id,
            survivor_name=pair.duplicate_name,
            duplicate_name=pair.survivor_name,
        )
        self.dataChanged.emit(self.index(row, self.KEEP), self.index(row, self.MERGE))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def remove_vendor(self, vendor_id: uuid.UUID) -> None:
        """Drop every pair that involves a vendor that no longer exists (it was merged away)."""
        for row in reversed(range(len(self._rows))):
            if vendor_id in (self._rows[row].survivor_id, self._rows[row].duplicate_id):
                self.remove(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        pair = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.KEEP:
                return pair.survivor_name
            if column == self.MERGE:
                return pair.duplicate_name
            if column == self.SURE:
                return f"{pair.score:.0%}"
            return describe(pair)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.SURE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DuplicatesDialog(QDialog):
    """Lists likely duplicates; "Merge" keeps the first vendor, "Keep the other" swaps, "Not the same" hides the
    pair for good."""

    merged = Signal(object)
    """A pair was merged (``MergeResult``; its ``changes`` refresh the ranking)."""
    unmerged = Signal(object)
    """The last merge was taken back (the ``Changes`` that refresh the ranking)."""
    searched = Signal()
    """The list of candidates has been filled."""

    def __init__(self, tasks: TaskRunner, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.db = tasks, db
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(820, 420)
        self.status_label = QLabel(self.tr("Looking for vendors listed twice…"), self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.model = DuplicatesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Possible duplicates"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(DuplicatesModel.WHY, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_table_activated)
        self._merges: list[tuple[DuplicateCandidate, MergeResult]] = []
        """Merges made in this dialog, newest last, for Undo."""
        self.merge_button = QPushButton(self.tr("&Merge"), self)
        self.merge_button.setToolTip(self.tr("Keep the first vendor, with the reviews and details of both"))
        self.swap_button = QPushButton(self.tr("Keep the &other"), self)
        self.dismiss_button = QPushButton(self.tr("&Not the same"), self)
        self.undo_button = QPushButton(self.tr("&Undo merge"), self)
        self.undo_button.setToolTip(self.tr("Bring back the vendor merged last, with its reviews"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.merge_button, self.swap_button, self.dismiss_button, self.undo_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last_merge)
        buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.merge_selected)
        self.swap_button.clicked.connect(self._on_swap_button_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._busy = False
        task = tasks.run_database(partial(_find, db), name="find duplicates")
        task.succeeded.connect(self._on_find_task_succeeded)
        task.failed.connect(self._on_task_failed)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    @Slot(object)
    def _on_find_task_succeeded(self, candidates: list[DuplicateCandidate]) -> None:
        self.model.set_candidates(candidates)
        if candidates:
            self.status_label.setText(
                self.tr("{count} pairs may be the same vendor. Merging keeps every review.").format(
                    count=len(candidates)
                )
            )
            self.table.selectRow(0)
            self.table.setFocus()
        else:
            self.status_label.setText(self.tr("No duplicates found."))
        self.searched.emit()

    @Slot(object)
    def _on_task_failed(self, error: Exception) -> None:
        self._busy = False
        self._update_buttons()
        if not isinstance(error, DirectoryError):
            raise error
        self.status_label.setText(self.tr("Could not merge: {reason}").format(reason=str(error)))

    @Slot(QModelIndex)
    def _on_table_activated(self, _index: QModelIndex) -> None:
        self.merge_selected()

    @Slot()
    def merge_selected(self) -> None:
        row = self.selected_row()
        if row is None or self._busy:
            return
        pair = self.model.candidate(row)
        self._busy = True
        self._update_buttons()
        task = self.tasks.run_database(partial(_merge, self.db, pair.survivor_id, pair.duplicate_id), name="merge")
        task.succeeded.connect(partial(self._on_merge_task_succeeded, pair))
        task.failed.connect(self._on_task_failed)

    def _on_merge_task_succeeded(self, pair: DuplicateCandidate, result: MergeResult) -> None:
        self._busy = False
        self._merges.append((pair, result))
        self.model.remove_vendor(pair.duplicate_id)
        moved = result.moved_reviews
        self.status_label.setText(
            self.tr("Merged “{duplicate}” into “{survivor}”: {moved} reviews moved.").format(
                duplicate=pair.duplicate_name, survivor=pair.survivor_name, moved=moved
            )
        )
        if self.model.rowCount():
            self.table.selectRow(0)
        self.merged.emit(result)

    @Slot()
    def undo_last_merge(self) -> None:
        if not self._merges or self._busy:
            return
        pair, result = self._merges.pop()
        self._busy = True
        self._update_buttons()
        task = self.tasks.run_database(partial(_undo, self.db, result), name="undo merge")
        task.succeeded.connect(partial(self._on_undo_task_succeeded, pair))
        task.failed.connect(self._on_task_failed)

    def _on_undo_task_succeeded(self, pair: DuplicateCandidate, changes: Changes) -> None:
        self._busy = False
        self.status_label.setText(
            self.tr("“{duplicate}” is back, with its reviews.").format(duplicate=pair.duplicate_name)
        )
        self.unmerged.emit(changes)
        self._update_buttons()

    @Slot()
    def _on_swap_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.model.swap(row)

    @Slot()
    def _on_dismiss_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            # Remembered for this install, so the next search does not offer the pair again.
            pair = self.model.candidate(row)
            task = self.tasks.run_database(
                partial(_dismiss, self.db, pair.survivor_id, pair.duplicate_id), name="dismiss duplicate"
            )
            task.failed.connect(self._on_task_failed)
            self.model.remove(row)
            if self.model.rowCount():
                self.table.selectRow(min(row, self.model.rowCount() - 1))

    @Slot()
    def _update_buttons(self) -> None:
        enabled = self.selected_row() is not None and not self._busy
        for button in (self.merge_button, self.swap_button, self.dismiss_button):
            button.setEnabled(enabled)
        self.undo_button.setEnabled(bool(self._merges) and not self._busy)
