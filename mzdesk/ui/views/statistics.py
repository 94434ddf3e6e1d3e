"""The statistics area: a period, "Compute", tables and a chart, drill-down, exports.

Computing runs in a :class:`BackgroundOp` (at 200,000 persons a year's statistics take
seconds); so do drill-downs and exports. The tables show the unsuppressed figures (the view is
for staff); the exports suppress small counts unless the box is unticked. Double-clicking a
count lists the records behind it (ids and the persons' file numbers, no names).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

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
from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.exports.statistics import export_statistics
from mzdesk.core.models import Attendance, Case, Contact, EventContact, Person, Placement, Referral
from mzdesk.core.stats import DrillDown, Period, StatsReport, Table, compute_statistics, drill_down
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
    "referrals",
    "events",
)
_CHUNK = 5000  # ids per IN (...) when looking up file numbers


# --- figure keys behind the cells -------------------------------------------------------------

_OVERVIEW_KEYS = {
    "Vermittlungen gesamt": "placements.total",
    "in Arbeit": "placements.work",
    "in Ausbildung": "placements.training",
    "in Arbeit und Ausbildung": "placements.work_and_training",
    "davon Geflüchtete (Arbeit und Ausbildung)": "placements.refugees_work_and_training",
    "Geflüchtete (alle Vermittlungen)": "placements.refugees",
    "in Kurse": "placements.course",
    "Anerkennungsverfahren": "placements.recognition",
    "Überweisungen": "referrals.total",
    "Teilnehmende": "events.attendees",
    "davon angemeldet": "events.registered",
    "davon anonym gezählt": "events.anonymous",
    "Arbeitgeberkontakte": "events.employer_contacts",
    "Offene Fälle zum Stichtag": "caseload.open_at_end",
    "Aktive Fälle (mit Kontakt)": "caseload.active_cases",
    "Neue Fälle": "caseload.new_cases",
    "Kontakte": "caseload.contacts",
}
_BREAKDOWN_ROWS = {
    "by_legal_category": "legal_category_rows",
    "by_residence_status": "residence_status_rows",
    "by_nationality": "nationality_rows",
    "by_counsellor": "counsellor_rows",
    "by_team": "team_rows",
}
_STATUSES = ("draft", "sent", "accepted", "rejected", "done", "revoked")


def figure_keys(report: StatsReport, table: Table) -> dict[tuple[int, str], str]:
    """(row, column key) → the drill-down key of that cell, for the cells that have one."""
    keys: dict[tuple[int, str], str] = {}
    last = len(table.rows) - 1
    if table.key == "overview":
        for r, row in enumerate(table.rows):
            key = _OVERVIEW_KEYS.get(str(row[0]))
            if key is not None:
                keys[(r, "value")] = key
    elif table.key in _BREAKDOWN_ROWS:
        rows = getattr(report.placements, _BREAKDOWN_ROWS[table.key])
        for r, breakdown in enumerate(rows):
            keys[(r, "total")] = f"placements.{table.key}.{breakdown.key}"
        for column in ("total", "work", "training", "refugees"):
            keys[(last, column)] = f"placements.{column}"
    elif table.key == "by_kind":
        for r, code in enumerate(report.placements.by_kind):
            keys[(r, "total")] = f"placements.by_kind.{code}"
        keys[(last, "total")] = "placements.total"
        keys[(last, "refugees")] = "placements.refugees"
    elif table.key == "referrals":
        for r, kind in enumerate(report.referrals.kind_rows):
            keys[(r, "total")] = f"referrals.by_partner_kind.{kind.key}"
            for status in _STATUSES:
                keys[(r, status)] = f"referrals.by_partner_kind.{kind.key}.{status}"
        keys[(last, "total")] = "referrals.total"
        keys[(last, "answered")] = "referrals.answered"
        for status in _STATUSES:
            keys[(last, status)] = f"referrals.by_status.{status}"
    elif table.key == "events":
        for r, event in enumerate(report.events.rows):
            keys[(r, "attendees")] = f"events.by_event.{event.id}"
        for column in ("attendees", "registered", "anonymous", "employer_contacts"):
            keys[(last, column)] = f"events.{column}"
    return keys


# --- looking up file numbers for a drill-down ---------------------------------------------------


def _file_number_query(entity: str) -> Any:
    if entity == "placements":
        return select(Placement.id, Person.file_number).join(
            Person, Person.id == Placement.person_id
        ), Placement.id
    if entity == "referrals":
        return (
            select(Referral.id, Person.file_number)
            .join(Case, Case.id == Referral.case_id)
            .join(Person, Person.id == Case.person_id)
        ), Referral.id
    if entity == "cases":
        return select(Case.id, Person.file_number).join(
            Person, Person.id == Case.person_id
        ), Case.id
    if entity == "contacts":
        return (
            select(Contact.id, Person.file_number)
            .join(Case, Case.id == Contact.case_id)
            .join(Person, Person.id == Case.person_id)
        ), Contact.id
    if entity == "attendances":
        return select(Attendance.id, Person.file_number).outerjoin(
            Person, Person.id == Attendance.person_id
        ), Attendance.id
    if entity == "event_contacts":
        return (
            select(EventContact.id, Person.file_number)
            .join(Attendance, Attendance.id == EventContact.attendance_id)
            .outerjoin(Person, Person.id == Attendance.person_id)
        ), EventContact.id
    return None, None


def file_numbers(session: Session, drill: DrillDown) -> list[tuple[uuid.UUID, str]]:
    """The drill-down's ids with the file number of the person behind each ("" if none)."""
    query, id_column = _file_number_query(drill.entity)
    found: dict[uuid.UUID, str] = {}
    if query is not None:
        ids = list(drill.ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for record_id, number in session.execute(query.where(id_column.in_(chunk))):
                found[record_id] = number or ""
    return [(record_id, found.get(record_id, "")) for record_id in drill.ids]


class DrillDialog(QDialog):
    def __init__(self, title: str, rows: Sequence[tuple[uuid.UUID, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.label = QLabel(
            QCoreApplication.translate("StatisticsView", "%n record(s)", "", len(rows))
        )
        layout.addWidget(self.label)
        self.table = QTableView(self)
        self.table.setAccessibleName(title)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not cell to cell
        self.model = DrillModel(rows, self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 420)


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
                "Statistics %1: %2 placements, %3 referrals. Double-click a figure for details."
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
        axis_y.setRange(0, max([*values, 1]) * 1.15)
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None:
            old.deleteLater()

    # --- drill-down -------------------------------------------------------------------------

    def drill(
        self, model: StatsTableModel, index: QModelIndex
    ) -> BackgroundOp[list[tuple[uuid.UUID, str]]] | None:
        key = model.figure_key(index)
        if key is None or self.report is None:
            return None
        period = self.report.period
        context = self._context
        row_label = str(model.table.rows[index.row()][0])
        column = model.table.columns[index.column()].header
        title = f"{model.table.title} – {row_label} – {column} ({period.label})"

        def op(_progress: Progress) -> list[tuple[uuid.UUID, str]]:
            return context.read(
                lambda session: file_numbers(session, drill_down(session, key, period))
            )

        def show(rows: list[tuple[uuid.UUID, str]]) -> None:
            dialog = DrillDialog(title, rows, self)
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
