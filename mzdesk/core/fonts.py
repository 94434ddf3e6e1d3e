"""The bundled DejaVu Sans family, registered with reportlab once per process (letters, reports).

DejaVu Sans covers Latin (ß, ğ), Cyrillic and Arabic; reportlab's built-in Helvetica covers
none of the latter and is never embedded, so every document uses these fonts only, and the
canvas's initial font is set to ``REGULAR`` too (else pdffonts lists a non-embedded Helvetica).
"""

from __future__ import annotations

import threading

from mzdesk.core.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered: set[str] = set()  # names registered so far


def register_fonts() -> None:
    """Register the family (idempotent, thread-safe); ``<b>``/``<i>`` in Paragraphs map to it."""
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _registered.update(_FILES)
