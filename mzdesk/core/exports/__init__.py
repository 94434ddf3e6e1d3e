"""Exports of the statistics: XLSX (openpyxl), CSV (semicolon, UTF-8 with BOM), PDF (reportlab).

Each writer takes a ``StatsReport`` and a path and applies small-cell suppression
(``suppress_below``; 0 or 1: off) — these files are meant to leave the team.
"""

from mzdesk.core.exports.csv import write_csv
from mzdesk.core.exports.pdf import render_pdf, write_pdf
from mzdesk.core.exports.xlsx import write_xlsx

__all__ = ["render_pdf", "write_csv", "write_pdf", "write_xlsx"]
