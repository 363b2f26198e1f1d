"""The question before importing contacts or listings: how much to trust new people, where odd records go."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from recommender.importers.registry import ImportOptions
from recommender.taxonomy import load_taxonomy
from ui.category_names import category_label
from ui.import_kinds import OptionsStep

# The slider moves in tenths of a trust level: -10 … 10 stands for -1 … 1.
SLIDER_STEPS = 10
# What people in an address book usually are to its owner: known, somewhat trusted, not yet vouched for.
DEFAULT_CONTACT_TRUST = 0.5


def trust_words(level: float) -> str:
    """A trust level in words, as the slider's caption shows it."""
    translate = QCoreApplication.translate
    if level <= 0:
        return translate("ImportOptionsDialog", "Distrust: their reviews will be ignored")
    if level < 0.35:
        return translate("ImportOptionsDialog", "Trust a little")
    if level < 0.65:
        return translate("ImportOptionsDialog", "Trust somewhat")
    if level < 0.95:
        return translate("ImportOptionsDialog", "Trust a lot")
    return translate("ImportOptionsDialog", "Trust completely")


def category_combo(parent: QWidget, none_text: str, accessible_name: str) -> QComboBox:
    """A choice of taxonomy category (item data: its key) after a first "none" item (data: None)."""
    combo = QComboBox(parent)
    combo.setAccessibleName(accessible_name)
    combo.addItem(none_text, None)
    labels = sorted(
        ((category_label(category), category.key) for category in load_taxonomy()), key=lambda p: p[0].casefold()
    )
    for label, key in labels:
        combo.addItem(label, key)
    return combo


class ImportOptionsDialog(QDialog):
    """Options for one file: contacts (trust, business cards) or listings (a category for the unplaceable)."""

    options_chosen = Signal(object)
    """The user chose to import with these options (``ImportOptions``)."""

    def __init__(self, step: OptionsStep, path: Path, *, owner_known: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.trust_box = QCheckBox(self.tr("Give new contacts a &trust level"), self)
        self.trust_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.trust_words = QLabel(self)
        self.businesses_box = QCheckBox(self.tr("&Business cards become vendors"), self)
        self.category_box = category_combo(
            self,
            self.tr("None: skip them and list them in the summary"),
            self.tr("Category for records without one Grapevine knows"),
        )
        if step is OptionsStep.CONTACTS:
            layout.addWidget(self._people_group(owner_known))
            layout.addWidget(self._business_group())
        else:
            layout.addWidget(self._listings_group())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _people_group(self, owner_known: bool) -> QGroupBox:
        group = QGroupBox(self.tr("New people"), self)
        self.trust_box.setAccessibleName(self.tr("Give new contacts a trust level"))
        self.trust_slider.setAccessibleName(self.tr("Trust level for new contacts"))
        self.trust_slider.setRange(-SLIDER_STEPS, SLIDER_STEPS)
        self.trust_slider.setPageStep(2)
        self.trust_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.trust_slider.setTickInterval(5)
        self.trust_slider.valueChanged.connect(self._on_trust_slider_value_changed)
        self.trust_slider.setValue(round(DEFAULT_CONTACT_TRUST * SLIDER_STEPS))
        self._on_trust_slider_value_changed(self.trust_slider.value())
        self.trust_words.setAccessibleName(self.tr("What this trust level means"))
        self.trust_box.toggled.connect(self._on_trust_box_toggled)
        self.trust_box.setChecked(owner_known)
        self.trust_box.setEnabled(owner_known)
        self._on_trust_box_toggled(owner_known)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("distrust"), self))
        row.addWidget(self.trust_slider, 1)
        row.addWidget(QLabel(self.tr("full trust"), self))
        layout = QVBoxLayout(group)
        layout.addWidget(self.trust_box)
        layout.addLayout(row)
        layout.addWidget(self.trust_words)
        if not owner_known:
            hint = QLabel(
                self.tr("Grapevine does not know who you are yet: new contacts come in without a trust level."), self
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
        return group

    def _business_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Businesses"), self)
        self.businesses_box.setAccessibleName(self.tr("Business cards become vendors"))
        self.businesses_box.setChecked(True)
        self.businesses_box.toggled.connect(self.category_box.setEnabled)
        form = QFormLayout(group)
        form.addRow(self.businesses_box)
        label = QLabel(self.tr("&Category for cards without a known one:"), self)
        label.setBuddy(self.category_box)
        form.addRow(label, self.category_box)
        return group

    def _listings_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Listings"), self)
        form = QFormLayout(group)
        label = QLabel(self.tr("&Category for listings Grapevine cannot place:"), self)
        label.setBuddy(self.category_box)
        form.addRow(label, self.category_box)
        return group

    def options(self) -> ImportOptions:
        """The options as the dialog shows them."""
        category = self.category_box.currentData()
        if self.step is not OptionsStep.CONTACTS:
            return ImportOptions(fallback_category=category)
        trust = self.trust_slider.value() / SLIDER_STEPS if self.trust_box.isChecked() else None
        businesses = self.businesses_box.isChecked()
        return ImportOptions(
            default_trust=trust,
            businesses_as_vendors=businesses,
            fallback_category=category if businesses else None,
        )

    def accept(self) -> None:
        self.options_chosen.emit(self.options())
        super().accept()

    @Slot(int)
    def _on_trust_slider_value_changed(self, value: int) -> None:
        level = value / SLIDER_STEPS
        self.trust_words.setText(self.tr("{words} ({level})").format(words=trust_words(level), level=f"{level:+.1f}"))

    @Slot(bool)
    def _on_trust_box_toggled(self, checked: bool) -> None:
        self.trust_slider.setEnabled(checked)
        self.trust_words.setEnabled(checked)
