"""A synthetic person with a unique name in three scripts and everything that can hold it.

Names are invented (no real person): Latin with diacritics, Arabic and Cyrillic originals.
Used by the privacy export, erase and retention tests.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.models import (
    Attendance,
    BirthDatePrecision,
    Case,
    CaseStatus,
    ConsentForm,
    Contact,
    Event,
    FollowUp,
    Household,
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    PersonNationality,
    ResidenceStatus,
    Role,
    Sex,
    User,
    WorkPermission,
)
from mzdesk.core.names import fold
from mzdesk.core.services import audit, consents, partners, referrals, search
from mzdesk.core.services.merge import merge_persons

FAMILY = "Qorvendashy"
GIVEN = "Zhelmirana Ülvika"
FAMILY_AR = "قورفنداشي"
GIVEN_CYR = "Жельмирана"
DUPLICATE_FAMILY = "Qorvendashiyeva"  # the merged duplicate record's spelling
PHONE = "+49 176 5551 2398"
EMAIL = "zhelmirana.qorvendashy@example.org"
STREET = "Wexmoorweg 17"
NOTE = "Frau Qorvendashy berichtet über ihre Lage"


@dataclass
class PrivacyWorld:
    person_id: uuid.UUID
    duplicate_id: uuid.UUID
    case_ids: list[uuid.UUID]
    referral_id: uuid.UUID
    counsellor_id: uuid.UUID
    other_id: uuid.UUID  # an unrelated person who must stay untouched
    stored_forms: list[str] = field(default_factory=list)  # sort_key/search_text before erase

    @staticmethod
    def names() -> list[str]:
        """Every string of the person that must disappear (plus folded forms)."""
        plain = [
            FAMILY,
            GIVEN,
            FAMILY_AR,
            GIVEN_CYR,
            DUPLICATE_FAMILY,
            "Zhelmirana",
            "Ülvika",
            EMAIL,
            STREET,
            "5551 2398",
        ]
        folded = [fold(FAMILY_AR), fold(GIVEN_CYR), fold(GIVEN), "ulvika"]
        return [*plain, *[f for f in folded if len(f) >= 4]]


def build(db: Database) -> PrivacyWorld:
    with db.session() as s:
        counsellor = User(username="berater7", display_name="Chris Berater", role=Role.COUNSELLOR)
        s.add(counsellor)
        household = Household(label=f"Familie {FAMILY}", note="Haushalt mit zwei Kindern")
        s.add(household)
        s.flush()
        person = Person(
            file_number="MZ-2023-7781",
            family_name=FAMILY,
            given_names=GIVEN,
            family_name_original=FAMILY_AR,
            given_names_original=GIVEN_CYR,
            birth_date=date(1991, 8, 23),
            birth_date_precision=BirthDatePrecision.EXACT,
            sex=Sex.FEMALE,
            phone=PHONE,
            email=EMAIL,
            street=STREET,
            postcode="12345",
            city="Musterstadt",
            municipality="Musterstadt",
            household_id=household.id,
            nationalities=[PersonNationality(country_code="SY")],
            residence_statuses=[
                ResidenceStatus(
                    status_code="AE_25_2",
                    work_permission=WorkPermission.ERWERB_ERLAUBT,
                    valid_from=date(2023, 1, 1),
                    note=f"Ausweis von {FAMILY} liegt vor",
                )
            ],
            legal_categories=[
                LegalCategoryPeriod(category=LegalCategory.SGB2, valid_from=date(2023, 2, 1))
            ],
        )
        duplicate = Person(
            file_number="MZ-2023-7790",
            family_name=DUPLICATE_FAMILY,
            given_names="Zhelmirana",
            birth_date=date(1991, 8, 23),
        )
        other = Person(file_number="MZ-2023-0001", family_name="Beispiel", given_names="Erika")
        s.add_all([person, duplicate, other])
        s.flush()
        cases = [
            Case(
                person_id=person.id,
                counsellor_id=counsellor.id,
                opened_on=date(2023, 3, 1),
                goals=f"{FAMILY} möchte in die Pflege",
                status=CaseStatus.CLOSED,
                closed_on=date(2023, 12, 1),
                closing_reason="Arbeit aufgenommen",
            ),
            Case(person_id=duplicate.id, opened_on=date(2024, 2, 1)),
        ]
        s.add_all(cases)
        s.flush()
        for index in range(3):
            s.add(
                Contact(
                    case_id=cases[0].id,
                    occurred_at=datetime(2023, 3, 2 + index, tzinfo=UTC),
                    channel="in_person",
                    summary=f"Gespräch mit {GIVEN}",
                    note=f"{NOTE} ({index}) – {GIVEN_CYR}",
                )
            )
        s.add(
            FollowUp(
                case_id=cases[0].id, due_on=date(2023, 4, 1), text=f"{FAMILY} zurückrufen: {PHONE}"
            )
        )
        event = Event(name="Jobmesse Kreishaus", starts_on=date(2023, 5, 10), place="Kreishaus")
        s.add(event)
        s.flush()
        s.add(
            Attendance(
                event_id=event.id,
                person_id=person.id,
                registered_at=datetime(2023, 5, 10, 9, tzinfo=UTC),
                profession_wish="Pflegehelferin",
                note=f"{FAMILY} sucht Teilzeit",
            )
        )
        employer = partners.add_partner(
            s, name="Pflegedienst Sonnenschein", kind="AG", postcode="12345", city="Musterstadt"
        )
        consent = consents.add_consent(
            s,
            person_id=person.id,
            purpose="Vermittlung in Arbeit",
            categories=["identity", "contact"],
            partner_ids=[employer.id],
            given_on=date(2023, 3, 1),
            form=ConsentForm.SIGNED_PAPER,
            witness=f"Amir {FAMILY}",
        )
        consent.document = f"scan of the signed form of {FAMILY} {GIVEN}".encode()
        referral = referrals.create_referral(
            s,
            case_id=cases[0].id,
            partner_id=employer.id,
            purpose="Vermittlung in Arbeit",
            created_by_id=counsellor.id,
            request=f"Bitte {GIVEN} einladen",
            created_on=date(2023, 3, 5),
        )
        s.flush()
        referrals.send_referral(s, referral.id, user=counsellor, on=date(2023, 3, 6))
        audit.append(
            s,
            "update",
            "person",
            entity_id=person.id,
            person_id=person.id,
            user_id=counsellor.id,
            details={
                "family_name": {"old": "Qorvendashova", "new": FAMILY},
                "phone": {"old": None, "new": PHONE},
            },
        )
        audit.append(
            s, "view", "person", entity_id=person.id, person_id=person.id, user_id=counsellor.id
        )
        s.commit()
        merge_persons(s, person.id, duplicate.id)
        s.commit()
        found = search.search_persons(s, "qorvend")  # a search was done
        assert [row.id for row in found] == [person.id]
        world = PrivacyWorld(
            person_id=person.id,
            duplicate_id=duplicate.id,
            case_ids=[case.id for case in cases],
            referral_id=referral.id,
            counsellor_id=counsellor.id,
            other_id=other.id,
        )
        for pid in (person.id, duplicate.id):
            key, text = s.execute(
                select(Person.sort_key, Person.search_text).where(Person.id == pid)
            ).one()
            world.stored_forms += [part for part in key.split() if len(part) >= 4]
            world.stored_forms += [
                part for part in text.split() if len(part) >= 5 and not part.isdigit()
            ]
    return world
