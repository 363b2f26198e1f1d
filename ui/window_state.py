"""The window's layout (geometry, toolbars, splitters), kept in QSettings apart from the user's preferences."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitters/{name}"


def _splitters(window: QMainWindow) -> list[QSplitter]:
    # Only named splitters: the name is the key that finds a splitter again on the next start.
    return [splitter for splitter in window.findChildren(QSplitter) if splitter.objectName()]


def save_window_state(window: QMainWindow, settings: QSettings) -> None:
    """Remember where the window is and how it is laid out (call from closeEvent)."""
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState())
    for splitter in _splitters(window):
        settings.setValue(_SPLITTER.format(name=splitter.objectName()), splitter.saveState())
    settings.sync()


def restore_window_state(window: QMainWindow, settings: QSettings) -> bool:
    """Put the window back as it was left; False when nothing was remembered (keep the default layout)."""
    geometry = settings.value(_GEOMETRY)
    if not isinstance(geometry, QByteArray):
        return False
    window.restoreGeometry(geometry)
    state = settings.value(_STATE)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for splitter in _splitters(window):
        saved = settings.value(_SPLITTER.format(name=splitter.objectName()))
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)
    return True
