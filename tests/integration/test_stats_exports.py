"""XLSX, CSV and PDF exports of the hand-built county's 2025 statistics, read back."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from stats_world import build

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.exports import write_csv, write_pdf, write_xlsx
from mzdesk.core.stats import Period, StatsReport, compute_statistics


@pytest.fixture
def report(database: Database) -> StatsReport:
    with database.session() as session:
        build(session)
        return compute_statistics(session, Period.year(2025))


def test_xlsx_unsuppressed(report: StatsReport, tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    write_xlsx(report, path, suppress_below=0)
    book = load_workbook(path)
    assert book.sheetnames[:4] == ["Info", "Überblick", "Nach Art", "Nach Rechtskreis"]
    sheet = book["Nach Rechtskreis"]
    assert [c.value for c in sheet[1]] == [
        "Rechtskreis",
        "Gesamt",
        "Arbeit",
        "Ausbildung",
        "Geflüchtete",
    ]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=2, values_only=True)}
    # By hand: SGB2 = SVB (work, refugee); SGB3 = AUSB; ASYLBLG = IK (course, refugee);
    # NONE = EQ (training, refugee); unknown = SELF (work).
    assert rows["SGB II (Jobcenter)"] == (1, 1, 0, 1)
    assert rows["SGB III (Agentur für Arbeit)"] == (1, 0, 1, 0)
    assert rows["SGB XII (Sozialamt)"] == (0, 0, 0, 0)
    assert rows["AsylbLG"] == (1, 0, 0, 1)
    assert rows["kein Leistungsbezug"] == (1, 0, 1, 1)
    assert rows["unbekannt"] == (1, 1, 0, 0)
    assert rows["Summe"] == (5, 2, 2, 3)
    assert sheet["B2"].number_format == "#,##0"
    assert sheet.column_dimensions["A"].width >= len("SGB III (Agentur für Arbeit)")
    overview = {r[0]: r[1] for r in book["Überblick"].iter_rows(min_row=2, values_only=True)}
    assert overview["Vermittlungen gesamt"] == 5
    assert overview["Teilnehmende"] == 42
    assert overview["davon anonym gezählt"] == 40
    events = list(book["Veranstaltungen"].iter_rows(min_row=2, values_only=True))
    assert events[0][0] == "Jobmesse Kreishaus" and events[0][2:5] == (42, 2, 40)
    assert book["Veranstaltungen"]["B2"].number_format == "DD.MM.YYYY"
    referrals = {r[0]: r for r in book["Überweisungen"].iter_rows(min_row=2, values_only=True)}
    assert referrals["Agentur für Arbeit"][-1] == 5.0  # median of 3 and 7 days


def test_xlsx_suppressed(report: StatsReport, tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    write_xlsx(report, path, suppress_below=3)
    book = load_workbook(path)
    rows = {r[0]: r[1:] for r in book["Nach Rechtskreis"].iter_rows(min_row=2, values_only=True)}
    # By hand: every non-zero cell inside is 1 or 2 -> "<3"; zeros stay. The sums would give
    # them away: Gesamt 5 over five "<3" (each must be 1), Arbeit 2 over two "<3" (1 + 1),
    # Ausbildung likewise, Geflüchtete 3 over three "<3" -> every sum is "x", never "<3".
    assert rows["SGB II (Jobcenter)"] == ("<3", "<3", 0, "<3")
    assert rows["AsylbLG"] == ("<3", 0, 0, "<3")
    assert rows["SGB XII (Sozialamt)"] == (0, 0, 0, 0)
    assert rows["Summe"] == ("x", "x", "x", "x")
    # Nach Team: Nord 3 (work 1, training 1, refugees 3), Süd 2 (1, 1, 0). The totals' Summe
    # is hidden (it is the 5 above), so Nord's 3 can be shown: 3 + "<3" = "x" pins nothing.
    team = {r[0]: r[1:] for r in book["Nach Team"].iter_rows(min_row=2, values_only=True)}
    assert team["Team Nord"] == (3, "<3", "<3", 3)
    assert team["Team Süd"] == ("<3", "<3", "<3", 0)
    # Fallbelastung: Beraterin Eins's 3 contacts are hidden ("x", not "<3") because the
    # Summe 4 minus Berater Zwei's 1 would give them, and then his 1.
    load = {r[0]: r[2:] for r in book["Fallbelastung"].iter_rows(min_row=2, values_only=True)}
    assert load["Beraterin Eins"][-1] == "x"
    assert load["Berater Zwei"][-1] == "<3"
    assert load["Summe"][-1] == 4
    overview = {r[0]: r[1] for r in book["Überblick"].iter_rows(min_row=2, values_only=True)}
    # 42 = 2 registered + 40 anonymous: the 40 is hidden, or 42 - 40 gives the 2.
    assert overview["Teilnehmende"] == 42
    assert overview["davon anonym gezählt"] == "x"
    assert overview["in Arbeit"] == "x"  # hidden in Nach Rechtskreis, so hidden here too
    info = [r[0] for r in book["Info"].iter_rows(values_only=True)]
    assert any(str(line).startswith("„x“: verdeckt") for line in info)
    for sheet in book.sheetnames[1:]:  # no count of 3 or more is ever "<3"
        unsuppressed = book_unsuppressed(report)[sheet]
        for r, row in enumerate(book[sheet].iter_rows(min_row=2, values_only=True)):
            for c, value in enumerate(row):
                if value == "<3":
                    assert 0 < unsuppressed[r][c] < 3, (sheet, r, c)


def book_unsuppressed(report: StatsReport) -> dict[str, list[list[object]]]:
    return {table.sheet: table.rows for table in report.tables(0)}


def test_no_table_lets_a_small_cell_be_worked_out(report: StatsReport) -> None:
    from mzdesk.core.stats.report import _grid, equations
    from mzdesk.core.stats.suppression import Suppressed, revealed

    for plain, shown in zip(report.tables(0), report.tables(3), strict=True):
        grid = _grid(plain)
        values = {
            (r, c): v for r, row in enumerate(grid) for c, v in enumerate(row) if v is not None
        }
        mask = {
            (r, c): cell.primary
            for r, row in enumerate(shown.rows)
            for c, cell in enumerate(row)
            if isinstance(cell, Suppressed)
        }
        found, _margins = equations(plain)
        assert revealed(values, found, mask, 3) == set(), plain.key


def test_csv(report: StatsReport, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    write_csv(report, path, suppress_below=0)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Zeitraum", "Tabelle", "Zeile", "Spalte", "Wert"]
    values = {(r[1], r[2], r[3]): r[4] for r in rows[1:]}
    title = "Vermittlungen nach Rechtskreis (zum Beginn)"
    assert values[(title, "SGB II (Jobcenter)", "Gesamt")] == "1"
    assert values[(title, "Summe", "Geflüchtete")] == "3"
    assert (
        values[
            ("Überweisungen nach Partnerart", "Agentur für Arbeit", "Antwortzeit (Median, Tage)")
        ]
        == "5"
    )
    write_csv(report, path, suppress_below=3)
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
    values = {(r[1], r[2], r[3]): r[4] for r in rows[1:]}
    assert values[(title, "SGB II (Jobcenter)", "Gesamt")] == "<3"
    # AA's two answered referrals are suppressed, so their median is hidden too.
    assert (
        values[
            ("Überweisungen nach Partnerart", "Agentur für Arbeit", "Antwortzeit (Median, Tage)")
        ]
        == "."
    )


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_fonts_and_text(report: StatsReport, tmp_path: Path) -> None:
    path = tmp_path / "s.pdf"
    write_pdf(report, path, suppress_below=3)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    lines = fonts.stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        assert "DejaVuSans" in line and line.split()[-5] == "yes", line  # the emb column
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Statistik 2025" in text
    assert "Ereignisse, nicht Personen" in text
    assert "Vermittlungen nach Rechtskreis" in text
    assert "Jobmesse Kreishaus" in text
    assert "<3" in text
    assert "Seite 1 von" in text
    overview = next(line for line in text.splitlines() if "Vermittlungen gesamt" in line)
    assert overview.split()[-1] == "x"  # five "<3" summing to 5 would each be 1
    assert "„x“: verdeckt" in text
    attendees = next(line for line in text.splitlines() if line.strip().startswith("Teilnehmende"))
    assert attendees.split()[-1] == "42"


def test_cli_exports_suppress_by_default(
    database: Database, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.session() as session:
        build(session)
    target = tmp_path / "out.xlsx"
    assert main(["stats", "--db", database_url, "--year", "2025", "--xlsx", str(target)]) == 0
    assert "suppressed" in capsys.readouterr().out
    overview = {r[0]: r[1] for r in load_workbook(target)["Überblick"].iter_rows(values_only=True)}
    assert overview["in Arbeit"] == "x"
    off = tmp_path / "off.csv"
    assert (
        main(
            [
                "stats",
                "--db",
                database_url,
                "--year",
                "2025",
                "--csv",
                str(off),
                "--suppress-below",
                "0",
            ]
        )
        == 0
    )
    assert "<3" not in off.read_text("utf-8-sig")
    pdf = tmp_path / "out.pdf"
    assert main(["stats", "--db", database_url, "--year", "2025", "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
