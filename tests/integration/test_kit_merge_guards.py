"""The kit merge's second lines of defence: a question is asked once, and an office row that
changes between the merge's read and its write stops the merge instead of being overwritten.

Both were untested (mutants M2 and O3 of the code review survived): the round trip of
tests/integration/test_kit_e2e.py never has two laptops of one event, and nothing there
writes to the office while a merge runs.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from mzdesk.core.database import Database
from mzdesk.core.kits import crypto, export_kit, merge_kit, open_kit, return_kit
from mzdesk.core.kits.merge import MergeInterrupted
from mzdesk.core.models import (
    Case,
    Event,
    EventContact,
    EventContactOutcome,
    MergeConflict,
    Person,
    Team,
)
from tests.integration.kit_world import World, attendance_ids, build_office, contact, dump

PASS = "zwei Laptops, eine Messe"


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.sqlite'}"
    return str(request.getfixturevalue("postgres_url"))


def _laptop(office: str, world: World, folder: Path, name: str) -> str:
    """A kit of the event exported at the office and opened on laptop ``name``."""
    with Database(office) as database, database.session() as session:
        kit = export_kit(session, world.event_id, PASS, log_n=crypto.MIN_LOG_N)
        session.commit()
    laptop = f"sqlite:///{folder / f'{name}.sqlite'}"
    open_kit(kit, PASS, laptop)
    return laptop


def _edit(url: str, person_id: uuid.UUID, **values: object) -> None:
    with Database(url) as database, database.session() as session:
        found = session.get(Person, person_id)
        assert found is not None
        for key, value in values.items():
            setattr(found, key, value)
        session.commit()


def _return(laptop: str, world: World) -> bytes:
    with Database(laptop) as database, database.session() as session:
        back = return_kit(session, world.event_id, PASS, log_n=crypto.MIN_LOG_N)
        session.commit()
    return back


def _merge(office: str, back: bytes) -> int:
    with Database(office) as database, database.session() as session:
        report = merge_kit(session, back, PASS)
        session.commit()
    return report.conflicts


def _questions(office: str, person_id: uuid.UUID) -> list[tuple[str, str | None]]:
    with Database(office) as database, database.session() as session:
        rows = session.execute(
            select(MergeConflict.field, MergeConflict.kit_value)
            .where(MergeConflict.entity_id == person_id, MergeConflict.resolved_at.is_(None))
            .order_by(MergeConflict.kit_value)
        )
        return [(field, value) for field, value in rows]


def test_two_laptops_with_the_same_edit_are_one_open_question(office: str, tmp_path: Path) -> None:
    world = build_office(office)
    target = world.attendees[1]
    first = _laptop(office, world, tmp_path, "laptop1")
    second = _laptop(office, world, tmp_path, "laptop2")
    for laptop in (first, second):
        _edit(laptop, target, city="Laptopstadt")  # the same new city on both
    _edit(office, target, city="Bürostadt")  # and another one at the office meanwhile
    assert _merge(office, _return(first, world)) == 1
    assert _merge(office, _return(second, world)) == 0  # the same question is open already
    assert _questions(office, target) == [("city", '"Laptopstadt"')]


def test_two_laptops_with_different_edits_are_two_questions(office: str, tmp_path: Path) -> None:
    world = build_office(office)
    target = world.attendees[1]
    first = _laptop(office, world, tmp_path, "laptop1")
    second = _laptop(office, world, tmp_path, "laptop2")
    _edit(first, target, city="Erststadt")
    _edit(second, target, city="Zweitstadt")
    _edit(office, target, city="Bürostadt")
    assert _merge(office, _return(first, world)) == 1
    assert _merge(office, _return(second, world)) == 1
    assert _questions(office, target) == [("city", '"Erststadt"'), ("city", '"Zweitstadt"')]


def test_a_row_deleted_at_the_office_does_not_come_back_with_a_return(
    office: str, tmp_path: Path
) -> None:
    """A fair contact recorded at the office, in the kit, edited on the laptop, deleted at the
    office meanwhile: the return does not bring it back (the merge says why)."""
    world = build_office(office)
    with Database(office) as database, database.session() as session:
        contact_id = contact(session, world.event_id, attendance_ids(office)[0], world.employers[0])
        session.commit()
    laptop = _laptop(office, world, tmp_path, "laptop")
    with Database(laptop) as database, database.session() as session:
        on_laptop = session.get(EventContact, contact_id)
        assert on_laptop is not None
        on_laptop.outcome = EventContactOutcome.HIRED
        session.commit()
    with Database(office) as database, database.session() as session:
        session.delete(session.get(EventContact, contact_id))
        session.commit()
    with Database(office) as database, database.session() as session:
        report = merge_kit(session, _return(laptop, world), PASS)
        session.commit()
        assert [(r.table, r.row_id, r.reason) for r in report.rejected] == [
            ("event_contacts", str(contact_id), "deleted at the office after the kit was exported")
        ]
        assert session.get(EventContact, contact_id) is None


def test_a_return_leaves_a_person_who_became_another_teams_alone(
    office: str, tmp_path: Path
) -> None:
    """An attendee in the kit whom another team took on since (a case of Team Süd): the
    organiser's merge does not write the laptop's change into that team's person."""
    world = build_office(office)
    target = world.attendees[0]
    laptop = _laptop(office, world, tmp_path, "laptop")
    _edit(laptop, target, phone="0170 9999999")
    with Database(office) as database, database.session() as session:
        other = Team(name="Team Süd")
        session.add(other)
        session.flush()
        session.add(Case(person_id=target, team_id=other.id, opened_on=date(2025, 6, 1)))
        session.commit()
    with Database(office) as database:
        with database.session() as session:
            before = session.get(Person, target)
            assert before is not None
            phone = before.phone
        with database.session(world.organiser_id) as session:
            report = merge_kit(session, _return(laptop, world), PASS)
            session.commit()
        assert (
            "persons",
            str(target),
            "about a person of another team",
        ) in [(r.table, r.row_id, r.reason) for r in report.rejected]
        with database.session() as session:
            after = session.get(Person, target)
            assert after is not None and after.phone == phone != "0170 9999999"


