"""Theme: dark and light colours on demand, and the system's scheme followed by default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.theme import ThemeController, scheme_for


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    original = instance.palette()
    yield instance
    # The application is shared by every test: leave its colours as they were.
    instance.setPalette(original)


def _window_lightness(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Window).lightness()


def test_dark_and_light_change_the_colours(app: QApplication) -> None:
    controller = ThemeController(app)
    try:
        assert controller.apply("dark") == Qt.ColorScheme.Dark
        assert _window_lightness(app) < 100
        assert controller.apply("light") == Qt.ColorScheme.Light
        assert _window_lightness(app) > 150
    finally:
        controller.deleteLater()


def test_system_follows_the_style_hints(app: QApplication) -> None:
    controller = ThemeController(app)
    try:
        expected = scheme_for("system", app.styleHints().colorScheme())
        assert controller.apply("system") == expected
    finally:
        controller.deleteLater()


@pytest.mark.parametrize(
    ("theme", "system", "shown"),
    [
        ("system", Qt.ColorScheme.Dark, Qt.ColorScheme.Dark),
        ("system", Qt.ColorScheme.Light, Qt.ColorScheme.Light),
        ("system", Qt.ColorScheme.Unknown, Qt.ColorScheme.Light),
        ("light", Qt.ColorScheme.Dark, Qt.ColorScheme.Light),
        ("dark", Qt.ColorScheme.Light, Qt.ColorScheme.Dark),
    ],
)
def test_scheme_for(theme: str, system: Qt.ColorScheme, shown: Qt.ColorScheme) -> None:
    assert scheme_for(theme, system) == shown
