"""Render the application icon's PNG sizes from its SVG (run after editing the SVG; --check verifies them)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Rendering needs no display: set before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.grapevine.Grapevine"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The hicolor sizes desktops and AppStream ask for (64 and 128 are required by Flathub and software centres)."""
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
MAX_MEAN_DIFFERENCE = 2.0
"""Mean per-channel difference (0-255) tolerated by --check: Qt versions anti-alias edges a little differently."""


def png_path(icons: Path, size: int) -> Path:
    """Where a size lives: the freedesktop hicolor layout, so installing is a plain copy of the folder."""
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of ``size`` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def mean_difference(first: QImage, second: QImage) -> float:
    """Mean absolute difference over every channel of every pixel (images of the same size and format)."""
    # Keep the converted images referenced while their bytes are read: the buffers belong to them.
    converted = [image.convertToFormat(QImage.Format.Format_RGBA8888) for image in (first, second)]
    a, b = (bytes(image.constBits()) for image in converted)
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def write(svg: Path, icons: Path) -> None:
    for size in SIZES:
        target = png_path(icons, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target)):
            raise SystemExit(f"render_icons: cannot write {target}")
        print(f"wrote {target}")


def check(svg: Path, icons: Path) -> list[str]:
    """Problems with the committed PNGs: missing, wrong size, or no longer what the SVG renders."""
    problems = []
    for size in SIZES:
        target = png_path(icons, size)
        stored = QImage(str(target))
        if stored.isNull():
            problems.append(f"{target}: missing or not a PNG")
        elif (stored.width(), stored.height()) != (size, size):
            problems.append(f"{target}: {stored.width()}x{stored.height()}, expected {size}x{size}")
        else:
            difference = mean_difference(stored, render(svg, size))
            if difference > MAX_MEAN_DIFFERENCE:
                problems.append(f"{target}: differs from the SVG (mean difference {difference:.1f}); re-render it")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="verify the PNGs instead of writing them")
    parser.add_argument("--icons", type=Path, default=ICONS, help="icons folder (default: resources/icons)")
    args = parser.parse_args(argv)
    svg = args.icons / f"{APP_ID}.svg"
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if not args.check:
        write(svg, args.icons)
        return 0
    problems = check(svg, args.icons)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{len(SIZES)} icon sizes match {svg.name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
