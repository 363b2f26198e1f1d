"""The first-run welcome: who I am, where home is, and whether to open the demo neighbourhood or start empty."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from recommender.directory.errors import DirectoryError, ValidationError
from recommender.directory.people import PersonDraft, set_me
from recommender.geo.geocoder import Geocoder, GeocodeResult, GeocodingUnavailable, UnavailableReason, parse_coordinates
from recommender.geo.home import set_home
from recommender.storage.database import Database
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


class SetupChoice(enum.StrEnum):
    """What the user wants to see once set up."""

    DEMO = "demo"
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class HomeChoice:
    """Where home is, as the user gave it: found from an address, or typed as coordinates (label None)."""

    lat: float
    lon: float
    label: str | None


def describe_lookup_error(error: Exception) -> str:
    """A translated sentence for why a home could not be looked up, always offering typed coordinates."""
    fallback = QCoreApplication.translate("HomeLookup", "You can type coordinates instead, such as 52.2053, 0.1218.")
    if isinstance(error, GeocodingUnavailable):
        reasons = {
            UnavailableReason.UNREACHABLE: QCoreApplication.translate(
                "HomeLookup", "Cannot reach the place search server; you seem to be offline."
            ),
            UnavailableReason.TIMEOUT: QCoreApplication.translate(
                "HomeLookup", "The place search server did not answer in time."
            ),
            UnavailableReason.RATE_LIMITED: QCoreApplication.translate(
                "HomeLookup", "The place search server asks to slow down; try again in a minute."
            ),
            UnavailableReason.REFUSED: QCoreApplication.translate(
                "HomeLookup", "The place search server refused the request."
            ),
            UnavailableReason.BAD_ANSWER: QCoreApplication.translate(
                "HomeLookup", "The place search server gave an unusable answer."
            ),
        }
        return f"{reasons[error.reason]} {fallback}"
    if isinstance(error, ValidationError):
        return QCoreApplication.translate(
            "HomeLookup", "Those coordinates are out of range: latitude -90 to 90, longitude -180 to 180."
        )
    raise error


def typed_home(text: str) -> HomeChoice | None:
    """Home from typed coordinates (no network needed), or None if ``text`` is not coordinates.

    Raises ValidationError when they are coordinates but out of range."""
    point = parse_coordinates(text)
    return HomeChoice(point[0], point[1], None) if point is not None else None


def found_home(result: GeocodeResult | None, text: str) -> HomeChoice | None:
    """Home from a geocoder's answer, labelled with what the user typed (their name for the place)."""
    if result is None:
        return None
    return HomeChoice(result.lat, result.lon, text)


def store_setup(db: Database, name: str, home: HomeChoice | None) -> None:
    """Save "me" and home in one write (runs on the database worker)."""
    with db.write() as uow:
        set_me(uow, PersonDraft(name))
        if home is not None:
            set_home(uow, home.lat, home.lon, home.label)


class WelcomeDialog(QDialog):
    """Asks for my name and home, then saves them; ``finished_setup`` says what to open next."""

    finished_setup = Signal(str)
    """Me (and home, if given) are stored; the value is a ``SetupChoice``."""

    def __init__(
        self, tasks: TaskRunner, db: Database, geocoder: Geocoder | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.db = db
        self.geocoder = geocoder
        self.setWindowTitle(self.tr("Welcome to Grapevine"))

        intro = QLabel(self.tr("Grapevine finds local vendors through the people you trust. Tell it who you are."))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.home_edit = QLineEdit(self)
        self.home_edit.setAccessibleName(self.tr("Home"))
        self.home_edit.setPlaceholderText(self.tr("An address, or coordinates such as 52.2053, 0.1218"))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("&Home:"), self.home_edit)

        choices = QGroupBox(self.tr("Start with"), self)
        self.demo_button = QRadioButton(self.tr("The &demo neighbourhood, to look around"), choices)
        self.demo_button.setAccessibleName(self.tr("Open the demo neighbourhood"))
        self.empty_button = QRadioButton(self.tr("An &empty directory, to record my own vendors"), choices)
        self.empty_button.setAccessibleName(self.tr("Start with an empty directory"))
        self.demo_button.setChecked(True)
        choice_layout = QVBoxLayout(choices)
        choice_layout.addWidget(self.demo_button)
        choice_layout.addWidget(self.empty_button)

        self.message_label = QLabel(self)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("&Start"))
        self.buttons.accepted.connect(self._on_buttons_accepted)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(choices)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self._name = ""
        self._home_text = ""

    @property
    def choice(self) -> SetupChoice:
        return SetupChoice.DEMO if self.demo_button.isChecked() else SetupChoice.EMPTY

    @property
    def message(self) -> str:
        """The message the user sees, or "" when there is none."""
        return self.message_label.text() if self.message_label.isVisible() else ""

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.start_button.setEnabled(not busy)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self._name = self.name_edit.text().strip()
        self._home_text = self.home_edit.text().strip()
        if not self._name:
            self._show_message(self.tr("Please enter your name: rankings are worked out as seen from you."))
            self.name_edit.setFocus()
            return
        if not self._home_text:
            self._save(None)
            return
        try:
            typed = typed_home(self._home_text)
        except ValidationError as error:
            self._show_message(describe_lookup_error(error))
            return
        if typed is not None:
            self._save(typed)
        elif self.geocoder is None:
            self._show_message(self.tr("Place search is not available. Type coordinates such as 52.2053, 0.1218."))
        else:
            self._show_message(self.tr("Looking up your home…"))
            self._set_busy(True)
            geocoder, text = self.geocoder, self._home_text
            task = self.tasks.run_network(lambda: geocoder.geocode(text), name="geocode home")
            task.succeeded.connect(self._on_lookup_task_succeeded)
            task.failed.connect(self._on_lookup_task_failed)

    @Slot(object)
    def _on_lookup_task_succeeded(self, result: GeocodeResult | None) -> None:
        home = found_home(result, self._home_text)
        if home is None:
            self._set_busy(False)
            self._show_message(self.tr("No place found for that address. Check it, or type coordinates instead."))
            return
        self._save(home)

    @Slot(object)
    def _on_lookup_task_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_message(describe_lookup_error(error))

    def _save(self, home: HomeChoice | None) -> None:
        self._set_busy(True)
        db, name = self.db, self._name
        task = self.tasks.run_database(lambda: store_setup(db, name, home), name="first-run setup")
        task.succeeded.connect(self._on_save_task_succeeded)
        task.failed.connect(self._on_save_task_failed)

    @Slot(object)
    def _on_save_task_succeeded(self, _result: object) -> None:
        self._show_message("")
        self.finished_setup.emit(self.choice.value)
        self.accept()

    @Slot(object)
    def _on_save_task_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if not isinstance(error, DirectoryError):
            raise error
        self._show_message(self.tr("Cannot save: {error}").format(error=error))
