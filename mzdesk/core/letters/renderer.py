"""Renderer classes for referral letters and consent forms (reportlab platypus, to bytes).

Modelled on pretix's invoice renderer: one class per document kind, page templates whose
``onPage`` draws letterhead, address field and marks, a named stylesheet, the bundled fonts
registered once, "Seite x von y" filled in by a canvas that knows the page count, text cleaned
before it enters Paragraph markup, and the document returned as bytes.

Page geometry follows DIN 5008, form B (A4 portrait, millimetres from the top-left corner):
letterhead 0–45; address field 20 from the left, 45 from the top, 85 × 45 (17.7 for the
return address and notes, 27.3 for the address itself); information block 125 from the left,
50 from the top; fold marks at 105 and 210, hole mark at 148.5; text 25 from the left.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mzdesk.core import fonts
from mzdesk.core.exports.paging import Footer, numbered
from mzdesk.core.letters import bank
from mzdesk.core.letters.content import ConsentForm, Letterhead, ReferralLetter
from mzdesk.core.letters.flowables import DataRows, Line, TextBlock
from mzdesk.core.letters.templates import labels
from mzdesk.core.letters.text import clean, has_rtl, markup, rtl_markup, visual

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 25 * mm
RIGHT = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
ADDRESS_X, ADDRESS_TOP, ADDRESS_W, ADDRESS_H = 20 * mm, 45 * mm, 85 * mm, 45 * mm
NOTE_ZONE_H = 17.7 * mm
INFO_X, INFO_TOP = 125 * mm, 50 * mm
FOLD_MARKS = (105 * mm, 210 * mm)
HOLE_MARK = 148.5 * mm
BODY_TOP_FIRST = 98.46 * mm
BODY_TOP_LATER = 30 * mm
BOTTOM = 25 * mm
BANK_BOTTOM = 15 * mm  # baseline of the bank details' last line (the page number is at 12)
RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ur", "ckb", "he"})


def _y(top: float) -> float:
    """reportlab measures from the bottom; DIN 5008 from the top."""
    return float(PAGE_HEIGHT - top)


def _fmt(day: date | None) -> str:
    return "" if day is None else day.strftime("%d.%m.%Y")


def _table_style(commands: list[Any]) -> TableStyle:
    """A table style that also sets the cell font: reportlab's default (Helvetica) would be
    referenced in the PDF, not embedded, even when every cell holds a Paragraph."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def _page_number(page_label: str) -> Footer:
    """The letters' footer: "Seite x von y" (in the letter's language) at the right."""

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(
            PAGE_WIDTH - RIGHT, 12 * mm, page_label.format(page=page, pages=pages)
        )

    return draw


