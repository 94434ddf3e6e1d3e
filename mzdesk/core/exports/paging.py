""" "Seite x von y" for every PDF mzdesk builds with reportlab's platypus.

:class:`NumberedCanvas` holds the pages back until the document is complete, then draws each
page's footer with the page count known and writes the pages. The PDFs (statistics, the
Art. 15 export, the event lists, letters and consent forms) build with
``canvasmaker=numbered(footer)``; :func:`page_footer` is the usual footer: a title on the
left, "Seite x von y" on the right.

The canvas starts with the bundled DejaVu Sans, so no non-embedded Helvetica is referenced
(setup-notes.md). Import this module where the PDF is built: it imports reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from mzdesk.core import fonts

# Draws one page's footer: (canvas, page number, number of pages).
Footer = Callable[[Canvas, int, int], None]


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """A canvas that draws every page's footer once the number of pages is known."""

    def __init__(self, *args: Any, footer: Footer, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.REGULAR
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        super().save()


def numbered(footer: Footer) -> Callable[..., NumberedCanvas]:
    """The ``canvasmaker`` for ``doc.build``: a :class:`NumberedCanvas` drawing ``footer``."""
    return partial(NumberedCanvas, footer=footer)


def page_footer(title: str, *, left: float, right: float, y: float, size: float = 7) -> Footer:
    """``title`` from ``left`` and "Seite x von y" up to ``right``, ``y`` above the bottom."""

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, size)
        canvas.setFillColor(colors.black)
        canvas.drawString(left, y, title)
        canvas.drawRightString(right, y, f"Seite {page} von {pages}")
        canvas.restoreState()

    return draw


def a4_document(
    buffer: IO[bytes],
    *,
    title: str,
    margins: tuple[float, float, float, float],
    landscape: bool = False,
    **extra: Any,
) -> SimpleDocTemplate:
    """An A4 document by "mzdesk" that starts in DejaVu Sans. ``margins``: left, right, top,
    bottom in mm; ``landscape``: A4 on its side; ``extra``: more SimpleDocTemplate keywords
    (``subject=…``)."""
    left, right, top, bottom = (margin * mm for margin in margins)
    width, height = A4
    return SimpleDocTemplate(
        buffer,
        pagesize=(height, width) if landscape else (width, height),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author="mzdesk",
        initialFontName=fonts.REGULAR,
        **extra,
    )


def build_with_footer(
    doc: SimpleDocTemplate, story: list[Any], footer_title: str, *, size: float = 7
) -> None:
    """Build ``doc``: on each page ``footer_title`` and "Seite x von y" between the side
    margins, 10 mm above the bottom edge."""
    right = doc.leftMargin + doc.width
    footer = page_footer(footer_title, left=doc.leftMargin, right=right, y=10 * mm, size=size)
    doc.build(story, canvasmaker=numbered(footer))
