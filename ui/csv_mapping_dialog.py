"""The CSV import's mapping step: the first rows of the file, and which column fills which vendor field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recommender.importers.csv_import import FIELDS, REQUIRED_FIELDS, CsvPreview
from recommender.importers.registry import ImportOptions
from ui.form_errors import problem_label
from ui.import_options_dialog import category_combo

Index = QModelIndex | QPersistentModelIndex
# Fields side by side in this many columns of (label, combo) pairs, so a dozen fit without scrolling.
FORM_COLUMNS = 2


def field_label(field: str) -> str:
    """A vendor field's name as the mapping step shows it."""
    translate = QCoreApplication.translate
    labels = {
        "name": translate("CsvMappingDialog", "Name"),
        "category": translate("CsvMappingDialog", "Category"),
        "address": translate("CsvMappingDialog", "Address"),
        "lat": translate("CsvMappingDialog", "Latitude"),
        "lon": translate("CsvMappingDialog", "Longitude"),
        "phone": translate("CsvMappingDialog", "Phone"),
        "email": translate("CsvMappingDialog", "Email"),
        "website": translate("CsvMappingDialog", "Website"),
        "opening_hours": translate("CsvMappingDialog", "Opening hours"),
        "notes": translate("CsvMappingDialog", "Notes"),
        "service_area": translate("CsvMappingDialog", "Service area"),
        "service_radius_km": translate("CsvMappingDialog", "Service radius (km)"),
    }
    return labels.get(field, field)


class CsvPreviewModel(QAbstractTableModel):
    """The file's first rows under its own headers, each header saying which field it fills."""

    def __init__(self, preview: CsvPreview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header = preview.header
        self._rows = preview.rows
        self._fields: dict[int, str] = {}
        """Column number -> the field it fills."""

    def set_mapping(self, mapping: dict[str, str]) -> None:
        """Show under each column header the field the user chose for it."""
        columns = {column: index for index, column in enumerate(self._header)}
        self._fields = {columns[column]: field for field, column in mapping.items() if column in columns}
        if self._header:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._header) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        # A short row leaves its last cells empty, as the importer reads it.
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._rows) else None
        if not 0 <= section < len(self._header):
            return None
        field = self._fields.get(section)
        column = self._header[section]
        return f"{column}\n→ {field_label(field)}" if field is not None else column

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class CsvMappingDialog(QDialog):
    """Pick the column for each vendor field (pre-filled from the headers); Import goes on, Cancel stops."""

    options_chosen = Signal(object)
    """The user chose to import with this mapping (``ImportOptions``)."""

    def __init__(self, path: Path, preview: CsvPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        self.setAccessibleName(self.windowTitle())
        self.resize(760, 560)
        self.intro_label = QLabel(
            self.tr(
                "{file} has {rows} rows. Choose the column that fills each vendor field; "
                "name and category are required."
            ).format(file=path.name, rows=preview.total_rows),
            self,
        )
        self.intro_label.setWordWrap(True)
        self.model = CsvPreviewModel(preview, self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("First rows of the file"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)

        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for number, field in enumerate(FIELDS):
            combo = QComboBox(self)
            combo.setAccessibleName(self.tr("Column for {field}").format(field=field_label(field)))
            combo.addItem(self.tr("(not in this file)"), None)
            for column in preview.header:
                combo.addItem(column, column)
            guessed = preview.mapping.get(field)
            if guessed is not None:
                combo.setCurrentIndex(combo.findData(guessed))
            combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
            self.combos[field] = combo
            name = field_label(field)
            if field in REQUIRED_FIELDS:
                name = self.tr("{field} (required)").format(field=name)
            label = QLabel(self.tr("{field}:").format(field=name), self)
            label.setBuddy(combo)
            row, pair = divmod(number, FORM_COLUMNS)
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(combo, row, pair * 2 + 1)
        self.fallback_box = category_combo(
            self,
            self.tr("None: a row without a category stops the import"),
            self.tr("Category for rows with an empty one"),
        )
        fallback_label = QLabel(self.tr("Category for rows with an &empty one:"), self)
        fallback_label.setBuddy(self.fallback_box)
        grid.addWidget(fallback_label, len(FIELDS) // FORM_COLUMNS + 1, 0)
        grid.addWidget(self.fallback_box, len(FIELDS) // FORM_COLUMNS + 1, 1, 1, FORM_COLUMNS * 2 - 1)

        self.error_label = problem_label(self, self.tr("Problem with the mapping"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.model.set_mapping(self.mapping())

    def mapping(self) -> dict[str, str]:
        """Our field -> the file's column; "" for a field set to "(not in this file)", which stays empty."""
        chosen = {field: combo.currentData() for field, combo in self.combos.items()}
        return {field: "" if column is None else column for field, column in chosen.items()}

    def problem(self) -> str | None:
        """Why the mapping cannot be imported as it stands, or None."""
        mapping = self.mapping()
        for field in REQUIRED_FIELDS:
            if not mapping.get(field):
                return self.tr("Choose the column that holds each vendor's {field}.").format(
                    field=field_label(field).lower()
                )
        seen: dict[str, str] = {}
        for field, column in mapping.items():
            if not column:
                continue
            if column in seen:
                return self.tr("Column “{column}” is chosen for both {first} and {second}.").format(
                    column=column, first=field_label(seen[column]), second=field_label(field)
                )
            seen[column] = field
        return None

    def options(self) -> ImportOptions:
        return ImportOptions(column_mapping=self.mapping(), fallback_category=self.fallback_box.currentData())

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.options_chosen.emit(self.options())
        super().accept()

    @Slot(int)
    def _on_combo_current_index_changed(self, _index: int) -> None:
        self.model.set_mapping(self.mapping())
        if self.error_label.isVisible():
            problem = self.problem()
            self.error_label.setText(problem or "")
            self.error_label.setVisible(problem is not None)
