"""The vendor map: pins where the projection puts them, in their group's colour; clicks, zoom, pan, rings, tiles."""

from __future__ import annotations

import uuid
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from recommender.geo import mercator
from recommender.taxonomy import GROUPS
from ui.app import Directory
from ui.map_points import GROUP_COLOURS, MapPoint, group_of, map_points
from ui.map_view import MapView
from ui.tasks import TaskRunner
from ui.tile_cache import TileCache

HOME = (47.3769, 8.5417)
WIDTH, HEIGHT = 400, 300
ZOOM = 15.0


def _offset(dx_px: float, dy_px: float) -> tuple[float, float]:
    """The place ``dx_px`` right of and ``dy_px`` below home at ZOOM."""
    x, y = mercator.project(*HOME, ZOOM)
    return mercator.unproject(x + dx_px, y + dy_px, ZOOM)


DENTIST = MapPoint(uuid.uuid4(), "Smile Dental", "dentist", *_offset(-90, 60))
PLUMBER = MapPoint(uuid.uuid4(), "Pipe Masters", "plumber", *_offset(80, 70))


@pytest.fixture
def view(qtbot: QtBot) -> MapView:
    widget = MapView()
    qtbot.addWidget(widget)
    widget.resize(WIDTH, HEIGHT)
    widget.set_zoom(ZOOM)
    widget.set_centre(*HOME)
    widget.set_vendors([DENTIST, PLUMBER])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _screen(view: MapView, point: MapPoint) -> QPoint:
    return view.pixel_for(point.lat, point.lon).toPoint()


def _image(view: MapView) -> QImage:
    return view.grab().toImage()


def test_pins_are_drawn_where_the_projection_puts_them(view: MapView) -> None:
    x, y = mercator.project(DENTIST.lat, DENTIST.lon, ZOOM)
    home_x, home_y = mercator.project(*HOME, ZOOM)
    expected = QPointF(x - home_x + WIDTH / 2, y - home_y + HEIGHT / 2)
    assert view.pixel_for(DENTIST.lat, DENTIST.lon) == expected
    assert (expected.x(), expected.y()) == pytest.approx((WIDTH / 2 - 90, HEIGHT / 2 + 60), abs=1e-6)
    image = _image(view)
    assert image.pixelColor(expected.toPoint()) == GROUP_COLOURS["health"]
    assert image.pixelColor(_screen(view, PLUMBER)) == GROUP_COLOURS["home"]


def test_clicking_a_pin_opens_its_vendor(qtbot: QtBot, view: MapView) -> None:
    with qtbot.waitSignal(view.vendor_activated, timeout=1000) as activated:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=_screen(view, PLUMBER) + QPoint(3, -2))
    assert activated.args == [PLUMBER.id]


def test_clicking_empty_map_opens_nothing(qtbot: QtBot, view: MapView) -> None:
    with qtbot.assertNotEmitted(view.vendor_activated):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=_screen(view, PLUMBER) + QPoint(20, 0))


def test_zooming_changes_the_scale_bar_and_rings(qtbot: QtBot, view: MapView) -> None:
    # At zoom 15 in Zurich a pixel is 3.2 m: 200 m is the longest round length within a quarter of the width.
    assert view.scale_text() == "200 m"
    assert view.ring_texts() == ["50 m", "100 m", "200 m"]
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom() == ZOOM - 1
    assert view.scale_text() == "500 m"
    assert view.ring_texts() == ["100 m", "200 m", "500 m"]
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom() == ZOOM - 0.5


def test_scale_bar_depends_on_latitude(view: MapView) -> None:
    view.set_zoom(14)
    assert view.scale_text() == "500 m"
    # Farther north the same pixels cover less ground.
    view.set_centre(65.0, 8.5)
    assert view.scale_text() == "200 m"


def test_wheel_zoom_keeps_the_place_under_the_cursor(view: MapView) -> None:
    anchor = _screen(view, DENTIST)
    before = view.pixel_for(DENTIST.lat, DENTIST.lon)
    event = QWheelEvent(
        QPointF(anchor),
        QPointF(view.mapToGlobal(anchor)),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)
    assert view.zoom() == ZOOM + 1
    assert view.pixel_for(DENTIST.lat, DENTIST.lon) == before


def test_dragging_pans_without_opening_a_vendor(qtbot: QtBot, view: MapView) -> None:
    start = _screen(view, DENTIST)
    with qtbot.assertNotEmitted(view.vendor_activated):
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view, start + QPoint(30, 0))
        qtbot.mouseMove(view, start + QPoint(50, 10))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(50, 10))
    assert view.pixel_for(DENTIST.lat, DENTIST.lon) == QPointF(start + QPoint(50, 10))


def test_arrow_keys_pan(qtbot: QtBot, view: MapView) -> None:
    before = view.pixel_for(*HOME)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.pixel_for(*HOME) == before - QPointF(64, 64)


def test_highlighted_pin_is_drawn_larger(view: MapView) -> None:
    edge = _screen(view, DENTIST) + QPoint(7, 0)
    assert _image(view).pixelColor(edge) != GROUP_COLOURS["health"]
    view.highlight(DENTIST.id)
    assert _image(view).pixelColor(edge) == GROUP_COLOURS["health"]


# The offscreen platform cannot raise the tooltip window above others, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hovering_a_pin_shows_its_name(view: MapView) -> None:
    position = _screen(view, DENTIST)
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, position, view.mapToGlobal(position)))
    assert QToolTip.text() == "Smile Dental"
    QToolTip.hideText()


def test_cached_tiles_are_drawn_behind_the_pins(qtbot: QtBot, tasks: TaskRunner, tmp_path: Path) -> None:
    tile_colour = QColor("#88cc88")
    tile = QImage(256, 256, QImage.Format.Format_RGB32)
    tile.fill(tile_colour)
    zoom = 15
    x, y = mercator.tile_for(*HOME, zoom)
    for tx in range(x - 2, x + 3):
        for ty in range(y - 2, y + 3):
            path = tmp_path / str(zoom) / str(tx) / f"{ty}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            assert tile.save(str(path))
    view = MapView(TileCache(tasks, None, cache_dir=tmp_path, attribution="Test tiles"))
    qtbot.addWidget(view)
    view.resize(WIDTH, HEIGHT)
    view.set_zoom(zoom)
    view.set_centre(*HOME)
    view.set_vendors([DENTIST])
    image = _image(view)
    assert image.pixelColor(_screen(view, DENTIST) + QPoint(20, 0)) == tile_colour
    assert image.pixelColor(_screen(view, DENTIST)) == GROUP_COLOURS["health"]


def test_map_points_come_from_the_snapshot(directory: Directory) -> None:
    snapshot = directory.engine.snapshot
    points = map_points(snapshot)
    located = int(np.count_nonzero(~np.isnan(snapshot.geometry.lats)))
    assert 0 < len(points) == located
    assert len(set(points.hex_ids)) == len(points)
    for position in (0, len(points) - 1):
        point = points.point(position)
        index = snapshot.vendors.index[point.id.hex]
        assert point.name == snapshot.vendors.names[index]
        assert point.category == snapshot.vendors.categories[index]
        assert (point.lat, point.lon) == (snapshot.geometry.lats[index], snapshot.geometry.lons[index])
        assert GROUPS[points.groups[position]] == group_of(point.category)
