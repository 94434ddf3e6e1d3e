"""Referrals from a case to a partner: states, consent check, letter, answer deadline.

States: ``draft → sent → accepted | rejected(reason)``, ``accepted → done``; ``revoked`` from
draft, sent or accepted. Anything else raises ``IllegalTransition``. A rejection is final and
its reason is shown to the referring counsellor (``rejections_for_counsellor``).

Sending needs a consent that is valid on the day, names the partner (directly or by kind) and
covers every data category the letter prints. The counsellor ticks those in the referral
dialog (``Referral.data_categories``, of the categories the partner's template offers and
mzdesk has data for: :func:`offered_categories`); the letter prints exactly the ticked ones,
and a consent must cover all of them. A referral without a choice (made before, or by the
CLI) follows its template: a consent must cover the ``required`` categories, and the letter
prints those plus the ``optional`` ones the consent covers, and nothing else. Without such a
consent, sending is refused, unless a team lead overrides with a reason: stored on the
referral and handed to the audit trail.
On sending, the letter's PDF and its SHA-256 are stored, and ``answer_due_on`` is set; a
follow-up appears once that day has passed without an answer
(``create_due_referral_follow_ups``, idempotent).

No letter leaves without consent, on any path: every printable letter (printed, saved as PDF,
reprinted, printed with today's letters, written by ``mzdesk letter``) comes from
:func:`release_letter`, which checks the consent valid today or a team lead's exception
recorded beforehand with its reason (:func:`record_exception`), appends the output's audit
entry (:mod:`.outputs`) and only then returns the bytes. :func:`preview_letter` is for the
screen: a draft no consent covers is marked ENTWURF on every page and states no consent and no
exception. Creating, sending and answering a referral are audited too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.letters.content import DataSection, Letterhead, ReferralLetter
from mzdesk.core.letters.templates import LetterTemplate, load_template
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
from mzdesk.core.services import audit, consents, outputs
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
    """Refused: no valid consent covers the partner and the letter's data (and no exception)."""


class LetterPurpose(StrEnum):
    """Why a letter's bytes are released: each becomes its own audit action."""

    PRINT = "print"  # printed from the preview (a sent letter: a reprint)
    PDF = "pdf"  # saved as PDF from the preview
    REPRINT = "reprint"  # the stored letter of a sent referral, printed again
    BATCH = "batch"  # printed with the letters sent today
    CLI = "cli"  # ``mzdesk letter REFERRAL -o FILE.pdf``


def _source(referral_id: uuid.UUID) -> str:
    return f"referral:{referral_id}"


def get_referral(session: Session, text: str | uuid.UUID) -> Referral:
    return by_id(session, Referral, text, "referral")


# The categories a letter has data to print for (QUALIFICATIONS and HEALTH: mzdesk keeps no
# structured data about them, so a tick there would promise what the letter never prints).
PRINTABLE_CATEGORIES = frozenset({"IDENTITY", "CONTACT", "RESIDENCE", "LANGUAGES", "BENEFITS"})


def _ordered(codes: Iterable[str]) -> tuple[str, ...]:
    wanted = {str(code).upper() for code in codes}
    return tuple(code for code in reference.codes("data_categories") if code in wanted)


def offered_categories(template: LetterTemplate) -> tuple[str, ...]:
    """The categories a counsellor may tick for a letter from ``template``: its required and
    optional ones that mzdesk has data for, in reference order."""
    return _ordered(
        c for c in (*template.required, *template.optional) if c in PRINTABLE_CATEGORIES
    )


def _covered(consent: Consent | None) -> set[str]:
    return {str(c).upper() for c in consent.data_categories} if consent else set()


def needed_categories(chosen: Sequence[str] | None, template: LetterTemplate) -> tuple[str, ...]:
    """What a consent must cover: the ticked categories, else the template's required ones."""
    return _ordered(template.required if chosen is None else chosen)


def printed_categories(
    chosen: Sequence[str] | None, template: LetterTemplate, consent: Consent | None
) -> tuple[str, ...]:
    """What the letter prints: the ticked categories (never one ``consent`` does not cover);
    without a choice, the template's required ones plus the optional ones the consent covers.
    ``consent`` None (a lead's exception, a draft on screen): the ticked or required ones."""
    if chosen is None:
        return _ordered(set(template.required) | (set(template.optional) & _covered(consent)))
    if consent is None:
        return _ordered(chosen)
    return _ordered(set(_ordered(chosen)) & _covered(consent))


