"""The consent registry: who agreed to pass which data to whom, for what, and until when.

A consent names data categories (codes of resources/reference/data_categories.json), its
recipients (single partners and/or partner kinds: ``ConsentRecipient``) and a purpose; a
blanket consent (no category or no recipient) is refused. It is valid from ``given_on``
through ``expires_on`` (inclusive, if set) and stops on the day it is withdrawn.

Consent texts are versioned folders in resources/consent (see its README): a version a person
agreed to is never edited, only superseded by a newer folder.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mzdesk.core import access, reference
from mzdesk.core.access import Action
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.letters.content import ConsentForm as ConsentFormContent
from mzdesk.core.letters.templates import parse_sections
from mzdesk.core.models import Consent, ConsentForm, ConsentRecipient, Partner, Person
from mzdesk.core.resources import resource_path
from mzdesk.core.services import audit
from mzdesk.core.services.lookup import by_id
from mzdesk.core.services.persons import format_birth_date
from mzdesk.core.text import clean_text

# German plus the languages a form is printed in: fa = Farsi (Iran), prs = Dari (Afghanistan),
# both Persian script, right to left.
FORM_LANGUAGES = ("de", "en", "ar", "uk", "fa", "prs", "tr")


class ConsentError(MzdeskError):
    """A consent that cannot be recorded or changed as asked."""


# --- versioned texts --------------------------------------------------------------------------


def text_versions() -> list[str]:
    """Every consent text version in resources/consent, oldest first."""
    root = resource_path("consent")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "de.txt").is_file())


def current_text_version() -> str:
    versions = text_versions()
    if not versions:
        raise ConsentError(
            "no consent texts installed (resources/consent)",
            german="Es sind keine Einwilligungstexte installiert. "
            "Bitte den IT-Support informieren.",
        )
    return versions[-1]


@cache
def consent_text(version: str, language: str) -> dict[str, str]:
    """The sections of one consent text; NotFound for an unknown version or language."""
    if version not in text_versions():
        raise NotFound(
            f"consent text version {version!r} not found",
            german=f"Den Einwilligungstext in der Fassung {version} gibt es nicht.",
        )
    path = resource_path("consent", version, f"{language}.txt")
    if not path.is_file():
        available = sorted(p.stem for p in path.parent.glob("*.txt"))
        raise NotFound(
            f"consent text {version} has no language {language!r} "
            f"(available: {', '.join(available)})",
            german=f"Einwilligungstext {version} gibt es nicht in der Sprache {language!r}.",
        )
    return parse_sections(path.read_text(encoding="utf-8"), f"consent/{version}/{language}")


# --- records ----------------------------------------------------------------------------------


def _categories(categories: Iterable[str]) -> list[str]:
    known = reference.codes("data_categories")
    wanted = {c.strip().upper() for c in categories if c.strip()}
    unknown = sorted(wanted - set(known))
    if unknown:
        raise ConsentError(
            f"unknown data categories: {', '.join(unknown)} (known: {', '.join(known)})",
            german=f"Unbekannte Datenkategorien: {', '.join(unknown)}.",
        )
    return [code for code in known if code in wanted]  # reference order, no duplicates


def add_consent(
    session: Session,
    *,
    person_id: uuid.UUID,
    purpose: str,
    categories: Iterable[str],
    given_on: date,
    form: ConsentForm,
    partner_ids: Iterable[uuid.UUID] = (),
    partner_kinds: Iterable[str] = (),
    expires_on: date | None = None,
    witness: str | None = None,
    text_version: str | None = None,
    recorded_by_id: uuid.UUID | None = None,
) -> Consent:
    """Record a consent; refuses blanket or inconsistent ones with a clear reason."""
    access.require(session, Action.REFER, person_id=person_id)
    codes = _categories(categories)
    if not codes:
        raise ConsentError(
            "a consent must name at least one data category",
            german="Eine Einwilligung muss mindestens eine Datenkategorie nennen.",
        )
    if not purpose.strip():
        raise ConsentError(
            "a consent must name its purpose",
            german="Eine Einwilligung muss ihren Zweck nennen.",
        )
    partners = [by_id(session, Partner, pid, "partner") for pid in dict.fromkeys(partner_ids)]
    kinds = list(dict.fromkeys(k.strip().upper() for k in partner_kinds if k.strip()))
    unknown_kinds = [k for k in kinds if k not in reference.codes("partner_kinds")]
    if unknown_kinds:
        raise ConsentError(
            f"unknown partner kinds: {', '.join(unknown_kinds)}",
            german=f"Unbekannte Partnerarten: {', '.join(unknown_kinds)}.",
        )
    if not partners and not kinds:
        raise ConsentError(
            "a consent must name its recipients (a partner or a partner kind)",
            german="Eine Einwilligung muss die Empfänger nennen (Partner oder Partnerart).",
        )
    if expires_on is not None and expires_on < given_on:
        raise ConsentError(
            "a consent cannot expire before it is given",
            german="Eine Einwilligung kann nicht vor ihrer Erteilung ablaufen.",
        )
    if form is ConsentForm.VERBAL_WITNESS and not (witness or "").strip():
        raise ConsentError(
            "a verbal consent needs the witness who heard it",
            german="Eine mündliche Einwilligung braucht die Angabe der Zeugin/des Zeugen.",
        )
    version = text_version or current_text_version()
    consent_text(version, "de")  # raises NotFound for an unknown version
    consent = Consent(
        person_id=person_id,
        purpose=" ".join(clean_text(purpose).split()),
        data_categories=codes,
        text_version=version,
        given_on=given_on,
        expires_on=expires_on,
        form=form,
        witness=" ".join(clean_text(witness or "").split()) or None,
        recorded_by_id=recorded_by_id,
        recipients=[ConsentRecipient(partner_id=p.id) for p in partners]
        + [ConsentRecipient(partner_kind=k) for k in kinds],
    )
    session.add(consent)
    session.flush()
    audit.append(
        session,
        "consent_recorded",
        "consent",
        entity_id=consent.id,
        person_id=consent.person_id,
        details=_scope(consent),
    )
    return consent


def _scope(consent: Consent) -> dict[str, object]:
    """The consent's scope by ids and codes for the audit trail (never its purpose text or a
    witness's name)."""
    return {
        "categories": list(consent.data_categories),
        "partner_ids": [r.partner_id for r in consent.recipients if r.partner_id],
        "partner_kinds": [r.partner_kind for r in consent.recipients if r.partner_kind],
        "form": consent.form.value,
        "text_version": consent.text_version,
        "given_on": consent.given_on,
        "expires_on": consent.expires_on,
        "withdrawn_on": consent.withdrawn_on,
    }


