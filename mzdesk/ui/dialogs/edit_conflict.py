"""Someone saved the person while you were editing: what differs, and what to do about it.

Shows the core's field-by-field diff (``intake.EditConflict.diffs``): the field, your value,
the value saved meanwhile. Three ways on: keep your values (save over theirs, knowingly),
take theirs (the form reloads the stored person), or keep editing (Esc). Nothing is ever
overwritten without this choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Signal
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

from mzdesk.core.services.intake import FieldDiff


def field_label(name: str) -> str:
    """The form's label of a PersonInput field (for diffs and messages)."""
    t = QCoreApplication.translate
    labels = {
        "family_name": t("IntakeFields", "Family name"),
        "given_names": t("IntakeFields", "Given names"),
        "family_name_original": t("IntakeFields", "Family name (original script)"),
        "given_names_original": t("IntakeFields", "Given names (original script)"),
        "birth_date": t("IntakeFields", "Date of birth"),
        "birth_date_placeholder": t("IntakeFields", "Placeholder date"),
        "sex": t("IntakeFields", "Sex"),
        "nationalities": t("IntakeFields", "Nationality"),
        "languages": t("IntakeFields", "Languages"),
        "interpreter_language": t("IntakeFields", "Interpreter"),
        "phone": t("IntakeFields", "Phone"),
        "email": t("IntakeFields", "E-mail"),
        "street": t("IntakeFields", "Street"),
        "postcode": t("IntakeFields", "Postcode"),
        "city": t("IntakeFields", "City"),
        "municipality": t("IntakeFields", "Municipality"),
        "arrival_date": t("IntakeFields", "Arrival"),
        "household_with": t("IntakeFields", "Household"),
        "residence_status": t("IntakeFields", "Residence status"),
        "work_permission": t("IntakeFields", "Work permission"),
        "residence_valid_from": t("IntakeFields", "Valid from"),
        "residence_valid_until": t("IntakeFields", "Valid until"),
        "legal_category": t("IntakeFields", "Legal category"),
        "legal_category_since": t("IntakeFields", "Legal category since"),
    }
    return labels.get(name, name)


class Resolution(IntEnum):
    KEEP_EDITING = 0
    OVERWRITE = 1  # save mine over theirs
    TAKE_THEIRS = 2


class EditConflictDialog(QDialog):
    resolved = Signal(int)

    def __init__(self, diffs: Sequence[FieldDiff], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.resize(640, 300)
        layout = QVBoxLayout(self)
        text = self.tr(
            "Someone else saved this person while you were editing. Nothing has been saved yet."
        )
        if not diffs:
            text += " " + self.tr("Your changes touch none of the fields they changed.")
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(diffs), 3, self)
        self.table.setAccessibleName(self.tr("Differences"))
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not cell to cell
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your value"), self.tr("Saved meanwhile")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, diff in enumerate(diffs):
            for column, value in enumerate((field_label(diff.field), diff.mine, diff.theirs)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.overwrite_button = QPushButton(self.tr("Save &my values"))
        self.theirs_button = QPushButton(self.tr("&Take the saved values"))
        self.keep_button = QPushButton(self.tr("&Keep editing"))
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.keep_button.setDefault(True)  # Enter never overwrites by accident
        self.overwrite_button.clicked.connect(lambda: self._finish(Resolution.OVERWRITE))
        self.theirs_button.clicked.connect(lambda: self._finish(Resolution.TAKE_THEIRS))
        self.keep_button.clicked.connect(self.reject)
        self.resolution = Resolution.KEEP_EDITING

    def reject(self) -> None:
        if self.resolution is Resolution.KEEP_EDITING:
            self.resolved.emit(int(Resolution.KEEP_EDITING))
        super().reject()

    def _finish(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.resolved.emit(int(resolution))
        self.accept()
