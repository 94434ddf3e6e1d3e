"""The person file service on SQLite and PostgreSQL: everything about one person, nothing else."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.errors import NotFound
from mzdesk.core.models import (
    AuditEntry,
    Case,
    CaseStatus,
    CaseTopic,
    Consent,
    ConsentForm,
    Contact,
    FollowUp,
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
    Team,
    User,
    WorkPermission,
)
from mzdesk.core.services import person_file
from mzdesk.core.services.person_file import FileWarning, WarningCode

START = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)


def _person(number: int) -> Person:
    return Person(file_number=f"MZ-T-{number}", family_name="Haddad", given_names="Amal")


@pytest.fixture
def filled(database: Database) -> dict[str, uuid.UUID]:
    """One person with a full history, one neighbour with their own, one without cases."""
    with database.session() as session:
        partner = Partner(name="IQ Beratung Musterland", kind="iq_recognition")
        person, neighbour, lonely = _person(1), _person(2), _person(3)
        session.add_all([partner, person, neighbour, lonely])
        session.flush()
        person.nationalities = [
            PersonNationality(country_code="SY", position=0),
            PersonNationality(country_code="TR", position=1),
        ]
        person.languages = [
            PersonLanguage(language_code="de", cefr_level="B1", position=1),
            PersonLanguage(language_code="ar", cefr_level="native", position=0),
        ]
        person.residence_statuses = [
            ResidenceStatus(status_code="AE_25_2", valid_from=date(2020, 5, 1), note="renewed"),
            ResidenceStatus(
                status_code="GEST",
                valid_from=date(2018, 3, 1),
                work_permission=WorkPermission.NUR_MIT_ABH,
            ),
        ]
        person.legal_categories = [
            LegalCategoryPeriod(category=LegalCategory.SGB2, valid_from=date(2020, 6, 1)),
            LegalCategoryPeriod(
                category=LegalCategory.ASYLBLG,
                valid_from=date(2018, 3, 1),
                valid_until=date(2020, 5, 31),
            ),
        ]
        old = Case(person_id=person.id, opened_on=date(2019, 1, 2), status=CaseStatus.CLOSED)
        new = Case(person_id=person.id, opened_on=date(2023, 9, 1))
        other = Case(person_id=neighbour.id, opened_on=date(2024, 1, 1))
        session.add_all([old, new, other])
        session.flush()
        session.add_all(
            [
                CaseTopic(case_id=new.id, topic_code="work"),
                CaseTopic(case_id=new.id, topic_code="language"),
                CaseTopic(case_id=old.id, topic_code="residence"),
                CaseTopic(case_id=other.id, topic_code="housing"),
            ]
        )
        # 55 contacts over both cases, one a day; the neighbour has newer ones of their own
        for day in range(55):
            session.add(
                Contact(
                    case_id=(new if day % 2 else old).id,
                    occurred_at=START + timedelta(days=day),
                    channel="phone",
                    minutes=day,
                )
            )
        session.add(Contact(case_id=other.id, occurred_at=START + timedelta(days=400), channel="x"))
        session.add_all(
            [
                Referral(
                    case_id=new.id,
                    partner_id=partner.id,
                    purpose="recognition of a degree",
                    status=ReferralStatus.SENT,
                    created_on=date(2024, 2, 1),
                    letter_pdf=b"%PDF-1.4 not really",
                    letter_sha256="0" * 64,
                ),
                Referral(
                    case_id=old.id,
                    partner_id=partner.id,
                    purpose="language course",
                    created_on=date(2019, 2, 1),
                ),
                Referral(
                    case_id=other.id,
                    partner_id=partner.id,
                    purpose="not theirs",
                    created_on=date(2024, 3, 1),
                ),
                FollowUp(case_id=new.id, due_on=date(2024, 5, 1), text="call back"),
                FollowUp(case_id=old.id, due_on=date(2024, 4, 1), text="ask for the document"),
                FollowUp(
                    case_id=new.id,
                    due_on=date(2024, 3, 1),
                    text="done already",
                    done_at=START,
                ),
                FollowUp(case_id=other.id, due_on=date(2024, 1, 1), text="not theirs"),
            ]
        )
        session.commit()
        return {
            "person": person.id,
            "neighbour": neighbour.id,
            "lonely": lonely.id,
            "old": old.id,
            "new": new.id,
            "partner": partner.id,
        }


def test_loads_the_whole_file(database: Database, filled: dict[str, uuid.UUID]) -> None:
    with database.session() as session:
        file = person_file.load(session, filled["person"])
    assert file.person.id == filled["person"]
    assert file.person.file_number == "MZ-T-1"
    assert file.person.version == 1
    assert file.nationalities == ("SY", "TR")
    assert [(lang.code, lang.cefr_level) for lang in file.languages] == [
        ("ar", "native"),
        ("de", "B1"),
    ]
    assert [entry.status_code for entry in file.residence_statuses] == ["GEST", "AE_25_2"]
    assert file.residence_statuses[0].work_permission is WorkPermission.NUR_MIT_ABH
    assert file.residence_statuses[1].note == "renewed"
    assert [entry.category for entry in file.legal_categories] == [
        LegalCategory.ASYLBLG,
        LegalCategory.SGB2,
    ]
    assert [case.id for case in file.cases] == [filled["new"], filled["old"]]
    assert file.cases[0].topics == ("language", "work")
    assert file.cases[1].topics == ("residence",)
    assert file.cases[1].status is CaseStatus.CLOSED


def test_the_latest_fifty_contacts_newest_first(
    database: Database, filled: dict[str, uuid.UUID]
) -> None:
    with database.session() as session:
        file = person_file.load(session, filled["person"])
    assert len(file.contacts) == 50
    assert file.more_contacts
    # days 54 … 5: the neighbour's newer contact is not among them
    assert [contact.minutes for contact in file.contacts] == list(range(54, 4, -1))
    assert file.contacts[0].occurred_at == START + timedelta(days=54)
    assert {contact.case_id for contact in file.contacts} == {filled["new"], filled["old"]}

    with database.session() as session:
        few = person_file.load(session, filled["person"], contact_limit=55)
    assert len(few.contacts) == 55
    assert not few.more_contacts


def test_referrals_and_open_follow_ups_of_this_person_only(
    database: Database, filled: dict[str, uuid.UUID]
) -> None:
    with database.session() as session:
        file = person_file.load(session, filled["person"])
    assert [referral.purpose for referral in file.referrals] == [
        "recognition of a degree",
        "language course",
    ]
    sent = file.referrals[0]
    assert sent.partner_id == filled["partner"]
    assert sent.partner_name == "IQ Beratung Musterland"
    assert sent.status is ReferralStatus.SENT
    assert sent.has_letter is True
    assert file.referrals[1].has_letter is False
    assert file.referrals[1].status is ReferralStatus.DRAFT
    assert [follow_up.text for follow_up in file.open_follow_ups] == [
        "ask for the document",
        "call back",
    ]
    # the timeline shows done ones too
    assert [follow_up.text for follow_up in file.follow_ups] == [
        "done already",
        "ask for the document",
        "call back",
    ]
    assert file.follow_ups[0].done_at == START


def test_a_person_without_cases(database: Database, filled: dict[str, uuid.UUID]) -> None:
    with database.session() as session:
        file = person_file.load(session, filled["lonely"])
    assert file.person.id == filled["lonely"]
    assert file.nationalities == () and file.languages == ()
    assert file.cases == () and file.contacts == () and file.referrals == ()
    assert file.open_follow_ups == () and not file.more_contacts
    assert file.placements == () and file.consents == ()
    assert [w.code for w in file.warnings] == [
        WarningCode.NO_RESIDENCE_STATUS,
        WarningCode.NO_CONSENT,
    ]


def test_unknown_person_and_bad_limit(database: Database, filled: dict[str, uuid.UUID]) -> None:
    with database.session() as session:
        with pytest.raises(NotFound):
            person_file.load(session, uuid.uuid4())
        with pytest.raises(ValueError):
            person_file.load(session, filled["person"], contact_limit=-1)


def test_placements_consents_names_and_warnings(
    database: Database, filled: dict[str, uuid.UUID]
) -> None:
    with database.session() as session:
        team = Team(name="Team Süd")
        session.add(team)
        session.flush()
        user = User(username="b1", display_name="Beraterin Eins", team_id=team.id)
        session.add(user)
        session.flush()
        case = session.get(Case, filled["new"])
        assert case is not None
        case.counsellor_id, case.team_id = user.id, team.id
        session.add_all(
            [
                Placement(
                    person_id=filled["person"],
                    case_id=filled["new"],
                    kind="SVB",
                    partner_id=filled["partner"],
                    starts_on=date(2024, 6, 1),
                ),
                Placement(
                    person_id=filled["person"],
                    kind="AUSB",
                    employer_name="Bäckerei Muster",
                    starts_on=date(2024, 8, 1),
                    legal_category_at_start=LegalCategory.SGB2,
                ),
                Consent(
                    person_id=filled["person"],
                    purpose="Vermittlung",
                    text_version="2024-01",
                    given_on=date(2024, 1, 1),
                    expires_on=date(2024, 12, 31),
                    form=ConsentForm.SIGNED_PAPER,
                ),
                ResidenceStatus(
                    person_id=filled["person"],
                    status_code="AE_25_2",
                    valid_from=date(2024, 9, 1),
                    valid_until=date(2024, 10, 15),
                ),
            ]
        )
        session.commit()
    with database.session() as session:
        file = person_file.load(session, filled["person"], today=date(2024, 9, 10))
    assert [(p.kind, p.employer) for p in file.placements] == [
        ("AUSB", "Bäckerei Muster"),
        ("SVB", "IQ Beratung Musterland"),
    ]
    assert file.placements[0].legal_category_at_start is LegalCategory.SGB2
    assert file.cases[0].counsellor_name == "Beraterin Eins"
    assert file.cases[0].team_name == "Team Süd"
    assert file.cases[1].counsellor_name is None
    assert file.consents[0].valid_on(date(2024, 9, 10))
    assert file.residence is not None and file.residence.valid_until == date(2024, 10, 15)
    # the document runs out within the 8 weeks' lead time; the consent is valid
    assert file.warnings == (FileWarning(WarningCode.DOCUMENT_EXPIRING, date(2024, 10, 15)),)
    with database.session() as session:
        later = person_file.load(session, filled["person"], today=date(2025, 1, 5))
    assert [w.code for w in later.warnings] == [
        WarningCode.DOCUMENT_EXPIRED,
        WarningCode.NO_CONSENT,
    ]
    assert later.legal_category is not None
    assert later.legal_category.category is LegalCategory.SGB2


def test_each_load_is_an_audited_view(database: Database, filled: dict[str, uuid.UUID]) -> None:
    for _ in range(2):
        with database.session() as session:
            person_file.load(session, filled["person"])
            session.commit()
    with database.session() as session:
        person_file.load(session, filled["lonely"], record_view=False)
        session.commit()
    with database.session() as session:
        views = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "view")))
    assert [(v.entity, v.person_id) for v in views] == [("person", filled["person"])] * 2
