"""The counsellor's printable lists (reportlab, A4): follow-ups, contacts, the client list.

* **Meine Wiedervorlagen**: what the Wiedervorlagen view shows (:func:`followups.due_for`),
  in its groups (overdue, today, the next seven days, expiring residence documents,
  legal-category hints).
* **Kontakte heute / dieser Woche**: the contacts the user logged today or in this calendar
  week (Monday to Sunday): when, file number, name, channel, minutes, interpreter language and
  the one-line summary. The confidential note is never read here, so it can never be printed.
* **Klientenliste**: the client list as the Klienten view shows it: the search typed there,
  else the whole list in its sort order (at most :data:`MAX_CLIENT_ROWS` rows; the list says
  so when it is cut).

Every list is read through the existing services in the caller's (scoped) session, so it holds
only what the acting user may see — another team's persons never appear. Each builder records
the output in the audit trail before the bytes leave (:mod:`.outputs`): the kind, the way
(``print``: paper, ``pdf``: a file), the data categories, the number of persons and, for
contacts, the period; never a name or a search text.

Consent: the lists stay inside the organisation (a counsellor's own working papers), so no
transfer to a third party takes place (§ 67d SGB X) and no consent is asked; reading them
needs the right to read persons (``Action.READ_PERSON``), and every print or file is audited.

All pages are numbered by the one canvas of :mod:`mzdesk.core.exports.paging`.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from mzdesk.core import access, fonts, reference
from mzdesk.core.access import Action
from mzdesk.core.letters.text import clean
from mzdesk.core.models import Case, Contact, Person, User
from mzdesk.core.services import followups, outputs, persons, search
from mzdesk.core.services.followups import Group
from mzdesk.core.services.persons import PersonRow, PersonSort

log = logging.getLogger(__name__)

MAX_CLIENT_ROWS = 2000
WAYS = frozenset({"print", "pdf"})  # paper, or a PDF file

GROUP_TITLES = {  # as the Wiedervorlagen view names its groups (German UI)
    Group.OVERDUE: "Überfällig",
    Group.TODAY: "Heute",
    Group.THIS_WEEK: "Nächste 7 Tage",
    Group.DOCUMENTS: "Ablaufende Aufenthaltstitel",
    Group.HINTS: "Hinweise zum Rechtskreis",
}


class ListKind(StrEnum):
    FOLLOW_UPS = "follow_ups"
    CONTACTS_TODAY = "contacts_today"
    CONTACTS_WEEK = "contacts_week"
    CLIENTS = "clients"


TITLES = {
    ListKind.FOLLOW_UPS: "Meine Wiedervorlagen",
    ListKind.CONTACTS_TODAY: "Kontakte heute",
    ListKind.CONTACTS_WEEK: "Kontakte dieser Woche",
    ListKind.CLIENTS: "Klientenliste",
}


@dataclass(frozen=True)
class ClientFilter:
    """The Klienten view's state: what is typed in its search field, and its sort order."""

    search: str = ""
    sort: PersonSort = field(default_factory=PersonSort)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _count(value: int, one: str, many: str) -> str:
    """German counts: "1 Kontakt", "1.234 Kontakte"."""
    return f"{_number(value)} {one if value == 1 else many}"


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _now_text(now: datetime | None) -> str:
    moment = (now or datetime.now(UTC)).astimezone()
    return moment.strftime("%d.%m.%Y, %H:%M Uhr")


def _check_way(way: str) -> str:
    if way not in WAYS:
        raise ValueError(f"unknown way {way!r}: print or pdf")
    return way


def _user_name(session: Session, user_id: uuid.UUID | None) -> str:
    user = session.get(User, user_id) if user_id is not None else None
    return user.display_name if user is not None else ""


# --- the PDF ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    heading: str | None
    rows: Sequence[Sequence[str]]


