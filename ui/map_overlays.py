"""Painting the map's furniture: background grid, tiles, distance rings, home marker, pins, scale bar and legend."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPolygonF

from recommender.geo.mercator import TILE_SIZE

BACKGROUND = QColor("#f2efe9")
GRID = QColor("#dcd8cf")
RING = QColor(40, 40, 40, 150)
TEXT = QColor("#202020")
PANEL = QColor(255, 255, 255, 220)
PIN_RADIUS = 6.0
HIGHLIGHT_RADIUS = 9.0
MARGIN = 10.0


def paint_background(
    painter: QPainter,
    rect: QRectF,
    origin: QPointF,
    zoom: float,
    tile: Callable[[int, int, int], QImage | None] | None,
) -> bool:
    """Fill the view with tiles where available and a plain grid elsewhere; True if any tile was drawn.

    ``origin`` is the world pixel at the view's top-left; tiles come from the nearest whole zoom, scaled."""
    painter.fillRect(rect, BACKGROUND)
    tile_zoom = max(0, round(zoom))
    factor = 2.0 ** (zoom - tile_zoom)
    size = TILE_SIZE * factor
    count = 2**tile_zoom
    first_x, first_y = math.floor(origin.x() / size), math.floor(origin.y() / size)
    last_x = math.floor((origin.x() + rect.width()) / size)
    last_y = math.floor((origin.y() + rect.height()) / size)
    drew = False
    painter.setPen(QPen(GRID, 1))
    for tx in range(first_x, last_x + 1):
        for ty in range(max(0, first_y), min(count - 1, last_y) + 1):
            target = QRectF(tx * size - origin.x(), ty * size - origin.y(), size, size)
            # Longitude wraps around the antimeridian; latitude does not.
            image = tile(tile_zoom, tx % count, ty) if tile is not None else None
            if image is not None:
                painter.drawImage(target, image)
                drew = True
            else:
                painter.drawRect(target)
    return drew


def paint_rings(painter: QPainter, centre: QPointF, rings: Sequence[tuple[float, str]]) -> None:
    """Dashed circles of the given pixel radii around ``centre``."""
    painter.setPen(QPen(RING, 1.2, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for radius, _label in rings:
        painter.drawEllipse(centre, radius, radius)


def paint_ring_labels(painter: QPainter, centre: QPointF, rings: Sequence[tuple[float, str]]) -> None:
    """Each ring's distance on a light panel at its top, drawn over the pins so none hides it."""
    metrics = painter.fontMetrics()
    for radius, label in rings:
        width, height = metrics.horizontalAdvance(label) + 6, metrics.height()
        panel = QRectF(centre.x() - width / 2, centre.y() - radius - height / 2, width, height)
        painter.fillRect(panel, PANEL)
        painter.setPen(TEXT)
        painter.drawText(panel, Qt.AlignmentFlag.AlignCenter, label)


def paint_home(painter: QPainter, centre: QPointF) -> None:
    """A small house outline, black on white, at ``centre``."""
    x, y = centre.x(), centre.y()
    house = QPolygonF(
        [
            QPointF(x, y - 9),
            QPointF(x + 8, y - 2),
            QPointF(x + 6, y - 2),
            QPointF(x + 6, y + 7),
            QPointF(x - 6, y + 7),
            QPointF(x - 6, y - 2),
            QPointF(x - 8, y - 2),
        ]
    )
    painter.setPen(QPen(QColor("white"), 3))
    painter.setBrush(QColor("black"))
    painter.drawPolygon(house)
    painter.setPen(QPen(QColor("black"), 1))
    painter.drawPolygon(house)


def paint_pin(painter: QPainter, centre: QPointF, colour: QColor, highlighted: bool) -> None:
    """A filled dot with a white outline; the highlighted one larger, with a dark outer ring."""
    radius = HIGHLIGHT_RADIUS if highlighted else PIN_RADIUS
    if highlighted:
        painter.setPen(QPen(QColor("black"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius + 2, radius + 2)
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(colour)
    painter.drawEllipse(centre, radius, radius)


def paint_scale_bar(painter: QPainter, rect: QRectF, pixels: float, label: str) -> None:
    """A bar ``pixels`` long with end ticks and its length, at the bottom-left corner."""
    left, base = rect.left() + MARGIN, rect.bottom() - MARGIN
    panel = QRectF(left - 4, base - 24, pixels + 8, 28)
    painter.fillRect(panel, PANEL)
    painter.setPen(QPen(TEXT, 2))
    painter.drawLine(QPointF(left, base), QPointF(left + pixels, base))
    painter.drawLine(QPointF(left, base), QPointF(left, base - 6))
    painter.drawLine(QPointF(left + pixels, base), QPointF(left + pixels, base - 6))
    painter.drawText(QRectF(left, base - 24, pixels, 18), Qt.AlignmentFlag.AlignCenter, label)


def paint_legend(painter: QPainter, rect: QRectF, entries: Sequence[tuple[QColor, str]]) -> None:
    """Colour dots and group names in a panel at the top-right corner."""
    if not entries:
        return
    metrics = painter.fontMetrics()
    line = metrics.height() + 2
    width = max(metrics.horizontalAdvance(label) for _, label in entries) + 3 * PIN_RADIUS + 12
    panel = QRectF(rect.right() - MARGIN - width, rect.top() + MARGIN, width, line * len(entries) + 8)
    painter.fillRect(panel, PANEL)
    for row, (colour, label) in enumerate(entries):
        middle = panel.top() + 4 + line * row + line / 2
        paint_pin(painter, QPointF(panel.left() + 4 + PIN_RADIUS, middle), colour, highlighted=False)
        painter.setPen(TEXT)
        text_rect = QRectF(panel.left() + 8 + 2 * PIN_RADIUS, middle - line / 2, width, line)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)


def paint_attribution(painter: QPainter, rect: QRectF, text: str) -> None:
    """The tile provider's credit, small, at the bottom-right corner."""
    font = QFont(painter.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance(text) + 8
    height = painter.fontMetrics().height() + 2
    panel = QRectF(rect.right() - width, rect.bottom() - height, width, height)
    painter.fillRect(panel, PANEL)
    painter.setPen(TEXT)
    painter.drawText(panel, Qt.AlignmentFlag.AlignCenter, text)
