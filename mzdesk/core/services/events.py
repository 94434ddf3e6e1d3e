"""Job fairs and outreach days: the event, who was there, whom they met, and the entrance lists.

* An event has a date (or a range), a place, a kind, the employers and partners present (each
  with its role: ``is_employer``) and its organisers (users).
* Attendees are registered either as an existing person or through the *short intake* of fair
  mode (:class:`ShortIntake`): a new ``Person`` (birth year as ``YEAR`` precision, languages as
  ``PersonLanguage`` rows, German among them with its level), an ``Attendance`` with the
  consent to be contacted, the profession or wish and the German level. When the new person
  consents to be contacted, a ``Case`` with source ``event`` (topic WORK) is opened for the
  registering user (counsellor) and their team — else the event's team — so that whoever
  registered them follows up, also at another team's event; without consent there is no case.
* People who do not register are counted anonymously: every +1 is its own ``Attendance`` row
  with ``headcount`` 1 (rows only ever inserted: two laptops counting at one event merge
  without conflicts); the last +1 can be taken back.
* Employer contacts (attendee x employer, outcome) are recorded only for attendees who
  consented: "contacts are recorded with consent" (domain.md).
* Employers are numbered 1, 2, … in one order (:func:`employers`): fair mode's keys and the
  printed employer list use the same numbers; attendees are numbered by registration order
  among all of the event's registered attendees, whoever looks (a user who may not see some
  of them sees gaps, never different numbers).

The printed lists (attendance list, employer list) are in :mod:`.event_lists`.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core import access, reference, scope
from mzdesk.core.access import Action
from mzdesk.core.dedupe import Candidate, PersonProbe, find_candidates
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import (
    Attendance,
    BirthDatePrecision,
    Case,
    CaseSource,
    CaseStatus,
    CaseTopic,
    Event,
    EventContact,
    EventContactOutcome,
    EventKind,
    EventOrganiser,
    EventPartner,
    Partner,
    Person,
    PersonLanguage,
    PersonNationality,
    Team,
    User,
)
from mzdesk.core.names import fold
from mzdesk.core.services import audit
from mzdesk.core.services.lookup import by_id, short_id
from mzdesk.core.text import checked_name, clean_text

log = logging.getLogger(__name__)

MAX_NAME = 200
MAX_PHONE = 64
MAX_WISH = 200
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
OLDEST_BIRTH_YEAR = 1900


class EventError(MzdeskError):
    """Event data that cannot be stored as given."""


class AlreadyRegistered(EventError):
    """The person is already an attendee of this event (``attendance_id`` says where)."""

    def __init__(self, message: str, german: str, attendance_id: uuid.UUID) -> None:
        super().__init__(message, german=german)
        self.attendance_id = attendance_id


def _now() -> datetime:
    return datetime.now(UTC)


# --- events -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerPresence:
    """A partner at an event: an employer (contacts are recorded with it) or another partner."""

    partner_id: uuid.UUID
    is_employer: bool = True
    booth: str | None = None


def get_event(session: Session, text: str | uuid.UUID) -> Event:
    """An event by id or short id (last 6-8 hex digits)."""
    access.require(session, Action.EVENTS)
    return by_id(session, Event, text, "event")


_GERMAN_WHAT = {
    "name": "Der Name",
    "place": "Der Ort",
    "address": "Die Adresse",
    "booth": "Der Stand",
    "profession": "Der Berufswunsch",
    "family name": "Der Familienname",
    "given names": "Die Vornamen",
    "phone": "Die Telefonnummer",
    "email": "Die E-Mail-Adresse",
    "German level": "Das Deutschniveau",
}


def _clean(value: str | None, limit: int, what: str) -> str | None:
    text = " ".join((value or "").split())
    checked_name(text, what, _GERMAN_WHAT[what])  # no control or invisible characters
    if len(text) > limit:
        raise EventError(
            f"{what} longer than {limit} characters",
            german=f"{_GERMAN_WHAT[what]} ist länger als {limit} Zeichen.",
        )
    return text or None


def _check_dates(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise EventError(
            "the event ends before it starts",
            german="Die Veranstaltung endet vor ihrem Beginn.",
        )


def _presences(session: Session, partners: Sequence[PartnerPresence]) -> list[EventPartner]:
    seen: set[uuid.UUID] = set()
    rows = []
    for presence in partners:
        if presence.partner_id in seen:
            raise EventError("a partner is listed twice", german="Ein Partner ist doppelt genannt.")
        seen.add(presence.partner_id)
        if session.get(Partner, presence.partner_id) is None:
            raise EventError(
                f"partner {presence.partner_id} not found",
                german="Einen der Partner gibt es nicht.",
            )
        rows.append(
            EventPartner(
                partner_id=presence.partner_id,
                is_employer=presence.is_employer,
                booth=_clean(presence.booth, 32, "booth"),
            )
        )
    return rows


def _organisers(session: Session, user_ids: Sequence[uuid.UUID]) -> list[EventOrganiser]:
    rows = []
    for user_id in dict.fromkeys(user_ids):
        if session.get(User, user_id) is None:
            raise EventError(
                f"user {user_id} not found",
                german="Eines der genannten Konten gibt es nicht.",
            )
        rows.append(EventOrganiser(user_id=user_id))
    return rows


def create_event(
    session: Session,
    *,
    name: str,
    starts_on: date,
    place: str,
    kind: EventKind = EventKind.JOB_FAIR,
    ends_on: date | None = None,
    address: str | None = None,
    description: str | None = None,
    team_id: uuid.UUID | None = None,
    partners: Sequence[PartnerPresence] = (),
    organisers: Sequence[uuid.UUID] = (),
) -> Event:
    """A new event with the partners present and its organisers (the caller commits)."""
    access.require(session, Action.EVENTS)
    clean_name = _clean(name, MAX_NAME, "name")
    clean_place = _clean(place, MAX_NAME, "place")
    if not clean_name:
        raise EventError("an event needs a name", german="Die Veranstaltung braucht einen Namen.")
    if not clean_place:
        raise EventError("an event needs a place", german="Die Veranstaltung braucht einen Ort.")
    _check_dates(starts_on, ends_on)
    if team_id is not None and session.get(Team, team_id) is None:
        raise EventError(f"team {team_id} not found", german="Dieses Team gibt es nicht.")
    event = Event(
        name=clean_name,
        kind=EventKind(kind),
        starts_on=starts_on,
        ends_on=ends_on,
        place=clean_place,
        address=_clean(address, 300, "address"),
        description=clean_text(description or "", multiline=True).strip() or None,
        team_id=team_id,
    )
    event.partners = _presences(session, partners)
    event.organisers = _organisers(session, organisers)
    session.add(event)
    session.flush()
    log.info("event %s created with %d partners", event.id, len(event.partners))
    return event


_UNSET: Any = object()


def edit_event(
    session: Session,
    event_id: uuid.UUID,
    *,
    expected_version: int | None = None,
    name: str = _UNSET,
    starts_on: date = _UNSET,
    ends_on: date | None = _UNSET,
    place: str = _UNSET,
    kind: EventKind = _UNSET,
    address: str | None = _UNSET,
    description: str | None = _UNSET,
    team_id: uuid.UUID | None = _UNSET,
    partners: Sequence[PartnerPresence] = _UNSET,
    organisers: Sequence[uuid.UUID] = _UNSET,
) -> Event:
    """Change what is given; ``partners``/``organisers`` replace the lists (rows of partners
    that stay are kept, so their contacts stay attached). Refused if the event was changed
    since ``expected_version`` was read."""
    event = get_event(session, event_id)
    if expected_version is not None and event.version != expected_version:
        raise EventError(
            "the event was changed meanwhile; reload it",
            german="Die Veranstaltung wurde inzwischen geändert. Bitte neu laden.",
        )
    if name is not _UNSET:
        clean = _clean(name, MAX_NAME, "name")
        if not clean:
            raise EventError(
                "an event needs a name", german="Die Veranstaltung braucht einen Namen."
            )
        event.name = clean
    if place is not _UNSET:
        clean = _clean(place, MAX_NAME, "place")
        if not clean:
            raise EventError(
                "an event needs a place", german="Die Veranstaltung braucht einen Ort."
            )
        event.place = clean
    if starts_on is not _UNSET:
        event.starts_on = starts_on
    if ends_on is not _UNSET:
        event.ends_on = ends_on
    _check_dates(event.starts_on, event.ends_on)
    if kind is not _UNSET:
        event.kind = EventKind(kind)
    if address is not _UNSET:
        event.address = _clean(address, 300, "address")
    if description is not _UNSET:
        event.description = clean_text(description or "", multiline=True).strip() or None
    if team_id is not _UNSET:
        event.team_id = team_id
    if partners is not _UNSET:
        wanted = {row.partner_id: row for row in _presences(session, partners)}
        for row in list(event.partners):
            if row.partner_id not in wanted:
                event.partners.remove(row)
                continue
            new = wanted.pop(row.partner_id)
            row.is_employer, row.booth = new.is_employer, new.booth
        event.partners.extend(wanted.values())
    if organisers is not _UNSET:
        keep = {row.user_id: row for row in _organisers(session, organisers)}
        for organiser in list(event.organisers):
            if organiser.user_id not in keep:
                event.organisers.remove(organiser)
            else:
                keep.pop(organiser.user_id)
        event.organisers.extend(keep.values())
    session.flush()
    return event


@dataclass(frozen=True)
class Tally:
    """The running figures of an event: registered persons, anonymous heads, contacts."""

    registered: int = 0
    anonymous: int = 0
    contacts: dict[EventContactOutcome, int] = field(default_factory=dict)

    @property
    def attendees(self) -> int:
        return self.registered + self.anonymous

    def outcome(self, outcome: EventContactOutcome) -> int:
        return self.contacts.get(outcome, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "attendees": self.attendees,
            "registered": self.registered,
            "anonymous": self.anonymous,
            "contacts": {o.value: self.outcome(o) for o in EventContactOutcome},
        }


def tally(session: Session, event_id: uuid.UUID) -> Tally:
    access.require(session, Action.EVENTS)
    with scope.unscoped(session, scope.Purpose.EVENT_TALLY):  # counts, the same for everyone
        return _tally(session, event_id)


def _tally(session: Session, event_id: uuid.UUID) -> Tally:
    registered, anonymous = session.execute(
        select(
            func.count(Attendance.person_id),
            func.coalesce(func.sum(Attendance.headcount).filter(Attendance.person_id.is_(None)), 0),
        ).where(Attendance.event_id == event_id)
    ).one()
    contacts = {
        EventContactOutcome(outcome): int(count)
        for outcome, count in session.execute(
            select(EventContact.outcome, func.count())
            .where(EventContact.event_id == event_id)
            .group_by(EventContact.outcome)
        )
    }
    return Tally(int(registered), int(anonymous), contacts)


@dataclass(frozen=True)
class EventSummary:
    id: uuid.UUID
    name: str
    kind: EventKind
    starts_on: date
    ends_on: date | None
    place: str
    registered: int
    anonymous: int
    employers: int

    @property
    def attendees(self) -> int:
        return self.registered + self.anonymous

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "short_id": short_id(self.id),
            "name": self.name,
            "kind": self.kind.value,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "place": self.place,
            "registered": self.registered,
            "anonymous": self.anonymous,
            "employers": self.employers,
        }


def list_events(
    session: Session, *, year: int | None = None, text: str | None = None, limit: int = 500
) -> list[EventSummary]:
    """Events, latest first, with their attendance figures; ``text`` matches name or place."""
    access.require(session, Action.EVENTS)
    attendance = (
        select(
            Attendance.event_id.label("event_id"),
            func.count(Attendance.person_id).label("registered"),
            func.coalesce(
                func.sum(Attendance.headcount).filter(Attendance.person_id.is_(None)), 0
            ).label("anonymous"),
        )
        .group_by(Attendance.event_id)
        .subquery()
    )
    employers = (
        select(EventPartner.event_id.label("event_id"), func.count().label("employers"))
        .where(EventPartner.is_employer.is_(True))
        .group_by(EventPartner.event_id)
        .subquery()
    )
    query = (
        select(
            Event,
            func.coalesce(attendance.c.registered, 0),
            func.coalesce(attendance.c.anonymous, 0),
            func.coalesce(employers.c.employers, 0),
        )
        .outerjoin(attendance, attendance.c.event_id == Event.id)
        .outerjoin(employers, employers.c.event_id == Event.id)
        .order_by(Event.starts_on.desc(), Event.name, Event.id)
    )
    if year is not None:
        query = query.where(Event.starts_on.between(date(year, 1, 1), date(year, 12, 31)))
    words = fold(text).split()
    found = []
    with scope.unscoped(session, scope.Purpose.EVENT_TALLY):  # counts, the same for everyone
        listed = session.execute(query).all()
    for event, registered, anonymous, employer_count in listed:
        if words and not all(w in fold(f"{event.name} {event.place}") for w in words):
            continue
        found.append(
            EventSummary(
                event.id,
                event.name,
                event.kind,
                event.starts_on,
                event.ends_on,
                event.place,
                int(registered),
                int(anonymous),
                int(employer_count),
            )
        )
        if len(found) >= limit:
            break
    return found


@dataclass(frozen=True)
class PresentPartner:
    """A partner at an event; ``number`` is its key in fair mode and on the printed list."""

    partner_id: uuid.UUID
    name: str
    kind: str
    city: str | None
    is_employer: bool
    booth: str | None
    number: int | None  # employers only: 1, 2, …


def _natural(text: str | None) -> tuple[Any, ...]:
    """ "Stand 2" before "Stand 10"; no booth last."""
    if not text:
        return ((1,),)
    return (
        (0,),
        *((int(p), "") if p.isdigit() else (0, fold(p)) for p in re.split(r"(\d+)", text)),
    )


def present_partners(session: Session, event_id: uuid.UUID) -> list[PresentPartner]:
    """Employers first (numbered in booth order, then by name), then the other partners."""
    access.require(session, Action.EVENTS)
    rows = list(
        session.execute(
            select(EventPartner, Partner)
            .join(Partner, Partner.id == EventPartner.partner_id)
            .where(EventPartner.event_id == event_id)
        ).all()
    )
    rows.sort(key=lambda r: (not r[0].is_employer, _natural(r[0].booth), fold(r[1].name), r[1].id))
    result = []
    number = 0
    for presence, partner in rows:
        if presence.is_employer:
            number += 1
        result.append(
            PresentPartner(
                partner.id,
                partner.name,
                partner.kind,
                partner.city,
                presence.is_employer,
                presence.booth,
                number if presence.is_employer else None,
            )
        )
    return result


def employers(session: Session, event_id: uuid.UUID) -> list[PresentPartner]:
    """The employers present, numbered 1, 2, … (fair mode keys, printed list)."""
    return [p for p in present_partners(session, event_id) if p.is_employer]


@dataclass(frozen=True)
class EventDetail:
    id: uuid.UUID
    version: int
    name: str
    kind: EventKind
    starts_on: date
    ends_on: date | None
    place: str
    address: str | None
    description: str | None
    team_id: uuid.UUID | None
    team: str | None
    partners: tuple[PresentPartner, ...]
    organisers: tuple[tuple[uuid.UUID, str], ...]  # (user id, display name)
    tally: Tally

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "short_id": short_id(self.id),
            "name": self.name,
            "kind": self.kind.value,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "place": self.place,
            "address": self.address,
            "description": self.description,
            "team": self.team,
            "partners": [
                {
                    "id": str(p.partner_id),
                    "name": p.name,
                    "kind": p.kind,
                    "role": "employer" if p.is_employer else "partner",
                    "booth": p.booth,
                    "number": p.number,
                }
                for p in self.partners
            ],
            "organisers": [name for _id, name in self.organisers],
            "tally": self.tally.as_dict(),
        }


def event_detail(session: Session, event_id: uuid.UUID | str) -> EventDetail:
    event = get_event(session, event_id)
    team = session.get(Team, event.team_id) if event.team_id else None
    organisers = session.execute(
        select(User.id, User.display_name)
        .join(EventOrganiser, EventOrganiser.user_id == User.id)
        .where(EventOrganiser.event_id == event.id)
        .order_by(User.display_name)
    ).all()
    return EventDetail(
        id=event.id,
        version=event.version,
        name=event.name,
        kind=event.kind,
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        place=event.place,
        address=event.address,
        description=event.description,
        team_id=event.team_id,
        team=team.name if team else None,
        partners=tuple(present_partners(session, event.id)),
        organisers=tuple((row[0], row[1]) for row in organisers),
        tally=tally(session, event.id),
    )


# --- attendees --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageEntry:
    code: str  # reference "languages"
    level: str | None = None  # A1 … C2, NATIVE


@dataclass(frozen=True)
class ShortIntake:
    """What fair mode asks: enough to follow up, nothing more."""

    family_name: str
    given_names: str = ""
    birth_date: date | None = None  # from a birth year: 01.01. with precision YEAR
    birth_date_precision: BirthDatePrecision = BirthDatePrecision.YEAR
    languages: tuple[LanguageEntry, ...] = ()
    german_level: str | None = None
    profession_wish: str | None = None
    phone: str | None = None
    email: str | None = None
    nationality: str | None = None  # reference "countries"
    consent_to_contact: bool = False

    @classmethod
    def with_birth_year(cls, year: int | None, **values: Any) -> ShortIntake:
        born = date(year, 1, 1) if year else None
        return cls(birth_date=born, birth_date_precision=BirthDatePrecision.YEAR, **values)

    def probe(self) -> PersonProbe:
        return PersonProbe(
            family_name=self.family_name,
            given_names=self.given_names,
            birth_date=self.birth_date,
            birth_date_precision=self.birth_date_precision,
            nationalities=(self.nationality,) if self.nationality else (),
            phone=self.phone,
        )


def german_level(text: str | None) -> str | None:
    """``b1`` → ``B1``; empty → None; anything else refused."""
    value = (text or "").strip().upper()
    if not value:
        return None
    if value in ("MUTTERSPRACHE", "NATIVE", "M"):
        return "NATIVE"
    if value not in (*CEFR_LEVELS, "NATIVE"):
        raise EventError(
            f"German level must be A1 … C2, not {text!r}",
            german=f"Deutschniveau bitte als A1 … C2 angeben, nicht {text!r}.",
        )
    return value


_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _spellings(label: str) -> set[str]:
    """A label folded (case and accents ignored), also with umlauts written ae/oe/ue."""
    return {fold(label), fold(label.translate(_UMLAUTS))} - {""}


def _label_names(label: str) -> tuple[set[str], set[str]]:
    """The whole label, and its parts: before and inside the parentheses.
    ``Persisch (Farsi)`` → ({"persisch farsi"}, {"persisch", "farsi"})."""
    parts = [label.split("(", 1)[0], *re.findall(r"\(([^)]*)\)", label)]
    return _spellings(label), set().union(*(_spellings(part) for part in parts))


@cache
def _language_names() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Per language (reference order): its code, whole names (code, German and English label)
    and part names ("Farsi", "Persisch", "Kurmandschi", "Kurdish", …)."""
    result = []
    for item in reference.items("languages"):
        whole, parts = {fold(item.code)}, set()
        for text in (item.de, item.en):
            label_whole, label_parts = _label_names(text)
            whole |= label_whole
            parts |= label_parts
        result.append((item.code, frozenset(whole), frozenset(parts)))
    return tuple(result)


