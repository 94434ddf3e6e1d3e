"""The event kit end to end over the CLI: office → kit → laptop → return → office, twice.

Two real databases (the office on SQLite and on PostgreSQL, the laptop a SQLite file). Every
edit from both sides ends up applied or held as a conflict; nothing doubled, nothing lost; a
second merge of the same file changes nothing; bad files are refused, the database unchanged.
"""

from __future__ import annotations

import json
import struct
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mzdesk.cli import main
from mzdesk.core import migrations
from mzdesk.core.database import Database
from mzdesk.core.kits import content, crypto
from mzdesk.core.kits.merge import DUPLICATE_ENTITY
from mzdesk.core.models import (
    Attendance,
    Event,
    EventContact,
    KitMerge,
    MergeConflict,
    Partner,
    Person,
)
from tests.integration.kit_world import (
    FAIR_DAY,
    World,
    build_office,
    contact,
    dump,
    register_attendee,
)

PASS = "Kreishaus-Messe 2025 ünd mehr"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text(PASS + "\n", encoding="utf-8")
    return {
        "pass": passphrase,
        "kit": tmp_path / "fair.mzkit",
        "back": tmp_path / "fair-back.mzkit",
        "laptop": tmp_path / "laptop.sqlite",
    }


def _person(url: str, person_id: uuid.UUID) -> Person:
    with Database(url) as database, database.session() as session:
        found = session.get(Person, person_id)
        assert found is not None
        return found


def _edit(url: str, person_id: uuid.UUID, **values: object) -> None:
    with Database(url) as database, database.session() as session:
        found = session.get(Person, person_id)
        assert found is not None
        for key, value in values.items():
            setattr(found, key, value)
        session.commit()


def _count(url: str, model: type, *where: object) -> int:
    with Database(url) as database, database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _laptop_work(laptop: str, world: World) -> dict[str, uuid.UUID]:
    """Fair mode on the laptop: new attendees, contacts, a new employer, edits of people."""
    made: dict[str, uuid.UUID] = {}
    with Database(laptop) as database, database.session() as session:
        a = register_attendee(session, world.event_id, 500, "Neufamilie", "Amal", date(1999, 1, 2))
        b = register_attendee(session, world.event_id, 501, "Neufamilie", "Bilal", date(2001, 4, 5))
        # The same person as the office's "Andere0, Person0" (born 1970-06-02): a duplicate.
        c = register_attendee(session, world.event_id, 502, "Andere0", "Person0", date(1970, 6, 2))
        made.update(new_a=a[0], new_b=b[0], dup=c[0])
        made["contact1"] = contact(session, world.event_id, a[1], world.employers[0])
        made["contact2"] = contact(session, world.event_id, b[1], world.employers[1])
        newcomer = Partner(name="Bäckerei am Markt", kind="employer")
        session.add(newcomer)
        session.flush()
        made["partner"] = newcomer.id
        made["contact3"] = contact(session, world.event_id, a[1], newcomer.id)
        p = {n: session.get(Person, world.attendees[n]) for n in range(6)}
        assert all(p.values())
        p[0].phone = "0170 1111111"  # laptop only → applied
        p[1].city = "Laptopstadt"  # both sides, different → conflict
        p[2].email = "same@example.org"  # both sides, the same value → applied, no conflict
        p[4].given_names = "Vorname4 Laptop"  # laptop: given names; office: family name
        registered = session.scalars(
            select(Attendance).where(Attendance.person_id == world.attendees[5])
        ).one()
        registered.consent_to_contact = True
        registered.profession_wish = "Pflegehilfe"
        session.commit()
    return made


def _office_work(office: str, world: World) -> None:
    _edit(office, world.attendees[1], city="Bürostadt")
    _edit(office, world.attendees[2], email="same@example.org")
    _edit(office, world.attendees[3], phone="0160 3333333")  # office only → kept
    _edit(office, world.attendees[4], family_name="Testfamilie4-Büro")


