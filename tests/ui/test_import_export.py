"""Import and export from the File menu: a spreadsheet's vendors appear at once; a bad file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from recommender.directory.vendors import count_vendors
from ui.app import Directory
from ui.directory_actions import DirectoryActions
from ui.import_export import ImportExport
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


@pytest.fixture
def app(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> tuple[MainWindow, DirectoryActions, ImportExport]:
    window = MainWindow(tasks)
    actions = DirectoryActions(window, tasks)
    transfer = ImportExport(window, tasks, actions, actions.file_menu)
    qtbot.addWidget(window)
    window.show()
    window.set_directory(writable.db, writable.engine)
    return window, actions, transfer


def vendor_count(window: MainWindow) -> int:
    assert window.db is not None
    with window.db.read() as session:
        return count_vendors(session)


def test_imported_vendors_are_searchable_at_once(
    qtbot: QtBot, tmp_path: Path, app: tuple[MainWindow, DirectoryActions, ImportExport]
) -> None:
    window, actions, transfer = app
    sheet = tmp_path / "vendors.csv"
    sheet.write_text("name,category,phone\nQuillfeather Tutoring,tutor,+44 1632 960999\nQuillfeather tutoring,tutor,\n")
    before = vendor_count(window)
    with qtbot.waitSignal(actions.refreshed, timeout=10_000):
        transfer.import_file("csv", sheet)
    assert vendor_count(window) == before + 1
    qtbot.keyClicks(window.search_bar.search_box, "quillfeather")
    assert window.results_model.result(0).name == "Quillfeather Tutoring"
    summary = window.findChild(QMessageBox)
    assert summary is not None and "added 1 vendor" in summary.text() and "already in the directory" in summary.text()


def test_a_broken_file_says_where_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, app: tuple[MainWindow, DirectoryActions, ImportExport]
) -> None:
    window, _, transfer = app
    sheet = tmp_path / "vendors.csv"
    sheet.write_text("name,category\nGood Plumbing,plumber\nStar Gazing,astrologer\n")
    before = vendor_count(window)
    with qtbot.waitSignal(transfer.failed, timeout=5000) as failed:
        transfer.import_file("csv", sheet)
    assert f"{sheet}, line 3" in failed.args[0] and "category" in failed.args[0]
    assert vendor_count(window) == before
    assert "Nothing was imported" in window.statusBar().currentMessage()


def test_export_writes_a_file_that_imports_elsewhere(
    qtbot: QtBot, tmp_path: Path, app: tuple[MainWindow, DirectoryActions, ImportExport]
) -> None:
    window, _, transfer = app
    target = tmp_path / "out" / "directory.json"
    with qtbot.waitSignal(transfer.exported, timeout=10_000) as exported:
        transfer.export_file(target)
    assert exported.args[0]["vendors"] == vendor_count(window)
    assert target.read_text(encoding="utf-8").startswith('{\n"format": "grapevine-directory"')
