"""The Group menu and its dialogs: create or join a group, invite someone, leave; and who a review is shared with.

Every server call runs on the network pool; a failure is shown in the dialog in plain words and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recommender.storage.database import Database
from recommender.sync.audience import audience_of
from recommender.sync.client import InsecureServerError, SyncClient, SyncError, check_server_url
from recommender.sync.groups import create_group, create_invite, join_group, leave_group
from recommender.sync.membership import GroupLink, list_memberships
from ui.field_history_dialog import FieldHistoryDialog
from ui.form_errors import problem_label
from ui.sync_controller import plain_sync_error
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    # Types only: the review dialog imports this module, and the window imports the review dialog's neighbours.
    from ui.main_window import MainWindow
    from ui.sync_controller import SyncController

# Creating or joining waits at most this long for the server: the user is looking at the dialog.
REQUEST_TIMEOUT_S = 15.0
INVITE_VALIDITY_DAYS = (1, 7, 30)
MAX_INVITE_USES = 1000


def read_memberships(db: Database) -> list[GroupLink]:
    """The groups this install is in (runs on the database worker)."""
    with db.read() as session:
        return list_memberships(session)


class ServerAddressField(QWidget):
    """A sync server's address, with the explicit opt-in plain HTTP to another computer needs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address_edit = QLineEdit(self)
        self.address_edit.setPlaceholderText(self.tr("https://sync.example.org"))
        self.address_edit.setAccessibleName(self.tr("Server address"))
        self.insecure_box = QCheckBox(self.tr("Allow an &unencrypted connection (http://) to another computer"), self)
        self.insecure_box.setAccessibleName(self.tr("Allow an unencrypted connection"))
        self.warning_label = QLabel(
            self.tr(
                "Without https:// anyone on the network can read your group's directory and this device's key. "
                "Only allow this on a network you trust."
            ),
            self,
        )
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b35900")
        self.warning_label.setVisible(False)
        self.insecure_box.toggled.connect(self._on_insecure_box_toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.address_edit)
        layout.addWidget(self.insecure_box)
        layout.addWidget(self.warning_label)

    @Slot(bool)
    def _on_insecure_box_toggled(self, checked: bool) -> None:
        self.warning_label.setVisible(checked)
        # The dialog grows to show the whole warning (and shrinks back without it).
        self.window().adjustSize()

    @property
    def allow_insecure(self) -> bool:
        return self.insecure_box.isChecked()

    def checked_url(self) -> str:
        """The address to use; raises SyncError (InsecureServerError for plain HTTP) with nothing contacted."""
        return check_server_url(self.address_edit.text(), allow_insecure=self.allow_insecure)

    def problem(self, error: SyncError) -> str:
        if isinstance(error, InsecureServerError):
            return self.tr(
                "This address uses plain http:// to another computer: anyone on the network could read your "
                "group's data. Use https://, or tick “Allow an unencrypted connection”."
            )
        return self.tr("This is not a server address. Type it as https://sync.example.org")


