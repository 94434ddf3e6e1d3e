"""A small synthetic world for the referral and consent GUI tests (no real people)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import BirthDatePrecision, Case, ConsentForm, Person, Role, User
from mzdesk.core.services import consents, partners
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.settings import Settings


@dataclass
class World:
    db: Database
    person_id: uuid.UUID
    case_id: uuid.UUID
    counsellor_id: uuid.UUID
    lead_id: uuid.UUID
    agency_id: uuid.UUID  # kind AA: "Agentur für Arbeit Musterstadt"
    employer_id: uuid.UUID  # kind AG: "Pflegedienst Sonnenschein"

    def context(self, user_id: uuid.UUID) -> AreaContext:
        return AreaContext(lambda: self.db.session(user_id), Settings(), "de", user_id=user_id)


def build_world(path: Path) -> World:
    db = Database(f"sqlite:///{path}", create=True)
    schema.upgrade(db)
    with db.session() as s:
        counsellor = User(username="berater", display_name="Chris Berater", role=Role.COUNSELLOR)
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
            interpreter_language="ar",
        )
        s.add(person)
        s.flush()
        case = Case(person_id=person.id, counsellor_id=counsellor.id, opened_on=date(2024, 5, 1))
        s.add(case)
        agency = partners.add_partner(
            s,
            name="Agentur für Arbeit Musterstadt",
            kind="AA",
            street="Bahnhofstraße 1",
            postcode="12345",
            city="Musterstadt",
        )
        employer = partners.add_partner(
            s, name="Pflegedienst Sonnenschein", kind="AG", postcode="12345", city="Musterstadt"
        )
        s.flush()
        world = World(db, person.id, case.id, counsellor.id, lead.id, agency.id, employer.id)
        s.commit()
    return world


def add_consent(world: World, kinds: tuple[str, ...], categories: list[str]) -> uuid.UUID:
    with world.db.session() as s:
        consent = consents.add_consent(
            s,
            person_id=world.person_id,
            purpose="Vermittlung in Arbeit",
            categories=categories,
            partner_kinds=kinds,
            given_on=date.today() - timedelta(days=30),
            form=ConsentForm.SIGNED_PAPER,
        )
        s.commit()
        return consent.id


def poppler(tool: str, path: Path, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip("poppler-utils not installed")
    out = subprocess.run(
        [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
        check=True,
        capture_output=True,
    )
    text = out.stdout.decode("utf-8")
    text = text.translate({code: None for code in range(0x202A, 0x202F)})
    return unicodedata.normalize("NFKC", text)
