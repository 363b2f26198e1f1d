"""Bugs reach a crash dialog with the recent log lines; Qt's own warnings reach the log."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ui.crash_dialog import CrashDialog, crash_report, install_excepthook
from ui.log_buffer import RecentLines, route_qt_message


@pytest.fixture
def recent() -> Iterator[RecentLines]:
    handler = RecentLines(capacity=3)
    logging.getLogger().addHandler(handler)
    yield handler
    logging.getLogger().removeHandler(handler)


def test_the_buffer_keeps_only_the_latest_lines(recent: RecentLines) -> None:
    log = logging.getLogger("tests.ui.crash")
    for number in range(5):
        log.warning("line %d", number)
    lines = recent.lines()
    assert len(lines) == 3 and lines[-1].endswith("tests.ui.crash: line 4") and "line 1" not in "".join(lines)


def test_qt_warnings_are_routed_into_the_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.qt"):
        route_qt_message(
            QtMsgType.QtWarningMsg, QMessageLogContext(), "QPainter::begin: Paint device returned engine == 0"
        )
    assert [(record.name, record.levelno) for record in caplog.records] == [("ui.qt", logging.WARNING)]
    assert "Paint device" in caplog.records[0].getMessage()


def test_an_unhandled_exception_shows_a_report_with_recent_lines(recent: RecentLines) -> None:
    shown: list[str] = []
    previous = sys.excepthook
    install_excepthook(recent, show=shown.append)
    try:
        logging.getLogger("tests.ui.crash").warning("opened the vendor page")
        try:
            raise ZeroDivisionError("division by zero in the ranking")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    assert len(shown) == 1
    assert "ZeroDivisionError: division by zero in the ranking" in shown[0]
    assert "opened the vendor page" in shown[0]


def test_the_crash_dialog_copies_its_report(qtbot: QtBot) -> None:
    try:
        raise ValueError("broken")
    except ValueError as error:
        report = crash_report(error, ["a line before"])
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    assert "a line before" in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
