"""Access rights: role x action x own team / other team, through the core and the CLI.

Two teams (A, B), a counsellor and a lead in each, an admin; a person with a case in A, one
with a case in B, one just registered (no case). Synthetic names only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core import access
from mzdesk.core.access import AccessDenied, Action
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, Case, Person, Placement, User
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts, audit, lookup, merge, persons, placements, search
from mzdesk.core.stats import Period, compute_statistics, drill_down

PASSWORD = "geheim-123"
USERS = ("berater_a", "leitung_a", "berater_b", "leitung_b", "admin")


@dataclass
class World:
    users: dict[str, uuid.UUID]
    own: uuid.UUID  # person with a case in team A
    other: uuid.UUID  # person with a case in team B
    fresh: uuid.UUID  # person without a case
    case_a: uuid.UUID
    case_b: uuid.UUID


def _person(session: object, number: str, family: str) -> Person:
    person = Person(id=uuid.uuid4(), file_number=number, family_name=family, given_names="Testa")
    session.add(person)  # type: ignore[attr-defined]
    return person


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
        own = _person(session, "MZ-T-0001", "Zubrowa")
        other = _person(session, "MZ-T-0002", "Zubrowin")
        fresh = _person(session, "MZ-T-0003", "Zubrowski")
        session.flush()
        case_a = Case(
            id=uuid.uuid4(),
            person_id=own.id,
            team_id=team_of["berater_a"],
            counsellor_id=ids["berater_a"],
            opened_on=date(2025, 2, 1),
        )
        # Team B's case has no team of its own: it belongs to its counsellor's team.
        case_b = Case(
            id=uuid.uuid4(),
            person_id=other.id,
            team_id=None,
            counsellor_id=ids["berater_b"],
            opened_on=date(2025, 2, 1),
        )
        session.add_all([case_a, case_b])
        session.flush()
        for person, case in ((own, case_a), (other, case_b)):
            session.add(
                Placement(
                    person_id=person.id, case_id=case.id, kind="SVB", starts_on=date(2025, 3, 1)
                )
            )
        session.commit()
        return World(ids, own.id, other.id, fresh.id, case_a.id, case_b.id)


@pytest.fixture
def world(database: Database) -> World:
    return build(database)


# --- the matrix ----------------------------------------------------------------------------

RECORD_ACTIONS = (Action.READ_PERSON, Action.EDIT_PERSON, Action.MERGE_PERSONS, Action.REFER)
# Expected: role → (own team's person, other team's person, person without a case)
RECORD_EXPECTED = {
    "berater_a": (True, False, True),
    "leitung_a": (True, False, True),
    "admin": (False, False, False),
}
OVERRIDE_EXPECTED = {
    "berater_a": (False, False, False),
    "leitung_a": (True, False, True),
    "admin": (False, False, False),
}
PRIVACY_EXPECTED = {  # a data-subject request about one person
    "berater_a": (False, False, False),
    "leitung_a": (True, False, True),
    "admin": (False, False, False),
}
ROLE_OF = {
    "berater_a": "counsellor",
    "berater_b": "counsellor",
    "leitung_a": "team_lead",
    "leitung_b": "team_lead",
    "admin": "admin",
}
ROLE_ACTIONS = {  # actions without a record: which roles may
    Action.READ_STATISTICS: {"team_lead"},
    Action.EXPORT: {"team_lead"},
    Action.PRIVACY: {"team_lead", "admin"},
    Action.READ_AUDIT: {"team_lead", "admin"},
    Action.MANAGE_ACCOUNTS: {"admin"},
    Action.MANAGE_SETTINGS: {"admin"},
    Action.BACKUP: {"admin"},
    Action.EVENTS: {"counsellor", "team_lead"},
    Action.READ_PERSON: {"counsellor", "team_lead"},
}


def _allowed(database: Database, user_id: uuid.UUID, action: Action, **record: uuid.UUID) -> bool:
    with database.session(user_id) as session:
        try:
            access.require(session, action, **record)
        except AccessDenied as denied:
            assert "Zubrow" not in str(denied) and "Zubrow" not in denied.german
            assert denied.german.startswith("Keine Berechtigung")
            return False
        return True


@pytest.mark.parametrize("name", sorted(RECORD_EXPECTED))
def test_record_actions_by_role_and_team(database: Database, world: World, name: str) -> None:
    user = world.users[name]
    persons = (world.own, world.other, world.fresh)
    tables = {action: RECORD_EXPECTED[name] for action in RECORD_ACTIONS}
    tables[Action.OVERRIDE_CONSENT] = OVERRIDE_EXPECTED[name]
    tables[Action.PRIVACY] = PRIVACY_EXPECTED[name]
    for action, expected in tables.items():
        found = tuple(_allowed(database, user, action, person_id=p) for p in persons)
        assert found == expected, (name, action)
    # Cases: the own team's case (team set), the other's (team from its counsellor).
    by_case = tuple(
        _allowed(database, user, Action.READ_PERSON, case_id=c)
        for c in (world.case_a, world.case_b)
    )
    assert by_case == RECORD_EXPECTED[name][:2]


@pytest.mark.parametrize("name", USERS)
def test_role_actions(database: Database, world: World, name: str) -> None:
    for action, roles in ROLE_ACTIONS.items():
        role = ROLE_OF[name]
        assert _allowed(database, world.users[name], action) == (role in roles), (name, action)


def test_the_other_team_sees_the_mirror_image(database: Database, world: World) -> None:
    user = world.users["berater_b"]
    found = [
        _allowed(database, user, Action.READ_PERSON, person_id=p)
        for p in (world.own, world.other, world.fresh)
    ]
    assert found == [False, True, True]


def test_denials_are_audited_without_personal_data(database: Database, world: World) -> None:
    assert not _allowed(database, world.users["berater_b"], Action.READ_PERSON, person_id=world.own)
    with database.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "denied").order_by(AuditEntry.seq.desc())
        ).first()
        assert entry is not None
        assert entry.user_id == world.users["berater_b"]
        assert entry.person_id == world.own
        assert entry.details["action"] == "read_person"
        assert audit.verify(session).ok


def test_a_disabled_account_may_do_nothing(database: Database, world: World) -> None:
    with database.session(world.users["admin"]) as session:
        accounts.disable_user(session, "berater_a")
        session.commit()
    assert not _allowed(
        database, world.users["berater_a"], Action.READ_PERSON, person_id=world.fresh
    )


# --- the same through the services -------------------------------------------------------


def test_search_lists_only_what_the_user_may_see(database: Database, world: World) -> None:
    def found(name: str) -> set[str]:
        with database.session(world.users[name]) as session:
            return {row.file_number for row in search.search_persons(session, "Zubrow")}

    assert found("berater_a") == {"MZ-T-0001", "MZ-T-0003"}
    assert found("leitung_b") == {"MZ-T-0002", "MZ-T-0003"}
    with database.session() as session:  # the program itself
        assert len(search.search_persons(session, "Zubrow")) == 3
    with database.session(world.users["admin"]) as session, pytest.raises(AccessDenied):
        search.search_persons(session, "Zubrow")


def test_the_client_list_pages_only_what_the_user_may_see(database: Database, world: World) -> None:
    def listed(name: str | None) -> tuple[set[str], int]:
        user_id = world.users[name] if name else None
        with database.session(user_id) as session:
            rows = persons.page(session, limit=50).rows
            return {row.file_number for row in rows}, persons.count(session)

    assert listed("berater_a") == ({"MZ-T-0001", "MZ-T-0003"}, 2)
    assert listed("leitung_b") == ({"MZ-T-0002", "MZ-T-0003"}, 2)
    assert listed("admin") == (set(), 0)  # an admin does not read case contents
    assert listed(None)[1] == 3  # the program itself


def test_lookup_placements_and_merge_check_the_team(database: Database, world: World) -> None:
    with database.session(world.users["berater_a"]) as session:
        assert lookup.person(session, "MZ-T-0001").id == world.own
        with pytest.raises(AccessDenied):
            lookup.person(session, "MZ-T-0002")
        with pytest.raises(AccessDenied):
            lookup.by_id(session, Case, world.case_b, "case")
        assert [p.person_id for p in placements.list_placements(session)] == [world.own]
        with pytest.raises(AccessDenied):
            placements.list_placements(session, person_id=world.other)
        with pytest.raises(AccessDenied):
            merge.merge_persons(session, world.own, world.other)
        merge.merge_persons(session, world.own, world.fresh)  # both visible: allowed


def test_statistics_for_leads_drill_down_to_their_team(database: Database, world: World) -> None:
    period = Period.between(date(2025, 1, 1), date(2025, 12, 31))
    with database.session(world.users["berater_a"]) as session, pytest.raises(AccessDenied):
        compute_statistics(session, period)
    with database.session(world.users["admin"]) as session, pytest.raises(AccessDenied):
        compute_statistics(session, period)
    with database.session(world.users["leitung_a"]) as session:
        report = compute_statistics(session, period).as_dict()
        assert report["placements"]["total"] == 2  # the organisation's figure
        cases = drill_down(session, "caseload.new_cases", period)
        assert cases.ids == (world.case_a,)
        placed = drill_down(session, "placements.total", period)
        assert len(placed.ids) == 1
    with database.session() as session:
        assert len(drill_down(session, "placements.total", period).ids) == 2


def test_audit_view_for_leads_and_admins(database: Database, world: World) -> None:
    where = audit.AuditFilter()
    with database.session(world.users["berater_a"]) as session, pytest.raises(AccessDenied):
        audit.list_entries(session, where)
    with database.session(world.users["admin"]) as session:
        rows = audit.list_entries(session, audit.AuditFilter(action="create"))
        assert rows and all(r.action == "create" for r in rows)
        assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)
        page = audit.list_entries(session, where, limit=2)
        rest = audit.list_entries(session, where, before_seq=page[-1].seq, limit=2)
        assert rest[0].seq < page[-1].seq
        assert audit.count_filtered(session, audit.AuditFilter(user_id=world.users["admin"])) > 0


# --- accounts: lockout, password change ---------------------------------------------------


def test_lockout_after_repeated_failures(database: Database, world: World) -> None:
    del world
    for _ in range(4):
        with database.session() as session, pytest.raises(accounts.LoginFailed):
            accounts.login(session, "berater_a", "wrong-password")
    with database.session() as session, pytest.raises(accounts.AccountLocked) as locked:
        accounts.login(session, "berater_a", "wrong-password")  # the 5th: locked
    assert "gesperrt" in locked.value.german
    with database.session() as session, pytest.raises(accounts.AccountLocked):
        accounts.login(session, "berater_a", PASSWORD)  # even the right one, for now
    with database.session() as session:
        user = accounts.find_user(session, "berater_a")
        assert user is not None and user.locked_until is not None
        user.locked_until = user.locked_until - timedelta(minutes=16)  # time passes
        session.commit()
    with database.session() as session:
        assert accounts.login(session, "berater_a", PASSWORD).username == "berater_a"
    with database.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
        assert actions.count("login_failed") == 5 and "login_refused" in actions
        assert actions[-1] == "login"


def test_unknown_user_and_disabled_account_fail_alike(database: Database, world: World) -> None:
    del world
    with database.session() as session, pytest.raises(accounts.LoginFailed) as unknown:
        accounts.login(session, "niemand", PASSWORD)
    with database.session(None) as session:
        admin = accounts.find_user(session, "admin")
        assert admin is not None
    with database.session(admin.id) as session:
        accounts.disable_user(session, "berater_b")
        session.commit()
    with database.session() as session, pytest.raises(accounts.LoginFailed) as disabled:
        accounts.login(session, "berater_b", PASSWORD)
    assert str(unknown.value) == str(disabled.value)


def test_password_change(database: Database, world: World) -> None:
    user = world.users["berater_a"]
    with database.session(user) as session:
        with pytest.raises(accounts.LoginFailed):
            accounts.change_password(session, user, "not-the-old-one", "neues-passwort")
        session.rollback()
        with pytest.raises(accounts.InvalidAccount):
            accounts.change_password(session, user, PASSWORD, "kurz")
        session.rollback()
        accounts.change_password(session, user, PASSWORD, "neues-passwort")
        session.commit()
    with database.session() as session, pytest.raises(accounts.LoginFailed):
        accounts.login(session, "berater_a", PASSWORD)
    with database.session() as session:
        assert accounts.login(session, "berater_a", "neues-passwort").id == user


def test_only_admins_manage_accounts_and_setup_is_once(database: Database, world: World) -> None:
    with database.session(world.users["leitung_a"]) as session, pytest.raises(AccessDenied):
        accounts.create_user(session, "neu", PASSWORD, team="Team A")
    with database.session() as session, pytest.raises(accounts.SetupDone):
        accounts.create_first_admin(session, "zweiter", PASSWORD)
    with database.session(world.users["admin"]) as session:
        with pytest.raises(accounts.InvalidAccount):
            accounts.create_user(session, "ohneteam", PASSWORD)  # counsellors need a team
        names = [a.username for a in accounts.list_users(session)]
    assert names == sorted(USERS)


# --- the same through the CLI --------------------------------------------------------------


def _cli(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    user: str | None,
    *argv: str,
    password: str = PASSWORD,
) -> tuple[int, str, str]:
    capsys.readouterr()
    if user is None:
        monkeypatch.delenv("MZDESK_USER", raising=False)
    else:
        monkeypatch.setenv("MZDESK_USER", user)
    monkeypatch.setenv("MZDESK_PASSWORD", password)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


CLI_CASES = [
    # (user, command, expected exit code)
    ("berater_a", ("person", "show", "MZ-T-0001"), 0),
    ("berater_a", ("person", "show", "MZ-T-0002"), 1),
    ("berater_b", ("person", "show", "MZ-T-0002"), 0),
    ("berater_b", ("person", "show", "MZ-T-0001"), 1),
    ("leitung_a", ("person", "show", "MZ-T-0001"), 0),
    ("leitung_a", ("person", "show", "MZ-T-0002"), 1),
    ("admin", ("person", "show", "MZ-T-0003"), 1),
    ("berater_a", ("stats", "--year", "2025", "--json"), 1),
    ("leitung_a", ("stats", "--year", "2025", "--json"), 0),
    ("admin", ("stats", "--year", "2025", "--json"), 1),
    ("admin", ("user", "list"), 0),
    ("leitung_a", ("user", "list"), 1),
    ("berater_a", ("audit", "verify"), 1),
    ("leitung_a", ("audit", "verify"), 0),
    ("admin", ("audit", "verify"), 0),
]


def test_cli_matrix(
    database: Database,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    build(database)
    for user, command, expected in CLI_CASES:
        code, _out, err = _cli(monkeypatch, capsys, user, *command, "--db", database_url)
        assert code == expected, (user, command, err)
        if expected == 1:
            assert err.startswith("mzdesk: access denied") and "Zubrow" not in err


def test_cli_login(
    database: Database,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    build(database)
    db = ("--db", database_url)
    code, _, err = _cli(monkeypatch, capsys, None, "person", "find", "Zubrow", *db)
    assert code == 1 and "--user" in err
    code, _, err = _cli(
        monkeypatch, capsys, "berater_a", "person", "find", "Zubrow", *db, password="falsch"
    )
    assert code == 1 and "wrong user name or password" in err
    code, out, _ = _cli(
        monkeypatch, capsys, None, "person", "find", "Zubrow", "--user", "berater_a", *db
    )
    assert code == 0 and "MZ-T-0001" in out and "MZ-T-0002" not in out
    # user add|disable|passwd as the admin
    monkeypatch.setenv("MZDESK_NEW_PASSWORD", "anfang-2025")
    code, out, err = _cli(
        monkeypatch,
        capsys,
        "admin",
        "user",
        "add",
        "neu_a",
        "--team",
        "Team A",
        "--role",
        "counsellor",
        *db,
    )
    assert code == 0, err
    code, out, _ = _cli(
        monkeypatch, capsys, "neu_a", "person", "find", "Zubrow", *db, password="anfang-2025"
    )
    assert code == 0 and "MZ-T-0001" in out
    monkeypatch.setenv("MZDESK_NEW_PASSWORD", "spaeter-2025")
    code, out, err = _cli(
        monkeypatch, capsys, "neu_a", "user", "passwd", *db, password="anfang-2025"
    )
    assert code == 0 and "password changed" in out, err
    code, _, err = _cli(monkeypatch, capsys, "admin", "user", "disable", "neu_a", *db)
    assert code == 0, err
    code, _, err = _cli(
        monkeypatch, capsys, "neu_a", "person", "find", "Zubrow", *db, password="spaeter-2025"
    )
    assert code == 1


def test_cli_setup_mode_and_first_admin(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["db", "upgrade", "--db", database_url]) == 0
    db = ("--db", database_url)
    monkeypatch.setenv("MZDESK_NEW_PASSWORD", "erster-admin")
    code, _, err = _cli(
        monkeypatch, capsys, None, "user", "add", "chefin", "--role", "counsellor", *db
    )
    assert code == 1 and "administrator first" in err
    # No account can log in yet: commands run as the program itself.
    code, _, err = _cli(monkeypatch, capsys, None, "audit", "verify", *db)
    assert code == 0, err
    code, out, err = _cli(
        monkeypatch, capsys, None, "user", "add", "chefin", "--role", "admin", *db
    )
    assert code == 0, err
    # From now on, a login is needed.
    code, _, err = _cli(monkeypatch, capsys, None, "audit", "verify", *db)
    assert code == 1 and "--user" in err
    code, out, err = _cli(
        monkeypatch, capsys, "chefin", "user", "list", *db, password="erster-admin"
    )
    assert code == 0 and "chefin" in out
