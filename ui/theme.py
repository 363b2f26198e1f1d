"""Light and dark colours for the whole app, following the system's colour scheme unless the user picks one."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2e",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e20",
    QPalette.ColorRole.AlternateBase: "#2f2f33",
    QPalette.ColorRole.ToolTipBase: "#3a3a3f",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#8c8c8c",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#35353a",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#7fb4ff",
    QPalette.ColorRole.LinkVisited: "#c3a6ff",
    QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
}
# Disabled text must stay readable yet look disabled on the dark background.
_DARK_DISABLED = "#7a7a7a"


def dark_palette() -> QPalette:
    """Grapevine's dark colours."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def scheme_for(theme: str, system: Qt.ColorScheme) -> Qt.ColorScheme:
    """The scheme to show for a theme setting ("system", "light" or "dark"); an unknown system scheme is light."""
    if theme == "dark":
        return Qt.ColorScheme.Dark
    if theme == "light":
        return Qt.ColorScheme.Light
    return Qt.ColorScheme.Dark if system == Qt.ColorScheme.Dark else Qt.ColorScheme.Light


class ThemeController(QObject):
    """Applies the theme setting to the application, and re-applies it when the system scheme changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.theme = "system"
        self.applied: Qt.ColorScheme | None = None
        app.styleHints().colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)

    def apply(self, theme: str) -> Qt.ColorScheme:
        """Show ``theme`` (the ``Settings.theme`` value); returns the scheme now shown."""
        self.theme = theme
        scheme = scheme_for(theme, self.app.styleHints().colorScheme())
        if scheme != self.applied:
            palette = dark_palette() if scheme == Qt.ColorScheme.Dark else self.app.style().standardPalette()
            self.app.setPalette(palette)
            self.applied = scheme
            logger.info("theme %s: showing %s colours", theme, scheme.name)
        return scheme

    @Slot(Qt.ColorScheme)
    def _on_style_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme == "system":
            self.apply(self.theme)
