"""Group sync in the app: "Sync now", automatic background sync with backoff, and a status line in plain words.

One round syncs every joined group on the network pool; rounds never overlap (a request made during a round
runs once it ends). What a round applied reaches the engine through ``DirectoryActions``.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from recommender.storage.database import Database
from recommender.sync import outbox
from recommender.sync.client import RetryPolicy, SyncClient, SyncError
from recommender.sync.groups import NoOwnerError
from recommender.sync.membership import GroupLink, list_memberships
from recommender.sync.runner import SyncReport, sync_group
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    # Types only: the review dialog (imported by DirectoryActions) uses this module's neighbours at run time.
    from ui.directory_actions import DirectoryActions
    from ui.main_window import MainWindow

logger = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 60_000
"""How often a reachable server is asked for news."""
AFTER_WRITE_MS = 5_000
"""A local write goes out this soon (a burst of edits is sent together)."""
AFTER_OPEN_MS = 1_000
FIRST_RETRY_MS = 15_000
MAX_RETRY_MS = 600_000
"""While a server cannot be reached, retries back off from 15 s to 10 min, and the interval returns when it answers."""
STATUS_TICK_MS = 30_000
"""How often "Synced 2 min ago" is brought up to date."""

ClientFactory = Callable[[GroupLink], SyncClient]
BACKGROUND_TIMEOUT_S = 20.0
BACKGROUND_RETRY = RetryPolicy(attempts=3, base_s=0.5, cap_s=4.0)


def background_client(link: GroupLink) -> SyncClient:
    """A client for rounds nobody is waiting on: a server that went silent costs about a minute at most, not
    several (closing the app waits for the round under way)."""
    return SyncClient(
        link.server_url,
        link.token,
        allow_insecure=link.allow_insecure,
        timeout_s=BACKGROUND_TIMEOUT_S,
        retry=BACKGROUND_RETRY,
    )


@dataclass(frozen=True, slots=True)
class GroupFailure:
    link: GroupLink
    error: SyncError


@dataclass(frozen=True, slots=True)
class SyncRound:
    """What one round over every joined group did."""

    groups: int
    reports: tuple[SyncReport, ...] = ()
    failures: tuple[GroupFailure, ...] = ()
    pending: int = 0
    finished_at: float = field(default_factory=time.time)


def sync_all(db: Database, client_for: ClientFactory) -> SyncRound:
    """Sync each joined group in turn; one group's failure does not stop the others (runs on the network pool)."""
    with db.read() as session:
        links = list_memberships(session)
    reports: list[SyncReport] = []
    failures: list[GroupFailure] = []
    for link in links:
        client = client_for(link)
        try:
            reports.append(sync_group(db, link.group_id, client))
        except SyncError as error:
            logger.info("sync with %s failed: %s", link.name, error)
            failures.append(GroupFailure(link, error))
        finally:
            client.close()
    return SyncRound(len(links), tuple(reports), tuple(failures), outbox.pending_count(db))


def read_sync_state(db: Database) -> tuple[int, int]:
    """How many groups this install is in, and how many changes wait to be sent (runs on the database worker)."""
    with db.read() as session:
        groups = len(list_memberships(session))
    return groups, outbox.pending_count(db)


def host_of(url: str) -> str:
    return urlsplit(url).hostname or url


def plain_sync_error(error: SyncError, link: GroupLink | None = None) -> str:
    """A sync failure in the user's words: what happened and what to do."""
    group = link.name if link is not None else ""
    status = error.status
    if isinstance(error, NoOwnerError):
        return QCoreApplication.translate(
            "SyncError",
            "Tell Grapevine who you are first (your name): the group needs it to show whose reviews are whose.",
        )
    if status is None:
        if link is None:
            return QCoreApplication.translate(
                "SyncError", "Cannot reach the sync server. Check the address and your connection."
            )
        return QCoreApplication.translate("SyncError", "Offline: cannot reach {host} (will retry)").format(
            host=host_of(link.server_url)
        )
    if status == 401:
        return QCoreApplication.translate(
            "SyncError", "This device's access to {group} was revoked. Ask the group's admin for a new invite."
        ).format(group=group)
    if status == 413:
        return QCoreApplication.translate(
            "SyncError", "{group}: the server refused changes as too large. They stay on this computer."
        ).format(group=group)
    if status == 429:
        return QCoreApplication.translate("SyncError", "The server asks us to slow down: trying again later.")
    if status >= 500:
        return QCoreApplication.translate(
            "SyncError", "The sync server for {group} has a problem (error {status}); will retry."
        ).format(group=group, status=status)
    return QCoreApplication.translate("SyncError", "The sync server refused: {reason}").format(reason=str(error))


def _retryable(error: SyncError) -> bool:
    return error.status is None or error.status in {429} or error.status >= 500


