"""The duplicate warning before a new person is saved: candidates with score and reasons.

The counsellor either opens the existing person ("Vorhandene Person öffnen", the default and
Enter) or saves the new one anyway ("Trotzdem neu anlegen"); Esc goes back to the form with
everything typed still there. The dialog is opened with ``open()`` and reports the choice
through :attr:`DuplicatesDialog.chosen`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.dedupe import Candidate
from mzdesk.core.services.persons import format_date


def reason_label(code: str) -> str:
    labels = {
        "name_key": QCoreApplication.translate("Duplicates", "name sounds the same"),
        "name_similar": QCoreApplication.translate("Duplicates", "similar name"),
        "names_swapped": QCoreApplication.translate("Duplicates", "given and family name swapped"),
        "birth_date": QCoreApplication.translate("Duplicates", "same date of birth"),
        "birth_year_placeholder": QCoreApplication.translate(
            "Duplicates", "same year of birth (placeholder or year only)"
        ),
        "birth_date_transposed": QCoreApplication.translate(
            "Duplicates", "day and month of birth swapped"
        ),
        "nationality": QCoreApplication.translate("Duplicates", "same nationality"),
        "phone": QCoreApplication.translate("Duplicates", "same phone number"),
        "common_name": QCoreApplication.translate("Duplicates", "common name (weighed less)"),
    }
    return labels.get(code, code)


class Choice(IntEnum):
    BACK = 0  # back to the form
    OPEN_EXISTING = 1
    SAVE_ANYWAY = 2


class DuplicatesDialog(QDialog):
    """Lists the candidates; emits ``chosen(Choice, person_id or None)`` once."""

    chosen = Signal(int, object)

    def __init__(self, candidates: Sequence[Candidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates = list(candidates)
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.resize(820, 240)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This person may already be registered. Open the existing file instead, or "
                "save the new person anyway."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.candidates), 5, self)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not cell to cell
        self.table.setAccessibleName(self.tr("Possible duplicates"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File number"),
                self.tr("Name"),
                self.tr("Date of birth"),
                self.tr("Match"),
                self.tr("Reasons"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for row, candidate in enumerate(self.candidates):
            values = [
                candidate.file_number,
                f"{candidate.family_name}, {candidate.given_names}".rstrip(", "),
                format_date(candidate.birth_date),
                f"{round(candidate.score * 100)} %",
                ", ".join(reason_label(code) for code in candidate.reasons),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)

        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("&Open existing person"))
        self.save_button = QPushButton(self.tr("&Save as new person anyway"))
        self.back_button = QPushButton(self.tr("&Back to the form"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_existing)
        self.save_button.clicked.connect(self.save_anyway)
        self.back_button.clicked.connect(self.reject)
        self.choice = Choice.BACK
        if self.candidates:
            self.table.selectRow(0)
        self.table.setFocus()

    def selected(self) -> Candidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.candidates[rows[0].row()] if rows else None

    def open_existing(self) -> None:
        candidate = self.selected()
        if candidate is None:
            return
        self._finish(Choice.OPEN_EXISTING, candidate.person_id)

    def save_anyway(self) -> None:
        self._finish(Choice.SAVE_ANYWAY, None)

    def reject(self) -> None:
        if self.choice is Choice.BACK:
            self.chosen.emit(int(Choice.BACK), None)
        super().reject()

    def _finish(self, choice: Choice, person_id: uuid.UUID | None) -> None:
        self.choice = choice
        self.chosen.emit(int(choice), person_id)
        self.accept()
