"""Text on its way into a PDF: cleaned for Paragraph markup, Arabic script shaped.

* ``clean`` takes out what is not text by the one rule of :mod:`mzdesk.core.text` (control
  and direction-control characters, invisible ones, noncharacters, lone surrogates), puts
  U+FFFD (a visible "�") for a code point this Python's Unicode does not know yet (no font
  here has a glyph for it) and normalises white space; ``markup`` also escapes ``& < >`` so
  that text typed by a person can never be read as reportlab markup. python-bidi's algorithm
  knows no bidi class for an unassigned code point or a noncharacter, nor the isolates
  (U+2066–U+2069), and fails an assertion on each: so every text is cleaned before it is
  shaped, and ``visual`` cleans a line given to it uncleaned.
* Arabic and Persian letters must be *shaped* (joined forms) and put into *visual* order
  before reportlab draws them, which it does glyph by glyph, left to right. ``arabic_reshaper``
  shapes (with the ALLAH ligature off: DejaVu Sans lacks U+FDF2) and python-bidi's
  ``get_display`` reorders: its pure-Python ``bidi.algorithm`` version, because the Rust
  ``bidi.get_display`` of python-bidi 0.6 does not mirror brackets (``(`` stays ``(`` in a
  right-to-left run and prints as ``)``). A multi-line right-to-left paragraph must be
  broken into lines *before* reordering, or the lines come out in the wrong order:
  ``rtl_lines`` does that.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from mzdesk.core.text import clean_text

REPLACEMENT = "\ufffd"
_SPACES = re.compile(r"[ \t\u00a0]+")
# Arabic, Syriac, Thaana, Arabic Supplement/Extended, presentation forms A and B; Hebrew.
_RTL_CHARS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _known(text: str) -> str:
    """Unassigned code points (category Cn: no bidi class, no glyph) as U+FFFD."""
    if text.isprintable():  # the usual case: nothing unassigned in it
        return text
    return "".join(REPLACEMENT if unicodedata.category(char) == "Cn" else char for char in text)


def clean(text: str | None) -> str:
    """NFC, only characters that are text (see the module notes), runs of blanks collapsed,
    lines trimmed."""
    if not text:
        return ""
    text = clean_text(unicodedata.normalize("NFC", text), multiline=True)
    text = _known(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def has_rtl(text: str) -> bool:
    return bool(_RTL_CHARS.search(text))


@cache
def _reshaper() -> Any:
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration={"ARABIC LIGATURE ALLAH": False})


def _unjoin(shaped: str) -> str:
    """Zero-width (non-)joiners have done their work once shaped; DejaVu has no glyph."""
    return shaped.replace("\u200c", "").replace("\u200d", "")


def visual(text: str, *, base_rtl: bool = False) -> str:
    """One line of text in display order: Arabic shaped and reordered, others unchanged."""
    if not has_rtl(text):
        return text
    from bidi.algorithm import get_display

    if not text.isprintable():  # not cleaned: what python-bidi cannot order, taken out
        text = " ".join(clean(text).split("\n"))
    shaped = _unjoin(_reshaper().reshape(text))
    result = get_display(shaped, base_dir="R" if base_rtl else "L")
    assert isinstance(result, str)
    return result


def markup(text: str | None, *, base_rtl: bool = False) -> str:
    """Clean, shape and escape text for a single-line-per-paragraph-line Paragraph.

    Line breaks become ``<br/>``. For left-to-right paragraphs with embedded Arabic (a name in
    original script) each line is reordered on its own; long right-to-left text goes through
    ``rtl_lines`` instead.
    """
    lines = clean(text).split("\n")
    return "<br/>".join(escape(visual(line, base_rtl=base_rtl)) for line in lines)


def rtl_lines(text: str | None, font_name: str, font_size: float, width: float) -> list[str]:
    """Break right-to-left text into lines that fit ``width``, each in display order.

    Words are measured after shaping (joined forms have other widths) but in logical order,
    then each finished line is reordered: so the first line holds the beginning of the text.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    result: list[str] = []
    for paragraph in clean(text).split("\n"):
        shaped = _unjoin(_reshaper().reshape(paragraph)) if has_rtl(paragraph) else paragraph
        line: list[str] = []
        for word in shaped.split(" "):
            candidate = " ".join([*line, word])
            if line and stringWidth(candidate, font_name, font_size) > width:
                result.append(" ".join(line))
                line = [word]
            else:
                line.append(word)
        result.append(" ".join(line))
    from bidi.algorithm import get_display

    out = []
    for line_text in result:
        shown = get_display(line_text, base_dir="R") if has_rtl(line_text) else line_text
        assert isinstance(shown, str)
        out.append(shown)
    return out


def rtl_markup(text: str | None, font_name: str, font_size: float, width: float) -> str:
    """``rtl_lines`` joined as Paragraph markup (escaped, ``<br/>`` between lines)."""
    return "<br/>".join(escape(line) for line in rtl_lines(text, font_name, font_size, width))
