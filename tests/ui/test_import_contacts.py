"""Contacts through File ▸ Import: new people land with the trust level the user picked; a vendor saved as a
vCard from its page reads back through the same contacts importer."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from recommender.directory.people import find_me, list_people
from recommender.directory.vendors import get_vendor
from recommender.importers.registry import ImportOptions
from recommender.importers.vcard_import import import_vcard
from recommender.storage.database import Database
from tests.ui.import_support import build_import_app
from ui.app import open_directory
from ui.directory_actions import DirectoryActions
from ui.import_export import ImportExport
from ui.import_options_dialog import ImportOptionsDialog, trust_words
from ui.import_summary_dialog import ImportSummaryDialog
from ui.main_window import MainWindow
from ui.models.people_model import read_contacts
from ui.tasks import TaskRunner

VCARDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "vcard"
# Three people, each with a name and an email, none of them in the demo neighbourhood.
GMAIL_LIST = VCARDS / "ezvcard_gmail-list.vcf"
TIMEOUT_MS = 60_000

Dialog = TypeVar("Dialog", bound=QObject)
App = tuple[MainWindow, DirectoryActions, ImportExport, list[QObject]]


@pytest.fixture
def app(import_app: App) -> App:
    """The window on a private copy of the demo neighbourhood, whose owner ("me") is set up."""
    return import_app


def wait_for(qtbot: QtBot, opened: list[QObject], kind: type[Dialog]) -> Dialog:
    qtbot.waitUntil(lambda: any(isinstance(dialog, kind) for dialog in opened), timeout=TIMEOUT_MS)
    return next(dialog for dialog in opened if isinstance(dialog, kind))


def choose_contacts_file(qtbot: QtBot, transfer: ImportExport, opened: list[QObject], path: Path) -> None:
    transfer.import_actions["vcard"].trigger()
    chooser = wait_for(qtbot, opened, QFileDialog)
    chooser.selectFile(str(path))
    chooser.accept()


def trust_by_name(db: Database) -> dict[str, float | None]:
    contacts = read_contacts(db)
    return {contact.name: contact.trust for contact in contacts.people}


def test_contacts_land_with_the_trust_level_the_user_picked(qtbot: QtBot, app: App, shared_data: Path) -> None:
    window, actions, transfer, opened = app
    assert window.db is not None
    choose_contacts_file(qtbot, transfer, opened, GMAIL_LIST)
    options = wait_for(qtbot, opened, ImportOptionsDialog)
    # The owner is known, so the trust level is offered, on by default.
    assert options.trust_box.isEnabled() and options.trust_box.isChecked()
    options.trust_slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(options.trust_slider, Qt.Key.Key_Right)
    assert options.trust_slider.value() == 8
    assert options.trust_words.text() == f"{trust_words(0.8)} (+0.8)" and "Trust a lot" in options.trust_words.text()
    with (
        qtbot.waitSignal(actions.refreshed, timeout=TIMEOUT_MS),
        qtbot.waitSignal(transfer.imported, timeout=TIMEOUT_MS),
    ):
        qtbot.keyClick(options, Qt.Key.Key_Return)
    trust = trust_by_name(window.db)
    assert {name: trust[name] for name in ("Arnold Smith", "Chris Beatle", "Doug White")} == {
        "Arnold Smith": pytest.approx(0.8),
        "Chris Beatle": pytest.approx(0.8),
        "Doug White": pytest.approx(0.8),
    }
    summary = wait_for(qtbot, opened, ImportSummaryDialog)
    assert "People: 3 added" in summary.counts_label.text()
    assert "Trust links: 3 added" in summary.counts_label.text()
    # The People tab lists them as soon as it is opened, with that trust.
    panel = window.people_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.row_of(_person_id(window.db, "Doug White")) is not None, timeout=TIMEOUT_MS)
    row = panel.model.row_of(_person_id(window.db, "Doug White"))
    assert row is not None and panel.model.contact(row).trust == pytest.approx(0.8)


def _person_id(db: Database, name: str) -> uuid.UUID:
    with db.read() as session:
        return next(person.id for person in list_people(session) if person.display_name == name)


def test_contacts_without_a_trust_level_land_untrusted(qtbot: QtBot, app: App, shared_data: Path) -> None:
    window, actions, transfer, opened = app
    assert window.db is not None
    choose_contacts_file(qtbot, transfer, opened, GMAIL_LIST)
    options = wait_for(qtbot, opened, ImportOptionsDialog)
    options.trust_box.click()
    assert not options.trust_slider.isEnabled()
    with (
        qtbot.waitSignal(actions.refreshed, timeout=TIMEOUT_MS),
        qtbot.waitSignal(transfer.imported, timeout=TIMEOUT_MS) as imported,
    ):
        options.import_button.click()
    assert imported.args[0].added == {"people": 3}
    assert trust_by_name(window.db)["Chris Beatle"] is None


def test_before_the_owner_is_known_no_trust_level_is_offered(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path, shared_data: Path
) -> None:
    empty = open_directory(tmp_path / "new.sqlite")
    try:
        _window, actions, transfer, opened = build_import_app(qtbot, tasks, empty)
        choose_contacts_file(qtbot, transfer, opened, GMAIL_LIST)
        options = wait_for(qtbot, opened, ImportOptionsDialog)
        assert not options.trust_box.isEnabled() and not options.trust_box.isChecked()
        with (
            qtbot.waitSignal(actions.refreshed, timeout=TIMEOUT_MS),
            qtbot.waitSignal(transfer.imported, timeout=TIMEOUT_MS) as imported,
        ):
            options.import_button.click()
        assert imported.args[0].added == {"people": 3}
        with empty.db.read() as session:
            assert find_me(session) is None
    finally:
        assert tasks.wait(5000)
        qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
        empty.db.close()


def test_a_vendor_saved_as_vcard_from_its_page_reads_back_through_the_contacts_importer(
    qtbot: QtBot, app: App, tmp_path: Path
) -> None:
    window, _, transfer, opened = app
    assert window.db is not None
    qtbot.keyClicks(window.search_bar.search_box, "dentist")
    with qtbot.waitSignal(window.vendor_loaded, timeout=TIMEOUT_MS) as loaded:
        window.select_row(0)
    shown = loaded.args[0].vendor
    assert transfer.vcards.save_action.isEnabled()
    button = window.vendor_pane.save_vcard_button
    assert button.isVisible()
    button.click()
    chooser = wait_for(qtbot, opened, QFileDialog)
    assert chooser.selectedFiles()[0].endswith(".vcf")
    target = tmp_path / "shared" / "dentist.vcf"
    target.parent.mkdir()
    chooser.selectFile(str(target))
    with qtbot.waitSignal(transfer.vcards.saved, timeout=TIMEOUT_MS):
        chooser.accept()
    assert target.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert str(target) in window.statusBar().currentMessage()

    neighbour = Database.open(tmp_path / "neighbour.sqlite")
    try:
        report = import_vcard(neighbour, target, ImportOptions())
        assert report.added == {"vendors": 1}
        with neighbour.read() as session:
            copy = get_vendor(session, shown.id)
    finally:
        neighbour.close()
    assert (copy.name, copy.category, copy.phone, copy.address) == (
        shown.name,
        shown.category,
        shown.phone,
        shown.address,
    )


def test_a_vcard_that_cannot_be_written_says_why_and_writes_nothing(qtbot: QtBot, app: App, tmp_path: Path) -> None:
    window, _, transfer, _ = app
    qtbot.keyClicks(window.search_bar.search_box, "dentist")
    vendor_id = window.results_model.result(0).id
    folder = tmp_path / "out"
    folder.mkdir()
    blocker = folder / "not a folder"
    blocker.write_text("a file where a folder should be")
    with qtbot.waitSignal(transfer.vcards.failed, timeout=TIMEOUT_MS) as failed:
        transfer.vcards.save(vendor_id, blocker / "dentist.vcf")
    assert failed.args[0].startswith(f"Cannot write {blocker / 'dentist.vcf'}: ")
    assert failed.args[0] in window.statusBar().currentMessage()
    assert list(folder.iterdir()) == [blocker]