def _choice(
    categories: Iterable[str] | None, template: LetterTemplate, partner: Partner
) -> list[str] | None:
    """The ticked categories, checked against what the partner's letter offers."""
    if categories is None:
        return None
    chosen = {str(c).strip().upper() for c in categories if str(c).strip()}
    if not chosen:
        raise ReferralError(
            "a referral letter needs at least one data category",
            german="Bitte mindestens eine Angabe für den Brief ankreuzen.",
        )
    unknown = sorted(chosen - set(offered_categories(template)))
    if unknown:
        known = set(reference.codes("data_categories"))
        named = _category_names(c for c in unknown if c in known)
        raise ReferralError(
            f"the letter to {partner.name!r} cannot print {', '.join(unknown)}",
            german=f"Diese Angaben können nicht in den Brief an {partner.name}: "
            f"{named or 'unbekannte Angaben'}.",
        )
    return list(_ordered(chosen))


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
    categories: Iterable[str] | None = None,
) -> Referral:
    """A draft. ``categories``: the data the letter is to print (None: as its template says)."""
    from mzdesk.core import access

    access.require(session, access.Action.REFER, case_id=case_id)
    case = by_id(session, Case, case_id, "case")
    partner = by_id(session, Partner, partner_id, "partner")
    if not partner.active:
        raise ReferralError(
            f"partner {short_id(partner.id)} is inactive",
            german="Dieser Partner ist nicht mehr aktiv.",
        )
    if not purpose.strip():
        raise ReferralError("a referral needs a purpose", german="Bitte den Zweck angeben.")
    chosen = _choice(categories, load_template(partner.kind, partner.letter_language), partner)
    referral = Referral(
        case_id=case.id,
        partner_id=partner.id,
        created_by_id=created_by_id,
        purpose=" ".join(clean_text(purpose).split()),
        service=clean_text(service or "", multiline=True).strip() or None,
        request=clean_text(request or "", multiline=True).strip() or None,
        status=ReferralStatus.DRAFT,
        created_on=created_on or date.today(),
        data_categories=chosen,
    )
    session.add(referral)
    session.flush()
    audit.append(
        session,
        "create",
        "referral",
        entity_id=referral.id,
        person_id=case.person_id,
        details={"case_id": case.id, "partner_id": partner.id},
    )
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
    """Referrals the acting user may see (the scope keeps to their team), newest first."""
    from mzdesk.core import access

    access.require(session, access.Action.READ_PERSON)
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
    override_by: str | None = None,
    attachments: Iterable[str] = (),
    answer_due_on: date | None = None,
) -> LetterPlan:
    """Assemble the letter's content. ``consent`` None (an exception) prints required data only.

    The exception line names the lead (``override_by``, else the referral's ``override_by_id``)
    and the reason; without consent and exception the letter is an uncovered draft, which the
    renderer marks ENTWURF and which states neither.
    """
    case = by_id(session, Case, referral.case_id, "case")
    person = by_id(session, Person, case.person_id, "person")
    partner = by_id(session, Partner, referral.partner_id, "partner")
    language = partner.letter_language if partner.letter_language in ("de", "en") else "de"
    template = load_template(partner.kind, language)
    categories = printed_categories(referral.data_categories, template, consent)
    counsellor = _user(session, referral.created_by_id) or _user(session, case.counsellor_id)
    counsellor_name = counsellor.display_name if counsellor else ""
    lead = _user(session, referral.override_by_id)
    lead_name = override_by or (lead.display_name if lead else None)
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
        override_reason=None if consent else (override_reason or None),
        answer_due_on=answer_due_on,
        slip_subject=person_name,
        partner_name=partner.name,
        override_by=None if consent or not override_reason else lead_name,
    )
    return LetterPlan(letter, consent, categories)


def render_plan(session: Session, plan: LetterPlan) -> bytes:
    from mzdesk.core.letters.renderer import ReferralLetterRenderer

    renderer = ReferralLetterRenderer(letterhead_from_settings(session), plan.letter.language)
    return renderer.render(plan.letter)


def _exception(session: Session, referral: Referral) -> tuple[str, str] | None:
    """The team lead's exception recorded on the referral: (reason, lead's name), or None."""
    if not referral.override_reason or referral.override_by_id is None:
        return None
    lead = session.get(User, referral.override_by_id)
    if lead is None or lead.role is not Role.TEAM_LEAD:
        return None
    return referral.override_reason, lead.display_name


