""" "Seite x von y" (mzdesk/core/exports/paging.py): counted, right-aligned, DejaVu only."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from mzdesk.core import fonts
from mzdesk.core.exports.paging import numbered, page_footer


def _pdf(pages: int, body: str) -> bytes:
    fonts.register_fonts()
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm)
    style = ParagraphStyle("p", fontName=fonts.REGULAR, fontSize=10)
    story: list[object] = []
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story.append(Paragraph(f"{body} {page + 1}", style))
    footer = page_footer(
        "Fußzeile Test", left=doc.leftMargin, right=doc.leftMargin + doc.width, y=10 * mm
    )
    doc.build(story, canvasmaker=numbered(footer))
    return buffer.getvalue()


def _poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def test_every_page_says_its_number_and_the_count(tmp_path: Path) -> None:
    path = tmp_path / "three.pdf"
    path.write_bytes(_pdf(3, "Inhalt {total} bleibt"))  # no placeholder is replaced in text
    pages = _poppler("pdftotext", "-layout", str(path), "-").split("\f")
    assert [
        ("Fußzeile Test" in text, f"Seite {n} von 3" in text)
        for n, text in enumerate(pages[:3], start=1)
    ] == [(True, True)] * 3
    assert all(f"Inhalt {{total}} bleibt {n}" in pages[n - 1] for n in (1, 2, 3))


def test_the_page_number_ends_at_the_right_margin(tmp_path: Path) -> None:
    path = tmp_path / "one.pdf"
    path.write_bytes(_pdf(1, "Eine Seite"))
    words = _poppler("pdftotext", "-bbox", str(path), "-")
    last = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>1</word>', words)
    right = A4[0] - 20 * mm
    assert last and abs(float(last[-1]) - right) < 0.5


def test_only_embedded_dejavu_fonts(tmp_path: Path) -> None:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(_pdf(2, "Straße"))
    rows = _poppler("pdffonts", str(path)).splitlines()[2:]
    assert rows and all("DejaVu" in row and " yes " in row for row in rows)
