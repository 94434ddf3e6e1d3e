"""A person's file for the case file view: everything about one person in one call (Qt-free).

``load(session, person_id)`` reads the person (with their household's label and size), their
nationalities, languages, residence and legal-category histories, consents, their cases with
topics and counsellor, the latest contacts (50 by default), referrals (with the partner's
name), follow-ups, placements and the cases' status changes (from the audit trail), and
returns frozen dataclasses: the view can keep them after the session is closed, and nothing
loads lazily behind its back. This is the one way to read a
person's file: the client list's pane, the case file and ``mzdesk case show`` all use it.

Eager, not lazy: a fixed number of small queries (fourteen), each an index search by
``person_id`` or through ``cases.person_id``, whatever the person's history holds — never one
query per case. Columns are selected explicitly, so no referral letter (PDF bytes) and no
scanned consent is ever read with the file. See docs/benchmarks.md for how it compares with
the raw SQL alone.

Reading a file is access to social data: ``load`` checks ``access.require`` and appends an
audit entry ``view`` (the caller commits it with the session; ``record_view=False`` for reads
that are not a person looking, e.g. the file a service re-reads after a change).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Integer, Uuid, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased

from mzdesk.core import access, org_settings, scope
from mzdesk.core.errors import NotFound
from mzdesk.core.models import (
    AuditEntry,
    BirthDatePrecision,
    Case,
    CaseSource,
    CaseStatus,
    CaseTopic,
    Consent,
    Contact,
    FollowUp,
    Household,
    LegalCategory,
    LegalCategoryPeriod,
    Partner,
    Person,
    PersonLanguage,
    PersonNationality,
    Placement,
    Referral,
    ReferralStatus,
    ResidenceStatus,
    Sex,
    Team,
    User,
    WorkPermission,
)

DEFAULT_CONTACTS = 50
LEAD_WEEKS_SETTING = "followups.residence_lead_weeks"


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
    household_label: str | None
    household_size: int  # listed members of the household, the person included; 0: none


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
class ConsentEntry:
    id: uuid.UUID
    purpose: str
    given_on: date
    expires_on: date | None
    withdrawn_on: date | None

    def valid_on(self, day: date) -> bool:
        """The rule of ``consents.is_valid``: given, not expired, not withdrawn on ``day``."""
        if self.given_on > day:
            return False
        if self.expires_on is not None and day > self.expires_on:
            return False
        return self.withdrawn_on is None or day < self.withdrawn_on


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
    counsellor_name: str | None
    team_name: str | None
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
    done_at: datetime | None


@dataclass(frozen=True)
class PlacementEntry:
    id: uuid.UUID
    case_id: uuid.UUID | None
    kind: str  # reference: placement_kinds
    starts_on: date
    ends_on: date | None
    employer: str | None  # the partner's name, else the typed employer name
    legal_category_at_start: LegalCategory | None
    weekly_hours: Decimal | None = None
    note: str | None = None  # the counsellor's note: on screen only


@dataclass(frozen=True)
class CaseEvent:
    """A status change of a case, from the audit trail (the case row keeps only the last)."""

    case_id: uuid.UUID
    at: datetime
    old: CaseStatus
    new: CaseStatus
    reason: str | None  # the closing reason


class WarningCode(StrEnum):
    DOCUMENT_EXPIRED = "document_expired"  # the residence document in force has run out
    DOCUMENT_EXPIRING = "document_expiring"  # … runs out within the lead time
    NO_RESIDENCE_STATUS = "no_residence_status"
    NO_CONSENT = "no_consent"  # no consent valid today (referrals need one)
    MERGED = "merged"  # this person was merged into another


@dataclass(frozen=True)
class FileWarning:
    code: WarningCode
    day: date | None = None  # the expiry date for the document warnings


@dataclass(frozen=True)
class PersonFile:
    person: PersonData
    nationalities: tuple[str, ...]  # country codes in the person's order
    languages: tuple[Language, ...]
    residence_statuses: tuple[ResidenceEntry, ...]  # oldest first
    legal_categories: tuple[LegalCategoryEntry, ...]  # oldest first
    consents: tuple[ConsentEntry, ...]  # newest given first
    cases: tuple[CaseEntry, ...]  # newest first
    contacts: tuple[ContactEntry, ...]  # newest first, at most ``contact_limit``
    more_contacts: bool  # older contacts exist beyond ``contacts``
    referrals: tuple[ReferralEntry, ...]  # newest first
    follow_ups: tuple[FollowUpEntry, ...]  # all, earliest due first
    placements: tuple[PlacementEntry, ...]  # newest start first
    case_events: tuple[CaseEvent, ...]  # status changes, oldest first
    today: date  # the day ``warnings`` and ``residence``/``legal_category`` refer to
    warnings: tuple[FileWarning, ...]

    @property
    def open_follow_ups(self) -> tuple[FollowUpEntry, ...]:
        """Follow-ups not done yet, earliest due first."""
        return tuple(entry for entry in self.follow_ups if entry.done_at is None)

    @property
    def residence(self) -> ResidenceEntry | None:
        """The document in force on ``today``: the latest that started on or before it."""
        return _latest_started(self.residence_statuses, self.today)

    @property
    def legal_category(self) -> LegalCategoryEntry | None:
        return _latest_started(self.legal_categories, self.today)

    def case(self, case_id: uuid.UUID) -> CaseEntry | None:
        return next((case for case in self.cases if case.id == case_id), None)


_Entry = TypeVar("_Entry", ResidenceEntry, LegalCategoryEntry)


def _latest_started(entries: Sequence[_Entry], day: date) -> _Entry | None:
    started = [entry for entry in entries if entry.valid_from <= day]
    return started[-1] if started else None  # entries are oldest first


def file_warnings(
    file_person: PersonData,
    residence: ResidenceEntry | None,
    consents: Sequence[ConsentEntry],
    today: date,
    lead_weeks: int,
) -> tuple[FileWarning, ...]:
    """What the header warns about, most urgent first."""
    warnings: list[FileWarning] = []
    if file_person.merged_into_id is not None:
        warnings.append(FileWarning(WarningCode.MERGED))
    if residence is None:
        warnings.append(FileWarning(WarningCode.NO_RESIDENCE_STATUS))
    elif residence.valid_until is not None:
        if residence.valid_until < today:
            warnings.append(FileWarning(WarningCode.DOCUMENT_EXPIRED, residence.valid_until))
        elif residence.valid_until <= today + timedelta(weeks=lead_weeks):
            warnings.append(FileWarning(WarningCode.DOCUMENT_EXPIRING, residence.valid_until))
    if not any(consent.valid_on(today) for consent in consents):
        warnings.append(FileWarning(WarningCode.NO_CONSENT))
    return tuple(warnings)


_PERSON_ID = bindparam("person_id", type_=Uuid())
_CONTACT_LIMIT = bindparam("contact_limit", type_=Integer())
# The cases of the file the user may see: what hangs on a case is read for these only.
_CASE_IDS = bindparam("case_ids", type_=Uuid(), expanding=True)
_Member = aliased(Person)

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
    select(Household.label)
    .where(Household.id == Person.household_id)
    .correlate(Person)
    .scalar_subquery(),
    select(func.count(_Member.id))
    .where(_Member.household_id == Person.household_id, _Member.merged_into_id.is_(None))
    .correlate(Person)
    .scalar_subquery(),
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
_CONSENTS = (
    select(Consent.id, Consent.purpose, Consent.given_on, Consent.expires_on, Consent.withdrawn_on)
    .where(Consent.person_id == _PERSON_ID)
    .order_by(Consent.given_on.desc(), Consent.id)
)
_TOPICS = (
    select(CaseTopic.case_id, CaseTopic.topic_code)
    .where(CaseTopic.case_id.in_(_CASE_IDS))
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
        User.display_name,
        Team.name,
    )
    .outerjoin(User, User.id == Case.counsellor_id)
    .outerjoin(Team, Team.id == Case.team_id)
    .where(Case.person_id == _PERSON_ID)
    .order_by(Case.opened_on.desc(), Case.created_at.desc(), Case.id)
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
    .where(Contact.case_id.in_(_CASE_IDS))
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
    .join(Partner, Partner.id == Referral.partner_id)
    .where(Referral.case_id.in_(_CASE_IDS))
    .order_by(Referral.created_on.desc(), Referral.id)
)
_FOLLOW_UPS = (
    select(
        FollowUp.id,
        FollowUp.case_id,
        FollowUp.due_on,
        FollowUp.text,
        FollowUp.assigned_to_id,
        FollowUp.source,
        FollowUp.done_at,
    )
    .where(FollowUp.case_id.in_(_CASE_IDS))
    .order_by(FollowUp.due_on, FollowUp.id)
)
_PLACEMENTS = (
    select(
        Placement.id,
        Placement.case_id,
        Placement.kind,
        Placement.starts_on,
        Placement.ends_on,
        func.coalesce(Partner.name, Placement.employer_name),
        Placement.legal_category_at_start,
        Placement.weekly_hours,
        Placement.note,
    )
    .outerjoin(Partner, Partner.id == Placement.partner_id)
    .where(
        Placement.person_id == _PERSON_ID,
        or_(Placement.case_id.is_(None), Placement.case_id.in_(_CASE_IDS)),
    )
    .order_by(Placement.starts_on.desc(), Placement.id)
)

_CASE_EVENTS = (
    select(AuditEntry.entity_id, AuditEntry.at, AuditEntry.details)
    .where(
        AuditEntry.person_id == _PERSON_ID,
        AuditEntry.entity_id.in_(_CASE_IDS),
        AuditEntry.entity == "case",
        AuditEntry.action == "status",
    )
    .order_by(AuditEntry.seq)
)


def _case_event(case_id: uuid.UUID, at: datetime, details: Any) -> CaseEvent | None:
    try:
        old, new = CaseStatus(details["from"]), CaseStatus(details["to"])
    except (KeyError, TypeError, ValueError):  # not written by cases.set_status
        return None
    reason = details.get("reason")
    return CaseEvent(case_id, at, old, new, reason if isinstance(reason, str) else None)


def _case_entry(row: Sequence[Any], topics: tuple[str, ...]) -> CaseEntry:
    (id_, version, status, opened, closed, reason, goals, source, counsellor, team, *names) = row
    counsellor_name, team_name = names
    return CaseEntry(
        id_,
        version,
        status,
        opened,
        closed,
        reason,
        goals,
        source,
        counsellor,
        team,
        counsellor_name,
        team_name,
        topics,
    )


def load(
    session: Session,
    person_id: uuid.UUID,
    *,
    contact_limit: int = DEFAULT_CONTACTS,
    today: date | None = None,
    record_view: bool = True,
) -> PersonFile:
    """The file of ``person_id``; ``NotFound`` if there is no such person.

    ``record_view``: append the audit entry "view" (the caller commits the session).
    """
    if contact_limit < 0:
        raise ValueError("contact_limit must not be negative")
    access.require(session, access.Action.READ_PERSON, person_id=person_id)
    today = today or date.today()
    # Column selects through the session: plain rows, no ORM entities to track. The cases
    # come through the scope (another team's case of this person stays hidden); everything
    # else is read for this one person, whom access.require admitted, and for those cases.
    params: dict[str, Any] = {"person_id": person_id}
    case_rows = session.execute(_CASES, params).all()
    params["case_ids"] = [case[0] for case in case_rows]
    with scope.unscoped(session, scope.Purpose.PERSON_FILE):
        row = session.execute(_PERSON, params).first()
        if row is None:
            raise NotFound(f"no person with id {person_id}", german="Person nicht gefunden.")
        person = PersonData(*tuple(row))  # the household size is a COUNT: 0 without a household
        nationalities = tuple(session.execute(_NATIONALITIES, params).scalars())
        languages = tuple(Language(*lang) for lang in session.execute(_LANGUAGES, params))
        residence = tuple(ResidenceEntry(*entry) for entry in session.execute(_RESIDENCE, params))
        categories = tuple(
            LegalCategoryEntry(*entry) for entry in session.execute(_CATEGORIES, params)
        )
        consents = tuple(ConsentEntry(*entry) for entry in session.execute(_CONSENTS, params))
        contacts: tuple[ContactEntry, ...] = ()
        more_contacts = False
        referrals: tuple[ReferralEntry, ...] = ()
        follow_ups: tuple[FollowUpEntry, ...] = ()
        placements: tuple[PlacementEntry, ...] = ()
        events: list[CaseEvent] = []
        topics: dict[uuid.UUID, list[str]] = {}
        if case_rows:  # without a case there is nothing more to read
            for case_id, code in session.execute(_TOPICS, params):
                topics.setdefault(case_id, []).append(code)
            contact_rows = session.execute(
                _CONTACTS, {**params, "contact_limit": contact_limit + 1}
            ).all()
            more_contacts = len(contact_rows) > contact_limit
            contacts = tuple(ContactEntry(*contact) for contact in contact_rows[:contact_limit])
            referrals = tuple(
                ReferralEntry(*tuple(entry)) for entry in session.execute(_REFERRALS, params)
            )
            follow_ups = tuple(
                FollowUpEntry(*entry) for entry in session.execute(_FOLLOW_UPS, params)
            )
            placements = tuple(
                PlacementEntry(*entry) for entry in session.execute(_PLACEMENTS, params)
            )
            for case_id, at, details in session.execute(_CASE_EVENTS, params):
                if (event := _case_event(case_id, at, details)) is not None:
                    events.append(event)
    cases = tuple(_case_entry(case, tuple(topics.get(case[0], ()))) for case in case_rows)
    lead_weeks = int(org_settings.get_setting(session, LEAD_WEEKS_SETTING))
    in_force = _latest_started(residence, today)
    if record_view:
        from mzdesk.core.services import audit

        audit.append(session, "view", "person", entity_id=person.id, person_id=person.id)
    return PersonFile(
        person=person,
        nationalities=nationalities,
        languages=languages,
        residence_statuses=residence,
        legal_categories=categories,
        consents=consents,
        cases=cases,
        contacts=contacts,
        more_contacts=more_contacts,
        referrals=referrals,
        follow_ups=follow_ups,
        placements=placements,
        case_events=tuple(events),
        today=today,
        warnings=file_warnings(person, in_force, consents, today, lead_weeks),
    )
