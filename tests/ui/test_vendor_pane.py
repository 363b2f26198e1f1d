"""The vendor page: opening hours with today highlighted and the state now, and the vendor on a small map."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from recommender.directory.vendors import get_vendor
from ui.app import Directory
from ui.vendor_pane import VendorDetails, VendorPane

SATURDAY_MORNING = dt.datetime(2026, 11, 21, 10, 30)


def _pane_showing(qtbot: QtBot, directory: Directory, hours: str | None, *, located: bool = True) -> VendorPane:
    pane = VendorPane()
    qtbot.addWidget(pane)
    pane.now = lambda: SATURDAY_MORNING
    pane.resize(420, 900)
    pane.show()
    result = directory.engine.search("dentist", limit=1)[0]
    with directory.db.read() as session:
        record = get_vendor(session, result.id)
    record = dataclasses.replace(
        record,
        opening_hours=hours,
        lat=52.2 if located else None,
        lon=0.12 if located else None,
    )
    pane.show_result(directory.engine, result)
    pane.show_details(VendorDetails(record, ()))
    return pane


def test_hours_show_the_state_now_and_the_week_with_today_in_bold(qtbot: QtBot, directory: Directory) -> None:
    pane = _pane_showing(qtbot, directory, "Mo-Fr 08:00-18:00; Sa 09:00-12:00")
    text = pane.hours_label.text()
    assert pane.hours_label.isVisible()
    assert "Open now · until 12:00" in text
    saturday = QLocale().dayName(6, QLocale.FormatType.LongFormat)
    sunday = QLocale().dayName(7, QLocale.FormatType.LongFormat)
    assert f"<b>{saturday}</b>" in text and "<b>09:00–12:00</b>" in text
    assert f"<td>{sunday}&nbsp;&nbsp;</td><td>closed</td>" in text
    assert "08:00–18:00" in text


def test_closed_now_says_when_it_opens(qtbot: QtBot, directory: Directory) -> None:
    pane = _pane_showing(qtbot, directory, "Mo-Fr 08:00-18:00")
    monday = QLocale().dayName(1, QLocale.FormatType.LongFormat)
    assert f"Closed · opens {monday} 08:00" in pane.hours_label.text()


def test_unreadable_hours_are_shown_exactly_as_entered(qtbot: QtBot, directory: Directory) -> None:
    pane = _pane_showing(qtbot, directory, "ring the bell twice, mostly mornings")
    text = pane.hours_label.text()
    assert "ring the bell twice, mostly mornings" in text
    assert "could not read it" in text


def test_the_vendor_is_centred_on_the_small_map(qtbot: QtBot, directory: Directory) -> None:
    pane = _pane_showing(qtbot, directory, None)
    assert pane.map_view.isVisible()
    assert not pane.hours_label.isVisible()
    lat, lon = pane.map_view.centre()
    assert abs(lat - 52.2) < 1e-6 and abs(lon - 0.12) < 1e-6
    pin = pane.map_view.pixel_for(52.2, 0.12)
    assert pane.map_view.point_at(pin) is not None


def test_a_vendor_without_a_position_has_no_map(qtbot: QtBot, directory: Directory) -> None:
    pane = _pane_showing(qtbot, directory, None, located=False)
    assert not pane.map_view.isVisible()
