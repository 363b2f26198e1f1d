"""The File menu's import and export: an entry per importer, its options step, progress with Cancel, a summary.

Every import runs on the database worker in one transaction; Cancel makes the progress callback raise
``ImportCancelled``, which rolls the transaction back, so a stopped or failed import leaves the directory as it was.
Once the importer announces that it is saving (the commit, which cannot be interrupted), Cancel is no longer offered
and no longer stops it: the import goes in, and the summary says what it brought.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from recommender.directory.people import find_me
from recommender.exporters.json_export import export_json
from recommender.importers.csv_import import CsvPreview, preview_csv
from recommender.importers.registry import DEFAULT_OPTIONS, ImportOptions, importers, run_importer
from recommender.importers.report import ImportCancelled, ImportFailed, ImportReport
from recommender.storage.database import Database
from ui.csv_mapping_dialog import CsvMappingDialog
from ui.directory_actions import DirectoryActions
from ui.import_kinds import OptionsStep, file_filters, importer_label, options_step
from ui.import_options_dialog import ImportOptionsDialog
from ui.import_progress_dialog import ImportProgressDialog
from ui.import_summary_dialog import ImportSummaryDialog, failure_message
from ui.main_window import MainWindow
from ui.tasks import ReportProgress, TaskRunner
from ui.vendor_vcard import VendorVcardSaver

# Rows the mapping step previews: enough to recognise each column, few enough to read at a glance.
PREVIEW_ROWS = 8


def _export(db: Database, path: Path) -> dict[str, int]:
    with db.read() as session:
        return export_json(session, path)


def _has_owner(db: Database) -> bool:
    with db.read() as session:
        return find_me(session) is not None


def _import(
    kind: str,
    db: Database,
    path: Path,
    options: ImportOptions,
    stop: threading.Event,
    announce_saving: Callable[[], None],
    report_progress: ReportProgress,
) -> ImportReport:
    """Run one importer on the database worker; once ``stop`` is set its next progress report cancels it.

    The importer's saving announcement is the last point where ``stop`` is heeded; after it the import commits
    whatever is clicked, and ``announce_saving`` tells the window so."""
    committing = threading.Event()

    def progress(done: int, total: int | None) -> None:
        if stop.is_set() and not committing.is_set():
            raise ImportCancelled
        report_progress(done, total)

    def saving() -> None:
        if stop.is_set():
            raise ImportCancelled
        committing.set()
        announce_saving()

    return run_importer(kind, db, path, options, progress, saving, pause_collection=False)


class ImportExport(QObject):
    """File ▸ Import ▸ one entry per importer the core registers; File ▸ Export; a vendor saved as a vCard."""

    imported = Signal(object)
    """An import applied (``ImportReport``); the ranking reloads."""
    cancelled = Signal(object)
    """The user stopped the import of this file (``Path``); nothing was written."""
    saving_started = Signal(object)
    """The import of this file (``Path``) has read it and is committing: it can no longer be stopped.

    Emitted on the database worker; receivers on the GUI thread get it queued, after its progress reports."""
    exported = Signal(object)
    """An export was written (counts by kind)."""
    failed = Signal(str)
    """An import or export could not be done; the message names the file and where in it."""
    dialog_opened = Signal(object)
    """A step of an import opened its dialog (file chooser, options, progress or summary); tests follow along."""

    def __init__(self, window: MainWindow, tasks: TaskRunner, actions: DirectoryActions, menu: QMenu) -> None:
        super().__init__(window)
        self.window, self.tasks, self.actions = window, tasks, actions
        self.import_menu = QMenu(self.tr("&Import"), window)
        self.import_actions: dict[str, QAction] = {}
        for kind, spec in importers().items():
            action = QAction(self.tr("{importer}…").format(importer=importer_label(spec)), window)
            action.triggered.connect(partial(self.choose_file, kind))
            self.import_menu.addAction(action)
            self.import_actions[kind] = action
        self.export_action = QAction(self.tr("&Export the directory…"), window)
        self.export_action.triggered.connect(self._on_export_triggered)
        self.vcards = VendorVcardSaver(window, tasks)
        # Import and export come first in the File menu, before Settings and Quit.
        first = menu.actions()[0]
        menu.insertMenu(first, self.import_menu)
        for action in (self.export_action, self.vcards.save_action):
            menu.insertAction(first, action)
        menu.insertSeparator(first)
        self.failed.connect(self._on_failed)
        self._running = False
        # The progress dialog of the import under way, which the saving announcement (emitted on the database
        # worker) reaches through this one connection, made once: disconnecting a per-import connection hung the
        # window inside ``disconnect`` in one CI run, the worker thread idle in Qt.
        self._progress: ImportProgressDialog | None = None
        self.saving_started.connect(self._on_saving_started, Qt.ConnectionType.QueuedConnection)
        self._collecting = True
        # The next file is usually beside the last one (an export folder, Downloads).
        self._last_folder: Path | None = None

    # The steps of an import, in order: file, options, run, summary.

    def choose_file(self, kind: str) -> None:
        """Ask for a file of this kind; choosing one goes on to its options step."""
        spec = importers()[kind]
        dialog = QFileDialog(self.window, self.tr("Import: {importer}").format(importer=importer_label(spec)))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setNameFilters(file_filters(spec))
        if self._last_folder is not None:
            dialog.setDirectory(str(self._last_folder))
        dialog.fileSelected.connect(partial(self._on_file_dialog_file_selected, kind))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_file_dialog_file_selected(self, kind: str, name: str) -> None:
        path = Path(name)
        self._last_folder = path.parent
        self.start_import(kind, path)

    def start_import(self, kind: str, path: Path) -> None:
        """Ask what the kind needs to know (contacts' trust, a CSV's columns, …), then import."""
        db = self.window.db
        if db is None:
            return
        step = options_step(kind)
        if step is OptionsStep.NONE:
            self.import_file(kind, path)
        elif step is OptionsStep.CSV_MAPPING:
            task = self.tasks.run_database(partial(preview_csv, path, PREVIEW_ROWS), name="preview csv")
            task.succeeded.connect(partial(self._on_preview_task_succeeded, kind, path))
            task.failed.connect(partial(self._on_task_failed, path))
        elif step is OptionsStep.CONTACTS:
            task = self.tasks.run_database(partial(_has_owner, db), name="find me")
            task.succeeded.connect(partial(self._ask_options, kind, path, step))
        else:
            self._ask_options(kind, path, step, False)

    def _ask_options(self, kind: str, path: Path, step: OptionsStep, owner_known: bool) -> None:
        dialog = ImportOptionsDialog(step, path, owner_known=owner_known, parent=self.window)
        dialog.options_chosen.connect(partial(self.import_file, kind, path))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_preview_task_succeeded(self, kind: str, path: Path, preview: CsvPreview) -> None:
        dialog = CsvMappingDialog(path, preview, parent=self.window)
        dialog.options_chosen.connect(partial(self.import_file, kind, path))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def import_file(self, kind: str, path: Path, options: ImportOptions = DEFAULT_OPTIONS) -> None:
        """Import ``path`` on the database worker with a progress dialog; the ranking follows at once."""
        db = self.window.db
        if db is None or self._running:
            return
        self._running = True
        self.import_menu.setEnabled(False)
        stop = threading.Event()
        progress = ImportProgressDialog(path, self.window)
        progress.cancel_requested.connect(stop.set)
        self._progress = progress
        self.window.statusBar().showMessage(self.tr("Importing {file}…").format(file=path.name))
        work = partial(_import, kind, db, path, options, stop, partial(self.saving_started.emit, path))
        # Full garbage collections scan the import's growing session again and again (a fifth of its time, and
        # long enough to freeze the window); they wait until it ends. Paused and resumed here on the GUI thread,
        # so that the collection that follows runs here too: one running in the worker could destroy the
        # window's Qt objects on the wrong thread.
        self._collecting = gc.isenabled()
        gc.disable()
        task = self.tasks.run_database_with_progress(work, name=f"import {kind}")
        task.progressed.connect(progress.set_progress)
        task.succeeded.connect(partial(self._on_import_task_succeeded, progress))
        task.failed.connect(partial(self._on_import_task_failed, progress, path))
        progress.open()
        self.dialog_opened.emit(progress)

    @Slot(object)
    def _on_saving_started(self, path: Path) -> None:
        if self._progress is not None and self._progress.path == path:
            self._progress.show_saving()

    def _end_import(self, progress: ImportProgressDialog) -> None:
        self._progress = None
        if self._collecting:
            gc.enable()
            gc.collect()
        progress.finish()
        progress.deleteLater()
        self._running = False
        self.import_menu.setEnabled(True)

    def _on_import_task_succeeded(self, progress: ImportProgressDialog, report: ImportReport) -> None:
        self._end_import(progress)
        self.actions.reload()
        db, engine = self.window.db, self.window.engine
        if db is not None and engine is not None and {"people", "trust links"} & {*report.added, *report.updated}:
            # The people panel reads its contact list only when told; the new people belong in it now.
            self.window.people_panel.set_directory(db, engine)
        added = sum(report.added.values())
        updated = sum(report.updated.values())
        self.window.statusBar().showMessage(
            self.tr("Imported {file}: {added} added, {updated} updated, {skipped} skipped").format(
                file=report.path.name, added=added, updated=updated, skipped=len(report.skipped)
            )
        )
        self._show_summary(ImportSummaryDialog.for_report(report, self.window))
        self.imported.emit(report)

    def _on_import_task_failed(self, progress: ImportProgressDialog, path: Path, error: Exception) -> None:
        self._end_import(progress)
        if isinstance(error, ImportCancelled):
            self.window.statusBar().showMessage(
                self.tr("Import of {file} cancelled: nothing was imported").format(file=path.name)
            )
            self._show_summary(ImportSummaryDialog.for_cancel(path, self.window))
            self.cancelled.emit(path)
            return
        self._on_task_failed(path, error)

    def _on_task_failed(self, path: Path, error: Exception) -> None:
        """Expected failures (a bad file) get the summary with file and position; bugs go to the crash dialog."""
        if not isinstance(error, ImportFailed | OSError):
            raise error
        self._show_summary(ImportSummaryDialog.for_failure(path, error, self.window))
        self.failed.emit(failure_message(error, path))

    def _show_summary(self, dialog: ImportSummaryDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    # Export of the whole directory.

    def export_file(self, path: Path) -> None:
        db = self.window.db
        if db is None:
            return
        task = self.tasks.run_database(partial(_export, db, path), name="export")
        task.succeeded.connect(self.exported.emit)
        task.succeeded.connect(
            lambda _counts: self.window.statusBar().showMessage(self.tr("Exported to {file}").format(file=path))
        )
        task.failed.connect(self._on_export_task_failed)

    @Slot(object)
    def _on_export_task_failed(self, error: Exception) -> None:
        if not isinstance(error, OSError):
            raise error
        self.failed.emit(str(error))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Could not export"), str(error), parent=self.window)
        box.open()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Nothing was imported or exported: {reason}").format(reason=message)
        )

    @Slot()
    def _on_export_triggered(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export"), "grapevine.json", self.tr("Grapevine files (*.json)")
        )
        if name:
            self.export_file(Path(name))
