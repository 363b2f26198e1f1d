"""People and trust, as a user: pick a contact, set trust, add per-category trust and contacts, watch ranks move."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from recommender.directory.people import PersonDraft, add_person, find_me, list_people, set_trust, trust_links
from recommender.directory.reviews import ReviewDraft, save_review
from recommender.directory.vendors import VendorDraft, add_vendor
from recommender.engine.recommender import Recommender
from recommender.engine.updates import refreshed
from recommender.storage.changelog import Changes
from recommender.storage.database import Database
from ui.app import Directory
from ui.main_window import MainWindow
from ui.models.people_model import Column, PeopleModel, PersonIdRole, read_contacts
from ui.people_panel import PeoplePanel
from ui.recommenders_view import Column as RecommendersColumn
from ui.recommenders_view import RecommendersView
from ui.tasks import TaskRunner

TODAY = dt.date(2026, 11, 1)


def test_the_model_passes_qt_model_tests(qtmodeltester: ModelTester, directory: Directory) -> None:
    model = PeopleModel()
    qtmodeltester.check(model)
    contacts = read_contacts(directory.db)
    model.set_contacts(contacts)
    model.set_engine(directory.engine)
    qtmodeltester.check(model)
    assert model.rowCount() == len(contacts.people) > 0
    assert model.index(0, 0).data(PersonIdRole) == contacts.people[0].id
    model.set_filter(contacts.people[0].name[:3])
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < len(contacts.people)


@pytest.fixture
def town(me_db: Database) -> dict[str, uuid.UUID]:
    """Me, Anna, Ben and stranger Cara: Ben loves Dr Kim and not Dr Lee, Cara the other way round."""
    with me_db.write() as uow:
        me = find_me(uow.session)
        assert me is not None
        ids = {"me": me.id, **{name: add_person(uow, PersonDraft(name)).id for name in ("Anna", "Ben", "Cara")}}
        ids["Dr Lee"] = add_vendor(uow, VendorDraft("Dr Lee", "pediatrician", "1 Elm St", 52.21, 0.12)).id
        ids["Dr Kim"] = add_vendor(uow, VendorDraft("Dr Kim", "pediatrician", "9 Oak Rd", 52.20, 0.13)).id
        for author, vendor, stars in (("Cara", "Dr Lee", 5), ("Ben", "Dr Lee", 3), ("Ben", "Dr Kim", 5)):
            # Their own reviews (recorded by themselves, as synced from their devices), not hearsay I recorded.
            save_review(
                uow, ReviewDraft(ids[vendor], stars, author_id=ids[author]), recorded_by_id=ids[author], today=TODAY
            )
        save_review(uow, ReviewDraft(ids["Dr Kim"], 2, author_id=ids["Cara"]), today=TODAY)
    return ids


@pytest.fixture
def panel(qtbot: QtBot, me_db: Database, town: dict[str, uuid.UUID], tasks: TaskRunner) -> PeoplePanel:
    shown = PeoplePanel(tasks)
    qtbot.addWidget(shown)
    shown.show()
    shown.set_directory(me_db, Recommender.load(me_db, today=TODAY))
    qtbot.waitUntil(lambda: shown.model.rowCount() == 3)
    return shown


def cell(panel: PeoplePanel, name: str, column: Column) -> str:
    model = panel.model
    row = next(row for row in range(model.rowCount()) if model.index(row, Column.NAME).data() == name)
    return str(model.index(row, column).data())


def set_trust_as_user(qtbot: QtBot, panel: PeoplePanel, person: uuid.UUID, level: float) -> Changes:
    assert panel.select_person(person)
    panel.trust_spin.setValue(level)
    with qtbot.waitSignal(panel.trust_changed) as written:
        qtbot.mouseClick(panel.set_trust_button, Qt.MouseButton.LeftButton)
    changes = written.args[0]
    assert isinstance(changes, Changes)
    return changes


def my_links(db: Database, me: uuid.UUID) -> list[tuple[uuid.UUID, str | None, float]]:
    with db.read() as session:
        return [(link.trustee_id, link.category, link.level) for link in trust_links(session, truster_id=me)]


def test_setting_trust_in_a_contact_stores_it_and_shows_it(
    qtbot: QtBot, panel: PeoplePanel, me_db: Database, town: dict[str, uuid.UUID]
) -> None:
    changes = set_trust_as_user(qtbot, panel, town["Anna"], 0.7)
    assert changes.trust
    assert my_links(me_db, town["me"]) == [(town["Anna"], None, pytest.approx(0.7))]
    qtbot.waitUntil(lambda: cell(panel, "Anna", Column.TRUST) == "trust 0.7")
    assert panel.remove_trust_button.isEnabled()


def test_the_filter_box_narrows_the_contacts(qtbot: QtBot, panel: PeoplePanel) -> None:
    qtbot.keyClicks(panel.filter_edit, "an")
    assert [panel.model.index(row, Column.NAME).data() for row in range(panel.model.rowCount())] == ["Anna"]
    panel.filter_edit.clear()
    assert panel.model.rowCount() == 3


def test_distrust_is_labelled_and_stored(
    qtbot: QtBot, panel: PeoplePanel, me_db: Database, town: dict[str, uuid.UUID]
) -> None:
    assert panel.select_person(town["Cara"])
    panel.trust_spin.setValue(-0.5)
    assert "distrust" in panel.trust_hint.text()
    changes = set_trust_as_user(qtbot, panel, town["Cara"], -0.5)
    assert my_links(me_db, town["me"]) == [(town["Cara"], None, pytest.approx(-0.5))]
    qtbot.waitUntil(lambda: cell(panel, "Cara", Column.TRUST) == "distrust")
    panel.set_engine(refreshed(Recommender.load(me_db, today=TODAY), me_db, changes))
    assert cell(panel, "Cara", Column.CONNECTION) == "distrusted"
    assert panel.connection_label.text() == "You distrust Cara: their reviews are ignored."


def test_trust_on_one_category_is_stored_and_can_be_removed(
    qtbot: QtBot, panel: PeoplePanel, me_db: Database, town: dict[str, uuid.UUID]
) -> None:
    assert panel.select_person(town["Ben"])
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("pediatrician"))
    panel.category_spin.setValue(0.9)
    with qtbot.waitSignal(panel.trust_changed):
        qtbot.mouseClick(panel.set_category_button, Qt.MouseButton.LeftButton)
    assert my_links(me_db, town["me"]) == [(town["Ben"], "pediatrician", pytest.approx(0.9))]
    qtbot.waitUntil(lambda: cell(panel, "Ben", Column.CATEGORIES) == "Pediatrician trust 0.9")
    assert panel.category_list.item(0).text() == "Pediatrician: trust 0.9"
    with qtbot.waitSignal(panel.trust_changed):
        qtbot.mouseClick(panel.remove_category_button, Qt.MouseButton.LeftButton)
    assert my_links(me_db, town["me"]) == []
    qtbot.waitUntil(lambda: panel.category_list.count() == 0)


def test_adding_a_contact_stores_them_and_a_blank_name_saves_nothing(
    qtbot: QtBot, panel: PeoplePanel, me_db: Database
) -> None:
    qtbot.keyClicks(panel.new_name_edit, "Dora")
    qtbot.keyClicks(panel.new_email_edit, "dora@example.org")
    with qtbot.waitSignal(panel.people_changed):
        qtbot.mouseClick(panel.add_contact_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    assert panel.new_name_edit.text() == ""
    with me_db.read() as session:
        assert [(p.display_name, p.email) for p in list_people(session) if p.display_name == "Dora"] == [
            ("Dora", "dora@example.org")
        ]
    qtbot.mouseClick(panel.add_contact_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message_label.text() != "")
    assert "display_name" in panel.message_label.text()
    with me_db.read() as session:
        assert len(list_people(session)) == 5


def test_trusting_a_friend_makes_a_friend_of_a_friends_review_rise(
    qtbot: QtBot, panel: PeoplePanel, me_db: Database, town: dict[str, uuid.UUID]
) -> None:
    engine = Recommender.load(me_db, today=TODAY)
    assert [r.name for r in engine.search("pediatrician")] == ["Dr Lee", "Dr Kim"]
    changes = set_trust_as_user(qtbot, panel, town["Anna"], 0.9)
    with me_db.write() as uow:  # Anna's own link, as her synced data would bring it
        set_trust(uow, town["Anna"], town["Ben"], 1.0)
        changes = changes | uow.changes
    engine = refreshed(engine, me_db, changes)
    panel.set_engine(engine)
    assert [r.name for r in engine.search("pediatrician")] == ["Dr Kim", "Dr Lee"]
    assert panel.select_person(town["Ben"])
    assert panel.connection_label.text() == "you → Anna → Ben · weight 0.63"
    assert cell(panel, "Ben", Column.CONNECTION) == "2 steps · weight 0.63"
    assert cell(panel, "Ben", Column.REVIEWS) == "2"


def test_the_recommenders_model_passes_qt_model_tests(qtmodeltester: ModelTester, directory: Directory) -> None:
    view = RecommendersView()
    qtmodeltester.check(view.model)
    view.set_engine(directory.engine)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() > 0
    assert view.model.index(0, RecommendersColumn.PATH).data().startswith("you → ")


def test_the_recommenders_view_shows_whom_i_rely_on_through_whom(
    qtbot: QtBot, me_db: Database, town: dict[str, uuid.UUID]
) -> None:
    view = RecommendersView()
    qtbot.addWidget(view)
    view.show()
    view.set_engine(Recommender.load(me_db, today=TODAY))
    assert view.model.rowCount() == 0
    assert view.empty_label.isVisible()
    with me_db.write() as uow:
        set_trust(uow, town["me"], town["Anna"], 0.9)
        set_trust(uow, town["Anna"], town["Ben"], 1.0)
        changes = uow.changes
    view.set_engine(refreshed(Recommender.load(me_db, today=TODAY), me_db, changes))
    assert not view.empty_label.isVisible()
    shown = [[view.model.index(0, column).data() for column in RecommendersColumn]]
    assert shown == [["Ben", "0.63", "2", "you → Anna → Ben"]]
    with qtbot.waitSignal(view.person_activated) as activated:
        view.table.activated.emit(view.model.index(0, 0))
    assert activated.args == [town["Ben"]]


def test_contacts_are_read_when_the_people_tab_is_opened_not_while_searching(qtbot: QtBot, window: MainWindow) -> None:
    # A city's contacts take seconds to read: a hidden panel waits, so the first search is not slowed by it.
    panel = window.people_panel
    assert window.tabs.currentWidget() is window.results_view
    qtbot.wait(200)
    assert panel.model.rowCount() == 0
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 100, timeout=10_000)
