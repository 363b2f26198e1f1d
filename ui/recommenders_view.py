"""The most relied-upon recommenders in my network: whose reviews carry most weight for me, and through whom."""

from __future__ import annotations

import enum
import uuid
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from recommender.engine.recommender import Recommender
from recommender.engine.recommenders import ReliedUponRecommender, most_relied_upon
from ui.models.row_table import RowTableModel

PersonIdRole = Qt.ItemDataRole.UserRole + 1
"""The person's UUID (a ``uuid.UUID``)."""

# The panel answers "who shapes what I see?": a short list says it, a long one hides it.
SHOWN = 20

_Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NAME = 0
    WEIGHT = 1
    REVIEWS = 2
    PATH = 3


class RecommendersModel(RowTableModel):
    """Recommenders ranked by the core, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReliedUponRecommender] = []
        self._headers = {
            Column.NAME: self.tr("Name"),
            Column.WEIGHT: self.tr("Weight"),
            Column.REVIEWS: self.tr("Reviews"),
            Column.PATH: self.tr("How you're connected"),
        }

    def set_recommenders(self, recommenders: list[ReliedUponRecommender]) -> None:
        self.beginResetModel()
        self._rows = list(recommenders)
        self.endResetModel()

    def recommender(self, row: int) -> ReliedUponRecommender:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role in {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole}:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in {Column.WEIGHT, Column.REVIEWS}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PersonIdRole:
            return row.id
        return None

    def _text(self, row: ReliedUponRecommender, column: Column) -> str:
        match column:
            case Column.NAME:
                return row.name
            case Column.WEIGHT:
                return f"{row.weight:.2f}"
            case Column.REVIEWS:
                return str(row.review_count)
            case Column.PATH:
                if len(row.path) < 2:
                    return self.tr("like-minded")
                return " → ".join([self.tr("you"), *row.path[1:]])


class RecommendersView(QWidget):
    """Lists the people whose reviews count most for me; activating one asks to show them."""

    person_activated = Signal(uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Most relied-upon recommenders"))
        self.model = RecommendersModel(self)
        self.heading = QLabel(self.tr("The people whose reviews count most for you"), self)
        self.empty_label = QLabel(self.tr("Trust some contacts to see whose reviews you rely on."), self)
        self.empty_label.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Recommenders"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._on_table_activated)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.empty_label, self.table):
            layout.addWidget(widget)

    def set_engine(self, engine: Recommender) -> None:
        """Recompute the list as this engine sees the network (cheap: arrays only, no database)."""
        self.model.set_recommenders(most_relied_upon(engine, limit=SHOWN))
        self.empty_label.setVisible(self.model.rowCount() == 0)

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        self.person_activated.emit(self.model.recommender(index.row()).id)
