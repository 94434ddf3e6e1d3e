"""What is due for a counsellor, on SQLite and PostgreSQL: groups by date, expiring documents
with the lead-time setting, unanswered referrals, legal-category hints; changes; the CLI."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import (
    Case,
    CaseStatus,
    FollowUp,
    LegalCategory,
    LegalCategoryPeriod,
    Partner,
    Person,
    Referral,
    ReferralStatus,
    ResidenceStatus,
    User,
)
from mzdesk.core.org_settings import set_setting
from mzdesk.core.services import followups
from mzdesk.core.services.followups import Kind


@dataclass
class World:
    today: date  # the day the world was made for; the CLI is told it (--today), so that a
    # run across midnight cannot see the overdue follow-up as two days old, today's as overdue
    me: uuid.UUID
    other: uuid.UUID
    recognised: uuid.UUID  # AE_25_2 but still AsylbLG: a hint
    expiring: uuid.UUID  # document valid until today + 30 days
    fu: dict[str, uuid.UUID]

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)


def _person(number: int, family: str) -> Person:
    return Person(file_number=f"MZ-2025-{number:04d}", family_name=family, given_names="Testa")


@pytest.fixture
def world(database: Database) -> World:
    today = date.today()  # at the test's time, not at import (the module may be imported
    # before midnight and the test run after it)

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    with database.session() as s:
        me = User(username="mbeispiel", display_name="M. Beispiel")
        other = User(username="kmuster", display_name="K. Muster")
        s.add_all([me, other])
        s.flush()
        people = [_person(n, f"Probe{n}") for n in range(1, 6)]
        s.add_all(people)
        s.flush()
        cases = [Case(person_id=p.id, counsellor_id=me.id, opened_on=day(-400)) for p in people[:4]]
        foreign = Case(person_id=people[0].id, counsellor_id=other.id, opened_on=day(-10))
        closed = Case(
            person_id=people[4].id,
            counsellor_id=me.id,
            opened_on=day(-900),
            status=CaseStatus.CLOSED,
        )
        s.add_all([*cases, foreign, closed])
        s.flush()
        fu = {
            "overdue": FollowUp(case_id=cases[0].id, due_on=day(-3), text="Bescheid anfordern"),
            "today": FollowUp(case_id=cases[1].id, due_on=day(0), text="Anruf"),
            "week": FollowUp(case_id=cases[1].id, due_on=day(6), text="Kurs prüfen"),
            "later": FollowUp(case_id=cases[2].id, due_on=day(8), text="später"),
            "done": FollowUp(
                case_id=cases[2].id, due_on=day(-1), text="erledigt", done_at=datetime.now(UTC)
            ),
            "others": FollowUp(case_id=foreign.id, due_on=day(-1), text="fremd"),
            "assigned": FollowUp(
                case_id=foreign.id, due_on=day(1), text="mir zugewiesen", assigned_to_id=me.id
            ),
        }
        s.add_all(fu.values())
        recognised, expiring, expired, renewed, closed_person = people
        s.add_all(
            [
                ResidenceStatus(person_id=recognised.id, status_code="GEST", valid_from=day(-500)),
                ResidenceStatus(
                    person_id=recognised.id,
                    status_code="AE_25_2",
                    valid_from=day(-20),
                    valid_until=day(1000),
                ),
                LegalCategoryPeriod(
                    person_id=recognised.id, category=LegalCategory.ASYLBLG, valid_from=day(-500)
                ),
                ResidenceStatus(
                    person_id=expiring.id,
                    status_code="AE_24",
                    valid_from=day(-300),
                    valid_until=day(30),
                ),
                LegalCategoryPeriod(
                    person_id=expiring.id, category=LegalCategory.SGB2, valid_from=day(-300)
                ),
                ResidenceStatus(
                    person_id=expired.id,
                    status_code="DUL",
                    valid_from=day(-200),
                    valid_until=day(-2),
                ),
                ResidenceStatus(
                    person_id=renewed.id,
                    status_code="AE_25_2",
                    valid_from=day(-900),
                    valid_until=day(5),
                ),
                ResidenceStatus(
                    person_id=renewed.id,
                    status_code="AE_25_2",
                    valid_from=day(3),
                    valid_until=day(1100),
                ),
                ResidenceStatus(
                    person_id=closed_person.id,
                    status_code="DUL",
                    valid_from=day(-100),
                    valid_until=day(1),
                ),
            ]
        )
        partner = Partner(name="Sprachschule Testweg", kind="IK", active=True)
        s.add(partner)
        s.flush()
        s.add(
            Referral(
                case_id=cases[3].id,
                partner_id=partner.id,
                purpose="Kurs",
                created_by_id=me.id,
                status=ReferralStatus.SENT,
                created_on=day(-30),
                sent_on=day(-30),
                answer_due_on=day(-16),
            )
        )
        s.commit()
        return World(
            today, me.id, other.id, recognised.id, expiring.id, {k: v.id for k, v in fu.items()}
        )


def _ids(items: tuple[followups.DueItem, ...]) -> set[uuid.UUID]:
    return {item.record_id for item in items}


def test_groups_by_date_for_my_cases(database: Database, world: World) -> None:
    with database.session() as s:
        due = followups.due_for(s, world.me, world.today)
    fu = world.fu
    assert _ids(due.overdue) >= {fu["overdue"]}
    assert [i.kind for i in due.overdue].count(Kind.REFERRAL) == 1
    assert _ids(due.due_today) == {fu["today"]}
    assert _ids(due.this_week) == {fu["week"], fu["assigned"]}
    everything = _ids(due.items())
    assert not everything & {fu["later"], fu["done"], fu["others"]}
    assert due.urgent_count == 3  # overdue follow-up, the referral, today's


def test_a_logged_in_user_gets_the_same_list(database: Database, world: World) -> None:
    """As the counsellor themself (access rules applied to queries that join cases)."""
    with database.session() as s:
        as_program = _ids(followups.due_for(s, world.me, world.today).items())
    with database.session(world.me) as s:
        as_user = _ids(followups.due_for(s, world.me, world.today).items())
    assert as_user == as_program and as_user


def test_documents_with_lead_time_and_expired(database: Database, world: World) -> None:
    with database.session() as s:
        docs = followups.due_for(s, world.me, world.today).documents
    texts = {item.file_number: item.text for item in docs}
    assert set(texts) == {"MZ-2025-0002", "MZ-2025-0003"}  # not renewed, not a closed case
    assert "abgelaufen" in texts["MZ-2025-0003"] and "gültig bis" in texts["MZ-2025-0002"]
    with database.session() as s:
        set_setting(s, "followups.residence_lead_weeks", 2)
        s.commit()
        short = followups.due_for(s, world.me, world.today).documents
    assert [item.file_number for item in short] == ["MZ-2025-0003"]  # only the expired one


def test_hint_for_recognition_while_on_asylblg(database: Database, world: World) -> None:
    with database.session() as s:
        hint = followups.legal_category_hint(s, world.recognised, world.today)
        assert followups.legal_category_hint(s, world.expiring, world.today) is None  # AE_24 + SGB2
        due = followups.due_for(s, world.me, world.today)
    assert hint is not None
    assert hint.recorded_category is LegalCategory.ASYLBLG
    assert hint.proposed_category is LegalCategory.SGB2
    assert hint.proposed_due > world.today and "SGB II" in hint.text_de and "SGB II" in hint.text_en
    assert [item.person_id for item in due.hints] == [world.recognised]
    with database.session() as s:  # make the proposed follow-up: the hint leaves the list
        follow_up = followups.follow_up_from(s, due.hints[0], user_id=world.me)
        s.commit()
        assert follow_up.due_on == hint.proposed_due
        after = followups.due_for(s, world.me, world.today)
    assert not after.hints
    assert follow_up.id in _ids(after.this_week)  # a week ahead: within the next seven days


def test_done_postpone_add(database: Database, world: World) -> None:
    with database.session() as s:
        followups.mark_done(s, world.fu["overdue"])
        followups.postpone(s, world.fu["today"], world.day(20))
        case_id = s.get(FollowUp, world.fu["week"]).case_id  # type: ignore[union-attr]
        added = followups.add_follow_up(s, case_id, world.day(2), "  Neuer   Termin ")
        s.commit()
        with pytest.raises(followups.FollowUpError):
            followups.postpone(s, world.fu["week"], world.day(-1))
        with pytest.raises(followups.FollowUpError):
            followups.add_follow_up(s, case_id, world.day(2), "   ")
        due = followups.due_for(s, world.me, world.today)
    assert added.text == "Neuer Termin"
    ids = _ids(due.items())
    assert world.fu["overdue"] not in ids and world.fu["today"] not in ids and added.id in ids


def test_cli_list_and_done(
    database: Database, world: World, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = ["followup", "list", "--db", database_url, "--user", "mbeispiel"]
    listing += ["--today", world.today.isoformat()]  # the world's day, not the clock's now
    assert main([*listing, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["urgent"] == 3
    kinds = {item["kind"] for item in data["items"]}
    assert kinds == {"follow_up", "referral", "residence", "hint"}
    assert "Probe" not in json.dumps(data)  # no names in JSON
    short = world.fu["overdue"].hex[-8:]
    assert main(["followup", "done", short, "--db", database_url]) == 0
    assert "done" in capsys.readouterr().out
    assert main(listing) == 0
    text = capsys.readouterr().out
    assert "Bescheid anfordern" not in text and "Anruf" in text and "Today (1)" in text
    assert main(["followup", "done", "deadbeef", "--db", database_url]) == 1
