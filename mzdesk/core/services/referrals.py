"""Referrals from a case to a partner: states, consent check, letter, answer deadline.

States: ``draft → sent → accepted | rejected(reason)``, ``accepted → done``; ``revoked`` from
draft, sent or accepted. Anything else raises ``IllegalTransition``. A rejection is final and
its reason is shown to the referring counsellor (``rejections_for_counsellor``).

Sending needs a consent that is valid on the day, names the partner (directly or by kind) and
covers every data category the letter *requires* (its template's ``required`` list); the
letter then prints the required categories plus the template's ``optional`` ones the consent
covers, and nothing else. Without such a consent, sending is refused, unless a team lead
overrides with a reason: stored on the referral and handed to the audit trail.
On sending, the letter's PDF and its SHA-256 are stored, and ``answer_due_on`` is set; a
follow-up appears once that day has passed without an answer
(``create_due_referral_follow_ups``, idempotent).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.letters.content import DataSection, Letterhead, ReferralLetter
from mzdesk.core.letters.templates import load_template
from mzdesk.core.models import (
    BirthDatePrecision,
    Case,
    Consent,
    FollowUp,
    Partner,
    Person,
    Referral,
    ReferralStatus,
    Role,
    Setting,
    User,
)
from mzdesk.core.services import consents
from mzdesk.core.services.lookup import by_id, short_id
from mzdesk.core.text import clean_text

log = logging.getLogger(__name__)

DEFAULT_ANSWER_DAYS = 14
TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.DRAFT: frozenset({ReferralStatus.SENT, ReferralStatus.REVOKED}),
    ReferralStatus.SENT: frozenset(
        {ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.REVOKED}
    ),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.DONE, ReferralStatus.REVOKED}),
    ReferralStatus.REJECTED: frozenset(),
    ReferralStatus.DONE: frozenset(),
    ReferralStatus.REVOKED: frozenset(),
}
# Each letterhead field is the organisation setting of the same name (core.org_settings).
LETTERHEAD_KEYS = {
    field.name: f"letterhead.{field.name}" for field in dataclasses.fields(Letterhead)
}


class ReferralError(MzdeskError):
    """A referral operation that is not possible as asked."""


class IllegalTransition(ReferralError):
    """A status change the referral state machine does not allow."""


class ConsentRequired(ReferralError):
    """Sending refused: no valid consent covers the partner and the letter's data."""


def _source(referral_id: uuid.UUID) -> str:
    return f"referral:{referral_id}"


def get_referral(session: Session, text: str | uuid.UUID) -> Referral:
    return by_id(session, Referral, text, "referral")


def create_referral(
    session: Session,
    *,
    case_id: uuid.UUID,
    partner_id: uuid.UUID,
    purpose: str,
    created_by_id: uuid.UUID | None,
    service: str | None = None,
    request: str | None = None,
    created_on: date | None = None,
) -> Referral:
    from mzdesk.core import access

    access.require(session, access.Action.REFER, case_id=case_id)
    case = by_id(session, Case, case_id, "case")
    partner = by_id(session, Partner, partner_id, "partner")
    if not partner.active:
        raise ReferralError(f"partner {short_id(partner.id)} is inactive")
    if not purpose.strip():
        raise ReferralError("a referral needs a purpose", german="Bitte den Zweck angeben.")
    referral = Referral(
        case_id=case.id,
        partner_id=partner.id,
        created_by_id=created_by_id,
        purpose=" ".join(clean_text(purpose).split()),
        service=clean_text(service or "", multiline=True).strip() or None,
        request=clean_text(request or "", multiline=True).strip() or None,
        status=ReferralStatus.DRAFT,
        created_on=created_on or date.today(),
    )
    session.add(referral)
    session.flush()
    return referral


def list_referrals(
    session: Session,
    *,
    case_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    status: ReferralStatus | None = None,
    partner_id: uuid.UUID | None = None,
    limit: int = 200,
) -> list[Referral]:
    query = select(Referral)
    if case_id is not None:
        query = query.where(Referral.case_id == case_id)
    if person_id is not None:
        query = query.join(Case, Case.id == Referral.case_id).where(Case.person_id == person_id)
    if status is not None:
        query = query.where(Referral.status == status)
    if partner_id is not None:
        query = query.where(Referral.partner_id == partner_id)
    query = query.order_by(Referral.created_on.desc(), Referral.id).limit(limit)
    return list(session.scalars(query))


# --- the letter -------------------------------------------------------------------------------