def render_list(
    title: str,
    subtitle: str,
    header: Sequence[str],
    sections: Sequence[Section],
    widths: Sequence[float],
    footer_title: str,
    *,
    empty: str = "Keine Einträge.",
    landscape: bool = False,
) -> bytes:
    """An A4 list: title, subtitle, then per section an optional heading and a table whose
    header row repeats on every page; "Seite x von y" and ``footer_title`` on each page.
    ``widths``: the columns' shares of the text width."""
    fonts.register_fonts()
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from mzdesk.core.exports.paging import a4_document, build_with_footer

    buffer = BytesIO()
    doc = a4_document(
        buffer, title=title, margins=(15, 15, 15, 18), landscape=landscape, invariant=True
    )
    title_style = ParagraphStyle("t", fontName=fonts.BOLD, fontSize=15, leading=19, spaceAfter=3)
    sub_style = ParagraphStyle("s", fontName=fonts.REGULAR, fontSize=10, leading=13, spaceAfter=8)
    group_style = ParagraphStyle(
        "g", fontName=fonts.BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
    )
    cell = ParagraphStyle("c", fontName=fonts.REGULAR, fontSize=9, leading=11.5)
    head = ParagraphStyle("h", parent=cell, fontName=fonts.BOLD)
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # else Helvetica is referenced
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4ebf3")),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )

    def para(text: str, paragraph_style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(clean(text)), paragraph_style)

    story: list[Any] = [para(title, title_style), para(subtitle, sub_style), Spacer(1, 2)]
    for section in sections:
        if not section.rows:
            continue
        data = [[para(h, head) for h in header]]
        data += [[para(value, cell) for value in row] for row in section.rows]
        table = Table(data, colWidths=[w * doc.width for w in widths], repeatRows=1)
        table.setStyle(style)
        if section.heading:  # the heading never stands alone at the foot of a page
            story.append(KeepTogether([para(section.heading, group_style), table]))
        else:
            story.append(table)
    if not any(section.rows for section in sections):
        story.append(para(empty, sub_style))
    build_with_footer(doc, story, footer_title, size=8)
    return buffer.getvalue()


def _footer(kind: ListKind) -> str:
    return f"mzdesk – {TITLES[kind]} – nur für den Dienstgebrauch"


# --- Meine Wiedervorlagen -----------------------------------------------------------------------


def follow_up_list_pdf(
    session: Session,
    user_id: uuid.UUID | None,
    *,
    way: str,
    today: date | None = None,
    now: datetime | None = None,
) -> bytes:
    """What is due for ``user_id`` (the Wiedervorlagen view's list), in its groups."""
    access.require(session, Action.READ_PERSON)
    _check_way(way)
    day = today or date.today()
    due = followups.due_for(session, user_id, day)
    sections = [
        Section(
            f"{GROUP_TITLES[group]} ({len(items)})",
            [[_day(i.due_on), i.file_number, i.person_name, i.text] for i in items],
        )
        for group in Group
        if (items := due.items(group))
    ]
    shown = due.items()
    outputs.record_output(
        session,
        outputs.OutputKind.FOLLOW_UP_LIST,
        entity="user",
        entity_id=user_id,
        output_format=way,
        categories=["IDENTITY"],
        counts={"entries": len(shown), "persons": len({i.person_id for i in shown})},
    )
    log.info("follow-up list: %d entries (%s)", len(shown), way)
    who = _user_name(session, user_id)
    subtitle = ", ".join(
        part
        for part in (
            who,
            f"Stand {_now_text(now)}",
            f"{_count(len(shown), 'Eintrag', 'Einträge')}, "
            f"davon {_number(due.urgent_count)} fällig",
        )
        if part
    )
    return render_list(
        TITLES[ListKind.FOLLOW_UPS],
        subtitle,
        ["Fällig", "Aktenzeichen", "Name", "Wiedervorlage"],
        sections,
        [0.13, 0.18, 0.25, 0.44],
        _footer(ListKind.FOLLOW_UPS),
        empty="Nichts fällig.",
    )


# --- Kontakte heute / dieser Woche --------------------------------------------------------------


