"""Printing is real (issue 15, must show): a letter and a list go through the window's print
path to a CUPS queue, and what the queue prints reads as the document.

The queue is a cups-pdf printer (``.ci/run`` installs cups and printer-driver-cups-pdf, starts
cupsd and adds the queue ``mzdesk-pdf``; another one can be named in
``MZDESK_TEST_CUPS_QUEUE``). The letter's preview and the list printing are given a
``QPrinter`` set to that queue, as the print dialog would hand it over (no dialog), and print;
the test then waits for cups-pdf's file (its folder from /etc/cups/cups-pdf.conf, or
``MZDESK_TEST_CUPS_OUT``) and compares its text (pdftotext) with the text of the same document
printed to a PDF file (its WinAnsi text, see ``words``). Without a queue the test is skipped
with the reason — except under CI, where a missing queue is an error.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core.services import referrals
from mzdesk.ui.dialogs.referral import open_letter_preview
from mzdesk.ui.list_printing import ListPrinting
from mzdesk.ui.print_queue import lp_arguments

from .letters_world import add_consent, build_world, poppler

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)
QUEUE_ENV = "MZDESK_TEST_CUPS_QUEUE"
OUT_ENV = "MZDESK_TEST_CUPS_OUT"
DEFAULT_QUEUE = "mzdesk-pdf"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
PRINTED_WITHIN_MS = 120_000  # a generous limit for a busy machine, not a timing claim


def _unavailable(reason: str) -> None:
    if os.environ.get(QUEUE_ENV) or os.environ.get("CI"):
        pytest.fail(f"CUPS printing cannot be tested: {reason}")
    pytest.skip(f"{reason} (.ci/run starts cupsd and adds the cups-pdf queue {DEFAULT_QUEUE})")


def cups_queue() -> str:
    queue = os.environ.get(QUEUE_ENV) or DEFAULT_QUEUE
    if shutil.which("lpstat") is None or shutil.which("lp") is None:
        _unavailable("CUPS is not installed (no lpstat/lp)")
    found = subprocess.run(["lpstat", "-v", queue], capture_output=True, text=True, check=False)
    if found.returncode != 0 or "cups-pdf:" not in found.stdout:
        _unavailable(f"no cups-pdf queue {queue!r} ({(found.stderr or found.stdout).strip()})")
    return queue


def output_folders() -> list[Path]:
    """Where cups-pdf writes this user's jobs (and anonymous ones)."""
    if os.environ.get(OUT_ENV):
        return [Path(os.environ[OUT_ENV])]
    settings = {"Out": "${HOME}/PDF", "AnonDirName": "/var/spool/cups-pdf/ANONYMOUS"}
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split(None, 1)
            if len(parts) == 2 and parts[0] in settings:
                settings[parts[0]] = parts[1].strip()
    user = pwd.getpwuid(os.getuid())
    out = settings["Out"].replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name)
    return [Path(out), Path(settings["AnonDirName"])]


# cups-pdf converts the job to PostScript and back (Ghostscript): the letters of the font's
# first subset (Latin, WinAnsi) stay text, others — Arabic script, "☐" — stay drawn shapes
# (Type 3 glyphs without a text mapping) that pdftotext reads back as control characters. They
# print, but cannot be compared as text: on both sides only WinAnsi text is compared.
def _winansi(char: str) -> str:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return " "
    return " " if ord(char) < 0x20 else char


def words(path: Path) -> str:
    text = poppler("pdftotext", path, "-enc", "UTF-8")
    return " ".join("".join(_winansi(char) for char in text).split())


def queue_empty(queue: str) -> bool:
    pending = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True, check=False)
    return pending.returncode == 0 and not pending.stdout.strip()


def printed_file(qtbot: QtBot, queue: str, title: str) -> Path:
    """cups-pdf's file of the job titled ``title``, once the queue has finished it."""
    found: list[Path] = []

    def done() -> bool:
        if not queue_empty(queue):
            return False
        found[:] = [
            path for folder in output_folders() for path in sorted(folder.glob(f"{title}*.pdf"))
        ]
        return bool(found)

    qtbot.waitUntil(done, timeout=PRINTED_WITHIN_MS)
    return found[0]


