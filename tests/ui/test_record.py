"""Recording as a user would: add and edit vendors, write reviews, delete and undo, and see the ranking follow."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from recommender.directory.errors import NotFoundError
from recommender.directory.people import find_me, list_people
from recommender.directory.reviews import get_review, reviews_for_vendor
from recommender.directory.vendors import count_vendors, get_vendor, list_vendors
from recommender.engine.recommender import Recommender
from recommender.engine.updates import refreshed
from recommender.storage.changelog import Changes
from ui.app import Directory
from ui.review_dialog import ReviewDialog
from ui.tasks import TaskRunner
from ui.undo import UndoableDeletes
from ui.vendor_dialog import VendorDialog

NEW_NAME = "Sunny Teeth Clinic"


def click_ok(qtbot: QtBot, dialog: VendorDialog | ReviewDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(dialog: QDialog, qtbot: QtBot) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def ids(engine: Recommender, query: str) -> list[uuid.UUID]:
    return [result.id for result in engine.search(query, limit=50)]


def test_a_vendor_without_a_known_category_is_refused_then_saved_once_fixed(
    qtbot: QtBot, tasks: TaskRunner, writable: Directory
) -> None:
    db = writable.db
    with db.read() as session:
        before = count_vendors(session)
    dialog = VendorDialog(tasks, db)
    shown(dialog, qtbot)
    category_error = dialog.errors.error_label("category")
    saved: list[Changes] = []
    dialog.vendor_saved.connect(saved.append)

    qtbot.keyClicks(dialog.name_edit, NEW_NAME)
    with qtbot.waitSignal(dialog.save_failed, timeout=5000):
        click_ok(qtbot, dialog)
    assert dialog.isVisible() and category_error.isVisible()
    assert category_error.text() == "This is required."
    assert dialog.focusWidget() in (dialog.category_box, dialog.category_box.lineEdit())

    qtbot.keyClicks(dialog.category_box.lineEdit(), "astrologer")
    with qtbot.waitSignal(dialog.save_failed, timeout=5000):
        click_ok(qtbot, dialog)
    assert dialog.isVisible() and category_error.isVisible()
    assert category_error.text().startswith("“astrologer” is not a known category.")
    with db.read() as session:
        assert count_vendors(session) == before
    assert not saved

    dialog.category_box.lineEdit().clear()
    qtbot.keyClicks(dialog.category_box.lineEdit(), "Zahnarzt")
    qtbot.keyClicks(dialog.phone_edit, "+43 1 234 5678")
    with qtbot.waitSignal(dialog.vendor_saved, timeout=5000) as signal:
        click_ok(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    with db.read() as session:
        added = [vendor for vendor in list_vendors(session) if vendor.name == NEW_NAME]
        assert count_vendors(session) == before + 1
    assert len(added) == 1 and added[0].category == "dentist" and added[0].phone == "+43 1 234 5678"
    assert signal.args[0].vendors == {added[0].id}

    engine = refreshed(writable.engine, db, signal.args[0])
    assert added[0].id in ids(engine, "dentist")


def test_a_misspelt_category_gets_a_suggestion(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> None:
    dialog = VendorDialog(tasks, writable.db)
    shown(dialog, qtbot)
    qtbot.keyClicks(dialog.name_edit, "Drip Stop")
    qtbot.keyClicks(dialog.category_box.lineEdit(), "plumbr")
    with qtbot.waitSignal(dialog.save_failed, timeout=5000):
        click_ok(qtbot, dialog)
    assert dialog.errors.error_label("category").text() == "“plumbr” is not a known category. Did you mean Plumber?"


def test_a_bad_email_is_shown_beside_its_field_and_nothing_changes(
    qtbot: QtBot, tasks: TaskRunner, writable: Directory
) -> None:
    db = writable.db
    with db.read() as session:
        vendor = list_vendors(session, category="dentist")[0]
    dialog = VendorDialog(tasks, db, vendor)
    shown(dialog, qtbot)
    assert dialog.name_edit.text() == vendor.name and dialog.category_box.currentText() == "Dentist"
    dialog.email_edit.clear()
    qtbot.keyClicks(dialog.email_edit, "reception at example")
    with qtbot.waitSignal(dialog.save_failed, timeout=5000):
        click_ok(qtbot, dialog)
    error = dialog.errors.error_label("email")
    assert error.isVisible() and error.text() == "This is not a valid email address."
    assert dialog.focusWidget() is dialog.email_edit and dialog.isVisible()
    with db.read() as session:
        assert get_vendor(session, vendor.id) == vendor

    dialog.email_edit.clear()
    qtbot.keyClicks(dialog.email_edit, "reception@example.org")
    with qtbot.waitSignal(dialog.vendor_saved, timeout=5000):
        click_ok(qtbot, dialog)
    assert not error.isVisible() and not dialog.isVisible()
    with db.read() as session:
        stored = get_vendor(session, vendor.id)
    # Only the email changed; where the vendor came from is kept although the form does not show it.
    assert stored == dataclasses.replace(vendor, email="reception@example.org")


def test_my_poor_review_drops_the_vendor_in_the_ranking(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> None:
    db, engine = writable.db, writable.engine
    before = ids(engine, "dentist")
    # The runner-up has a single review, so my verdict weighs heavily against it.
    target = before[1]
    dialog = ReviewDialog(tasks, db, target, "the second dentist")
    shown(dialog, qtbot)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)

    # No rating chosen: refused beside the rating, nothing stored.
    qtbot.keyClicks(dialog.text_edit, "Rushed, and the bill was twice the quote.")
    with qtbot.waitSignal(dialog.save_failed, timeout=5000):
        click_ok(qtbot, dialog)
    assert dialog.errors.error_label("rating").text() == "This is required." and dialog.isVisible()
    assert dialog.focusWidget() is dialog.rating_box

    # Keyboard only: Down moves from "Choose a rating" to one star.
    qtbot.keyClick(dialog.rating_box, Qt.Key.Key_Down)
    assert dialog.rating_box.currentText().startswith("★☆☆☆☆")
    qtbot.keyClicks(dialog.tags_edit, "Pricey, rushed")
    with qtbot.waitSignal(dialog.review_saved, timeout=5000) as signal:
        click_ok(qtbot, dialog)
    assert not dialog.isVisible()

    with db.read() as session:
        me = find_me(session)
        reviews = reviews_for_vendor(session, target)
    assert me is not None
    mine = [review for review in reviews if review.author_id == me.id]
    assert len(mine) == 1 and mine[0].rating == 1 and mine[0].tags == ("pricey", "rushed")
    assert mine[0].recorded_by_id == me.id and mine[0].reviewed_on == dt.date.today()
    assert signal.args[0].reviews == {mine[0].id}

    after = ids(refreshed(engine, db, signal.args[0]), "dentist")
    assert after.index(target) > before.index(target) + 2


def test_what_a_contact_told_me_is_recorded_as_theirs(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> None:
    db = writable.db
    with db.read() as session:
        vendor = list_vendors(session, category="plumber")[0]
        anna = next(person for person in list_people(session) if not person.is_me)
        me = find_me(session)
    assert me is not None
    dialog = ReviewDialog(tasks, db, vendor.id, vendor.name)
    shown(dialog, qtbot)
    with qtbot.waitSignal(dialog.contacts_loaded, timeout=5000):
        pass
    dialog.author_box.setCurrentIndex(dialog.author_box.findText(f"{anna.display_name} told me"))
    dialog.rating_box.setCurrentIndex(dialog.rating_box.findData(2))
    qtbot.keyClicks(dialog.visited_edit, "2999-01-01")
    with qtbot.waitSignal(dialog.save_failed, timeout=5000):
        click_ok(qtbot, dialog)
    assert dialog.errors.error_label("visited_on").text() == "Cannot be in the future." and dialog.isVisible()

    dialog.visited_edit.clear()
    qtbot.keyClicks(dialog.visited_edit, "2024-05-17")
    with qtbot.waitSignal(dialog.review_saved, timeout=5000) as signal:
        click_ok(qtbot, dialog)
    (review_id,) = signal.args[0].reviews
    with db.read() as session:
        review = get_review(session, review_id)
    assert (review.author_id, review.recorded_by_id, review.rating) == (anna.id, me.id, 2)
    assert review.visited_on == dt.date(2024, 5, 17) and review.told_by_someone_else


def test_delete_a_vendor_then_undo_brings_all_of_it_back(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> None:
    db, engine = writable.db, writable.engine
    deletes = UndoableDeletes(tasks, db)
    assert not deletes.can_undo and not deletes.undo_action.isEnabled()
    assert deletes.undo_action.shortcut().toString() == "Ctrl+Z"
    top = ids(engine, "dentist")[0]
    with db.read() as session:
        vendor = get_vendor(session, top)
        reviews = reviews_for_vendor(session, top)

    with qtbot.waitSignal(deletes.changed, timeout=5000) as deleted:
        deletes.delete_vendor(top)
    engine = refreshed(engine, db, deleted.args[0])
    assert top not in ids(engine, "dentist")
    with db.read() as session, pytest.raises(NotFoundError):
        get_vendor(session, top)
    assert deletes.can_undo and deletes.undo_action.isEnabled()
    assert deletes.undo_action.text() == "&Undo delete vendor"

    with qtbot.waitSignal(deletes.changed, timeout=5000) as restored:
        deletes.undo_action.trigger()
    engine = refreshed(engine, db, restored.args[0])
    assert ids(engine, "dentist")[0] == top
    with db.read() as session:
        assert get_vendor(session, top) == vendor
        assert reviews_for_vendor(session, top) == reviews
    assert not deletes.can_undo and not deletes.undo_action.isEnabled()


def test_delete_a_review_then_undo(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> None:
    db = writable.db
    with db.read() as session:
        vendor = list_vendors(session, category="dentist")[0]
        review = reviews_for_vendor(session, vendor.id)[0]
    deletes = UndoableDeletes(tasks)
    deletes.set_database(db)
    with qtbot.waitSignal(deletes.changed, timeout=5000) as deleted:
        deletes.delete_review(review.id)
    assert deleted.args[0].reviews == {review.id}
    with db.read() as session:
        assert review not in reviews_for_vendor(session, vendor.id)
    assert deletes.undo_action.text() == "&Undo delete review"
    with qtbot.waitSignal(deletes.changed, timeout=5000):
        deletes.undo()
    with db.read() as session:
        assert get_review(session, review.id) == review


def test_deleting_what_is_not_there_says_so(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> None:
    deletes = UndoableDeletes(tasks, writable.db)
    with qtbot.waitSignal(deletes.failed, timeout=5000) as failed:
        deletes.delete_vendor(uuid.uuid4())
    assert failed.args[0] == "This vendor is no longer in the directory."
    assert not deletes.can_undo


def test_every_field_has_an_accessible_name(qtbot: QtBot, tasks: TaskRunner, writable: Directory) -> None:
    dialog = VendorDialog(tasks, writable.db)
    shown(dialog, qtbot)
    assert dialog.category_box.accessibleName() == "Category"
    titles = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    assert "&Category" in titles and "Service &radius (km)" in titles
