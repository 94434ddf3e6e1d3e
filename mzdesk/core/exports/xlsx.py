"""The statistics as an Excel workbook: an info sheet, then one sheet per table.

Each table sheet: a bold header row (frozen), German headers, number formats (counts
``#,##0``, days ``0.0``, dates ``DD.MM.YYYY``), column widths from the content; suppressed
cells are the text ``<3`` (primary) or ``x`` (hidden so that no small one can be worked
out from the sums), right-aligned; the Info sheet explains both. Text is always a text
cell, never a formula: a name beginning with ``=``, ``+``, ``-``, ``@``, tab or CR starts with ``'``
(:mod:`mzdesk.core.exports.cells`).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import IO

from mzdesk.core.exports.cells import spreadsheet_text, spreadsheet_value
from mzdesk.core.exports.common import cell_text, header_lines
from mzdesk.core.files import write_file
from mzdesk.core.stats.report import StatsReport
from mzdesk.core.stats.suppression import Suppressed

FORMATS = {"count": "#,##0", "days": "0.0", "date": "DD.MM.YYYY", "text": "@"}
INFO_SHEET = "Info"


def write_xlsx(report: StatsReport, target: Path | IO[bytes], *, suppress_below: int = 3) -> None:
    if isinstance(target, Path):  # in memory first: no half-written file on a failure
        buffer = BytesIO()
        write_xlsx(report, buffer, suppress_below=suppress_below)
        write_file(target, buffer.getvalue())
        return
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    info = workbook.active
    assert info is not None
    info.title = INFO_SHEET
    info.append([spreadsheet_text(f"Statistik {report.period.label}")])
    info["A1"].font = Font(bold=True, size=14)
    for line in header_lines(report, suppress_below):
        info.append([spreadsheet_text(line)])
    info.column_dimensions["A"].width = 120
    bold = Font(bold=True)
    right = Alignment(horizontal="right")
    for table in report.tables(suppress_below):
        sheet = workbook.create_sheet(table.sheet)
        sheet.append([spreadsheet_text(column.header) for column in table.columns])
        for cell in sheet[1]:
            cell.font = bold
        for row in table.rows:
            sheet.append(
                [str(v) if isinstance(v, Suppressed) else spreadsheet_value(v) for v in row]
            )
        widths = [len(column.header) for column in table.columns]
        for r, row in enumerate(table.rows, start=2):
            for c, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, Suppressed) or (
                    column.kind != "text" and isinstance(value, str)
                ):
                    cell.alignment = right
                elif column.kind != "text" and value is not None:
                    cell.number_format = FORMATS[column.kind]
                widths[c - 1] = max(widths[c - 1], len(cell_text(value)))
            if row and row[0] == "Summe":
                for cell in sheet[r]:
                    cell.font = bold
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    workbook.save(target)


def render_xlsx(report: StatsReport, *, suppress_below: int = 3) -> bytes:
    buffer = BytesIO()
    write_xlsx(report, buffer, suppress_below=suppress_below)
    return buffer.getvalue()
