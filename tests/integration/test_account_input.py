"""The user administration's core refuses what the columns cannot hold with one German line,
on both backends (review 2026-12-06: on PostgreSQL a 200-character team name or a 300-character
display name was a DataError out of the save button, and a blank team name was accepted)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core.database import Database
from mzdesk.core.models import Team, User
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts

PASSWORD = "geheim-2026"


def _admin(database: Database) -> uuid.UUID:
    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Admin Test")
        session.commit()
    with database.session(admin.id) as session:
        accounts.create_team(session, "Team A")
        accounts.create_user(session, "berater", PASSWORD, team="Team A")
        session.commit()
    return admin.id


@pytest.mark.parametrize(
    ("work", "german"),
    [
        (
            lambda s: accounts.create_team(s, "T" * 121),
            "Der Teamname ist länger als 120 Zeichen.",
        ),
        (lambda s: accounts.create_team(s, "   "), "Bitte den Namen des Teams eingeben."),
        (
            lambda s: accounts.create_user(
                s, "berater2", PASSWORD, display_name="D" * 201, team="Team A"
            ),
            "Der Anzeigename ist länger als 200 Zeichen.",
        ),
        (
            lambda s: accounts.update_user(
                s, "berater", display_name="D" * 201, role=Role.COUNSELLOR, team="Team A"
            ),
            "Der Anzeigename ist länger als 200 Zeichen.",
        ),
    ],
    ids=["long team", "blank team", "long name, new", "long name, changed"],
)
def test_too_long_or_blank_is_one_german_line_and_nothing_written(
    database: Database, work: Callable[[Session], object], german: str
) -> None:
    admin = _admin(database)
    with database.session(admin) as session:
        with pytest.raises(accounts.InvalidAccount) as refused:
            work(session)
        session.rollback()
    assert refused.value.german == german
    with database.session(None) as session:
        assert session.scalar(select(func.count()).select_from(Team)) == 1
        assert sorted(session.scalars(select(User.display_name))) == ["Admin Test", "berater"]


def test_the_longest_names_the_columns_hold_are_saved(database: Database) -> None:
    admin = _admin(database)
    with database.session(admin) as session:
        accounts.create_team(session, "T" * 120)
        accounts.update_user(
            session, "berater", display_name="D" * 200, role=Role.COUNSELLOR, team="T" * 120
        )
        session.commit()
    with database.session(admin) as session:
        changed = accounts.find_user(session, "berater")
        assert changed is not None and changed.display_name == "D" * 200
