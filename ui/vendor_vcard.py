"""Save the vendor on show as a vCard file, for an address book or a neighbour's Grapevine."""

from __future__ import annotations

import re
import uuid
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from recommender.directory.errors import DirectoryError
from recommender.exporters.vcard_export import export_vcard
from recommender.storage.database import Database
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

# Characters no file system (or one of the big three) takes in a file name.
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _write_vcard(db: Database, vendor_id: uuid.UUID, path: Path) -> Path:
    with db.read() as session:
        export_vcard(session, [vendor_id], path)
    return path


def suggested_file_name(vendor_name: str) -> str:
    """The vendor's name as a file name: "Dr. Ada Smith.vcf"."""
    cleaned = " ".join(_UNSAFE_IN_FILE_NAMES.sub(" ", vendor_name).split()).strip(". ")
    return f"{cleaned or 'vendor'}.vcf"


class VendorVcardSaver(QObject):
    """File ▸ Save vendor as vCard… and the vendor pane's button: choose a file, write it off the GUI thread."""

    saved = Signal(object)
    """The vCard was written (``Path``)."""
    failed = Signal(str)
    """It could not be written; the message says why."""
    dialog_opened = Signal(object)
    """The save dialog opened (tests answer it)."""

    def __init__(self, window: MainWindow, tasks: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.tasks = window, tasks
        self.save_action = QAction(self.tr("Save vendor as &vCard…"), window)
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self._on_save_action_triggered)
        window.vendor_loaded.connect(self._on_window_vendor_loaded)
        # A new search clears the pane: there is no vendor to save until one is picked again.
        window.results_shown.connect(self._on_window_results_shown)
        window.vendor_pane.save_vcard_requested.connect(self.choose_file)

    def choose_file(self, vendor_id: uuid.UUID) -> None:
        """Ask where to save this vendor's vCard, then write it."""
        dialog = QFileDialog(self.window, self.tr("Save as vCard"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([self.tr("vCard files (*.vcf *.vcard)"), self.tr("All files (*)")])
        dialog.setDefaultSuffix("vcf")
        dialog.selectFile(suggested_file_name(self._vendor_name(vendor_id)))
        dialog.fileSelected.connect(lambda name: self.save(vendor_id, Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def save(self, vendor_id: uuid.UUID, path: Path) -> None:
        """Write the vendor's vCard to ``path`` on the database worker (it reads the vendor as stored)."""
        db = self.window.db
        if db is None:
            return
        task = self.tasks.run_database(partial(_write_vcard, db, vendor_id, path), name="save vcard")
        task.succeeded.connect(self._on_write_task_succeeded)
        task.failed.connect(partial(self._on_write_task_failed, path))

    def _vendor_name(self, vendor_id: uuid.UUID) -> str:
        engine = self.window.engine
        position = engine.snapshot.vendors.index.get(vendor_id.hex) if engine is not None else None
        return engine.snapshot.vendors.names[position] if engine is not None and position is not None else ""

    @Slot()
    def _on_save_action_triggered(self) -> None:
        vendor_id = self.window.vendor_pane.vendor_id
        if vendor_id is not None:
            self.choose_file(vendor_id)

    @Slot(object)
    def _on_window_vendor_loaded(self, _details: object) -> None:
        self.save_action.setEnabled(self.window.vendor_pane.vendor_id is not None)

    @Slot()
    def _on_window_results_shown(self) -> None:
        self.save_action.setEnabled(self.window.vendor_pane.vendor_id is not None)

    def _on_write_task_succeeded(self, path: Path) -> None:
        self.window.statusBar().showMessage(self.tr("Saved the vCard to {file}").format(file=path))
        self.saved.emit(path)

    def _on_write_task_failed(self, path: Path, error: Exception) -> None:
        if isinstance(error, OSError):
            message = self.tr("Cannot write {file}: {reason}").format(file=path, reason=error.strerror or error)
        elif isinstance(error, DirectoryError):
            message = self.tr("This vendor is no longer in the directory.")
        else:
            raise error
        self.window.statusBar().showMessage(message)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Could not save the vCard"), message, parent=self.window)
        box.setInformativeText(self.tr("Nothing was written."))
        box.finished.connect(box.deleteLater)
        box.open()
        self.failed.emit(message)
