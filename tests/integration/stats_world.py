"""A small county built by hand for the statistics tests; every expected number below is
worked out by hand from these rows (see the comments), not computed by the code under test.

Period of interest: the year 2025.

Persons (names are invented placeholders):
  P1  SY; ASYLBLG until 31.05.2025, SGB2 from 01.06.2025 (legal category changes in the year);
      GEST until 31.05.2025, then AE_25_2 (both refugee statuses). Case C1 (U1, Team Nord).
      Placements: IK 01.03.2025 (course; ASYLBLG, GEST, refugee)
                  SVB 01.07.2025 (work; SGB2, AE_25_2, refugee)   -> one person, two events
  P2  IN; SGB3; AE_18B (skilled worker: NOT a refugee status). Case C2 (U2, Team Süd,
      opened 01.02.2025, closed 31.10.2025). Placement: AUSB 01.09.2025 (training; SGB3).
  P3  UA first, RU second; NONE; AE_24 (refugee). Case C3 (U1, Team Nord).
      Placements: MINIJOB 01.12.2024–30.06.2025 (spans the year boundary: counts in 2024 only)
                  EQ 31.12.2025 (training; the period's last day still counts)
  P4  no nationality, no legal category, no residence status. Case C4 (no counsellor, Team Süd,
      opened 01.04.2025). Placement: SELF 15.05.2025 (work; all unknown, not a refugee).
  C5  an old case of P2 (U2, 2023–30.06.2024): nothing in 2025.

2025 placements: IK, SVB (P1), AUSB (P2), EQ (P3), SELF (P4)      -> total 5
  work = SVB + SELF = 2; training = AUSB + EQ = 2; course = IK = 1; recognition 0
  refugees = IK + SVB + EQ = 3; refugees in work/training = SVB + EQ = 2
  SGB II indicator kinds (SVB, SELF, AUSB) = 3; persons = P1..P4 = 4
  by legal category: SGB2 1 (SVB), SGB3 1 (AUSB), SGB12 0, ASYLBLG 1 (IK), NONE 1 (EQ);
                     unknown 1 (SELF)
  by status: GEST 1, AE_25_2 1, AE_18B 1, AE_24 1, UNKNOWN 1
  by nationality (first): SY 2, IN 1, UA 1, UNKNOWN 1
  by counsellor: U1 3 (IK, SVB, EQ), U2 1 (AUSB), none 1 (SELF)
  by team (case's team): Nord 3, Süd 2 (AUSB, SELF)
2024 placements: MINIJOB only -> total 1, work 1, refugees 1, NONE 1.

Referrals (a referral counts in the year it was created):
  R1 C1 -> Agentur (AA) done,     created 01.02.2025, sent 03.02., answered 10.02. (7 days)
  R2 C2 -> Agentur (AA) rejected, created 01.03.2025, sent 01.03., answered 04.03. (3 days)
  R3 C3 -> Kursträger (IK) sent,  created 01.04.2025, sent 02.04., no answer
  R4 C1 -> Kursträger (IK) draft, created 20.12.2025
  R5 C2 -> Agentur (AA) accepted, created 15.12.2024 (counts in 2024)
  2025: total 4; draft 1, sent 1, accepted 0, rejected 1, done 1, revoked 0
        AA: 2 (done 1, rejected 1), answered 2, median of (3, 7) = 5.0 days
        IK: 2 (sent 1, draft 1), answered 0, no median; overall median 5.0

Events:
  E1 job fair 20.05.2025: employers Emp1 and Emp2 present; P1 and P2 registered; one anonymous
     head count of 40. Contacts: P1-Emp1 interview, P1-Emp2 talk, P2-Emp1 hired.
     -> attendees 42 (registered 2 + anonymous 40), employer contacts 3, interviews 1, hires 1
  E2 outreach 10.11.2024: anonymous 130 -> not in 2025.

Caseload 2025 (end 31.12.2025):
  open at end: C1, C3, C4 = 3 (C2 closed 31.10.2025, C5 closed 2024)
  new: C2, C4 = 2; closed: C2 = 1
  contacts in 2025: C1 by U1 on 10.01. and 01.06.; C2 by U2 on 01.02.; C2 by U1 on 01.03.;
  (C1 by U1 on 31.12.2024 23:30 UTC is outside) -> contacts 4, active cases C1, C2 = 2
  per counsellor: U1 open 2 (C1, C3), contacts 3, active 2; U2 open 0, new 1, closed 1,
  contacts 1, active 1; none: open 1 (C4), new 1.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from mzdesk.core.models import (
    Attendance,
    Case,
    Contact,
    Event,
    EventContact,
    EventContactOutcome,
    EventKind,
    EventPartner,
    LegalCategory,
    LegalCategoryPeriod,
    Partner,
    Person,
    PersonNationality,
    Referral,
    ReferralStatus,
    ResidenceStatus,
    Team,
    User,
)
from mzdesk.core.services.placements import add_placement


@dataclass
class World:
    ids: dict[str, uuid.UUID] = field(default_factory=dict)


def _person(session: Session, number: int, nationalities: list[str]) -> Person:
    person = Person(
        file_number=f"T-{number:04d}",
        family_name=f"Testperson{number}",
        given_names="Erika",
    )
    session.add(person)
    session.flush()
    for position, code in enumerate(nationalities):
        session.add(PersonNationality(person_id=person.id, country_code=code, position=position))
    return person


def _category(
    session: Session, person: Person, category: LegalCategory, start: date, end: date | None
) -> None:
    session.add(
        LegalCategoryPeriod(
            person_id=person.id, category=category, valid_from=start, valid_until=end
        )
    )


def _status(session: Session, person: Person, code: str, start: date, end: date | None) -> None:
    session.add(
        ResidenceStatus(person_id=person.id, status_code=code, valid_from=start, valid_until=end)
    )


def _at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def build(session: Session) -> World:
    world = World()
    ids = world.ids
    nord, sued = Team(name="Team Nord"), Team(name="Team Süd")
    session.add_all([nord, sued])
    session.flush()
    u1 = User(username="u1", display_name="Beraterin Eins", team_id=nord.id)
    u2 = User(username="u2", display_name="Berater Zwei", team_id=sued.id)
    session.add_all([u1, u2])
    session.flush()
    ids.update(team_nord=nord.id, team_sued=sued.id, u1=u1.id, u2=u2.id)

    p1 = _person(session, 1, ["SY"])
    _category(session, p1, LegalCategory.ASYLBLG, date(2023, 1, 1), date(2025, 5, 31))
    _category(session, p1, LegalCategory.SGB2, date(2025, 6, 1), None)
    _status(session, p1, "GEST", date(2023, 1, 1), date(2025, 5, 31))
    _status(session, p1, "AE_25_2", date(2025, 6, 1), None)
    p2 = _person(session, 2, ["IN"])
    _category(session, p2, LegalCategory.SGB3, date(2020, 1, 1), None)
    _status(session, p2, "AE_18B", date(2020, 1, 1), None)
    p3 = _person(session, 3, ["UA", "RU"])
    _category(session, p3, LegalCategory.NONE, date(2019, 1, 1), None)
    _status(session, p3, "AE_24", date(2022, 3, 15), None)
    p4 = _person(session, 4, [])
    session.flush()

    def case(
        key: str,
        person: Person,
        counsellor: User | None,
        team: Team,
        opened: date,
        closed: date | None = None,
    ) -> Case:
        found = Case(
            person_id=person.id,
            counsellor_id=counsellor.id if counsellor else None,
            team_id=team.id,
            opened_on=opened,
            closed_on=closed,
        )
        session.add(found)
        session.flush()
        ids[key] = found.id
        return found

    c1 = case("c1", p1, u1, nord, date(2024, 3, 1))
    c2 = case("c2", p2, u2, sued, date(2025, 2, 1), date(2025, 10, 31))
    c3 = case("c3", p3, u1, nord, date(2024, 11, 1))
    c4 = case("c4", p4, None, sued, date(2025, 4, 1))
    case("c5", p2, u2, sued, date(2023, 1, 1), date(2024, 6, 30))

    def placement(key: str, on: Case, kind: str, start: date, end: date | None = None) -> None:
        ids[key] = add_placement(
            session,
            case_id=on.id,
            kind=kind,
            starts_on=start,
            ends_on=end,
            extra_refugee_codes=(),
        ).id

    placement("ik", c1, "IK", date(2025, 3, 1), date(2025, 9, 30))
    placement("svb", c1, "SVB", date(2025, 7, 1))
    placement("ausb", c2, "AUSB", date(2025, 9, 1), date(2028, 8, 31))
    placement("minijob", c3, "MINIJOB", date(2024, 12, 1), date(2025, 6, 30))
    placement("eq", c3, "EQ", date(2025, 12, 31), date(2026, 8, 31))
    placement("self", c4, "SELF", date(2025, 5, 15))

    agentur = Partner(name="Agentur für Arbeit Testkreis", kind="AA")
    kurs = Partner(name="Kursträger Test", kind="IK")
    emp1 = Partner(name="Bäckerei Test", kind="AG")
    emp2 = Partner(name="Pflegedienst Test", kind="AG")
    session.add_all([agentur, kurs, emp1, emp2])
    session.flush()

    def referral(
        key: str,
        on: Case,
        partner: Partner,
        status: ReferralStatus,
        created: date,
        sent: date | None = None,
        answered: date | None = None,
    ) -> None:
        found = Referral(
            case_id=on.id,
            partner_id=partner.id,
            purpose="Test",
            status=status,
            created_on=created,
            sent_on=sent,
            answered_on=answered,
        )
        session.add(found)
        session.flush()
        ids[key] = found.id

    referral(
        "r1",
        c1,
        agentur,
        ReferralStatus.DONE,
        date(2025, 2, 1),
        date(2025, 2, 3),
        date(2025, 2, 10),
    )
    referral(
        "r2",
        c2,
        agentur,
        ReferralStatus.REJECTED,
        date(2025, 3, 1),
        date(2025, 3, 1),
        date(2025, 3, 4),
    )
    referral("r3", c3, kurs, ReferralStatus.SENT, date(2025, 4, 1), date(2025, 4, 2))
    referral("r4", c1, kurs, ReferralStatus.DRAFT, date(2025, 12, 20))
    referral(
        "r5",
        c2,
        agentur,
        ReferralStatus.ACCEPTED,
        date(2024, 12, 15),
        date(2024, 12, 16),
        date(2025, 1, 5),
    )

    fair = Event(
        name="Jobmesse Kreishaus",
        kind=EventKind.JOB_FAIR,
        starts_on=date(2025, 5, 20),
        place="Kreishaus",
    )
    outreach = Event(
        name="Infotag Dorf",
        kind=EventKind.OUTREACH,
        starts_on=date(2024, 11, 10),
        place="Gemeindehaus",
    )
    session.add_all([fair, outreach])
    session.flush()
    ids.update(e1=fair.id, e2=outreach.id)
    session.add_all(
        [
            EventPartner(event_id=fair.id, partner_id=emp1.id, is_employer=True),
            EventPartner(event_id=fair.id, partner_id=emp2.id, is_employer=True),
        ]
    )
    a1 = Attendance(event_id=fair.id, person_id=p1.id, registered_at=_at(2025, 5, 20, 9))
    a2 = Attendance(event_id=fair.id, person_id=p2.id, registered_at=_at(2025, 5, 20, 9, 5))
    a3 = Attendance(event_id=fair.id, headcount=40, registered_at=_at(2025, 5, 20, 16))
    a4 = Attendance(event_id=outreach.id, headcount=130, registered_at=_at(2024, 11, 10, 16))
    session.add_all([a1, a2, a3, a4])
    session.flush()
    ids.update(a1=a1.id, a2=a2.id, a3=a3.id)
    for attendance, partner, outcome in (
        (a1, emp1, EventContactOutcome.INTERVIEW),
        (a1, emp2, EventContactOutcome.TALK),
        (a2, emp1, EventContactOutcome.HIRED),
    ):
        session.add(
            EventContact(
                event_id=fair.id,
                attendance_id=attendance.id,
                partner_id=partner.id,
                outcome=outcome,
                occurred_at=_at(2025, 5, 20, 11),
            )
        )

    for key, on, by, when in (
        ("k1", c1, u1, _at(2025, 1, 10)),
        ("k2", c1, u1, _at(2025, 6, 1, 9)),
        ("k3", c2, u2, _at(2025, 2, 1)),
        ("k4", c2, u1, _at(2025, 3, 1)),
        ("k0", c1, u1, _at(2024, 12, 31, 23, 30)),
    ):
        contact = Contact(case_id=on.id, counsellor_id=by.id, occurred_at=when, channel="phone")
        session.add(contact)
        session.flush()
        ids[key] = contact.id
    session.commit()
    return world
