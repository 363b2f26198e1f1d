"""Logging for the app: a ring buffer of recent lines for the crash dialog, and Qt's own messages routed in."""

from __future__ import annotations

import collections
import logging
import threading

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

RECENT_LINES = 200
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

qt_logger = logging.getLogger("ui.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class RecentLines(logging.Handler):
    """Keeps the last lines logged, so a crash report can show what happened just before."""

    def __init__(self, capacity: int = RECENT_LINES) -> None:
        super().__init__()
        self._lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self._guard = threading.Lock()
        self.setFormatter(logging.Formatter(_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        with self._guard:
            self._lines.append(line)

    def lines(self) -> list[str]:
        with self._guard:
            return list(self._lines)


# Platform-plugin chatter that says nothing about Grapevine (the offscreen plugin has no window manager).
_NOISE = ("This plugin does not support propagateSizeHints",)


def route_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings (a missing plugin, a bad signal connection) go to the log, with where they came from."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    level = logging.DEBUG if message.startswith(_NOISE) else _QT_LEVELS.get(kind, logging.WARNING)
    qt_logger.log(level, "%s%s", message, where)


def install_logging(level: int = logging.INFO) -> RecentLines:
    """Send log lines to stderr and the recent-lines buffer, and Qt's messages into the log."""
    recent = RecentLines()
    root = logging.getLogger()
    # The buffer wants the details; the terminal keeps showing only what it showed before (warnings by default).
    for handler in root.handlers:
        if handler.level == logging.NOTSET:
            handler.setLevel(root.level if root.level != logging.NOTSET else logging.WARNING)
    if not any(isinstance(handler, logging.StreamHandler) for handler in root.handlers):
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)
    root.setLevel(min(root.level or level, level))
    root.addHandler(recent)
    qInstallMessageHandler(route_qt_message)
    return recent
