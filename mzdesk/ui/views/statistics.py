"""The statistics area: a period, "Compute", tables and a chart, drill-down, exports.

Computing runs in a :class:`BackgroundOp` (at 200,000 persons a year's statistics take
seconds); so do drill-downs and exports. The tables show the unsuppressed figures (the view is
for staff) — the same tables, from the same core functions, as the exports, which suppress
small counts unless the box is unticked. Enter or a double click on a count lists the records
behind it (Aktenzeichen, name, date, kind; :mod:`mzdesk.core.stats.rows`): the figures are the
organisation's, the list is the lead's team only, and the dialog says so ("Liste: nur Team
Nord — 116 von 266 …"); Enter on a row opens the person's file.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.exports.statistics import export_statistics
from mzdesk.core.stats import Period, StatsReport, Table, compute_statistics
from mzdesk.core.stats.report import figure_keys
from mzdesk.core.stats.rows import DrillList, drill_list
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView
from mzdesk.ui.file_dialogs import Kind, file_name, save_file
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.models.drill_table import DrillModel
from mzdesk.ui.models.stats_table import StatsTableModel
from mzdesk.ui.operations import BackgroundOp, Progress

SUPPRESS_BELOW = 3
SHOWN_TABLES = (
    "overview",
    "by_legal_category",
    "by_kind",
    "by_residence_status",
    "by_nationality",
    "by_counsellor",
    "by_team",
    "caseload",
    "referrals",
    "events",
)


def nice_axis(highest: float, ticks: int = 5) -> tuple[int, int]:
    """A round tick step (1, 2 or 5 times a power of ten, at least 1) and the axis top, a
    multiple of it at or above ``highest``, for about ``ticks`` intervals: 0/50/100/150/200
    rather than 0/47/94/142/189."""
    rough = max(highest / ticks, 1.0)
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    return int(step), int(step * math.ceil(highest / step))


def figure_value(table: Table, row: int, column: int) -> int | None:
    """The count shown in a cell (the window shows the unsuppressed figures)."""
    value = table.rows[row][column]
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def scope_note(drill: DrillList, figure: int | None) -> str:
    """What the list is, in one line: all of the figure, or the lead's team only."""
    counted = drill.counted
    locale = QLocale()
    shown = locale.toString(counted)
    whole = locale.toString(figure) if figure is not None else "?"
    if not drill.limited:
        return (
            QCoreApplication.translate(
                "StatisticsView", "List: %1 of %2, every record behind the figure"
            )
            .replace("%1", shown)
            .replace("%2", whole)
        )
    if drill.team:
        text = QCoreApplication.translate(
            "StatisticsView",
            "List: %1 only — %2 of %3; the figure is for the whole organisation",
        )
        return text.replace("%1", drill.team).replace("%2", shown).replace("%3", whole)
    text = QCoreApplication.translate(
        "StatisticsView",
        "List: only the records you may see — %1 of %2; the figure is for the whole organisation",
    )
    return text.replace("%1", shown).replace("%2", whole)


