"""Property tests of the kit merge: random edits on both sides, and damaged files.

For every (person, field) the outcome is one of: unchanged, the laptop's value applied, the
office's value kept, or the office value kept with a conflict holding both values — decided by
which side changed it, never by which came last. New attendees arrive exactly once. A kit with
any byte changed is refused and the office database stays as it was.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from mzdesk.core.database import Database
from mzdesk.core.kits import KitRefused, crypto, export_kit, merge_kit, open_kit, return_kit
from mzdesk.core.models import Attendance, MergeConflict, Person
from tests.integration.kit_world import World, build_office, dump, register_attendee

PASS = "hypothesis"
COST = crypto.MIN_LOG_N
FIELDS = ("phone", "city", "email", "given_names")
VALUES = ("A", "B", "C")
ATTENDEES = 3


@pytest.fixture(scope="module")
def template() -> Iterator[tuple[Path, World]]:
    folder = Path(tempfile.mkdtemp(prefix="kit-prop-"))
    path = folder / "office.sqlite"
    world = build_office(f"sqlite:///{path}", attendees=ATTENDEES, others=1)
    with Database(f"sqlite:///{path}") as database, database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    yield path, world
    shutil.rmtree(folder, ignore_errors=True)


def _copy(template: Path, folder: Path) -> str:
    target = folder / "office.sqlite"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


Edit = tuple[str, int, str, str]  # side, attendee index, field, value
edits = st.lists(
    st.tuples(
        st.sampled_from(("laptop", "office")),
        st.integers(0, ATTENDEES - 1),
        st.sampled_from(FIELDS),
        st.sampled_from(VALUES),
    ),
    max_size=12,
)


def _apply(url: str, world: World, side_edits: list[Edit]) -> None:
    with Database(url) as database, database.session() as session:
        for _side, index, field, value in side_edits:
            found = session.get(Person, world.attendees[index])
            assert found is not None
            setattr(found, field, value)
            session.commit()


def _values(url: str, world: World) -> dict[tuple[int, str], object]:
    with Database(url) as database, database.session() as session:
        out: dict[tuple[int, str], object] = {}
        for index, person_id in enumerate(world.attendees):
            found = session.get(Person, person_id)
            assert found is not None
            for field in FIELDS:
                out[(index, field)] = getattr(found, field)
        return out


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(script=edits, newcomers=st.integers(0, 3))
def test_every_edit_applied_or_held_as_conflict(
    template: tuple[Path, World], script: list[Edit], newcomers: int
) -> None:
    path, world = template
    with tempfile.TemporaryDirectory() as raw:
        folder = Path(raw)
        office = _copy(path, folder)
        laptop = f"sqlite:///{folder / 'laptop.sqlite'}"
        with Database(office) as database, database.session() as session:
            kit = export_kit(session, world.event_id, PASS, log_n=COST)
        open_kit(kit, PASS, laptop)
        base = _values(office, world)
        _apply(laptop, world, [edit for edit in script if edit[0] == "laptop"])
        _apply(office, world, [edit for edit in script if edit[0] == "office"])
        with Database(laptop) as database, database.session() as session:
            for n in range(newcomers):
                register_attendee(
                    session, world.event_id, 700 + n, "Neu", f"N{n}", date(1990, 1, 1 + n)
                )
            session.commit()
        lap, off = _values(laptop, world), _values(office, world)
        with Database(laptop) as database, database.session() as session:
            back = return_kit(session, world.event_id, PASS, log_n=COST)
            session.commit()
        with Database(office) as database, database.session() as session:
            report = merge_kit(session, back, PASS)
            session.commit()
        result = _values(office, world)
        with Database(office) as database, database.session() as session:
            conflicts = {
                (c.entity_id, c.field): (
                    json.loads(c.office_value or "null"),
                    json.loads(c.kit_value or "null"),
                )
                for c in session.scalars(
                    select(MergeConflict).where(MergeConflict.entity == "persons")
                )
            }
            attendances = session.scalar(select(func.count()).select_from(Attendance))
        expected_conflicts = 0
        for (index, field), was in base.items():
            kit_side, here = lap[(index, field)], off[(index, field)]
            got = result[(index, field)]
            key = (world.attendees[index], field)
            if kit_side == was:
                assert got == here and key not in conflicts
            elif here in (was, kit_side):
                assert got == kit_side and key not in conflicts
            else:  # both changed it, differently: office kept, both values held
                assert got == here
                assert conflicts[key] == (here, kit_side)
                expected_conflicts += 1
        assert report.conflicts == expected_conflicts == len(conflicts)
        assert attendances == ATTENDEES + newcomers
        assert report.inserted == 4 * newcomers  # person, nationality, language, attendance
        before = dump(office)
        with Database(office) as database, database.session() as session:
            again = merge_kit(session, back, PASS)
            session.commit()
        assert again.already_merged and dump(office) == before


@pytest.fixture(scope="module")
def returned(template: tuple[Path, World]) -> Iterator[tuple[Path, bytes]]:
    path, world = template
    folder = Path(tempfile.mkdtemp(prefix="kit-flip-"))
    office = _copy(path, folder)
    laptop = f"sqlite:///{folder / 'laptop.sqlite'}"
    with Database(office) as database, database.session() as session:
        kit = export_kit(session, world.event_id, PASS, log_n=COST)
    open_kit(kit, PASS, laptop)
    with Database(laptop) as database, database.session() as session:
        register_attendee(session, world.event_id, 800, "Flip", "Bit", date(1991, 2, 3))
        session.commit()
        back = return_kit(session, world.event_id, PASS, log_n=COST)
    yield folder / "office.sqlite", back
    shutil.rmtree(folder, ignore_errors=True)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_flipped_byte_is_refused(returned: tuple[Path, bytes], data: st.DataObject) -> None:
    path, back = returned
    index = data.draw(st.integers(0, len(back) - 1), label="byte")
    mask = data.draw(st.integers(1, 255), label="xor")
    damaged = bytearray(back)
    damaged[index] ^= mask
    url = f"sqlite:///{path}"
    before = dump(url)
    with Database(url) as database, database.session() as session:
        with pytest.raises(KitRefused) as refused:
            merge_kit(session, bytes(damaged), PASS)
        session.rollback()
    assert "\n" not in str(refused.value)
    assert dump(url) == before


def test_the_undamaged_kit_merges(returned: tuple[Path, bytes]) -> None:
    path, back = returned
    with Database(f"sqlite:///{path}") as database, database.session() as session:
        report = merge_kit(session, back, PASS)
        session.rollback()
    assert report.inserted == 4 and not report.already_merged
    assert uuid.UUID(str(report.kit_id))
