"""Measures the app's cold start and typing fluency for ``grapevine bench startup`` (run in its own process).

It starts the real app on a database, notes when the window is first painted and when it first shows ranked
results, then types queries one key at a time while a 1 ms heartbeat timer on the GUI thread measures the
longest gap between its ticks: the longest stall a user would feel. Timestamps are ``time.monotonic()``, the
same clock the parent process reads when it spawns this one, so the parent computes time since launch.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.app import Startup
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

QUERIES = ("dentist", "pediatrcian", "dog walkr", "hairdresser", "plumber", "accountant", "maple")
KEY_INTERVAL_MS = 60
"""A brisk typist: about 16 keys a second."""


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.monotonic()
        return False


class Probe(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.populated_at: float | None = None
        self.gaps: list[float] = []
        self._last_tick = 0.0
        self._keys = [character for query in QUERIES for character in ["\x08clear", *query]]
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(1)
        self._heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        self._heartbeat.timeout.connect(self._on_heartbeat_timeout)
        window.results_shown.connect(self._on_window_results_shown)

    def _on_window_results_shown(self) -> None:
        if self.populated_at is not None:
            return
        self.window.repaint()
        self.populated_at = time.monotonic()
        self._last_tick = time.monotonic()
        self._heartbeat.start()
        QTimer.singleShot(KEY_INTERVAL_MS, self._type_next)

    def _on_heartbeat_timeout(self) -> None:
        now = time.monotonic()
        self.gaps.append((now - self._last_tick) * 1000)
        self._last_tick = now

    def _type_next(self) -> None:
        if not self._keys:
            self._heartbeat.stop()
            QCoreApplication.exit(0)
            return
        key = self._keys.pop(0)
        box = self.window.search_bar.search_box
        if key == "\x08clear":
            box.clear()
        else:
            QTest.keyClicks(box, key)
        QTimer.singleShot(KEY_INTERVAL_MS, self._type_next)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.startup_probe")
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    tasks = TaskRunner()
    window = MainWindow(tasks)
    first_paint = _FirstPaint()
    window.installEventFilter(first_paint)
    probe = Probe(window)
    startup = Startup(window, tasks, None)
    startup.freeze_directory = True  # as the app itself does
    window.show()
    startup.start(args.db, False)
    code = app.exec()
    tasks.wait()
    if window.db is not None:
        window.db.close()
    gaps = sorted(probe.gaps)
    print(
        json.dumps(
            {
                "window_painted_at": first_paint.painted_at,
                "populated_at": probe.populated_at,
                "longest_stall_ms": round(gaps[-1], 2) if gaps else None,
                "stall_p99_ms": round(gaps[int(len(gaps) * 0.99)], 2) if gaps else None,
                "heartbeats": len(gaps),
                "keystrokes": sum(len(query) for query in QUERIES),
                "vendors": len(window.engine.snapshot.vendors.ids) if window.engine is not None else 0,
                # Linux reports kilobytes: the most memory the app held at any point (DESIGN budget: 400 MB).
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
    )
    return code or startup.exit_code


if __name__ == "__main__":
    sys.exit(main())