@dataclass(frozen=True)
class ContactLine:
    """One contact as the list prints it (no note: it is not even read)."""

    occurred_at: datetime
    file_number: str
    person_name: str
    channel: str
    minutes: int | None
    interpreter_language: str | None
    summary: str | None


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the calendar week of ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _local_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[first 00:00, the day after last 00:00) in this computer's time zone, as UTC."""
    start = datetime.combine(first, time()).astimezone()
    after = datetime.combine(last + timedelta(days=1), time()).astimezone()
    return start.astimezone(UTC), after.astimezone(UTC)


def contacts_of(
    session: Session, user_id: uuid.UUID | None, first: date, last: date
) -> list[ContactLine]:
    """The contacts ``user_id`` logged from ``first`` to ``last`` (local days), oldest first;
    None: every contact the acting user may see. Reads no note."""
    access.require(session, Action.READ_PERSON)
    start, after = _local_bounds(first, last)
    mine = true() if user_id is None else Contact.counsellor_id == user_id
    rows = session.execute(
        select(
            Contact.occurred_at,
            Contact.channel,
            Contact.minutes,
            Contact.interpreter_language,
            Contact.summary,
            Person.file_number,
            Person.family_name,
            Person.given_names,
        )
        .join(Case, Case.id == Contact.case_id)
        .join(Person, Person.id == Case.person_id)
        .where(
            mine,
            Contact.occurred_at >= start,
            Contact.occurred_at < after,
            Person.merged_into_id.is_(None),
            access.visible_persons(session),
        )
        .order_by(Contact.occurred_at, Person.sort_key, Contact.id)
    )
    return [
        ContactLine(
            row.occurred_at,
            row.file_number,
            f"{row.family_name}, {row.given_names}" if row.given_names else row.family_name,
            row.channel,
            row.minutes,
            row.interpreter_language,
            row.summary,
        )
        for row in rows
    ]


def contact_list_pdf(
    session: Session,
    user_id: uuid.UUID | None,
    kind: ListKind,
    *,
    way: str,
    today: date | None = None,
    now: datetime | None = None,
) -> bytes:
    """The user's contacts of today (``CONTACTS_TODAY``) or this week (``CONTACTS_WEEK``)."""
    if kind not in (ListKind.CONTACTS_TODAY, ListKind.CONTACTS_WEEK):
        raise ValueError(f"not a contact list: {kind}")
    _check_way(way)
    day = today or date.today()
    first, last = (day, day) if kind is ListKind.CONTACTS_TODAY else week_of(day)
    lines = contacts_of(session, user_id, first, last)
    outputs.record_output(
        session,
        outputs.OutputKind.CONTACT_LIST,
        entity="user",
        entity_id=user_id,
        output_format=way,
        categories=["IDENTITY"],
        counts={"contacts": len(lines), "persons": len({line.file_number for line in lines})},
        period=(first, last),
    )
    log.info("contact list: %d contacts (%s)", len(lines), way)
    today_only = kind is ListKind.CONTACTS_TODAY
    rows = [
        [
            line.occurred_at.astimezone().strftime("%H:%M" if today_only else "%d.%m. %H:%M"),
            line.file_number,
            line.person_name,
            reference.label("contact_channels", line.channel, "de"),
            f"{line.minutes} Min." if line.minutes else "",
            reference.label("languages", line.interpreter_language, "de"),
            line.summary or "",
        ]
        for line in lines
    ]
    period = _day(first) if today_only else f"{_day(first)} – {_day(last)}"
    minutes = sum(line.minutes or 0 for line in lines)
    subtitle = ", ".join(
        part
        for part in (
            _user_name(session, user_id),
            period,
            f"{_count(len(lines), 'Kontakt', 'Kontakte')}, {_count(minutes, 'Minute', 'Minuten')}",
            f"Stand {_now_text(now)}",
        )
        if part
    )
    return render_list(
        TITLES[kind],
        subtitle,
        [
            "Uhrzeit" if today_only else "Zeit",
            "Aktenzeichen",
            "Name",
            "Weg",
            "Dauer",
            "Dolmetsch",
            "Kurzbeschreibung",
        ],
        [Section(None, rows)],
        [0.07 if today_only else 0.11, 0.12, 0.17, 0.09, 0.07, 0.09, 0.39 if today_only else 0.35],
        _footer(kind),
        empty="Keine Kontakte in diesem Zeitraum.",
        landscape=True,
    )


