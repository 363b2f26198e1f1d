"""The search box with quick picks for the needs people ask their neighbours about most."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from recommender.taxonomy import load_taxonomy
from ui.category_names import category_label

QUICK_PICKS = ("pediatrician", "hairdresser", "accountant", "dog_walker", "plumber", "dentist")
"""Taxonomy keys offered as one-click searches."""


class SearchBar(QWidget):
    """A prominent search box; typing or a quick pick changes the query."""

    query_changed = Signal(str)
    submitted = Signal()
    """Enter was pressed in the box: the user wants the results."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("What are you looking for? A dentist, a plumber, a name…"))
        self.search_box.setAccessibleName(self.tr("Search vendors"))
        self.search_box.setClearButtonEnabled(True)
        font = self.search_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.search_box.setFont(font)
        self.search_box.setMinimumHeight(36)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self.search_box.returnPressed.connect(self._on_search_box_return_pressed)

        picks = QHBoxLayout()
        picks.setSpacing(6)
        hint = QLabel(self.tr("Quick picks:"), self)
        picks.addWidget(hint)
        taxonomy = load_taxonomy()
        self.quick_pick_buttons: dict[str, QPushButton] = {}
        for key in QUICK_PICKS:
            label = category_label(taxonomy.get(key))
            button = QPushButton(label, self)
            button.setAccessibleName(self.tr("Search for {category}").format(category=label))
            button.setProperty("query", label.lower())
            button.clicked.connect(self._on_quick_pick_button_clicked)
            picks.addWidget(button)
            self.quick_pick_buttons[key] = button
        picks.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addLayout(picks)

    @property
    def query(self) -> str:
        return self.search_box.text()

    def set_query(self, text: str) -> None:
        """Replace the query as if typed (``query_changed`` fires when it differs)."""
        self.search_box.setText(text)

    def focus_search_box(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    @Slot(str)
    def _on_search_box_text_changed(self, text: str) -> None:
        self.query_changed.emit(text)

    @Slot()
    def _on_search_box_return_pressed(self) -> None:
        self.submitted.emit()

    @Slot()
    def _on_quick_pick_button_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.set_query(str(button.property("query")))
            self.focus_search_box()