def language_code(text: str) -> str:
    """A language from its code or its German or English name, case and accents ignored.

    In this order: the code or a whole label (``Persisch (Farsi)``); a part of a label — before
    or inside the parentheses (``Farsi``, ``Persisch``, ``Kurmandschi``); a unique start of a
    name (``Ukr``). A part shared by several languages (``Kurdisch``: Kurmandschi and Sorani)
    means the first of them in the reference data, which lists the general one first (``ku``,
    ISO 639-1 "Kurdish"). Unknown: :class:`EventError`.
    """
    wanted = fold(text)
    if wanted:
        names = _language_names()
        for code, whole, _parts in names:
            if wanted in whole:
                return code
        for code, _whole, parts in names:
            if wanted in parts:
                return code
        starts = {
            code for code, whole, parts in names if any(n.startswith(wanted) for n in whole | parts)
        }
        if len(wanted) >= 3 and len(starts) == 1:
            return starts.pop()
    raise EventError(f"unknown language {text!r}", german=f"Unbekannte Sprache {text!r}.")


def parse_languages(text: str | None) -> tuple[LanguageEntry, ...]:
    """``arabisch, englisch b1`` → Arabic (no level), English B1. Separators: , ; /"""
    entries: dict[str, LanguageEntry] = {}
    for part in re.split(r"[,;/]", text or ""):
        words = part.split()
        if not words:
            continue
        level = None
        if len(words) > 1 and words[-1].upper() in (*CEFR_LEVELS, "NATIVE"):
            level = words.pop().upper()
        code = language_code(" ".join(words))
        entries.setdefault(code, LanguageEntry(code, level))
    return tuple(entries.values())


