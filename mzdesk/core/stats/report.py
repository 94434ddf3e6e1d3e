"""The statistics of one period: figures (JSON), tables with German headers (exports).

``compute_statistics`` runs every aggregate (GROUP BY in SQL, one query per breakdown) and
returns a ``StatsReport``; ``report.as_dict()`` is what ``mzdesk stats --json`` prints and
``report.tables(suppress_below=…)`` what the XLSX, CSV and PDF exports write.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from sqlalchemy.orm import Session

from mzdesk import __version__
from mzdesk.core import access, reference, scope
from mzdesk.core.stats import caseload, events, placements, referrals
from mzdesk.core.stats.common import BreakdownRow
from mzdesk.core.stats.period import Period
from mzdesk.core.stats.suppression import (
    HIDDEN_VALUE,
    Equation,
    Position,
    Suppressed,
    suppression_mask,
)

METHOD = (
    "Counting follows the SGB II integration indicator: events, not persons — a person with "
    "two placements counts twice. A placement counts in the period its start date falls in; "
    "legal category, residence status and refugee flag are those at its start date."
)
METHOD_DE = (
    "Gezählt werden Ereignisse, nicht Personen (wie beim SGB-II-Integrationsindikator): Eine "
    "Person mit zwei Vermittlungen zählt zweimal. Eine Vermittlung zählt in dem Zeitraum, in "
    "den ihr Beginn fällt; Rechtskreis, Aufenthaltsstatus und Fluchthintergrund gelten zum "
    "Beginndatum."
)

ColumnKind = Literal["text", "count", "days", "date"]
Cell = str | int | float | date | None | Suppressed


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # German
    kind: ColumnKind = "count"
    # For a "days" column: the count column whose suppression hides this value too.
    depends_on: str | None = None


@dataclass
class Table:
    key: str
    sheet: str  # worksheet name (≤ 31 characters, no / \ ? * [ ])
    title: str  # German
    columns: tuple[Column, ...]
    rows: list[list[Cell]] = field(default_factory=list)
    suppressed: int = 0  # how many cells were suppressed
    # Sums a reader can see besides the Summe row (which every table with one has): per row,
    # a count column that is the sum of other count columns ("total" = the statuses) ...
    row_sums: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # ... and, in a one-column table (the overview), a row that is the sum of other rows.
    label_sums: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)


@dataclass
class StatsReport:
    period: Period
    placements: placements.PlacementStats
    referrals: referrals.ReferralStats
    events: events.EventStats
    caseload: caseload.CaseloadStats

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.as_dict(),
            "method": METHOD,
            "method_de": METHOD_DE,
            "placements": self.placements.as_dict(),
            "referrals": self.referrals.as_dict(),
            "events": self.events.as_dict(),
            "caseload": self.caseload.as_dict(),
            "generator": f"mzdesk {__version__}",
        }

    def tables(self, suppress_below: int = 0) -> list[Table]:
        """The tables; with ``suppress_below`` > 1, small counts suppressed.

        A figure shown in several tables (the overview's "in Arbeit" is each breakdown's
        Summe of "Arbeit") is hidden in all of them once one table has to hide it: hidden
        in one and shown in another, it would protect nothing.
        """
        tables = _tables(self)
        if suppress_below <= 1:
            return tables
        keyed = [figure_keys(self, table) for table in tables]
        seen: dict[str, int] = {}
        for keys in keyed:
            for key in set(keys.values()):
                seen[key] = seen.get(key, 0) + 1
        shared = [{cell: k for cell, k in keys.items() if seen[k] > 1} for keys in keyed]
        forced: set[str] = set()
        while True:
            result = [
                suppress(
                    table,
                    suppress_below,
                    forced={
                        (r, table.column_index(c)) for (r, c), k in keys.items() if k in forced
                    },
                )
                for table, keys in zip(tables, shared, strict=True)
            ]
            hidden = {
                key
                for table, keys in zip(result, shared, strict=True)
                for (r, c), key in keys.items()
                if _is_secondary(table.rows[r][table.column_index(c)])
            }
            if hidden <= forced:
                return result
            forced |= hidden


def compute_statistics(session: Session, period: Period) -> StatsReport:
    """The organisation's aggregate figures (team leads; see ``mzdesk.core.access``)."""
    access.require(session, access.Action.READ_STATISTICS)
    # Aggregates count the whole organisation (no record leaves, small counts are suppressed
    # where shown); the drill-downs behind them stay in the lead's scope.
    with scope.unscoped(session, scope.Purpose.STATISTICS):
        return StatsReport(
            period=period,
            placements=placements.compute(session, period),
            referrals=referrals.compute(session, period),
            events=events.compute(session, period),
            caseload=caseload.compute(session, period),
        )


