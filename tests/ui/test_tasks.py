"""The background-task helper: work runs off the GUI thread, and results and errors come back on it."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

import pytest
from PySide6.QtCore import Qt, QThread
from pytestqt.qtbot import QtBot

from ui.tasks import TaskRunner


def test_the_result_is_delivered_on_the_gui_thread(qtbot: QtBot, tasks: TaskRunner) -> None:
    gui_thread = QThread.currentThread()
    worker_threads: list[int] = []
    delivered_on: list[QThread] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    task = tasks.run_database(work)
    # Direct: record the thread the task emits on, not one Qt would queue the call to.
    task.succeeded.connect(
        lambda _result: delivered_on.append(QThread.currentThread()), Qt.ConnectionType.DirectConnection
    )
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert delivered_on == [gui_thread]


def test_an_exception_is_delivered_not_lost(qtbot: QtBot, tasks: TaskRunner) -> None:
    def work() -> None:
        raise ValueError("disk full")

    task = tasks.run_network(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    (error,) = blocker.args
    assert isinstance(error, ValueError) and str(error) == "disk full"


def test_an_unexpected_exception_goes_to_the_crash_handler(
    qtbot: QtBot, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    caught: list[BaseException] = []

    def hook(_kind: type[BaseException], error: BaseException, _tb: TracebackType | None) -> None:
        caught.append(error)

    monkeypatch.setattr(sys, "excepthook", hook)
    tasks.run_database(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    assert isinstance(caught[0], ZeroDivisionError)


def test_database_tasks_run_one_at_a_time_in_order(qtbot: QtBot, tasks: TaskRunner) -> None:
    order: list[int] = []
    running = threading.Semaphore(1)

    def work(n: int) -> int:
        assert running.acquire(blocking=False), "two database tasks ran at once"
        try:
            QThread.msleep(5)
            order.append(n)
        finally:
            running.release()
        return n

    finished = [tasks.run_database(lambda n=n: work(n)) for n in range(5)]
    with qtbot.waitSignals([task.succeeded for task in finished], timeout=5000):
        pass
    assert order == [0, 1, 2, 3, 4]
