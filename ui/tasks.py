"""The one way to run work off the GUI thread: results and exceptions come back on the GUI thread as signals."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QMetaMethod, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

logger = logging.getLogger(__name__)

# Geocoding and sync talk to different servers; a few at once is plenty for a desktop app.
NETWORK_THREADS = 4
# A worker may report progress thousands of times a second; a progress bar needs a few updates a second, and
# every report is an event queued to the GUI thread, so reports closer together than this are dropped.
PROGRESS_INTERVAL_S = 0.05

ReportProgress = Callable[[int, int | None], None]
"""What work run with progress is handed: call it with (done, total or None) from the worker, as often as liked."""


class Task(QObject):
    """One piece of background work; exactly one of its signals fires, on the GUI thread, when it ends."""

    succeeded = Signal(object)
    """The callable's return value."""
    failed = Signal(object)
    """The exception the callable raised."""
    progressed = Signal(object, object)
    """Work run with progress reported (done, total or None); never after ``succeeded`` or ``failed``."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name


@dataclass(frozen=True, slots=True)
class _Outcome:
    task: Task
    result: Any
    error: BaseException | None


class _Job(QRunnable):
    """Runs the callable on a pool thread and posts its outcome; it never touches a widget."""

    def __init__(self, task: Task, work: Callable[[], object], post: Callable[[_Outcome], None]) -> None:
        super().__init__()
        self._task = task
        self._work = work
        self._post = post

    def run(self) -> None:
        try:
            outcome = _Outcome(self._task, self._work(), None)
        except Exception as error:
            outcome = _Outcome(self._task, None, error)
        self._post(outcome)


class _ProgressReporter:
    """The worker side of a task's progress: rate-limited, and posted to the GUI thread by a queued signal."""

    def __init__(self, task: Task, post: Callable[[Task, int, int | None], None]) -> None:
        self._task = task
        self._post = post
        self._lock = threading.Lock()
        self._last = float("-inf")

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        with self._lock:
            # The first and the last report always go through: the bar starts at once and ends full.
            if now - self._last < PROGRESS_INTERVAL_S and done != total:
                return
            self._last = now
        self._post(self._task, done, total)


class TaskRunner(QObject):
    """Owns the worker pools: one serial worker for the database, a small pool for the network.

    Create it on the GUI thread; the signals of the tasks it returns are delivered there."""

    _job_finished = Signal(object)
    _job_progressed = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One database worker serialises reads and writes, so writes never contend with each other.
        self._database_pool = QThreadPool(self)
        self._database_pool.setMaxThreadCount(1)
        self._network_pool = QThreadPool(self)
        self._network_pool.setMaxThreadCount(NETWORK_THREADS)
        # Tasks are kept alive here until their outcome has been delivered.
        self._pending: set[Task] = set()
        # Queued explicitly: the signal is emitted on a pool thread, the slot must run on the GUI thread.
        self._job_finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)
        # Queued on the same connection type and receiver as outcomes, so every report arrives before the outcome.
        self._job_progressed.connect(self._on_job_progressed, Qt.ConnectionType.QueuedConnection)

    def run_database(self, work: Callable[[], object], name: str = "database") -> Task:
        """Run ``work`` on the database worker, after every database task submitted before it."""
        return self._start(self._database_pool, work, name)

    def run_network(self, work: Callable[[], object], name: str = "network") -> Task:
        """Run ``work`` on the network pool (``work`` must apply its own timeouts)."""
        return self._start(self._network_pool, work, name)

    def run_database_with_progress(self, work: Callable[[ReportProgress], object], name: str = "database") -> Task:
        """Like :meth:`run_database`; ``work`` is handed a callback whose reports arrive as ``Task.progressed``."""
        task = Task(name, self)
        reporter = _ProgressReporter(task, self._job_progressed.emit)
        return self._start(self._database_pool, partial(work, reporter), name, task)

    def _start(self, pool: QThreadPool, work: Callable[[], object], name: str, task: Task | None = None) -> Task:
        task = task if task is not None else Task(name, self)
        self._pending.add(task)
        pool.start(_Job(task, work, self._job_finished.emit))
        return task

    @property
    def busy(self) -> bool:
        """True while a submitted task has not yet had its outcome delivered."""
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pools are idle (at shutdown); outcomes are still delivered by the event loop."""
        database_done = self._database_pool.waitForDone(msecs)
        return self._network_pool.waitForDone(msecs) and database_done

    @Slot(object, object, object)
    def _on_job_progressed(self, task: Task, done: int, total: int | None) -> None:
        if task in self._pending:
            task.progressed.emit(done, total)

    @Slot(object)
    def _on_job_finished(self, outcome: _Outcome) -> None:
        task = outcome.task
        self._pending.discard(task)
        if outcome.error is None:
            task.succeeded.emit(outcome.result)
        elif task.isSignalConnected(QMetaMethod.fromSignal(task.failed)):
            task.failed.emit(outcome.error)
        else:
            # Nobody expected this task to fail: that is a bug, and bugs go to the crash handler.
            error = outcome.error
            logger.error("background task %r failed", task.name, exc_info=error)
            sys.excepthook(type(error), error, error.__traceback__)
        task.deleteLater()
