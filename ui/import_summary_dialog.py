"""What an import did: counts added and updated, every skipped record with where and why, or why it failed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recommender.importers.report import ImportFailed, ImportReport
from ui.import_kinds import kind_name


def failure_message(error: Exception, path: Path) -> str:
    """The reason an import failed, naming the file and the position in it (the core's own words)."""
    if isinstance(error, ImportFailed):
        return str(error)
    if isinstance(error, OSError):
        return f"{path}: {error.strerror or error}"
    return str(error)


class ImportSummaryDialog(QDialog):
    """One dialog for the three ends of an import; the details are selectable text with a Copy button."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.resize(620, 420)
        self.heading = QLabel(self)
        self.heading.setAccessibleName(self.tr("Import result"))
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.counts_label = QLabel(self)
        self.counts_label.setAccessibleName(self.tr("What was imported"))
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_title = QLabel(self)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFont("monospace"))
        self.details_title.setBuddy(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.details_title)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    @classmethod
    def for_report(cls, report: ImportReport, parent: QWidget | None = None) -> ImportSummaryDialog:
        """An import that went in: what was added and updated, and every record skipped with its reason."""
        dialog = cls(report.path, parent)
        dialog._show_report(report)
        return dialog

    @classmethod
    def for_failure(cls, path: Path, error: Exception, parent: QWidget | None = None) -> ImportSummaryDialog:
        """An import that could not be done: where in the file and why; the directory is as it was."""
        dialog = cls(path, parent)
        dialog._show_failure(error)
        return dialog

    @classmethod
    def for_cancel(cls, path: Path, parent: QWidget | None = None) -> ImportSummaryDialog:
        """An import the user stopped: nothing from the file was kept."""
        dialog = cls(path, parent)
        dialog._show_cancel()
        return dialog

    def _show_report(self, report: ImportReport) -> None:
        self.setWindowTitle(self.tr("Import finished"))
        self.heading.setText(self.tr("Imported {file}").format(file=report.path.name))
        kinds = list(dict.fromkeys([*report.added, *report.updated]))
        lines = [
            self.tr("{kind}: {added} added, {updated} updated").format(
                kind=kind_name(kind), added=report.added.get(kind, 0), updated=report.updated.get(kind, 0)
            )
            for kind in kinds
        ]
        lines.append(self.tr("Skipped: {count}").format(count=len(report.skipped)))
        if not kinds:
            lines.insert(0, self.tr("Nothing new: the directory already had everything in this file."))
        self.counts_label.setText("\n".join(lines))
        if report.skipped:
            self.details_title.setText(self.tr("&Skipped records and why:"))
            self.details.setAccessibleName(self.tr("Skipped records and why"))
            self.details.setPlainText("\n".join(f"{item.location}: {item.reason}" for item in report.skipped))
        else:
            self._hide_details()

    def _show_failure(self, error: Exception) -> None:
        path = self.path
        self.setWindowTitle(self.tr("Import failed"))
        self.heading.setText(self.tr("Nothing was imported from {file}").format(file=path.name))
        self.counts_label.setText(self.tr("Your directory was not changed. Fix the file and import it again."))
        self.details_title.setText(self.tr("&Where and why:"))
        self.details.setAccessibleName(self.tr("Where and why"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.setPlainText(failure_message(error, path))
        # One message, not a list: a short box, still selectable and copyable.
        self.resize(600, 240)

    def _show_cancel(self) -> None:
        path = self.path
        self.setWindowTitle(self.tr("Import cancelled"))
        self.heading.setText(self.tr("Import of {file} cancelled").format(file=path.name))
        self.counts_label.setText(self.tr("Nothing was imported: your directory is as it was before."))
        self._hide_details()
        self.resize(420, 120)

    def _hide_details(self) -> None:
        self.details_title.hide()
        self.details.hide()
        self.copy_button.hide()

    def text(self) -> str:
        """Everything the dialog says, as the Copy button puts it on the clipboard."""
        parts = [self.heading.text(), self.counts_label.text()]
        if self.details.isVisibleTo(self):
            parts.append(self.details.toPlainText())
        return "\n\n".join(parts)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
