"""The letter preview fits the screen: its buttons (print, save, send, close) stay reachable."""

from __future__ import annotations

import io
from contextlib import nullcontext

from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mzdesk.ui.dialogs.letter_preview import LetterOutput, LetterPreviewDialog


def _pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawString(72, 720, "Testbrief")
    page.save()
    return buffer.getvalue()


def test_the_preview_is_no_larger_than_the_screen(qtbot: QtBot) -> None:
    output = LetterOutput(check=lambda _purpose: None, release=lambda _purpose: nullcontext(_pdf()))
    dialog = LetterPreviewDialog(
        None, _pdf(), title="Vorschau", file_name="brief.pdf", output=output
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert screen.height() < 1000  # the offscreen screen is smaller than the wished size
    assert dialog.frameGeometry().height() <= screen.height()
    assert dialog.frameGeometry().width() <= screen.width()