def _is_secondary(cell: Cell) -> bool:
    return isinstance(cell, Suppressed) and not cell.primary


def _grid(table: Table) -> list[list[int | None]]:
    count_columns = [c.kind == "count" for c in table.columns]
    return [
        [
            int(cell) if count_columns[i] and isinstance(cell, int) else None
            for i, cell in enumerate(row)
        ]
        for row in table.rows
    ]


def equations(table: Table) -> tuple[list[Equation], set[Position]]:
    """The sums a reader of ``table`` can see, and the sum cells (margins).

    Only sums that hold in the data count: a Summe row cell that is the sum of the cells above
    it (caseload's "active cases" is not: a case with two counsellors' contacts counts for
    both), the table's ``row_sums`` and ``label_sums``.
    """
    grid = _grid(table)
    found: list[Equation] = []

    def add(total: Position, parts: list[Position]) -> None:
        values = [grid[r][c] for r, c in (total, *parts)]
        complete = parts and all(v is not None for v in values)
        if complete and sum(int(v or 0) for v in values[1:]) == values[0]:
            found.append(Equation(total, tuple(parts)))

    has_sum_row = bool(table.rows) and table.rows[-1][0] == "Summe"
    last = len(table.rows) - 1
    if has_sum_row:
        for c, column in enumerate(table.columns):
            if column.kind == "count":
                add((last, c), [(r, c) for r in range(last)])
    for total_key, part_keys in table.row_sums:
        total_c = table.column_index(total_key)
        part_cs = [table.column_index(k) for k in part_keys]
        for r in range(len(table.rows)):
            add((r, total_c), [(r, c) for c in part_cs])
    if table.label_sums:
        labels = {str(row[0]): r for r, row in enumerate(table.rows)}
        value_c = table.column_index("value")
        for total_label, part_labels in table.label_sums:
            if total_label in labels and all(label in labels for label in part_labels):
                add(
                    (labels[total_label], value_c),
                    [(labels[label], value_c) for label in part_labels],
                )
    return found, {e.total for e in found}


def suppress(table: Table, threshold: int, forced: Collection[Position] = ()) -> Table:
    """A copy of ``table`` with small counts (and what would reveal them) suppressed;
    ``forced`` cells are hidden as "x" whatever their value."""
    found, margins = equations(table)
    mask = suppression_mask(_grid(table), threshold, found, margins=margins, forced=forced)
    rows: list[list[Cell]] = []
    for r, row in enumerate(table.rows):
        new_row: list[Cell] = [
            Suppressed(threshold, mask[(r, c)]) if (r, c) in mask else cell
            for c, cell in enumerate(row)
        ]
        for c, column in enumerate(table.columns):
            if column.depends_on is not None:
                source = table.column_index(column.depends_on)
                if (r, source) in mask and new_row[c] is not None:
                    new_row[c] = HIDDEN_VALUE
        rows.append(new_row)
    return replace(table, rows=rows, suppressed=len(mask))


# --- the tables ---------------------------------------------------------------------------

BREAKDOWN_COLUMNS = (
    Column("total", "Gesamt"),
    Column("work", "Arbeit"),
    Column("training", "Ausbildung"),
    Column("refugees", "Geflüchtete"),
)


def _breakdown(key: str, sheet: str, title: str, header: str, rows: list[BreakdownRow]) -> Table:
    table = Table(key, sheet, title, (Column("label", header, "text"), *BREAKDOWN_COLUMNS))
    for row in rows:
        table.rows.append([row.label, row.total, row.work, row.training, row.refugees])
    table.rows.append(
        [
            "Summe",
            sum(r.total for r in rows),
            sum(r.work for r in rows),
            sum(r.training for r in rows),
            sum(r.refugees for r in rows),
        ]
    )
    return table


STATUS_HEADERS = {
    "draft": "Entwurf",
    "sent": "Versandt",
    "accepted": "Angenommen",
    "rejected": "Abgelehnt",
    "done": "Erledigt",
    "revoked": "Widerrufen",
}


