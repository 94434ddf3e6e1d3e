"""A team lead's view of the team's follow-ups, and taking back "done" (counsellor walk 18),
on SQLite and PostgreSQL: the core decides who may see the team's list, and both "done" and
its undo are in the audit trail."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core.access import AccessDenied
from mzdesk.core.database import Database
from mzdesk.core.errors import NotFound
from mzdesk.core.models import AuditEntry, Case, FollowUp, Person, Team, User
from mzdesk.core.models.enums import Role
from mzdesk.core.services import followups
from mzdesk.core.services.followups import Scope


@dataclass
class TeamWorld:
    lead_a: uuid.UUID
    berater_a: uuid.UUID
    berater_a2: uuid.UUID
    berater_b: uuid.UUID
    fu_a: uuid.UUID  # berater_a's, team A
    fu_a2: uuid.UUID  # berater_a2's, team A
    fu_b: uuid.UUID  # berater_b's, team B


@pytest.fixture
def team_world(database: Database) -> TeamWorld:
    with database.session() as s:
        nord, sued = Team(name="Team Nord"), Team(name="Team Süd")
        s.add_all([nord, sued])
        s.flush()
        lead = User(username="leitung1", display_name="L", role=Role.TEAM_LEAD, team_id=nord.id)
        a = User(username="berater1", display_name="A", team_id=nord.id)
        a2 = User(username="berater2", display_name="A2", team_id=nord.id)
        b = User(username="berater9", display_name="B", team_id=sued.id)
        s.add_all([lead, a, a2, b])
        s.flush()
        ids: list[uuid.UUID] = []
        for number, counsellor in enumerate((a, a2, b), start=1):
            person = Person(
                file_number=f"MZ-2026-{number:04d}", family_name=f"Probe{number}", given_names="T"
            )
            s.add(person)
            s.flush()
            case = Case(person_id=person.id, counsellor_id=counsellor.id, opened_on=date.today())
            s.add(case)
            s.flush()
            follow_up = FollowUp(
                case_id=case.id,
                assigned_to_id=counsellor.id,
                due_on=date.today() - timedelta(days=number),
                text=f"Wiedervorlage {number}",
            )
            s.add(follow_up)
            s.flush()
            ids.append(follow_up.id)
        s.commit()
        return TeamWorld(lead.id, a.id, a2.id, b.id, *ids)


def _shown(database: Database, user: uuid.UUID, scope: Scope) -> set[uuid.UUID]:
    with database.session(user) as s:
        return {
            item.record_id for item in followups.due_for(s, user, date.today(), scope=scope).items()
        }


def test_a_lead_sees_the_teams_follow_ups(database: Database, team_world: TeamWorld) -> None:
    w = team_world
    assert _shown(database, w.lead_a, Scope.MINE) == set()  # a lead counsels no case here
    assert _shown(database, w.lead_a, Scope.TEAM) == {w.fu_a, w.fu_a2}  # not team B's
    assert _shown(database, w.berater_a, Scope.MINE) == {w.fu_a}
    with database.session(w.lead_a) as s:
        due = followups.due_for(s, w.lead_a, date.today(), scope=Scope.TEAM)
        assignees = {item.record_id: item.assignee_name for item in due.items()}
        assert assignees == {w.fu_a: "A", w.fu_a2: "A2"}  # whose it is, for the lead
        assert followups.may_see_team(s)


def test_a_counsellor_may_not_see_the_team_list(database: Database, team_world: TeamWorld) -> None:
    w = team_world
    for counsellor in (w.berater_a, w.berater_b):
        with database.session(counsellor) as s:
            assert not followups.may_see_team(s)
            with pytest.raises(AccessDenied) as denied:
                followups.due_for(s, counsellor, date.today(), scope=Scope.TEAM)
            assert denied.value.german.startswith("Keine Berechtigung")


def test_done_and_reopened_are_audited(database: Database, team_world: TeamWorld) -> None:
    w = team_world
    with database.session(w.berater_a) as s:
        followups.mark_done(s, w.fu_a)
        s.commit()
    assert _shown(database, w.berater_a, Scope.MINE) == set()
    with database.session(w.berater_a) as s:
        reopened = followups.reopen(s, w.fu_a)
        assert reopened.done_at is None
        s.commit()
    assert _shown(database, w.berater_a, Scope.MINE) == {w.fu_a}
    with database.session() as s:
        entries = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "follow_up", AuditEntry.entity_id == w.fu_a)
            .order_by(AuditEntry.seq)
        ).all()
        assert [e.action for e in entries] == ["update", "update"]
        assert entries[0].details["done_at"]["old"] is None
        assert entries[0].details["done_at"]["new"] is not None
        assert entries[1].details["done_at"]["new"] is None
        assert all(e.user_id == w.berater_a and e.person_id is not None for e in entries)


def test_another_team_may_not_reopen(database: Database, team_world: TeamWorld) -> None:
    w = team_world
    with database.session(w.berater_a) as s:
        followups.mark_done(s, w.fu_a)
        s.commit()
    # the scope hides it ("gibt es nicht mehr"), or access refuses it
    with database.session(w.berater_b) as s, pytest.raises((AccessDenied, NotFound)):
        followups.reopen(s, w.fu_a)
    with database.session(w.berater_a) as s:
        done = s.get(FollowUp, w.fu_a)
        assert done is not None and done.done_at is not None  # still done


def test_the_cli_twin(
    database: Database,
    team_world: TeamWorld,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    w = team_world
    argv = ["followup", "list", "--db", database_url, "--user", "leitung1", "--json", "--team"]
    assert main(argv) == 0
    listed = {item["id"] for item in json.loads(capsys.readouterr().out)["items"]}
    assert listed == {str(w.fu_a), str(w.fu_a2)}  # team Nord's, not team Süd's
    assert main(["followup", "done", w.fu_a.hex[-8:], "--db", database_url]) == 0
    assert main(["followup", "reopen", w.fu_a.hex[-8:], "--db", database_url]) == 0
    assert "open again" in capsys.readouterr().out
    with database.session() as s:
        follow_up = s.get(FollowUp, w.fu_a)
        assert follow_up is not None and follow_up.done_at is None
