"""The scope: every statement of a user's session keeps to what that user may see.

Reads through the ORM are limited by loader criteria; statements that bypass the ORM are
refused unless a declared purpose allows them; a flush of a row about a person or case the
user may not see is refused. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from access_world import AT, World, build
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import aliased

from mzdesk.core import scope
from mzdesk.core.access import AccessDenied
from mzdesk.core.database import Database
from mzdesk.core.models import (
    AuditEntry,
    Case,
    Consent,
    ConsentForm,
    Contact,
    Person,
    Referral,
)
from mzdesk.core.scope import Purpose, ScopeViolation

MODELS = {model.__tablename__: model for model in scope.CRITERIA}


@pytest.fixture
def world(database: Database) -> World:
    return build(database)


def _ids(database: Database, user: uuid.UUID | None, model: type) -> set[uuid.UUID]:
    with database.session(user) as session:
        return set(session.scalars(select(model.id)))


@pytest.mark.parametrize("name", ["berater_a", "leitung_a", "berater_b"])
def test_every_protected_table_keeps_to_the_users_team(
    database: Database, world: World, name: str
) -> None:
    own_team = name.endswith("_a")
    for table, (about_own, about_other) in world.rows.items():
        found = _ids(database, world.users[name], MODELS[table])
        mine, theirs = (about_own, about_other) if own_team else (about_other, about_own)
        assert mine in found, (name, table)
        assert theirs not in found, (name, table)
    persons = _ids(database, world.users[name], Person)
    assert world.fresh in persons  # no case yet: every caseworker finds them
    assert (world.own in persons, world.other in persons) == (own_team, not own_team)


def test_the_admin_and_a_disabled_account_see_no_case_data(
    database: Database, world: World
) -> None:
    for model in scope.CRITERIA:
        assert _ids(database, world.users["admin"], model) == set(), model
    with database.session(world.users["admin"]) as session:
        from mzdesk.core.services import accounts

        accounts.disable_user(session, "berater_a")
        session.commit()
    assert _ids(database, world.users["berater_a"], Person) == set()
    # the program itself (no user) sees everything
    assert {world.own, world.other, world.fresh} <= _ids(database, None, Person)


def test_aliases_joins_subqueries_and_counts_are_scoped(database: Database, world: World) -> None:
    with database.session(world.users["berater_a"]) as session:
        case = aliased(Case)
        joined = set(
            session.scalars(
                select(Referral.id)
                .join(case, case.id == Referral.case_id)
                .join(Person, Person.id == case.person_id)
            )
        )
        assert joined == {world.rows["referrals"][0]}
        nested = set(
            session.scalars(select(Person.id).where(Person.id.in_(select(Case.person_id))))
        )
        assert nested == {world.own}
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
        assert session.get(Person, world.other) is None
        assert session.get(Case, world.case_b) is None
        # an ORM UPDATE cannot reach another team's rows either
        session.execute(update(Person).values(phone="0000 GEAENDERT"))
        session.commit()
    with database.session() as session:
        phones = {row.id: row.phone for row in session.execute(select(Person.id, Person.phone))}
    assert phones[world.other] == "0151 0000000"
    assert phones[world.own] == "0000 GEAENDERT"


def test_two_teams_in_turn_never_share_a_cached_statement(database: Database, world: World) -> None:
    """The same statement, compiled once and cached, answers each user for their team."""
    statement = select(Person.file_number).order_by(Person.file_number)
    seen = []
    for name in ("berater_a", "berater_b", "berater_a", "admin", "berater_b"):
        with database.session(world.users[name]) as session:
            seen.append(tuple(session.scalars(statement)))
    assert seen[0] == seen[2] == ("MZ-T-0001", "MZ-T-0003")
    assert seen[1] == seen[4] == ("MZ-T-0002", "MZ-T-0003")
    assert seen[3] == ()


def test_statements_that_bypass_the_orm_are_refused(database: Database, world: World) -> None:
    persons = Person.__table__
    with database.session(world.users["berater_a"]) as session:
        with pytest.raises(ScopeViolation, match="persons"):
            session.execute(select(persons.c.family_name))
        with pytest.raises(ScopeViolation, match="contacts"):
            session.execute(text("SELECT note FROM contacts"))
        with pytest.raises(ScopeViolation, match="cases"):
            session.execute(select(func.count()).select_from(Case.__table__))
        # a count over an ORM subquery is an ORM statement: scoped, not refused
        counted = select(func.count()).select_from(select(Person.id).subquery())
        assert session.scalar(counted) == 2
        # tables without case data are not the scope's business
        assert session.execute(text("SELECT count(*) FROM partners")).scalar() == 1
    with database.session() as session:  # the program itself
        assert len(session.execute(select(persons.c.id)).all()) == 3


def test_a_purpose_needs_its_action(database: Database, world: World) -> None:
    with (
        database.session(world.users["berater_a"]) as session,
        pytest.raises(AccessDenied),
        scope.unscoped(session, Purpose.STATISTICS),
    ):
        pass
    with database.session(world.users["leitung_a"]) as session:
        with scope.unscoped(session, Purpose.STATISTICS):
            everyone = set(session.scalars(select(Person.id)))
        assert everyone == {world.own, world.other, world.fresh}
        assert world.other not in set(session.scalars(select(Person.id)))  # scoped again


def _denials(database: Database) -> int:
    with database.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "denied")
            )
            or 0
        )


def test_rows_about_another_teams_person_or_case_cannot_be_written(
    database: Database, world: World
) -> None:
    user = world.users["berater_a"]
    attempts = [
        Case(person_id=world.other, team_id=world.teams["A"], opened_on=date(2025, 6, 1)),
        Contact(case_id=world.case_b, occurred_at=AT, channel="PHONE"),
        Consent(
            person_id=world.other,
            purpose="x",
            data_categories=["IDENTITY"],
            text_version="2025-01",
            given_on=date(2025, 6, 1),
            form=ConsentForm.SIGNED_PAPER,
        ),
    ]
    before = _denials(database)
    for attempt in attempts:
        with database.session(user) as session:
            session.add(attempt)
            with pytest.raises(AccessDenied):
                session.commit()
            session.rollback()
    assert _denials(database) == before + len(attempts)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 2
        assert (
            session.scalar(
                select(func.count()).select_from(Contact).where(Contact.case_id == world.case_b)
            )
            == 1
        )
    # the own team's person and a person without a case: allowed
    with database.session(user) as session:
        session.add(Case(person_id=world.fresh, team_id=world.teams["A"], opened_on=date.today()))
        session.add(Contact(case_id=world.case_a, occurred_at=AT, channel="PHONE"))
        session.commit()


def test_an_admin_writes_no_case_data(database: Database, world: World) -> None:
    with database.session(world.users["admin"]) as session:
        session.add(Person(file_number="MZ-T-0009", family_name="Zubrowna", given_names="Testa"))
        with pytest.raises(AccessDenied):
            session.commit()


def test_a_shared_persons_file_shows_each_team_its_own_cases(
    database: Database, world: World
) -> None:
    """A person with a case in each team: each team sees the person, and its own case with
    what hangs on it — never the other team's case, contacts or referrals."""
    from mzdesk.core.services import person_file

    with database.session() as session:
        shared = Case(
            person_id=world.own,
            team_id=world.teams["B"],
            counsellor_id=world.users["berater_b"],
            opened_on=date(2025, 4, 1),
        )
        session.add(shared)
        session.flush()
        session.add(Contact(case_id=shared.id, occurred_at=AT, channel="PHONE", note="B intern"))
        session.commit()
        shared_id = shared.id
    for name, case_id, other_case in (
        ("berater_a", world.case_a, shared_id),
        ("berater_b", shared_id, world.case_a),
    ):
        with database.session(world.users[name]) as session:
            file = person_file.load(session, world.own, record_view=False)
        assert [case.id for case in file.cases] == [case_id], name
        assert {contact.case_id for contact in file.contacts} == {case_id}, name
        assert other_case not in {r.case_id for r in file.referrals}, name
        assert other_case not in {p.case_id for p in file.placements}, name