class _GroupFormDialog(QDialog):
    """A form whose OK sends one request to a sync server and closes only when it succeeded."""

    group_joined = Signal(object)
    """The group (``GroupLink``) was created or joined and is stored here."""
    request_failed = Signal(str)
    """The message shown for a refused or failed request."""

    def __init__(self, tasks: TaskRunner, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.db = db
        self.server = ServerAddressField(self)
        self.form = QFormLayout()
        # Spelled out: strings of a base class are looked up in the context lupdate files them under.
        self.form.addRow(QCoreApplication.translate("GroupFormDialog", "&Server:"), self.server)
        self.message_label = problem_label(self, QCoreApplication.translate("GroupFormDialog", "Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def _request(self, url: str) -> Callable[[], GroupLink]:
        raise NotImplementedError

    def _missing(self) -> str | None:
        raise NotImplementedError

    def show_problem(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.show()
        self.request_failed.emit(message)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        missing = self._missing()
        if missing is not None:
            self.show_problem(missing)
            return
        try:
            url = self.server.checked_url()
        except SyncError as error:
            self.show_problem(self.server.problem(error))
            return
        self.message_label.hide()
        self.buttons.setEnabled(False)
        task = self.tasks.run_network(self._request(url), name="join group")
        task.succeeded.connect(self._on_request_task_succeeded)
        task.failed.connect(self._on_request_task_failed)

    def _client(self, url: str) -> SyncClient:
        return SyncClient(url, allow_insecure=self.server.allow_insecure, timeout_s=REQUEST_TIMEOUT_S)

    @Slot(object)
    def _on_request_task_succeeded(self, link: GroupLink) -> None:
        self.buttons.setEnabled(True)
        self.group_joined.emit(link)
        self.accept()

    @Slot(object)
    def _on_request_task_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, SyncError):
            raise error
        self.show_problem(plain_sync_error(error))


class CreateGroupDialog(_GroupFormDialog):
    """Create a group on a sync server; this install's owner becomes its admin."""

    def __init__(self, tasks: TaskRunner, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(tasks, db, parent)
        self.setWindowTitle(self.tr("Create a group"))
        self.setAccessibleName(self.windowTitle())
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Elm Street parents"))
        self.name_edit.setAccessibleName(self.tr("Group name"))
        self.form.addRow(self.tr("Group &name:"), self.name_edit)
        self.server.address_edit.setFocus()

    def _missing(self) -> str | None:
        return None if self.name_edit.text().strip() else self.tr("Give the group a name.")

    def _request(self, url: str) -> Callable[[], GroupLink]:
        name, client = self.name_edit.text().strip(), self._client(url)
        return partial(_closing, client, partial(create_group, self.db, name, client))


class JoinGroupDialog(_GroupFormDialog):
    """Join a group with the invite code its admin gave you."""

    def __init__(self, tasks: TaskRunner, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(tasks, db, parent)
        self.setWindowTitle(self.tr("Join a group"))
        self.setAccessibleName(self.windowTitle())
        self.code_edit = QLineEdit(self)
        self.code_edit.setAccessibleName(self.tr("Invite code"))
        self.form.addRow(self.tr("Invite &code:"), self.code_edit)
        self.server.address_edit.setFocus()

    def _missing(self) -> str | None:
        return None if self.code_edit.text().strip() else self.tr("Type the invite code you were given.")

    def _request(self, url: str) -> Callable[[], GroupLink]:
        code, client = self.code_edit.text().strip(), self._client(url)
        return partial(_closing, client, partial(join_group, self.db, code, client))


_T = TypeVar("_T")


def _closing(client: SyncClient, work: Callable[[], _T]) -> _T:
    try:
        return work()
    finally:
        client.close()


class InviteDialog(QDialog):
    """Make an invite code for a group this install administers, to copy and pass on."""

    invite_created = Signal(str)
    """The new code."""
    request_failed = Signal(str)

    def __init__(self, tasks: TaskRunner, links: list[GroupLink], sync: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.sync = sync
        self.setWindowTitle(self.tr("Invite someone"))
        self.setAccessibleName(self.windowTitle())
        self.group_box = QComboBox(self)
        self.group_box.setAccessibleName(self.tr("Group"))
        for link in links:
            if link.is_admin:
                self.group_box.addItem(link.name, link)
        self.validity_box = QComboBox(self)
        self.validity_box.setAccessibleName(self.tr("Valid for"))
        for days in INVITE_VALIDITY_DAYS:
            self.validity_box.addItem(self.tr("{days} day(s)").format(days=days), days)
        self.validity_box.setCurrentIndex(1)
        self.uses_box = QSpinBox(self)
        self.uses_box.setRange(1, MAX_INVITE_USES)
        self.uses_box.setAccessibleName(self.tr("How many people may use it"))
        self.create_button = QPushButton(self.tr("&Make a code"), self)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.code_edit = QLineEdit(self)
        self.code_edit.setReadOnly(True)
        self.code_edit.setAccessibleName(self.tr("Invite code"))
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.expiry_label = QLabel(self)
        self.expiry_label.setWordWrap(True)
        self.message_label = problem_label(self, self.tr("Problem"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Group:"), self.group_box)
        form.addRow(self.tr("&Valid for:"), self.validity_box)
        form.addRow(self.tr("&People:"), self.uses_box)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.create_button)
        layout.addLayout(code_row)
        layout.addWidget(self.expiry_label)
        layout.addWidget(self.message_label)
        layout.addWidget(close)

    @Slot()
    def _on_create_button_clicked(self) -> None:
        link = self.group_box.currentData()
        if not isinstance(link, GroupLink):
            return
        self.create_button.setEnabled(False)
        self.message_label.hide()
        expires_in_s = int(self.validity_box.currentData()) * 86400
        client = self.sync.client_for(link)
        work = partial(create_invite, link, client, expires_in_s, self.uses_box.value())
        task = self.tasks.run_network(partial(_closing, client, work), name="create invite")
        task.succeeded.connect(partial(self._on_invite_task_succeeded, link))
        task.failed.connect(partial(self._on_invite_task_failed, link))

    def _on_invite_task_succeeded(self, link: GroupLink, answer: dict[str, object]) -> None:
        self.create_button.setEnabled(True)
        code = str(answer["code"])
        self.code_edit.setText(code)
        self.copy_button.setEnabled(True)
        expires = dt.datetime.fromisoformat(str(answer["expires_at"]))
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=dt.UTC)
        self.expiry_label.setText(
            self.tr(
                "For {uses} person(s), valid until {when}. They join with Group ▸ Join a group… and {server}"
            ).format(
                uses=answer.get("max_uses", self.uses_box.value()),
                when=expires.astimezone().strftime("%Y-%m-%d %H:%M"),
                server=link.server_url,
            )
        )
        self.code_edit.setFocus()
        self.code_edit.selectAll()
        self.invite_created.emit(code)

    def _on_invite_task_failed(self, link: GroupLink, error: Exception) -> None:
        self.create_button.setEnabled(True)
        if not isinstance(error, SyncError):
            raise error
        message = plain_sync_error(error, link)
        self.message_label.setText(message)
        self.message_label.show()
        self.request_failed.emit(message)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.code_edit.text())


class LeaveGroupDialog(QDialog):
    """Confirm leaving a group: this device is signed out there; the directory stays on this computer."""

    group_left = Signal(object)
    """The ``GroupLink`` left."""
    request_failed = Signal(str)

    def __init__(
        self,
        tasks: TaskRunner,
        db: Database,
        links: list[GroupLink],
        sync: SyncController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.db = db
        self.sync = sync
        self.setWindowTitle(self.tr("Leave a group"))
        self.setAccessibleName(self.windowTitle())
        self.group_box = QComboBox(self)
        self.group_box.setAccessibleName(self.tr("Group"))
        for link in links:
            self.group_box.addItem(link.name, link)
        explanation = QLabel(
            self.tr(
                "You will stop receiving the group's news, and your changes will no longer be sent to it. "
                "Everything already in your directory stays on this computer."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.message_label = problem_label(self, self.tr("Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.leave_button = self.buttons.addButton(self.tr("&Leave group"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Group:"), self.group_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        link = self.group_box.currentData()
        if not isinstance(link, GroupLink):
            return
        self.buttons.setEnabled(False)
        client = self.sync.client_for(link)
        work = partial(_closing, client, partial(leave_group, self.db, link, client))
        task = self.tasks.run_network(work, name="leave group")
        task.succeeded.connect(partial(self._on_leave_task_succeeded, link))
        task.failed.connect(partial(self._on_leave_task_failed, link))

    def _on_leave_task_succeeded(self, link: GroupLink, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.group_left.emit(link)
        self.accept()

    def _on_leave_task_failed(self, link: GroupLink, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, SyncError):
            raise error
        message = plain_sync_error(error, link)
        self.message_label.setText(message)
        self.message_label.show()
        self.request_failed.emit(message)


class AudienceChooser(QWidget):
    """ "Share with: ☐ Only me ☑ Group A ☑ Group B" for a record; every joined group unless told otherwise."""

    loaded = Signal()

    def __init__(
        self, tasks: TaskRunner, db: Database, entity: str, record_id: uuid.UUID | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Share with"))
        self.only_me_box = QCheckBox(self.tr("Only me"), self)
        self.only_me_box.setAccessibleName(self.tr("Share with nobody: only me"))
        self.only_me_box.setChecked(True)
        self.only_me_box.toggled.connect(self._on_only_me_box_toggled)
        # The row's label ("&Share with") moves the focus here.
        self.setFocusProxy(self.only_me_box)
        self.group_boxes: dict[uuid.UUID, QCheckBox] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.only_me_box)
        self._layout.addStretch(1)
        self.ready = False
        task = tasks.run_database(partial(_read_audience, db, entity, record_id), name="read audience")
        task.succeeded.connect(self._on_read_task_succeeded)

    def _on_read_task_succeeded(self, found: tuple[list[GroupLink], frozenset[uuid.UUID] | None]) -> None:
        links, current = found
        chosen = current if current is not None else frozenset(link.group_id for link in links)
        for link in links:
            box = QCheckBox(link.name, self)
            box.setAccessibleName(self.tr("Share with {group}").format(group=link.name))
            box.setChecked(link.group_id in chosen)
            box.toggled.connect(self._on_group_box_toggled)
            self.group_boxes[link.group_id] = box
            self._layout.insertWidget(self._layout.count() - 1, box)
        self.only_me_box.setChecked(not any(box.isChecked() for box in self.group_boxes.values()))
        self.only_me_box.setEnabled(bool(links))
        self.ready = True
        self.loaded.emit()

    def groups(self) -> frozenset[uuid.UUID] | None:
        """The chosen groups (empty: only me); None until the groups are read, so nothing is changed."""
        if not self.ready:
            return None
        return frozenset(group_id for group_id, box in self.group_boxes.items() if box.isChecked())

    @Slot(bool)
    def _on_only_me_box_toggled(self, checked: bool) -> None:
        if checked:
            for box in self.group_boxes.values():
                box.setChecked(False)
        elif self.group_boxes and not any(box.isChecked() for box in self.group_boxes.values()):
            for box in self.group_boxes.values():
                box.setChecked(True)

    @Slot(bool)
    def _on_group_box_toggled(self, _checked: bool) -> None:
        shared = any(box.isChecked() for box in self.group_boxes.values())
        if shared == self.only_me_box.isChecked():
            self.only_me_box.blockSignals(True)
            self.only_me_box.setChecked(not shared)
            self.only_me_box.blockSignals(False)


def _read_audience(
    db: Database, entity: str, record_id: uuid.UUID | None
) -> tuple[list[GroupLink], frozenset[uuid.UUID] | None]:
    with db.read() as session:
        links = list_memberships(session)
        current = audience_of(session, entity, record_id) if record_id is not None else None
    return links, current


class GroupMenu(QObject):
    """The window's Group menu: the groups joined, their dialogs, and Sync now."""

    dialog_opened = Signal(object)
    """A dialog of this menu was opened (tests pick it up here)."""
    memberships_loaded = Signal()

    def __init__(self, window: MainWindow, tasks: TaskRunner, sync: SyncController) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.sync = sync
        self.links: list[GroupLink] = []
        self.menu = window.menuBar().addMenu(self.tr("&Group"))
        self.create_action = self._action(self.tr("&Create a group…"), self.create_group)
        self.join_action = self._action(self.tr("&Join a group…"), self.join_group)
        self.invite_action = self._action(self.tr("&Invite someone…"), self.invite)
        self.leave_action = self._action(self.tr("&Leave a group…"), self.leave)
        self.menu.addSeparator()
        self.menu.addAction(sync.sync_action)
        self._listing: list[QAction] = []
        self._update_actions()
        window.directory_opened.connect(self._on_window_directory_opened)
        window.vendor_pane.history_requested.connect(self.show_history)

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    @property
    def db(self) -> Database | None:
        return self.window.db

    @Slot(object)
    def _on_window_directory_opened(self, _db: Database) -> None:
        self.reload()

    def reload(self) -> None:
        if self.db is None:
            return
        task = self.tasks.run_database(partial(read_memberships, self.db), name="read groups")
        task.succeeded.connect(self._on_read_task_succeeded)

    def _on_read_task_succeeded(self, links: list[GroupLink]) -> None:
        self.links = links
        self._update_actions()
        self.memberships_loaded.emit()

    def _update_actions(self) -> None:
        for action in self._listing:
            self.menu.removeAction(action)
            action.deleteLater()
        self._listing = []
        if self.links:
            self._listing.append(self.menu.addSeparator())
        for link in self.links:
            text = self.tr("{group} on {server}").format(group=link.name, server=link.server_url)
            if link.is_admin:
                text = self.tr("{group} (admin)").format(group=text)
            entry = self.menu.addAction(text)
            entry.setEnabled(False)
            self._listing.append(entry)
        opened = self.db is not None
        self.create_action.setEnabled(opened)
        self.join_action.setEnabled(opened)
        self.invite_action.setEnabled(any(link.is_admin for link in self.links))
        self.leave_action.setEnabled(bool(self.links))

    def _opened(self, dialog: QDialog) -> None:
        dialog.open()
        self.dialog_opened.emit(dialog)

    @Slot()
    def create_group(self) -> None:
        if self.db is not None:
            dialog = CreateGroupDialog(self.tasks, self.db, self.window)
            dialog.group_joined.connect(self._on_group_joined)
            self._opened(dialog)

    @Slot()
    def join_group(self) -> None:
        if self.db is not None:
            dialog = JoinGroupDialog(self.tasks, self.db, self.window)
            dialog.group_joined.connect(self._on_group_joined)
            self._opened(dialog)

    @Slot()
    def invite(self) -> None:
        self._opened(InviteDialog(self.tasks, self.links, self.sync, self.window))

    @Slot()
    def leave(self) -> None:
        if self.db is not None and self.links:
            dialog = LeaveGroupDialog(self.tasks, self.db, self.links, self.sync, self.window)
            dialog.group_left.connect(self._on_group_left)
            self._opened(dialog)

    @Slot(object)
    def _on_group_joined(self, link: GroupLink) -> None:
        message = self.tr("You are in {group}: its directory arrives now.").format(group=link.name)
        self.window.statusBar().showMessage(message)
        self.reload()
        self.sync.memberships_changed(sync_soon=True)

    @Slot(object)
    def _on_group_left(self, link: GroupLink) -> None:
        self.window.statusBar().showMessage(
            self.tr("You left {group}. Everything in your directory stays on this computer.").format(group=link.name)
        )
        self.reload()
        self.sync.memberships_changed()

    @Slot(object)
    def show_history(self, vendor_id: uuid.UUID) -> None:
        if self.db is not None:
            self._opened(FieldHistoryDialog(self.tasks, self.db, vendor_id, self.window))