def _covering(session: Session, referral: Referral, day: date) -> Consent | None:
    partner = by_id(session, Partner, referral.partner_id, "partner")
    case = by_id(session, Case, referral.case_id, "case")
    template = load_template(partner.kind, partner.letter_language)
    needed = needed_categories(referral.data_categories, template)
    return consents.covering_consent(session, case.person_id, partner, needed, day)


def _draft_plan(session: Session, referral: Referral, day: date) -> LetterPlan:
    """The letter of a draft as it would be sent on ``day``: with the covering consent, else
    with the recorded exception, else an uncovered draft (marked ENTWURF by the renderer)."""
    consent = _covering(session, referral, day)
    exception = None if consent else _exception(session, referral)
    return plan_letter(
        session,
        referral,
        on=day,
        consent=consent,
        override_reason=exception[0] if exception else None,
        override_by=exception[1] if exception else None,
    )


def preview_letter(session: Session, referral: Referral, *, on: date | None = None) -> bytes:
    """For the screen only: once sent, the stored PDF; a draft as it would be sent today.

    A draft no consent or recorded exception covers is marked ENTWURF on every page and says
    that there is no consent. What leaves (print, PDF, CLI) comes from :func:`release_letter`.
    """
    from mzdesk.core import access

    access.require(session, access.Action.REFER, case_id=referral.case_id)
    if referral.letter_pdf is not None:
        return referral.letter_pdf
    return render_plan(session, _draft_plan(session, referral, on or date.today()))


def _category_names(codes: Iterable[str]) -> str:
    """German labels in quotes: „Name und Geburtsdatum“ und „Anschrift, Telefon und E-Mail“
    (a label may hold commas itself)."""
    names = [f"„{reference.label('data_categories', code, 'de')}“" for code in codes]
    return " und ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _refused(partner: Partner, required: Sequence[str]) -> ConsentRequired:
    return ConsentRequired(
        f"no valid consent of the person covers {partner.name!r} and the data categories "
        f"{', '.join(required)}, and no team lead recorded an exception: the letter does not "
        "leave (record a consent first)",
        german=f"Keine gültige Einwilligung für {partner.name} und die Daten "
        f"{_category_names(required)}. Ohne Einwilligung wird der Brief nicht gedruckt, "
        "gespeichert oder gesendet: bitte zuerst die Einwilligung erfassen "
        "(oder die Teamleitung hält eine begründete Ausnahme fest).",
    )


@dataclass(frozen=True)
class Release:
    """What a released letter rests on, for the check and the audit entry."""

    pdf_from_store: bool
    consent: Consent | None
    exception_by_id: uuid.UUID | None
    categories: tuple[str, ...]
    partner: Partner
    case: Case


def _stored_categories(
    session: Session, referral: Referral, consent: Consent | None
) -> tuple[str, ...]:
    partner = by_id(session, Partner, referral.partner_id, "partner")
    template = load_template(partner.kind, partner.letter_language)
    return printed_categories(referral.data_categories, template, consent)


def _release_basis(
    session: Session, referral: Referral, purpose: LetterPurpose, day: date
) -> Release:
    """Why the letter may leave today for ``purpose``; raises with the reason if it may not."""
    from mzdesk.core import access

    access.require(session, access.Action.REFER, case_id=referral.case_id)
    partner = by_id(session, Partner, referral.partner_id, "partner")
    case = by_id(session, Case, referral.case_id, "case")
    template = load_template(partner.kind, partner.letter_language)
    if referral.letter_pdf is not None:  # sent: the stored letter, on the basis it was sent on
        consent = session.get(Consent, referral.consent_id) if referral.consent_id else None
        if consent is not None and not consents.is_valid(consent, day):
            raise ConsentRequired(
                f"the consent referral {short_id(referral.id)} was sent on is no longer valid "
                "(withdrawn or expired): the letter does not leave again",
                german="Die Einwilligung, auf der dieser Brief beruht, gilt nicht mehr "
                "(widerrufen oder abgelaufen): der Brief wird nicht erneut ausgegeben.",
            )
        if consent is None and _exception(session, referral) is None:
            raise _refused(partner, needed_categories(referral.data_categories, template))
        return Release(
            True,
            consent,
            None if consent else referral.override_by_id,
            _stored_categories(session, referral, consent),
            partner,
            case,
        )
    if purpose in (LetterPurpose.REPRINT, LetterPurpose.BATCH) or (
        referral.status is not ReferralStatus.DRAFT
    ):
        raise ReferralError(
            f"referral {short_id(referral.id)} has no stored letter (not sent from mzdesk)",
            german="Zu dieser Überweisung ist kein aus mzdesk versandter Brief gespeichert.",
        )
    consent = _covering(session, referral, day)
    if consent is None and _exception(session, referral) is None:
        raise _refused(partner, needed_categories(referral.data_categories, template))
    plan_categories = _stored_categories(session, referral, consent)
    return Release(
        False,
        consent,
        None if consent else referral.override_by_id,
        plan_categories,
        partner,
        case,
    )