@pytest.fixture
def printed() -> Iterator[list[Path]]:
    """The files the queue wrote, removed again after the test."""
    made: list[Path] = []
    yield made
    for path in made:
        path.unlink(missing_ok=True)


def to_queue(queue: str, title: str, prepare: Callable[[QPrinter], None] | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(queue)  # what the print dialog hands over for that printer
    printer.setDocName(title)
    if prepare is not None:
        prepare(printer)
    assert printer.outputFormat() is QPrinter.OutputFormat.NativeFormat
    return printer


def to_file(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_a_letter_and_a_list_print_on_a_cups_queue(
    qtbot: QtBot, tmp_path: Path, printed: list[Path]
) -> None:
    queue = cups_queue()
    world = build_world(tmp_path / "cups.sqlite")
    add_consent(world, ("AA",), ["IDENTITY", "LANGUAGES"])
    with world.db.session(world.counsellor_id) as s:
        referral = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=world.agency_id,
            purpose="Beratung zur Arbeitsaufnahme",
            created_by_id=world.counsellor_id,
        )
        s.commit()
        referral_id = referral.id
    ctx = world.context(world.counsellor_id)
    parent = QWidget()
    qtbot.addWidget(parent)
    run = uuid.uuid4().hex[:8]

    # the letter: its preview prints the released bytes, once to a file, once to the queue
    preview = open_letter_preview(parent, ctx, referral_id)
    assert preview is not None
    qtbot.addWidget(preview)
    letter_file = tmp_path / "brief.pdf"
    assert preview.print_to(to_file(letter_file)) == 2
    letter_title = f"mzdesk-test-{run}-brief"
    assert preview.print_to(to_queue(queue, letter_title)) == 2
    printed_letter = printed_file(qtbot, queue, letter_title)
    printed.append(printed_letter)
    expected = words(letter_file)
    assert "Agentur für Arbeit Musterstadt" in expected and "Seite 2 von 2" in expected
    assert words(printed_letter) == expected
    info = poppler("pdfinfo", printed_letter)
    assert re.search(r"^Pages:\s+2$", info, re.M) and "(A4)" in info, info
    preview.close()

    # a list: the client list through the list printing, the same way
    printing = ListPrinting(ctx, parent)
    list_file = tmp_path / "klienten.pdf"
    assert printing.print_to("clients", to_file(list_file)) == 1
    list_title = f"mzdesk-test-{run}-liste"
    assert printing.print_to("clients", to_queue(queue, list_title)) == 1
    printed_list = printed_file(qtbot, queue, list_title)
    printed.append(printed_list)
    listed = words(list_file)
    assert "Klientenliste" in listed and "Haddad, Amal" in listed
    # The list is landscape: the queue turns it onto portrait paper, so pdftotext reads its
    # words in another order; the same words, and the time in "Stand …" may differ by a minute.
    stand = re.compile(r"Stand \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr")
    got = sorted(stand.sub("Stand", words(printed_list)).split())
    assert got == sorted(stand.sub("Stand", listed).split())


def test_the_print_dialogs_choices_go_to_the_queue() -> None:
    """Copies, pages, two-sided and grey scale as chosen in the dialog become lp's options."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # Qt keeps only known names
    printer.setDocName("Wiedervorlagen 2026-12-06.pdf")
    assert lp_arguments(printer)[:4] == ["-d", printer.printerName(), "-n", "1"]
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    args = lp_arguments(printer)
    assert args[:4] == ["-d", printer.printerName(), "-n", "2"]
    pairs = {args[i]: args[i + 1] for i in range(4, len(args), 2) if args[i] != "-o"}
    options = {args[i + 1] for i in range(4, len(args), 2) if args[i] == "-o"}
    assert pairs == {"-t": "Wiedervorlagen 2026-12-06.pdf", "-P": "2-3"}
    # a printer without a duplex unit keeps DuplexNone (Qt): then "one-sided" is asked for
    sides = {
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexNone: "one-sided",
    }[printer.duplex()]
    assert options == {f"sides={sides}", "print-color-mode=monochrome", "collate=true"}
