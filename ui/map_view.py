"""An offline map of the vendors around home: pins by category group, distance rings, scale bar, optional tiles."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QToolTip, QWidget

from recommender.geo import mercator
from recommender.taxonomy import GROUPS, load_taxonomy
from ui import map_overlays
from ui.map_points import GROUP_COLOURS, MapPoint, MapPoints
from ui.tile_cache import TileCache

DEFAULT_ZOOM = 14.0
# One wheel notch or key press; half a level keeps the scale readable between steps.
ZOOM_STEP = 0.5
PAN_STEP = 64
# A press that moves less than this is a click, not the start of a drag.
CLICK_SLOP = 4
# Pins are easier to hit than to see: a few pixels of grace around the dot.
HIT_RADIUS = map_overlays.PIN_RADIUS + 3


class MapView(QWidget):
    """Vendors as coloured pins around home; click a pin to open the vendor, wheel or +/- to zoom, drag to pan."""

    vendor_activated = Signal(uuid.UUID)
    """A pin was clicked: the vendor's id."""

    def __init__(self, tiles: TileCache | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Map of vendors"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 150)
        self._tiles = tiles
        if tiles is not None:
            tiles.tile_loaded.connect(self._on_tiles_tile_loaded)
        self._taxonomy = load_taxonomy()
        self._points = MapPoints.of([])
        self._highlighted_position: int | None = None
        self._lats = np.zeros(0)
        self._lons = np.zeros(0)
        self._home = (0.0, 0.0)
        self._zoom = DEFAULT_ZOOM
        # The world pixel at the middle of the view, at the current zoom.
        self._middle = QPointF(*mercator.project(0.0, 0.0, self._zoom))
        self._highlighted: uuid.UUID | None = None
        self._press: QPointF | None = None
        self._dragged = False

    # Public API.

    def set_tiles(self, tiles: TileCache | None) -> None:
        """Draw street tiles from this cache (None: pins on a plain background)."""
        if self._tiles is not None:
            self._tiles.tile_loaded.disconnect(self._on_tiles_tile_loaded)
        self._tiles = tiles
        if tiles is not None:
            tiles.tile_loaded.connect(self._on_tiles_tile_loaded)
        self.update()

    @property
    def tiles(self) -> TileCache | None:
        return self._tiles

    def look_at(self, lat: float, lon: float) -> None:
        """Centre the view on a place, leaving home (and its rings) where it is."""
        self._middle = QPointF(*mercator.project(lat, lon, self._zoom))
        self.update()

    def set_vendors(self, points: MapPoints | Sequence[MapPoint]) -> None:
        """Show these vendors (replacing any shown before)."""
        self._points = points if isinstance(points, MapPoints) else MapPoints.of(points, self._taxonomy)
        self._lats = self._points.lats
        self._lons = self._points.lons
        self._highlighted_position = (
            self._points.position_of(self._highlighted) if self._highlighted is not None else None
        )
        self.update()

    def set_centre(self, lat: float, lon: float) -> None:
        """Put home here, with the rings around it, and centre the view on it."""
        self._home = (lat, lon)
        self._middle = QPointF(*mercator.project(lat, lon, self._zoom))
        self.update()

    def set_zoom(self, zoom: float) -> None:
        """Zoom to a level between 0 (the world) and 19 (a street), keeping the middle of the view in place."""
        self._zoom_about(QPointF(self.width() / 2, self.height() / 2), zoom)

    def zoom(self) -> float:
        return self._zoom

    def centre(self) -> tuple[float, float]:
        """The (lat, lon) at the middle of the view."""
        return mercator.unproject(self._middle.x(), self._middle.y(), self._zoom)

    def highlight(self, vendor_id: uuid.UUID | None) -> None:
        """Mark one vendor's pin (e.g. the one selected in the results), or none."""
        self._highlighted = vendor_id
        self._highlighted_position = self._points.position_of(vendor_id) if vendor_id is not None else None
        self.update()

    def pixel_for(self, lat: float, lon: float) -> QPointF:
        """Where a place is drawn, in widget pixels."""
        x, y = mercator.project(lat, lon, self._zoom)
        return QPointF(x, y) - self._origin()

    def point_at(self, position: QPointF) -> MapPoint | None:
        """The pin under a widget position (the nearest within a few pixels), or None."""
        if not len(self._points):
            return None
        xs, ys = self._screen_positions()
        distances = np.hypot(xs - position.x(), ys - position.y())
        nearest = int(np.argmin(distances))
        return self._points.point(nearest) if distances[nearest] <= HIT_RADIUS else None

    def scale_text(self) -> str:
        """The scale bar's label, as drawn."""
        return self._distance_text(self._scale_bar().metres)

    def ring_texts(self) -> list[str]:
        """The distance rings' labels, innermost first, as drawn."""
        return [label for _, label in self._rings()]

    # Geometry.

    def _origin(self) -> QPointF:
        return self._middle - QPointF(self.width() / 2, self.height() / 2)

    def _screen_positions(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        xs, ys = mercator.project_many(self._lats, self._lons, self._zoom)
        origin = self._origin()
        return xs - origin.x(), ys - origin.y()

    def _scale_bar(self) -> mercator.ScaleBar:
        # The scale of the middle of the view: Mercator's scale changes with latitude.
        return mercator.scale_bar(self.centre()[0], self._zoom, max_pixels=max(40.0, self.width() / 4))

    def _rings(self) -> list[tuple[float, str]]:
        lat = self._home[0]
        # Every ring whole on screen while home is in the middle, labels included.
        reach = min(self.width(), self.height()) / 2 - 10
        metres_per_pixel = mercator.metres_per_pixel(lat, self._zoom)
        return [
            (metres / metres_per_pixel, self._distance_text(metres))
            for metres in mercator.distance_rings_m(lat, self._zoom, reach)
        ]

    def _distance_text(self, metres: float) -> str:
        if metres < 1000:
            return self.tr("{0} m").format(round(metres))
        return self.tr("{0} km").format(round(metres / 1000))

    def _zoom_about(self, anchor: QPointF, zoom: float) -> None:
        """Change zoom so that the place under ``anchor`` (widget pixels) stays under it."""
        zoom = min(mercator.MAX_ZOOM, max(mercator.MIN_ZOOM, zoom))
        if zoom == self._zoom:
            return
        world = self._origin() + anchor
        lat, lon = mercator.unproject(world.x(), world.y(), self._zoom)
        self._zoom = zoom
        self._middle += QPointF(*mercator.project(lat, lon, zoom)) - (self._origin() + anchor)
        self.update()

    def _pan(self, dx: float, dy: float) -> None:
        self._middle += QPointF(dx, dy)
        self.update()

    def _group_label(self, group: str) -> str:
        labels = {
            "health": self.tr("Health"),
            "children": self.tr("Children"),
            "home": self.tr("Home"),
            "pets": self.tr("Pets"),
            "personal_care": self.tr("Personal care"),
            "money_legal": self.tr("Money and legal"),
            "car": self.tr("Car"),
            "food": self.tr("Food"),
            "lessons": self.tr("Lessons"),
            "other": self.tr("Other"),
        }
        return labels[group]

    # Qt overrides.

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        tile = self._tiles.tile if self._tiles is not None else None
        drew_tiles = map_overlays.paint_background(painter, rect, self._origin(), self._zoom, tile)
        home = self.pixel_for(*self._home)
        rings = self._rings()
        map_overlays.paint_rings(painter, home, rings)
        xs, ys = self._screen_positions()
        margin = map_overlays.HIGHLIGHT_RADIUS + 3
        visible = (xs >= -margin) & (xs <= rect.width() + margin) & (ys >= -margin) & (ys <= rect.height() + margin)
        highlighted = self._highlighted_position
        colours = [GROUP_COLOURS[group] for group in GROUPS]
        groups = self._points.groups
        for index in np.flatnonzero(visible).tolist():
            if index != highlighted:
                map_overlays.paint_pin(
                    painter, QPointF(xs[index], ys[index]), colours[groups[index]], highlighted=False
                )
        map_overlays.paint_home(painter, home)
        # Drawn last so no other pin hides it.
        if highlighted is not None:
            colour = colours[groups[highlighted]]
            map_overlays.paint_pin(painter, QPointF(xs[highlighted], ys[highlighted]), colour, highlighted=True)
        map_overlays.paint_ring_labels(painter, home, rings)
        bar = self._scale_bar()
        map_overlays.paint_scale_bar(painter, rect, bar.pixels, self._distance_text(bar.metres))
        present = {GROUPS[group] for group in np.unique(groups).tolist()}
        legend = [(GROUP_COLOURS[group], self._group_label(group)) for group in GROUPS if group in present]
        map_overlays.paint_legend(painter, rect, legend)
        if drew_tiles and self._tiles is not None and self._tiles.attribution:
            map_overlays.paint_attribution(painter, rect, self._tiles.attribution)
        painter.end()

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120
        if notches:
            self._zoom_about(event.position(), self._zoom + notches * ZOOM_STEP)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = event.position() - self._press
            if self._dragged or delta.manhattanLength() >= CLICK_SLOP:
                self._dragged = True
                self._press = event.position()
                self._pan(-delta.x(), -delta.y())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            clicked = not self._dragged
            self._press = None
            if clicked:
                point = self.point_at(event.position())
                if point is not None:
                    self.vendor_activated.emit(point.id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        middle = QPointF(self.width() / 2, self.height() / 2)
        pans = {
            Qt.Key.Key_Left: (-PAN_STEP, 0),
            Qt.Key.Key_Right: (PAN_STEP, 0),
            Qt.Key.Key_Up: (0, -PAN_STEP),
            Qt.Key.Key_Down: (0, PAN_STEP),
        }
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self._zoom_about(middle, self._zoom + ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self._zoom_about(middle, self._zoom - ZOOM_STEP)
        elif key in pans:
            self._pan(*pans[Qt.Key(key)])
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = self.point_at(QPointF(event.pos()))
            if point is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), point.name, self)
            return True
        return super().event(event)

    @Slot(int, int, int)
    def _on_tiles_tile_loaded(self, zoom: int, x: int, y: int) -> None:
        # Only a tile at the zoom being drawn can change what is on screen.
        if round(self._zoom) == zoom:
            self.update()
