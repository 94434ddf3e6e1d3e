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
    # Every non-zero cell is 1 or 2 -> "<3"; zeros stay; the sums (5, 3) are shown, the sum 2s not.
    assert rows["SGB II (Jobcenter)"] == ("<3", "<3", 0, "<3")
    assert rows["SGB XII (Sozialamt)"] == (0, 0, 0, 0)
    assert rows["Summe"] == (5, "<3", "<3", 3)
    overview = {r[0]: r[1] for r in book["Überblick"].iter_rows(min_row=2, values_only=True)}
    assert overview["Teilnehmende"] == 42
    assert overview["in Arbeit"] == "<3"


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
    assert overview.split()[-1] == "5"
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
    assert overview["in Arbeit"] == "<3"
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
