"""The row of search filters: open now, minimum rating, maximum distance, only my network, and where to search near."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from recommender.directory.errors import ValidationError
from recommender.engine.recommender import SearchFilters
from recommender.geo.geocoder import Geocoder, GeocodeResult, parse_coordinates
from ui.tasks import TaskRunner
from ui.welcome_dialog import describe_lookup_error

RATINGS = (None, 3.0, 4.0, 4.5)
DISTANCES_KM = (None, 1.0, 2.0, 5.0, 10.0, 25.0)


class FiltersBar(QWidget):
    """Filters apply as soon as they change; "near" takes a place (looked up when online) or coordinates typed as
    "52.2, 0.12" (blank = home)."""

    changed = Signal()
    """A filter or the search location changed: search again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rating_box = QComboBox(self)
        self.rating_box.setAccessibleName(self.tr("Minimum rating"))
        for rating in RATINGS:
            self.rating_box.addItem(self.tr("Any rating") if rating is None else f"★ {rating:g}+", rating)
        self.distance_box = QComboBox(self)
        self.distance_box.setAccessibleName(self.tr("Maximum distance"))
        for distance in DISTANCES_KM:
            text = self.tr("Any distance") if distance is None else self.tr("within {km:g} km").format(km=distance)
            self.distance_box.addItem(text, distance)
        self.network_box = QCheckBox(self.tr("Only my &network"), self)
        self.open_box = QCheckBox(self.tr("&Open now"), self)
        self.open_box.setToolTip(self.tr("Only vendors whose opening hours say they are open now"))
        self.now: Callable[[], dt.datetime] = dt.datetime.now
        """The local time "open now" means (tests set a fixed one)."""
        self.near_edit = QLineEdit(self)
        self.near_edit.setAccessibleName(self.tr("Search near"))
        self.near_edit.setPlaceholderText(self.tr("home, or type a place"))
        self.near_edit.setToolTip(
            self.tr("Search near home, or near a place (looked up when online) or coordinates such as 52.205, 0.122")
        )
        self.near_edit.setClearButtonEnabled(True)
        self.near_edit.setMinimumWidth(200)
        self.near_edit.setMaximumWidth(280)
        self.near_problem = QLabel(self)
        self.near_problem.setAccessibleName(self.tr("Search location"))
        self.tasks: TaskRunner | None = None
        self.geocoder: Geocoder | None = None
        """Looks up typed places; None (offline use, tests) leaves coordinates only."""
        self._places: dict[str, tuple[float, float]] = {}
        """Places found this session, by the text typed."""
        self._looking_up: str | None = None
        for box in (self.rating_box, self.distance_box):
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.network_box.toggled.connect(self._on_filter_changed)
        self.open_box.toggled.connect(self._on_filter_changed)
        self.near_edit.editingFinished.connect(self._on_filter_changed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Filters:"), self))
        layout.addWidget(self.open_box)
        layout.addWidget(self.rating_box)
        layout.addWidget(self.distance_box)
        layout.addWidget(self.network_box)
        near_label = QLabel(self.tr("N&ear:"), self)
        near_label.setBuddy(self.near_edit)
        layout.addSpacing(12)
        layout.addWidget(near_label)
        layout.addWidget(self.near_edit)
        layout.addWidget(self.near_problem)
        layout.addStretch(1)

    def filters(self) -> SearchFilters:
        return SearchFilters(
            min_rating=self.rating_box.currentData(),
            max_distance_km=self.distance_box.currentData(),
            network_only=self.network_box.isChecked(),
            open_at=self.now() if self.open_box.isChecked() else None,
        )

    def near(self) -> tuple[float, float] | None:
        """Where to measure distances from: typed coordinates, or None for home."""
        text = self.near_edit.text().strip()
        if not text:
            self.near_problem.clear()
            return None
        try:
            point = parse_coordinates(text)
        except ValidationError:
            point = None
        if point is None:
            return self._place(text)
        self.near_problem.clear()
        return point

    def _place(self, text: str) -> tuple[float, float] | None:
        """A typed place, if it was found before; otherwise None for now, and a lookup that searches again."""
        found = self._places.get(text)
        if found is not None:
            return found
        if self.geocoder is None or self.tasks is None:
            self.near_problem.setText(self.tr("Type coordinates such as 52.205, 0.122"))
            return None
        if self._looking_up != text:
            self._looking_up = text
            geocoder = self.geocoder
            task = self.tasks.run_network(lambda: geocoder.geocode(text), name="geocode search place")
            task.succeeded.connect(partial(self._on_lookup_task_succeeded, text))
            task.failed.connect(partial(self._on_lookup_task_failed, text))
        self.near_problem.setText(self.tr("Looking up {place}…").format(place=text))
        return None

    def _on_lookup_task_succeeded(self, text: str, result: GeocodeResult | None) -> None:
        self._looking_up = None
        if text != self.near_edit.text().strip():
            return  # the user has typed something else meanwhile
        if result is None:
            self.near_problem.setText(self.tr("No place found for {place}").format(place=text))
            return
        self._places[text] = (result.lat, result.lon)
        self.changed.emit()
        self.near_problem.setText(result.label or "")

    def _on_lookup_task_failed(self, text: str, error: Exception) -> None:
        self._looking_up = None
        if text == self.near_edit.text().strip():
            self.near_problem.setText(describe_lookup_error(error))

    @Slot()
    def _on_filter_changed(self) -> None:
        self.changed.emit()