def check_intake(intake: ShortIntake, today: date | None = None) -> None:
    """Refuse what cannot be stored, with a one-line reason (English and German)."""
    today = today or date.today()
    if not " ".join(intake.family_name.split()):
        raise EventError("family name is missing", german="Der Familienname fehlt.")
    for text, what in (
        (intake.family_name, "family name"),
        (intake.given_names, "given names"),
        (intake.phone, "phone"),
        (intake.email, "email"),
        (intake.profession_wish, "profession"),
        (intake.german_level, "German level"),
    ):
        checked_name(text or "", what, _GERMAN_WHAT[what])
    for value, what in ((intake.family_name, "family name"), (intake.given_names, "given names")):
        if len(value.strip()) > MAX_NAME:
            raise EventError(
                f"{what} longer than {MAX_NAME} characters",
                german=f"{_GERMAN_WHAT[what]} ist länger als {MAX_NAME} Zeichen.",
            )
    if intake.birth_date is not None and not (
        intake.birth_date.year >= OLDEST_BIRTH_YEAR and intake.birth_date <= today
    ):
        raise EventError(
            f"birth date {intake.birth_date.isoformat()} is not plausible",
            german="Das Geburtsdatum ist nicht plausibel.",
        )
    if intake.phone and len(intake.phone.strip()) > MAX_PHONE:
        raise EventError("phone number too long", german="Die Telefonnummer ist zu lang.")
    if intake.profession_wish and len(intake.profession_wish.strip()) > MAX_WISH:
        raise EventError(
            f"profession or wish longer than {MAX_WISH} characters",
            german=f"Der Berufswunsch ist länger als {MAX_WISH} Zeichen.",
        )
    german_level(intake.german_level)
    known = reference.by_code("languages")
    for entry in intake.languages:
        if entry.code not in known:
            raise EventError(
                f"unknown language {entry.code!r}", german=f"Unbekannte Sprache „{entry.code}“."
            )
    if intake.nationality and intake.nationality not in reference.by_code("countries"):
        raise EventError(
            f"unknown country {intake.nationality!r}",
            german=f"Unbekannte Staatsangehörigkeit „{intake.nationality}“.",
        )


