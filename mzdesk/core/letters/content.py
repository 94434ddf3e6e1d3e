"""Plain data a document is rendered from: no session, no model objects.

The referral service builds these from the database and puts in *only* what may be printed
(the data categories the consent covers); the renderers never see anything else, so they
cannot leak it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mzdesk.core.letters.templates import LetterTemplate


@dataclass(frozen=True)
class Letterhead:
    """The sender, from the Setting table (``letterhead.*``) with fictional defaults."""

    authority: str = "Landkreis Musterland"
    organisation: str = "Migrationszentrum Landkreis Musterland"
    short_name: str = "Migrationszentrum"  # the return-address line must fit 80 mm
    street: str = "Musterstraße 12"
    postcode: str = "12345"
    city: str = "Musterstadt"
    phone: str = "+49 1234 5678-0"
    email: str = "migrationszentrum@landkreis-musterland.example"
    website: str = "www.landkreis-musterland.example"
    logo: str | None = None  # path of a PNG/JPEG; optional
    bank_holder: str = ""  # bank details: printed in the footer when an IBAN is set
    bank_name: str = ""
    iban: str = ""  # checked when set (letters.bank), printed in groups of four
    bic: str = ""

    @property
    def return_address(self) -> str:
        return f"{self.short_name} · {self.street} · {self.postcode} {self.city}"

    @property
    def address_lines(self) -> list[str]:
        return [self.organisation, self.street, f"{self.postcode} {self.city}"]


@dataclass(frozen=True)
class DataSection:
    """One data category as printed: a heading and label/value rows."""

    category: str
    heading: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ReferralLetter:
    language: str  # "de" | "en"
    template: LetterTemplate
    recipient: tuple[str, ...]  # address lines of the partner
    file_reference: str
    letter_date: date
    counsellor_name: str
    counsellor_phone: str | None
    counsellor_email: str | None
    values: dict[str, str | None]  # template placeholders
    request: str | None
    sections: tuple[DataSection, ...]
    interpreter_language: str | None  # label in the letter language
    attachments: tuple[str, ...]
    consent_given_on: date | None
    consent_version: str | None
    override_reason: str | None
    answer_due_on: date | None
    slip_subject: str  # who the reply is about: the name if identity is covered, else the ref
    partner_name: str = ""
    override_by: str | None = None  # the team lead who made the exception (display name)

    @property
    def has_consent(self) -> bool:
        return self.consent_given_on is not None and bool(self.consent_version)

    @property
    def has_exception(self) -> bool:
        """A team lead's recorded exception: reason and lead both known."""
        return not self.has_consent and bool(self.override_reason) and bool(self.override_by)

    @property
    def uncovered(self) -> bool:
        """Neither consent nor exception: only ever a marked draft (ENTWURF) on screen."""
        return not (self.has_consent or self.has_exception)


@dataclass(frozen=True)
class ConsentForm:
    language: str  # the person's language; "de" prints German only
    version: str
    texts: dict[str, dict[str, str]]  # language -> section -> text ("de" always present)
    person_name: str
    person_name_original: str | None
    birth_date: str
    file_number: str
    purpose: str | None
    categories: tuple[str, ...]  # ticked; empty = a blank form to tick by hand
    recipients: tuple[str, ...]
    expires_on: date | None
    given_on: date | None
    witness: str | None
    form_date: date
    all_categories: tuple[str, ...] = field(default_factory=tuple)
