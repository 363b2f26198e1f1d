"""My contacts as a table: my trust in each, per-category trust, how they are connected to me, their reviews."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from recommender.directory.people import find_me, list_people, trust_links
from recommender.engine.recommender import Recommender
from recommender.storage.database import Database
from recommender.trust.graph import Relation
from ui.category_names import category_label
from ui.models.row_table import RowTableModel

PersonIdRole = Qt.ItemDataRole.UserRole + 1
"""The person's UUID (a ``uuid.UUID``)."""

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Contact:
    """One person I know, with the trust I gave them (overall and per category key)."""

    id: uuid.UUID
    name: str
    email: str | None
    phone: str | None
    trust: float | None
    category_trust: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Contacts:
    me: uuid.UUID | None
    people: tuple[Contact, ...]


def read_contacts(db: Database) -> Contacts:
    """Everyone but me, with my trust links to them (runs on the database worker)."""
    with db.read() as session:
        me = find_me(session)
        mine = trust_links(session, truster_id=me.id) if me is not None else []
        people = [person for person in list_people(session) if not person.is_me]
    general = {link.trustee_id: link.level for link in mine if link.category is None}
    scoped: dict[uuid.UUID, list[tuple[str, float]]] = {}
    for link in mine:
        if link.category is not None:
            scoped.setdefault(link.trustee_id, []).append((link.category, link.level))
    contacts = tuple(
        Contact(p.id, p.display_name, p.email, p.phone, general.get(p.id), tuple(scoped.get(p.id, ()))) for p in people
    )
    return Contacts(me.id if me is not None else None, contacts)


class Column(enum.IntEnum):
    NAME = 0
    TRUST = 1
    CATEGORIES = 2
    CONNECTION = 3
    REVIEWS = 4


class PeopleModel(RowTableModel):
    """Contacts read from the database; connection and review counts come from the engine when shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: tuple[Contact, ...] = ()
        self._rows: list[Contact] = []
        self._filter = ""
        self._engine: Recommender | None = None
        self._review_counts = np.zeros(0, dtype=np.int64)
        self._headers = {
            Column.NAME: self.tr("Name"),
            Column.TRUST: self.tr("My trust"),
            Column.CATEGORIES: self.tr("Trust by category"),
            Column.CONNECTION: self.tr("Connection"),
            Column.REVIEWS: self.tr("Reviews"),
        }

    def set_contacts(self, contacts: Contacts) -> None:
        self.beginResetModel()
        self._all = contacts.people
        self._rows = self._filtered()
        self.endResetModel()

    def set_engine(self, engine: Recommender) -> None:
        """Connections and review counts as this engine sees them."""
        self._engine = engine
        self._review_counts = np.bincount(engine.snapshot.model.authors, minlength=len(engine.snapshot.people.ids))
        if self._rows:
            last = self.index(len(self._rows) - 1, Column.REVIEWS)
            self.dataChanged.emit(self.index(0, Column.CONNECTION), last)

    def set_filter(self, text: str) -> None:
        """Show only contacts whose name, email or phone contains ``text`` (ignoring case)."""
        self.beginResetModel()
        self._filter = text.strip().casefold()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Contact]:
        if not self._filter:
            return list(self._all)
        return [c for c in self._all if any(self._filter in (f or "").casefold() for f in (c.name, c.email, c.phone))]

    def contact(self, row: int) -> Contact:
        return self._rows[row]

    def row_of(self, person_id: uuid.UUID) -> int | None:
        return next((row for row, contact in enumerate(self._rows) if contact.id == person_id), None)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        contact = self._rows[index.row()]
        column = Column(index.column())
        if role in {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole}:
            return self._text(contact, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(contact, column) or self.tr("none")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.REVIEWS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PersonIdRole:
            return contact.id
        return None

    def _text(self, contact: Contact, column: Column) -> str:
        match column:
            case Column.NAME:
                return contact.name
            case Column.TRUST:
                return self.level_text(contact.trust)
            case Column.CATEGORIES:
                return ", ".join(
                    f"{category_label(key)} {self.level_text(level)}" for key, level in contact.category_trust
                )
            case Column.CONNECTION:
                return self._connection(contact)
            case Column.REVIEWS:
                person = self._person(contact)
                return "" if person is None else str(int(self._review_counts[person]))

    def level_text(self, level: float | None) -> str:
        if level is None:
            return ""
        return self.tr("distrust") if level <= 0 else self.tr("trust %s") % f"{level:g}"

    def _person(self, contact: Contact) -> int | None:
        return None if self._engine is None else self._engine.snapshot.people.index.get(contact.id.hex)

    def _connection(self, contact: Contact) -> str:
        person = self._person(contact)
        if self._engine is None or person is None:
            return ""
        perspective = self._engine.view()
        match perspective.relation(person):
            case Relation.NETWORK:
                hops = int(perspective.view.hops[person])
                steps = self.tr("direct") if hops == 1 else self.tr("%n steps", "", hops)
                weight = f"{perspective.weights[person]:.2f}"
                return self.tr("%1 · weight %2").replace("%1", steps).replace("%2", weight)
            case Relation.LIKE_MINDED:
                return self.tr("like-minded")
            case Relation.BLOCKED:
                return self.tr("distrusted")
            case _:
                return self.tr("not connected")

    def how_connected(self, contact: Contact) -> str:
        """The best trust path from me, e.g. "you → Anna → Ben · weight 0.63", or why there is none."""
        engine = self._engine
        person = None if engine is None else engine.snapshot.people.index.get(contact.id.hex)
        if engine is None or person is None:
            return self.tr("Not in the ranking yet.")
        perspective = engine.view()
        weight = f"{perspective.weights[person]:.2f}"
        relation = perspective.relation(person)
        if relation == Relation.BLOCKED:
            return self.tr("You distrust %1: their reviews are ignored.").replace("%1", contact.name)
        path = perspective.path_to(person)
        if len(path) > 1:
            names = [self.tr("you"), *(engine.snapshot.people.names[p] for p in path[1:])]
            return self.tr("%1 · weight %2").replace("%1", " → ".join(names)).replace("%2", weight)
        if relation == Relation.LIKE_MINDED:
            return self.tr("No trust path, but like-minded · weight %1").replace("%1", weight)
        horizon = engine.trust_settings.horizon
        return self.tr("Not connected within %n steps.", "", horizon)