def get_consent(session: Session, text: str | uuid.UUID) -> Consent:
    return by_id(session, Consent, text, "consent")


def withdraw(session: Session, consent_id: str | uuid.UUID, on: date) -> Consent:
    """Withdraw a consent from ``on`` (the day itself no longer counts)."""
    consent = get_consent(session, consent_id)
    access.require(session, Action.REFER, person_id=consent.person_id)
    if consent.withdrawn_on is not None:
        raise ConsentError(
            f"consent {consent.id.hex[-8:]} was already withdrawn",
            german="Diese Einwilligung wurde bereits widerrufen.",
        )
    if on < consent.given_on:
        raise ConsentError(
            "a consent cannot be withdrawn before it was given",
            german="Eine Einwilligung kann nicht vor dem Tag widerrufen werden, "
            "an dem sie erteilt wurde.",
        )
    consent.withdrawn_on = on
    session.flush()
    audit.append(
        session,
        "consent_withdrawn",
        "consent",
        entity_id=consent.id,
        person_id=consent.person_id,
        details=_scope(consent),
    )
    return consent


def list_consents(session: Session, person_id: uuid.UUID) -> list[Consent]:
    access.require(session, Action.READ_PERSON, person_id=person_id)
    query = (
        select(Consent)
        .where(Consent.person_id == person_id)
        .options(selectinload(Consent.recipients))
        .order_by(Consent.given_on.desc(), Consent.id)
    )
    return list(session.scalars(query))


def is_valid(consent: Consent, on: date) -> bool:
    """Given, not expired (``expires_on`` is the last valid day), not withdrawn on ``on``."""
    if consent.given_on > on:
        return False
    if consent.expires_on is not None and on > consent.expires_on:
        return False
    return consent.withdrawn_on is None or on < consent.withdrawn_on