class SyncController(QObject):
    """Owns group sync for the window: the action, the timers and the status line."""

    round_finished = Signal(object)
    """A round ended (``SyncRound``); its applied changes were handed to the engine."""
    status_changed = Signal(str)
    """The status line's new text."""

    def __init__(
        self,
        window: MainWindow,
        tasks: TaskRunner,
        actions: DirectoryActions,
        client_for: ClientFactory = background_client,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.actions = actions
        self.client_for = client_for
        self.groups = 0
        self.pending = 0
        self.last_round: SyncRound | None = None
        self.last_success: float | None = None
        self.running = False
        self._again = False
        self._retry_ms = FIRST_RETRY_MS
        self.failing = False

        self.sync_action = QAction(self.tr("&Sync now"), window)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setStatusTip(self.tr("Send your changes to your groups and fetch theirs"))
        self.sync_action.setEnabled(False)
        self.sync_action.triggered.connect(self.sync_now)
        window.addAction(self.sync_action)

        self.status_label = QLabel(window)
        self.status_label.setAccessibleName(self.tr("Sync status"))
        self.status_label.hide()
        window.statusBar().addPermanentWidget(self.status_label)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.clock = QTimer(self)
        self.clock.setInterval(STATUS_TICK_MS)
        self.clock.timeout.connect(self._show_status)
        self.clock.start()

        window.directory_opened.connect(self._on_window_directory_opened)
        actions.changes_saved.connect(self._on_actions_changes_saved)

    @property
    def db(self) -> Database | None:
        return self.window.db

    @Slot(object)
    def _on_window_directory_opened(self, _db: Database) -> None:
        self.memberships_changed(sync_soon=True)

    def memberships_changed(self, *, sync_soon: bool = False) -> None:
        """Groups were joined or left: count them again, and sync shortly if asked and there are any."""
        if self.db is None:
            return
        task = self.tasks.run_database(partial(read_sync_state, self.db), name="read sync state")
        task.succeeded.connect(partial(self._on_state_task_succeeded, sync_soon))

    def _on_state_task_succeeded(self, sync_soon: bool, state: tuple[int, int]) -> None:
        self.groups, self.pending = state
        self.sync_action.setEnabled(self.groups > 0)
        if self.groups == 0:
            self.timer.stop()
        elif sync_soon:
            self._schedule(AFTER_OPEN_MS)
        elif not self.timer.isActive() and not self.running:
            self._schedule(SYNC_INTERVAL_MS)
        self._show_status()

    @Slot(object)
    def _on_actions_changes_saved(self, _changes: object) -> None:
        if self.groups == 0:
            return
        # The pending count shows at once; the round follows shortly, unless the server is known to be away.
        self.memberships_changed()
        if not self.failing:
            self._schedule(min(AFTER_WRITE_MS, self._remaining()))

    def _remaining(self) -> int:
        return self.timer.remainingTime() if self.timer.isActive() else AFTER_WRITE_MS

    def _schedule(self, delay_ms: int) -> None:
        self.timer.start(max(0, delay_ms))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.sync_now()

    @Slot()
    def sync_now(self) -> None:
        """Start a round now, or right after the one running."""
        if self.db is None or self.groups == 0:
            return
        if self.running:
            self._again = True
            return
        self.running = True
        self.timer.stop()
        self._show_status()
        task = self.tasks.run_network(partial(sync_all, self.db, self.client_for), name="sync")
        task.succeeded.connect(self._on_sync_task_succeeded)
        task.failed.connect(self._on_sync_task_failed)

    @Slot(object)
    def _on_sync_task_succeeded(self, result: SyncRound) -> None:
        self.running = False
        self.last_round = result
        self.groups, self.pending = result.groups, result.pending
        changes = None
        for report in result.reports:
            changes = report.changes if changes is None else changes | report.changes
        if changes is not None and not changes.empty:
            self.actions.apply_synced(changes)
        if result.reports and not result.failures:
            self.last_success = result.finished_at
        self.failing = any(_retryable(failure.error) for failure in result.failures)
        if self._again:
            self._again = False
            self._schedule(0)
        elif self.failing:
            self._schedule(self._retry_ms)
            self._retry_ms = min(self._retry_ms * 2, MAX_RETRY_MS)
        else:
            self._retry_ms = FIRST_RETRY_MS
            if self.groups:
                self._schedule(SYNC_INTERVAL_MS)
        self._show_status()
        self.round_finished.emit(result)

    @Slot(object)
    def _on_sync_task_failed(self, error: Exception) -> None:
        # Expected failures are caught per group in sync_all: anything here is a bug.
        self.running = False
        raise error

    @Slot()
    def _show_status(self) -> None:
        text, details = self.status_text()
        self.status_label.setVisible(bool(text))
        self.status_label.setText(text)
        self.status_label.setToolTip(details)
        self.status_changed.emit(text)

    def status_text(self) -> tuple[str, str]:
        """The status line and its tooltip (the details of every group's last round)."""
        if self.groups == 0:
            return "", ""
        if self.running:
            return self.tr("Syncing…"), ""
        result = self.last_round
        details: list[str] = []
        if result is not None:
            for report in result.reports:
                details.append(
                    self.tr("{group}: sent {pushed}, received {pulled}").format(
                        group=report.group_name, pushed=report.pushed, pulled=report.pulled
                    )
                )
                if report.refused:
                    details.append(
                        self.tr("{group}: {count} change(s) not accepted by the server").format(
                            group=report.group_name, count=len(report.refused)
                        )
                    )
            details += [
                f"{failure.link.name}: {plain_sync_error(failure.error, failure.link)}" for failure in result.failures
            ]
            if result.failures:
                failure = result.failures[0]
                return plain_sync_error(failure.error, failure.link), "\n".join(details)
        waiting = self.tr(" · {count} changes waiting").format(count=self.pending) if self.pending else ""
        if self.last_success is None:
            return self.tr("Not synced yet") + waiting, "\n".join(details)
        return self.tr("Synced {when}").format(when=self._ago(self.last_success)) + waiting, "\n".join(details)

    def _ago(self, moment: float) -> str:
        seconds = max(0.0, time.time() - moment)
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("{minutes} min ago").format(minutes=int(seconds // 60))
        if seconds < 86400:
            return self.tr("{hours} h ago").format(hours=int(seconds // 3600))
        when = dt.datetime.fromtimestamp(moment).strftime("%Y-%m-%d %H:%M")
        return self.tr("on {when}").format(when=when)