def letterhead_from_settings(session: Session) -> Letterhead:
    """Organisation-wide ``letterhead.*`` settings over the fictional defaults."""
    rows = session.execute(
        select(Setting.key, Setting.value).where(
            Setting.key.in_(LETTERHEAD_KEYS.values()), Setting.user_id.is_(None)
        )
    )
    stored = {key: value for key, value in rows}
    values = {
        name: str(stored[key])
        for name, key in LETTERHEAD_KEYS.items()
        if stored.get(key) not in (None, "")
    }
    return Letterhead(**values)


def _birth_date(person: Person, lab: dict[str, str]) -> str:
    if person.birth_date is None:
        return lab["not_recorded"]
    if person.birth_date_precision is BirthDatePrecision.YEAR:
        return f"{person.birth_date.year} ({lab['birth_year_only']})"
    shown = person.birth_date.strftime("%d.%m.%Y")
    if person.birth_date_precision is BirthDatePrecision.PLACEHOLDER:
        return f"{shown} ({lab['birth_placeholder']})"
    return shown


def _current(periods: Sequence[object], on: date) -> object | None:
    current = None
    for period in periods:  # ordered by valid_from
        if getattr(period, "valid_from") <= on:  # noqa: B009 - two period types share it
            current = period
    return current


def _sections(
    person: Person, categories: Sequence[str], language: str, on: date
) -> tuple[DataSection, ...]:
    """The printed data, one section per category, in reference order; only ``categories``."""
    from mzdesk.core.letters.templates import labels

    lab = labels(language)
    lang = "de" if language == "de" else "en"
    sections: list[DataSection] = []
    for code in categories:
        heading = reference.label("data_categories", code, lang)
        rows: list[tuple[str, str]] = []
        if code == "IDENTITY":
            rows.append((lab["name"], f"{person.family_name}, {person.given_names}"))
            original = " ".join(
                filter(None, [person.given_names_original, person.family_name_original])
            )
            if original:
                rows.append((lab["name_original"], original))
            rows.append((lab["birth_date"], _birth_date(person, lab)))
        elif code == "CONTACT":
            address = ", ".join(
                filter(
                    None,
                    [person.street, " ".join(filter(None, [person.postcode, person.city]))],
                )
            )
            rows.append((lab["address"], address or lab["not_recorded"]))
            if person.phone:
                rows.append((lab["phone"], person.phone))
            if person.email:
                rows.append((lab["email"], person.email))
        elif code == "RESIDENCE":
            status = _current(person.residence_statuses, on)
            if status is None:
                rows.append((lab["residence_status"], lab["not_recorded"]))
            else:
                until = getattr(status, "valid_until", None)
                validity = (
                    f"{lab['valid_until']} {until.strftime('%d.%m.%Y')}"
                    if until
                    else lab["no_expiry"]
                )
                label = reference.label("residence_statuses", getattr(status, "status_code"), lang)  # noqa: B009
                rows.append((lab["residence_status"], f"{label}, {validity}"))
                permission = getattr(status, "work_permission", None)
                rows.append(
                    (
                        lab["work_permission"],
                        reference.label("work_permissions", permission, lang)
                        if permission
                        else lab["not_recorded"],
                    )
                )
        elif code == "LANGUAGES":
            skills = []
            for skill in person.languages:
                name = reference.label("languages", skill.language_code, lang)
                level = skill.cefr_level
                if level and level.lower() == "native":
                    level = lab["native"]
                skills.append(f"{name} ({level})" if level else name)
            rows.append((lab["languages"], ", ".join(skills) or lab["not_recorded"]))
        elif code == "BENEFITS":
            period = _current(person.legal_categories, on)
            category = getattr(period, "category", None)
            rows.append(
                (
                    lab["benefits"],
                    reference.label("legal_categories", category, lang)
                    if category
                    else lab["not_recorded"],
                )
            )
        # QUALIFICATIONS and HEALTH: no structured data is kept about them; nothing printed.
        if rows:
            sections.append(DataSection(code, heading, tuple(rows)))
    return tuple(sections)


@dataclass(frozen=True)
class LetterPlan:
    """What a letter for a referral would contain, and on which basis."""

    letter: ReferralLetter
    consent: Consent | None
    categories: tuple[str, ...]


def _user(session: Session, user_id: uuid.UUID | None) -> User | None:
    return session.get(User, user_id) if user_id else None


