"""What the CSV import dialogs (attendees, partners) share.

Their forms hold a file field with a "Choose …" button, a summary line, a preview table, a
table of rejected lines ("Line", "Reason") and a button box. :class:`CsvImportDialog` loads
such a form, lets the user choose a file (then calls the subclass's ``load_file``), fills the
two tables, and runs the import in a :class:`BackgroundOp` (the button is enabled again when
it fails). What a subclass previews and imports stays its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.ui.file_dialogs import Kind, open_file
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.operations import BackgroundOp, Progress, show_error

T = TypeVar("T")


class CsvImportDialog(QDialog):
    """Base of the import dialogs; a subclass adds its import button and ``load_file``."""

    imported = Signal(object)  # the import's report

    def __init__(self, form_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choose_caption = ""  # the file dialog's title (set by the subclass)
        self.form = load_form(form_name, self)
        QVBoxLayout(self).addWidget(self.form)
        self.file_edit = child(self.form, QLineEdit, "fileEdit")
        self.choose_button = child(self.form, QPushButton, "chooseButton")
        self.summary_label = child(self.form, QLabel, "summaryLabel")
        self.preview_table = child(self.form, QTableWidget, "previewTable")
        self.rejected_table = child(self.form, QTableWidget, "rejectedTable")
        self.button_box = child(self.form, QDialogButtonBox, "buttonBox")
        self.button_box.rejected.connect(self.reject)
        self.choose_button.clicked.connect(self.choose_file)
        self.rejected_table.setColumnCount(2)
        self.rejected_table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Reason")])

    def add_import_button(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        """The import button, disabled until a preview shows something to import."""
        button = self.button_box.addButton(text, role)
        button.setEnabled(False)
        self.import_button = button
        return button

    def choose_file(self) -> None:
        path = open_file(self, self.choose_caption, Kind.IMPORT, self.tr("CSV files (*.csv *.txt)"))
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        raise NotImplementedError

    def show_preview(self, rows: Sequence[Sequence[str]]) -> None:
        """One table row per entry, its texts in the preview table's columns."""
        self.preview_table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.preview_table.setItem(row, column, QTableWidgetItem(text))
        self.preview_table.resizeColumnsToContents()

    def show_rejected(self, rows: Sequence[tuple[int, str]]) -> None:
        """(line, reason) pairs in the table of rejected lines."""
        self.rejected_table.setRowCount(len(rows))
        for row, (line, reason) in enumerate(rows):
            self.rejected_table.setItem(row, 0, QTableWidgetItem(str(line)))
            self.rejected_table.setItem(row, 1, QTableWidgetItem(reason))
        self.rejected_table.resizeColumnToContents(0)

    def run_import(
        self, op: Callable[[Progress], T], success: Callable[[T], None], label: str
    ) -> None:
        """Run ``op`` in the background with a progress dialog ``label``; the import button
        stays disabled meanwhile and is enabled again if it fails."""
        self.import_button.setEnabled(False)
        BackgroundOp(parent=self, op=op, success=success).failure(
            self._import_failed
        ).with_progress(label).run_in_background()

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        show_error(self, error)
