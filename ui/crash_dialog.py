"""The dialog for bugs: what went wrong, the recent log lines, and a way to copy it all into a report."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from recommender import __version__
from ui.log_buffer import RecentLines

logger = logging.getLogger(__name__)


def crash_report(error: BaseException, recent: list[str]) -> str:
    """The text of a bug report: version, the exception with its traceback, and the lines logged before it."""
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return f"Grapevine {__version__}\n\n{trace}\nRecent log lines:\n" + "\n".join(recent)


class CrashDialog(QDialog):
    """Shown for unexpected errors only; expected ones (a bad file, no network) are messages, not crashes."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Grapevine ran into a problem"))
        self.report = report
        intro = QLabel(
            self.tr(
                "Something went wrong that should not have. Your data is safe: nothing half-written is kept. "
                "Please copy this report into a bug report."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Crash report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


def install_excepthook(recent: RecentLines, show: Callable[[str], None] | None = None) -> None:
    """Unhandled exceptions (bugs) are logged and shown in a crash dialog instead of vanishing."""

    def show_dialog(report: str) -> None:
        CrashDialog(report).exec()

    present = show or show_dialog

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        logger.error("unexpected error", exc_info=(kind, error, trace))
        present(crash_report(error.with_traceback(trace), recent.lines()))

    sys.excepthook = hook
