"""Two teams with one of everything about a person, for the access and scope tests.

Team A and Team B, a counsellor and a lead in each, an admin. Three persons: ``own`` (a case
in team A), ``other`` (a case in team B whose team comes from its counsellor) and ``fresh``
(no case: visible to every caseworker). Each of ``own`` and ``other`` has a contact, a
follow-up, a referral, a placement, a consent with a recipient, a residence status, a legal
category, a nationality, a language, a household, an attendance and an employer contact at
their team's fair, and a kit-merge conflict. Synthetic names only ("Zubrow…").
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.models import (
    Attendance,
    Case,
    CaseTopic,
    Consent,
    ConsentForm,
    ConsentRecipient,
    Contact,
    Event,
    EventContact,
    EventContactOutcome,
    EventOrganiser,
    EventPartner,
    FollowUp,
    Household,
    KitMerge,
    LegalCategory,
    LegalCategoryPeriod,
    MergeConflict,
    Partner,
    Person,
    PersonLanguage,
    PersonNationality,
    Placement,
    Referral,
    ResidenceStatus,
    User,
)
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts

PASSWORD = "geheim-123"
USERS = ("berater_a", "leitung_a", "berater_b", "leitung_b", "admin")
AT = datetime(2025, 5, 14, 10, 0, tzinfo=UTC)


@dataclass
class World:
    users: dict[str, uuid.UUID]
    teams: dict[str, uuid.UUID]
    own: uuid.UUID
    other: uuid.UUID
    fresh: uuid.UUID
    case_a: uuid.UUID
    case_b: uuid.UUID
    partner: uuid.UUID
    event_a: uuid.UUID
    event_b: uuid.UUID
    # rows per table: the id about ``own`` and the one about ``other``
    rows: dict[str, tuple[uuid.UUID, uuid.UUID]] = field(default_factory=dict)
    headcount_b: uuid.UUID | None = None  # an anonymous head count at team B's fair


def build(database: Database) -> World:
    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Admin Test")
        session.commit()
    with database.session(admin.id) as session:
        accounts.create_team(session, "Team A")
        accounts.create_team(session, "Team B")
        ids = {"admin": admin.id}
        for name, role, team in (
            ("berater_a", Role.COUNSELLOR, "Team A"),
            ("leitung_a", Role.TEAM_LEAD, "Team A"),
            ("berater_b", Role.COUNSELLOR, "Team B"),
            ("leitung_b", Role.TEAM_LEAD, "Team B"),
        ):
            ids[name] = accounts.create_user(session, name, PASSWORD, role=role, team=team).id
        session.commit()
    with database.session() as session:
        team_of = {u.username: u.team_id for u in session.scalars(select(User))}
        teams = {"A": team_of["berater_a"], "B": team_of["berater_b"]}
        partner = Partner(name="Agentur Zubrowsk", kind="AA", city="Musterstadt")
        session.add(partner)
        persons = {}
        for key, number, family in (
            ("own", "MZ-T-0001", "Zubrowa"),
            ("other", "MZ-T-0002", "Zubrowin"),
            ("fresh", "MZ-T-0003", "Zubrowski"),
        ):
            persons[key] = Person(
                id=uuid.uuid4(),
                file_number=number,
                family_name=family,
                given_names="Testa",
                birth_date=date(1990, 3, 4),
                phone="0151 0000000",
            )
            session.add(persons[key])
        session.flush()
        case_a = Case(
            id=uuid.uuid4(),
            person_id=persons["own"].id,
            team_id=teams["A"],
            counsellor_id=ids["berater_a"],
            opened_on=date(2025, 2, 1),
        )
        # Team B's case has no team of its own: it belongs to its counsellor's team.
        case_b = Case(
            id=uuid.uuid4(),
            person_id=persons["other"].id,
            team_id=None,
            counsellor_id=ids["berater_b"],
            opened_on=date(2025, 2, 1),
        )
        session.add_all([case_a, case_b])
        events = {}
        for team in ("A", "B"):
            events[team] = Event(
                id=uuid.uuid4(),
                name=f"Messe Team {team}",
                starts_on=date(2025, 5, 14),
                place="Stadthalle",
                team_id=teams[team],
            )
            session.add(events[team])
        session.flush()
        session.add(EventOrganiser(event_id=events["A"].id, user_id=ids["berater_a"]))
        session.add(EventOrganiser(event_id=events["B"].id, user_id=ids["berater_b"]))
        for event in events.values():
            session.add(EventPartner(event_id=event.id, partner_id=partner.id, is_employer=True))
        merge = KitMerge(kit_id=uuid.uuid4(), event_id=events["A"].id, merged_at=AT, report={})
        session.add(merge)
        session.flush()
        rows: dict[str, list[uuid.UUID]] = {}

        def add(table: str, obj: object) -> None:
            session.add(obj)
            session.flush()
            rows.setdefault(table, []).append(obj.id)  # type: ignore[attr-defined]

        for key, case, team in (("own", case_a, "A"), ("other", case_b, "B")):
            person = persons[key]
            household = Household(label=f"Haushalt {person.family_name}")
            add("households", household)
            person.household_id = household.id
            add("case_topics", CaseTopic(case_id=case.id, topic_code="WORK"))
            add(
                "contacts",
                Contact(
                    case_id=case.id, occurred_at=AT, channel="PHONE", minutes=10, note="vertraulich"
                ),
            )
            add("follow_ups", FollowUp(case_id=case.id, due_on=date(2025, 6, 1), text="Anrufen"))
            add(
                "referrals",
                Referral(
                    case_id=case.id,
                    partner_id=partner.id,
                    service="Beratung",
                    purpose="Vermittlung",
                    created_on=date(2025, 3, 1),
                ),
            )
            add(
                "placements",
                Placement(
                    person_id=person.id, case_id=case.id, kind="SVB", starts_on=date(2025, 3, 1)
                ),
            )
            consent = Consent(
                person_id=person.id,
                purpose="Vermittlung",
                data_categories=["IDENTITY"],
                text_version="2025-01",
                given_on=date(2025, 1, 10),
                form=ConsentForm.SIGNED_PAPER,
            )
            add("consents", consent)
            add(
                "consent_recipients", ConsentRecipient(consent_id=consent.id, partner_id=partner.id)
            )
            add(
                "residence_statuses",
                ResidenceStatus(
                    person_id=person.id, status_code="AE_25_2", valid_from=date(2024, 1, 1)
                ),
            )
            add(
                "legal_category_periods",
                LegalCategoryPeriod(
                    person_id=person.id, category=LegalCategory.SGB2, valid_from=date(2024, 1, 1)
                ),
            )
            add("person_nationalities", PersonNationality(person_id=person.id, country_code="SY"))
            add(
                "person_languages",
                PersonLanguage(person_id=person.id, language_code="ar", cefr_level="native"),
            )
            attendance = Attendance(event_id=events[team].id, person_id=person.id, registered_at=AT)
            add("attendances", attendance)
            add(
                "event_contacts",
                EventContact(
                    event_id=events[team].id,
                    attendance_id=attendance.id,
                    partner_id=partner.id,
                    outcome=EventContactOutcome.TALK,
                    occurred_at=AT,
                ),
            )
            add(
                "merge_conflicts",
                MergeConflict(
                    kit_merge_id=merge.id,
                    entity="persons",
                    entity_id=person.id,
                    field="phone",
                    office_value="0151 0000000",
                    kit_value="0151 1111111",
                ),
            )
        add("cases", case_a)
        add("cases", case_b)
        headcount = Attendance(
            event_id=events["B"].id, person_id=None, headcount=7, registered_at=AT
        )
        session.add(headcount)
        session.commit()
        return World(
            users=ids,
            teams=teams,
            own=persons["own"].id,
            other=persons["other"].id,
            fresh=persons["fresh"].id,
            case_a=case_a.id,
            case_b=case_b.id,
            partner=partner.id,
            event_a=events["A"].id,
            event_b=events["B"].id,
            rows={name: (found[0], found[1]) for name, found in rows.items()},
            headcount_b=headcount.id,
        )
