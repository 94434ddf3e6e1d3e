"""Names that look like spreadsheet formulas in the county of stats_world (F8), and what an
export of it must look like. Used by tests/integration/test_export_formulas.py and the GUI's
tests/gui/test_statistics_export_formulas.py.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from stats_world import World, build

from mzdesk.core.database import Database
from mzdesk.core.models import Event, Referral, Team, User

FORMULAS = [
    '=HYPERLINK("http://127.0.0.1/x","y")',
    "@SUM(1)",
    "+1",
    "-1+2",
    "\t=1",
    "\r=1",
]
FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[ >/]")
GERMAN_NUMBER = re.compile(r"-?\d[\d.]*(,\d+)?")


def name_it(database: Database, formula: str) -> World:
    """The county with the job fair, counsellor u1 and Team Nord named ``formula`` (+ a tag
    so the three can be told apart), and AA's two answers dated before their sending."""
    with database.session() as session:
        world = build(session)
        ids = world.ids
        event = session.get(Event, ids["e1"])
        user = session.get(User, ids["u1"])
        team = session.get(Team, ids["team_nord"])
        r1, r2 = session.get(Referral, ids["r1"]), session.get(Referral, ids["r2"])
        assert event and user and team and r1 and r2
        event.name = formula + " E"
        user.display_name = formula + " U"
        team.name = formula + " T"
        r1.answered_on = date(2025, 1, 27)  # sent 03.02.: -7 days
        r2.answered_on = date(2025, 2, 26)  # sent 01.03.: -3 days
        session.commit()
    return world


def names_of(formula: str) -> set[str]:
    return {formula + suffix for suffix in (" E", " U", " T")}


def formula_parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [
            name
            for name in archive.namelist()
            if name.endswith(".xml") and FORMULA_ELEMENT.search(archive.read(name))
        ]


def assert_xlsx_safe(path: Path, formula: str) -> None:
    assert formula_parts(path) == []
    book = load_workbook(path)
    # XML readers turn a stored CR into LF: compare what can be read back
    formula = formula.replace("\r", "\n")
    found: set[str] = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.lstrip("'") in names_of(formula):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)
                    assert cell.value == "'" + cell.value.lstrip("'"), cell.value
                    found.add(cell.value[1:])
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    assert found == names_of(formula)  # all three reached the workbook
    referrals = {r[0]: r for r in book["Überweisungen"].iter_rows(min_row=2, values_only=True)}
    median = referrals["Agentur für Arbeit"][-1]
    assert median == -5 and isinstance(median, int | float)  # a number, not the text "'-5"


def assert_csv_safe(path: Path, formula: str) -> None:
    rows = list(
        csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";")
    )
    cells = [cell for row in rows for cell in row]
    for cell in cells:
        if not GERMAN_NUMBER.fullmatch(cell):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), repr(cell)
    assert {cell[1:] for cell in cells if cell.startswith("'")} >= names_of(formula)
    values = {(r[1], r[2], r[3]): r[4] for r in rows[1:]}
    median = values[
        ("Überweisungen nach Partnerart", "Agentur für Arbeit", "Antwortzeit (Median, Tage)")
    ]
    assert median == "-5"  # a number stays a number: no quote
