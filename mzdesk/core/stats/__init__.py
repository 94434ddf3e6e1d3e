"""Statistics: placements, referrals, events and caseload for a period, and their drill-down.

* ``compute_statistics(session, period)`` → ``StatsReport`` (``as_dict()``, ``tables()``);
* ``drill_down(session, figure_key, period)`` → the ids behind a figure, e.g.
  ``placements.by_legal_category.SGB2`` → placement ids, ``caseload.new_cases`` → case ids;
* ``bench_yearly`` / ``bench_yearly_raw``: the hooks ``mzdesk bench`` measures (the
  statistics as the CLI computes them, and the same SQL aggregates executed bare).

Every figure is an SQL aggregate (GROUP BY); Python only reshapes the grouped rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import SelectBase
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.stats import caseload, events, placements, referrals, scope
from mzdesk.core.stats.common import DrillDown, UnknownFigure
from mzdesk.core.stats.period import InvalidPeriod, Period, make_period, parse_date
from mzdesk.core.stats.report import METHOD, METHOD_DE, StatsReport, Table, compute_statistics

_DRILLS: dict[str, Callable[[Session, str, list[str], Period], DrillDown]] = {
    "placements": placements.drill,
    "referrals": referrals.drill,
    "events": events.drill,
    "caseload": caseload.drill,
}


def drill_down(session: Session, figure_key: str, period: Period) -> DrillDown:
    """The ids of the records behind ``figure_key`` (a dotted path into the JSON figures).

    Statistics are for team leads (``Action.READ_STATISTICS``); a lead's drill-down keeps
    only the records of their own team (see :mod:`mzdesk.core.stats.scope`), so it may list
    fewer ids than the organisation-wide figure. Otherwise counts of placements, referrals,
    cases and contacts have exactly as many ids as the figure; ``events.attendees`` lists
    attendance rows (an anonymous head count is one row).
    """
    access.require(session, access.Action.READ_STATISTICS)
    area, *parts = figure_key.strip().split(".")
    drill = _DRILLS.get(area)
    if drill is None or not parts:
        raise UnknownFigure(f"no such figure: {figure_key}", german="Diese Kennzahl gibt es nicht.")
    return scope.own_records(session, drill(session, figure_key, parts, period))


def all_statements(session: Session, period: Period) -> list[SelectBase]:
    """Every SQL aggregate the statistics run (for the benchmark and EXPLAIN QUERY PLAN)."""
    return [
        *placements.statements(period).values(),
        *referrals.statements(session, period).values(),
        *events.statements(period).values(),
        *caseload.statements(period).values(),
    ]


def bench_yearly(session: Session, year: int) -> dict[str, Any]:
    """The yearly statistics exactly as ``mzdesk stats --year Y --json`` builds them."""
    return compute_statistics(session, Period.year(year)).as_dict()


def bench_yearly_raw(session: Session, year: int) -> int:
    """Baseline: the same aggregates as literal SQL through the bare DB-API cursor."""
    connection = session.connection()
    dialect = connection.dialect
    rows = 0
    for statement in all_statements(session, Period.year(year)):
        sql = str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
        rows += len(connection.exec_driver_sql(sql.replace("%", "%%")).fetchall())
    return rows


__all__ = [
    "METHOD",
    "METHOD_DE",
    "DrillDown",
    "InvalidPeriod",
    "Period",
    "StatsReport",
    "Table",
    "UnknownFigure",
    "all_statements",
    "bench_yearly",
    "bench_yearly_raw",
    "compute_statistics",
    "drill_down",
    "make_period",
    "parse_date",
]
