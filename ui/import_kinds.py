"""What the import menu knows of each importer: its label in the user's language, its file filter, its options step."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from recommender.importers.registry import ImporterSpec


class OptionsStep(Enum):
    """The question asked between choosing a file and importing it."""

    NONE = "none"
    CONTACTS = "contacts"
    """Trust level for new people; whether business cards become vendors, and their category."""
    LISTINGS = "listings"
    """A category for listings Grapevine cannot place."""
    CSV_MAPPING = "csv_mapping"
    """Which column fills which vendor field, with a preview of the first rows."""


# Importers the core registers later (or a plug-in) still get a menu entry: no options step, the core's label.
_STEPS = {
    "vcard": OptionsStep.CONTACTS,
    "csv": OptionsStep.CSV_MAPPING,
    "yelp": OptionsStep.LISTINGS,
    "takeout": OptionsStep.LISTINGS,
}


def options_step(kind: str) -> OptionsStep:
    return _STEPS.get(kind, OptionsStep.NONE)


def importer_label(spec: ImporterSpec) -> str:
    """The importer's name as the menu shows it: translated when the kind is known, else the core's English."""
    translate = QCoreApplication.translate
    # Written out call by call, with the context spelled out, so lupdate finds every text.
    labels = {
        "json": translate("ImportKinds", "Grapevine directory file"),
        "csv": translate("ImportKinds", "Spreadsheet of vendors (CSV)"),
        "vcard": translate("ImportKinds", "Contacts (vCard, jCard, xCard)"),
        "yelp": translate("ImportKinds", "Yelp business listings"),
        "osm": translate("ImportKinds", "OpenStreetMap extract"),
        "takeout": translate("ImportKinds", "Google Maps saved places (Takeout)"),
    }
    return labels.get(spec.kind, spec.label)


def file_filters(spec: ImporterSpec) -> list[str]:
    """The open dialog's filters: the importer's patterns first, then every file (an export named oddly)."""
    patterns = " ".join(spec.patterns)
    return [
        QCoreApplication.translate("ImportKinds", "{label} ({patterns})").format(
            label=importer_label(spec), patterns=patterns
        ),
        QCoreApplication.translate("ImportKinds", "All files (*)"),
    ]


def kind_name(kind: str) -> str:
    """A kind of record an import report counts ("vendors", "people", …), for the summary."""
    translate = QCoreApplication.translate
    names = {
        "vendors": translate("ImportKinds", "Vendors"),
        "people": translate("ImportKinds", "People"),
        "trust links": translate("ImportKinds", "Trust links"),
        "reviews": translate("ImportKinds", "Reviews"),
    }
    return names.get(kind, kind.capitalize())
