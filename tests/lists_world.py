"""A small synthetic world for the printable lists: two teams, their follow-ups and contacts.

Team A: counsellor ``berater_a`` (the user whose lists are printed) and lead ``leitung_a``;
team B: counsellor ``berater_b``. Persons (invented): Zubrowa and Kowalczyk in berater_a's
cases, Fremdling in berater_b's case (team B), Zubrowski without a case (every caseworker
sees such a person). Every contact carries a confidential note with the marker ``NOTE_MARK``
(never printed). Contacts: berater_a's today and on Monday of this week and a week earlier;
leitung_a's today (a colleague's: not in berater_a's list); berater_b's today (team B).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import (
    Case,
    Contact,
    FollowUp,
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    PersonNationality,
    ResidenceStatus,
    Role,
    Team,
    User,
)

NOTE_MARK = "VERTRAULICH-NOTIZ"
OTHER_TEAM = ("Fremdling", "MZ-B-0001", "Nur Team B sieht das", "Team-B-Kontakt")


@dataclass
class ListsWorld:
    db: Database
    today: date
    users: dict[str, uuid.UUID]
    persons: dict[str, uuid.UUID]


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def build_lists_world(url: str, today: date | None = None) -> ListsWorld:
    day = today or date.today()
    monday = day - timedelta(days=day.weekday())
    db = Database(url, create=True)
    schema.upgrade(db)
    with db.session() as s:
        teams = {name: Team(id=uuid.uuid4(), name=f"Team {name}") for name in ("A", "B")}
        s.add_all(teams.values())
        s.flush()
        users = {
            "berater_a": User(
                username="berater_a",
                display_name="Chris Berater",
                role=Role.COUNSELLOR,
                team_id=teams["A"].id,
            ),
            "leitung_a": User(
                username="leitung_a",
                display_name="Lea Leiter",
                role=Role.TEAM_LEAD,
                team_id=teams["A"].id,
            ),
            "berater_b": User(
                username="berater_b",
                display_name="Bo Bertram",
                role=Role.COUNSELLOR,
                team_id=teams["B"].id,
            ),
        }
        s.add_all(users.values())
        s.flush()
        people = {
            "zubrowa": Person(
                file_number="MZ-A-0001",
                family_name="Zubrowa",
                given_names="Testa",
                birth_date=date(1990, 3, 4),
                municipality="Musterstadt",
            ),
            "kowalczyk": Person(
                file_number="MZ-A-0002",
                family_name="Kowalczyk",
                given_names="Olena",
                birth_date=date(1985, 7, 1),
            ),
            "fremdling": Person(
                file_number=OTHER_TEAM[1], family_name=OTHER_TEAM[0], given_names="Bruno"
            ),
            "zubrowski": Person(
                file_number="MZ-0-0003", family_name="Zubrowski", given_names="Frei"
            ),
        }
        s.add_all(people.values())
        s.flush()

        def case(person: str, counsellor: str, team: str) -> Case:
            made = Case(
                person_id=people[person].id,
                counsellor_id=users[counsellor].id,
                team_id=teams[team].id,
                opened_on=day - timedelta(days=90),
            )
            s.add(made)
            s.flush()
            return made

        case_zubrowa = case("zubrowa", "berater_a", "A")
        case_kowalczyk = case("kowalczyk", "berater_a", "A")
        case_fremdling = case("fremdling", "berater_b", "B")
        s.add_all(
            [
                FollowUp(
                    case_id=case_zubrowa.id,
                    assigned_to_id=users["berater_a"].id,
                    due_on=day - timedelta(days=5),
                    text="Bewerbungsstand erfragen",
                ),
                FollowUp(
                    case_id=case_kowalczyk.id,
                    assigned_to_id=users["berater_a"].id,
                    due_on=day,
                    text="Sprachkurs anmelden",
                ),
                FollowUp(
                    case_id=case_kowalczyk.id,
                    assigned_to_id=users["berater_a"].id,
                    due_on=day + timedelta(days=3),
                    text="Zeugnisse zur Anerkennung",
                ),
                FollowUp(
                    case_id=case_zubrowa.id,
                    assigned_to_id=users["berater_a"].id,
                    due_on=day - timedelta(days=9),
                    text="Schon erledigt",
                    done_at=_local(day, 8),
                ),
                FollowUp(
                    case_id=case_fremdling.id,
                    assigned_to_id=users["berater_b"].id,
                    due_on=day - timedelta(days=2),
                    text=OTHER_TEAM[2],
                ),
                PersonNationality(person_id=people["kowalczyk"].id, country_code="UA"),
                PersonNationality(person_id=people["zubrowa"].id, country_code="SY"),
                LegalCategoryPeriod(
                    person_id=people["zubrowa"].id,
                    category=LegalCategory.SGB2,
                    valid_from=day - timedelta(days=600),
                ),
                ResidenceStatus(
                    person_id=people["zubrowa"].id,
                    status_code="AE_25_2",
                    valid_from=day - timedelta(days=700),
                    valid_until=day + timedelta(days=20),
                ),
            ]
        )

        def contact(case_: Case, who: str, at: datetime, summary: str, **extra: object) -> None:
            s.add(
                Contact(
                    case_id=case_.id,
                    counsellor_id=users[who].id,
                    occurred_at=at,
                    channel=str(extra.get("channel", "PHONE")),
                    minutes=extra.get("minutes", 15),
                    interpreter_language=extra.get("language"),
                    summary=summary,
                    note=f"{NOTE_MARK} {summary}",
                )
            )

        contact(case_zubrowa, "berater_a", _local(day, 9, 30), "Arbeit: Bewerbung besprochen")
        contact(
            case_kowalczyk,
            "berater_a",
            _local(monday, 11),
            "Sprache: Kursplatz gesucht",
            channel="IN_PERSON",
            minutes=40,
            language="uk",
        )
        contact(case_kowalczyk, "berater_a", _local(monday - timedelta(days=7), 10), "Vorwoche")
        contact(case_zubrowa, "leitung_a", _local(day, 10), "Kontakt der Teamleitung")
        contact(case_fremdling, "berater_b", _local(day, 9), OTHER_TEAM[3])
        s.commit()
        return ListsWorld(
            db,
            day,
            {key: user.id for key, user in users.items()},
            {key: person.id for key, person in people.items()},
        )
