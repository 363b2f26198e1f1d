"""Window layout is remembered in QSettings: geometry and named splitters come back as they were left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter
from pytestqt.qtbot import QtBot

from ui.window_state import restore_window_state, save_window_state


def _window(qtbot: QtBot) -> tuple[QMainWindow, QSplitter]:
    window = QMainWindow()
    qtbot.addWidget(window)
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    splitter.setObjectName("results_splitter")
    splitter.addWidget(QLabel("results"))
    splitter.addWidget(QLabel("details"))
    window.setCentralWidget(splitter)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    return window, splitter


def _left_share(splitter: QSplitter) -> float:
    sizes = splitter.sizes()
    return sizes[0] / sum(sizes)


def test_layout_round_trip(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window, splitter = _window(qtbot)
    splitter.setSizes([250, 650])
    share = _left_share(splitter)
    save_window_state(window, settings)
    window.close()

    again, again_splitter = _window(qtbot)
    assert abs(_left_share(again_splitter) - share) > 0.1
    assert restore_window_state(again, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    # The offscreen platform adjusts restored geometry by a frame it does not draw, so compare proportions.
    assert abs(_left_share(again_splitter) - share) < 0.01


def test_nothing_remembered_keeps_the_default(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = _window(qtbot)
    assert not restore_window_state(window, QSettings(str(tmp_path / "none.ini"), QSettings.Format.IniFormat))