def duplicate_hints(session: Session, intake: ShortIntake, limit: int = 3) -> list[Candidate]:
    """Existing persons who may be the one being registered (the inline hint of fair mode)."""
    access.require(session, Action.READ_PERSON)
    if not intake.family_name.strip():
        return []
    return find_candidates(session, intake.probe(), limit=limit)


def file_number(person_id: uuid.UUID, year: int) -> str:
    """A file number that needs no counter: laptops at an event create persons offline, and
    a running number would collide when their kits come home. ``MZ-2026-E3F9A1C``: year, E
    for event, the last 7 hex digits of the (random) person id."""
    return f"MZ-{year}-E{person_id.hex[-7:].upper()}"


def _event_for_registration(session: Session, event_id: uuid.UUID) -> Event:
    access.require(session, Action.EVENTS)
    event = session.get(Event, event_id)
    if event is None:
        raise EventError(f"event {event_id} not found", german="Diese Veranstaltung gibt es nicht.")
    return event


def _existing_attendance(
    session: Session, event_id: uuid.UUID, person_id: uuid.UUID
) -> Attendance | None:
    return session.scalars(
        select(Attendance).where(Attendance.event_id == event_id, Attendance.person_id == person_id)
    ).first()


def create_short_intake_person(
    session: Session, event: Event, intake: ShortIntake, *, source: str = "event"
) -> Person:
    """A new person from the short intake (checked), with an audit entry."""
    access.require(session, Action.EDIT_PERSON)
    check_intake(intake)
    person_id = uuid.uuid4()
    number = file_number(person_id, date.today().year)
    while session.scalars(select(Person.id).where(Person.file_number == number)).first():
        person_id = uuid.uuid4()  # a 1 in 268 million chance per person already there
        number = file_number(person_id, date.today().year)
    person = Person(
        id=person_id,
        file_number=number,
        family_name=" ".join(intake.family_name.split()),
        given_names=" ".join(intake.given_names.split()),
        birth_date=intake.birth_date,
        birth_date_precision=intake.birth_date_precision,
        phone=(intake.phone or "").strip() or None,
        email=(intake.email or "").strip() or None,
        team_id=_follow_up_by(session, event)[0],
    )
    languages = list(intake.languages)
    level = german_level(intake.german_level)
    if level and not any(entry.code == "de" for entry in languages):
        languages.append(LanguageEntry("de", level))
    person.languages = [
        PersonLanguage(language_code=entry.code, cefr_level=entry.level, position=index)
        for index, entry in enumerate(languages)
    ]
    if intake.nationality:
        person.nationalities = [PersonNationality(country_code=intake.nationality, position=0)]
    session.add(person)
    session.flush()
    audit.append(
        session,
        "create",
        "person",
        entity_id=person.id,
        person_id=person.id,
        details={"source": source, "event_id": event.id},
    )
    return person