def _tables(report: StatsReport) -> list[Table]:
    p, r, e, c = report.placements, report.referrals, report.events, report.caseload
    overview = Table(
        "overview",
        "Überblick",
        f"Überblick {report.period.label}",
        (Column("figure", "Kennzahl", "text"), Column("value", "Wert")),
        label_sums=(
            (
                "Vermittlungen gesamt",
                ("in Arbeit", "in Ausbildung", "in Kurse", "Anerkennungsverfahren"),
            ),
            ("in Arbeit und Ausbildung", ("in Arbeit", "in Ausbildung")),
            ("Teilnehmende", ("davon angemeldet", "davon anonym gezählt")),
        ),
    )
    for label, value in (
        ("Vermittlungen gesamt", p.total),
        ("in Arbeit", p.work),
        ("in Ausbildung", p.training),
        ("in Arbeit und Ausbildung", p.work_and_training),
        ("davon Geflüchtete (Arbeit und Ausbildung)", p.refugees_work_and_training),
        ("Geflüchtete (alle Vermittlungen)", p.refugees),
        (
            "SGB-II-Integrationsindikator (SV-Beschäftigung, Selbständigkeit, Ausbildung)",
            p.sgb2_indicator,
        ),
        ("in Kurse", p.course),
        ("Anerkennungsverfahren", p.recognition),
        ("Personen mit Vermittlung", p.persons),
        ("Überweisungen", r.total),
        ("Veranstaltungen", len(e.rows)),
        ("Teilnehmende", e.total("attendees")),
        ("davon angemeldet", e.total("registered")),
        ("davon anonym gezählt", e.total("anonymous")),
        ("Arbeitgeberkontakte", e.total("employer_contacts")),
        ("Vorstellungsgespräche", e.total("interviews")),
        ("Einstellungen", e.total("hires")),
        ("Offene Fälle zum Stichtag", c.open_at_end),
        ("Aktive Fälle (mit Kontakt)", c.active_cases),
        ("Neue Fälle", c.new_cases),
        ("Kontakte", c.contacts),
    ):
        overview.rows.append([label, value])

    groups = placements.kind_groups()
    group_labels = {
        "work": "Arbeit",
        "training": "Ausbildung",
        "course": "Kurs",
        "recognition": "Anerkennung",
    }
    kinds = Table(
        "by_kind",
        "Nach Art",
        "Vermittlungen nach Art",
        (
            Column("label", "Art", "text"),
            Column("group", "Gruppe", "text"),
            Column("total", "Anzahl"),
            Column("refugees", "davon Geflüchtete"),
        ),
    )
    for code, count in p.by_kind.items():
        kinds.rows.append(
            [
                reference.label("placement_kinds", code),
                group_labels.get(groups.get(code, ""), ""),
                count,
                p.refugees_by_kind.get(code, 0),
            ]
        )
    kinds.rows.append(["Summe", "", p.total, p.refugees])

    refs = Table(
        "referrals",
        "Überweisungen",
        "Überweisungen nach Partnerart",
        (
            Column("label", "Partnerart", "text"),
            Column("total", "Gesamt"),
            *(Column(key, header) for key, header in STATUS_HEADERS.items()),
            Column("answered", "Beantwortet"),
            Column("median", "Antwortzeit (Median, Tage)", "days", depends_on="answered"),
        ),
        row_sums=(("total", tuple(STATUS_HEADERS)),),
    )
    for row in r.kind_rows:
        refs.rows.append(
            [
                row.label,
                row.total,
                *(row.by_status.get(key, 0) for key in STATUS_HEADERS),
                row.answered,
                row.median_answer_days,
            ]
        )
    refs.rows.append(
        [
            "Summe",
            r.total,
            *(r.by_status.get(key, 0) for key in STATUS_HEADERS),
            r.answered,
            r.median_answer_days,
        ]
    )

    event_table = Table(
        "events",
        "Veranstaltungen",
        "Veranstaltungen",
        (
            Column("label", "Veranstaltung", "text"),
            Column("date", "Datum", "date"),
            Column("attendees", "Teilnehmende"),
            Column("registered", "angemeldet"),
            Column("anonymous", "anonym gezählt"),
            Column("employers", "Arbeitgeber"),
            Column("employer_contacts", "Arbeitgeberkontakte"),
            Column("interviews", "Vorstellungsgespräche"),
            Column("applications", "Bewerbungen"),
            Column("hires", "Einstellungen"),
        ),
        row_sums=(("attendees", ("registered", "anonymous")),),
    )
    measures: tuple[str, ...] = ("attendees", "registered", "anonymous", "employers")
    measures += ("employer_contacts", "interviews", "applications", "hires")
    for event in e.rows:
        event_table.rows.append(
            [event.name, event.starts_on, *(int(getattr(event, name)) for name in measures)]
        )
    event_table.rows.append(["Summe", None, *(e.total(name) for name in measures)])

    load = Table(
        "caseload",
        "Fallbelastung",
        f"Fallbelastung nach Berater/in (Stichtag {report.period.end:%d.%m.%Y})",
        (
            Column("label", "Berater/in", "text"),
            Column("team", "Team", "text"),
            Column("open_at_end", "Offene Fälle (Stichtag)"),
            Column("active_cases", "Aktive Fälle"),
            Column("new_cases", "Neue Fälle"),
            Column("closed_cases", "Abgeschlossene Fälle"),
            Column("contacts", "Kontakte"),
        ),
    )
    names = caseload.MEASURES
    for person in c.rows:
        load.rows.append([person.label, person.team, *(getattr(person, n) for n in names)])
    load.rows.append(["Summe", "", *(getattr(c, n) for n in names)])

    return [
        overview,
        kinds,
        _breakdown(
            "by_legal_category",
            "Nach Rechtskreis",
            "Vermittlungen nach Rechtskreis (zum Beginn)",
            "Rechtskreis",
            p.legal_category_rows,
        ),
        _breakdown(
            "by_residence_status",
            "Nach Aufenthaltsstatus",
            "Vermittlungen nach Aufenthaltsstatus (zum Beginn)",
            "Aufenthaltsstatus",
            p.residence_status_rows,
        ),
        _breakdown(
            "by_nationality",
            "Nach Staatsangehörigkeit",
            "Vermittlungen nach (erster) Staatsangehörigkeit",
            "Staatsangehörigkeit",
            p.nationality_rows,
        ),
        _breakdown(
            "by_counsellor",
            "Nach Berater-in",
            "Vermittlungen nach Berater/in",
            "Berater/in",
            p.counsellor_rows,
        ),
        _breakdown("by_team", "Nach Team", "Vermittlungen nach Team", "Team", p.team_rows),
        refs,
        event_table,
        load,
    ]


