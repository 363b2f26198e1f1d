"""The CSV mapping step: a spreadsheet with its own headers is previewed, its columns mapped to vendor fields
(guessed where the headers say so), and the vendors land with every mapped field filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from recommender.directory.vendors import count_vendors
from recommender.importers.csv_import import preview_csv
from ui.csv_mapping_dialog import CsvMappingDialog, CsvPreviewModel
from ui.directory_actions import DirectoryActions
from ui.import_export import ImportExport
from ui.import_summary_dialog import ImportSummaryDialog
from ui.main_window import MainWindow

TIMEOUT_MS = 60_000
# A neighbour's list, in their own words, separated by semicolons: no header is one of Grapevine's field names.
ODD_SHEET = (
    "Business;Trade;Tel.;Where;Opening;Remarks\n"
    "Quillfeather Tutoring;tutor;+44 1632 960999;12 Mill Lane, Cambridge;Mo-Fr 15:00-19:00;maths and physics\n"
    "Hartley & Sons;plumber;+44 1632 960123;3 Station Road, Cambridge;;\n"
    ";;;;;\n"
    "Rosa's Dog Walks;;+44 1632 960555;;;mornings only\n"
)

App = tuple[MainWindow, DirectoryActions, ImportExport, list[QObject]]


@pytest.fixture
def app(import_app: App) -> App:
    return import_app


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "neighbours list.csv"
    path.write_text(ODD_SHEET, encoding="utf-8")
    return path


def open_mapping(qtbot: QtBot, transfer: ImportExport, opened: list[QObject], path: Path) -> CsvMappingDialog:
    transfer.import_actions["csv"].trigger()
    chooser = next(dialog for dialog in opened if isinstance(dialog, QFileDialog))
    chooser.selectFile(str(path))
    chooser.accept()
    qtbot.waitUntil(lambda: any(isinstance(dialog, CsvMappingDialog) for dialog in opened), timeout=TIMEOUT_MS)
    return next(dialog for dialog in opened if isinstance(dialog, CsvMappingDialog))


def pick(dialog: CsvMappingDialog, field: str, column: str | None) -> None:
    combo = dialog.combos[field]
    index = combo.findData(column)
    assert index >= 0, f"no column {column!r}"
    combo.setCurrentIndex(index)


def test_the_preview_model_passes_qt_model_tests(qtmodeltester: ModelTester, sheet: Path) -> None:
    model = CsvPreviewModel(preview_csv(sheet))
    qtmodeltester.check(model)
    model.set_mapping({"name": "Business", "phone": "Tel."})
    qtmodeltester.check(model)


def test_odd_headers_mapped_in_the_mapping_step_fill_the_vendors_fields(qtbot: QtBot, app: App, sheet: Path) -> None:
    window, actions, transfer, opened = app
    assert window.db is not None
    with window.db.read() as session:
        before = count_vendors(session)
    dialog = open_mapping(qtbot, transfer, opened, sheet)
    # The preview shows the file's first rows under its own headers (the blank row is not a row).
    assert "neighbours list.csv has 3 rows" in dialog.intro_label.text()
    model = dialog.model
    assert model.rowCount() == 3 and model.columnCount() == 6
    assert model.index(0, 0).data() == "Quillfeather Tutoring"
    assert model.index(2, 2).data() == "+44 1632 960555"
    # Headers near enough to fields are guessed; the user confirms or changes each guess.
    assert {field: column for field, column in dialog.mapping().items() if column} == {
        "name": "Business",
        "category": "Trade",
        "phone": "Tel.",
        "opening_hours": "Opening",
    }
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Tel.\n→ Phone"

    # Import without a name column: the dialog says what is missing and stays open.
    pick(dialog, "name", None)
    dialog.import_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "name" in dialog.error_label.text()

    pick(dialog, "name", "Business")
    pick(dialog, "category", "Business")
    dialog.import_button.click()
    assert dialog.isVisible()
    assert "“Business” is chosen for both Name and Category" in dialog.error_label.text()

    pick(dialog, "category", "Trade")
    assert not dialog.error_label.isVisible()
    pick(dialog, "address", "Where")
    pick(dialog, "notes", "Remarks")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Business\n→ Name"
    # Rosa's row has no trade: give such rows a category.
    dialog.fallback_box.setCurrentIndex(dialog.fallback_box.findData("dog_walker"))
    with qtbot.waitSignals([transfer.imported, actions.refreshed], timeout=TIMEOUT_MS):
        dialog.import_button.click()

    with window.db.read() as session:
        assert count_vendors(session) == before + 3
    qtbot.keyClicks(window.search_bar.search_box, "quillfeather")
    found = window.results_model.result(0)
    assert found.name == "Quillfeather Tutoring" and found.category == "tutor"
    with qtbot.waitSignal(window.vendor_loaded, timeout=TIMEOUT_MS) as loaded:
        window.select_row(0)
    vendor = loaded.args[0].vendor
    assert (vendor.phone, vendor.address, vendor.opening_hours, vendor.notes) == (
        "+44 1632 960999",
        "12 Mill Lane, Cambridge",
        "Mo-Fr 15:00-19:00",
        "maths and physics",
    )
    window.search_bar.search_box.clear()
    qtbot.keyClicks(window.search_bar.search_box, "rosa's dog walks")
    assert window.results_model.result(0).category == "dog_walker"
    summary = next(dialog for dialog in opened if isinstance(dialog, ImportSummaryDialog))
    assert "Vendors: 3 added, 0 updated" in summary.counts_label.text()


def test_cancel_in_the_mapping_step_imports_nothing(qtbot: QtBot, app: App, sheet: Path) -> None:
    window, _, transfer, opened = app
    assert window.db is not None
    with window.db.read() as session:
        before = count_vendors(session)
    dialog = open_mapping(qtbot, transfer, opened, sheet)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.wait(200)
    with window.db.read() as session:
        assert count_vendors(session) == before
    assert not any(isinstance(dialog, ImportSummaryDialog) for dialog in opened)


def test_a_file_that_is_not_csv_fails_before_the_mapping_step_naming_file_and_line(
    qtbot: QtBot, app: App, tmp_path: Path
) -> None:
    _, _, transfer, opened = app
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"name,category\nok,plumber\n\x00\x01\x02")
    transfer.import_actions["csv"].trigger()
    chooser = next(dialog for dialog in opened if isinstance(dialog, QFileDialog))
    chooser.selectFile(str(binary))
    with qtbot.waitSignal(transfer.failed, timeout=TIMEOUT_MS) as failed:
        chooser.accept()
    assert failed.args[0].startswith(f"{binary}, line 3")
    assert not any(isinstance(dialog, CsvMappingDialog) for dialog in opened)
    summary = next(dialog for dialog in opened if isinstance(dialog, ImportSummaryDialog))
    assert summary.windowTitle() == "Import failed"
