"""Form errors shown where they belong: the core's ValidationError under the field it names, in the user's words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recommender.directory.errors import ErrorCode, ValidationError
from recommender.taxonomy import load_taxonomy
from ui.category_names import category_label

FieldEditor = QLineEdit | QComboBox | QPlainTextEdit


def validation_message(error: ValidationError) -> str:
    """The error as a translated sentence about the field it names (the field's label is shown beside it)."""
    if error.code is ErrorCode.UNKNOWN_CATEGORY:
        return _unknown_category(str(error.value))
    params = error.params
    sentences = {
        ErrorCode.REQUIRED: QCoreApplication.translate("ValidationError", "This is required."),
        ErrorCode.TOO_LONG: QCoreApplication.translate(
            "ValidationError", "This is too long (at most {limit} characters)."
        ).format(limit=params.get("limit")),
        ErrorCode.OUT_OF_RANGE: QCoreApplication.translate(
            "ValidationError", "Enter a value between {low} and {high}."
        ).format(low=params.get("low"), high=params.get("high")),
        ErrorCode.NOT_A_NUMBER: QCoreApplication.translate("ValidationError", "Enter a number."),
        ErrorCode.BAD_FORMAT: QCoreApplication.translate("ValidationError", "This is not a valid {kind}.").format(
            kind=params.get("kind", "")
        ),
        ErrorCode.UNKNOWN_REFERENCE: QCoreApplication.translate(
            "ValidationError", "This refers to a {kind} that no longer exists."
        ).format(kind=params.get("kind", "")),
        # The core's reason is an English phrase such as "cannot be in the future".
        ErrorCode.NOT_ALLOWED: QCoreApplication.translate("ValidationError", "{reason}.").format(
            reason=str(params.get("reason", "")).capitalize()
        ),
    }
    return sentences[error.code]


def _unknown_category(value: str) -> str:
    close = [category_label(category) for category in load_taxonomy().suggest(value, limit=3)]
    if close:
        return QCoreApplication.translate(
            "ValidationError", "“{value}” is not a known category. Did you mean {names}?"
        ).format(value=value, names=QCoreApplication.translate("ValidationError", " or ").join(close))
    return QCoreApplication.translate(
        "ValidationError", "“{value}” is not a known category. Pick one from the list."
    ).format(value=value)


class FieldErrors:
    """One hidden error label under each field of a form; shows the core's ValidationError beside its field."""

    def __init__(self) -> None:
        self._editors: dict[str, FieldEditor] = {}
        self._labels: dict[str, QLabel] = {}

    def add_row(self, form: QFormLayout, field: str, label: str, editor: FieldEditor) -> None:
        """Add ``editor`` to ``form`` with its error label below it, as the field the core calls ``field``.

        ``label`` may mark a mnemonic with "&"; the label then moves the focus to the editor."""
        parent = editor.parentWidget()
        name = label.replace("&", "")
        cell = QWidget(parent)
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        editor.setAccessibleName(name)
        title = QLabel(label, parent)
        title.setBuddy(editor)
        error = problem_label(
            cell, QCoreApplication.translate("FieldErrors", "Problem with {field}").format(field=name)
        )
        layout.addWidget(editor)
        layout.addWidget(error)
        form.addRow(title, cell)
        self._editors[field] = editor
        self._labels[field] = error

    def error_label(self, field: str) -> QLabel:
        return self._labels[field]

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()

    def show(self, error: ValidationError) -> bool:
        """Show the error beside its field and focus that field; False if the form has no such field."""
        self.clear()
        label = self._labels.get(error.field)
        if label is None:
            return False
        label.setText(validation_message(error))
        label.show()
        self._editors[error.field].setFocus()
        return True


def lay_out_form(
    dialog: QDialog,
    errors: FieldErrors,
    rows: Sequence[tuple[str, str, FieldEditor]],
    extra_rows: Sequence[tuple[str, QWidget]] = (),
) -> tuple[QLabel, QDialogButtonBox]:
    """The record dialogs' shared layout: the fields with their error labels, any further rows (labels may mark
    a mnemonic with "&"), a problem line, OK and Cancel.

    Returns the problem label and the buttons; Cancel already rejects, OK is the dialog's to connect."""
    form = QFormLayout()
    for field, label, editor in rows:
        errors.add_row(form, field, label, editor)
    for label, widget in extra_rows:
        title = QLabel(label, dialog)
        title.setBuddy(widget)
        form.addRow(title, widget)
    message_label = problem_label(dialog, QCoreApplication.translate("FieldErrors", "Problem saving"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(message_label)
    layout.addWidget(buttons)
    return message_label, buttons


def problem_label(parent: QWidget, accessible_name: str) -> QLabel:
    """A hidden, red, word-wrapped label for a problem to show later (under a field or above the buttons)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.setAccessibleName(accessible_name)
    label.hide()
    return label
