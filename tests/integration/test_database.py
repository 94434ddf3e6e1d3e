"""The storage layer on SQLite and PostgreSQL: locking, stamping, types, pragmas, constraints."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from mzdesk.core import schema
from mzdesk.core.database import BUSY_TIMEOUT_MS, Database
from mzdesk.core.models import Household, Person, PersonNationality, User


def new_person(**fields: object) -> Person:
    values: dict[str, object] = {
        "file_number": f"T-{uuid.uuid4().hex[:10]}",
        "family_name": "Testperson",
        "given_names": "Alpha",
    }
    values.update(fields)
    return Person(**values)


def add(db: Database, obj: object, user_id: uuid.UUID | None = None) -> None:
    with db.session(user_id) as session:
        session.add(obj)
        session.commit()


# --- optimistic locking ----------------------------------------------------------------------


def test_concurrent_edit_of_the_same_person_is_refused(database: Database) -> None:
    person = new_person()
    add(database, person)
    first, second = database.session(), database.session()
    try:
        mine = first.get(Person, person.id)
        theirs = second.get(Person, person.id)
        assert mine is not None and theirs is not None
        assert mine.version == theirs.version == 1
        mine.given_names = "Beta"
        theirs.given_names = "Gamma"
        first.commit()
        with pytest.raises(StaleDataError):
            second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()
    with database.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        assert stored.given_names == "Beta"  # the first edit, not silently overwritten
        assert stored.version == 2


def test_version_increments_on_each_update_only(database: Database) -> None:
    person = new_person()
    add(database, person)
    assert person.version == 1
    for expected, name in ((2, "Beta"), (3, "Gamma")):
        with database.session() as session:
            loaded = session.get(Person, person.id)
            assert loaded is not None
            loaded.given_names = name
            session.commit()
            assert loaded.version == expected
    with database.session() as session:
        loaded = session.get(Person, person.id)
        assert loaded is not None
        loaded.given_names = loaded.given_names  # the same value: not a change
        session.commit()
        assert loaded.version == 3


# --- the before_flush stamp --------------------------------------------------------------------


def test_flush_hook_fills_origin_and_updated_columns(database: Database) -> None:
    creator, editor = uuid.uuid4(), uuid.uuid4()
    with database.session() as session:  # two counsellors: accounts the scope knows
        for user_id, name in ((creator, "anlegerin"), (editor, "bearbeiter")):
            session.add(User(id=user_id, username=name, display_name=name))
        session.commit()
    installation = database.installation_id
    assert installation
    uuid.UUID(installation)  # an installation id is a UUID string

    person = new_person()
    add(database, person, creator)
    with database.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        assert stored.origin == installation
        assert stored.updated_by == creator
        created_at, first_update = stored.created_at, stored.updated_at

    with database.session(editor) as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        stored.phone = "+49 000 000000"
        session.commit()

    with database.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        assert stored.updated_by == editor
        assert stored.updated_at > first_update
        assert stored.created_at == created_at
        assert stored.origin == installation  # the creator's installation, kept on update


def test_origin_given_explicitly_is_kept(database: Database) -> None:
    """Rows merged in from an event kit keep the laptop's installation as origin."""
    laptop = str(uuid.uuid4())
    person = new_person(origin=laptop)
    add(database, person)
    with database.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        assert stored.origin == laptop


def test_installation_id_is_stable_across_openings(database_url: str) -> None:
    db = Database(database_url, create=True)
    assert db.installation_id == ""  # an empty database before its first upgrade
    schema.upgrade(db)
    db.close()
    first = Database(database_url)
    second = Database(database_url)
    try:
        assert first.installation_id
        assert second.installation_id == first.installation_id
    finally:
        first.close()
        second.close()


# --- types -------------------------------------------------------------------------------------


def test_uuid_keys_round_trip(database: Database) -> None:
    household = Household(label="Haushalt 1")
    add(database, household)
    person = new_person(household=household)
    add(database, person)
    assert isinstance(person.id, uuid.UUID)
    with database.session() as session:
        stored = session.scalars(select(Person).where(Person.id == person.id)).one()
        assert isinstance(stored.id, uuid.UUID)
        assert stored.id == person.id
        assert stored.household_id == household.id
        assert isinstance(stored.household_id, uuid.UUID)


def test_timestamps_come_back_as_aware_utc(database: Database) -> None:
    berlin_summer = timezone(timedelta(hours=2))
    moment = datetime(2025, 7, 1, 14, 30, 15, 123456, tzinfo=berlin_summer)
    user = User(username=f"u{uuid.uuid4().hex[:8]}", display_name="Berater", locked_until=moment)
    add(database, user)
    with database.session() as session:
        stored = session.get(User, user.id)
        assert stored is not None
        assert stored.locked_until is not None
        assert stored.locked_until.utcoffset() == timedelta(0)
        assert stored.locked_until.tzinfo is UTC
        assert stored.locked_until == moment  # the same instant
        assert stored.locked_until.hour == 12
        assert stored.created_at.tzinfo is UTC


def test_naive_datetime_is_rejected(database: Database) -> None:
    naive = datetime(2025, 7, 1, 14, 30)  # naive on purpose
    with database.session() as session:
        session.add(User(username="naive", display_name="Naiv", locked_until=naive))
        with pytest.raises(StatementError, match="naive datetime"):
            session.commit()


# --- SQLite pragmas and constraints ----------------------------------------------------------


def test_sqlite_connection_settings(sqlite_url: str) -> None:
    db = Database(sqlite_url, create=True)
    try:
        schema.upgrade(db)
        db.engine.dispose()  # a new connection, not one from the pool that ran the upgrade
        with db.engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS == 5000
            assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert db.path is not None
        # WAL is kept in the file: any other program opening it sees WAL too.
        raw = sqlite3.connect(db.path)
        try:
            assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        finally:
            raw.close()
    finally:
        db.close()


def test_foreign_key_violation_is_refused(database: Database) -> None:
    with database.session() as session:
        session.add(PersonNationality(person_id=uuid.uuid4(), country_code="SY"))
        with pytest.raises(IntegrityError):
            session.commit()
    with database.engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM person_nationalities")).scalar()
        assert count == 0


def test_unique_file_number_is_enforced(database: Database) -> None:
    add(database, new_person(file_number="T-0001"))
    with database.session() as session:
        session.add(new_person(file_number="T-0001"))
        with pytest.raises(IntegrityError):
            session.commit()


def test_flush_keys_a_person_for_sorting_when_names_change(database: Database) -> None:
    from mzdesk.core.names import person_sort_key

    with database.session() as session:
        person = Person(file_number="MZ-T-1", family_name="Öztürk-Kaya", given_names="Ece")
        session.add(person)
        session.commit()
        assert person.sort_key == person_sort_key("Öztürk-Kaya", "Ece")
        person.family_name = "Ağaoğlu"
        session.commit()
    with database.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        assert stored.sort_key == "agaoglu ece"