NO_CONSENT_REASON = "no consent covers the letter"  # the audit entry's reason (labelled in the UI)


def _basis_or_recorded_refusal(
    session: Session, referral: Referral, purpose: LetterPurpose, day: date
) -> Release:
    """:func:`_release_basis`; a refusal for want of consent is audited (``denied``, in its own
    transaction: the caller's rolls back) — every attempt to let a letter out is in the trail."""
    try:
        return _release_basis(session, referral, purpose, day)
    except ConsentRequired:
        from mzdesk.core import access

        case = session.get(Case, referral.case_id)
        access.record_denial(
            session,
            access.Action.REFER,
            person_id=case.person_id if case is not None else None,
            case_id=referral.case_id,
            reason=NO_CONSENT_REASON,
        )
        raise


def check_release(
    session: Session,
    referral_id: uuid.UUID,
    purpose: LetterPurpose,
    *,
    on: date | None = None,
    attempt: bool = False,
) -> None:
    """Raise as :func:`release_letter` would, recording nothing — unless ``attempt``: the
    check before a print or save dialog, whose refusal is audited like the release's (a
    preview's notice only informs)."""
    referral = get_referral(session, referral_id)
    day = on or date.today()
    if attempt:
        _basis_or_recorded_refusal(session, referral, purpose, day)
    else:
        _release_basis(session, referral, purpose, day)


_OUTPUT_OF = {
    (False, LetterPurpose.PRINT): outputs.OutputKind.LETTER_PRINTED,
    (False, LetterPurpose.PDF): outputs.OutputKind.LETTER_SAVED,
    (False, LetterPurpose.CLI): outputs.OutputKind.LETTER_SAVED,
    (True, LetterPurpose.PRINT): outputs.OutputKind.LETTER_REPRINTED,
    (True, LetterPurpose.REPRINT): outputs.OutputKind.LETTER_REPRINTED,
    (True, LetterPurpose.BATCH): outputs.OutputKind.LETTER_BATCH_PRINTED,
    (True, LetterPurpose.PDF): outputs.OutputKind.LETTER_SAVED,
    (True, LetterPurpose.CLI): outputs.OutputKind.LETTER_SAVED,
}


def release_letter(
    session: Session,
    referral_id: uuid.UUID | str,
    purpose: LetterPurpose,
    *,
    on: date | None = None,
) -> bytes:
    """The letter's bytes for printing or saving: the one path a letter leaves mzdesk by.

    Refused (``ConsentRequired``) unless a consent valid today covers the partner and the
    letter's data, or a team lead recorded an exception (:func:`record_exception`); a sent
    letter is its stored PDF (hash checked), and stops leaving once its consent is withdrawn
    or expired. The output is appended to the audit trail (the caller commits: before
    printing, together with a file it writes).
    """
    referral = get_referral(session, referral_id)
    day = on or date.today()
    basis = _basis_or_recorded_refusal(session, referral, purpose, day)
    if basis.pdf_from_store:
        pdf = stored_letter(session, referral.id)
    else:
        pdf = render_plan(session, _draft_plan(session, referral, day))
    paper = purpose in (LetterPurpose.PRINT, LetterPurpose.REPRINT, LetterPurpose.BATCH)
    outputs.record_output(
        session,
        _OUTPUT_OF[(basis.pdf_from_store, purpose)],
        entity="referral",
        entity_id=referral.id,
        person_id=basis.case.person_id,
        partner_id=basis.partner.id,
        output_format="print" if paper else "pdf",
        categories=basis.categories,
        ids={
            "case_id": basis.case.id,
            "consent_id": basis.consent.id if basis.consent else None,
            "override_by_id": basis.exception_by_id,
        },
        codes={"purpose": purpose.value},
    )
    return pdf


