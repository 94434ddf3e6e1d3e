"""Merge two records of the same person: side by side, choose which to keep, confirm, merged.

The two persons' main facts stand in two columns; a radio button above each column chooses
the one to keep (the older file by default). "Zusammenführen…" asks once more (the merge
cannot be undone), then ``core.services.merge.merge_persons`` runs in the background: every
linked record moves to the kept person, empty fields are filled from the other, the other is
marked merged and never appears again. Audited by the core.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.services import person_file
from mzdesk.core.services.merge import MergeReport, merge_persons
from mzdesk.core.services.person_file import PersonData, PersonFile
from mzdesk.core.services.persons import format_birth_date, format_date
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.operations import BackgroundOp, show_error


class MergeDialog(QDialog):
    """Emits ``merged(keep_id, other_id)`` after a successful merge, then closes."""

    merged = Signal(object, object)

    def __init__(
        self,
        context: AreaContext,
        first_id: uuid.UUID,
        second_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        files = context.read(
            lambda session: [
                person_file.load(session, pid, contact_limit=0, record_view=False)
                for pid in (first_id, second_id)
            ]
        )
        # the older file (lower file number) is kept unless the counsellor chooses otherwise
        files.sort(key=lambda file: file.person.file_number)
        self.files = files
        details = [file.person for file in files]
        self.details = details
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Merge persons"))
        self.resize(780, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Both records will become one. Everything linked to the other person (cases, "
                "consents, histories, placements …) moves to the one you keep; its empty fields "
                "are filled from the other."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        choose = QHBoxLayout()
        self.keep_group = QButtonGroup(self)
        self.keep_buttons: list[QRadioButton] = []
        for index, detail in enumerate(details):
            button = QRadioButton(
                self.tr("&%1 – keep %2")
                .replace("%1", str(index + 1))
                .replace("%2", detail.file_number)
            )
            self.keep_group.addButton(button, index)
            self.keep_buttons.append(button)
            choose.addWidget(button)
        self.keep_buttons[0].setChecked(True)
        layout.addLayout(choose)
        self.table = self._table(files)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.merge_button = QPushButton(self.tr("&Merge …"))
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.confirm)
        layout.addWidget(buttons)
        self.keep_buttons[0].setFocus()

    def _rows(self, file: PersonFile) -> list[str]:
        language = self._context.language
        detail = file.person
        residence = file.residence
        category = file.legal_category
        return [
            detail.file_number,
            f"{detail.family_name}, {detail.given_names}".rstrip(", "),
            ", ".join(p for p in (detail.family_name_original, detail.given_names_original) if p),
            format_birth_date(detail.birth_date, detail.birth_date_precision),
            ", ".join(reference.label("countries", c, language) for c in file.nationalities),
            detail.phone or "",
            " ".join(p for p in (detail.street, detail.postcode, detail.city) if p),
            reference.label("residence_statuses", residence.status_code, language)
            if residence
            else "",
            f"{reference.label('legal_categories', category.category.value, language)}"
            f" ({format_date(category.valid_from)})"
            if category
            else "",
            str(len(file.cases)),
        ]

    def _table(self, files: list[PersonFile]) -> QTableWidget:
        labels = [
            self.tr("File number"),
            self.tr("Name"),
            self.tr("Original script"),
            self.tr("Date of birth"),
            self.tr("Nationality"),
            self.tr("Phone"),
            self.tr("Address"),
            self.tr("Residence status"),
            self.tr("Legal category"),
            self.tr("Cases"),
        ]
        table = QTableWidget(len(labels), len(files), self)
        table.setAccessibleName(self.tr("The two persons side by side"))
        table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not cell to cell
        table.setVerticalHeaderLabels(labels)
        table.setHorizontalHeaderLabels([str(index + 1) for index in range(len(files))])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column, file in enumerate(files):
            for row, value in enumerate(self._rows(file)):
                table.setItem(row, column, QTableWidgetItem(value))
        return table

    @property
    def keep(self) -> PersonData:
        return self.details[max(self.keep_group.checkedId(), 0)]

    @property
    def other(self) -> PersonData:
        return self.details[1 - max(self.keep_group.checkedId(), 0)]

    def confirm(self) -> None:
        keep, other = self.keep, self.other
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.windowTitle(),
            self.tr("Merge %1 into %2? This cannot be undone.")
            .replace("%1", other.file_number)
            .replace("%2", keep.file_number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm_box = box

        def answered(_result: int) -> None:
            self.confirm_box = None
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self._merge(keep.id, other.id)

        box.finished.connect(answered)
        box.open()

    def _merge(self, keep_id: uuid.UUID, other_id: uuid.UUID) -> None:
        self.merge_button.setEnabled(False)
        context = self._context

        def run(_progress: object) -> MergeReport:
            return context.write(lambda session: merge_persons(session, keep_id, other_id))

        def done(_report: MergeReport) -> None:
            self.merged.emit(keep_id, other_id)
            self.accept()

        def failed(error: BaseException) -> None:
            self.merge_button.setEnabled(True)
            show_error(self, error)

        BackgroundOp(parent=self, op=run, success=done).failure(failed).with_progress(
            self.tr("Merging …")
        ).run_in_background()