# --- Klientenliste ------------------------------------------------------------------------------


def _client_rows(
    session: Session, wanted: ClientFilter, limit: int
) -> tuple[list[PersonRow], bool]:
    """Up to ``limit`` rows as the Klienten view lists them; whether more were left out."""
    found: list[PersonRow] = []
    query = search.parse_query(wanted.search)
    if not query.is_empty:
        key = None
        while len(found) <= limit:
            page = search.search_page(session, query, after=key, limit=200)
            found.extend(page.rows)
            key = page.next_key
            if key is None:
                break
    else:
        after = None
        while len(found) <= limit:
            listed = persons.page(session, after=after, limit=200, sort=wanted.sort)
            found.extend(listed.rows)
            after = listed.next_key
            if after is None:
                break
    return found[:limit], len(found) > limit


def client_list_pdf(
    session: Session,
    wanted: ClientFilter,
    *,
    way: str,
    limit: int = MAX_CLIENT_ROWS,
    now: datetime | None = None,
) -> bytes:
    """The client list as filtered in the Klienten view (search, else the sort order)."""
    access.require(session, Action.READ_PERSON)
    _check_way(way)
    rows, cut = _client_rows(session, wanted, limit)
    searched = not search.parse_query(wanted.search).is_empty
    outputs.record_output(
        session,
        outputs.OutputKind.CLIENT_LIST,
        entity="persons",
        output_format=way,
        categories=["IDENTITY", "RESIDENCE", "BENEFITS"],
        counts={"persons": len(rows)},
        codes={"filter": "search" if searched else "none"},
    )
    log.info("client list: %d persons (%s)", len(rows), way)
    body = [
        [
            row.file_number,
            f"{row.family_name}, {row.given_names}" if row.given_names else row.family_name,
            persons.format_birth_date(row.birth_date, row.birth_date_precision),
            ", ".join(reference.label("countries", code, "de") for code in row.nationalities),
            reference.label("residence_statuses", row.residence_status, "de"),
            reference.label(
                "legal_categories", row.legal_category.value if row.legal_category else None, "de"
            ),
        ]
        for row in rows
    ]
    what = f"Suche „{clean(wanted.search)}“" if searched else "Alle Personen"
    count = (
        _count(len(rows), "Treffer", "Treffer")
        if searched
        else _count(len(rows), "Person", "Personen")
    )
    if cut:
        count = f"nur die ersten {_number(len(rows))}: bitte die Suche eingrenzen"
    subtitle = f"{what} ({count}), Stand {_now_text(now)}"
    return render_list(
        TITLES[ListKind.CLIENTS],
        subtitle,
        [
            "Aktenzeichen",
            "Name",
            "Geboren",
            "Staatsangehörigkeit",
            "Aufenthalt",
            "Rechtskreis",
        ],
        [Section(None, body)],
        [0.12, 0.18, 0.11, 0.16, 0.29, 0.14],
        _footer(ListKind.CLIENTS),
        empty="Niemand gefunden.",
        landscape=True,
    )


def list_pdf(
    session: Session,
    kind: ListKind,
    *,
    user_id: uuid.UUID | None,
    way: str,
    clients: ClientFilter | None = None,
    today: date | None = None,
) -> bytes:
    """Any of the lists by its kind (the window's one entry point)."""
    if kind is ListKind.FOLLOW_UPS:
        return follow_up_list_pdf(session, user_id, way=way, today=today)
    if kind is ListKind.CLIENTS:
        return client_list_pdf(session, clients or ClientFilter(), way=way)
    return contact_list_pdf(session, user_id, kind, way=way, today=today)
