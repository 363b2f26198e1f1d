"""The File menu's import and export: files read on the database worker, all or nothing, with a summary."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from recommender.exporters.json_export import export_json
from recommender.importers.registry import importers
from recommender.importers.report import ImportFailed, ImportReport
from recommender.storage.database import Database
from ui.directory_actions import DirectoryActions
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


def _export(db: Database, path: Path) -> dict[str, int]:
    with db.read() as session:
        return export_json(session, path)


class ImportExport(QObject):
    """Import a directory file or a spreadsheet of vendors; export the directory. Errors name file and line."""

    imported = Signal(object)
    """An import applied (``ImportReport``)."""
    exported = Signal(object)
    """An export was written (counts by kind)."""
    failed = Signal(str)
    """An import or export could not be done; the message says what and where."""

    def __init__(self, window: MainWindow, tasks: TaskRunner, actions: DirectoryActions, menu: QMenu) -> None:
        super().__init__(window)
        self.window, self.tasks, self.actions = window, tasks, actions
        self.import_json_action = QAction(self.tr("Import a &Grapevine file…"), window)
        self.import_json_action.triggered.connect(partial(self._on_import_triggered, "json"))
        self.import_csv_action = QAction(self.tr("Import vendors from a &spreadsheet (CSV)…"), window)
        self.import_csv_action.triggered.connect(partial(self._on_import_triggered, "csv"))
        self.export_action = QAction(self.tr("&Export the directory…"), window)
        self.export_action.triggered.connect(self._on_export_triggered)
        # Import and export come first in the File menu, before Settings and Quit.
        first = menu.actions()[0]
        for action in (self.import_json_action, self.import_csv_action, self.export_action):
            menu.insertAction(first, action)
        menu.insertSeparator(first)
        self.failed.connect(self._on_failed)
        self.imported.connect(self._on_imported)

    def import_file(self, kind: str, path: Path) -> None:
        """Import ``path`` (``kind`` "json" or "csv") on the database worker; the ranking follows at once."""
        db = self.window.db
        if db is None:
            return
        self.window.statusBar().showMessage(self.tr("Importing {file}…").format(file=path.name))
        task = self.tasks.run_database(partial(importers()[kind].run, db, path), name=f"import {kind}")
        task.succeeded.connect(self.imported.emit)
        task.failed.connect(self._on_task_failed)

    def export_file(self, path: Path) -> None:
        db = self.window.db
        if db is None:
            return
        task = self.tasks.run_database(partial(_export, db, path), name="export")
        task.succeeded.connect(self.exported.emit)
        task.succeeded.connect(
            lambda _counts: self.window.statusBar().showMessage(self.tr("Exported to {file}").format(file=path))
        )
        task.failed.connect(self._on_task_failed)

    @Slot(object)
    def _on_task_failed(self, error: Exception) -> None:
        if isinstance(error, ImportFailed | OSError):
            self.failed.emit(str(error))
        else:
            raise error

    @Slot(object)
    def _on_imported(self, report: ImportReport) -> None:
        self.actions.reload()
        lines = [self.tr("Imported {file}: {summary}").format(file=report.path.name, summary=report.summary())]
        lines += [f"• {skipped.location}: {skipped.reason}" for skipped in report.skipped[:20]]
        if len(report.skipped) > 20:
            lines.append(self.tr("… and {count} more skipped").format(count=len(report.skipped) - 20))
        self.window.statusBar().showMessage(lines[0])
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Import finished"), "\n".join(lines), parent=self.window
        )
        box.open()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Nothing was imported or exported: {reason}").format(reason=message)
        )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Could not do that"), message, parent=self.window)
        box.setInformativeText(self.tr("Nothing in your directory was changed."))
        box.open()

    def _on_import_triggered(self, kind: str) -> None:
        filters = {"json": self.tr("Grapevine files (*.json)"), "csv": self.tr("Spreadsheets (*.csv *.txt)")}
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import"), "", filters[kind])
        if name:
            self.import_file(kind, Path(name))

    @Slot()
    def _on_export_triggered(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export"), "grapevine.json", self.tr("Grapevine files (*.json)")
        )
        if name:
            self.export_file(Path(name))