def register_new_attendee(
    session: Session,
    event_id: uuid.UUID,
    intake: ShortIntake,
    *,
    registered_beforehand: bool = False,
    at: datetime | None = None,
) -> Attendance:
    """A new person from the short intake, registered at the event (the caller commits)."""
    event = _event_for_registration(session, event_id)
    person = create_short_intake_person(session, event, intake)
    attendance = Attendance(
        event_id=event.id,
        person_id=person.id,
        headcount=0,
        registered_at=at or _now(),
        registered_beforehand=registered_beforehand,
        consent_to_contact=intake.consent_to_contact,
        profession_wish=_clean(intake.profession_wish, MAX_WISH, "profession"),
        german_level=german_level(intake.german_level),
    )
    session.add(attendance)
    if intake.consent_to_contact:
        _open_event_case(session, event, person.id)
    session.flush()
    log.info("event %s: new person %s registered", event.id, person.id)
    return attendance


def _follow_up_by(session: Session, event: Event) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(team, counsellor) of a person registered at a fair: the registering user and their
    team, so that whoever registered them can work with them (an event of another team must
    not make them vanish for that user); the event's team when the user has none, and for the
    program itself (imports, demo data: no user)."""
    who = access.actor(session)
    if who is None:
        return event.team_id, None
    return who.team_id or event.team_id, who.id


def _open_event_case(session: Session, event: Event, person_id: uuid.UUID) -> None:
    team_id, counsellor_id = _follow_up_by(session, event)
    case = Case(
        person_id=person_id,
        team_id=team_id,
        counsellor_id=counsellor_id,
        status=CaseStatus.OPEN,
        opened_on=date.today(),
        source=CaseSource.EVENT,
        event_id=event.id,
    )
    case.topics = [CaseTopic(topic_code="WORK")]
    session.add(case)


def register_person(
    session: Session,
    event_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    consent_to_contact: bool = False,
    profession_wish: str | None = None,
    german_level_text: str | None = None,
    registered_beforehand: bool = False,
    at: datetime | None = None,
) -> Attendance:
    """An existing person registered at the event; :class:`AlreadyRegistered` if they are."""
    event = _event_for_registration(session, event_id)
    access.require(session, Action.EDIT_PERSON, person_id=person_id)
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise EventError(
            f"person {person_id} not found or merged",
            german="Diese Person gibt es nicht (mehr); vielleicht wurde sie zusammengeführt.",
        )
    existing = _existing_attendance(session, event.id, person_id)
    if existing is not None:
        raise AlreadyRegistered(
            "the person is already registered for this event",
            german="Die Person ist für diese Veranstaltung bereits angemeldet.",
            attendance_id=existing.id,
        )
    attendance = Attendance(
        event_id=event.id,
        person_id=person_id,
        headcount=0,
        registered_at=at or _now(),
        registered_beforehand=registered_beforehand,
        consent_to_contact=consent_to_contact,
        profession_wish=_clean(profession_wish, MAX_WISH, "profession"),
        german_level=german_level(german_level_text),
    )
    session.add(attendance)
    session.flush()
    log.info("event %s: person %s registered", event.id, person_id)
    return attendance


def add_headcount(
    session: Session, event_id: uuid.UUID, count: int = 1, *, at: datetime | None = None
) -> Attendance:
    """``count`` more people who did not register (one new row per press)."""
    event = _event_for_registration(session, event_id)
    if not 1 <= count <= 10_000:
        raise EventError(
            "a head count is 1 … 10000", german="Eine Zählung umfasst 1 bis 10.000 Personen."
        )
    row = Attendance(
        event_id=event.id,
        person_id=None,
        headcount=count,
        registered_at=at or _now(),
        registered_beforehand=False,
        consent_to_contact=False,
    )
    session.add(row)
    session.flush()
    return row


def undo_headcount(session: Session, event_id: uuid.UUID) -> bool:
    """Take back the latest single +1 of this event (False if there is none)."""
    _event_for_registration(session, event_id)
    row = session.scalars(
        select(Attendance)
        .where(
            Attendance.event_id == event_id,
            Attendance.person_id.is_(None),
            Attendance.headcount == 1,
        )
        .order_by(Attendance.registered_at.desc(), Attendance.created_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def record_contact(
    session: Session,
    event_id: uuid.UUID,
    attendance_id: uuid.UUID,
    partner_id: uuid.UUID,
    outcome: EventContactOutcome,
    *,
    at: datetime | None = None,
) -> EventContact:
    """An attendee met an employer present at the event (only with their consent)."""
    event = _event_for_registration(session, event_id)
    attendance = session.get(Attendance, attendance_id)
    if attendance is None or attendance.event_id != event.id or attendance.person_id is None:
        raise EventError(
            "not a registered attendee of this event",
            german="Keine angemeldete Person dieser Veranstaltung.",
        )
    access.require(session, Action.EDIT_PERSON, person_id=attendance.person_id)
    if not attendance.consent_to_contact:
        raise EventError(
            "no consent: employer contacts are recorded only with the attendee's consent",
            german="Keine Einwilligung: Arbeitgeberkontakte werden nur mit Einwilligung erfasst.",
        )
    presence = session.scalars(
        select(EventPartner).where(
            EventPartner.event_id == event.id, EventPartner.partner_id == partner_id
        )
    ).first()
    if presence is None or not presence.is_employer:
        raise EventError(
            "not an employer present at this event",
            german="Kein Arbeitgeber dieser Veranstaltung.",
        )
    contact = EventContact(
        event_id=event.id,
        attendance_id=attendance.id,
        partner_id=partner_id,
        outcome=EventContactOutcome(outcome),
        occurred_at=at or _now(),
    )
    session.add(contact)
    session.flush()
    return contact


@dataclass(frozen=True)
class AttendeeRow:
    """A registered attendee as fair mode and the lists show them."""

    number: int  # by registration: 1, 2, …
    attendance_id: uuid.UUID
    person_id: uuid.UUID
    family_name: str
    given_names: str
    birth_year: int | None
    consent_to_contact: bool
    registered_beforehand: bool
    contacts: int


def attendees(session: Session, event_id: uuid.UUID) -> list[AttendeeRow]:
    """The registered attendees the user may see, in registration order, with contact counts.
    Numbers count all registered attendees of the event, so they do not depend on the viewer."""
    access.require(session, Action.EVENTS)
    with scope.unscoped(session, scope.Purpose.EVENT_TALLY):  # ``visible`` is selected below
        return _attendees(session, event_id)


def _attendees(session: Session, event_id: uuid.UUID) -> list[AttendeeRow]:
    contacts = dict(
        session.execute(
            select(EventContact.attendance_id, func.count())
            .where(EventContact.event_id == event_id)
            .group_by(EventContact.attendance_id)
        ).all()
    )
    rows = session.execute(
        select(
            Attendance.id,
            Attendance.consent_to_contact,
            Attendance.registered_beforehand,
            Person.id,
            Person.family_name,
            Person.given_names,
            Person.birth_date,
            access.visible_persons(session).label("visible"),
        )
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.event_id == event_id)
        .order_by(Attendance.registered_at, Attendance.created_at, Attendance.id)
    ).all()
    return [
        AttendeeRow(
            number,
            row[0],
            row[3],
            row[4],
            row[5],
            row[6].year if row[6] else None,
            bool(row[1]),
            bool(row[2]),
            int(contacts.get(row[0], 0)),
        )
        for number, row in enumerate(rows, start=1)
        if row[7]
    ]
