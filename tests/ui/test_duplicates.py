"""Vendor ▸ Find duplicates as a user drives it: the pair listed with reasons, merged, every review kept."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recommender.directory.errors import NotFoundError
from recommender.directory.people import PersonDraft, add_person
from recommender.directory.reviews import ReviewDraft, reviews_for_vendor, save_review
from recommender.directory.vendors import VendorDraft, add_vendor, get_vendor
from recommender.engine.updates import refreshed
from ui.directory_actions import DirectoryActions
from ui.duplicates_dialog import DuplicatesDialog, DuplicatesModel
from ui.main_window import MainWindow


def _listed_twice(window: MainWindow) -> tuple[uuid.UUID, uuid.UUID]:
    """A real demo vendor and a copy typed again with a typo and a few metres off, reviewed by a newcomer."""
    db, engine = window.db, window.engine
    assert db is not None and engine is not None
    original_id = engine.search("dentist", limit=1)[0].id
    with db.write() as uow:
        original = get_vendor(uow.session, original_id)
        assert original.lat is not None and original.lon is not None
        copy = add_vendor(
            uow,
            dataclasses.replace(
                VendorDraft.of(original),
                name=original.name.replace("a", "e", 1) if "a" in original.name else original.name + "s",
                lat=original.lat + 0.00005,
                lon=original.lon,
                notes="typed again by a neighbour",
            ),
        )
        newcomer = add_person(uow, PersonDraft("Nadia Newcomer")).id
        save_review(uow, ReviewDraft(copy.id, 5, text="Lovely", author_id=newcomer))
        changes = uow.changes
    window.set_engine(refreshed(engine, db, changes))
    return original_id, copy.id


def _searched(qtbot: QtBot, actions: DirectoryActions) -> DuplicatesDialog:
    """Vendor ▸ Find duplicates, once its search has filled the list."""
    dialog = actions.find_duplicates()
    assert isinstance(dialog, DuplicatesDialog)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.searched, timeout=20_000):
        pass
    return dialog


def _row_of(model: DuplicatesModel, a: uuid.UUID, b: uuid.UUID) -> int:
    for row in range(model.rowCount()):
        pair = model.candidate(row)
        if {pair.survivor_id, pair.duplicate_id} == {a, b}:
            return row
    raise AssertionError("the pair is not listed")


def test_a_vendor_listed_twice_is_found_and_merged_keeping_every_review(
    qtbot: QtBot, qtmodeltester: object, app: tuple[MainWindow, DirectoryActions]
) -> None:
    window, actions = app
    original_id, copy_id = _listed_twice(window)
    assert window.db is not None
    with window.db.read() as session:
        reviews_before = len(reviews_for_vendor(session, original_id)) + len(reviews_for_vendor(session, copy_id))

    dialog = actions.find_duplicates()
    assert isinstance(dialog, DuplicatesDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "pairs may be the same vendor" in dialog.status_label.text(), timeout=20_000)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    row = _row_of(dialog.model, original_id, copy_id)
    pair = dialog.model.candidate(row)
    # The demo vendor has the reviews: it is the one kept. The reasons are spelled out.
    assert pair.survivor_id == original_id
    why = dialog.model.index(row, DuplicatesModel.WHY).data()
    assert "alike" in why and "m apart" in why

    dialog.table.selectRow(row)
    with qtbot.waitSignal(actions.refreshed, timeout=20_000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert "Merged" in dialog.status_label.text()
    with window.db.read() as session:
        with pytest.raises(NotFoundError):
            get_vendor(session, copy_id)
        kept = get_vendor(session, original_id)
        assert len(reviews_for_vendor(session, original_id)) == reviews_before
    # The survivor's empty fields are filled from the copy (the demo vendor had no notes).
    assert kept.notes == "typed again by a neighbour"
    assert window.engine is not None
    found = [r.id for r in window.engine.search("dentist", limit=200)]
    assert original_id in found and copy_id not in found
    # The merged pair is gone from the list.
    assert all(copy_id not in (p.survivor_id, p.duplicate_id) for p in dialog.model._rows)


def test_keep_the_other_swaps_which_vendor_survives(qtbot: QtBot, app: tuple[MainWindow, DirectoryActions]) -> None:
    window, actions = app
    original_id, copy_id = _listed_twice(window)
    dialog = _searched(qtbot, actions)
    row = _row_of(dialog.model, original_id, copy_id)
    dialog.table.selectRow(row)
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert dialog.model.candidate(row).survivor_id == copy_id
    with qtbot.waitSignal(actions.refreshed, timeout=20_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert window.db is not None
    with window.db.read() as session:
        with pytest.raises(NotFoundError):
            get_vendor(session, original_id)
        assert get_vendor(session, copy_id).id == copy_id


def test_not_the_same_hides_the_pair_and_changes_nothing(
    qtbot: QtBot, app: tuple[MainWindow, DirectoryActions]
) -> None:
    window, actions = app
    original_id, copy_id = _listed_twice(window)
    dialog = _searched(qtbot, actions)
    before = dialog.model.rowCount()
    dialog.table.selectRow(_row_of(dialog.model, original_id, copy_id))
    with qtbot.assertNotEmitted(dialog.merged, wait=200):
        qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == before - 1
    assert window.db is not None
    with window.db.read() as session:
        assert get_vendor(session, copy_id).id == copy_id
    # The next search does not offer the pair again.
    qtbot.waitUntil(lambda: not actions.tasks.busy, timeout=20_000)
    again = _searched(qtbot, actions)
    with pytest.raises(AssertionError, match="not listed"):
        _row_of(again.model, original_id, copy_id)


def test_undo_merge_brings_the_vendor_and_its_review_back(
    qtbot: QtBot, app: tuple[MainWindow, DirectoryActions]
) -> None:
    window, actions = app
    original_id, copy_id = _listed_twice(window)
    dialog = _searched(qtbot, actions)
    assert not dialog.undo_button.isEnabled()
    dialog.table.selectRow(_row_of(dialog.model, original_id, copy_id))
    with qtbot.waitSignal(actions.refreshed, timeout=20_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.undo_button.isEnabled()
    with qtbot.waitSignal(actions.refreshed, timeout=20_000):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert "is back" in dialog.status_label.text()
    assert window.db is not None
    with window.db.read() as session:
        assert get_vendor(session, copy_id).notes == "typed again by a neighbour"
        assert [review.text for review in reviews_for_vendor(session, copy_id)] == ["Lovely"]
        assert get_vendor(session, original_id).notes is None
    assert window.engine is not None
    assert copy_id in [r.id for r in window.engine.search("dentist", limit=500)]
