"""Fair mode's short intake: a new person from the few fields asked at the stand.

A new ``Person`` (birth year as ``YEAR`` precision, languages as ``PersonLanguage`` rows,
German among them with its level), with a file number that needs no counter (laptops at an
event create persons offline) and an audit entry. The person belongs to the registering user's
team — else the event's team — so that whoever registered them follows up, also at another
team's event (:func:`follow_up_by`). Registering them at the event is
:func:`.event_attendance.register_new_attendee`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access, reference
from mzdesk.core.access import Action
from mzdesk.core.dedupe import Candidate, PersonProbe, find_candidates
from mzdesk.core.models import (
    BirthDatePrecision,
    Event,
    Person,
    PersonLanguage,
    PersonNationality,
)
from mzdesk.core.services import audit
from mzdesk.core.services.events import GERMAN_WHAT, MAX_NAME, EventError
from mzdesk.core.services.languages import LanguageEntry, german_level
from mzdesk.core.text import checked_name

MAX_PHONE = 64
MAX_WISH = 200
OLDEST_BIRTH_YEAR = 1900


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
        checked_name(text or "", what, GERMAN_WHAT[what])
    for value, what in ((intake.family_name, "family name"), (intake.given_names, "given names")):
        if len(value.strip()) > MAX_NAME:
            raise EventError(
                f"{what} longer than {MAX_NAME} characters",
                german=f"{GERMAN_WHAT[what]} ist länger als {MAX_NAME} Zeichen.",
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
        team_id=follow_up_by(session, event)[0],
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


def follow_up_by(session: Session, event: Event) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(team, counsellor) of a person registered at a fair: the registering user and their
    team, so that whoever registered them can work with them (an event of another team must
    not make them vanish for that user); the event's team when the user has none, and for the
    program itself (imports, demo data: no user)."""
    who = access.actor(session)
    if who is None:
        return event.team_id, None
    return who.team_id or event.team_id, who.id
