"""First run as a user: type a name and a home, pick what to open, and find "me" and home stored."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recommender.directory.people import find_me
from recommender.geo.geocoder import Geocoder
from recommender.geo.home import get_home
from recommender.storage.database import Database
from ui.tasks import TaskRunner
from ui.welcome_dialog import SetupChoice, WelcomeDialog


def _geocoder(db: Database, endpoint: str) -> Geocoder:
    return Geocoder(db, endpoint=endpoint, user_agent="Grapevine-tests/1", min_interval_s=0.0, timeout_s=2.0)


def _dialog(qtbot: QtBot, tasks: TaskRunner, db: Database, geocoder: Geocoder | None = None) -> WelcomeDialog:
    dialog = WelcomeDialog(tasks, db, geocoder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _start(qtbot: QtBot, dialog: WelcomeDialog) -> None:
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)


def test_an_empty_name_gets_a_message_and_saves_nothing(qtbot: QtBot, tasks: TaskRunner, db: Database) -> None:
    dialog = _dialog(qtbot, tasks, db)
    qtbot.keyClicks(dialog.home_edit, "52.2, 0.12")
    _start(qtbot, dialog)
    assert "enter your name" in dialog.message
    assert dialog.isVisible()
    assert not tasks.busy
    with db.read() as session:
        assert find_me(session) is None
        assert get_home(session) is None


def test_name_and_typed_coordinates_store_me_and_home(qtbot: QtBot, tasks: TaskRunner, db: Database) -> None:
    dialog = _dialog(qtbot, tasks, db)
    qtbot.keyClicks(dialog.name_edit, "  Sam Carter ")
    qtbot.keyClicks(dialog.home_edit, "52.2053° N, 0.1218° E")
    dialog.empty_button.click()
    with qtbot.waitSignal(dialog.finished_setup, timeout=5000) as finished:
        _start(qtbot, dialog)
    assert finished.args == [SetupChoice.EMPTY.value]
    assert not dialog.isVisible()
    with db.read() as session:
        me = find_me(session)
        home = get_home(session)
    assert me is not None and me.display_name == "Sam Carter"
    assert home is not None and home.point == (52.2053, 0.1218)
    assert home.label is None


def test_out_of_range_coordinates_get_a_message(qtbot: QtBot, tasks: TaskRunner, db: Database) -> None:
    dialog = _dialog(qtbot, tasks, db)
    qtbot.keyClicks(dialog.name_edit, "Sam")
    qtbot.keyClicks(dialog.home_edit, "152.2, 0.12")
    _start(qtbot, dialog)
    assert "out of range" in dialog.message
    with db.read() as session:
        assert find_me(session) is None


def test_an_address_is_geocoded_and_stored(qtbot: QtBot, tasks: TaskRunner, db: Database, nominatim_url: str) -> None:
    with _geocoder(db, nominatim_url) as geocoder:
        dialog = _dialog(qtbot, tasks, db, geocoder)
        qtbot.keyClicks(dialog.name_edit, "Sam Carter")
        qtbot.keyClicks(dialog.home_edit, "Mill Road, Cambridge")
        with qtbot.waitSignal(dialog.finished_setup, timeout=5000) as finished:
            _start(qtbot, dialog)
    assert finished.args == [SetupChoice.DEMO.value]
    with db.read() as session:
        home = get_home(session)
        assert find_me(session) is not None
    assert home is not None
    assert home.point == (52.1984, 0.1398)
    assert home.label == "Mill Road, Cambridge"


def test_an_unknown_address_asks_again(qtbot: QtBot, tasks: TaskRunner, db: Database, nominatim_url: str) -> None:
    with _geocoder(db, nominatim_url) as geocoder:
        dialog = _dialog(qtbot, tasks, db, geocoder)
        qtbot.keyClicks(dialog.name_edit, "Sam Carter")
        qtbot.keyClicks(dialog.home_edit, "Nowhere Street")
        _start(qtbot, dialog)
        qtbot.waitUntil(lambda: "No place found" in dialog.message, timeout=5000)
    assert dialog.start_button.isEnabled()
    with db.read() as session:
        assert find_me(session) is None


def test_offline_says_so_and_typed_coordinates_still_work(qtbot: QtBot, tasks: TaskRunner, db: Database) -> None:
    # A port nobody listens on: the connection is refused, as when offline.
    probe = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    closed_url = f"http://127.0.0.1:{probe.server_address[1]}"
    probe.server_close()
    with _geocoder(db, closed_url) as geocoder:
        dialog = _dialog(qtbot, tasks, db, geocoder)
        qtbot.keyClicks(dialog.name_edit, "Sam Carter")
        qtbot.keyClicks(dialog.home_edit, "Mill Road, Cambridge")
        _start(qtbot, dialog)
        qtbot.waitUntil(lambda: "offline" in dialog.message, timeout=5000)
        assert "coordinates" in dialog.message
        with db.read() as session:
            assert find_me(session) is None
        dialog.home_edit.clear()
        qtbot.keyClicks(dialog.home_edit, "52.1984, 0.1398")
        with qtbot.waitSignal(dialog.finished_setup, timeout=5000):
            _start(qtbot, dialog)
    with db.read() as session:
        home = get_home(session)
    assert home is not None and home.point == (52.1984, 0.1398)


def test_without_a_geocoder_an_address_asks_for_coordinates(qtbot: QtBot, tasks: TaskRunner, db: Database) -> None:
    dialog = _dialog(qtbot, tasks, db)
    qtbot.keyClicks(dialog.name_edit, "Sam Carter")
    qtbot.keyClicks(dialog.home_edit, "Mill Road")
    _start(qtbot, dialog)
    assert "Type coordinates" in dialog.message
    with db.read() as session:
        assert find_me(session) is None
