"""Import attendees from a registration list: file, column mapping, preview, report.

Choosing a file reads its header line and proposes a field for each column (German or English
headings); every mapping can be changed with a combo box, and the preview (the first rows as
they would be read, and every rejected line with its reason) follows each change. "Import"
runs ``attendee_import.import_data`` plus one commit in a :class:`BackgroundOp`; the report
(new, existing, already registered, rejected, to review) stays in the dialog.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QTableWidget, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError
from mzdesk.core.names import fold
from mzdesk.core.services import attendee_import
from mzdesk.ui import session_scope
from mzdesk.ui.dialogs.csv_import import CsvImportDialog
from mzdesk.ui.forms import child
from mzdesk.ui.numbers import number
from mzdesk.ui.operations import Progress, show_error

log = logging.getLogger(__name__)


class AttendeeImportDialog(CsvImportDialog):
    """Emits ``imported`` with the ImportReport."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        event_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("attendee_import.ui", parent)
        self._factory = session_factory
        self._event_id = event_id
        self._data: bytes | None = None
        self._path: Path | None = None
        self.setWindowTitle(self.tr("Import attendees"))
        self.resize(900, 640)
        self.choose_caption = self.tr("Choose a registration list")
        self.mapping_table = child(self.form, QTableWidget, "mappingTable")
        self.add_import_button(self.tr("&Import"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.import_button.clicked.connect(self.apply_import)
        self.mapping_table.setColumnCount(2)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Field")])
        self.field_labels = {
            "": self.tr("(ignore)"),
            "family_name": self.tr("Family name"),
            "given_names": self.tr("Given names"),
            "birth_date": self.tr("Birth date or year"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "languages": self.tr("Languages"),
            "german_level": self.tr("German level"),
            "profession_wish": self.tr("Profession or wish"),
            "nationality": self.tr("Nationality"),
            "consent_to_contact": self.tr("Consent to be contacted"),
        }
        self.combos: list[tuple[str, QComboBox]] = []

    def load_file(self, path: Path) -> None:
        """Read the file, propose the mapping and show the preview."""
        try:
            data = attendee_import.read_file(path)
            headings = attendee_import.headings_of(data)
        except MzdeskError as exc:
            show_error(self, exc)
            return
        self._path, self._data = path, data
        self.file_edit.setText(str(path))
        self.mapping_table.setRowCount(len(headings))
        self.combos = []
        used: set[str] = set()
        for row, heading in enumerate(headings):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(heading))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field for column %1").replace("%1", heading))
            for key, label in self.field_labels.items():
                combo.addItem(label, key)
            proposed = attendee_import.HEADER_ALIASES.get(fold(heading), "")
            if proposed in used:
                proposed = ""
            used.add(proposed)
            combo.setCurrentIndex(max(combo.findData(proposed), 0))
            combo.currentIndexChanged.connect(lambda _index: self.refresh_preview())
            self.mapping_table.setCellWidget(row, 1, combo)
            self.combos.append((heading, combo))
        self.mapping_table.resizeColumnToContents(0)
        self.refresh_preview()

    def mapping(self) -> dict[str, str]:
        return {heading: str(combo.currentData() or "") for heading, combo in self.combos}

    def refresh_preview(self) -> None:
        if self._data is None:
            return
        try:
            shown = attendee_import.preview(self._data, self.mapping())
        except MzdeskError as exc:
            self.summary_label.setText(exc.german)
            self.preview_table.setRowCount(0)
            self.import_button.setEnabled(False)
            return
        parsed = shown.parsed
        self.summary_label.setText(
            self.tr("%1 rows can be imported, %2 rejected (%3).")
            .replace("%1", number(shown.good))
            .replace("%2", number(len(shown.rejected)))
            .replace("%3", parsed.encoding)
        )
        fields = list(dict.fromkeys(parsed.columns.values()))
        self.preview_table.setColumnCount(len(fields) + 1)
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Line"), *[self.field_labels[f] for f in fields]]
        )
        self.show_preview(
            [
                [str(item.line) + ("" if item.intake else " ✗")]
                + [item.cells.get(name, "") for name in fields]
                for item in shown.rows
            ]
        )
        self.show_rejected([(r.line, r.reason) for r in shown.rejected])
        self.import_button.setEnabled(shown.good > 0)

    def apply_import(self) -> None:
        if self._data is None:
            return
        data, mapping, factory, event_id = self._data, self.mapping(), self._factory, self._event_id

        def op(_progress: Progress) -> attendee_import.ImportReport:
            return session_scope.write(
                factory,
                lambda session: attendee_import.import_data(session, event_id, data, mapping),
            )

        self.run_import(op, self._imported, self.tr("Importing attendees …"))

    def _imported(self, report: attendee_import.ImportReport) -> None:
        self._data = None  # imported: a second click would only find them registered
        self.summary_label.setText(
            self.tr("Imported: %1 new, %2 existing persons; %3 already registered; %4 rejected.")
            .replace("%1", number(report.created))
            .replace("%2", number(report.linked))
            .replace("%3", number(len(report.already_registered)))
            .replace("%4", number(len(report.rejected)))
        )
        review = [
            (
                r.line,
                self.tr("new %1, may be %2")
                .replace("%1", r.file_number)
                .replace("%2", ", ".join(r.candidates)),
            )
            for r in report.possible_duplicates
        ]
        review += [
            (r.line, self.tr("already registered as %1").replace("%1", r.file_number))
            for r in report.already_registered
        ]
        self.show_rejected(sorted([(r.line, r.reason) for r in report.rejected] + review))
        log.info("attendee import: %d imported, %d rejected", report.imported, len(report.rejected))
        self.imported.emit(report)
