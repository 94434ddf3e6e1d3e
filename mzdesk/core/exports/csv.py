"""The statistics as ONE CSV file in long form, for German Excel.

Semicolon-separated, UTF-8 with BOM (Excel then reads umlauts right), CRLF line ends.
Columns: ``Zeitraum;Tabelle;Zeile;Spalte;Wert`` — one line per figure. Why one long file
rather than one file per table: a single file is what ``--csv F`` can promise, every table has
different columns, and the long form opens directly as a PivotTable/filter in Excel and parses
with any CSV reader. Numbers are German (``1234``, ``4,5``); suppressed cells are ``<3``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from mzdesk.core.exports.common import cell_text
from mzdesk.core.files import write_private
from mzdesk.core.stats.report import StatsReport

HEADER = ("Zeitraum", "Tabelle", "Zeile", "Spalte", "Wert")


def render_csv(report: StatsReport, *, suppress_below: int = 3) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    label = report.period.label
    for table in report.tables(suppress_below):
        for row in table.rows:
            row_label = cell_text(row[0])
            for column, value in zip(table.columns[1:], row[1:], strict=True):
                text = (
                    cell_text(value).replace(".", "")
                    if column.kind == "count"
                    else cell_text(value)
                )
                writer.writerow((label, table.title, row_label, column.header, text))
    return buffer.getvalue()


def write_csv(report: StatsReport, path: Path, *, suppress_below: int = 3) -> None:
    write_private(path, render_csv(report, suppress_below=suppress_below).encode("utf-8-sig"))