# --- state changes ----------------------------------------------------------------------------


def _check(referral: Referral, target: ReferralStatus) -> None:
    if target not in TRANSITIONS[referral.status]:
        allowed = ", ".join(sorted(TRANSITIONS[referral.status])) or "none (final state)"
        raise IllegalTransition(
            f"referral {short_id(referral.id)} is {referral.status.value}: "
            f"it cannot become {target.value} (allowed: {allowed})",
            german=f"Überweisung ist {referral.status.value} und kann nicht {target.value} werden.",
        )


def record_exception(session: Session, referral_id: uuid.UUID | str, *, reason: str) -> Referral:
    """A team lead's exception for a draft no consent covers, with its reason (audited).

    Recorded before any output: the letter then names the lead and the reason, and may be
    printed, saved and sent. It holds for this partner and the data ticked (a change of either
    drops it).
    """
    from mzdesk.core import access

    referral = get_referral(session, referral_id)
    access.require(session, access.Action.OVERRIDE_CONSENT, case_id=referral.case_id)
    user_id = access.acting_user_id(session)
    user = session.get(User, user_id) if user_id else None
    if user is None or user.role is not Role.TEAM_LEAD:
        raise ConsentRequired(
            "only a team lead may make an exception from the consent",
            german="Nur die Teamleitung darf eine Ausnahme ohne Einwilligung festhalten.",
        )
    return _record_exception(session, referral, user, reason, date.today())


