"""Import partners from a CSV file: preview the good rows and the rejected ones, then apply.

The preview is the core's own import run in a transaction that is rolled back, so what it
shows (new and updated partners, rejected lines with their reasons) is exactly what
"Import" will do. Both the preview and the import run in a :class:`BackgroundOp`; the
import is one transaction (``partners.import_csv`` plus one commit).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Partner
from mzdesk.core.names import fold
from mzdesk.core.services import partners
from mzdesk.ui import session_scope
from mzdesk.ui.dialogs.csv_import import CsvImportDialog
from mzdesk.ui.numbers import number
from mzdesk.ui.operations import BackgroundOp, Progress, show_error

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreviewRow:
    name: str
    kind: str
    postcode: str
    city: str
    phone: str
    new: bool  # False: an existing partner that the import updates


@dataclass(frozen=True)
class ImportPreview:
    report: partners.ImportReport
    rows: list[PreviewRow]


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise MzdeskError(
            f"cannot read {path.name}: {exc.strerror}",
            german=f"Die Datei {path.name} kann nicht gelesen werden.",
        ) from exc


def preview_import(session: Session, data: bytes) -> ImportPreview:
    """What importing ``data`` would do, found by importing it and rolling back."""

    def values(partner: Partner) -> tuple[object, ...]:
        return tuple(getattr(partner, name) for name in partners.FIELDS)

    before = {p.id: values(p) for p in session.scalars(select(Partner))}
    try:
        report = partners.import_csv(session, data)
        rows = [
            PreviewRow(
                name=p.name,
                kind=p.kind,
                postcode=p.postcode or "",
                city=p.city or "",
                phone=p.phone or "",
                new=p.id not in before,
            )
            for p in session.scalars(select(Partner))
            if p.id not in before or before[p.id] != values(p)
        ]
    finally:
        session.rollback()
    report.dry_run = True
    rows.sort(key=lambda row: (not row.new, fold(row.name)))
    return ImportPreview(report, rows)


class PartnerImportDialog(CsvImportDialog):
    """Choose a CSV file, see what it would do, import it. Emits ``imported`` (the
    ImportReport) when done."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        parent: QWidget | None = None,
        language: str = "de",
    ) -> None:
        super().__init__("partner_import.ui", parent)
        self._session_factory = session_factory
        self._language = language
        self._path: Path | None = None
        self._preview: ImportPreview | None = None
        self.setWindowTitle(self.tr("Import partners"))
        self.resize(820, 560)
        self.choose_caption = self.tr("Choose a CSV file")
        self.add_import_button(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.button_box.accepted.connect(self.apply_import)

        self.preview_table.setColumnCount(6)
        self.preview_table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Postcode"),
                self.tr("Town"),
                self.tr("Phone"),
                self.tr("Change"),
            ]
        )

    # --- previewing -----------------------------------------------------------------------

    def load_file(self, path: Path) -> None:
        """Show what importing ``path`` would do (read and checked in the background)."""
        self._path = path
        self._preview = None
        self.file_edit.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary_label.setText(self.tr("Checking the file …"))
        self.preview_table.setRowCount(0)
        self.rejected_table.setRowCount(0)
        factory = self._session_factory

        def op(_progress: Progress) -> ImportPreview:
            data = read_file(path)
            return session_scope.read(factory, lambda session: preview_import(session, data))

        def success(preview: ImportPreview) -> None:
            if self._path == path:  # not a file chosen before the current one
                self._show_preview(preview)

        BackgroundOp(parent=self, op=op, success=success).failure(
            self._preview_failed
        ).with_progress(self.tr("Checking the file …")).run_in_background()

    def _preview_failed(self, error: BaseException) -> None:
        self.summary_label.setText(self.tr("The file cannot be imported."))
        show_error(self, error)

    def _show_preview(self, preview: ImportPreview) -> None:
        self._preview = preview
        report = preview.report
        self.summary_label.setText(
            self.tr("%1 new, %2 updated, %3 unchanged, %4 rejected (%5)")
            .replace("%1", number(report.created))
            .replace("%2", number(report.updated))
            .replace("%3", number(report.unchanged))
            .replace("%4", number(len(report.rejected)))
            .replace("%5", report.encoding)
        )
        new_text, updated_text = self.tr("new"), self.tr("updated")
        self.show_preview(
            [
                [
                    item.name,
                    reference.label("partner_kinds", item.kind, self._language),
                    item.postcode,
                    item.city,
                    item.phone,
                    new_text if item.new else updated_text,
                ]
                for item in preview.rows
            ]
        )
        self.show_rejected([(rejected.line, rejected.reason) for rejected in report.rejected])
        self.import_button.setEnabled(bool(preview.rows))

    # --- importing ------------------------------------------------------------------------

    def apply_import(self) -> None:
        """Import the chosen file: the good rows in one transaction, then close."""
        if self._path is None or self._preview is None:
            return
        path, factory = self._path, self._session_factory

        def op(_progress: Progress) -> partners.ImportReport:
            data = read_file(path)
            return session_scope.write(factory, lambda session: partners.import_csv(session, data))

        self.run_import(op, self._imported, self.tr("Importing partners …"))

    def _imported(self, report: partners.ImportReport) -> None:
        log.info(
            "partner import: %d new, %d updated, %d rejected",
            report.created,
            report.updated,
            len(report.rejected),
        )
        self.imported.emit(report)
        self.accept()
