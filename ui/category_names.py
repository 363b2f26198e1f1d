"""Category labels in the user's language: the taxonomy keeps English labels, Qt's translations supply the rest."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from recommender.taxonomy import Category, load_taxonomy

CONTEXT = "Category"
"""The translation context of taxonomy labels; packaging/update_translations.py extracts them from the taxonomy,
since they live in resources/taxonomy.toml rather than in a tr() call lupdate could find."""


def category_label(category: Category | str) -> str:
    """The label of a category (or of the category with this key) as the user reads it."""
    found = load_taxonomy().get(category) if isinstance(category, str) else category
    return QCoreApplication.translate(CONTEXT, found.label)
