"""The printed lists of an event (reportlab, A4): the attendance list and the employer list.

The attendance list names the registered attendees (family and given names, a box to tick)
and nothing else: no birth date, phone, file number, status or notes — what the person at the
door needs to tick people off, no more. Blank rows follow for walk-ins.

The employer list shows the employers and partners present with fair mode's employer numbers
(:func:`.events.present_partners`) and their booths.

Each list is recorded as an output in the audit trail when it is made (:mod:`.outputs`).
"""

from __future__ import annotations

import logging
import uuid
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy.orm import Session

from mzdesk.core import access, fonts, reference
from mzdesk.core.access import Action
from mzdesk.core.models import Event
from mzdesk.core.names import fold
from mzdesk.core.services import outputs
from mzdesk.core.services.event_attendance import attendees
from mzdesk.core.services.events import get_event, present_partners

log = logging.getLogger(__name__)


def _date_text(event: Event) -> str:
    text = event.starts_on.strftime("%d.%m.%Y")
    if event.ends_on and event.ends_on != event.starts_on:
        text += " – " + event.ends_on.strftime("%d.%m.%Y")
    return text


def _render(
    title: str,
    subtitle: str,
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    footer_title: str,
    blank_rows: int = 0,
) -> bytes:
    fonts.register_fonts()
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from mzdesk.core.exports.paging import a4_document, build_with_footer

    buffer = BytesIO()
    doc = a4_document(buffer, title=title, margins=(18, 18, 18, 20))
    title_style = ParagraphStyle("t", fontName=fonts.BOLD, fontSize=15, leading=19, spaceAfter=3)
    sub_style = ParagraphStyle("s", fontName=fonts.REGULAR, fontSize=10, leading=13, spaceAfter=8)
    cell = ParagraphStyle("c", fontName=fonts.REGULAR, fontSize=10, leading=12.5)
    head = ParagraphStyle("h", parent=cell, fontName=fonts.BOLD)
    data: list[list[Any]] = [[Paragraph(escape(h), head) for h in header]]
    data += [[Paragraph(escape(value), cell) for value in row] for row in rows]
    data += [["" for _ in header] for _ in range(blank_rows)]
    table = Table(data, colWidths=[w * doc.width for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4ebf3")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 1), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
            ]
        )
    )
    story = [
        Paragraph(escape(title), title_style),
        Paragraph(escape(subtitle), sub_style),
        Spacer(1, 2),
        table,
    ]
    build_with_footer(doc, story, footer_title, size=8)
    return buffer.getvalue()


def attendance_list_pdf(session: Session, event_id: uuid.UUID, *, blank_rows: int = 15) -> bytes:
    """The list for the entrance: registered attendees' names and a box to tick, then blank
    rows for walk-ins. Nothing else about a person is printed (see the module docstring)."""
    access.require(session, Action.EXPORT)
    event = get_event(session, event_id)
    rows = sorted(
        attendees(session, event.id), key=lambda r: (fold(r.family_name), fold(r.given_names))
    )
    body = [[str(i), r.family_name, r.given_names, "☐"] for i, r in enumerate(rows, start=1)]
    outputs.record_output(  # before the list leaves (the caller commits)
        session,
        outputs.OutputKind.ATTENDANCE_LIST,
        entity="event",
        entity_id=event.id,
        categories=["IDENTITY"],  # names only
        counts={"persons": len(body)},
    )
    log.info("attendance list of event %s printed: %d names", event.id, len(body))
    return _render(
        f"Teilnahmeliste: {event.name}",
        f"{_date_text(event)} · {event.place} · {len(body)} angemeldet",
        ["Nr.", "Familienname", "Vorname(n)", "da"],
        body,
        [0.08, 0.42, 0.42, 0.08],
        f"mzdesk – Teilnahmeliste {event.name} – nur für den Einlass, danach vernichten",
        blank_rows=blank_rows,
    )


def employer_list_pdf(session: Session, event_id: uuid.UUID) -> bytes:
    """The employers and partners present, with fair mode's employer numbers and booths."""
    access.require(session, Action.EVENTS)
    event = get_event(session, event_id)
    present = present_partners(session, event.id)
    body = [
        [
            str(p.number) if p.number else "–",
            p.booth or "",
            p.name,
            "Arbeitgeber" if p.is_employer else reference.label("partner_kinds", p.kind),
            p.city or "",
        ]
        for p in present
    ]
    outputs.record_output(
        session,
        outputs.OutputKind.EMPLOYER_LIST,
        entity="event",
        entity_id=event.id,
        counts={"partners": len(body)},
    )
    return _render(
        f"Aussteller: {event.name}",
        f"{_date_text(event)} · {event.place} · "
        f"{sum(1 for p in present if p.is_employer)} Arbeitgeber, "
        f"{sum(1 for p in present if not p.is_employer)} weitere Partner",
        ["Nr.", "Stand", "Organisation", "Art", "Ort"],
        body,
        [0.07, 0.13, 0.42, 0.22, 0.16],
        f"mzdesk – Ausstellerliste {event.name}",
    )
