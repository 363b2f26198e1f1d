"""The search results table: one row per ranked vendor, with its id under ``VendorIdRole``."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt

from recommender.engine.recommender import RankedVendor, Recommender
from ui.category_names import category_label
from ui.models.row_table import RowTableModel
from ui.reason_text import distance_text, reason_text

VendorIdRole = Qt.ItemDataRole.UserRole + 1
"""The vendor's UUID (a ``uuid.UUID``)."""

_Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NAME = 0
    CATEGORY = 1
    STARS = 2
    REASON = 3
    DISTANCE = 4


class _Row:
    """What a row shows, worked out once when the results arrive rather than on every paint."""

    __slots__ = ("category", "distance", "reason", "result", "stars")

    def __init__(self, engine: Recommender, result: RankedVendor, now: dt.datetime) -> None:
        self.result = result
        self.category = category_label(result.category)
        self.stars = f"★ {QLocale().toString(result.rating, 'f', 1)}" if result.review_count else ""
        self.reason = reason_text(engine, result, now)
        self.distance = "" if result.distance_km is None else distance_text(result.distance_km)


class ResultsModel(RowTableModel):
    """Ranked vendors, best first; the core has already searched, filtered and sorted them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._headers = {
            Column.NAME: self.tr("Name"),
            Column.CATEGORY: self.tr("Category"),
            Column.STARS: self.tr("Rating"),
            Column.REASON: self.tr("Why"),
            Column.DISTANCE: self.tr("Distance"),
        }

    def set_results(self, engine: Recommender, results: list[RankedVendor], now: dt.datetime | None = None) -> None:
        """Show these results in place of the current ones; ``now`` is when "open now" is judged (default: now)."""
        moment = now or dt.datetime.now()
        self.beginResetModel()
        self._rows = [_Row(engine, result, moment) for result in results]
        self.endResetModel()

    def result(self, row: int) -> RankedVendor:
        return self._rows[row].result

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.REASON:
            return row.reason
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(row, column) or self.tr("none")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in {Column.STARS, Column.DISTANCE}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == VendorIdRole:
            return row.result.id
        return None

    @staticmethod
    def _text(row: _Row, column: Column) -> str:
        match column:
            case Column.NAME:
                return row.result.name
            case Column.CATEGORY:
                return row.category
            case Column.STARS:
                return row.stars
            case Column.REASON:
                return row.reason
            case Column.DISTANCE:
                return row.distance