def plan_letter(
    session: Session,
    referral: Referral,
    *,
    on: date,
    consent: Consent | None = None,
    override_reason: str | None = None,
    attachments: Iterable[str] = (),
    answer_due_on: date | None = None,
) -> LetterPlan:
    """Assemble the letter's content. ``consent`` None (an override) prints required data only."""
    case = by_id(session, Case, referral.case_id, "case")
    person = by_id(session, Person, case.person_id, "person")
    partner = by_id(session, Partner, referral.partner_id, "partner")
    language = partner.letter_language if partner.letter_language in ("de", "en") else "de"
    template = load_template(partner.kind, language)
    covered = {str(c).upper() for c in consent.data_categories} if consent else set()
    wanted = set(template.required) | (set(template.optional) & covered)
    categories = tuple(c for c in reference.codes("data_categories") if c in wanted)
    counsellor = _user(session, referral.created_by_id) or _user(session, case.counsellor_id)
    counsellor_name = counsellor.display_name if counsellor else ""
    file_reference = f"{person.file_number}/{short_id(referral.id)}"
    person_name = f"{person.given_names} {person.family_name}"
    if "IDENTITY" not in categories:
        person_name = file_reference
    recipient = [partner.name]
    if partner.department:
        recipient.append(partner.department)
    if partner.street:
        recipient.append(partner.street)
    recipient.append(" ".join(filter(None, [partner.postcode, partner.city])))
    interpreter = None
    if person.interpreter_language:
        interpreter = reference.label(
            "languages", person.interpreter_language, "de" if language == "de" else "en"
        )
    values: dict[str, str | None] = {
        "person_name": person_name,
        "partner_name": partner.name,
        "purpose": referral.purpose,
        "service": referral.service,
        "counsellor_name": counsellor_name,
        "file_reference": file_reference,
        "answer_due": answer_due_on.strftime("%d.%m.%Y") if answer_due_on else None,
    }
    letter = ReferralLetter(
        language=language,
        template=template,
        recipient=tuple(line for line in recipient if line),
        file_reference=file_reference,
        letter_date=on,
        counsellor_name=counsellor_name,
        counsellor_phone=(counsellor.phone if counsellor else None),
        counsellor_email=(counsellor.email if counsellor else None),
        values=values,
        request=referral.request,
        sections=_sections(person, categories, language, on),
        interpreter_language=interpreter,
        attachments=tuple(a.strip() for a in attachments if a.strip()),
        consent_given_on=consent.given_on if consent else None,
        consent_version=consent.text_version if consent else None,
        override_reason=None if consent else override_reason,
        answer_due_on=answer_due_on,
        slip_subject=person_name,
        partner_name=partner.name,
    )
    return LetterPlan(letter, consent, categories)


def render_plan(session: Session, plan: LetterPlan) -> bytes:
    from mzdesk.core.letters.renderer import ReferralLetterRenderer

    renderer = ReferralLetterRenderer(letterhead_from_settings(session), plan.letter.language)
    return renderer.render(plan.letter)


def preview_letter(session: Session, referral: Referral, *, on: date | None = None) -> bytes:
    """The letter as it would be sent today (draft) or, once sent, the stored PDF."""
    if referral.letter_pdf is not None:
        return referral.letter_pdf
    day = on or date.today()
    partner = by_id(session, Partner, referral.partner_id, "partner")
    case = by_id(session, Case, referral.case_id, "case")
    template = load_template(partner.kind, partner.letter_language)
    consent = consents.covering_consent(session, case.person_id, partner, template.required, day)
    reason = referral.override_reason or "—"
    return render_plan(
        session, plan_letter(session, referral, on=day, consent=consent, override_reason=reason)
    )


# --- state changes ----------------------------------------------------------------------------


def _check(referral: Referral, target: ReferralStatus) -> None:
    if target not in TRANSITIONS[referral.status]:
        allowed = ", ".join(sorted(TRANSITIONS[referral.status])) or "none (final state)"
        raise IllegalTransition(
            f"referral {short_id(referral.id)} is {referral.status.value}: "
            f"it cannot become {target.value} (allowed: {allowed})",
            german=f"Überweisung ist {referral.status.value} und kann nicht {target.value} werden.",
        )


def _audit_override(session: Session, referral: Referral, user: User, reason: str) -> None:
    """Record a lead's consent override in the hash-chained audit trail."""
    from mzdesk.core.services import audit

    case = session.get(Case, referral.case_id)
    audit.append(
        session,
        "consent_override",
        "referral",
        entity_id=referral.id,
        person_id=case.person_id if case is not None else None,
        user_id=user.id,
        details={"reason": reason},
    )
    log.info("consent override on referral %s by user %s", referral.id, user.id)