class DocumentRenderer:
    """What every mzdesk document shares: fonts, styles, letterhead, footer, bytes out."""

    title = "mzdesk"

    def __init__(self, letterhead: Letterhead | None = None, language: str = "de") -> None:
        fonts.register_fonts()
        self.letterhead = letterhead or Letterhead()
        self.language = language
        self.labels = labels(language if language in ("de", "en") else "de")
        self.styles = self._stylesheet()

    def _stylesheet(self) -> StyleSheet1:
        sheet = StyleSheet1()
        base = ParagraphStyle("Normal", fontName=fonts.REGULAR, fontSize=10, leading=13.5)
        sheet.add(base)
        sheet.add(ParagraphStyle("Small", parent=base, fontSize=8, leading=10))
        sheet.add(ParagraphStyle("Label", parent=base, fontSize=9, leading=12))
        sheet.add(ParagraphStyle("Subject", parent=base, fontName=fonts.BOLD, spaceAfter=14))
        sheet.add(
            ParagraphStyle("Heading", parent=base, fontName=fonts.BOLD, spaceBefore=5, spaceAfter=2)
        )
        sheet.add(
            ParagraphStyle("Title", parent=base, fontName=fonts.BOLD, fontSize=13, leading=17)
        )
        sheet.add(ParagraphStyle("Body", parent=base, spaceAfter=6))
        sheet.add(ParagraphStyle("RTL", parent=base, alignment=TA_RIGHT))
        sheet.add(ParagraphStyle("RTLTitle", parent=sheet["Title"], alignment=TA_RIGHT))
        sheet.add(ParagraphStyle("Cell", parent=base, fontSize=9, leading=11.5, alignment=TA_LEFT))
        return sheet

    def para(self, text: str | None, style: str = "Body") -> Paragraph:
        return Paragraph(markup(text), self.styles[style])

    def _doc(self, buffer: io.BytesIO, templates: list[PageTemplate]) -> BaseDocTemplate:
        return BaseDocTemplate(
            buffer,
            pagesize=A4,
            pageTemplates=templates,
            title=self.title,
            author=self.letterhead.organisation,
            creator="mzdesk",
            initialFontName=fonts.REGULAR,  # else a non-embedded Helvetica is referenced
            invariant=True,  # the same input gives the same bytes (reprint = identical)
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=BODY_TOP_LATER,
            bottomMargin=BOTTOM,
        )

    def _build(self, story: list[Flowable], templates: list[PageTemplate]) -> bytes:
        buffer = io.BytesIO()
        doc = self._doc(buffer, templates)
        doc.build(story, canvasmaker=numbered(_page_number(self.labels["page"])))
        return buffer.getvalue()

    # --- drawing helpers used by onPage ---------------------------------------------------

    def draw_text(
        self,
        canvas: Canvas,
        x: float,
        top: float,
        text: str,
        size: float = 10,
        font: str = fonts.REGULAR,
    ) -> None:
        canvas.setFont(font, size)
        canvas.drawString(x, _y(top), visual(clean(text)))

    def draw_lines(self, canvas: Canvas, lines: list[tuple[float, float, str, float, str]]) -> None:
        """Several ``(x, top, text, size, font)`` strings in one text object (fewer operators)."""
        text = canvas.beginText()
        current: tuple[str, float] | None = None
        for x, top, line, size, font in lines:
            if current != (font, size):
                current = (font, size)
                text.setFont(font, size)
            text.setTextOrigin(x, _y(top))
            text.textOut(visual(clean(line)))
        canvas.drawText(text)

    def draw_letterhead(self, canvas: Canvas) -> None:
        head = self.letterhead
        canvas.setFillColor(colors.black)
        contact = f"{head.street} · {head.postcode} {head.city} · {head.phone}"
        regular = fonts.REGULAR
        self.draw_lines(
            canvas,
            [
                (LEFT, 14 * mm, head.authority, 9, regular),
                (LEFT, 21 * mm, head.organisation, 14, fonts.BOLD),
                (LEFT, 27 * mm, contact, 8, regular),
                (LEFT, 31 * mm, f"{head.email} · {head.website}", 8, regular),
            ],
        )
        if head.logo and Path(head.logo).is_file():
            canvas.drawImage(
                head.logo,
                PAGE_WIDTH - RIGHT - 30 * mm,
                _y(35 * mm),
                30 * mm,
                25 * mm,
                preserveAspectRatio=True,
                anchor="ne",
                mask="auto",
            )

    def draw_marks(self, canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.3)
        for top in FOLD_MARKS:
            canvas.line(3 * mm, _y(top), 8 * mm, _y(top))
        canvas.line(3 * mm, _y(HOLE_MARK), 10 * mm, _y(HOLE_MARK))
        canvas.restoreState()

    def draw_address_field(self, canvas: Canvas, return_line: str, lines: list[str]) -> None:
        """Return address (small, underlined) at the bottom of the note zone, then the address."""
        text = visual(clean(return_line))
        room = ADDRESS_X + ADDRESS_W - LEFT
        size = 7.0
        while size > 6 and canvas.stringWidth(text, fonts.REGULAR, size) > room:
            size -= 0.25
        canvas.setFont(fonts.REGULAR, size)
        baseline = _y(ADDRESS_TOP + NOTE_ZONE_H - 1.5 * mm)
        canvas.drawString(LEFT, baseline, text)
        width = canvas.stringWidth(text, fonts.REGULAR, size)
        canvas.setLineWidth(0.3)
        canvas.line(LEFT, baseline - 1, LEFT + min(width, room), baseline - 1)
        top = ADDRESS_TOP + NOTE_ZONE_H + 4.5 * mm
        self.draw_lines(
            canvas,
            [
                (LEFT, top + i * 4.23 * mm, line, 10, fonts.REGULAR)
                for i, line in enumerate(lines[:6])
            ],
        )

    def draw_info_block(self, canvas: Canvas, rows: list[tuple[str, str]]) -> None:
        items: list[tuple[float, float, str, float, str]] = []
        for index, (label, value) in enumerate(rows):
            top = INFO_TOP + index * 8.2 * mm
            items.append((INFO_X, top, label, 7, fonts.REGULAR))
            items.append((INFO_X, top + 3.6 * mm, value, 9, fonts.REGULAR))
        self.draw_lines(canvas, items)

    def draw_footer(self, canvas: Canvas) -> None:
        head = self.letterhead
        canvas.setFillColor(colors.black)
        self.draw_text(
            canvas,
            LEFT,
            PAGE_HEIGHT - 12 * mm,
            f"{head.organisation} · {head.street} · {head.postcode} {head.city}",
            7,
        )
        if head.iban:
            self.draw_bank_details(canvas)

    def draw_bank_details(self, canvas: Canvas) -> None:
        """The bank details as a footer column under the information block, above the page
        number (DIN 5008 puts them in the footer); smaller type if a line would not fit."""
        head = self.letterhead
        bank_line = self.labels["bank"] + (f": {head.bank_name}" if head.bank_name else "")
        lines = [bank_line]
        if head.bank_holder:
            lines.append(f"{self.labels['account_holder']}: {head.bank_holder}")
        lines.append(f"IBAN {bank.grouped(head.iban)}")
        if head.bic:
            lines.append(f"BIC {head.bic}")
        room = PAGE_WIDTH - RIGHT - INFO_X
        size = 7.0
        while size > 5.5 and any(
            canvas.stringWidth(visual(clean(line)), fonts.REGULAR, size) > room for line in lines
        ):
            size -= 0.25
        bottom = PAGE_HEIGHT - BANK_BOTTOM
        self.draw_lines(
            canvas,
            [
                (INFO_X, bottom - (len(lines) - 1 - index) * 2.9 * mm, line, size, fonts.REGULAR)
                for index, line in enumerate(lines)
            ],
        )


