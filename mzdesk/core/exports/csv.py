"""The statistics as ONE CSV file in long form, for German Excel.

Semicolon-separated, UTF-8 with BOM (Excel then reads umlauts right), CRLF line ends.
Columns: ``Zeitraum;Tabelle;Zeile;Spalte;Wert`` — one line per figure. Why one long file
rather than one file per table: a single file is what ``--csv F`` can promise, every table has
different columns, and the long form opens directly as a PivotTable/filter in Excel and parses
with any CSV reader. Numbers are German (``1234``, ``4,5``); suppressed cells are ``<3`` or ``x``.
Text that a spreadsheet would run as a formula (a name beginning with ``=``, ``+``, ``-``,
``@``, tab or CR) starts with ``'`` (:mod:`mzdesk.core.exports.cells`); numbers stay as they are.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from mzdesk.core.exports.cells import spreadsheet_text
from mzdesk.core.exports.common import cell_text
from mzdesk.core.files import write_file
from mzdesk.core.stats.report import Cell, StatsReport

HEADER = ("Zeitraum", "Tabelle", "Zeile", "Spalte", "Wert")


def _text(value: Cell) -> str:
    """A cell as CSV text: a number as its German digits, anything else as safe text."""
    text = cell_text(value)
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return text if is_number else spreadsheet_text(text)


def render_csv(report: StatsReport, *, suppress_below: int = 3) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    label = spreadsheet_text(report.period.label)
    for table in report.tables(suppress_below):
        title = spreadsheet_text(table.title)
        for row in table.rows:
            row_label = _text(row[0])
            for column, value in zip(table.columns[1:], row[1:], strict=True):
                text = _text(value).replace(".", "") if column.kind == "count" else _text(value)
                header = spreadsheet_text(column.header)
                writer.writerow((label, title, row_label, header, text))
    return buffer.getvalue()


def write_csv(report: StatsReport, path: Path, *, suppress_below: int = 3) -> None:
    write_file(path, render_csv(report, suppress_below=suppress_below).encode("utf-8-sig"))
