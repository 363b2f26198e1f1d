"""The app's language: Grapevine's own translations and Qt's, for the system's languages or one the user forces."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
"""The language the UI is written in: it needs no translation."""
CATALOG = "grapevine"
"""Translations are resources/translations/grapevine_<language>.qm (see packaging/update_translations.py)."""


@dataclass(frozen=True, slots=True)
class Language:
    """What was installed: the language chosen ("en" when the UI stays in English) and its translators."""

    code: str
    translators: tuple[QTranslator, ...] = ()
    replaced_locale: QLocale | None = None
    """The default locale before a forced language replaced it."""


def translations_dir() -> Path:
    """Where the compiled .qm files are shipped (package data, so a wheel or a frozen build has them too)."""
    return Path(str(files("resources").joinpath("translations")))


def available_languages(directory: Path | None = None) -> list[str]:
    """The languages Grapevine has a compiled translation for, e.g. ["de", "fr"]."""
    folder = directory or translations_dir()
    prefix = f"{CATALOG}_"
    return sorted(path.stem.removeprefix(prefix) for path in folder.glob(f"{prefix}*.qm"))


def choose_language(preferred: Iterable[str], available: Iterable[str]) -> str:
    """The first preferred language there is a translation for, stopping at English, the UI's own language.

    ``preferred`` holds BCP 47 or POSIX tags in order ("de-AT", "fr_FR", "en"): someone who prefers English
    and lists German second gets English, not German."""
    have = set(available)
    for tag in preferred:
        parts = tag.replace("-", "_").split("_")
        # "de_Latn_DE" → try "de_DE", then "de"; a script subtag never names a catalogue.
        language = parts[0].lower()
        regions = [part for part in parts[1:] if len(part) == 2 and part.isalpha()]
        if language in {SOURCE_LANGUAGE, "c", "posix"}:
            return SOURCE_LANGUAGE
        for candidate in [f"{language}_{region.upper()}" for region in regions] + [language]:
            if candidate in have:
                return candidate
    return SOURCE_LANGUAGE


def install_translations(app: QCoreApplication, forced: str | None = None) -> Language:
    """Install translators for ``forced`` (e.g. "de") or else the system's UI languages; call before any window.

    Qt's own strings (standard buttons, context menus) are translated too when Qt ships that language."""
    preferred = [forced] if forced else QLocale.system().uiLanguages()
    code = choose_language(preferred, available_languages())
    replaced = None
    if forced:
        # Numbers, dates and Qt's own dialogs follow the forced language as well, not just our strings.
        replaced = QLocale()
        QLocale.setDefault(QLocale(forced))
    if code == SOURCE_LANGUAGE:
        return Language(code, (), replaced)
    translators = []
    own = QTranslator(app)
    if own.load(str(translations_dir() / f"{CATALOG}_{code}.qm")):
        translators.append(own)
    else:
        logger.warning("cannot load the %s translation from %s", code, translations_dir())
    qt = QTranslator(app)
    if qt.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    return Language(code, tuple(translators), replaced)


def remove_translations(app: QCoreApplication, language: Language) -> None:
    """Undo install_translations (tests switch languages within one process)."""
    for translator in language.translators:
        app.removeTranslator(translator)
    if language.replaced_locale is not None:
        QLocale.setDefault(language.replaced_locale)
