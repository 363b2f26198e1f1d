"""The settings dialog as a user drives it: change values, save, and find them stored; bad values save nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from recommender.geo.home import get_home
from recommender.settings import Settings, load_settings, save_settings
from recommender.storage.database import Database
from recommender.storage.models import LocalMeta
from ui.settings_dialog import SettingsDialog
from ui.tasks import TaskRunner


def _dialog(qtbot: QtBot, tasks: TaskRunner, db: Database) -> SettingsDialog:
    dialog = SettingsDialog(tasks, db)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preferences_loaded, timeout=5000):
        dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _stored(db: Database) -> Settings:
    with db.read() as session:
        return load_settings(session)


def test_the_stored_values_are_shown(qtbot: QtBot, tasks: TaskRunner, me_db: Database) -> None:
    with me_db.write() as uow:
        save_settings(uow, Settings(trust_horizon=2, rating_weight=0.25, theme="dark"))
    dialog = _dialog(qtbot, tasks, me_db)
    assert dialog.horizon_spin.value() == 2
    assert dialog.rating_edit.text() == "0.25"
    assert dialog.decay_edit.text() == "0.7"
    assert dialog.theme_combo.currentData() == "dark"


def test_change_horizon_and_decay_and_save(qtbot: QtBot, tasks: TaskRunner, me_db: Database) -> None:
    dialog = _dialog(qtbot, tasks, me_db)
    dialog.horizon_spin.setFocus()
    qtbot.keyClick(dialog.horizon_spin, Qt.Key.Key_Down)
    _retype(qtbot, dialog.decay_edit, "0,5")
    dialog.radius_table.item(dialog.taxonomy.categories.index(dialog.taxonomy.get("plumber")), 2).setText("30")
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    expected = Settings(trust_horizon=2, trust_decay=0.5, category_radius_km=(("plumber", 30.0),))
    assert saved.args == [expected]
    assert not dialog.isVisible()
    assert _stored(me_db) == expected


def test_an_out_of_range_value_shows_a_message_and_saves_nothing(
    qtbot: QtBot, tasks: TaskRunner, me_db: Database
) -> None:
    dialog = _dialog(qtbot, tasks, me_db)
    qtbot.keyClick(dialog.horizon_spin, Qt.Key.Key_Down)
    _retype(qtbot, dialog.decay_edit, "1.5")
    with qtbot.assertNotEmitted(dialog.settings_saved, wait=100):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message == "Decay per link must be between 0.05 and 1.0."
    assert dialog.isVisible()
    with me_db.read() as session:
        assert session.get(LocalMeta, "settings") is None


def test_a_bad_radius_names_its_category(qtbot: QtBot, tasks: TaskRunner, me_db: Database) -> None:
    dialog = _dialog(qtbot, tasks, me_db)
    dialog.radius_table.item(0, 2).setText("lots")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message == f"The radius for {dialog.taxonomy.categories[0].label} must be a number."
    assert _stored(me_db) == Settings()


def test_typed_coordinates_change_home(qtbot: QtBot, tasks: TaskRunner, me_db: Database) -> None:
    dialog = _dialog(qtbot, tasks, me_db)
    assert dialog.home_edit.text() == ""
    _retype(qtbot, dialog.home_edit, "52.2, 0.12")
    _retype(qtbot, dialog.rating_edit, "0.8")
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with me_db.read() as session:
        home = get_home(session)
    assert home is not None and home.point == (52.2, 0.12)
    assert _stored(me_db).rating_weight == 0.8


def test_a_tile_server_is_saved_and_a_bad_address_is_refused(qtbot: QtBot, tasks: TaskRunner, me_db: Database) -> None:
    dialog = _dialog(qtbot, tasks, me_db)
    _retype(qtbot, dialog.tile_url_edit, "https://tiles.example.org/{z}/{x}.png")
    with qtbot.assertNotEmitted(dialog.settings_saved, wait=100):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message == "The tile address must start with https:// and contain {z}, {x} and {y}."
    assert _stored(me_db).tile_url == ""

    _retype(qtbot, dialog.tile_url_edit, "https://tiles.example.org/{z}/{x}/{y}.png")
    _retype(qtbot, dialog.tile_attribution_edit, "© Example tiles")
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = _stored(me_db)
    assert (stored.tile_url, stored.tile_attribution) == (
        "https://tiles.example.org/{z}/{x}/{y}.png",
        "© Example tiles",
    )
