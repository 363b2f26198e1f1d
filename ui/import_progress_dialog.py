"""An import under way: how far it got, and a Cancel that stops it with nothing written until it starts saving."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

# Totals may be bytes of a file larger than a QProgressBar's int range: the bar counts in thousandths.
BAR_STEPS = 1000


class ImportProgressDialog(QDialog):
    """Shows an import's progress (a busy bar while the total is unknown); Cancel or Esc asks it to stop.

    The dialog does not close itself on cancel: it waits for the import to confirm that it stopped. Once the import
    says it is saving (:meth:`show_saving`), it can no longer be stopped, and Cancel and Esc are no longer offered."""

    cancel_requested = Signal()
    """The user asked to stop the import."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importing {file}").format(file=path.name))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(420)
        self.path = path
        self.status_label = QLabel(self.tr("Reading {file}…").format(file=path.name), self)
        self.status_label.setAccessibleName(self.tr("Import status"))
        self.status_label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.bar.setRange(0, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.cancelling = False
        self.saving = False

    @Slot(object, object)
    def set_progress(self, done: int, total: int | None) -> None:
        """Move the bar; a total of None (or 0) makes it a busy indicator."""
        if self.cancelling or self.saving:
            return
        if not total:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setValue(min(BAR_STEPS, done * BAR_STEPS // total))

    @Slot()
    def show_saving(self) -> None:
        """The import has read the file and is committing it: say so, and stop offering a Cancel it would ignore.

        Also after a Cancel that came too late: "Stopping…" would no longer be true, the file is going in."""
        self.saving = True
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Saving {file}…").format(file=self.path.name))
        self.bar.setRange(0, 0)

    def reject(self) -> None:
        """Cancel and Esc ask the import to stop; the dialog stays until it has. While saving they do nothing."""
        if self.cancelling or self.saving:
            return
        self.cancelling = True
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Stopping… nothing from the file will be kept."))
        self.bar.setRange(0, 0)
        self.cancel_requested.emit()

    def finish(self) -> None:
        """The import ended (done, failed or stopped): close for good."""
        self.done(QDialog.DialogCode.Accepted)