class ReferralLetterRenderer(DocumentRenderer):
    """A referral letter with its feedback slip ("Rückmeldung") as the last page."""

    title = "Überweisung"

    def render(self, letter: ReferralLetter) -> bytes:
        if letter.language != self.language:
            raise ValueError("renderer and letter language differ")
        template = letter.template
        subject = template.fill("subject", letter.values)  # fails on an empty placeholder
        salutation = template.fill("salutation", letter.values)
        body = template.fill("body", letter.values)
        closing = template.fill("closing", letter.values)
        return self._build(
            self._story(letter, subject, salutation, body, closing), self._templates(letter)
        )

    def _info_rows(self, letter: ReferralLetter) -> list[tuple[str, str]]:
        lab = self.labels
        rows = [
            (lab["our_ref"], letter.file_reference),
            (lab["contact_person"], letter.counsellor_name),
        ]
        if letter.counsellor_phone:
            rows.append((lab["phone"], letter.counsellor_phone))
        if letter.counsellor_email:
            rows.append((lab["email"], letter.counsellor_email))
        rows.append((lab["date"], _fmt(letter.letter_date)))
        return rows

    def draw_draft_mark(self, canvas: Canvas) -> None:
        """ENTWURF – keine Einwilligung: large and diagonal across the page, over the text,
        and as a line at the top edge (which text extraction and screen readers read)."""
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.75, 0.05, 0.05))
        canvas.setFont(fonts.BOLD, 10)
        canvas.drawCentredString(PAGE_WIDTH / 2, _y(8 * mm), self.labels["draft_banner"])
        canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.3))
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(55)  # about the page's diagonal
        canvas.setFont(fonts.BOLD, 110)
        canvas.drawCentredString(0, 10, self.labels["draft_mark"])
        canvas.setFont(fonts.BOLD, 38)
        canvas.drawCentredString(0, -40, self.labels["draft_mark_reason"])
        canvas.restoreState()

    def _templates(self, letter: ReferralLetter) -> list[PageTemplate]:
        # A letter no consent or exception covers is a draft on screen: every page says so.
        def mark(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            if letter.uncovered:
                self.draw_draft_mark(canvas)

        def first(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            self.draw_letterhead(canvas)
            self.draw_marks(canvas)
            self.draw_address_field(canvas, self.letterhead.return_address, list(letter.recipient))
            self.draw_info_block(canvas, self._info_rows(letter))
            self.draw_footer(canvas)

        def later(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            self.draw_text(canvas, LEFT, 15 * mm, self.letterhead.organisation, 8)
            self.draw_text(
                canvas, LEFT, 19 * mm, f"{self.labels['our_ref']}: {letter.file_reference}", 8
            )
            self.draw_marks(canvas)
            self.draw_footer(canvas)

        def slip(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            # The partner returns this page in a window envelope: the centre is the addressee.
            self.draw_marks(canvas)
            self.draw_text(canvas, LEFT, 21 * mm, self.labels["slip_title"], 14, fonts.BOLD)
            self.draw_address_field(
                canvas,
                f"{self.labels['slip_from']}: {letter.partner_name}",
                self.letterhead.address_lines,
            )
            self.draw_info_block(
                canvas,
                [
                    (self.labels["our_ref"], letter.file_reference),
                    (self.labels["contact_person"], letter.counsellor_name),
                    (self.labels["date"], _fmt(letter.letter_date)),
                ],
            )
            self.draw_footer(canvas)

        body_first = Frame(
            LEFT,
            BOTTOM,
            TEXT_WIDTH,
            _y(BODY_TOP_FIRST) - BOTTOM,
            id="first",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        body_later = Frame(
            LEFT,
            BOTTOM,
            TEXT_WIDTH,
            _y(BODY_TOP_LATER) - BOTTOM,
            id="later",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        body_slip = Frame(
            LEFT,
            BOTTOM,
            TEXT_WIDTH,
            _y(BODY_TOP_FIRST) - BOTTOM,
            id="slip",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        return [
            PageTemplate(
                "first",
                [body_first],
                onPage=first,
                onPageEnd=mark,
                autoNextPageTemplate="later",
            ),
            PageTemplate("later", [body_later], onPage=later, onPageEnd=mark),
            PageTemplate("slip", [body_slip], onPage=slip, onPageEnd=mark),
        ]

    def _data_table(self, rows: tuple[tuple[str, str], ...]) -> Flowable:
        return DataRows(rows, font=fonts.REGULAR, size=9, leading=11.5, label_width=50 * mm)

    def line(self, text: str | None, style: str = "Body") -> Line:
        """A plain text item in a named style (for :class:`TextBlock`: no markup parsed)."""
        st = self.styles[style]
        return Line(
            clean(text), st.fontName, st.fontSize, st.leading, st.spaceBefore, st.spaceAfter
        )

    def _story(
        self, letter: ReferralLetter, subject: str, salutation: str, body: str, closing: str
    ) -> list[Flowable]:
        """The letter as a few text blocks (plain text: no markup to parse) and the data rows."""
        lab = self.labels
        opening = [self.line(subject, "Subject"), self.line(salutation)]
        opening += [self.line(part) for part in clean(body).split("\n\n")]
        if letter.has_consent and "consented" in letter.template.sections:
            # the template's sentence about the consent: only when there is one
            consented = letter.template.fill("consented", letter.values)
            opening += [self.line(part) for part in clean(consented).split("\n\n")]
        if letter.request:
            opening += [self.line(lab["request"], "Heading"), self.line(letter.request)]
        story: list[Flowable] = [NextPageTemplate("later"), TextBlock(opening)]
        if letter.sections:
            rows: list[tuple[str, str]] = []
            for section in letter.sections:
                rows.extend(section.rows)
            story += [
                CondPageBreak(40 * mm),
                TextBlock(
                    [
                        self.line(
                            lab["data_heading" if letter.has_consent else "data_heading_plain"],
                            "Heading",
                        )
                    ]
                ),
                self._data_table(tuple(rows)),
            ]
        after: list[Line] = []
        if letter.interpreter_language:
            after += [
                self.line(lab["interpreter"], "Heading"),
                self.line(lab["interpreter_text"].format(language=letter.interpreter_language)),
            ]
        attachments = letter.attachments or (lab["no_attachments"],)
        after += [
            self.line(lab["attachments"], "Heading"),
            self.line("\n".join(f"– {item}" for item in attachments)),
            self.line(lab["consent"], "Heading"),
        ]
        if letter.has_consent:
            consent = lab["consent_text"].format(
                given=_fmt(letter.consent_given_on), version=letter.consent_version
            )
        elif letter.has_exception:
            consent = lab["consent_override"].format(
                lead=letter.override_by, reason=letter.override_reason
            )
        else:  # never claim a consent or an exception that was not given
            consent = lab["consent_missing"]
        after.append(self.line(consent))
        if letter.answer_due_on:
            after.append(self.line(lab["answer_by"].format(date=_fmt(letter.answer_due_on))))
        story.append(TextBlock(after))
        signature = self.line(letter.counsellor_name)
        story.append(
            TextBlock(  # kept together: one block that does not split is moved whole
                [
                    self.line(closing),
                    self.line(lab["regards"]),
                    Line(
                        signature.text,
                        signature.font,
                        signature.size,
                        signature.leading,
                        8 * mm + 6,
                    ),
                ]
            ).unsplittable()
        )
        story += [NextPageTemplate("slip"), PageBreak()]
        story += self._slip(letter)
        return story

    def _slip(self, letter: ReferralLetter) -> list[Flowable]:
        """The feedback form: fixed lines, drawn as one block (no markup to parse)."""
        lab = self.labels
        box = "\u2610"
        regular, rule = fonts.REGULAR, "_" * 80
        gap = 4 * mm
        return [
            TextBlock(
                [
                    Line(
                        lab["slip_ref"].format(
                            date=_fmt(letter.letter_date), reference=letter.file_reference
                        ),
                        fonts.BOLD,
                    ),
                    Line(f"{lab['slip_person']}: {letter.slip_subject}", regular, space_before=14),
                    Line(f"{box}  {lab['slip_accepted']}", regular, space_before=6 + gap),
                    Line(lab["slip_appointment"], regular, space_before=6),
                    Line(f"{box}  {lab['slip_rejected']}", regular, space_before=6 + gap),
                    Line(rule, regular, space_before=6),
                    Line(rule, regular, space_before=6),
                    Line(f"{box}  {lab['slip_other']}", regular, space_before=6 + gap),
                    Line(rule, regular, space_before=6),
                    Line("_" * 50, regular, space_before=6 + 16 * mm),
                    Line(lab["slip_sign"], regular, size=8, leading=10, space_before=6),
                ]
            ).unsplittable()
        ]


class ConsentFormRenderer(DocumentRenderer):
    """The consent form for signature: German and, side by side, the person's language."""

    title = "Einwilligung"

    def render(self, form: ConsentForm) -> bytes:
        self.form = form
        frame = Frame(
            LEFT,
            BOTTOM,
            TEXT_WIDTH,
            _y(42 * mm) - BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

        def page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            self.draw_letterhead(canvas)
            self.draw_marks(canvas)
            self.draw_footer(canvas)
            if canvas.getPageNumber() > 1:  # a sheet that is signed names whose form it is
                self.draw_text(
                    canvas,
                    LEFT,
                    37 * mm,
                    f"{form.texts['de']['title']} · {form.person_name} · {form.file_number}",
                    8,
                )

        return self._build(self._story(form), [PageTemplate("page", [frame], onPage=page)])

    @property
    def bilingual(self) -> bool:
        return self.form.language != "de"

    def _cell(self, text: str, language: str, style: str, width: float) -> Paragraph:
        if language in RTL_LANGUAGES or has_rtl(text):
            rtl_style = "RTLTitle" if style == "Title" else "RTL"
            st = self.styles[rtl_style]
            return Paragraph(rtl_markup(text, st.fontName, st.fontSize, width - 4), st)
        return Paragraph(markup(text), self.styles[style])

    def _row(self, key: str, style: str = "Body", total: float = TEXT_WIDTH) -> Table:
        """One section: German left, translation right (or German alone)."""
        langs = ["de", self.form.language] if self.bilingual else ["de"]
        gap = 6 * mm if len(langs) > 1 else 0
        width = (total - gap) / len(langs)
        cells = [self._cell(self.form.texts[lang][key], lang, style, width) for lang in langs]
        widths = [width + gap, width] if len(langs) > 1 else [width]
        table = Table([cells], colWidths=widths, hAlign="LEFT")
        table.setStyle(
            _table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 6 * mm),
                    ("RIGHTPADDING", (1, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def _value(self, text: str) -> Paragraph:
        return Paragraph(markup(text), self.styles["Body"])

    def _story(self, form: ConsentForm) -> list[Flowable]:
        blank = "_" * 60
        story: list[Flowable] = [self._row("title", "Title"), Spacer(1, 3 * mm)]
        person = [
            ("name", form.person_name),
            ("birth_date", form.birth_date or blank),
            ("file_number", form.file_number),
        ]
        for key, value in person:
            story.append(self._row(key, "Label"))
            story.append(self._value(value))
            if key == "name" and form.person_name_original:
                story.append(self._value(form.person_name_original))
        story += [Spacer(1, 2 * mm), self._row("intro")]
        story.append(self._row("categories", "Heading"))
        for code in form.all_categories:
            box = "\u2612" if code in form.categories else "\u2610"
            story.append(self._checkbox_row(box, f"category.{code}"))
        story.append(self._row("recipients", "Heading"))
        story.append(
            self._value("\n".join(form.recipients) if form.recipients else f"{blank}\n{blank}")
        )
        story.append(self._row("purpose", "Heading"))
        story.append(self._value(form.purpose or f"{blank}\n{blank}"))
        story.append(self._row("valid_until", "Heading"))
        if form.expires_on:
            story.append(self._value(_fmt(form.expires_on)))
        elif form.given_on:
            story.append(self._row("no_expiry"))
        else:
            story.append(self._value(blank))
        # The closing text and the signatures stay together: signature lines never stand
        # alone on a page (they sign what is above them on the same sheet).
        closing: list[Flowable] = [
            Spacer(1, 2 * mm),
            self._row("voluntary"),
            self._row("withdrawal"),
        ]
        if self.bilingual:
            closing.append(self._row("translation_note", "Small"))
        signatures: list[Flowable]
        if self.bilingual:  # each signature line under the other, its caption in both
            signatures = [
                Spacer(1, 9 * mm),
                self._value("_" * 50),
                self._row("signature", "Small"),
                Spacer(1, 8 * mm),
                self._value("_" * 50),
                self._row("counsellor_signature", "Small"),
            ]
        else:  # German alone: the two signatures side by side, so the form is one sheet
            half = (TEXT_WIDTH - 10 * mm) / 2
            rule = "_" * 38
            signatures = [
                Spacer(1, 11 * mm),
                Table(
                    [
                        [self._value(rule), "", self._value(rule)],
                        [
                            self._cell(form.texts["de"]["signature"], "de", "Small", half),
                            "",
                            self._cell(
                                form.texts["de"]["counsellor_signature"], "de", "Small", half
                            ),
                        ],
                    ],
                    colWidths=[half, 10 * mm, half],
                    hAlign="LEFT",
                    style=_table_style(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                            ("TOPPADDING", (0, 0), (-1, -1), 0),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                        ]
                    ),
                ),
            ]
        if form.witness:
            signatures += [
                Spacer(1, 4 * mm),
                self._row("witness", "Small"),
                self._value(form.witness),
            ]
        story.append(KeepTogether(closing + signatures))
        return story

    def _checkbox_row(self, box: str, key: str) -> Table:
        row = self._row(key, total=TEXT_WIDTH - 7 * mm)
        return Table(
            [[Paragraph(box, self.styles["Body"]), row]],
            colWidths=[7 * mm, TEXT_WIDTH - 7 * mm],
            hAlign="LEFT",
            style=_table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