# --- the figure behind each cell ------------------------------------------------------------

OVERVIEW_KEYS = {
    "Vermittlungen gesamt": "placements.total",
    "in Arbeit": "placements.work",
    "in Ausbildung": "placements.training",
    "in Arbeit und Ausbildung": "placements.work_and_training",
    "davon Geflüchtete (Arbeit und Ausbildung)": "placements.refugees_work_and_training",
    "Geflüchtete (alle Vermittlungen)": "placements.refugees",
    "SGB-II-Integrationsindikator (SV-Beschäftigung, Selbständigkeit, Ausbildung)": (
        "placements.sgb2_indicator"
    ),
    "in Kurse": "placements.course",
    "Anerkennungsverfahren": "placements.recognition",
    "Überweisungen": "referrals.total",
    "Teilnehmende": "events.attendees",
    "davon angemeldet": "events.registered",
    "davon anonym gezählt": "events.anonymous",
    "Arbeitgeberkontakte": "events.employer_contacts",
    "Vorstellungsgespräche": "events.interviews",
    "Einstellungen": "events.hires",
    "Offene Fälle zum Stichtag": "caseload.open_at_end",
    "Aktive Fälle (mit Kontakt)": "caseload.active_cases",
    "Neue Fälle": "caseload.new_cases",
    "Kontakte": "caseload.contacts",
}
BREAKDOWN_ROWS = {
    "by_legal_category": "legal_category_rows",
    "by_residence_status": "residence_status_rows",
    "by_nationality": "nationality_rows",
    "by_counsellor": "counsellor_rows",
    "by_team": "team_rows",
}


def figure_keys(report: StatsReport, table: Table) -> dict[tuple[int, str], str]:
    """(row, column key) → the figure of that cell (its drill-down key), where it has one.

    The same key in two tables is the same figure (the suppression keeps them alike).
    """
    keys: dict[tuple[int, str], str] = {}
    last = len(table.rows) - 1
    if table.key == "overview":
        for r, row in enumerate(table.rows):
            key = OVERVIEW_KEYS.get(str(row[0]))
            if key is not None:
                keys[(r, "value")] = key
    elif table.key in BREAKDOWN_ROWS:
        rows = getattr(report.placements, BREAKDOWN_ROWS[table.key])
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
            for status in STATUS_HEADERS:
                keys[(r, status)] = f"referrals.by_partner_kind.{kind.key}.{status}"
        keys[(last, "total")] = "referrals.total"
        keys[(last, "answered")] = "referrals.answered"
        for status in STATUS_HEADERS:
            keys[(last, status)] = f"referrals.by_status.{status}"
    elif table.key == "events":
        for r, event in enumerate(report.events.rows):
            keys[(r, "attendees")] = f"events.by_event.{event.id}"
        for column in ("attendees", "registered", "anonymous", "employer_contacts"):
            keys[(last, column)] = f"events.{column}"
        keys[(last, "interviews")] = "events.interviews"
        keys[(last, "hires")] = "events.hires"
    elif table.key == "caseload":
        for r, person in enumerate(report.caseload.rows):
            for measure in caseload.MEASURES:
                keys[(r, measure)] = f"caseload.by_counsellor.{person.key}.{measure}"
        for measure in caseload.MEASURES:
            keys[(last, measure)] = f"caseload.{measure}"
    return keys
