"""Letter render time next to bare reportlab drawing the same content (target: ≤ 1.5×).

``measure()`` renders one sample referral letter (two pages: letter and feedback slip) with
``ReferralLetterRenderer`` and draws the same text with a bare reportlab canvas (fonts
registered, text wrapped with ``simpleSplit``, no templates, no platypus, no page count);
and with a plain platypus document of the same paragraphs; all are timed ``runs`` times and
the medians compared. The bench harness can call it.
"""

from __future__ import annotations

import io
import statistics
import time
from datetime import date

from mzdesk.core import fonts
from mzdesk.core.letters.content import DataSection, Letterhead, ReferralLetter
from mzdesk.core.letters.templates import labels, load_template
from mzdesk.core.letters.text import visual


def sample_letter() -> ReferralLetter:
    template = load_template("AA", "de")
    values: dict[str, str | None] = {
        "person_name": "Amal Haddad",
        "partner_name": "Agentur für Arbeit Musterstadt",
        "purpose": "Beratung zur Arbeitsaufnahme als Pflegehelferin",
        "service": None,
        "counsellor_name": "Chris Berater",
        "file_reference": "MZ-2024-0042/1a2b3c4d",
        "answer_due": "17.06.2024",
    }
    rows = (
        ("Name", "Haddad, Amal"),
        ("Name in Originalschrift", "أمل حداد"),
        ("Geburtsdatum", "01.01.1990 (Ersatzdatum laut Dokument)"),
        ("Anschrift", "Lindenstraße 5, 12345 Musterstadt"),
        ("Telefon", "0151 0000000"),
        ("Sprachkenntnisse", "Arabisch (Muttersprache), Deutsch (B1)"),
    )
    return ReferralLetter(
        language="de",
        template=template,
        recipient=("Agentur für Arbeit Musterstadt", "Bahnhofstraße 1", "12345 Musterstadt"),
        file_reference="MZ-2024-0042/1a2b3c4d",
        letter_date=date(2024, 6, 3),
        counsellor_name="Chris Berater",
        counsellor_phone="+49 1234 5678-22",
        counsellor_email=None,
        values=values,
        request="Bitte prüfen Sie eine Förderung nach § 16 SGB II.",
        sections=(DataSection("IDENTITY", "Angaben", rows),),
        interpreter_language="Arabisch",
        attachments=("Lebenslauf", "Kopie Aufenthaltstitel"),
        consent_given_on=date(2024, 5, 2),
        consent_version="2024-01",
        override_reason=None,
        answer_due_on=date(2024, 6, 17),
        slip_subject="Amal Haddad",
        partner_name="Agentur für Arbeit Musterstadt",
    )


def batch_letters(count: int = 100) -> list[ReferralLetter]:
    """``count`` sample letters that differ in name, file reference and request (synthetic)."""
    import dataclasses

    base = sample_letter()
    given = ("Amal", "Olena", "Yusuf", "Dilan", "Mariam", "Taras", "Samir", "Leyla")
    family = ("Haddad", "Kovalenko", "Öztürk", "Rahimi", "Nguyen", "Popescu", "Sultani")
    letters = []
    for index in range(count):
        name = f"{given[index % len(given)]} {family[index % len(family)]}"
        reference = f"MZ-2024-{index:04d}/{index * 7919 % 16**8:08x}"
        values = {**base.values, "person_name": name, "file_reference": reference}
        letters.append(
            dataclasses.replace(
                base,
                values=values,
                file_reference=reference,
                slip_subject=name,
                request=f"{base.request} Vorgang {index + 1} von {count}.",
            )
        )
    return letters


def render_batch(letters: list[ReferralLetter]) -> int:
    """Render every letter with one renderer (as the batch print does); total bytes."""
    from mzdesk.core.letters.renderer import ReferralLetterRenderer

    renderer = ReferralLetterRenderer(Letterhead(), "de")
    return sum(len(renderer.render(letter)) for letter in letters)


def render_batch_bare(letters: list[ReferralLetter]) -> int:
    return sum(len(render_bare(letter)) for letter in letters)


