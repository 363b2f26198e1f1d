"""The settings dialog: home, how trust spreads, how scores weigh rating against distance, radii and theme."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recommender.directory.errors import DirectoryError, ErrorCode, ValidationError
from recommender.geo.geocoder import Geocoder, GeocodeResult
from recommender.geo.home import Home, get_home, set_home
from recommender.settings import Settings, load_settings, save_settings, setting
from recommender.storage.database import Database
from recommender.taxonomy import Taxonomy, load_taxonomy
from ui.category_names import category_label
from ui.tasks import TaskRunner
from ui.welcome_dialog import HomeChoice, describe_lookup_error, found_home, typed_home

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoredPreferences:
    """What the dialog edits, as read from the database."""

    settings: Settings
    home: Home | None


def read_preferences(db: Database) -> StoredPreferences:
    """The stored settings and home (runs on the database worker)."""
    with db.read() as session:
        return StoredPreferences(load_settings(session), get_home(session))


def store_preferences(db: Database, settings: Settings, home: HomeChoice | None) -> Settings:
    """Save the settings, and home when it changed, in one write (runs on the database worker)."""
    with db.write() as uow:
        save_settings(uow, settings)
        if home is not None:
            set_home(uow, home.lat, home.lon, home.label)
    return settings


def _home_text(home: Home | None) -> str:
    if home is None:
        return ""
    return home.label or f"{home.lat:.5f}, {home.lon:.5f}"


class SettingsDialog(QDialog):
    """Edits the preferences; loads them on opening and saves them through the database worker."""

    preferences_loaded = Signal()
    """The stored values are in the fields and can be edited."""
    settings_saved = Signal(object)
    """The new ``Settings`` (and home, if changed) are stored; apply them to the engine and the theme."""

    def __init__(
        self,
        tasks: TaskRunner,
        db: Database,
        geocoder: Geocoder | None = None,
        taxonomy: Taxonomy | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.db = db
        self.geocoder = geocoder
        self.taxonomy = taxonomy or load_taxonomy()
        self.setWindowTitle(self.tr("Settings"))
        self._labels = {
            "trust_horizon": self.tr("Trust horizon"),
            "trust_decay": self.tr("Decay per link"),
            "stranger_weight": self.tr("Stranger weight"),
            "rating_weight": self.tr("Rating weight"),
            "theme": self.tr("Theme"),
            "tile_url": self.tr("Map tiles"),
            "tile_attribution": self.tr("Tile credit"),
        }

        self.home_edit = QLineEdit(self)
        self.home_edit.setPlaceholderText(self.tr("An address, or coordinates such as 52.2053, 0.1218"))
        horizon = setting("trust_horizon")
        self.horizon_spin = QSpinBox(self)
        self.horizon_spin.setRange(int(horizon.low or 1), int(horizon.high or 1))
        self.horizon_spin.setSuffix(self.tr(" links"))
        self.decay_edit = QLineEdit(self)
        self.stranger_edit = QLineEdit(self)
        self.rating_edit = QLineEdit(self)
        self.theme_combo = QComboBox(self)
        for key, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme_combo.addItem(label, key)
        self.tile_url_edit = QLineEdit(self)
        self.tile_url_edit.setPlaceholderText(self.tr("None: the map shows pins without streets"))
        self.tile_attribution_edit = QLineEdit(self)
        self.tile_attribution_edit.setPlaceholderText(self.tr("e.g. © OpenStreetMap contributors"))
        form = QFormLayout()
        form.addRow(self.tr("&Home:"), self.home_edit)
        self.home_edit.setAccessibleName(self.tr("Home"))
        for key, widget in (
            ("trust_horizon", self.horizon_spin),
            ("trust_decay", self.decay_edit),
            ("stranger_weight", self.stranger_edit),
            ("rating_weight", self.rating_edit),
            ("theme", self.theme_combo),
            ("tile_url", self.tile_url_edit),
            ("tile_attribution", self.tile_attribution_edit),
        ):
            widget.setAccessibleName(self._labels[key])
            widget.setToolTip(setting(key).description)
            # Some languages space the colon ("Thème :"), so the label with its colon is translated whole.
            form.addRow(self.tr("{setting}:").format(setting=self._labels[key]), widget)

        self.radius_table = QTableWidget(len(self.taxonomy), 3, self)
        self.radius_table.setAccessibleName(self.tr("Distance that counts as near, per category"))
        self.radius_table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Default km"), self.tr("Your km")])
        self.radius_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.radius_table.verticalHeader().hide()
        # The editable "Your km" cells, in taxonomy order.
        self._radius_items: list[QTableWidgetItem] = []
        for row, category in enumerate(self.taxonomy):
            for column, text in enumerate((category_label(category), f"{category.radius_km:g}")):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.radius_table.setItem(row, column, item)
            override = QTableWidgetItem("")
            self._radius_items.append(override)
            self.radius_table.setItem(row, 2, override)

        self.message_label = QLabel(self)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Distance that still counts as near (leave blank for the default):")))
        layout.addWidget(self.radius_table)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self._loaded_home_text = ""
        self._pending: Settings | None = None

        task = tasks.run_database(lambda: read_preferences(db), name="read settings")
        task.succeeded.connect(self._on_read_task_succeeded)

    @property
    def message(self) -> str:
        """The message the user sees, or "" when there is none."""
        return self.message_label.text() if self.message_label.isVisible() else ""

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    @Slot(object)
    def _on_read_task_succeeded(self, stored: StoredPreferences) -> None:
        settings = stored.settings
        self._loaded_home_text = _home_text(stored.home)
        self.home_edit.setText(self._loaded_home_text)
        self.horizon_spin.setValue(settings.trust_horizon)
        self.decay_edit.setText(f"{settings.trust_decay:g}")
        self.stranger_edit.setText(f"{settings.stranger_weight:g}")
        self.rating_edit.setText(f"{settings.rating_weight:g}")
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))
        self.tile_url_edit.setText(settings.tile_url)
        self.tile_attribution_edit.setText(settings.tile_attribution)
        for item, category in zip(self._radius_items, self.taxonomy, strict=True):
            radius = settings.radius_km(category.key)
            item.setText("" if radius is None else f"{radius:g}")
        self.save_button.setEnabled(True)
        self.preferences_loaded.emit()

    def _values(self) -> dict[str, Any]:
        """The fields as setting values; raises ValidationError naming the key of a field that is not a number."""
        radii: dict[str, float] = {}
        for item, category in zip(self._radius_items, self.taxonomy, strict=True):
            text = item.text().strip()
            if text:
                radii[category.key] = _number(f"category_radius_km.{category.key}", text)
        return {
            "trust_horizon": self.horizon_spin.value(),
            "trust_decay": _number("trust_decay", self.decay_edit.text()),
            "stranger_weight": _number("stranger_weight", self.stranger_edit.text()),
            "rating_weight": _number("rating_weight", self.rating_edit.text()),
            "category_radius_km": radii,
            "theme": self.theme_combo.currentData(),
            "tile_url": self.tile_url_edit.text(),
            "tile_attribution": self.tile_attribution_edit.text(),
        }

    def _describe(self, error: ValidationError) -> str:
        key = error.field
        if key.startswith("category_radius_km."):
            category = self.taxonomy.get(key.partition(".")[2])
            label = self.tr("The radius for {category}").format(category=category_label(category))
        else:
            label = self._labels.get(key, key)
        if error.code is ErrorCode.OUT_OF_RANGE:
            low, high = error.params["low"], error.params["high"]
            return self.tr("{setting} must be between {low} and {high}.").format(setting=label, low=low, high=high)
        if error.code is ErrorCode.NOT_A_NUMBER:
            return self.tr("{setting} must be a number.").format(setting=label)
        if key == "tile_url":
            return self.tr("The tile address must start with https:// and contain {z}, {x} and {y}.")
        if error.code is ErrorCode.TOO_LONG:
            return self.tr("{setting} is too long.").format(setting=label)
        return self.tr("{setting} is not valid.").format(setting=label)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        try:
            settings = Settings.from_mapping(self._values())
        except ValidationError as error:
            self._show_message(self._describe(error))
            return
        self._pending = settings
        home_text = self.home_edit.text().strip()
        # An unchanged (or cleared) home field leaves the stored home as it is.
        if not home_text or home_text == self._loaded_home_text:
            self._save(None)
            return
        try:
            typed = typed_home(home_text)
        except ValidationError as error:
            self._show_message(describe_lookup_error(error))
            return
        if typed is not None:
            self._save(typed)
        elif self.geocoder is None:
            self._show_message(self.tr("Place search is not available. Type coordinates such as 52.2053, 0.1218."))
        else:
            self.save_button.setEnabled(False)
            self._show_message(self.tr("Looking up your home…"))
            geocoder = self.geocoder
            task = self.tasks.run_network(lambda: geocoder.geocode(home_text), name="geocode home")
            task.succeeded.connect(self._on_lookup_task_succeeded)
            task.failed.connect(self._on_lookup_task_failed)

    @Slot(object)
    def _on_lookup_task_succeeded(self, result: GeocodeResult | None) -> None:
        home = found_home(result, self.home_edit.text().strip())
        if home is None:
            self.save_button.setEnabled(True)
            self._show_message(self.tr("No place found for that address. Check it, or type coordinates instead."))
            return
        self._save(home)

    @Slot(object)
    def _on_lookup_task_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self._show_message(describe_lookup_error(error))

    def _save(self, home: HomeChoice | None) -> None:
        settings = self._pending
        assert settings is not None
        self.save_button.setEnabled(False)
        db = self.db
        task = self.tasks.run_database(lambda: store_preferences(db, settings, home), name="save settings")
        task.succeeded.connect(self._on_save_task_succeeded)
        task.failed.connect(self._on_save_task_failed)

    @Slot(object)
    def _on_save_task_succeeded(self, settings: Settings) -> None:
        self._show_message("")
        self.settings_saved.emit(settings)
        self.accept()

    @Slot(object)
    def _on_save_task_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(error, DirectoryError):
            raise error
        self._show_message(self.tr("Cannot save: {error}").format(error=error))


def _number(key: str, text: str) -> float:
    # A decimal comma is as natural to type as a point in much of Europe.
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise ValidationError(key, ErrorCode.NOT_A_NUMBER, text) from None
