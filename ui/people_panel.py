"""People and trust: my contacts, how much I trust each (overall or per category), and how we are connected."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QItemSelection, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recommender.directory.errors import DirectoryError
from recommender.directory.people import PersonDraft, add_person, remove_trust, set_trust
from recommender.engine.recommender import Recommender
from recommender.storage.changelog import Changes
from recommender.storage.database import Database, UnitOfWork
from recommender.taxonomy import load_taxonomy
from ui.category_names import category_label
from ui.models.people_model import Contact, Contacts, PeopleModel, read_contacts
from ui.tasks import TaskRunner

_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    widget.setAccessibleName(name)
    return widget


def _written(db: Database, work: Callable[[UnitOfWork], object]) -> Changes:
    """Run one write and return what it changed (on the database worker)."""
    with db.write() as uow:
        work(uow)
        return uow.changes


class PeoplePanel(QWidget):
    """Lists my contacts; edits my trust in the selected one and adds contacts, all through the database worker.

    After each write it emits what changed, so the owner can refresh the engine and call :meth:`set_engine`."""

    trust_changed = Signal(object)
    """A trust link of mine was set or removed: the ``Changes`` the write returned."""
    people_changed = Signal(object)
    """A contact was added: the ``Changes`` the write returned."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._db: Database | None = None
        self._contacts_stale = False
        self._engine: Recommender | None = None
        self._me: uuid.UUID | None = None
        self.setAccessibleName(self.tr("People and trust"))
        self.model = PeopleModel(self)
        self.filter_edit = _named(QLineEdit(self), self.tr("Filter contacts"))
        self.filter_edit.setPlaceholderText(self.tr("Filter contacts…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.table = _named(QTableView(self), self.tr("Contacts"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.name_label = _named(QLabel(self), self.tr("Selected person"))
        self.connection_label = _named(QLabel(self), self.tr("How you're connected"))
        self.connection_label.setWordWrap(True)
        self.trust_spin = self._level_spin(self.tr("My trust level"))
        self.trust_spin.valueChanged.connect(self._on_trust_spin_value_changed)
        self.trust_hint = _named(QLabel(self), self.tr("What this trust level means"))
        self.set_trust_button = self._button(self.tr("Set trust"), self._on_set_trust_button_clicked)
        self.remove_trust_button = self._button(self.tr("Remove trust"), self._on_remove_trust_button_clicked)
        self.category_combo = _named(QComboBox(self), self.tr("Category"))
        for label, key in sorted((category_label(category), category.key) for category in load_taxonomy()):
            self.category_combo.addItem(label, key)
        self.category_spin = self._level_spin(self.tr("Trust level for this category"))
        self.set_category_button = self._button(self.tr("Trust on category"), self._on_set_category_button_clicked)
        self.category_list = _named(QListWidget(self), self.tr("Trust by category"))
        self.category_list.setMaximumHeight(90)
        self.remove_category_button = self._button(
            self.tr("Remove category trust"), self._on_remove_category_button_clicked
        )
        self.details = QGroupBox(self.tr("Selected person"), self)
        form = QFormLayout(self.details)
        form.addRow(self.name_label)
        form.addRow(self.tr("How you're connected:"), self.connection_label)
        form.addRow(self.tr("My trust (-1 distrust … 1 full trust):"), self._row(self.trust_spin, self.trust_hint))
        form.addRow(self._row(self.set_trust_button, self.remove_trust_button))
        form.addRow(self.tr("Trust on:"), self._row(self.category_combo, self.category_spin, self.set_category_button))
        form.addRow(self.category_list)
        form.addRow(self.remove_category_button)

        self.new_name_edit = _named(QLineEdit(self), self.tr("New contact's name"))
        self.new_email_edit = _named(QLineEdit(self), self.tr("New contact's email"))
        self.new_phone_edit = _named(QLineEdit(self), self.tr("New contact's phone"))
        self.add_contact_button = self._button(self.tr("Add contact"), self._on_add_contact_button_clicked)
        adding = QGroupBox(self.tr("Add contact"), self)
        add_form = QFormLayout(adding)
        add_form.addRow(self.tr("Name:"), self.new_name_edit)
        add_form.addRow(self.tr("Email (optional):"), self.new_email_edit)
        add_form.addRow(self.tr("Phone (optional):"), self.new_phone_edit)
        add_form.addRow(self.add_contact_button)
        self.message_label = _named(QLabel(self), self.tr("Message"))
        self.message_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        for widget in (self.filter_edit, self.table, self.details, adding, self.message_label):
            layout.addWidget(widget)
        layout.setStretchFactor(self.table, 1)
        self._show_selected()

    def set_directory(self, db: Database, engine: Recommender) -> None:
        """Show this directory's contacts (read in the background once the panel is shown) as this engine sees
        them. A city's 50k contacts take seconds to read; doing that while the user types their first search
        would slow every keystroke, so a hidden panel waits until it is opened."""
        self._db = db
        self.set_engine(engine)
        self._contacts_stale = True
        if self.isVisible():
            self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._contacts_stale:
            self._reload()

    def set_engine(self, engine: Recommender) -> None:
        """Re-read connections and review counts from a new engine (after ``refreshed``)."""
        self._engine = engine
        self.model.set_engine(engine)
        self._show_selected()

    def select_person(self, person_id: uuid.UUID) -> bool:
        """Select a contact in the table; False when they are not shown."""
        row = self.model.row_of(person_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def selected_contact(self) -> Contact | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.contact(rows[0].row()) if rows else None

    def _level_spin(self, name: str) -> QDoubleSpinBox:
        spin = _named(QDoubleSpinBox(self), name)
        spin.setRange(-1.0, 1.0)
        spin.setSingleStep(0.1)
        spin.setDecimals(2)
        spin.setValue(0.8)
        return spin

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = _named(QPushButton(text, self), text)
        button.clicked.connect(slot)
        return button

    def _row(self, *widgets: QWidget) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return row

    def _reload(self) -> None:
        self._contacts_stale = False
        if self._db is not None:
            task = self._tasks.run_database(partial(read_contacts, self._db), name="read contacts")
            task.succeeded.connect(self._on_read_contacts_task_succeeded)

    def _write(self, work: Callable[[UnitOfWork], object], done: SignalInstance, name: str) -> None:
        if self._db is None:
            return
        self.message_label.clear()
        task = self._tasks.run_database(partial(_written, self._db, work), name=name)
        task.succeeded.connect(partial(self._on_write_task_succeeded, done))
        task.failed.connect(self._on_write_task_failed)

    def _show_selected(self) -> None:
        contact = self.selected_contact()
        editable = (self.trust_spin, self.set_trust_button, self.category_combo, self.category_spin)
        for widget in (*editable, self.set_category_button):
            widget.setEnabled(contact is not None and self._me is not None)
        self.remove_trust_button.setEnabled(contact is not None and contact.trust is not None)
        self.category_list.clear()
        self.remove_category_button.setEnabled(contact is not None and bool(contact.category_trust))
        if contact is None:
            self.name_label.setText(self.tr("Select a contact to see and set your trust in them."))
            self.connection_label.clear()
            return
        self.name_label.setText(contact.name)
        self.connection_label.setText(self.model.how_connected(contact))
        if contact.trust is not None:
            self.trust_spin.setValue(contact.trust)
        self._on_trust_spin_value_changed(self.trust_spin.value())
        for key, level in contact.category_trust:
            item = QListWidgetItem(f"{category_label(key)}: {self.model.level_text(level)}", self.category_list)
            item.setData(Qt.ItemDataRole.UserRole, key)

    @Slot(str)
    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_selected()

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selected()

    @Slot(float)
    def _on_trust_spin_value_changed(self, value: float) -> None:
        if value <= 0:
            self.trust_hint.setText(self.tr("distrust: their reviews will be ignored"))
        else:
            self.trust_hint.setText(self.tr("trust %s") % f"{value:g}")

    @Slot()
    def _on_set_trust_button_clicked(self) -> None:
        contact, me = self.selected_contact(), self._me
        if contact is not None and me is not None:
            level = self.trust_spin.value()
            self._write(lambda uow: set_trust(uow, me, contact.id, level), self.trust_changed, "set trust")

    @Slot()
    def _on_remove_trust_button_clicked(self) -> None:
        contact, me = self.selected_contact(), self._me
        if contact is not None and me is not None:
            self._write(lambda uow: remove_trust(uow, me, contact.id), self.trust_changed, "remove trust")

    @Slot()
    def _on_set_category_button_clicked(self) -> None:
        contact, me = self.selected_contact(), self._me
        if contact is not None and me is not None:
            key, level = self.category_combo.currentData(), self.category_spin.value()
            self._write(
                lambda uow: set_trust(uow, me, contact.id, level, category=key), self.trust_changed, "set trust"
            )

    @Slot()
    def _on_remove_category_button_clicked(self) -> None:
        contact, me, item = self.selected_contact(), self._me, self.category_list.currentItem()
        item = item or self.category_list.item(0)
        if contact is not None and me is not None and item is not None:
            key = item.data(Qt.ItemDataRole.UserRole)
            self._write(lambda uow: remove_trust(uow, me, contact.id, category=key), self.trust_changed, "untrust")

    @Slot()
    def _on_add_contact_button_clicked(self) -> None:
        draft = PersonDraft(
            self.new_name_edit.text(), self.new_email_edit.text() or None, self.new_phone_edit.text() or None
        )
        self._write(lambda uow: add_person(uow, draft), self.people_changed, "add contact")

    @Slot(object)
    def _on_read_contacts_task_succeeded(self, contacts: Contacts) -> None:
        selected = self.selected_contact()
        self._me = contacts.me
        self.model.set_contacts(contacts)
        if selected is None or not self.select_person(selected.id):
            self._show_selected()

    def _on_write_task_succeeded(self, done: SignalInstance, changes: Changes) -> None:
        if done is self.people_changed:
            for edit in (self.new_name_edit, self.new_email_edit, self.new_phone_edit):
                edit.clear()
        done.emit(changes)
        self._reload()

    @Slot(object)
    def _on_write_task_failed(self, error: Exception) -> None:
        if isinstance(error, DirectoryError):
            self.message_label.setText(str(error))
        else:
            # Not an expected failure but a bug: the crash handler deals with those.
            sys.excepthook(type(error), error, error.__traceback__)