def render_with_renderer(letter: ReferralLetter) -> bytes:
    from mzdesk.core.letters.renderer import ReferralLetterRenderer

    return ReferralLetterRenderer(Letterhead(), "de").render(letter)


def render_bare(letter: ReferralLetter) -> bytes:
    """The same strings drawn straight onto a canvas: the floor for this content."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    fonts.register_fonts()
    lab = labels("de")
    head = Letterhead()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=fonts.REGULAR, invariant=True)
    height = A4[1]

    def line(x: float, top: float, text: str, size: float = 10, font: str = fonts.REGULAR) -> None:
        canvas.setFont(font, size)
        canvas.drawString(x, height - top, visual(text))

    line(25 * mm, 14 * mm, head.authority, 9)
    line(25 * mm, 21 * mm, head.organisation, 14, fonts.BOLD)
    line(25 * mm, 60 * mm, head.return_address, 7)
    for i, text in enumerate(letter.recipient):
        line(25 * mm, 67 * mm + i * 4.23 * mm, text)
    line(125 * mm, 50 * mm, f"{lab['our_ref']} {letter.file_reference}", 9)
    top = 98.46 * mm
    values = letter.values
    paragraphs = [
        letter.template.fill("subject", values),
        letter.template.fill("salutation", values),
        letter.template.fill("body", values),
        letter.request or "",
        *(f"{label}: {value}" for s in letter.sections for label, value in s.rows),
        lab["interpreter_text"].format(language=letter.interpreter_language),
        *letter.attachments,
        lab["consent_text"].format(given="02.05.2024", version=letter.consent_version),
        letter.template.fill("closing", values),
        lab["regards"],
        letter.counsellor_name,
    ]
    for paragraph in paragraphs:
        for text in simpleSplit(paragraph, fonts.REGULAR, 10, 165 * mm):
            line(25 * mm, top, text)
            top += 4.8 * mm
        top += 2 * mm
    line(165 * mm, 285 * mm, "Seite 1 von 2", 8)
    canvas.showPage()
    line(25 * mm, 21 * mm, lab["slip_title"], 14, fonts.BOLD)
    for i, key in enumerate(("slip_accepted", "slip_appointment", "slip_rejected", "slip_sign")):
        line(25 * mm, 110 * mm + i * 12 * mm, lab[key])
    line(165 * mm, 285 * mm, "Seite 2 von 2", 8)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_bare_platypus(letter: ReferralLetter) -> bytes:
    """The same paragraphs in a plain SimpleDocTemplate: no letterhead, templates, page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    fonts.register_fonts()
    lab = labels("de")
    style = ParagraphStyle("n", fontName=fonts.REGULAR, fontSize=10, leading=13.5)
    values = letter.values
    texts = [
        letter.template.fill("subject", values),
        letter.template.fill("salutation", values),
        letter.template.fill("body", values),
        letter.request or "",
        *(f"{label}: {visual(value)}" for s in letter.sections for label, value in s.rows),
        lab["interpreter_text"].format(language=letter.interpreter_language),
        *letter.attachments,
        lab["consent_text"].format(given="02.05.2024", version=letter.consent_version),
        letter.template.fill("closing", values),
        lab["regards"],
        letter.counsellor_name,
    ]
    story: list[object] = [Paragraph(text, style) for text in texts]
    story.append(PageBreak())
    story += [Paragraph(lab[key], style) for key in ("slip_title", "slip_accepted", "slip_sign")]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=fonts.REGULAR, invariant=True)
    doc.build(story)
    return buffer.getvalue()


def measure(runs: int = 20) -> dict[str, float]:
    """Median seconds of both ways, and their ratio."""
    letter = sample_letter()
    render_with_renderer(letter)  # warm up: fonts, templates, imports
    render_bare(letter)

    def median(func: object) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            func(letter)  # type: ignore[operator]
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    render_bare_platypus(letter)
    renderer = median(render_with_renderer)
    bare = median(render_bare)
    platypus = median(render_bare_platypus)
    return {
        "renderer_s": renderer,
        "bare_canvas_s": bare,
        "bare_platypus_s": platypus,
        "ratio_to_canvas": renderer / bare,
        "ratio_to_platypus": renderer / platypus,
    }
