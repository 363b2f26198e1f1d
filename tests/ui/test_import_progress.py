"""Progress of background work: reports reach the GUI thread in order, rate-limited, before the result; the
progress dialog turns them into a bar and its Cancel into a request to stop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread
from pytestqt.qtbot import QtBot

from ui.import_progress_dialog import BAR_STEPS, ImportProgressDialog
from ui.tasks import ReportProgress, TaskRunner


def test_progress_arrives_on_the_gui_thread_in_order_and_before_the_result(qtbot: QtBot, tasks: TaskRunner) -> None:
    gui_thread = QThread.currentThread()
    reports: list[tuple[int, int | None]] = []
    threads: list[QThread] = []
    events: list[str] = []

    def work(report: ReportProgress) -> str:
        for done in range(200_000):
            report(done, 200_000)
        report(200_000, 200_000)
        return "done"

    task = tasks.run_database_with_progress(work, name="count")

    def on_progress(done: int, total: int | None) -> None:
        reports.append((done, total))
        threads.append(QThread.currentThread())
        events.append("progress")

    task.progressed.connect(on_progress, Qt.ConnectionType.DirectConnection)
    task.succeeded.connect(lambda _result: events.append("succeeded"))
    with qtbot.waitSignal(task.succeeded, timeout=10_000) as blocker:
        pass
    assert blocker.args == ["done"]
    assert reports[0] == (0, 200_000) and reports[-1] == (200_000, 200_000)
    dones = [done for done, _ in reports]
    assert dones == sorted(dones)
    # A few reports a second reach the window, not two hundred thousand queued events.
    assert len(reports) < 1000
    assert set(threads) == {gui_thread}
    assert events[-1] == "succeeded" and events.count("succeeded") == 1


def test_reports_of_a_failed_task_still_come_before_its_failure(qtbot: QtBot, tasks: TaskRunner) -> None:
    events: list[object] = []

    def work(report: ReportProgress) -> None:
        report(1, None)
        raise ValueError("broken file")

    task = tasks.run_database_with_progress(work)
    task.progressed.connect(lambda done, total: events.append((done, total)))
    task.failed.connect(lambda error: events.append(str(error)))
    qtbot.waitUntil(lambda: len(events) == 2, timeout=5000)
    assert events == [(1, None), "broken file"]


def test_the_bar_is_busy_until_a_total_is_known_then_fills(qtbot: QtBot) -> None:
    dialog = ImportProgressDialog(Path("big.osm.pbf"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "big.osm.pbf" in dialog.windowTitle()
    dialog.set_progress(10, None)
    assert dialog.bar.maximum() == 0  # Qt's busy indicator
    # Bytes of a file beyond a QProgressBar's int range still make a sensible bar.
    dialog.set_progress(3_000_000_000, 12_000_000_000)
    assert dialog.bar.maximum() == BAR_STEPS and dialog.bar.value() == BAR_STEPS // 4
    dialog.set_progress(12_000_000_000, 12_000_000_000)
    assert dialog.bar.value() == BAR_STEPS


def test_cancel_and_escape_ask_once_to_stop_and_keep_the_dialog_until_the_import_ends(qtbot: QtBot) -> None:
    dialog = ImportProgressDialog(Path("krems.osm.gz"))
    qtbot.addWidget(dialog)
    dialog.show()
    requests: list[bool] = []
    dialog.cancel_requested.connect(lambda: requests.append(True))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert requests == [True]
    assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
    assert "nothing from the file will be kept" in dialog.status_label.text()
    dialog.cancel_button.click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert requests == [True]
    dialog.finish()
    assert not dialog.isVisible()


def test_once_the_import_is_saving_the_dialog_says_so_and_no_longer_offers_cancel(qtbot: QtBot) -> None:
    dialog = ImportProgressDialog(Path("krems.osm.gz"))
    qtbot.addWidget(dialog)
    dialog.show()
    requests: list[bool] = []
    dialog.cancel_requested.connect(lambda: requests.append(True))
    dialog.set_progress(5, 10)
    dialog.show_saving()
    assert dialog.status_label.text() == "Saving krems.osm.gz…"
    assert not dialog.cancel_button.isEnabled()
    # How long the commit takes is not known: the bar is busy, and late progress reports do not move it.
    assert dialog.bar.maximum() == 0
    dialog.set_progress(10, 10)
    assert dialog.bar.maximum() == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert requests == [] and dialog.isVisible()
    assert dialog.status_label.text() == "Saving krems.osm.gz…"
    dialog.finish()
    assert not dialog.isVisible()


def test_a_cancel_that_came_too_late_gives_way_to_saving(qtbot: QtBot) -> None:
    dialog = ImportProgressDialog(Path("krems.osm.gz"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cancel_button.click()
    assert "nothing from the file will be kept" in dialog.status_label.text()
    # The import was already past its last cancel check: "Stopping…" would be a false promise.
    dialog.show_saving()
    assert dialog.status_label.text() == "Saving krems.osm.gz…"
    assert not dialog.cancel_button.isEnabled()