def send_referral(
    session: Session,
    referral_id: str | uuid.UUID,
    *,
    user: User,
    on: date | None = None,
    answer_days: int = DEFAULT_ANSWER_DAYS,
    override_reason: str | None = None,
    attachments: Iterable[str] = (),
) -> Referral:
    """draft → sent: check consent (or a lead's override), render and store the letter."""
    from mzdesk.core import access

    referral = get_referral(session, referral_id)
    access.require(session, access.Action.REFER, case_id=referral.case_id)
    _check(referral, ReferralStatus.SENT)
    if answer_days < 1:
        raise ReferralError("the answer deadline must be at least one day")
    day = on or date.today()
    partner = by_id(session, Partner, referral.partner_id, "partner")
    case = by_id(session, Case, referral.case_id, "case")
    template = load_template(partner.kind, partner.letter_language)
    consent = consents.covering_consent(session, case.person_id, partner, template.required, day)
    reason = " ".join(clean_text(override_reason or "").split())
    if consent is None:
        needed = ", ".join(template.required)
        if not reason:
            raise ConsentRequired(
                f"no valid consent of the person covers {partner.name!r} and the data "
                f"categories {needed}: record a consent first (or a team lead overrides "
                "with a reason)",
                german=f"Keine gültige Einwilligung für {partner.name} und die Daten "
                f"({needed}). Bitte zuerst die Einwilligung erfassen.",
            )
        if user.role is not Role.TEAM_LEAD:
            raise ConsentRequired(
                "only a team lead may send a referral without a covering consent",
                german="Nur die Teamleitung darf ohne Einwilligung überweisen.",
            )
        access.require(session, access.Action.OVERRIDE_CONSENT, case_id=referral.case_id)
    due = date.fromordinal(day.toordinal() + answer_days)
    plan = plan_letter(
        session,
        referral,
        on=day,
        consent=consent,
        override_reason=reason or None,
        attachments=attachments,
        answer_due_on=due,
    )
    pdf = render_plan(session, plan)
    referral.status = ReferralStatus.SENT
    referral.sent_on = day
    referral.answer_due_on = due
    referral.letter_pdf = pdf
    referral.letter_sha256 = hashlib.sha256(pdf).hexdigest()
    referral.consent_id = consent.id if consent else None
    if consent is None:
        referral.override_reason = reason
        referral.override_by_id = user.id
        _audit_override(session, referral, user, reason)
    session.flush()
    return referral


def set_status(
    session: Session,
    referral_id: str | uuid.UUID,
    status: ReferralStatus,
    *,
    user: User,
    on: date | None = None,
    reason: str | None = None,
    feedback: str | None = None,
    override_reason: str | None = None,
    answer_days: int = DEFAULT_ANSWER_DAYS,
) -> Referral:
    """Any transition; ``sent`` goes through ``send_referral``, ``rejected`` needs a reason."""
    if status is ReferralStatus.SENT:
        return send_referral(
            session,
            referral_id,
            user=user,
            on=on,
            override_reason=override_reason,
            answer_days=answer_days,
        )
    from mzdesk.core import access

    referral = get_referral(session, referral_id)
    access.require(session, access.Action.REFER, case_id=referral.case_id)
    _check(referral, status)
    day = on or date.today()
    if status is ReferralStatus.REJECTED:
        text = " ".join(clean_text(reason or "").split())
        if not text:
            raise ReferralError("a rejection needs the partner's reason")
        referral.rejection_reason = text[:500]
    if status in (ReferralStatus.ACCEPTED, ReferralStatus.REJECTED):
        referral.answered_on = day
        _close_follow_ups(session, referral)
    if status is ReferralStatus.DONE:
        referral.done_on = day
    if status is ReferralStatus.REVOKED:
        _close_follow_ups(session, referral)
    if feedback and feedback.strip():
        referral.feedback = feedback.strip()
    referral.status = status
    session.flush()
    return referral


def _close_follow_ups(session: Session, referral: Referral) -> None:
    now = datetime.now(UTC)
    for follow_up in session.scalars(
        select(FollowUp).where(FollowUp.source == _source(referral.id), FollowUp.done_at.is_(None))
    ):
        follow_up.done_at = now


