"""The vendor page's History…: each field's values over time, who set them, the winner, and concurrent edits."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor, update_vendor
from recommender.settings import load_settings
from recommender.storage.database import Database
from recommender.sync.audience import set_audience
from tests.recommender.sync.conftest import Device, make_device, pair, server_config, server_url
from ui.app import load_engine
from ui.directory_actions import DirectoryActions
from ui.field_history_dialog import Column, FieldHistoryDialog
from ui.group_dialogs import GroupMenu
from ui.main_window import MainWindow
from ui.sync_controller import SyncController
from ui.tasks import TaskRunner

# The sync tests' real server on a loopback port and their devices (each with its own database).
__all__ = ["make_device", "pair", "server_config", "server_url"]

TIMEOUT_MS = 20_000


def set_phone(db: Database, vendor_id: uuid.UUID, phone: str) -> None:
    with db.write() as uow:
        current = get_vendor(uow.session, vendor_id)
        update_vendor(uow, vendor_id, replace(VendorDraft.of(current), phone=phone))
    time.sleep(0.005)


@pytest.fixture
def edited_offline(pair: tuple[Device, Device]) -> tuple[Device, uuid.UUID]:
    """Ann and Ben both changed Dr. Lee's phone without syncing in between; Ben's edit is the later one."""
    ann, ben = pair
    with ann.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name="Dr. Lee", category="pediatrician", phone="111", lat=51.5, lon=0.1))
        set_audience(uow, "vendors", vendor.id, [ann.group_id])
    ann.sync()
    ben.sync()
    set_phone(ann.db, vendor.id, "222")
    set_phone(ben.db, vendor.id, "333")
    ann.sync()
    ben.sync()
    return ben, vendor.id


@pytest.fixture
def ben_app(
    qtbot: QtBot, tasks: TaskRunner, edited_offline: tuple[Device, uuid.UUID]
) -> Iterator[tuple[MainWindow, GroupMenu]]:
    """Ben's window on his database, with the Group menu that opens the history."""
    ben, _ = edited_offline
    with ben.db.read() as session:
        engine = load_engine(ben.db, load_settings(session))
    window = MainWindow(tasks)
    actions = DirectoryActions(window, tasks)
    sync = SyncController(window, tasks, actions)
    menu = GroupMenu(window, tasks, sync)

    def settle(_window: object) -> None:
        sync.timer.stop()
        qtbot.waitUntil(lambda: not tasks.busy, timeout=TIMEOUT_MS)

    qtbot.addWidget(window, before_close_func=settle)
    window.show()
    window.set_directory(ben.db, engine)
    yield window, menu


def test_the_vendor_history_shows_both_concurrent_edits_and_the_winner(
    qtbot: QtBot, qtmodeltester: ModelTester, ben_app: tuple[MainWindow, GroupMenu]
) -> None:
    window, menu = ben_app
    window.search_bar.set_query("Dr. Lee")
    with qtbot.waitSignal(window.vendor_loaded, timeout=TIMEOUT_MS):
        window.select_row(0)
    assert window.vendor_pane.history_button.isVisible()
    opened: list[FieldHistoryDialog] = []
    menu.dialog_opened.connect(opened.append)
    window.vendor_pane.history_button.click()
    (dialog,) = opened
    qtbot.waitUntil(lambda: bool(dialog.histories), timeout=TIMEOUT_MS)
    qtmodeltester.check(dialog.model)

    assert dialog.summary_label.text().startswith("Concurrent edits (made without seeing each other) in: Phone.")
    model = dialog.model
    rows = [
        [model.data(model.index(row, column)) for column in Column]
        for row in range(model.rowCount())
        if model.value_at(row)[0] == "phone"
    ]
    assert [(row[Column.VALUE], row[Column.WRITER], row[Column.STATE]) for row in rows] == [
        ("333", "You (this device)", "Current: won over a concurrent edit"),
        ("222", "Ann", "Concurrent edit: lost to a later one (kept here)"),
        ("111", "Ann", "Replaced by a later edit"),
    ]
    assert rows[0][Column.FIELD] == "Phone" and rows[1][Column.FIELD] == ""
    # The field that changed comes first, its current value in bold; untouched fields follow, plain.
    assert model.value_at(0)[0] == "phone"
    assert model.data(model.index(0, Column.VALUE), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(3, Column.VALUE), Qt.ItemDataRole.FontRole) is None
    # The name was never edited concurrently: one value, the current one.
    names = [model.value_at(row)[1] for row in range(model.rowCount()) if model.value_at(row)[0] == "name"]
    assert [(value.value, value.concurrent_with) for value in names] == [("Dr. Lee", ())]
