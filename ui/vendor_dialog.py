"""The dialog to add or edit a vendor; the core validates, and a bad value is shown beside its field."""

from __future__ import annotations

import dataclasses
import uuid
from functools import partial

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from recommender.directory.errors import NotFoundError, ValidationError
from recommender.directory.records import VendorRecord
from recommender.directory.vendors import VendorDraft, add_vendor, update_vendor
from recommender.storage.changelog import Changes
from recommender.storage.database import Database
from recommender.sync.audience import set_audience
from recommender.taxonomy import load_taxonomy
from ui.category_names import category_label
from ui.form_errors import FieldEditor, FieldErrors, lay_out_form, validation_message
from ui.group_dialogs import AudienceChooser
from ui.tasks import TaskRunner


def save_vendor(
    db: Database, draft: VendorDraft, vendor_id: uuid.UUID | None, audience: frozenset[uuid.UUID] | None = None
) -> Changes:
    """Add the vendor, or update it when ``vendor_id`` is given, shared with ``audience`` (groups; None: as it
    was) in the same write (runs on the database worker)."""
    with db.write() as uow:
        if vendor_id is None:
            vendor_id = add_vendor(uow, draft).id
        else:
            update_vendor(uow, vendor_id, draft)
        if audience is not None:
            set_audience(uow, "vendors", vendor_id, audience)
        return uow.changes


class VendorDialog(QDialog):
    """Add a vendor (no ``vendor``) or edit one; closes only once the core has accepted and stored it."""

    vendor_saved = Signal(object)
    """The vendor was stored; carries the write's ``Changes`` (pass them to ``refreshed``)."""
    save_failed = Signal(str)
    """The save was refused; carries the message shown in the dialog."""

    def __init__(
        self, tasks: TaskRunner, db: Database, vendor: VendorRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.db = db
        self.vendor = vendor
        self.setWindowTitle(self.tr("Edit vendor") if vendor else self.tr("Add a vendor"))
        self.setAccessibleName(self.windowTitle())

        self.name_edit = QLineEdit(self)
        self.category_box = QComboBox(self)
        self.category_box.setEditable(True)
        self.category_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        labels = sorted(
            ((category_label(category), category.key) for category in load_taxonomy()),
            key=lambda pair: pair[0].casefold(),
        )
        for label, key in labels:
            self.category_box.addItem(label, key)
        self.category_box.setCurrentIndex(-1)
        line_edit = self.category_box.lineEdit()
        assert line_edit is not None  # an editable combo box always has one
        line_edit.setPlaceholderText(self.tr("Pick or type a category, e.g. “Kinderarzt” or “plumber”"))
        self.address_edit = QLineEdit(self)
        self.lat_edit = QLineEdit(self)
        self.lat_edit.setPlaceholderText(self.tr("e.g. 48.2082"))
        self.lon_edit = QLineEdit(self)
        self.lon_edit.setPlaceholderText(self.tr("e.g. 16.3738"))
        self.service_area_edit = QLineEdit(self)
        self.service_area_edit.setPlaceholderText(self.tr("For vendors who come to you, e.g. “Leopoldstadt”"))
        self.radius_edit = QLineEdit(self)
        self.radius_edit.setPlaceholderText(self.tr("km"))
        self.phone_edit = QLineEdit(self)
        self.email_edit = QLineEdit(self)
        self.website_edit = QLineEdit(self)
        self.hours_edit = QLineEdit(self)
        self.hours_edit.setPlaceholderText(self.tr("e.g. Mo-Fr 08:00-18:00; Sa 09:00-12:00"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)

        self.errors = FieldErrors()
        rows: tuple[tuple[str, str, FieldEditor], ...] = (
            ("name", self.tr("&Name"), self.name_edit),
            ("category", self.tr("&Category"), self.category_box),
            ("address", self.tr("&Address"), self.address_edit),
            ("lat", self.tr("&Latitude"), self.lat_edit),
            ("lon", self.tr("L&ongitude"), self.lon_edit),
            ("service_area", self.tr("&Service area"), self.service_area_edit),
            ("service_radius_km", self.tr("Service &radius (km)"), self.radius_edit),
            ("phone", self.tr("&Phone"), self.phone_edit),
            ("email", self.tr("&Email"), self.email_edit),
            ("website", self.tr("&Website"), self.website_edit),
            ("opening_hours", self.tr("Opening &hours"), self.hours_edit),
            ("notes", self.tr("No&tes"), self.notes_edit),
        )
        self.audience = AudienceChooser(tasks, db, "vendors", vendor.id if vendor is not None else None, self)
        self.message_label, self.buttons = lay_out_form(
            self, self.errors, rows, [(self.tr("Share w&ith"), self.audience)]
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        if vendor is not None:
            self._fill(vendor)
        self.name_edit.setFocus()

    def _fill(self, vendor: VendorRecord) -> None:
        self.name_edit.setText(vendor.name)
        row = self.category_box.findData(vendor.category)
        if row >= 0:
            self.category_box.setCurrentIndex(row)
        else:
            self.category_box.setEditText(vendor.category)
        for edit, value in (
            (self.address_edit, vendor.address),
            (self.lat_edit, vendor.lat),
            (self.lon_edit, vendor.lon),
            (self.service_area_edit, vendor.service_area),
            (self.radius_edit, vendor.service_radius_km),
            (self.phone_edit, vendor.phone),
            (self.email_edit, vendor.email),
            (self.website_edit, vendor.website),
            (self.hours_edit, vendor.opening_hours),
        ):
            edit.setText("" if value is None else str(value))
        self.notes_edit.setPlainText(vendor.notes or "")

    def draft(self) -> VendorDraft:
        """What the form holds, unvalidated: the core checks it on save."""
        category = self.category_box.currentText()
        row = self.category_box.currentIndex()
        if row >= 0 and self.category_box.itemText(row) == category:
            category = str(self.category_box.itemData(row))
        values = {
            "name": self.name_edit.text(),
            "category": category,
            "address": self.address_edit.text(),
            "lat": self.lat_edit.text(),
            "lon": self.lon_edit.text(),
            "service_area": self.service_area_edit.text(),
            "service_radius_km": self.radius_edit.text(),
            "phone": self.phone_edit.text(),
            "email": self.email_edit.text(),
            "website": self.website_edit.text(),
            "opening_hours": self.hours_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }
        if self.vendor is None:
            return VendorDraft(**values)
        # Fields the form does not show (where the vendor came from) keep their stored values.
        return dataclasses.replace(VendorDraft.of(self.vendor), **values)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.buttons.setEnabled(False)
        self.message_label.hide()
        self.errors.clear()
        vendor_id = self.vendor.id if self.vendor is not None else None
        task = self.tasks.run_database(
            partial(save_vendor, self.db, self.draft(), vendor_id, self.audience.groups()), name="save vendor"
        )
        task.succeeded.connect(self._on_save_task_succeeded)
        task.failed.connect(self._on_save_task_failed)

    @Slot(object)
    def _on_save_task_succeeded(self, changes: Changes) -> None:
        self.buttons.setEnabled(True)
        self.vendor_saved.emit(changes)
        self.accept()

    @Slot(object)
    def _on_save_task_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            message = validation_message(error)
            shown = self.errors.show(error)
        elif isinstance(error, NotFoundError):
            # Deleted (say by a sync) while the dialog was open.
            message = self.tr("This vendor is no longer in the directory.")
            shown = False
        else:
            raise error
        if not shown:
            self.message_label.setText(message)
            self.message_label.show()
        self.save_failed.emit(message)