def create_due_referral_follow_ups(session: Session, today: date) -> int:
    """A follow-up for every sent referral whose answer deadline has passed (once each)."""
    overdue = list(
        session.scalars(
            select(Referral).where(
                Referral.status == ReferralStatus.SENT,
                Referral.answer_due_on.is_not(None),
                Referral.answer_due_on < today,
            )
        )
    )
    if not overdue:
        return 0
    sources = [_source(r.id) for r in overdue]
    existing = set(session.scalars(select(FollowUp.source).where(FollowUp.source.in_(sources))))
    created = 0
    for referral in overdue:
        if _source(referral.id) in existing:
            continue
        partner = session.get(Partner, referral.partner_id)
        case = session.get(Case, referral.case_id)
        sent = referral.sent_on.strftime("%d.%m.%Y") if referral.sent_on else "?"
        session.add(
            FollowUp(
                case_id=referral.case_id,
                assigned_to_id=referral.created_by_id or (case.counsellor_id if case else None),
                due_on=today,
                text=f"Keine Rückmeldung von {partner.name if partner else 'Partner'} "
                f"auf die Überweisung vom {sent} ({short_id(referral.id)})"[:500],
                source=_source(referral.id),
            )
        )
        created += 1
    session.flush()
    return created


@dataclass(frozen=True)
class Rejection:
    referral_id: uuid.UUID
    case_id: uuid.UUID
    file_number: str
    partner_name: str
    reason: str
    answered_on: date | None


def rejections_for_counsellor(session: Session, user_id: uuid.UUID) -> list[Rejection]:
    """Rejected referrals the user made, or of the user's cases: newest answer first."""
    rows = session.execute(
        select(Referral, Partner.name, Person.file_number)
        .join(Case, Case.id == Referral.case_id)
        .join(Person, Person.id == Case.person_id)
        .join(Partner, Partner.id == Referral.partner_id)
        .where(
            Referral.status == ReferralStatus.REJECTED,
            or_(Referral.created_by_id == user_id, Case.counsellor_id == user_id),
        )
        .order_by(Referral.answered_on.desc(), Referral.id)
    )
    return [
        Rejection(r.id, r.case_id, file_number, name, r.rejection_reason or "", r.answered_on)
        for r, name, file_number in rows
    ]


# --- for the GUI: the referral list, the consent check before sending, today's letters -------


@dataclass(frozen=True)
class ReferralRow:
    """One line of the referrals list (no personal data beyond the name and file number)."""

    id: uuid.UUID
    case_id: uuid.UUID
    person_id: uuid.UUID
    file_number: str
    person_name: str
    partner_name: str
    service: str | None
    purpose: str
    status: ReferralStatus
    created_on: date
    sent_on: date | None
    answer_due_on: date | None
    rejection_reason: str | None
    created_by_id: uuid.UUID | None
    counsellor_id: uuid.UUID | None
    has_letter: bool

    def is_mine(self, user_id: uuid.UUID | None) -> bool:
        return user_id is not None and user_id in (self.created_by_id, self.counsellor_id)


def referral_rows(
    session: Session,
    *,
    status: ReferralStatus | None = None,
    case_id: uuid.UUID | None = None,
    limit: int = 1000,
) -> list[ReferralRow]:
    """Referrals of the persons the acting user may see, newest first."""
    from mzdesk.core import access

    case = aliased(Case)  # visible_persons() correlates its own Case subqueries
    query = (
        select(
            Referral.id,
            Referral.case_id,
            Person.id,
            Person.file_number,
            Person.given_names,
            Person.family_name,
            Partner.name,
            Referral.service,
            Referral.purpose,
            Referral.status,
            Referral.created_on,
            Referral.sent_on,
            Referral.answer_due_on,
            Referral.rejection_reason,
            Referral.created_by_id,
            case.counsellor_id,
            Referral.letter_sha256.is_not(None),
        )
        .join(case, case.id == Referral.case_id)
        .join(Person, Person.id == case.person_id)
        .join(Partner, Partner.id == Referral.partner_id)
        .where(access.visible_persons(session))
        .order_by(Referral.created_on.desc(), Referral.id.desc())
        .limit(limit)
    )
    if status is not None:
        query = query.where(Referral.status == status)
    if case_id is not None:
        query = query.where(Referral.case_id == case_id)
    return [
        ReferralRow(
            r[0],
            r[1],
            r[2],
            r[3],
            f"{r[5]}, {r[4]}",
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
            r[14],
            r[15],
            bool(r[16]),
        )
        for r in session.execute(query)
    ]


@dataclass(frozen=True)
class ConsentCheck:
    """Before sending: which consent would be used, or why there is none."""

    consent: Consent | None
    required: tuple[str, ...]
    printed: tuple[str, ...]  # the data categories the letter would print
    partner_name: str


