"""The results table model: what each column shows, the vendor id role, and Qt's model contract."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from ui.app import Directory
from ui.models.results_model import Column, ResultsModel, VendorIdRole


def test_the_model_passes_qt_model_tests_empty_and_filled(qtmodeltester: ModelTester, directory: Directory) -> None:
    model = ResultsModel()
    qtmodeltester.check(model)
    results = directory.engine.search("dentist", limit=10)
    model.set_results(directory.engine, results)
    qtmodeltester.check(model)
    assert model.rowCount() == len(results) > 0


def test_rows_show_the_ranked_vendors_in_order(directory: Directory) -> None:
    model = ResultsModel()
    results = directory.engine.search("dentist", limit=10)
    model.set_results(directory.engine, results)
    top = results[0]
    assert model.index(0, Column.NAME).data() == top.name
    assert model.index(0, Column.CATEGORY).data() == "Dentist"
    assert model.index(0, Column.STARS).data() == f"★ {top.rating:.1f}"
    assert model.index(0, Column.DISTANCE).data().endswith(" km")
    assert "review" in model.index(0, Column.REASON).data()
    assert [model.index(row, 0).data(VendorIdRole) for row in range(model.rowCount())] == [r.id for r in results]
    assert model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Name"


def test_new_results_replace_the_old_ones(directory: Directory) -> None:
    model = ResultsModel()
    model.set_results(directory.engine, directory.engine.search("dentist"))
    model.set_results(directory.engine, directory.engine.search("plumber", limit=3))
    assert model.rowCount() == 3
    assert {model.index(row, Column.CATEGORY).data() for row in range(3)} == {"Plumber"}
