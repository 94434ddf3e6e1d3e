"""The contact log of a case: the quick entry and the list (Qt-free).

A contact records when (default: now), how (channel, reference ``contact_channels``), how
long, with which interpreter language, about which topics, and a confidential note. The note
is never printed, exported or logged; the GUI shows it on screen only, marked.

Topics: the contacts table has no topic column. The topics of a contact are added to its
case's topics (a case's topics are what it has been about) and written, as German labels,
at the start of the contact's ``summary`` (the non-confidential one-line description the
timeline shows), e.g. ``"Arbeit, Sprache"`` or ``"Arbeit: Bewerbung besprochen"``.

A next follow-up date creates a ``FollowUp`` on the case (Wiedervorlage), assigned to the
counsellor who logged the contact.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access, reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Case, CaseTopic, Contact, FollowUp
from mzdesk.core.services import audit
from mzdesk.core.services.cases import check_topics
from mzdesk.core.services.lookup import by_id
from mzdesk.core.text import clean_text

log = logging.getLogger(__name__)

MAX_MINUTES = 24 * 60
MAX_SUMMARY = 500
MAX_FOLLOW_UP_TEXT = 500
DEFAULT_FOLLOW_UP_TEXT = "Wiedervorlage nach Kontakt"
FUTURE_SLACK = timedelta(hours=1)  # clocks differ a little between laptops


class InvalidContact(MzdeskError):
    """A contact that cannot be recorded as given."""


def _summary(topics: Sequence[str], summary: str | None) -> str | None:
    labels = ", ".join(reference.label("case_topics", code, "de") for code in topics)
    text = " ".join(clean_text(summary or "").split())
    combined = f"{labels}: {text}" if labels and text else labels or text
    if len(combined) > MAX_SUMMARY:
        raise InvalidContact(
            f"the summary is longer than {MAX_SUMMARY} characters",
            german=f"Die Kurzbeschreibung ist länger als {MAX_SUMMARY} Zeichen.",
        )
    return combined or None


def _channel(channel: str) -> str:
    code = channel.strip().upper()
    if code not in reference.by_code("contact_channels"):
        known = ", ".join(reference.codes("contact_channels"))
        raise InvalidContact(
            f"unknown channel {channel!r} (one of {known})", german=f"Unbekannter Weg: {channel}"
        )
    return code


def _language(code: str | None) -> str | None:
    value = (code or "").strip().lower()
    if not value:
        return None
    if value not in reference.by_code("languages"):
        raise InvalidContact(
            f"unknown interpreter language {code!r}", german=f"Unbekannte Sprache: {code}"
        )
    return value


def add_follow_up(
    session: Session,
    case: Case,
    due_on: date,
    text: str,
    *,
    assigned_to_id: uuid.UUID | None = None,
    source: str | None = None,
) -> FollowUp:
    """A follow-up (Wiedervorlage) on ``case``; the caller commits."""
    access.require(session, access.Action.EDIT_PERSON, case_id=case.id)
    cleaned = " ".join(clean_text(text).split()) or DEFAULT_FOLLOW_UP_TEXT
    if len(cleaned) > MAX_FOLLOW_UP_TEXT:
        raise InvalidContact(
            f"the follow-up text is longer than {MAX_FOLLOW_UP_TEXT} characters",
            german=f"Der Text der Wiedervorlage ist länger als {MAX_FOLLOW_UP_TEXT} Zeichen.",
        )
    follow_up = FollowUp(
        case_id=case.id,
        due_on=due_on,
        text=cleaned,
        assigned_to_id=assigned_to_id or case.counsellor_id,
        source=source,
    )
    session.add(follow_up)
    return follow_up


def add_contact(
    session: Session,
    *,
    case_id: uuid.UUID | str,
    channel: str,
    occurred_at: datetime | None = None,
    minutes: int | None = None,
    interpreter_language: str | None = None,
    topics: Sequence[str] = (),
    summary: str | None = None,
    note: str | None = None,
    follow_up_on: date | None = None,
    follow_up_text: str | None = None,
    counsellor_id: uuid.UUID | None = None,
) -> Contact:
    """Record a contact on a case (the caller commits); returns it with its follow-up added."""
    case = by_id(session, Case, case_id, "case")
    access.require(session, access.Action.EDIT_PERSON, person_id=case.person_id, case_id=case.id)
    when = occurred_at or datetime.now(UTC)
    if when.tzinfo is None:
        raise InvalidContact("the contact time needs a time zone")
    if when > datetime.now(UTC) + FUTURE_SLACK:
        raise InvalidContact(
            "a contact cannot lie in the future",
            german="Ein Kontakt kann nicht in der Zukunft liegen.",
        )
    if minutes is not None and not 0 < minutes <= MAX_MINUTES:
        raise InvalidContact(
            f"minutes must be between 1 and {MAX_MINUTES}",
            german=f"Die Dauer muss zwischen 1 und {MAX_MINUTES} Minuten liegen.",
        )
    if follow_up_on is not None and follow_up_on < when.date():
        raise InvalidContact(
            "the next follow-up cannot lie before the contact",
            german="Die Wiedervorlage kann nicht vor dem Kontakt liegen.",
        )
    codes = check_topics(topics)
    counsellor = counsellor_id or access.acting_user_id(session) or case.counsellor_id
    contact = Contact(
        case_id=case.id,
        counsellor_id=counsellor,
        occurred_at=when,
        channel=_channel(channel),
        minutes=minutes,
        interpreter_language=_language(interpreter_language),
        summary=_summary(codes, summary),
        note=clean_text(note or "", multiline=True).strip() or None,
    )
    session.add(contact)
    present = {topic.topic_code for topic in case.topics}
    new_topics = [code for code in codes if code not in present]
    for code in new_topics:
        case.topics.append(CaseTopic(topic_code=code))
    follow_up = None
    if follow_up_on is not None:
        follow_up = add_follow_up(
            session, case, follow_up_on, follow_up_text or "", assigned_to_id=counsellor
        )
    session.flush()
    audit.append(
        session,
        "create",
        "contact",
        entity_id=contact.id,
        person_id=case.person_id,
        details={
            "case_id": case.id,
            "occurred_at": when,
            "channel": contact.channel,
            "minutes": minutes,
            "topics": codes,
            "case_topics_added": new_topics,
            "follow_up_id": follow_up.id if follow_up else None,
            "follow_up_on": follow_up_on,
            "has_note": contact.note is not None,  # the note itself stays out of the trail
        },
    )
    log.info("contact %s on case %s recorded", contact.id, case.id)
    return contact


def list_contacts(session: Session, case_id: uuid.UUID | str, *, limit: int = 200) -> list[Contact]:
    """The contacts of a case, newest first."""
    case = by_id(session, Case, case_id, "case")
    access.require(session, access.Action.READ_PERSON, person_id=case.person_id, case_id=case.id)
    query = (
        select(Contact)
        .where(Contact.case_id == case.id)
        .order_by(Contact.occurred_at.desc(), Contact.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def add_case_follow_up(
    session: Session,
    case_id: uuid.UUID | str,
    due_on: date,
    text: str,
    *,
    source: str | None = None,
) -> FollowUp:
    """A follow-up on a case, e.g. the one a legal-category hint proposes (the caller commits)."""
    case = by_id(session, Case, case_id, "case")
    access.require(session, access.Action.EDIT_PERSON, person_id=case.person_id, case_id=case.id)
    follow_up = add_follow_up(
        session, case, due_on, text, assigned_to_id=access.acting_user_id(session), source=source
    )
    session.flush()
    audit.append(
        session,
        "create",
        "follow_up",
        entity_id=follow_up.id,
        person_id=case.person_id,
        details={"case_id": case.id, "due_on": due_on, "source": source},
    )
    return follow_up
