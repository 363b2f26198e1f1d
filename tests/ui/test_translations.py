"""Translations: every UI string has a German (and French) translation, the shipped .qm files match their .ts
sources, and with the German translator installed the window speaks German and its quick picks still find."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from recommender.cli import main as cli_main
from recommender.taxonomy import load_taxonomy
from ui import app as app_module
from ui.app import Directory, build_parser
from ui.category_names import category_label
from ui.directory_actions import DirectoryActions
from ui.import_export import ImportExport
from ui.main_window import MainWindow
from ui.models.results_model import Column
from ui.search_bar import QUICK_PICKS
from ui.tasks import TaskRunner
from ui.translations import (
    Language,
    available_languages,
    choose_language,
    install_translations,
    remove_translations,
    translations_dir,
)

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("de", "fr")
# "{km:.1f}", "{file}", "%1", "%n", "%s": what the code fills in must survive translation unchanged.
PLACEHOLDER = re.compile(r"\{[^}]*\}|%\d|%n|%s")


def load_update_script() -> ModuleType:
    """packaging/ is not a package (and "packaging" is a PyPI name), so the script is loaded from its path."""
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def untranslated(ts: Path) -> list[str]:
    """Messages with no finished, non-empty translation, as "Context: source"."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in {"obsolete", "vanished"}:
                continue
            forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
            if kind == "unfinished" or not all(form and form.strip() for form in forms):
                missing.append(f"{name}: {message.findtext('source')!r}")
    return missing