def _record_exception(
    session: Session, referral: Referral, user: User, reason: str, day: date
) -> Referral:
    text = " ".join((reason or "").split())
    if not text:
        raise ReferralError("an exception needs its reason", german="Bitte die Ausnahme begründen.")
    if referral.status is not ReferralStatus.DRAFT:
        raise ReferralError(
            f"referral {short_id(referral.id)} is {referral.status.value}: exceptions are "
            "made for drafts",
            german="Eine Ausnahme wird nur für einen Entwurf festgehalten.",
        )
    if _covering(session, referral, day) is not None:
        raise ReferralError(
            "a valid consent covers this letter: no exception is needed",
            german="Eine gültige Einwilligung deckt diesen Brief: eine Ausnahme ist nicht nötig.",
        )
    if referral.override_reason == text[:500] and referral.override_by_id == user.id:
        return referral  # the same exception again: nothing new to record
    referral.override_reason = text[:500]
    referral.override_by_id = user.id
    session.flush()
    case = session.get(Case, referral.case_id)
    audit.append(
        session,
        "consent_override",
        "referral",
        entity_id=referral.id,
        person_id=case.person_id if case is not None else None,
        user_id=user.id,
        details={"reason": referral.override_reason, "partner_id": referral.partner_id},
    )
    log.info("consent exception on referral %s by user %s", referral.id, user.id)
    return referral


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
    """draft → sent: check consent (or a lead's exception), render and store the letter.

    Without a covering consent, a team lead's exception recorded beforehand is used; a lead
    may also give ``override_reason`` here, which records the exception first.
    """
    from mzdesk.core import access

    referral = get_referral(session, referral_id)
    access.require(session, access.Action.REFER, case_id=referral.case_id)
    _check(referral, ReferralStatus.SENT)
    if answer_days < 1:
        raise ReferralError(
            "the answer deadline must be at least one day",
            german="Die Antwortfrist muss mindestens einen Tag betragen.",
        )
    day = on or date.today()
    partner = by_id(session, Partner, referral.partner_id, "partner")
    case = by_id(session, Case, referral.case_id, "case")
    template = load_template(partner.kind, partner.letter_language)
    needed = needed_categories(referral.data_categories, template)
    consent = consents.covering_consent(session, case.person_id, partner, needed, day)
    reason = " ".join(clean_text(override_reason or "").split())
    if consent is None:
        if reason:
            if user.role is not Role.TEAM_LEAD:
                raise ConsentRequired(
                    "only a team lead may send a referral without a covering consent",
                    german="Nur die Teamleitung darf ohne Einwilligung überweisen.",
                )
            access.require(session, access.Action.OVERRIDE_CONSENT, case_id=referral.case_id)
            _record_exception(session, referral, user, reason, day)
        if _exception(session, referral) is None:
            raise _refused(partner, needed)
    exception = None if consent else _exception(session, referral)
    due = date.fromordinal(day.toordinal() + answer_days)
    plan = plan_letter(
        session,
        referral,
        on=day,
        consent=consent,
        override_reason=exception[0] if exception else None,
        override_by=exception[1] if exception else None,
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
    session.flush()
    audit.append(
        session,
        "referral_sent",
        "referral",
        entity_id=referral.id,
        person_id=case.person_id,
        user_id=user.id,
        details={
            "partner_id": partner.id,
            "case_id": case.id,
            "consent_id": consent.id if consent else None,
            "override_by_id": None if consent else referral.override_by_id,
            "categories": list(plan.categories),
            "sent_on": day,
            "answer_due_on": due,
        },
    )
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
            raise ReferralError(
                "a rejection needs the partner's reason",
                german="Für eine Ablehnung bitte den Grund des Partners angeben.",
            )
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
    before = referral.status
    referral.status = status
    session.flush()
    case = session.get(Case, referral.case_id)
    audit.append(  # the partner's reason and feedback are free text: not in the trail
        session,
        "status",
        "referral",
        entity_id=referral.id,
        person_id=case.person_id if case is not None else None,
        details={"from": before.value, "to": status.value},
    )
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
    """Rejected referrals the user made, or of the user's cases: newest answer first (of
    those the acting user may see: the scope keeps to their team)."""
    from mzdesk.core import access

    access.require(session, access.Action.READ_PERSON)
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
    required: tuple[str, ...]  # the template's required categories
    printed: tuple[str, ...]  # the data categories the letter would print
    partner_name: str
    offered: tuple[str, ...] = ()  # what may be ticked for this partner (offered_categories)
    covered: tuple[str, ...] = ()  # what some valid consent naming the partner covers
    refusal: str | None = None  # the German reason the letter would be refused, if it would
    needed: tuple[str, ...] = ()  # what a consent must cover: the ticked, else the required


def consent_check(session: Session, referral_id: uuid.UUID, on: date | None = None) -> ConsentCheck:
    referral = get_referral(session, referral_id)
    return partner_categories(
        session, referral.case_id, referral.partner_id, on, categories=referral.data_categories
    )


def partner_categories(
    session: Session,
    case_id: uuid.UUID,
    partner_id: uuid.UUID,
    on: date | None = None,
    *,
    categories: Sequence[str] | None = None,
) -> ConsentCheck:
    """For a referral being written: with the ticked ``categories`` (None: the template's
    choice), what the letter would print, the consent it would rest on, or the refusal."""
    from mzdesk.core import access

    access.require(session, access.Action.REFER, case_id=case_id)
    day = on or date.today()
    partner = by_id(session, Partner, partner_id, "partner")
    case = by_id(session, Case, case_id, "case")
    template = load_template(partner.kind, partner.letter_language)
    needed = needed_categories(categories, template)
    consent = consents.covering_consent(session, case.person_id, partner, needed, day)
    covered = consents.covered_categories(session, case.person_id, partner, day)
    return ConsentCheck(
        consent,
        template.required,
        printed_categories(categories, template, consent),
        partner.name,
        offered_categories(template),
        _ordered(covered),
        None if consent else _refused(partner, needed).german,
        needed,
    )


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
    categories: Iterable[str] | None = None,
) -> Referral:
    """Change a draft before it is sent (a sent letter is never changed); ``categories`` None
    keeps the ticked data (checked again against a new partner's letter)."""
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
        raise ReferralError(
            f"partner {short_id(partner.id)} is inactive",
            german="Dieser Partner ist nicht mehr aktiv.",
        )
    if not purpose.strip():
        raise ReferralError("a referral needs a purpose", german="Bitte den Zweck angeben.")
    template = load_template(partner.kind, partner.letter_language)
    chosen = _choice(
        referral.data_categories if categories is None else categories, template, partner
    )
    # a lead's exception was for that partner and that data: another choice needs its own
    if partner.id != referral.partner_id or chosen != referral.data_categories:
        referral.override_reason = None
        referral.override_by_id = None
    referral.partner_id = partner.id
    referral.purpose = " ".join(clean_text(purpose).split())
    referral.service = clean_text(service or "", multiline=True).strip() or None
    referral.request = clean_text(request or "", multiline=True).strip() or None
    referral.data_categories = chosen
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
