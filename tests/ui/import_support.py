"""The window with File ▸ Import as the import tests drive it, on any directory they choose."""

from __future__ import annotations

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui.app import Directory
from ui.directory_actions import DirectoryActions
from ui.import_export import ImportExport
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

ImportApp = tuple[MainWindow, DirectoryActions, ImportExport, list[QObject]]
"""The window, its menus, the import/export controller, and every dialog an import (or a vCard save) opened."""


def build_import_app(qtbot: QtBot, tasks: TaskRunner, directory: Directory) -> ImportApp:
    window = MainWindow(tasks)
    actions = DirectoryActions(window, tasks)
    transfer = ImportExport(window, tasks, actions, actions.file_menu)
    qtbot.addWidget(window)
    window.show()
    window.set_directory(directory.db, directory.engine)
    opened: list[QObject] = []
    transfer.dialog_opened.connect(opened.append)
    transfer.vcards.dialog_opened.connect(opened.append)
    return window, actions, transfer, opened
