"""A small synthetic world for the partner/consent/referral/letter tests (no real people)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mzdesk.core.database import Database
from mzdesk.core.models import (
    BirthDatePrecision,
    Case,
    ConsentForm,
    Contact,
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    PersonLanguage,
    ResidenceStatus,
    Role,
    User,
    WorkPermission,
)
from mzdesk.core.services import consents, partners

NOTE_MARKER = "ZZ-INTERNAL-NOTE-7f3a"
GIVEN = date(2024, 5, 2)
SEND_DAY = date(2024, 6, 3)


@dataclass
class World:
    person_id: uuid.UUID
    case_id: uuid.UUID
    counsellor_id: uuid.UUID
    lead_id: uuid.UUID
    employer_id: uuid.UUID  # kind AG
    agency_id: uuid.UUID  # kind AA
    office_id: uuid.UUID  # kind ABH


def build(db: Database) -> World:
    with db.session() as s:
        counsellor = User(
            username="berater",
            display_name="Chris Berater",
            role=Role.COUNSELLOR,
            phone="+49 1234 5678-22",
        )
        lead = User(username="leitung", display_name="Lea Leiter", role=Role.TEAM_LEAD)
        s.add_all([counsellor, lead])
        s.flush()
        person = Person(
            file_number="MZ-2024-0042",
            family_name="Haddad",
            given_names="Amal",
            family_name_original="حداد",
            given_names_original="أمل",
            birth_date=date(1990, 1, 1),
            birth_date_precision=BirthDatePrecision.PLACEHOLDER,
            street="Lindenstraße 5",
            postcode="12345",
            city="Musterstadt",
            phone="0151 0000000",
            interpreter_language="ar",
            languages=[
                PersonLanguage(language_code="ar", cefr_level="native"),
                PersonLanguage(language_code="de", cefr_level="B1", position=1),
            ],
            residence_statuses=[
                ResidenceStatus(
                    status_code="AE_25_2",
                    work_permission=WorkPermission.ERWERB_ERLAUBT,
                    valid_from=date(2023, 1, 1),
                    valid_until=date(2026, 1, 31),
                    note=f"{NOTE_MARKER}-residence",
                )
            ],
            legal_categories=[
                LegalCategoryPeriod(category=LegalCategory.SGB2, valid_from=date(2023, 2, 1))
            ],
        )
        s.add(person)
        s.flush()
        case = Case(person_id=person.id, counsellor_id=counsellor.id, opened_on=date(2024, 5, 1))
        s.add(case)
        s.flush()
        for index in range(3):
            s.add(
                Contact(
                    case_id=case.id,
                    occurred_at=datetime(2024, 5, 1 + index, 10, tzinfo=UTC),
                    channel="in_person",
                    note=f"{NOTE_MARKER} Beratungsnotiz {index}",
                )
            )
        employer = partners.add_partner(
            s, name="Pflegedienst Sonnenschein", kind="AG", postcode="12345", city="Musterstadt"
        )
        agency = partners.add_partner(
            s,
            name="Agentur für Arbeit Musterstadt",
            kind="AA",
            street="Bahnhofstraße 1",
            postcode="12345",
            city="Musterstadt",
        )
        office = partners.add_partner(
            s, name="Ausländerbehörde Landkreis Musterland", kind="ABH", postcode="12346"
        )
        s.commit()
        return World(person.id, case.id, counsellor.id, lead.id, employer.id, agency.id, office.id)


def add_consent(
    db: Database,
    world: World,
    categories: list[str],
    *,
    partner_ids: tuple[uuid.UUID, ...] = (),
    kinds: tuple[str, ...] = (),
    given_on: date = GIVEN,
    expires_on: date | None = None,
) -> uuid.UUID:
    with db.session() as s:
        consent = consents.add_consent(
            s,
            person_id=world.person_id,
            purpose="Vermittlung in Arbeit",
            categories=categories,
            partner_ids=partner_ids,
            partner_kinds=kinds,
            given_on=given_on,
            expires_on=expires_on,
            form=ConsentForm.SIGNED_PAPER,
        )
        s.commit()
        return consent.id


def need_poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdftotext, pdffonts) not installed")


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """pdftotext output, NFKC-normalised (shaped Arabic comes back as presentation forms)."""
    need_poppler()
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    # pdftotext marks right-to-left lines with embedding controls (U+202A-U+202E): drop them
    out = out.translate({code: None for code in range(0x202A, 0x202F)})
    return unicodedata.normalize("NFKC", out)


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    """pdffonts rows (split on whitespace), header lines dropped."""
    need_poppler()
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]
