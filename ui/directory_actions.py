"""The menus that change the directory: record vendors and reviews, delete with undo, merge duplicates, settings.

Every write ends the same way: the changes it returned are read into a ``Refresh`` on the database worker
and applied to the engine on the GUI thread, so the ranking updates at once without freezing the window.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence

from recommender.dedupe.merge import MergeResult
from recommender.engine.recommender import Recommender
from recommender.engine.updates import Refresh, apply_refresh, prepare_refresh, prepare_reload
from recommender.settings import Settings
from recommender.storage.changelog import Changes
from recommender.storage.database import Database
from ui.duplicates_dialog import DuplicatesDialog
from ui.main_window import MainWindow
from ui.review_dialog import ReviewDialog
from ui.settings_dialog import SettingsDialog
from ui.tasks import TaskRunner
from ui.undo import UndoableDeletes
from ui.vendor_dialog import VendorDialog

logger = logging.getLogger(__name__)


class DirectoryActions(QObject):
    """Owns the window's menus and turns each saved change into a refreshed ranking."""

    settings_saved = Signal(object)
    """The user saved new settings (``Settings``): the app reloads the engine with them."""
    refreshed = Signal()
    """A change has reached the engine and the results were redrawn."""
    changes_saved = Signal(object)
    """A write made here (``Changes``) was saved: sync sends it out soon."""

    def __init__(self, window: MainWindow, tasks: TaskRunner) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.deletes = UndoableDeletes(tasks, None, self)
        self._waiting = Changes()
        self._reload_waiting = False
        self._refreshing = False
        self.deletes.changed.connect(self.apply)
        self.deletes.failed.connect(self._on_deletes_failed)
        window.people_panel.trust_changed.connect(self.apply)
        window.people_panel.people_changed.connect(self.apply)
        window.directory_opened.connect(self._on_window_directory_opened)

        menu_bar = window.menuBar()
        self.file_menu = file_menu = menu_bar.addMenu(self.tr("&File"))
        self.settings_action = self._action(
            self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit))
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.deletes.undo_action)
        vendor_menu = menu_bar.addMenu(self.tr("&Vendor"))
        self.new_vendor_action = self._action(self.tr("&New vendor…"), self.new_vendor, QKeySequence.StandardKey.New)
        self.edit_vendor_action = self._action(self.tr("&Edit vendor…"), self.edit_vendor, "Ctrl+E")
        self.review_action = self._action(self.tr("Write a &review…"), self.write_review, "Ctrl+R")
        self.delete_vendor_action = self._action(self.tr("&Delete vendor"), self.delete_vendor, "Ctrl+Del")
        for action in (self.new_vendor_action, self.edit_vendor_action, self.review_action, self.delete_vendor_action):
            vendor_menu.addAction(action)
        vendor_menu.addSeparator()
        self.duplicates_action = QAction(self.tr("Find &duplicates…"), window)
        self.duplicates_action.triggered.connect(self.find_duplicates)
        vendor_menu.addAction(self.duplicates_action)

    def _action(self, text: str, slot: object, shortcut: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    @property
    def db(self) -> Database | None:
        return self.window.db

    @Slot(object)
    def _on_window_directory_opened(self, db: Database) -> None:
        self.deletes.set_database(db)

    @Slot(object)
    def apply(self, changes: Changes) -> None:
        """Bring the engine up to date with a saved change, reading on the database worker.

        One refresh runs at a time; changes saved meanwhile are gathered and applied by the next one, so a
        quick second edit is never prepared against an engine that lacks the first."""
        self.changes_saved.emit(changes)
        self.apply_synced(changes)

    def apply_synced(self, changes: Changes) -> None:
        """Like :meth:`apply`, for changes a sync brought in (nothing to send back)."""
        self._waiting = self._waiting | changes
        if not self._refreshing:
            self._refresh_next()

    def reload(self) -> None:
        """Rebuild the engine from the whole directory (after an import, which may change anything)."""
        self._reload_waiting = True
        if not self._refreshing:
            self._refresh_next()

    def _refresh_next(self) -> None:
        engine, db, changes = self.window.engine, self.db, self._waiting
        if engine is None or db is None or (changes.empty and not self._reload_waiting):
            return
        work = (
            partial(prepare_reload, engine, db)
            if self._reload_waiting
            else partial(prepare_refresh, engine, db, changes)
        )
        self._waiting, self._reload_waiting, self._refreshing = Changes(), False, True
        task = self.tasks.run_database(work, name="refresh ranking")
        task.succeeded.connect(partial(self._on_refresh_prepared, engine))
        task.failed.connect(self._on_refresh_failed)

    def _on_refresh_prepared(self, engine: Recommender, refresh: Refresh) -> None:
        self._refreshing = False
        self.window.set_engine(apply_refresh(engine, refresh))
        self.refreshed.emit()
        self._refresh_next()

    @Slot(object)
    def _on_refresh_failed(self, error: Exception) -> None:
        self._refreshing = False
        raise error

    @Slot(str)
    def _on_deletes_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message)

    @Slot()
    def new_vendor(self) -> None:
        if self.db is None:
            return
        dialog = VendorDialog(self.tasks, self.db, parent=self.window)
        dialog.vendor_saved.connect(self.apply)
        dialog.open()

    @Slot()
    def edit_vendor(self) -> None:
        details = self.window.shown_details
        if self.db is None or details is None:
            return
        dialog = VendorDialog(self.tasks, self.db, details.vendor, parent=self.window)
        dialog.vendor_saved.connect(self.apply)
        dialog.open()

    @Slot()
    def write_review(self) -> None:
        details = self.window.shown_details
        if self.db is None or details is None:
            return
        dialog = ReviewDialog(self.tasks, self.db, details.vendor.id, details.vendor.name, parent=self.window)
        dialog.review_saved.connect(self.apply)
        dialog.open()

    @Slot()
    def delete_vendor(self) -> None:
        details = self.window.shown_details
        if details is not None:
            self.deletes.delete_vendor(details.vendor.id)

    @Slot()
    def find_duplicates(self) -> DuplicatesDialog | None:
        if self.db is None:
            return None
        dialog = DuplicatesDialog(self.tasks, self.db, parent=self.window)
        dialog.merged.connect(self._on_duplicates_dialog_merged)
        dialog.unmerged.connect(self.apply)
        dialog.open()
        return dialog

    @Slot(object)
    def _on_duplicates_dialog_merged(self, result: MergeResult) -> None:
        self.apply(result.changes)

    @Slot()
    def open_settings(self) -> None:
        if self.db is None:
            return
        dialog = SettingsDialog(self.tasks, self.db, parent=self.window)
        dialog.settings_saved.connect(self._on_settings_dialog_saved)
        dialog.open()

    @Slot(object)
    def _on_settings_dialog_saved(self, settings: Settings) -> None:
        self.settings_saved.emit(settings)
