"""Search filters as a user sets them: fewer, better, nearer results, from my network only, near elsewhere."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from recommender.geo.geocoder import Geocoder
from recommender.hours import read_hours
from recommender.trust.graph import Relation
from ui.main_window import MainWindow
from ui.models.results_model import Column


def shown(window: MainWindow) -> list:
    return [window.results_model.result(row) for row in range(window.results_model.rowCount())]


def test_filters_narrow_the_results_as_they_change(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.filters_bar
    # Ratings are my network's verdicts, so they spread less than a crowd's: the test takes the first search and
    # minimum (strictest first) that leaves some results but not all, and checks the list narrows to those.
    narrowed = None
    for query in ("", "dentist", "hairdresser"):
        window.search_bar.set_query(query)
        bar.rating_box.setCurrentIndex(0)
        everything = shown(window)
        for minimum in (4.5, 4.0, 3.0):
            bar.rating_box.setCurrentIndex(bar.rating_box.findData(minimum))
            better = shown(window)
            if 0 < len(better) < len(everything):
                narrowed = (query, minimum, everything, better)
                break
        if narrowed:
            break
    assert narrowed is not None
    _, minimum, everything, better = narrowed
    assert all(r.rating >= minimum for r in better)
    # Every result the minimum lets through that was already listed stays listed.
    assert {r.id for r in everything if r.rating >= minimum} <= {r.id for r in better}
    bar.rating_box.setCurrentIndex(0)
    window.search_bar.set_query("hairdresser")
    bar.distance_box.setCurrentIndex(bar.distance_box.findData(1.0))
    nearer = shown(window)
    assert nearer and all(r.distance_km is not None and r.distance_km <= 1.0 + 0.01 for r in nearer)
    bar.distance_box.setCurrentIndex(0)
    bar.network_box.click()
    mine = shown(window)
    assert mine and all(
        any(t.relation in {Relation.ME, Relation.NETWORK} for t in r.explanation.reviewers) for r in mine
    )


def test_searching_near_typed_coordinates_measures_from_there(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_bar.search_box, "dentist")
    at_home = {r.name: r.distance_km for r in shown(window)}
    qtbot.keyClicks(window.filters_bar.near_edit, "51.5074, -0.1278")
    qtbot.keyClick(window.filters_bar.near_edit, "\r")
    in_london = shown(window)
    assert all(r.distance_km is not None and r.distance_km > 50 for r in in_london)
    assert any(at_home[r.name] is not None and at_home[r.name] < 10 for r in in_london if r.name in at_home)
    window.filters_bar.near_edit.clear()
    qtbot.keyClicks(window.filters_bar.near_edit, "somewhere nice")
    qtbot.keyClick(window.filters_bar.near_edit, "\r")
    assert "coordinates" in window.filters_bar.near_problem.text()


def test_open_now_shows_only_vendors_open_at_that_moment(qtbot: QtBot, window: MainWindow) -> None:
    sunday_night = dt.datetime(2026, 11, 22, 23, 30)
    tuesday_morning = dt.datetime(2026, 11, 24, 10, 0)
    bar = window.filters_bar
    bar.now = lambda: tuesday_morning
    qtbot.keyClicks(window.search_bar.search_box, "dentist")
    everything = shown(window)
    bar.open_box.click()
    open_tuesday = shown(window)
    assert open_tuesday and len(open_tuesday) <= len(everything)
    assert all(r.opening_hours and read_hours(r.opening_hours).is_open(tuesday_morning) for r in open_tuesday)
    reasons = [window.results_model.index(row, Column.REASON).data() for row in range(len(open_tuesday))]
    assert all(reason.endswith("open now") for reason in reasons)
    # Late on a Sunday far fewer dentists are open; the filter follows the clock it is given.
    bar.now = lambda: sunday_night
    bar.open_box.click()
    bar.open_box.click()
    assert len(shown(window)) < len(open_tuesday)


def test_a_typed_place_is_looked_up_and_searched_near(qtbot: QtBot, window: MainWindow, nominatim_url: str) -> None:
    assert window.db is not None
    bar = window.filters_bar
    with Geocoder(window.db, endpoint=nominatim_url, user_agent="Grapevine-tests/1", min_interval_s=0.0) as geocoder:
        bar.geocoder = geocoder
        qtbot.keyClicks(window.search_bar.search_box, "dentist")
        qtbot.keyClicks(bar.near_edit, "Mill Road, Cambridge")
        with qtbot.waitSignal(window.results_shown, timeout=5000):
            qtbot.keyClick(bar.near_edit, "\r")
        qtbot.waitUntil(lambda: bar.near_problem.text() == "Mill Road, Cambridge, UK", timeout=5000)
        assert bar.near() == (52.1984, 0.1398)
        near_mill_road = shown(window)
        # The distances shown are now from Mill Road, not from home.
        assert window.engine is not None and window.engine.home != (52.1984, 0.1398)
        expected = window.engine.search("dentist", near=(52.1984, 0.1398), limit=len(near_mill_road))
        assert [r.id for r in near_mill_road] == [r.id for r in expected]

        bar.near_edit.clear()
        qtbot.keyClicks(bar.near_edit, "Atlantis")
        qtbot.keyClick(bar.near_edit, "\r")
        qtbot.waitUntil(lambda: "No place found for Atlantis" in bar.near_problem.text(), timeout=5000)
