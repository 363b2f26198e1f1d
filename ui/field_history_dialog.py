"""A vendor's field history: each field's values over time, who set them, which won, and concurrent edits."""

from __future__ import annotations

import enum
import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from recommender.storage.database import Database
from recommender.sync.history import FieldHistory, FieldValue, ValueState, record_history
from ui.category_names import category_label
from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
# The vendor form's order; bookkeeping fields last.
FIELD_ORDER = (
    "name",
    "category",
    "phone",
    "email",
    "website",
    "address",
    "lat",
    "lon",
    "service_area",
    "service_radius_km",
    "opening_hours",
    "notes",
    "deleted",
    "source",
    "source_id",
    "attribution",
)


class Column(enum.IntEnum):
    FIELD = 0
    VALUE = 1
    WRITTEN = 2
    WRITER = 3
    STATE = 4


def read_vendor_history(db: Database, vendor_id: uuid.UUID) -> list[FieldHistory]:
    """Every logged value of the vendor's fields (runs on the database worker)."""
    with db.read() as session:
        return record_history(session, "vendors", vendor_id)


def field_label(field: str) -> str:
    labels = {
        "name": QCoreApplication.translate("FieldHistory", "Name"),
        "category": QCoreApplication.translate("FieldHistory", "Category"),
        "address": QCoreApplication.translate("FieldHistory", "Address"),
        "lat": QCoreApplication.translate("FieldHistory", "Latitude"),
        "lon": QCoreApplication.translate("FieldHistory", "Longitude"),
        "service_area": QCoreApplication.translate("FieldHistory", "Service area"),
        "service_radius_km": QCoreApplication.translate("FieldHistory", "Service radius (km)"),
        "phone": QCoreApplication.translate("FieldHistory", "Phone"),
        "email": QCoreApplication.translate("FieldHistory", "Email"),
        "website": QCoreApplication.translate("FieldHistory", "Website"),
        "opening_hours": QCoreApplication.translate("FieldHistory", "Opening hours"),
        "notes": QCoreApplication.translate("FieldHistory", "Notes"),
        "source": QCoreApplication.translate("FieldHistory", "Source"),
        "source_id": QCoreApplication.translate("FieldHistory", "Source id"),
        "attribution": QCoreApplication.translate("FieldHistory", "Attribution"),
        "deleted": QCoreApplication.translate("FieldHistory", "Deleted"),
    }
    return labels.get(field, field)


def value_text(field: str, value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("FieldHistory", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("FieldHistory", "yes")
            if value
            else QCoreApplication.translate("FieldHistory", "no")
        )
    if field == "category":
        return category_label(str(value))
    return str(value)


def writer_text(value: FieldValue) -> str:
    writer = value.writer
    if writer.this_device:
        return QCoreApplication.translate("FieldHistory", "You (this device)")
    if writer.name:
        return writer.name
    return QCoreApplication.translate("FieldHistory", "Another device ({device})").format(device=writer.device)


def state_text(value: FieldValue) -> str:
    concurrent = bool(value.concurrent_with)
    if value.state is ValueState.CURRENT:
        if concurrent:
            return QCoreApplication.translate("FieldHistory", "Current: won over a concurrent edit")
        return QCoreApplication.translate("FieldHistory", "Current")
    if concurrent:
        return QCoreApplication.translate("FieldHistory", "Concurrent edit: lost to a later one (kept here)")
    if value.state is ValueState.ARRIVED_LATE:
        return QCoreApplication.translate("FieldHistory", "Arrived after a newer value")
    return QCoreApplication.translate("FieldHistory", "Replaced by a later edit")


class FieldHistoryModel(QAbstractTableModel):
    """One row per value, grouped by field, latest value of each field first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FieldValue] = []
        self._fields: list[str] = []

    def set_histories(self, histories: list[FieldHistory]) -> None:
        """Show the fields that changed first (in the form's order), then those that kept their first value."""
        histories = sorted(histories, key=_display_order)
        self.beginResetModel()
        self._rows = [value for history in histories for value in history.values]
        self._fields = [history.field for history in histories for _ in history.values]
        self.endResetModel()

    def value_at(self, row: int) -> tuple[str, FieldValue]:
        return self._fields[row], self._rows[row]

    def _changed(self, row: int) -> bool:
        """Whether the row's field has had more than one value (rows of a field are adjacent)."""
        field = self._fields[row]
        return any(self._fields[near] == field for near in (row - 1, row + 1) if 0 <= near < len(self._fields))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        titles = {
            Column.FIELD: self.tr("Field"),
            Column.VALUE: self.tr("Value"),
            Column.WRITTEN: self.tr("Written"),
            Column.WRITER: self.tr("By"),
            Column.STATE: self.tr("What happened"),
        }
        return titles[Column(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        field, value = self._fields[index.row()], self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.FIELD:
                first = index.row() == 0 or self._fields[index.row() - 1] != field
                return field_label(field) if first else ""
            if column is Column.VALUE:
                return value_text(field, value.value)
            if column is Column.WRITTEN:
                return value.written_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if column is Column.WRITER:
                return writer_text(value)
            return state_text(value)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.FIELD:
            return field_label(field)
        if role == Qt.ItemDataRole.FontRole and value.state is ValueState.CURRENT and self._changed(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None


def _display_order(history: FieldHistory) -> tuple[bool, int, str]:
    position = FIELD_ORDER.index(history.field) if history.field in FIELD_ORDER else len(FIELD_ORDER)
    return len(history.values) == 1, position, history.field


class FieldHistoryDialog(QDialog):
    """Shows a vendor's field history read on the database worker."""

    history_loaded = Signal()

    def __init__(self, tasks: TaskRunner, db: Database, vendor_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change history"))
        self.setAccessibleName(self.windowTitle())
        self.resize(820, 460)
        self.histories: list[FieldHistory] = []
        self.summary_label = QLabel(self.tr("Reading the history…"), self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.model = FieldHistoryModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Values of each field over time"))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.horizontalHeader().setSectionResizeMode(Column.VALUE, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        task = tasks.run_database(partial(read_vendor_history, db, vendor_id), name="read history")
        task.succeeded.connect(self._on_read_task_succeeded)

    @Slot(object)
    def _on_read_task_succeeded(self, histories: list[FieldHistory]) -> None:
        self.histories = histories
        self.model.set_histories(histories)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(Column.VALUE, QHeaderView.ResizeMode.Stretch)
        concurrent = [field_label(history.field) for history in histories if history.has_concurrent_edits]
        if not histories:
            self.summary_label.setText(self.tr("No changes have been recorded for this vendor."))
        elif concurrent:
            self.summary_label.setText(
                self.tr(
                    "Concurrent edits (made without seeing each other) in: {fields}. The later edit won everywhere; "
                    "the other value is kept here."
                ).format(fields=", ".join(concurrent))
            )
        else:
            self.summary_label.setText(self.tr("No concurrent edits are known to this computer."))
        self.view.setFocus()
        self.history_loaded.emit()