def test_a_case_without_a_team_of_another_teams_person_stays_hidden(
    database: Database, world: World
) -> None:
    """A case nobody took yet (no team, no counsellor) belongs to whoever sees its person:
    for team B's person it is team B's, never team A's (nor are its contacts)."""
    with database.session() as session:
        untaken = Case(person_id=world.other, opened_on=date(2025, 5, 1))
        session.add(untaken)
        session.flush()
        session.add(Contact(case_id=untaken.id, occurred_at=AT, channel="PHONE"))
        session.commit()
        untaken_id = untaken.id
    assert untaken_id in _ids(database, world.users["berater_b"], Case)
    assert untaken_id not in _ids(database, world.users["berater_a"], Case)
    with database.session(world.users["berater_a"]) as session:
        contacts = set(session.scalars(select(Contact.case_id)))
        assert untaken_id not in contacts
    # and a fresh person's untaken case: every caseworker's, as the person is
    with database.session() as session:
        open_to_all = Case(person_id=world.fresh, opened_on=date(2025, 5, 2))
        session.add(open_to_all)
        session.commit()
        fresh_case = open_to_all.id
    for name in ("berater_a", "berater_b"):
        assert fresh_case in _ids(database, world.users[name], Case), name


def test_an_aliased_entity_is_scoped_like_the_entity(database: Database, world: World) -> None:
    for name in ("berater_a", "berater_b"):
        for model in scope.CRITERIA:
            with database.session(world.users[name]) as session:
                alias = aliased(model)
                through_alias = set(session.scalars(select(alias.id)))
            assert through_alias == _ids(database, world.users[name], model), (name, model)
