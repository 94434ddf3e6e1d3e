"""The UI's one session block (mzdesk.ui.session_scope, AreaContext.read/write), on SQLite and
PostgreSQL: a write is committed, a read never is, anything raised leaves the database as it
was, and a refusal reaches the caller as its German text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mzdesk.core.database import Database
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Team
from mzdesk.ui import session_scope
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.settings import Settings


def _teams(database: Database) -> list[str]:
    with database.session() as session:
        return sorted(session.scalars(select(Team.name)))


def _adding(name: str, then: Callable[[], object] = lambda: None) -> Callable[[Session], Team]:
    def work(session: Session) -> Team:
        team = Team(name=name)
        session.add(team)
        session.flush()  # in the database's transaction, not yet committed
        then()
        return team

    return work


def _refuse() -> None:
    raise MzdeskError("no such thing", german="Das gibt es nicht.")


def test_a_write_is_committed_and_returns_what_the_work_returned(database: Database) -> None:
    team = session_scope.write(database.session, _adding("Team Nord"))
    assert _teams(database) == ["Team Nord"]
    assert team.name == "Team Nord" and team.id is not None  # loaded, usable after the block


def test_a_read_is_never_committed(database: Database) -> None:
    team = session_scope.read(database.session, _adding("Team Nord"))
    assert team.name == "Team Nord"
    assert _teams(database) == []


def test_a_read_returns_objects_that_keep_what_they_loaded(database: Database) -> None:
    session_scope.write(database.session, _adding("Team Süd"))
    found = session_scope.read(
        database.session, lambda session: session.scalars(select(Team)).one()
    )
    assert (found.name, found.active) == ("Team Süd", True)


@pytest.mark.parametrize("scope", ["read", "write"])
def test_a_refusal_goes_to_the_caller_in_german_and_nothing_is_stored(
    database: Database, scope: str
) -> None:
    said: list[str] = []
    run = getattr(session_scope, scope)
    assert run(database.session, _adding("Team Nord", _refuse), refused=said.append) is None
    assert said == ["Das gibt es nicht."]
    assert _teams(database) == []


@pytest.mark.parametrize("scope", ["read", "write"])
def test_without_a_refused_callback_the_refusal_goes_on(database: Database, scope: str) -> None:
    run = getattr(session_scope, scope)
    with pytest.raises(MzdeskError, match="no such thing"):
        run(database.session, _adding("Team Nord", _refuse))
    assert _teams(database) == []


def test_other_errors_go_on_to_the_caller_even_with_a_refused_callback(
    database: Database,
) -> None:
    said: list[str] = []

    def broken() -> None:
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        session_scope.write(database.session, _adding("Team Nord", broken), refused=said.append)
    assert said == []
    assert _teams(database) == []


def test_a_failed_commit_is_rolled_back_and_goes_on(database: Database) -> None:
    session_scope.write(database.session, _adding("Team Nord"))

    def both(session: Session) -> None:
        session.add(Team(name="Team Ost"))
        session.add(Team(name="Team Nord"))  # the name is taken: the commit fails

    with pytest.raises(IntegrityError):
        session_scope.write(database.session, both, refused=lambda _german: None)
    assert _teams(database) == ["Team Nord"]  # Team Ost went with the failed commit
    # the database is usable right after (no transaction left open)
    session_scope.write(database.session, _adding("Team West"))
    assert _teams(database) == ["Team Nord", "Team West"]


def test_the_area_context_reads_and_writes_in_its_own_sessions(database: Database) -> None:
    ctx = AreaContext(database.session, Settings())
    said: list[str] = []
    assert ctx.write(_adding("Team Nord")).name == "Team Nord"
    assert ctx.read(_adding("Team Süd")).name == "Team Süd"  # not committed
    assert ctx.write(_adding("Team Ost", _refuse), refused=said.append) is None
    assert ctx.read(lambda session: session.scalar(select(func.count(Team.id)))) == 1
    assert said == ["Das gibt es nicht."]
    assert _teams(database) == ["Team Nord"]