def test_a_return_never_moves_the_event_to_another_team(office: str, tmp_path: Path) -> None:
    """The event's team is set at the office: a laptop that changed it (by hand, in its
    database) does not move the event, and with it its attendees, to another team."""
    world = build_office(office)
    with Database(office) as database, database.session() as session:
        other = Team(name="Team Süd")
        session.add(other)
        session.commit()
        other_id = other.id
        event = session.get(Event, world.event_id)
        assert event is not None
        team_id = event.team_id
    laptop = _laptop(office, world, tmp_path, "laptop")
    with Database(laptop) as database, database.session() as session:
        on_laptop = session.get(Event, world.event_id)
        assert on_laptop is not None
        on_laptop.team_id = other_id
        on_laptop.place = "Messehalle 2"  # an ordinary change beside it
        session.commit()
    with Database(office) as database:
        with database.session(world.organiser_id) as session:
            report = merge_kit(session, _return(laptop, world), PASS)
            session.commit()
        assert [(r.table, r.reason) for r in report.rejected] == [
            ("events", "the event's team is set at the office")
        ]
        with database.session() as session:
            event = session.get(Event, world.event_id)
            assert event is not None and event.team_id == team_id != other_id


@contextmanager
def another_writer_strikes(database: Database) -> Iterator[list[str]]:
    """Between the merge's read of the persons and its first UPDATE of one, every person's
    version moves on, as another counsellor's saved edit would make it (seen by the merge's
    UPDATE under PostgreSQL's read committed; here the same statement runs just before it,
    in the merge's own transaction, on both backends)."""
    struck: list[str] = []

    def strike(
        _connection: object,
        cursor: Any,
        statement: str,
        _parameters: object,
        _context: object,
        _many: bool,
    ) -> None:
        if not struck and statement.lstrip().upper().startswith("UPDATE PERSONS"):
            struck.append(statement)
            cursor.execute("UPDATE persons SET version = version + 1")

    event.listen(database.engine, "before_cursor_execute", strike)
    try:
        yield struck
    finally:
        event.remove(database.engine, "before_cursor_execute", strike)


def test_an_office_row_changed_during_the_merge_stops_it_and_changes_nothing(
    office: str, tmp_path: Path
) -> None:
    world = build_office(office)
    laptop = _laptop(office, world, tmp_path, "laptop")
    _edit(laptop, world.attendees[0], phone="0170 1111111")
    back = _return(laptop, world)
    before = dump(office)
    with Database(office) as database, another_writer_strikes(database) as struck:
        with database.session() as session:
            with pytest.raises(MergeInterrupted, match="changed at the office during the merge"):
                merge_kit(session, back, PASS)
            session.rollback()
        assert struck, "the merge never updated a person"
    assert dump(office) == before  # nothing of the merge (nor of the strike) is left
    # merged again, without another writer: the laptop's phone number lands
    assert _merge(office, back) == 0
    with Database(office) as database, database.session() as session:
        person = session.get(Person, world.attendees[0])
        assert person is not None and person.phone == "0170 1111111"