@pytest.fixture(params=["sqlite", "postgresql"])
def office_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.sqlite'}"
    return str(request.getfixturevalue("postgres_url"))


def test_kit_round_trip_over_the_cli(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], office_url: str
) -> None:
    world = build_office(office_url)
    laptop = f"sqlite:///{files['laptop']}"
    code, out, err = run(
        capsys, "event", "export-kit", str(world.event_id), "-o", files["kit"],
        "--passphrase-file", files["pass"], "--db", office_url,
    )  # fmt: skip
    assert code == 0, err
    assert files["kit"].read_bytes().startswith(crypto.MAGIC)
    assert b"Testfamilie" not in files["kit"].read_bytes()  # encrypted

    code, out, err = run(
        capsys, "event", "open-kit", files["kit"], "--db", laptop,
        "--passphrase-file", files["pass"], "--json",
    )  # fmt: skip
    assert code == 0, err
    opened = json.loads(out)
    assert opened["rows"]["persons"] == 6  # only the registered attendees, never the others
    assert _count(laptop, Person, Person.id.in_(world.others)) == 0
    assert _count(laptop, Person) == 6

    made = _laptop_work(laptop, world)
    _office_work(office_url, world)

    code, out, err = run(
        capsys, "event", "return-kit", str(world.event_id)[-8:], "-o", files["back"],
        "--passphrase-file", files["pass"], "--db", laptop,
    )  # fmt: skip
    assert code == 0, err

    code, out, err = run(
        capsys, "event", "merge-kit", files["back"], "--passphrase-file", files["pass"],
        "--db", office_url, "--json",
    )  # fmt: skip
    assert code == 0, err
    report = json.loads(out)
    assert report["already_merged"] is False
    # 3 persons + their 3 nationalities + 3 languages + 3 attendances + 3 contacts + 1 partner
    assert report["inserted"] == 16
    assert report["per_table"]["persons"]["updated"] == 2  # p0 phone, p4 given (p2: same)
    assert report["updated"] == 3  # and the attendance of p5
    assert report["conflicts"] == 1
    assert report["duplicates"] == 1
    assert report["rejected"] == 0

    p = {n: _person(office_url, world.attendees[n]) for n in range(6)}
    assert p[0].phone == "0170 1111111"
    assert p[1].city == "Bürostadt"  # the office value stays until someone decides
    assert p[2].email == "same@example.org"
    assert p[3].phone == "0160 3333333"
    assert (p[4].family_name, p[4].given_names) == ("Testfamilie4-Büro", "Vorname4 Laptop")
    assert "laptop" in p[4].search_text  # derived columns follow the merged values
    with Database(office_url) as database, database.session() as session:
        conflicts = session.scalars(select(MergeConflict)).all()
        fields = {(c.entity, c.entity_id, c.field): c for c in conflicts}
        city = fields[("persons", world.attendees[1], "city")]
        assert (json.loads(city.office_value), json.loads(city.kit_value)) == (
            "Bürostadt",
            "Laptopstadt",
        )
        duplicate = fields[(DUPLICATE_ENTITY, made["dup"], "candidate")]
        assert duplicate.office_value == str(world.others[0])
        attendance = session.scalars(
            select(Attendance).where(Attendance.person_id == world.attendees[5])
        ).one()
        assert attendance.consent_to_contact and attendance.profession_wish == "Pflegehilfe"
        assert session.get(Partner, made["partner"]) is not None
        for key in ("contact1", "contact2", "contact3"):
            assert session.get(EventContact, made[key]) is not None
    assert _count(office_url, Attendance) == 9  # 6 registered + 3 new, none doubled
    assert _count(office_url, Person) == 6 + 4 + 3

    before = dump(office_url)
    code, out, err = run(
        capsys, "event", "merge-kit", files["back"], "--passphrase-file", files["pass"],
        "--db", office_url,
    )  # fmt: skip
    assert code == 0, err
    assert "was merged before: nothing changed" in out
    assert dump(office_url) == before

    # More work on the laptop, a second return: only what is new lands; nothing doubled.
    with Database(laptop) as database, database.session() as session:
        register_attendee(session, world.event_id, 503, "Spaet", "Dana", date(1990, 9, 9))
        session.get(Person, made["new_a"]).phone = "0171 2222222"  # type: ignore[union-attr]
        session.commit()
    code, _, err = run(
        capsys, "event", "return-kit", str(world.event_id), "-o", files["back"],
        "--passphrase-file", files["pass"], "--db", laptop,
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(
        capsys, "event", "merge-kit", files["back"], "--passphrase-file", files["pass"],
        "--db", office_url, "--json",
    )  # fmt: skip
    assert code == 0, err
    second = json.loads(out)
    assert second["inserted"] == 4  # person, nationality, language, attendance
    assert second["conflicts"] == 0  # the open city conflict is not asked twice
    assert _person(office_url, made["new_a"]).phone == "0171 2222222"
    assert _count(office_url, Attendance) == 10
    assert _count(office_url, KitMerge) == 2
    assert _count(office_url, MergeConflict, MergeConflict.entity == "persons") == 1


# -- bad input: each refused with one line, the office database unchanged -------------------


@pytest.fixture
def returned(tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    office = f"sqlite:///{tmp_path / 'office.sqlite'}"
    world = build_office(office, attendees=2, others=1)
    laptop = f"sqlite:///{files['laptop']}"
    assert run(capsys, "event", "export-kit", world.event_id, "-o", files["kit"],
               "--passphrase-file", files["pass"], "--db", office)[0] == 0  # fmt: skip
    assert run(capsys, "event", "open-kit", files["kit"], "--db", laptop,
               "--passphrase-file", files["pass"])[0] == 0  # fmt: skip
    with Database(laptop) as database, database.session() as session:
        register_attendee(session, world.event_id, 900, "Kit", "Neu", date(2000, 2, 2))
        session.commit()
    assert run(capsys, "event", "return-kit", world.event_id, "-o", files["back"],
               "--passphrase-file", files["pass"], "--db", laptop)[0] == 0  # fmt: skip
    return office, world


def _refused(
    capsys: pytest.CaptureFixture[str], office: str, kit: Path, passphrase: Path, words: str
) -> None:
    before = dump(office)
    code, out, err = run(
        capsys, "event", "merge-kit", kit, "--passphrase-file", passphrase, "--db", office
    )
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and words in err, err
    assert dump(office) == before


def test_wrong_passphrase(capsys, files, returned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase", encoding="utf-8")
    _refused(capsys, returned[0], files["back"], wrong, "wrong passphrase")


def test_truncated(capsys, files, returned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = files["back"].read_bytes()
    for size in (3, crypto.HEADER_SIZE - 1, crypto.HEADER_SIZE + 10, len(data) - 1):
        cut = tmp_path / f"cut{size}.mzkit"
        cut.write_bytes(data[:size])
        words = "not an mzdesk event kit" if size < len(crypto.MAGIC) else "truncated"
        _refused(capsys, returned[0], cut, files["pass"], words)


def test_flipped_bit(capsys, files, returned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(files["back"].read_bytes())
    data[len(data) // 2] ^= 0x10
    flipped = tmp_path / "flipped.mzkit"
    flipped.write_bytes(bytes(data))
    _refused(capsys, returned[0], flipped, files["pass"], "changed or damaged")


def test_kit_of_another_office(capsys, files, returned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = f"sqlite:///{tmp_path / 'other-office.sqlite'}"
    build_office(other)
    _refused(capsys, other, files["back"], files["pass"], "belongs to another office database")


def test_export_kit_is_not_merged(capsys, files, returned) -> None:  # type: ignore[no-untyped-def]
    _refused(capsys, returned[0], files["kit"], files["pass"], "export kit, not a returned one")


def test_newer_file_format(capsys, files, returned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(files["back"].read_bytes())
    struct.pack_into(">H", data, len(crypto.MAGIC), crypto.FORMAT_VERSION + 1)
    newer = tmp_path / "newer.mzkit"
    newer.write_bytes(bytes(data))
    _refused(capsys, returned[0], newer, files["pass"], "newer mzdesk (file format 2")


def _sealed_return(office: str, payload: dict[str, object]) -> bytes:
    with Database(office) as database:
        home = crypto.installation_uuid(database.installation_id)
    kit_id = uuid.UUID(str(payload["kit_id"]))
    return crypto.seal(
        content.pack(payload), PASS, kind=crypto.KitKind.RETURN, kit_id=kit_id,
        source=uuid.uuid4(), home=home, log_n=crypto.MIN_LOG_N,
    )  # fmt: skip


def test_newer_schema(capsys, files, returned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    office, world = returned
    kit_id = str(uuid.uuid4())
    payload = {"kind": "return", "kit_id": kit_id, "event_id": str(world.event_id),
               "schema": "0099_from_the_future", "changes": {}}  # fmt: skip
    newer = tmp_path / "schema.mzkit"
    newer.write_bytes(_sealed_return(office, payload))
    _refused(capsys, office, newer, files["pass"], "newer mzdesk (schema 0099_from_the_future)")


def test_event_missing(capsys, files, returned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    office, _world = returned
    payload = {"kind": "return", "kit_id": str(uuid.uuid4()), "event_id": str(uuid.uuid4()),
               "schema": migrations.HEAD, "changes": {}}  # fmt: skip
    orphan = tmp_path / "orphan.mzkit"
    orphan.write_bytes(_sealed_return(office, payload))
    _refused(capsys, office, orphan, files["pass"], "does not exist in this database")
    assert _count(office, Event) == 1


def test_open_refuses_a_database_with_data(capsys, files, returned) -> None:  # type: ignore[no-untyped-def]
    office, _world = returned
    before = dump(office)
    code, _, err = run(capsys, "event", "open-kit", files["kit"], "--db", office,
                       "--passphrase-file", files["pass"])  # fmt: skip
    assert code == 1 and "not empty" in err
    assert dump(office) == before


def test_the_same_person_registered_twice_on_the_laptop_is_one_question(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    office = f"sqlite:///{tmp_path / 'office.sqlite'}"
    world = build_office(office, attendees=2, others=1)
    laptop = f"sqlite:///{files['laptop']}"
    assert run(capsys, "event", "export-kit", world.event_id, "-o", files["kit"],
               "--passphrase-file", files["pass"], "--db", office)[0] == 0  # fmt: skip
    assert run(capsys, "event", "open-kit", files["kit"], "--db", laptop,
               "--passphrase-file", files["pass"])[0] == 0  # fmt: skip
    with Database(laptop) as database, database.session() as session:
        first = register_attendee(
            session, world.event_id, 700, "Kowalenko", "Olena", date(1990, 3, 4)
        )
        again = register_attendee(
            session, world.event_id, 701, "Kovalenko", "Olena", date(1990, 3, 4)
        )
        other = register_attendee(session, world.event_id, 702, "Brandt", "Ilse", date(1961, 8, 9))
        session.commit()
    assert run(capsys, "event", "return-kit", world.event_id, "-o", files["back"],
               "--passphrase-file", files["pass"], "--db", laptop)[0] == 0  # fmt: skip
    code, out, err = run(
        capsys, "event", "merge-kit", files["back"], "--passphrase-file", files["pass"],
        "--db", office, "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["duplicates"] == 1
    with Database(office) as database, database.session() as session:
        held = session.scalars(
            select(MergeConflict).where(MergeConflict.entity == DUPLICATE_ENTITY)
        ).all()
        pairs = {frozenset({c.entity_id, uuid.UUID(str(c.office_value))}) for c in held}
    assert pairs == {frozenset({first[0], again[0]})}  # one question, both new, not Ilse
    assert other[0] not in {c.entity_id for c in held}


def test_deletions_on_the_laptop_reach_the_office_unless_changed_or_in_use(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    from mzdesk.core.models import PersonLanguage
    from mzdesk.core.services import event_attendance

    office = f"sqlite:///{tmp_path / 'office.sqlite'}"
    world = build_office(office, attendees=3, others=0)
    with Database(office) as database, database.session() as session:
        heads = [event_attendance.add_headcount(session, world.event_id).id for _ in range(2)]
        session.commit()
        attendance = {
            person_id: session.scalars(
                select(Attendance.id).where(Attendance.person_id == person_id)
            ).one()
            for person_id in world.attendees
        }
        language = session.scalars(
            select(PersonLanguage.id).where(PersonLanguage.person_id == world.attendees[2])
        ).one()
    assert run(capsys, "event", "export-kit", world.event_id, "-o", files["kit"],
               "--passphrase-file", files["pass"], "--db", office)[0] == 0  # fmt: skip
    assert run(capsys, "event", "open-kit", files["kit"], "--db", f"sqlite:///{files['laptop']}",
               "--passphrase-file", files["pass"])[0] == 0  # fmt: skip
    with Database(f"sqlite:///{files['laptop']}") as laptop, laptop.session() as session:
        assert event_attendance.undo_headcount(session, world.event_id)  # both +1 taken back
        assert event_attendance.undo_headcount(session, world.event_id)
        for person_id in world.attendees[:2]:  # two registrations removed
            session.delete(session.get(Attendance, attendance[person_id]))
        session.delete(session.get(PersonLanguage, language))  # not a fair row
        session.commit()
    # meanwhile at the office: one head count corrected, a contact for attendee 1 recorded
    with Database(office) as database, database.session() as session:
        corrected = session.get(Attendance, heads[1])
        assert corrected is not None
        corrected.headcount = 3
        contact(session, world.event_id, attendance[world.attendees[1]], world.employers[0])
        session.commit()
    laptop_url = f"sqlite:///{files['laptop']}"
    assert run(capsys, "event", "return-kit", world.event_id, "-o", files["back"],
               "--passphrase-file", files["pass"], "--db", laptop_url)[0] == 0  # fmt: skip
    code, out, err = run(
        capsys, "event", "merge-kit", files["back"], "--passphrase-file", files["pass"],
        "--db", office, "--json",
    )  # fmt: skip
    assert code == 0, err
    report = json.loads(out)
    assert report["deleted"] == 2  # head count 0 and attendee 0's registration
    kept = {(row["table"], row["id"]): row["reason"] for row in report["kept_rows"]}
    assert set(kept) == {
        ("attendances", str(heads[1])),
        ("attendances", str(attendance[world.attendees[1]])),
        ("person_languages", str(language)),
    }
    assert "changed at the office" in kept[("attendances", str(heads[1]))]
    assert "refer to it" in kept[("attendances", str(attendance[world.attendees[1]]))]
    with Database(office) as database, database.session() as session:
        assert session.get(Attendance, heads[0]) is None
        assert session.get(Attendance, attendance[world.attendees[0]]) is None
        assert session.get(Attendance, heads[1]) is not None
        assert session.get(Attendance, attendance[world.attendees[1]]) is not None
        assert session.get(PersonLanguage, language) is not None
        assert session.get(Person, world.attendees[0]) is not None  # persons stay
    before = dump(office)
    assert run(capsys, "event", "merge-kit", files["back"], "--passphrase-file", files["pass"],
               "--db", office)[0] == 0  # fmt: skip
    assert dump(office) == before  # merged once only


def test_a_head_count_made_and_undone_on_the_laptop_between_returns_leaves_the_office(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    from mzdesk.core.services import event_attendance

    office = f"sqlite:///{tmp_path / 'office.sqlite'}"
    laptop = f"sqlite:///{files['laptop']}"
    world = build_office(office, attendees=1, others=0)
    assert run(capsys, "event", "export-kit", world.event_id, "-o", files["kit"],
               "--passphrase-file", files["pass"], "--db", office)[0] == 0  # fmt: skip
    assert run(capsys, "event", "open-kit", files["kit"], "--db", laptop,
               "--passphrase-file", files["pass"])[0] == 0  # fmt: skip

    def round_trip() -> dict[str, object]:
        assert run(capsys, "event", "return-kit", world.event_id, "-o", files["back"],
                   "--passphrase-file", files["pass"], "--db", laptop)[0] == 0  # fmt: skip
        code, out, err = run(capsys, "event", "merge-kit", files["back"], "--passphrase-file",
                             files["pass"], "--db", office, "--json")  # fmt: skip
        assert code == 0, err
        return dict(json.loads(out))

    def head_counts(url: str) -> int:
        return _count(url, Attendance, Attendance.person_id.is_(None))

    with Database(laptop) as database, database.session() as session:
        made = event_attendance.add_headcount(session, world.event_id).id  # mid-fair
        session.commit()
    round_trip()
    assert head_counts(office) == 1
    with Database(laptop) as database, database.session() as session:
        assert event_attendance.undo_headcount(session, world.event_id)  # taken back later
        session.commit()
    second = round_trip()
    assert second["deleted_rows"] == [{"table": "attendances", "id": str(made)}]
    assert head_counts(office) == head_counts(laptop) == 0


def test_a_return_cannot_delete_rows_of_another_event(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    """Whoever holds the passphrase may only take back the kit's own fair rows."""
    from mzdesk.core.services import event_attendance, events

    office = f"sqlite:///{tmp_path / 'office.sqlite'}"
    laptop = f"sqlite:///{files['laptop']}"
    world = build_office(office, attendees=1, others=0)
    with Database(office) as database, database.session() as session:
        other = events.create_event(session, name="Infoabend", starts_on=FAIR_DAY, place="Rathaus")
        foreign = event_attendance.add_headcount(session, other.id)
        session.commit()
        foreign_id = foreign.id
        foreign_row = content.encode_row(
            "attendances",
            session.execute(select(Attendance.__table__).where(Attendance.id == foreign_id)).one(),
        )
    assert run(capsys, "event", "export-kit", world.event_id, "-o", files["kit"],
               "--passphrase-file", files["pass"], "--db", office)[0] == 0  # fmt: skip
    assert run(capsys, "event", "open-kit", files["kit"], "--db", laptop,
               "--passphrase-file", files["pass"])[0] == 0  # fmt: skip
    assert run(capsys, "event", "return-kit", world.event_id, "-o", files["back"],
               "--passphrase-file", files["pass"], "--db", laptop)[0] == 0  # fmt: skip
    passphrase = files["pass"].read_text(encoding="utf-8").strip()
    header, plain = crypto.unseal(files["back"].read_bytes(), passphrase)
    payload = content.unpack(plain)
    payload["deleted"] = {"attendances": {str(foreign_id): foreign_row}}  # a crafted return
    files["back"].write_bytes(
        crypto.seal(
            content.pack(payload),
            passphrase,
            kind=header.kind,
            kit_id=header.kit_id,
            source=header.source,
            home=header.home,
            log_n=crypto.MIN_LOG_N,
        )
    )
    code, out, err = run(capsys, "event", "merge-kit", files["back"], "--passphrase-file",
                         files["pass"], "--db", office, "--json")  # fmt: skip
    assert code == 0, err
    report = json.loads(out)
    assert report["deleted"] == 0
    assert [row["reason"] for row in report["kept_rows"]] == [
        "it belongs to another event than the kit's"
    ]
    assert _count(office, Attendance, Attendance.id == foreign_id) == 1
