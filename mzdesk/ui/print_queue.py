"""A PDF for a CUPS printer goes to the queue as it is: the document's own bytes, through ``lp``.

Painting rendered pages onto a ``QPrinter`` (``letter_preview.paint_pdf``) sends pictures of
the pages: on a CUPS system (Linux, macOS) the printer chosen in the print dialog gets the PDF
itself instead. The queue's filters make what the printer needs from it; text and embedded
fonts stay text (what a PDF queue writes can be read back), lines stay sharp at any
resolution, and nothing is scaled (an A4 document on A4 paper), so the DIN 5008 positions stay
where they are. What was chosen in the dialog goes along: copies, page range, one- or
two-sided, grey scale. Without ``lp`` (Windows) the pages are painted as before.

The job title is the document's name (as Qt would send it); nothing of the document is logged.
"""

from __future__ import annotations

import logging
import shutil
import subprocess

from PySide6.QtPrintSupport import QPrinter

from mzdesk.core.errors import MzdeskError

log = logging.getLogger(__name__)

SUBMIT_TIMEOUT_S = 60

_SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}


def lp_command() -> str | None:
    """The CUPS ``lp`` program, or None where there is none (Windows)."""
    return shutil.which("lp")


def takes_pdf(printer: QPrinter) -> bool:
    """Whether ``printer`` is a CUPS queue that can be given the PDF itself."""
    return (
        printer.outputFormat() is QPrinter.OutputFormat.NativeFormat
        and bool(printer.printerName())
        and lp_command() is not None
    )


def lp_arguments(printer: QPrinter) -> list[str]:
    """``lp``'s arguments for what was chosen for ``printer`` (the PDF comes on stdin)."""
    args = ["-d", printer.printerName(), "-n", str(max(printer.copyCount(), 1))]
    title = printer.docName()
    if title:
        args += ["-t", title]
    if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        last = printer.toPage() or printer.fromPage()
        args += ["-P", f"{printer.fromPage()}-{last}"]
    sides = _SIDES.get(printer.duplex())
    if sides:
        args += ["-o", f"sides={sides}"]
    if printer.colorMode() is QPrinter.ColorMode.GrayScale:
        args += ["-o", "print-color-mode=monochrome"]
    if printer.collateCopies() and printer.copyCount() > 1:
        args += ["-o", "collate=true"]
    return args


def submit(pdf: bytes, printer: QPrinter) -> str:
    """Hand ``pdf`` to the printer's CUPS queue; the job's id ("PDF-12"). Raises MzdeskError
    with a German reason when the queue does not take it."""
    program = lp_command()
    if program is None:
        raise MzdeskError("lp is not installed", german="Es ist kein Drucksystem (CUPS) da.")
    refused = MzdeskError(
        "the printer did not take the job",
        german=f"Der Drucker „{printer.printerName()}“ hat den Druckauftrag nicht angenommen.",
    )
    try:
        done = subprocess.run(
            [program, *lp_arguments(printer)],
            input=pdf,
            capture_output=True,
            timeout=SUBMIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("lp failed: %s", type(error).__name__)
        raise refused from error
    if done.returncode != 0:
        log.warning("lp refused the job (exit %d)", done.returncode)
        raise refused
    answer = done.stdout.decode("utf-8", "replace").strip()  # "request id is PDF-12 (1 file(s))"
    job = answer.split(" is ", 1)[1].split(" ", 1)[0] if " is " in answer else ""
    log.info("a PDF of %d bytes sent to a CUPS queue as job %s", len(pdf), job or "?")
    return job