def consent_check(session: Session, referral_id: uuid.UUID, on: date | None = None) -> ConsentCheck:
    referral = get_referral(session, referral_id)
    return partner_categories(session, referral.case_id, referral.partner_id, on)


def partner_categories(
    session: Session, case_id: uuid.UUID, partner_id: uuid.UUID, on: date | None = None
) -> ConsentCheck:
    """For a referral not yet saved: the letter's data categories and the covering consent."""
    from mzdesk.core import access

    access.require(session, access.Action.REFER, case_id=case_id)
    day = on or date.today()
    partner = by_id(session, Partner, partner_id, "partner")
    case = by_id(session, Case, case_id, "case")
    template = load_template(partner.kind, partner.letter_language)
    consent = consents.covering_consent(session, case.person_id, partner, template.required, day)
    covered = {str(c).upper() for c in consent.data_categories} if consent else set()
    wanted = set(template.required) | (set(template.optional) & covered)
    printed = tuple(c for c in reference.codes("data_categories") if c in wanted)
    return ConsentCheck(consent, template.required, printed, partner.name)


def letters_sent_on(session: Session, day: date) -> list[uuid.UUID]:
    """Referrals whose letter was sent (and stored) on ``day``, oldest first: the batch print."""
    from mzdesk.core import access

    case = aliased(Case)
    query = (
        select(Referral.id)
        .join(case, case.id == Referral.case_id)
        .join(Person, Person.id == case.person_id)
        .where(
            Referral.sent_on == day,
            Referral.letter_sha256.is_not(None),
            access.visible_persons(session),
        )
        .order_by(Referral.created_at, Referral.id)
    )
    return list(session.scalars(query))


def stored_letter(session: Session, referral_id: uuid.UUID) -> bytes:
    """The letter exactly as sent (its SHA-256 checked), for a reprint."""
    from mzdesk.core import access

    referral = get_referral(session, referral_id)
    access.require(session, access.Action.REFER, case_id=referral.case_id)
    if referral.letter_pdf is None or referral.letter_sha256 is None:
        raise ReferralError(
            f"referral {short_id(referral.id)} has no stored letter (not sent from mzdesk)",
            german="Zu dieser Überweisung ist kein aus mzdesk versandter Brief gespeichert.",
        )
    if hashlib.sha256(referral.letter_pdf).hexdigest() != referral.letter_sha256:
        raise ReferralError(
            f"the stored letter of referral {short_id(referral.id)} does not match its hash",
            german="Der gespeicherte Brief stimmt nicht mit seiner Prüfsumme überein.",
        )
    return referral.letter_pdf


def update_draft(
    session: Session,
    referral_id: uuid.UUID,
    *,
    partner_id: uuid.UUID,
    purpose: str,
    service: str | None = None,
    request: str | None = None,
) -> Referral:
    """Change a draft before it is sent (a sent letter is never changed)."""
    from mzdesk.core import access

    referral = get_referral(session, referral_id)
    access.require(session, access.Action.REFER, case_id=referral.case_id)
    if referral.status is not ReferralStatus.DRAFT:
        raise ReferralError(
            f"referral {short_id(referral.id)} is {referral.status.value}: only drafts change",
            german="Nur Entwürfe können geändert werden.",
        )
    partner = by_id(session, Partner, partner_id, "partner")
    if not partner.active:
        raise ReferralError(f"partner {short_id(partner.id)} is inactive")
    if not purpose.strip():
        raise ReferralError("a referral needs a purpose", german="Bitte den Zweck angeben.")
    referral.partner_id = partner.id
    referral.purpose = " ".join(clean_text(purpose).split())
    referral.service = clean_text(service or "", multiline=True).strip() or None
    referral.request = clean_text(request or "", multiline=True).strip() or None
    session.flush()
    return referral


def send_as(
    session: Session,
    referral_id: uuid.UUID,
    user_id: uuid.UUID | None,
    *,
    override_reason: str | None = None,
    on: date | None = None,
) -> Referral:
    """``send_referral`` for the logged-in user, with the organisation's answer deadline."""
    from mzdesk.core.org_settings import get_setting

    user = session.get(User, user_id) if user_id else None
    if user is None:
        raise ReferralError(
            "sending a referral needs a logged-in user",
            german="Zum Senden muss ein Benutzer angemeldet sein.",
        )
    days = int(get_setting(session, "referrals.answer_days"))
    return send_referral(
        session, referral_id, user=user, on=on, override_reason=override_reason, answer_days=days
    )