@pytest.fixture(scope="module")
def update_script() -> ModuleType:
    return load_update_script()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ui_string_has_a_translation(update_script: ModuleType, language: str, tmp_path: Path) -> None:
    # Extract from today's sources into a copy: a tr() string added without translating it shows up here.
    ts = tmp_path / f"grapevine_{language}.ts"
    shutil.copyfile(update_script.ts_path(language), ts)
    update_script.lupdate([ts], keep_obsolete=True, labels_source=tmp_path / "taxonomy_labels.py")
    missing = untranslated(ts)
    assert not missing, (
        f"{len(missing)} UI strings have no {language} translation; run packaging/update_translations.py, "
        f"translate them in resources/translations/grapevine_{language}.ts, then run it again: {missing[:10]}"
    )
    sources = {message.findtext("source") for message in messages(ts)}
    # The category labels come from the taxonomy, not from tr(): they must be extracted too.
    assert {category.label for category in load_taxonomy()} <= sources
    assert "What are you looking for? A dentist, a plumber, a name…" in sources


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_translations_match_their_sources(update_script: ModuleType, language: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"grapevine_{language}.qm"
    update_script.lrelease(update_script.ts_path(language), compiled)
    shipped = update_script.qm_path(language)
    assert shipped.exists(), f"{shipped.name} is missing: run packaging/update_translations.py --release"
    assert shipped.read_bytes() == compiled.read_bytes(), (
        f"{shipped.name} is out of date with {update_script.ts_path(language).name}: "
        "run packaging/update_translations.py --release"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_accelerators(update_script: ModuleType, language: str) -> None:
    broken = []
    for context in ET.parse(update_script.ts_path(language)).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            for form in forms:
                if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                    broken.append(f"{name}: {source!r} → {form!r} (placeholders)")
                # Category labels are plain text ("Painter & decorator"), never a widget's mnemonic.
                if name != "Category" and ("&" in source.replace("&&", "")) != ("&" in form.replace("&&", "")):
                    broken.append(f"{name}: {source!r} → {form!r} (keyboard accelerator)")
                # French spaces : ; ? ! with a no-break space, so the mark never wraps onto a line of its own.
                if language == "fr" and re.search(r" [:;?!]", form):
                    broken.append(f"{name}: {source!r} → {form!r} (breakable space before punctuation)")
    assert not broken, broken


def test_languages_follow_the_users_order_and_stop_at_english() -> None:
    available = ["de", "fr"]
    assert choose_language(["de-Latn-AT", "de-AT", "de"], available) == "de"
    assert choose_language(["fr_FR"], available) == "fr"
    # Someone who prefers English and also reads German gets the UI as written.
    assert choose_language(["en-GB", "de"], available) == "en"
    # A language Grapevine lacks is skipped for the next one the user reads.
    assert choose_language(["es-ES", "es", "fr-FR", "fr"], available) == "fr"
    assert choose_language(["C"], available) == "en"
    assert choose_language(["ja"], available) == "en"
    assert set(LANGUAGES) <= set(available_languages())
    assert (translations_dir() / "grapevine_de.qm").is_file()


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Language]:
    """The German translators installed as the app does at startup, removed again afterwards."""
    language = install_translations(qapp, "de")
    yield language
    remove_translations(qapp, language)


@pytest.fixture
def german_window(
    german: Language, qtbot: QtBot, directory: Directory, tasks: TaskRunner
) -> tuple[MainWindow, DirectoryActions]:
    """The window with its menus, built (as in ui.app.main) after the translators are installed."""
    window = MainWindow(tasks)
    actions = DirectoryActions(window, tasks)
    ImportExport(window, tasks, actions, actions.file_menu)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_directory(directory.db, directory.engine)
    return window, actions


def test_with_the_german_translator_the_window_speaks_german(
    german_window: tuple[MainWindow, DirectoryActions],
) -> None:
    window, actions = german_window
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Anbieter"]
    file_items = [action.text() for action in actions.file_menu.actions() if not action.isSeparator()]
    assert "&Einstellungen…" in file_items and "&Beenden" in file_items
    assert "&Importieren" in file_items
    import_menu = next(action.menu() for action in actions.file_menu.actions() if action.text() == "&Importieren")
    assert "Grapevine-Verzeichnisdatei…" in [action.text() for action in import_menu.actions()]
    assert (
        window.search_bar.search_box.placeholderText() == "Was suchen Sie? Einen Zahnarzt, einen Klempner, einen Namen…"
    )
    assert [window.tabs.tabText(index) for index in range(window.tabs.count())] == [
        "&Ergebnisse",
        "&Karte",
        "&Personen und Vertrauen",
        "&Top-Empfehlungsgeber",
    ]
    # Category labels come from the taxonomy and are translated too.
    assert window.search_bar.quick_pick_buttons["pediatrician"].text() == "Kinderarzt"
    assert window.search_bar.quick_pick_buttons["dentist"].text() == "Zahnarzt"


def test_german_quick_picks_still_find_their_category(german_window: tuple[MainWindow, DirectoryActions]) -> None:
    window, _actions = german_window
    model = window.results_model
    for key in QUICK_PICKS:
        button = window.search_bar.quick_pick_buttons[key]
        button.click()
        assert window.search_bar.query == button.text().lower()
        assert model.rowCount() > 0, f"the quick pick {button.text()!r} found nothing"
        top_category = model.index(0, Column.CATEGORY).data()
        assert top_category == category_label(key) == button.text()
    header = [model.headerData(column, Qt.Orientation.Horizontal) for column in Column]
    assert header == ["Name", "Kategorie", "Sterne", "Warum", "Entfernung"]


def test_qt_own_buttons_and_numbers_follow_the_language(german: Language, qtbot: QtBot) -> None:
    assert german.code == "de"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Abbrechen"
    assert QLocale().toString(2.5) == "2,5"


def test_removing_the_translators_brings_english_back(qapp: QApplication) -> None:
    language = install_translations(qapp, "fr")
    assert QCoreApplication.translate("Category", "Pediatrician") == "Pédiatre"
    remove_translations(qapp, language)
    assert QCoreApplication.translate("Category", "Pediatrician") == "Pediatrician"
    assert QLocale().toString(2.5) == "2.5"


def test_english_needs_no_translator(qapp: QApplication) -> None:
    language = install_translations(qapp, "en")
    try:
        assert language.translators == ()
        assert QCoreApplication.translate("SearchBar", "Search vendors") == "Search vendors"
    finally:
        remove_translations(qapp, language)


def test_lang_option_is_forwarded_and_checked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(app_module, "main", lambda args: calls.append(list(args)) or 0)
    assert cli_main(["--lang", "de"]) == 0
    assert calls == [["--lang", "de"]]
    assert build_parser().parse_args(["--lang", "fr"]).lang == "fr"
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["--lang", "xx"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "--lang" in error and "'de'" in error and "'fr'" in error
