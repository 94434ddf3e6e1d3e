"""Formula injection (security review F8): text in the XLSX and CSV exports is never a formula.

The hand-built county of stats_world with an event, a counsellor's display name and a team
named like a spreadsheet formula: every export (the writers, ``mzdesk stats --csv/--xlsx``)
writes those names as text with a leading ``'`` (OWASP's CSV-injection advice), and the XLSX
holds no ``<f>`` element at all. Numbers stay numbers, negative ones too: two referrals
answered "before" they were sent give a median answer time of -5 days.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from formula_world import FORMULAS, assert_csv_safe, assert_xlsx_safe, formula_parts, name_it
from openpyxl import load_workbook

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.exports import write_csv, write_xlsx
from mzdesk.core.stats import Period, StatsReport, compute_statistics


@pytest.fixture(params=FORMULAS, ids=["hyperlink", "at", "plus", "minus", "tab", "cr"])
def formula(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def report(database: Database, formula: str) -> StatsReport:
    name_it(database, formula)
    with database.session() as session:
        return compute_statistics(session, Period.year(2025))


def test_xlsx_names_are_text(report: StatsReport, formula: str, tmp_path: Path) -> None:
    for threshold in (0, 3):
        path = tmp_path / f"s{threshold}.xlsx"
        write_xlsx(report, path, suppress_below=threshold)
        assert formula_parts(path) == []
    assert_xlsx_safe(tmp_path / "s0.xlsx", formula)


def test_csv_names_are_text(report: StatsReport, formula: str, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    write_csv(report, path, suppress_below=0)
    assert_csv_safe(path, formula)


def test_cli_exports(database: Database, database_url: str, tmp_path: Path) -> None:
    formula = FORMULAS[0]
    name_it(database, formula)
    xlsx, csv_path = tmp_path / "s.xlsx", tmp_path / "s.csv"
    base = ["stats", "--db", database_url, "--year", "2025", "--suppress-below", "0"]
    assert main([*base, "--xlsx", str(xlsx)]) == 0
    assert main([*base, "--csv", str(csv_path)]) == 0
    assert_xlsx_safe(xlsx, formula)
    assert_csv_safe(csv_path, formula)


def test_control_characters_stored_earlier_do_not_break_the_xlsx(
    sqlite_url: str, tmp_path: Path
) -> None:
    """A name stored before the input checks (NUL, U+0001: SQLite keeps them) cannot be
    written into XML: the export leaves the character out instead of failing."""
    from mzdesk.core import schema

    with Database(sqlite_url, create=True) as database:
        schema.upgrade(database)
        name_it(database, "Nul\x00Name\x01")
        with database.session() as session:
            report = compute_statistics(session, Period.year(2025))
    path = tmp_path / "s.xlsx"
    write_xlsx(report, path, suppress_below=0)
    values = {
        cell
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    }
    assert {"NulName E", "NulName U", "NulName T"} <= values
