"""Whole-window flows as a user would go through them: delete and undo, a review that reranks, a map pin."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from recommender.directory.errors import NotFoundError
from recommender.directory.people import find_me
from recommender.directory.reviews import reviews_for_vendor
from recommender.directory.vendors import get_vendor
from ui.directory_actions import DirectoryActions
from ui.main_window import MainWindow
from ui.review_dialog import ReviewDialog


def shown_ids(window: MainWindow) -> list[uuid.UUID]:
    return [window.results_model.result(row).id for row in range(window.results_model.rowCount())]


def open_top(qtbot: QtBot, window: MainWindow, query: str) -> uuid.UUID:
    qtbot.keyClicks(window.search_bar.search_box, query)
    with qtbot.waitSignal(window.vendor_loaded, timeout=5000):
        window.select_row(0)
    return window.results_model.result(0).id


def test_delete_from_the_menu_then_undo(qtbot: QtBot, app: tuple[MainWindow, DirectoryActions]) -> None:
    window, actions = app
    top = open_top(qtbot, window, "dentist")
    with qtbot.waitSignal(actions.refreshed, timeout=10_000):
        actions.delete_vendor_action.trigger()
    assert top not in shown_ids(window)
    assert window.db is not None
    with window.db.read() as session, pytest.raises(NotFoundError):
        get_vendor(session, top)
    assert actions.deletes.undo_action.isEnabled()
    with qtbot.waitSignal(actions.refreshed, timeout=10_000):
        actions.deletes.undo_action.trigger()
    assert shown_ids(window)[0] == top


def test_a_poor_review_from_the_menu_moves_the_vendor_down_at_once(
    qtbot: QtBot, app: tuple[MainWindow, DirectoryActions]
) -> None:
    window, actions = app
    top = open_top(qtbot, window, "hairdresser")
    actions.review_action.trigger()
    dialog = window.findChild(ReviewDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
    dialog.rating_box.setCurrentIndex(dialog.rating_box.findData(1))
    dialog.text_edit.setPlainText("Cut my hair in half. Literally.")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    with qtbot.waitSignal(actions.refreshed, timeout=10_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert shown_ids(window)[0] != top
    assert window.db is not None
    with window.db.read() as session:
        me = find_me(session)
        mine = [r for r in reviews_for_vendor(session, top) if me is not None and r.author_id == me.id]
    assert [(r.rating, r.text) for r in mine] == [(1, "Cut my hair in half. Literally.")]


def test_a_pin_clicked_on_the_map_opens_that_vendor(qtbot: QtBot, app: tuple[MainWindow, DirectoryActions]) -> None:
    window, _ = app
    window.tabs.setCurrentWidget(window.map_view)
    qtbot.waitExposed(window.map_view)
    engine = window.engine
    assert engine is not None and engine.home is not None
    window.map_view.set_zoom(15)
    point = None
    for lat_step in range(-20, 21):
        for lon_step in range(-20, 21):
            pixel = window.map_view.pixel_for(engine.home[0] + lat_step * 0.0005, engine.home[1] + lon_step * 0.0008)
            point = window.map_view.point_at(pixel)
            if point is not None and window.map_view.rect().contains(pixel.toPoint()):
                break
        if point is not None:
            break
    assert point is not None, "no pin near home"
    with qtbot.waitSignal(window.vendor_loaded, timeout=5000):
        qtbot.mouseClick(
            window.map_view, Qt.MouseButton.LeftButton, pos=window.map_view.pixel_for(point.lat, point.lon).toPoint()
        )
    assert window.vendor_pane.vendor_id == point.id
