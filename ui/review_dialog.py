"""The dialog to write my review of a vendor, or to record what a contact told me about it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from recommender.directory.errors import ErrorCode, ValidationError
from recommender.directory.people import list_people
from recommender.directory.records import PersonRecord, ReviewRecord
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.storage.changelog import Changes
from recommender.storage.database import Database
from recommender.sync.audience import set_audience
from ui.form_errors import FieldEditor, FieldErrors, lay_out_form, validation_message
from ui.group_dialogs import AudienceChooser
from ui.tasks import TaskRunner


@dataclass(frozen=True, slots=True)
class Contacts:
    """The people a review can be recorded for: me and my live contacts."""

    me: PersonRecord | None
    others: tuple[PersonRecord, ...]


def read_contacts(db: Database) -> Contacts:
    """Everyone who can be a review's author (runs on the database worker)."""
    with db.read() as session:
        people = list_people(session)
    me = next((person for person in people if person.is_me), None)
    return Contacts(me, tuple(person for person in people if not person.is_me))


def store_review(db: Database, draft: ReviewDraft, audience: frozenset[uuid.UUID] | None = None) -> Changes:
    """Write or replace the author's review, recorded by me, shared with ``audience`` (groups; None: as it was)
    in the same write (runs on the database worker)."""
    with db.write() as uow:
        review = save_review(uow, draft)
        if audience is not None:
            set_audience(uow, "reviews", review.id, audience)
        return uow.changes


class ReviewDialog(QDialog):
    """Rate a vendor as me, or as a contact who told me; closes only once the core has stored the review.

    With ``review`` the dialog starts from that stored review (edit); saving replaces its author's review."""

    contacts_loaded = Signal()
    """The author list has been filled from the database."""
    review_saved = Signal(object)
    """The review was stored; carries the write's ``Changes`` (pass them to ``refreshed``)."""
    save_failed = Signal(str)
    """The save was refused; carries the message shown in the dialog."""

    def __init__(
        self,
        tasks: TaskRunner,
        db: Database,
        vendor_id: uuid.UUID,
        vendor_name: str,
        review: ReviewRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.db = db
        self.vendor_id = vendor_id
        self.review = review
        self.setWindowTitle(self.tr("Review {vendor}").format(vendor=vendor_name))
        self.setAccessibleName(self.windowTitle())

        self.author_box = QComboBox(self)
        # Until the contacts are read, only "me" can be the author.
        self.author_box.addItem(self.tr("Me"), None)
        self.rating_box = QComboBox(self)
        self.rating_box.addItem(self.tr("Choose a rating"), None)
        for stars, meaning in (
            (1, self.tr("poor")),
            (2, self.tr("fair")),
            (3, self.tr("good")),
            (4, self.tr("very good")),
            (5, self.tr("excellent")),
        ):
            self.rating_box.addItem(f"{'★' * stars}{'☆' * (5 - stars)}  {meaning}", stars)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("What was good, what was not?"))
        self.visited_edit = QLineEdit(self)
        self.visited_edit.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. friendly, on time"))

        self.errors = FieldErrors()
        rows: tuple[tuple[str, str, FieldEditor], ...] = (
            ("author", self.tr("&Who says so"), self.author_box),
            ("rating", self.tr("&Rating"), self.rating_box),
            ("text", self.tr("Re&view"), self.text_edit),
            ("visited_on", self.tr("&Visited on"), self.visited_edit),
            ("tags", self.tr("&Tags"), self.tags_edit),
        )
        self.audience = AudienceChooser(tasks, db, "reviews", review.id if review is not None else None, self)
        self.message_label, self.buttons = lay_out_form(
            self, self.errors, rows, [(self.tr("&Share with"), self.audience)]
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        # Until the contacts are read, an edited review by a contact would be saved as mine.
        self.ok_button.setEnabled(False)
        if review is not None:
            self._fill(review)
        self.rating_box.setFocus()

        task = tasks.run_database(partial(read_contacts, db), name="read contacts")
        task.succeeded.connect(self._on_contacts_task_succeeded)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def _fill(self, review: ReviewRecord) -> None:
        self.rating_box.setCurrentIndex(self.rating_box.findData(review.rating))
        self.text_edit.setPlainText(review.text or "")
        self.visited_edit.setText(review.visited_on.isoformat() if review.visited_on else "")
        self.tags_edit.setText(", ".join(review.tags))

    def set_author(self, person_id: uuid.UUID | None) -> None:
        """Pick the review's author: a contact's id, or None for me."""
        row = self.author_box.findData(person_id)
        if row >= 0:
            self.author_box.setCurrentIndex(row)

    def draft(self) -> ReviewDraft:
        """What the form holds, unvalidated: the core checks it on save."""
        rating = self.rating_box.currentData()
        author = self.author_box.currentData()
        return ReviewDraft(
            vendor_id=self.vendor_id,
            rating="" if rating is None else int(rating),
            text=self.text_edit.toPlainText(),
            visited_on=self.visited_edit.text(),
            tags=self.tags_edit.text(),
            author_id=author if isinstance(author, uuid.UUID) else None,
        )

    @Slot(object)
    def _on_contacts_task_succeeded(self, contacts: Contacts) -> None:
        chosen = self.author_box.currentData()
        if self.review is not None and contacts.me is not None and self.review.author_id != contacts.me.id:
            chosen = self.review.author_id
        self.author_box.clear()
        self.author_box.addItem(self.tr("Me"), None)
        for person in contacts.others:
            self.author_box.addItem(self.tr("{name} told me").format(name=person.display_name), person.id)
        self.set_author(chosen)
        self.ok_button.setEnabled(True)
        self.contacts_loaded.emit()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.buttons.setEnabled(False)
        self.message_label.hide()
        self.errors.clear()
        task = self.tasks.run_database(
            partial(store_review, self.db, self.draft(), self.audience.groups()), name="save review"
        )
        task.succeeded.connect(self._on_save_task_succeeded)
        task.failed.connect(self._on_save_task_failed)

    @Slot(object)
    def _on_save_task_succeeded(self, changes: Changes) -> None:
        self.buttons.setEnabled(True)
        self.review_saved.emit(changes)
        self.accept()

    @Slot(object)
    def _on_save_task_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, ValidationError):
            raise error
        if error.field == "author" and error.code is ErrorCode.REQUIRED:
            # The core's way of saying there is no "me" yet: nothing in the form can fix that.
            message = self.tr("Set yourself up (your name) before writing reviews.")
            shown = False
        else:
            # A vendor deleted meanwhile names a field the form does not have: the message goes below the form.
            message = validation_message(error)
            shown = self.errors.show(error)
        if not shown:
            self.errors.clear()
            self.message_label.setText(message)
            self.message_label.show()
        self.save_failed.emit(message)