class DrillDialog(QDialog):
    """The records behind a figure; Enter or a double click on a row opens the person."""

    def __init__(
        self,
        title: str,
        drill: DrillList,
        figure: int | None,
        parent: QWidget,
        open_person: Callable[[uuid.UUID], None] = lambda _person_id: None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.drill = drill
        self._open_person = open_person
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        self.label = QLabel(scope_note(drill, figure), self)
        self.label.setObjectName("scopeNote")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.table = QTableView(self)
        self.table.setAccessibleName(title)
        self.table.setAccessibleDescription(self.label.text())
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not cell to cell
        self.model = DrillModel(drill.rows, self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        layout.addWidget(self.table)
        hint = QLabel(
            QCoreApplication.translate(
                "StatisticsView", "Enter or a double click opens the person's file."
            ),
            self,
        )
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()
        self.resize(760, 480)

    def open_row(self, row: int) -> bool:
        person_id = self.model.person_id(row)
        if person_id is None:
            return False
        self._open_person(person_id)
        return True


# --- the view ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Export:
    suffix: str
    name_filter: str


class StatisticsView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.form = load_form("statistics_view.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.year_spin = child(self.form, QSpinBox, "yearSpin")
        self.part_combo = child(self.form, QComboBox, "partCombo")
        self.compute_button = child(self.form, QPushButton, "computeButton")
        self.suppress_check = child(self.form, QCheckBox, "suppressCheck")
        self.xlsx_button = child(self.form, QPushButton, "xlsxButton")
        self.csv_button = child(self.form, QPushButton, "csvButton")
        self.pdf_button = child(self.form, QPushButton, "pdfButton")
        self.status_label = child(self.form, QLabel, "statusLabel")
        self.tabs = child(self.form, QTabWidget, "tabs")

        self.year_spin.setValue(date.today().year)
        self.part_combo.addItem(self.tr("Whole year"), ("year", 0))
        for quarter in range(1, 5):
            self.part_combo.addItem(
                self.tr("Quarter %1").replace("%1", str(quarter)), ("q", quarter)
            )
        for month in range(1, 13):
            name = self.locale().standaloneMonthName(month)
            self.part_combo.addItem(name, ("m", month))

        self.report: StatsReport | None = None
        self.models: dict[str, StatsTableModel] = {}
        self.views: dict[str, QTableView] = {}
        self.chart_view = QChartView(self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.hide()  # shown as a tab once computed, never loose over the form
        self.last_drill: DrillDialog | None = None

        self.compute_button.clicked.connect(self.compute)
        self._exports = {
            "xlsx": _Export("xlsx", self.tr("Excel workbook (*.xlsx)")),
            "csv": _Export("csv", self.tr("CSV file (*.csv)")),
            "pdf": _Export("pdf", self.tr("PDF document (*.pdf)")),
        }
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))

    # --- computing --------------------------------------------------------------------------

    def period(self) -> Period:
        year = self.year_spin.value()
        kind, number = self.part_combo.currentData()
        if kind == "q":
            return Period.quarter(year, number)
        if kind == "m":
            return Period.month(year, number)
        return Period.year(year)

    def compute(self) -> BackgroundOp[StatsReport]:
        period = self.period()
        context = self._context

        def op(_progress: Progress) -> StatsReport:
            return context.read(lambda session: compute_statistics(session, period))

        self.compute_button.setEnabled(False)
        self.status_label.setText(self.tr("Computing …"))

        def failed(error: BaseException) -> None:
            self.compute_button.setEnabled(True)
            self.status_label.setText(self.tr("The statistics could not be computed."))
            from mzdesk.ui.operations import show_error

            show_error(self, error)

        return (
            BackgroundOp(parent=self, op=op, success=self.show_report)
            .failure(failed)
            .with_progress(self.tr("Computing the statistics …"))
            .run_in_background()
        )

    def show_report(self, report: StatsReport) -> None:
        self.report = report
        self.compute_button.setEnabled(True)
        for button in (self.xlsx_button, self.csv_button, self.pdf_button):
            button.setEnabled(True)
        current = self.tabs.currentIndex()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not self.chart_view:
                widget.deleteLater()
        self.models.clear()
        self.views.clear()
        tables = {table.key: table for table in report.tables()}
        for key in SHOWN_TABLES:
            table = tables[key]
            model = StatsTableModel(table, figure_keys(report, table), self)
            view = QTableView(self)
            view.setObjectName(f"table_{key}")
            view.setAccessibleName(table.title)
            view.setTabKeyNavigation(False)  # Tab moves on, not cell to cell
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setAlternatingRowColors(True)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(False)
            view.activated.connect(  # double click or Enter
                lambda index, m=model: self.drill(m, index)
            )
            self.models[key] = model
            self.views[key] = view
            self.tabs.addTab(view, table.sheet)
            if key == "overview":
                self.tabs.addTab(self.chart_view, self.tr("Chart"))
        self._fill_chart(tables["by_legal_category"])
        self.tabs.setCurrentIndex(max(current, 0))
        self.status_label.setText(
            self.tr(
                "Statistics %1: %2 placements, %3 referrals (placements count events, not "
                "persons). Enter or a double click on a figure lists its records."
            )
            .replace("%1", report.period.label)
            .replace("%2", self.locale().toString(report.placements.total))
            .replace("%3", self.locale().toString(report.referrals.total))
        )

    def _fill_chart(self, table: Table) -> None:
        rows = [row for row in table.rows if row[0] != "Summe"]
        index = table.column_index("total")
        values = [int(row[index]) if isinstance(row[index], int) else 0 for row in rows]
        bar_set = QBarSet(self.tr("Placements"))
        bar_set.append([float(v) for v in values])
        series = QBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(table.title)
        chart.legend().hide()
        axis_x = QBarCategoryAxis()
        axis_x.append([str(row[0]) for row in rows])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        step, top = nice_axis(max([*values, 1]) * 1.1)
        axis_y.setRange(0, top)
        axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_y.setTickAnchor(0)
        axis_y.setTickInterval(step)
        axis_y.setMinorTickCount(0)
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None:
            old.deleteLater()

    # --- drill-down -------------------------------------------------------------------------

    def drill(self, model: StatsTableModel, index: QModelIndex) -> BackgroundOp[DrillList] | None:
        key = model.figure_key(index)
        if key is None and index.column() == 0:  # Enter on the row's label: its first figure
            for column in range(1, model.columnCount()):
                figure = model.index(index.row(), column)
                if model.figure_key(figure) is not None:
                    index, key = figure, model.figure_key(figure)
                    break
        if key is None or self.report is None:
            return None
        period = self.report.period
        context = self._context
        row_label = str(model.table.rows[index.row()][0])
        column = model.table.columns[index.column()].header
        title = f"{model.table.title} – {row_label} – {column} ({period.label})"
        figure = figure_value(model.table, index.row(), index.column())

        def op(_progress: Progress) -> DrillList:
            return context.read(lambda session: drill_list(session, key, period))

        def show(found: DrillList) -> None:
            dialog = DrillDialog(title, found, figure, self, context.show_person)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.last_drill = dialog
            dialog.show()

        return (
            BackgroundOp(parent=self, op=op, success=show)
            .with_progress(self.tr("Looking up the records …"))
            .run_in_background()
        )

    # --- exports ----------------------------------------------------------------------------

    def export(self, kind: str) -> BackgroundOp[Path] | None:
        report = self.report
        if report is None:
            return None
        spec = self._exports[kind]
        suggested = file_name(self.tr("Statistics"), report.period.label, suffix=spec.suffix)
        path = save_file(
            self,
            self.tr("Export statistics"),
            Kind.STATISTICS,
            suggested,
            spec.name_filter,
            settings=self._context.settings,
        )
        if path is None:
            return None
        if path.suffix.lower() != f".{spec.suffix}":
            path = path.with_name(f"{path.name}.{spec.suffix}")
        threshold = SUPPRESS_BELOW if self.suppress_check.isChecked() else 0

        context = self._context

        def op(_progress: Progress) -> Path:
            context.write(  # checked and audited in core, then committed
                lambda session: export_statistics(
                    session, report, spec.suffix, path, suppress_below=threshold
                )
            )
            return path

        def done(written: Path) -> None:
            self.status_label.setText(self.tr("Exported to %1").replace("%1", str(written)))

        return (
            BackgroundOp(parent=self, op=op, success=done)
            .with_progress(self.tr("Exporting …"))
            .run_in_background()
        )

    # --- selftest ---------------------------------------------------------------------------

    def selftest(self) -> str:
        period = self.period()
        report = self._context.read(lambda session: compute_statistics(session, period))
        self.show_report(report)
        model = self.models["by_legal_category"]
        if model.rowCount() < 2:
            raise AssertionError("the legal category table is empty")
        pixmap = self.grab()
        if pixmap.isNull() or pixmap.width() == 0:
            raise AssertionError("the statistics view did not render")
        return (
            f"{report.period.label}: {report.placements.total} placements, "
            f"{report.referrals.total} referrals"
        )


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="statistics",
            title=lambda: QCoreApplication.translate("Areas", "Statistics"),
            icon="statistics.svg",
            factory=StatisticsView,
            order=80,
        )
    )