def names_partner(consent: Consent, partner: Partner) -> bool:
    """Does the consent name this partner, directly or by its kind?"""
    return any(
        r.partner_id == partner.id
        or (r.partner_kind is not None and r.partner_kind == partner.kind)
        for r in consent.recipients
    )


def covering_consent(
    session: Session,
    person_id: uuid.UUID,
    partner: Partner,
    categories: Iterable[str],
    on: date | None = None,
) -> Consent | None:
    """A consent valid on ``on`` (default today) naming ``partner`` and ALL ``categories``.

    Of several, the most recently given one. Withdrawn, expired and future ones never count.
    """
    day = on or date.today()
    wanted = {c.upper() for c in categories}
    for consent in list_consents(session, person_id):
        if (
            is_valid(consent, day)
            and names_partner(consent, partner)
            and wanted <= {str(c).upper() for c in consent.data_categories}
        ):
            return consent
    return None


def covered_categories(
    session: Session, person_id: uuid.UUID, partner: Partner, on: date | None = None
) -> set[str]:
    """Every data category some consent valid on ``on`` and naming ``partner`` covers."""
    day = on or date.today()
    return {
        str(code).upper()
        for consent in list_consents(session, person_id)
        if is_valid(consent, day) and names_partner(consent, partner)
        for code in consent.data_categories
    }


@dataclass(frozen=True)
class ConsentScope:
    """What a consent form shows: possibly blank, for a form printed before anything is agreed."""

    purpose: str | None
    categories: tuple[str, ...]
    recipients: tuple[str, ...]  # display names of partners and partner kinds
    expires_on: date | None
    given_on: date | None
    witness: str | None


def scope_of(session: Session, consent: Consent) -> ConsentScope:
    recipients = []
    for r in consent.recipients:
        if r.partner_id is not None:
            partner = session.get(Partner, r.partner_id)
            recipients.append(partner.name if partner else str(r.partner_id))
        elif r.partner_kind:
            recipients.append(reference.label("partner_kinds", r.partner_kind))
    return ConsentScope(
        consent.purpose,
        tuple(str(c) for c in consent.data_categories),
        tuple(recipients),
        consent.expires_on,
        consent.given_on,
        consent.witness,
    )


def form_content(
    session: Session,
    person: Person,
    language: str,
    *,
    consent: Consent | None = None,
    on: date | None = None,
) -> ConsentFormContent:
    """The consent form for signature: filled from ``consent`` or blank to fill in by hand."""
    access.require(session, Action.REFER, person_id=person.id)
    if consent is not None and consent.person_id != person.id:
        raise ConsentError(
            "the consent belongs to another person",
            german="Die Einwilligung gehört zu einer anderen Person.",
        )
    version = consent.text_version if consent else current_text_version()
    texts = {"de": consent_text(version, "de")}
    if language != "de":
        texts[language] = consent_text(version, language)
    scope = scope_of(session, consent) if consent else None
    return ConsentFormContent(
        language=language,
        version=version,
        texts=texts,
        person_name=f"{person.family_name}, {person.given_names}",
        person_name_original=" ".join(
            filter(None, [person.given_names_original, person.family_name_original])
        )
        or None,
        birth_date=format_birth_date(person.birth_date, person.birth_date_precision),
        file_number=person.file_number,
        purpose=scope.purpose if scope else None,
        categories=scope.categories if scope else (),
        recipients=scope.recipients if scope else (),
        expires_on=scope.expires_on if scope else None,
        given_on=scope.given_on if scope else None,
        witness=scope.witness if scope else None,
        form_date=on or date.today(),
        all_categories=tuple(reference.codes("data_categories")),
    )


def render_form(
    session: Session,
    person: Person,
    language: str,
    *,
    consent: Consent | None = None,
    on: date | None = None,
) -> bytes:
    from mzdesk.core.letters.renderer import ConsentFormRenderer
    from mzdesk.core.services.referrals import letterhead_from_settings

    content = form_content(session, person, language, consent=consent, on=on)
    return ConsentFormRenderer(letterhead_from_settings(session), "de").render(content)
