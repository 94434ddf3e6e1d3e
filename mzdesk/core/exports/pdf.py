"""The statistics as a PDF report (reportlab): A4, the tables and simple bar charts.

Only the bundled DejaVu Sans is used, embedded; the canvas's initial font is DejaVu too, so
no non-embedded Helvetica reference ends up in the file (setup-notes.md). Suppressed counts
are drawn as empty bars labelled ``<3``. "Seite x von y" in the footer.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from mzdesk.core import fonts
from mzdesk.core.exports.common import cell_text, header_lines
from mzdesk.core.files import write_private
from mzdesk.core.stats.report import StatsReport, Table
from mzdesk.core.stats.suppression import Suppressed

REGULAR = fonts.REGULAR
BOLD = fonts.BOLD


def _bar_chart(title: str, labels: list[str], cells: list[Any], width: float) -> Any:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    values = [0 if isinstance(c, Suppressed) or c is None else int(c) for c in cells]
    bar_height = 14
    height = 30 + bar_height * max(len(values), 1)
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR  # else the renderer starts with a Helvetica reference
    drawing.add(String(0, height - 12, title, fontName=BOLD, fontSize=9))
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 6
    chart.width, chart.height = width - 200, height - 30
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed([label[:28] for label in labels]))
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 1]) * 1.15
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.bars[0].fillColor = colors.HexColor("#3b6ea5")
    chart.bars[0].strokeColor = None
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    shown = list(reversed([cell_text(c) for c in cells]))
    chart.barLabelFormat = "values"  # the texts below: "1.234", "<3"
    chart.barLabelArray = [shown]
    drawing.add(chart)
    return drawing


def _table_flowable(table: Table, width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, TableStyle
    from reportlab.platypus import Table as PdfTable

    left = ParagraphStyle("th", fontName=BOLD, fontSize=7, leading=8.5, alignment=TA_LEFT)
    right = ParagraphStyle("th-r", parent=left, alignment=TA_RIGHT)
    # Headers wrap (a table with ten columns has narrow ones).
    data: list[list[Any]] = [
        [
            Paragraph(escape(column.header), left if column.kind == "text" else right)
            for column in table.columns
        ]
    ]
    cell_style = ParagraphStyle("td", parent=left, fontName=REGULAR)
    data += [
        [
            Paragraph(escape(cell_text(cell)), left if row[0] == "Summe" else cell_style)
            if column.kind == "text"
            else cell_text(cell)
            for cell, column in zip(row, table.columns, strict=True)
        ]
        for row in table.rows
    ]
    count = len(table.columns)
    first = width * (0.5 if count <= 4 else 0.34 if count <= 7 else 0.24)
    others = (width - first) / max(len(table.columns) - 1, 1)
    flowable = PdfTable(data, colWidths=[first, *[others] * (len(table.columns) - 1)], repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), 7),
        ("LEADING", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4ebf3")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#3b6ea5")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f6f6")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for index, column in enumerate(table.columns):
        if column.kind != "text":
            style.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    if table.rows and table.rows[-1][0] == "Summe":
        style.append(("FONTNAME", (0, -1), (-1, -1), BOLD))
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.4, colors.grey))
    flowable.setStyle(TableStyle(style))
    return flowable


def render_pdf(report: StatsReport, *, suppress_below: int = 3) -> bytes:
    fonts.register_fonts()
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from mzdesk.core.exports.paging import a4_document, build_with_footer

    tables = {table.key: table for table in report.tables(suppress_below)}
    buffer = BytesIO()
    doc = a4_document(
        buffer,
        title=f"Statistik {report.period.label}",
        margins=(18, 18, 18, 18),
        subject="Vermittlungen, Überweisungen, Veranstaltungen, Fallbelastung",
    )
    width = doc.width
    title = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=6)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=10)
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=8, leading=10.5, spaceAfter=3)
    story: list[Any] = [Paragraph(escape(f"Statistik {report.period.label}"), title)]
    story += [Paragraph(escape(line), body) for line in header_lines(report, suppress_below)]

    def chart(key: str, chart_title: str, value_column: str, skip_sum: bool = True) -> None:
        table = tables[key]
        rows = [row for row in table.rows if not (skip_sum and row[0] == "Summe")]
        index = table.column_index(value_column)
        story.append(
            _bar_chart(
                chart_title, [str(row[0]) for row in rows], [row[index] for row in rows], width
            )
        )

    overview = tables["overview"]
    story.append(
        KeepTogether([Paragraph(escape(overview.title), heading), _table_flowable(overview, width)])
    )
    story.append(Spacer(1, 6))
    chart("by_legal_category", "Vermittlungen nach Rechtskreis (zum Beginn)", "total")
    chart("by_kind", "Vermittlungen nach Art", "total")
    for key in ("by_kind", "by_legal_category", "by_residence_status", "by_nationality"):
        table = tables[key]
        story.append(Paragraph(escape(table.title), heading))
        story.append(_table_flowable(table, width))
    for key in ("by_team", "by_counsellor", "referrals", "events", "caseload"):
        table = tables[key]
        story.append(Paragraph(escape(table.title), heading))
        if key == "referrals":
            statuses = ["draft", "sent", "accepted", "rejected", "done", "revoked"]
            summe = table.rows[-1]
            story.append(
                _bar_chart(
                    "Überweisungen nach Ergebnis",
                    [table.columns[table.column_index(s)].header for s in statuses],
                    [summe[table.column_index(s)] for s in statuses],
                    width,
                )
            )
        story.append(_table_flowable(table, width))

    build_with_footer(doc, story, f"mzdesk – Statistik {report.period.label}")
    return buffer.getvalue()


def write_pdf(report: StatsReport, path: Path, *, suppress_below: int = 3) -> None:
    write_private(path, render_pdf(report, suppress_below=suppress_below))
