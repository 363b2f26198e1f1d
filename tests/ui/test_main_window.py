"""The main window driven as a user would: type (with a typo), pick, open a vendor, move around by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recommender.directory.reviews import reviews_for_vendor
from recommender.directory.vendors import get_vendor
from ui.app import Directory
from ui.main_window import MainWindow
from ui.models.results_model import Column, VendorIdRole


def shown_categories(window: MainWindow) -> list[str]:
    model = window.results_model
    return [model.index(row, Column.CATEGORY).data() for row in range(model.rowCount())]


def test_the_status_bar_counts_the_neighbourhood(window: MainWindow) -> None:
    assert window.statusBar().currentMessage() == "400 vendors · 150 people"


def test_typing_a_typo_finds_dentists(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_bar.search_box, "dentst")
    categories = shown_categories(window)
    assert categories and categories[:5] == ["Dentist"] * 5


def test_enter_opens_the_top_result_with_a_reviewer_path(
    qtbot: QtBot, window: MainWindow, directory: Directory
) -> None:
    qtbot.keyClicks(window.search_bar.search_box, "dentst")
    top_id = window.results_model.index(0, 0).data(VendorIdRole)
    with qtbot.waitSignal(window.vendor_loaded, timeout=5000) as loaded:
        qtbot.keyClick(window.search_bar.search_box, Qt.Key.Key_Return)
    pane = window.vendor_pane
    assert pane.vendor_id == top_id and loaded.args[0].vendor.id == top_id
    assert pane.name_label.text() == window.results_model.index(0, Column.NAME).data()
    assert pane.category_label.text() == "Dentist"
    assert "you → " in pane.why_label.text()
    # The details come from the database, as stored.
    with directory.db.read() as session:
        stored = get_vendor(session, top_id)
    shown = pane.contact_label.text() + pane.place_label.text()
    for value in (stored.phone, stored.email, stored.address):
        if value:
            assert value in shown
    # Reviewers are quoted from what they wrote.
    with directory.db.read() as session:
        texts = [review.text for review in reviews_for_vendor(session, top_id) if review.text]
    assert texts and any(text[:40] in pane.why_label.text() for text in texts)
    # Enter in the results moves on to the vendor; Esc steps back to the results, then to the search box.
    assert QApplication.focusWidget() is window.results_view
    qtbot.keyClick(window.results_view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.vendor_pane
    qtbot.keyClick(window.vendor_pane, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.results_view
    assert window.vendor_pane.vendor_id == top_id
    qtbot.keyClick(window.results_view, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.search_bar.search_box


def test_a_quick_pick_fills_the_search(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.search_bar.quick_pick_buttons["dog_walker"], Qt.MouseButton.LeftButton)
    assert window.search_bar.query == "dog walker"
    assert set(shown_categories(window)[:5]) == {"Dog walker"}


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.results_view.setFocus()
    qtbot.keyClick(window.results_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_bar.search_box


def test_controls_have_accessible_names(window: MainWindow) -> None:
    assert window.search_bar.search_box.accessibleName() == "Search vendors"
    assert window.results_view.accessibleName() == "Search results"
    assert window.vendor_pane.accessibleName() == "Vendor details"
    assert all(button.accessibleName() for button in window.search_bar.quick_pick_buttons.values())
