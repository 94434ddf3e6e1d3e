"""A person's file for the case file view: everything about one person in one call (Qt-free).

``load(session, person_id)`` reads the person with nationalities, languages, residence and
legal-category histories, their cases with topics, the latest contacts (50 by default),
referrals (with the partner's name) and open follow-ups, and returns frozen dataclasses: the
view can keep them after the session is closed, and nothing loads lazily behind its back.

Eager, not lazy: a fixed number of small queries (ten), each an index search by
``person_id`` or through ``cases.person_id``, whatever the person's history holds — never
one query per case. Columns are selected explicitly, so no referral letter (PDF bytes) is
ever read with the file. See docs/benchmarks.md for how it compares with the raw SQL alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, Uuid, bindparam, select
from sqlalchemy.orm import Session

from mzdesk.core.errors import NotFound
from mzdesk.core.models import (
    BirthDatePrecision,
    Case,
    CaseSource,
    CaseStatus,
    CaseTopic,
    Contact,
    FollowUp,
    LegalCategory,
    LegalCategoryPeriod,
    Partner,
    Person,
    PersonLanguage,
    PersonNationality,
    Referral,
    ReferralStatus,
    ResidenceStatus,
    Sex,
    WorkPermission,
)

DEFAULT_CONTACTS = 50


@dataclass(frozen=True)
class PersonData:
    id: uuid.UUID
    version: int
    file_number: str
    family_name: str
    given_names: str
    family_name_original: str | None
    given_names_original: str | None
    birth_date: date | None
    birth_date_precision: BirthDatePrecision
    sex: Sex | None
    interpreter_language: str | None
    phone: str | None
    email: str | None
    street: str | None
    postcode: str | None
    city: str | None
    municipality: str | None
    arrival_date: date | None
    household_id: uuid.UUID | None
    team_id: uuid.UUID | None
    merged_into_id: uuid.UUID | None  # set: this person was merged; the view shows the other


@dataclass(frozen=True)
class Language:
    code: str
    cefr_level: str | None


@dataclass(frozen=True)
class ResidenceEntry:
    id: uuid.UUID
    status_code: str
    work_permission: WorkPermission | None
    valid_from: date
    valid_until: date | None
    note: str | None


@dataclass(frozen=True)
class LegalCategoryEntry:
    id: uuid.UUID
    category: LegalCategory
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class CaseEntry:
    id: uuid.UUID
    version: int
    status: CaseStatus
    opened_on: date
    closed_on: date | None
    closing_reason: str | None
    goals: str | None
    source: CaseSource
    counsellor_id: uuid.UUID | None
    team_id: uuid.UUID | None
    topics: tuple[str, ...]  # topic codes (reference data)


@dataclass(frozen=True)
class ContactEntry:
    """One contact. ``note`` is confidential: shown in the file, never printed or exported."""

    id: uuid.UUID
    case_id: uuid.UUID
    occurred_at: datetime
    channel: str
    minutes: int | None
    interpreter_language: str | None
    summary: str | None
    note: str | None
    counsellor_id: uuid.UUID | None


@dataclass(frozen=True)
class ReferralEntry:
    id: uuid.UUID
    case_id: uuid.UUID
    partner_id: uuid.UUID
    partner_name: str
    partner_kind: str
    service: str | None
    purpose: str
    status: ReferralStatus
    rejection_reason: str | None
    consent_id: uuid.UUID | None
    created_on: date
    sent_on: date | None
    answer_due_on: date | None
    answered_on: date | None
    done_on: date | None
    has_letter: bool  # the letter itself (PDF bytes) is not loaded with the file


@dataclass(frozen=True)
class FollowUpEntry:
    id: uuid.UUID
    case_id: uuid.UUID
    due_on: date
    text: str
    assigned_to_id: uuid.UUID | None
    source: str | None


@dataclass(frozen=True)
class PersonFile:
    person: PersonData
    nationalities: tuple[str, ...]  # country codes in the person's order
    languages: tuple[Language, ...]
    residence_statuses: tuple[ResidenceEntry, ...]  # oldest first
    legal_categories: tuple[LegalCategoryEntry, ...]  # oldest first
    cases: tuple[CaseEntry, ...]  # newest first
    contacts: tuple[ContactEntry, ...]  # newest first, at most ``contact_limit``
    more_contacts: bool  # older contacts exist beyond ``contacts``
    referrals: tuple[ReferralEntry, ...]  # newest first
    open_follow_ups: tuple[FollowUpEntry, ...]  # not done, earliest due first


_PERSON_ID = bindparam("person_id", type_=Uuid())
_CONTACT_LIMIT = bindparam("contact_limit", type_=Integer())

# The statements are built once: constructing a select() costs more than running it here.
_PERSON = select(
    Person.id,
    Person.version,
    Person.file_number,
    Person.family_name,
    Person.given_names,
    Person.family_name_original,
    Person.given_names_original,
    Person.birth_date,
    Person.birth_date_precision,
    Person.sex,
    Person.interpreter_language,
    Person.phone,
    Person.email,
    Person.street,
    Person.postcode,
    Person.city,
    Person.municipality,
    Person.arrival_date,
    Person.household_id,
    Person.team_id,
    Person.merged_into_id,
).where(Person.id == _PERSON_ID)
_NATIONALITIES = (
    select(PersonNationality.country_code)
    .where(PersonNationality.person_id == _PERSON_ID)
    .order_by(PersonNationality.position, PersonNationality.id)
)
_LANGUAGES = (
    select(PersonLanguage.language_code, PersonLanguage.cefr_level)
    .where(PersonLanguage.person_id == _PERSON_ID)
    .order_by(PersonLanguage.position, PersonLanguage.id)
)
_RESIDENCE = (
    select(
        ResidenceStatus.id,
        ResidenceStatus.status_code,
        ResidenceStatus.work_permission,
        ResidenceStatus.valid_from,
        ResidenceStatus.valid_until,
        ResidenceStatus.note,
    )
    .where(ResidenceStatus.person_id == _PERSON_ID)
    .order_by(ResidenceStatus.valid_from, ResidenceStatus.created_at)
)
_CATEGORIES = (
    select(
        LegalCategoryPeriod.id,
        LegalCategoryPeriod.category,
        LegalCategoryPeriod.valid_from,
        LegalCategoryPeriod.valid_until,
    )
    .where(LegalCategoryPeriod.person_id == _PERSON_ID)
    .order_by(LegalCategoryPeriod.valid_from, LegalCategoryPeriod.created_at)
)
_TOPICS = (
    select(CaseTopic.case_id, CaseTopic.topic_code)
    .join(Case, Case.id == CaseTopic.case_id)
    .where(Case.person_id == _PERSON_ID)
    .order_by(CaseTopic.case_id, CaseTopic.topic_code)
)
_CASES = (
    select(
        Case.id,
        Case.version,
        Case.status,
        Case.opened_on,
        Case.closed_on,
        Case.closing_reason,
        Case.goals,
        Case.source,
        Case.counsellor_id,
        Case.team_id,
    )
    .where(Case.person_id == _PERSON_ID)
    .order_by(Case.opened_on.desc(), Case.id)
)
_CONTACTS = (
    select(
        Contact.id,
        Contact.case_id,
        Contact.occurred_at,
        Contact.channel,
        Contact.minutes,
        Contact.interpreter_language,
        Contact.summary,
        Contact.note,
        Contact.counsellor_id,
    )
    .join(Case, Case.id == Contact.case_id)
    .where(Case.person_id == _PERSON_ID)
    .order_by(Contact.occurred_at.desc(), Contact.id.desc())
    .limit(_CONTACT_LIMIT)
)
_REFERRALS = (
    select(
        Referral.id,
        Referral.case_id,
        Referral.partner_id,
        Partner.name,
        Partner.kind,
        Referral.service,
        Referral.purpose,
        Referral.status,
        Referral.rejection_reason,
        Referral.consent_id,
        Referral.created_on,
        Referral.sent_on,
        Referral.answer_due_on,
        Referral.answered_on,
        Referral.done_on,
        Referral.letter_sha256.is_not(None),
    )
    .join(Case, Case.id == Referral.case_id)
    .join(Partner, Partner.id == Referral.partner_id)
    .where(Case.person_id == _PERSON_ID)
    .order_by(Referral.created_on.desc(), Referral.id)
)
_OPEN_FOLLOW_UPS = (
    select(
        FollowUp.id,
        FollowUp.case_id,
        FollowUp.due_on,
        FollowUp.text,
        FollowUp.assigned_to_id,
        FollowUp.source,
    )
    .join(Case, Case.id == FollowUp.case_id)
    .where(Case.person_id == _PERSON_ID, FollowUp.done_at.is_(None))
    .order_by(FollowUp.due_on, FollowUp.id)
)


def _case_entry(row: Sequence[Any], topics: tuple[str, ...]) -> CaseEntry:
    (id_, version, status, opened_on, closed_on, reason, goals, source, counsellor, team) = row
    return CaseEntry(
        id_, version, status, opened_on, closed_on, reason, goals, source, counsellor, team, topics
    )


def load(
    session: Session, person_id: uuid.UUID, *, contact_limit: int = DEFAULT_CONTACTS
) -> PersonFile:
    """The file of ``person_id``; ``NotFound`` if there is no such person."""
    if contact_limit < 0:
        raise ValueError("contact_limit must not be negative")
    # Core execution on the session's connection: plain rows, no ORM entities to track.
    connection = session.connection()
    params = {"person_id": person_id}
    row = connection.execute(_PERSON, params).first()
    if row is None:
        raise NotFound(f"no person with id {person_id}", german="Person nicht gefunden.")
    person = PersonData(*tuple(row))
    nationalities = tuple(connection.execute(_NATIONALITIES, params).scalars())
    languages = tuple(Language(*lang) for lang in connection.execute(_LANGUAGES, params))
    residence = tuple(ResidenceEntry(*entry) for entry in connection.execute(_RESIDENCE, params))
    categories = tuple(
        LegalCategoryEntry(*entry) for entry in connection.execute(_CATEGORIES, params)
    )
    topics: dict[uuid.UUID, list[str]] = {}
    for case_id, code in connection.execute(_TOPICS, params):
        topics.setdefault(case_id, []).append(code)
    cases = tuple(
        _case_entry(case, tuple(topics.get(case[0], ())))
        for case in connection.execute(_CASES, params)
    )
    contacts: tuple[ContactEntry, ...] = ()
    more_contacts = False
    referrals: tuple[ReferralEntry, ...] = ()
    follow_ups: tuple[FollowUpEntry, ...] = ()
    if cases:  # without a case there is nothing more to read
        contact_rows = connection.execute(
            _CONTACTS, {**params, "contact_limit": contact_limit + 1}
        ).all()
        more_contacts = len(contact_rows) > contact_limit
        contacts = tuple(ContactEntry(*contact) for contact in contact_rows[:contact_limit])
        referrals = tuple(
            ReferralEntry(*tuple(entry)) for entry in connection.execute(_REFERRALS, params)
        )
        follow_ups = tuple(
            FollowUpEntry(*entry) for entry in connection.execute(_OPEN_FOLLOW_UPS, params)
        )
    return PersonFile(
        person=person,
        nationalities=nationalities,
        languages=languages,
        residence_statuses=residence,
        legal_categories=categories,
        cases=cases,
        contacts=contacts,
        more_contacts=more_contacts,
        referrals=referrals,
        open_follow_ups=follow_ups,
    )
