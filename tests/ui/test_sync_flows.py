"""Group sync in the app, against a real sync server on a loopback port: create, invite, join, share a review,
sync both windows, the status line in plain words (offline, revoked), and plain HTTP refused off this machine."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from recommender.directory.people import PersonDraft, set_me
from recommender.directory.reviews import reviews_for_vendor
from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor
from recommender.server.app import ServerConfig
from recommender.server.run import free_port, running_server
from recommender.storage.database import Database
from recommender.storage.models import Group
from recommender.sync.audience import audience_of
from recommender.sync.client import RetryPolicy, SyncClient, SyncError
from recommender.sync.membership import GroupLink
from ui.app import open_directory
from ui.directory_actions import DirectoryActions
from ui.group_dialogs import CreateGroupDialog, GroupMenu, InviteDialog, JoinGroupDialog, LeaveGroupDialog
from ui.main_window import MainWindow
from ui.review_dialog import ReviewDialog
from ui.sync_controller import AFTER_WRITE_MS, FIRST_RETRY_MS, SYNC_INTERVAL_MS, SyncController, plain_sync_error
from ui.tasks import TaskRunner
from ui.vendor_dialog import VendorDialog

TIMEOUT_MS = 20_000
# Qt's coarse timers may fire up to 5 % late, and say so in remainingTime().
SLACK = 1.05


def quick_client(link: GroupLink) -> SyncClient:
    # Real requests, short waits: a stopped server is reported in a fraction of a second.
    return SyncClient(link.server_url, link.token, allow_insecure=link.allow_insecure, retry=RetryPolicy(2, 0.01, 0.02))


@dataclass
class App:
    """One install: its own database and window, with the menus and sync the app wires up."""

    window: MainWindow
    actions: DirectoryActions
    sync: SyncController
    groups: GroupMenu
    opened: list[QObject]

    @property
    def db(self) -> Database:
        assert self.window.db is not None
        return self.window.db


class Server:
    """A sync server on a fixed loopback port that a test can stop and start again."""

    def __init__(self, tmp_path: Path) -> None:
        self.config = ServerConfig(database_url=f"sqlite:///{tmp_path / 'server.sqlite'}")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._context = running_server(self.config, port=self.port)
        assert self._context.__enter__() == self.url

    def stop(self) -> None:
        self._context.__exit__(None, None, None)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(tmp_path)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def make_app(qtbot: QtBot, tasks: TaskRunner, tmp_path: Path) -> Iterator[Callable[[str], App]]:
    databases: list[Database] = []

    def make(name: str) -> App:
        path = tmp_path / f"{name}.sqlite"
        setup = Database.open(path)
        with setup.write() as uow:
            set_me(uow, PersonDraft(name))
        setup.close()
        directory = open_directory(path)
        databases.append(directory.db)
        window = MainWindow(tasks)
        actions = DirectoryActions(window, tasks)
        sync = SyncController(window, tasks, actions, client_for=quick_client)

        def settle(_window: object) -> None:
            # No round starts any more, and what is under way reaches the window before it closes.
            sync.timer.stop()
            qtbot.waitUntil(lambda: not tasks.busy, timeout=TIMEOUT_MS)

        qtbot.addWidget(window, before_close_func=settle)
        groups = GroupMenu(window, tasks, sync)
        opened: list[QObject] = []
        groups.dialog_opened.connect(opened.append)
        window.show()
        with qtbot.waitSignal(groups.memberships_loaded, timeout=TIMEOUT_MS):
            window.set_directory(directory.db, directory.engine)
        return App(window, actions, sync, groups, opened)

    yield make
    assert tasks.wait(TIMEOUT_MS)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=TIMEOUT_MS)
    for db in databases:
        db.close()


D = TypeVar("D")


def last_dialog(app: App, kind: type[D]) -> D:
    dialogs = [dialog for dialog in app.opened if isinstance(dialog, kind)]
    assert dialogs, f"no {kind.__name__} was opened"
    return dialogs[-1]


def create_group(qtbot: QtBot, app: App, server_url: str, name: str = "Elm Street") -> None:
    app.groups.create_action.trigger()
    dialog = last_dialog(app, CreateGroupDialog)
    qtbot.keyClicks(dialog.server.address_edit, server_url)
    qtbot.keyClicks(dialog.name_edit, name)
    with qtbot.waitSignals([dialog.group_joined, app.groups.memberships_loaded], timeout=TIMEOUT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    qtbot.waitUntil(app.sync.sync_action.isEnabled, timeout=TIMEOUT_MS)


def invite_code(qtbot: QtBot, app: App) -> str:
    app.groups.invite_action.trigger()
    dialog = last_dialog(app, InviteDialog)
    assert dialog.group_box.currentText() == "Elm Street"
    with qtbot.waitSignal(dialog.invite_created, timeout=TIMEOUT_MS):
        dialog.create_button.click()
    assert "valid until" in dialog.expiry_label.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.code_edit.text()
    dialog.reject()
    return dialog.code_edit.text()


def join_group(qtbot: QtBot, app: App, server_url: str, code: str) -> None:
    app.groups.join_action.trigger()
    dialog = last_dialog(app, JoinGroupDialog)
    qtbot.keyClicks(dialog.server.address_edit, server_url)
    qtbot.keyClicks(dialog.code_edit, code)
    # Joining is followed at once by a first sync that brings the group's directory.
    with qtbot.waitSignals([dialog.group_joined, app.sync.round_finished], timeout=TIMEOUT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def sync(qtbot: QtBot, app: App) -> None:
    with qtbot.waitSignal(app.sync.round_finished, timeout=TIMEOUT_MS):
        app.sync.sync_action.trigger()


def add_local_vendor(qtbot: QtBot, app: App, name: str) -> uuid.UUID:
    with app.db.write() as uow:
        vendor = add_vendor(uow, VendorDraft(name=name, category="pediatrician", lat=51.5, lon=-0.12))
        changes = uow.changes
    with qtbot.waitSignal(app.actions.refreshed, timeout=TIMEOUT_MS):
        app.actions.apply(changes)
    return vendor.id


def write_review(qtbot: QtBot, app: App, vendor_id: uuid.UUID, *, share: bool = True) -> None:
    dialog = ReviewDialog(app.window.tasks, app.db, vendor_id, "Dr. Lee", parent=app.window)
    dialog.review_saved.connect(app.actions.apply)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() and dialog.audience.ready, timeout=TIMEOUT_MS)
    (box,) = dialog.audience.group_boxes.values()
    # Shared with every joined group unless the writer says otherwise.
    assert box.isChecked() and not dialog.audience.only_me_box.isChecked()
    if not share:
        dialog.audience.only_me_box.click()
        assert not box.isChecked()
    dialog.rating_box.setCurrentIndex(dialog.rating_box.findData(5))
    qtbot.keyClicks(dialog.text_edit, "Patient and kind")
    with qtbot.waitSignal(app.actions.refreshed, timeout=TIMEOUT_MS):
        dialog.ok_button.click()


def test_a_review_shared_with_the_group_reaches_the_other_members_window(
    qtbot: QtBot, make_app: Callable[[str], App], server: Server
) -> None:
    ann, ben = make_app("Ann"), make_app("Ben")
    assert not ann.sync.status_label.isVisible() and not ann.sync.sync_action.isEnabled()
    create_group(qtbot, ann, server.url)
    assert ann.groups.invite_action.isEnabled() and ann.sync.sync_action.isEnabled()
    assert any("Elm Street" in action.text() for action in ann.groups.menu.actions())
    join_group(qtbot, ben, server.url, invite_code(qtbot, ann))
    assert not ben.groups.invite_action.isEnabled()

    vendor_id = add_local_vendor(qtbot, ann, "Dr. Lee")
    write_review(qtbot, ann, vendor_id)
    qtbot.waitUntil(lambda: "changes waiting" in ann.sync.status_label.text(), timeout=TIMEOUT_MS)
    # Nobody presses Sync now: the write goes out on its own a few seconds later.
    assert ann.sync.timer.remainingTime() <= AFTER_WRITE_MS * SLACK
    with qtbot.waitSignal(ann.sync.round_finished, timeout=AFTER_WRITE_MS + TIMEOUT_MS):
        pass
    assert ann.sync.status_label.text() == "Synced just now"
    with qtbot.waitSignal(ben.actions.refreshed, timeout=TIMEOUT_MS):
        sync(qtbot, ben)

    ben.window.search_bar.set_query("Dr. Lee")
    assert ben.window.results_model.rowCount() == 1
    assert ben.window.results_model.result(0).review_count == 1
    with ben.db.read() as session:
        (review,) = reviews_for_vendor(session, vendor_id)
        assert (review.rating, review.text) == (5, "Patient and kind")
    assert ben.sync.status_label.text() == "Synced just now"


def test_a_vendor_added_in_the_vendor_dialog_is_shared_with_the_group(
    qtbot: QtBot, make_app: Callable[[str], App], server: Server
) -> None:
    ann, ben = make_app("Ann"), make_app("Ben")
    create_group(qtbot, ann, server.url)
    join_group(qtbot, ben, server.url, invite_code(qtbot, ann))
    dialog = VendorDialog(ann.window.tasks, ann.db, parent=ann.window)
    dialog.vendor_saved.connect(ann.actions.apply)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.audience.ready, timeout=TIMEOUT_MS)
    (box,) = dialog.audience.group_boxes.values()
    assert box.isChecked()
    qtbot.keyClicks(dialog.name_edit, "Rosa Walks Dogs")
    dialog.category_box.setCurrentIndex(dialog.category_box.findData("dog_walker"))
    qtbot.keyClicks(dialog.service_area_edit, "Elm Street")
    with qtbot.waitSignal(ann.actions.refreshed, timeout=TIMEOUT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    sync(qtbot, ann)
    with qtbot.waitSignal(ben.actions.refreshed, timeout=TIMEOUT_MS):
        sync(qtbot, ben)
    ben.window.search_bar.set_query("rosa walks")
    assert [ben.window.results_model.result(row).name for row in range(ben.window.results_model.rowCount())] == [
        "Rosa Walks Dogs"
    ]


def test_a_review_kept_to_me_stays_on_this_computer(
    qtbot: QtBot, make_app: Callable[[str], App], server: Server
) -> None:
    ann = make_app("Ann")
    create_group(qtbot, ann, server.url)
    vendor_id = add_local_vendor(qtbot, ann, "Dr. Lee")
    write_review(qtbot, ann, vendor_id, share=False)
    with ann.db.read() as session:
        (review,) = reviews_for_vendor(session, vendor_id)
        assert audience_of(session, "reviews", review.id) == frozenset()


def test_a_stopped_server_shows_offline_backs_off_and_resumes_when_it_answers(
    qtbot: QtBot, make_app: Callable[[str], App], server: Server
) -> None:
    ann = make_app("Ann")
    create_group(qtbot, ann, server.url)
    qtbot.waitUntil(lambda: ann.sync.status_label.text() == "Synced just now", timeout=TIMEOUT_MS)
    server.stop()
    vendor_id = add_local_vendor(qtbot, ann, "Dr. Lee")
    write_review(qtbot, ann, vendor_id)
    sync(qtbot, ann)
    assert ann.sync.status_label.text() == "Offline: cannot reach 127.0.0.1 (will retry)"
    assert ann.sync.failing and 0 < ann.sync.timer.remainingTime() <= FIRST_RETRY_MS * SLACK
    sync(qtbot, ann)
    # The second miss waits longer before the next try.
    assert ann.sync.timer.remainingTime() > FIRST_RETRY_MS * SLACK
    server.start()
    sync(qtbot, ann)
    assert ann.sync.status_label.text() == "Synced just now"
    assert ann.sync.timer.remainingTime() > SYNC_INTERVAL_MS * 0.9
    with ann.db.read() as session:
        (review,) = reviews_for_vendor(session, vendor_id)
    # What waited while offline went out: a newcomer receives the review.
    ben = make_app("Ben")
    join_group(qtbot, ben, server.url, invite_code(qtbot, ann))
    with ben.db.read() as session:
        assert [r.id for r in reviews_for_vendor(session, vendor_id)] == [review.id]


def test_a_revoked_device_is_told_in_plain_words(qtbot: QtBot, make_app: Callable[[str], App], server: Server) -> None:
    ann, ben = make_app("Ann"), make_app("Ben")
    create_group(qtbot, ann, server.url)
    join_group(qtbot, ben, server.url, invite_code(qtbot, ann))
    (ann_link,) = ann.groups.links
    (ben_link,) = ben.groups.links
    quick_client(ann_link).remove_member(ann_link.group_id, ben_link.member_id)
    sync(qtbot, ben)
    assert ben.sync.status_label.text() == (
        "This device's access to Elm Street was revoked. Ask the group's admin for a new invite."
    )


def test_leaving_a_group_keeps_the_directory_and_stops_syncing(
    qtbot: QtBot, make_app: Callable[[str], App], server: Server
) -> None:
    ann = make_app("Ann")
    create_group(qtbot, ann, server.url)
    vendor_id = add_local_vendor(qtbot, ann, "Dr. Lee")
    ann.groups.leave_action.trigger()
    dialog = last_dialog(ann, LeaveGroupDialog)
    assert dialog.group_box.currentText() == "Elm Street"
    with qtbot.waitSignals([dialog.group_left, ann.groups.memberships_loaded], timeout=TIMEOUT_MS):
        dialog.leave_button.click()
    assert ann.groups.links == [] and not ann.groups.leave_action.isEnabled()
    # A round that started before leaving may still finish: the status settles once it has.
    qtbot.waitUntil(
        lambda: not ann.sync.running and not ann.sync.sync_action.isEnabled() and not ann.sync.status_label.isVisible(),
        timeout=TIMEOUT_MS,
    )
    assert "stays on this computer" in ann.window.statusBar().currentMessage()
    with ann.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Group)) == 0
        assert get_vendor(session, vendor_id).name == "Dr. Lee"
    ann.window.search_bar.set_query("Dr. Lee")
    assert ann.window.results_model.rowCount() == 1


def test_plain_http_to_another_computer_is_refused_unless_allowed(qtbot: QtBot, make_app: Callable[[str], App]) -> None:
    ann = make_app("Ann")
    ann.groups.join_action.trigger()
    dialog = last_dialog(ann, JoinGroupDialog)
    qtbot.keyClicks(dialog.server.address_edit, "http://grapevine.example:8750")
    qtbot.keyClicks(dialog.code_edit, "abc")
    with qtbot.waitSignal(dialog.request_failed, timeout=TIMEOUT_MS) as refused:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "plain http://" in refused.args[0]
    assert dialog.isVisible() and dialog.message_label.isVisible()
    assert not dialog.server.warning_label.isVisible()
    dialog.server.insecure_box.click()
    assert dialog.server.warning_label.isVisible()
    assert dialog.server.checked_url() == "http://grapevine.example:8750"
    dialog.server.insecure_box.click()
    dialog.server.address_edit.setText("not an address")
    with qtbot.waitSignal(dialog.request_failed, timeout=TIMEOUT_MS) as refused:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "not a server address" in refused.args[0]
    with ann.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Group)) == 0


def test_a_wrong_invite_code_is_refused_and_nothing_changes(
    qtbot: QtBot, make_app: Callable[[str], App], server: Server
) -> None:
    ann = make_app("Ann")
    ann.groups.join_action.trigger()
    dialog = last_dialog(ann, JoinGroupDialog)
    qtbot.keyClicks(dialog.server.address_edit, server.url)
    qtbot.keyClicks(dialog.code_edit, "not-a-code")
    with qtbot.waitSignal(dialog.request_failed, timeout=TIMEOUT_MS) as refused:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert refused.args[0] == "The sync server refused: this invite code is not valid"
    assert dialog.isVisible()
    with ann.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Group)) == 0


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (413, "Elm Street: the server refused changes as too large. They stay on this computer."),
        (503, "The sync server for Elm Street has a problem (error 503); will retry."),
        (429, "The server asks us to slow down: trying again later."),
        (400, "The sync server refused: since: must be a whole number"),
    ],
)
def test_other_server_answers_are_put_in_plain_words(status: int, expected: str) -> None:
    link = GroupLink(
        uuid.uuid4(), "Elm Street", "https://sync.example.org", "t", uuid.uuid4(), uuid.uuid4(), False, False
    )
    assert plain_sync_error(SyncError("since: must be a whole number", status=status), link) == expected
