"""Importing a registration list: delimiters, encodings, dates, rejected rows with their line
numbers, duplicates against existing persons, one transaction — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from mzdesk.core.database import Database
from mzdesk.core.models import Attendance, BirthDatePrecision, Person, PersonNationality
from mzdesk.core.services import attendee_import, event_attendance, events
from mzdesk.core.services.attendee_import import BadValue, parse_birth_date
from mzdesk.core.services.short_intake import ShortIntake

TODAY = date(2026, 11, 1)


def _event(database: Database) -> uuid.UUID:
    with database.session() as session:
        event = events.create_event(
            session, name="Jobmesse", starts_on=date(2026, 5, 6), place="Kreishaus"
        )
        session.commit()
        return event.id


def _count(database: Database, model: type) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _import(database: Database, event_id: uuid.UUID, path: Path, **kw: object):  # type: ignore[no-untyped-def]
    with database.session() as session:
        report = attendee_import.import_attendees(session, event_id, path, **kw)  # type: ignore[arg-type]
        session.commit()
    return report


SEMICOLON_CP1252 = (
    "Nachname;Vorname;Geburtsdatum;Telefon;Sprachen;Deutsch;Berufswunsch;Einwilligung\r\n"
    "Müller-Öztürk;Jürgen;24.11.1990;0151 111;türkisch, englisch B1;B1;Bäcker;ja\r\n"
    ";Amal;1991;;;;;ja\r\n"
    "Haddad;Samir;31.02.1988;;;;;nein\r\n"
    "Straßer;Zoë;24.11.90;;;;;\r\n"
    "Rahimi;Omid;1985;;;;Koch;x\r\n"
    "Karimi;Nour;gestern;;;;;ja\r\n"
)


def test_semicolon_windows_1252_with_rejected_lines(database: Database, tmp_path: Path) -> None:
    event_id = _event(database)
    path = tmp_path / "anmeldungen.csv"
    path.write_bytes(SEMICOLON_CP1252.encode("cp1252"))
    report = _import(database, event_id, path)
    assert (report.encoding, report.delimiter) == ("windows-1252", ";")
    assert report.created == 3
    assert [(r.line, r.reason.split(":")[0]) for r in report.rejected] == [
        (3, "family name is missing"),
        (4, "no such date"),
        (7, "birth date not readable"),
    ]
    with database.session() as session:
        people = {p.family_name: p for p in session.scalars(select(Person))}
        assert set(people) == {"Müller-Öztürk", "Straßer", "Rahimi"}
        assert people["Straßer"].given_names == "Zoë"
        assert people["Straßer"].birth_date == date(1990, 11, 24)
        assert people["Rahimi"].birth_date_precision is BirthDatePrecision.YEAR
        attendance = session.scalars(
            select(Attendance).where(Attendance.person_id == people["Müller-Öztürk"].id)
        ).one()
        assert attendance.registered_beforehand and attendance.consent_to_contact
        assert (attendance.german_level, attendance.profession_wish) == ("B1", "Bäcker")
    assert _count(database, Attendance) == 3


def test_comma_utf8_bom_quoted_and_excel_serial(database: Database, tmp_path: Path) -> None:
    event_id = _event(database)
    path = tmp_path / "list.csv"
    text = (
        "Family name,Given names,Date of birth,Nationality,Profession\n"
        'Коваленко,Олена,33201,Ukraine,"Lehrerin, Mathe"\n'
        "Ağaoğlu,Ayşe,1988-03-14 00:00:00,TR,\n"
        "Nguyen,Thi,1979,VN\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    report = _import(database, event_id, path)
    assert (report.encoding, report.delimiter, report.created) == ("utf-8", ",", 2)
    assert [(r.line, r.reason) for r in report.rejected] == [(4, "expected 5 fields, found 4")]
    with database.session() as session:
        kovalenko = session.scalars(select(Person).where(Person.family_name == "Коваленко")).one()
        assert kovalenko.birth_date == date(1990, 11, 24)  # Excel day 33201
        nationality = session.scalars(
            select(PersonNationality.country_code).where(
                PersonNationality.person_id == kovalenko.id
            )
        ).one()
        assert nationality == "UA"
        profession = session.scalars(
            select(Attendance.profession_wish).where(Attendance.person_id == kovalenko.id)
        ).one()
        assert profession == "Lehrerin, Mathe"


def test_duplicates_certain_link_possible_review_and_reimport(
    database: Database, tmp_path: Path
) -> None:
    event_id = _event(database)
    with database.session() as session:
        other_event = events.create_event(
            session, name="Infoabend", starts_on=date(2026, 1, 1), place="Bürgerhaus"
        )
        known = event_attendance.register_new_attendee(
            session,
            other_event.id,
            ShortIntake(
                family_name="Ahmadi",
                given_names="Mohammed",
                birth_date=date(1990, 3, 14),
                birth_date_precision=BirthDatePrecision.EXACT,
            ),
        )
        event_attendance.register_new_attendee(
            session,
            other_event.id,
            ShortIntake(
                family_name="Kovalenko",
                given_names="Olena",
                birth_date=date(1985, 6, 1),
                birth_date_precision=BirthDatePrecision.EXACT,
            ),
        )
        session.commit()
        known_person = known.person_id
    path = tmp_path / "dups.csv"
    path.write_text(
        "Nachname;Vorname;Geburtsdatum\n"
        "Ahmadi;Muhammad;14.03.1990\n"  # transliteration variant, same exact date: certain
        "Kowalenko;Olena;1985\n"  # year only: likely, not certain → new + review
        "Ahmadi;Muhammad;14.03.1990\n",  # the same person again in the file
        encoding="utf-8",
    )
    report = _import(database, event_id, path)
    assert (report.linked, report.created) == (1, 1)
    assert [(r.line, r.reason) for r in report.rejected] == [(4, "same person as line 2")]
    assert [r.line for r in report.possible_duplicates] == [3]
    with database.session() as session:
        here = set(
            session.scalars(select(Attendance.person_id).where(Attendance.event_id == event_id))
        )
        assert known_person in here and len(here) == 2
    # The same list again adds nobody.
    again = _import(database, event_id, path)
    assert (again.created, again.linked) == (0, 0)
    assert sorted(r.line for r in again.already_registered) == [2, 3]
    assert _count(database, Person) == 3


def test_a_person_twice_in_the_file_with_another_spelling_is_registered_once(
    database: Database, tmp_path: Path
) -> None:
    event_id = _event(database)
    path = tmp_path / "twice.csv"
    path.write_text(
        "Nachname;Vorname;Geburtsdatum\n"
        "Kowalenko;Olena;04.03.1990\n"
        "Brandt;Ilse;09.08.1961\n"
        "Kovalenko;Olena;1990-03-04\n",  # the same woman, another transliteration
        encoding="utf-8",
    )
    report = _import(database, event_id, path)
    assert report.created == 2 and report.rejected == []
    assert [r.line for r in report.already_registered] == [4]
    with database.session() as session:
        olena = session.scalars(select(Person).where(Person.family_name == "Kowalenko")).one()
    assert report.already_registered[0].file_number == olena.file_number
    assert _count(database, Person) == 2


def test_two_alike_people_in_the_file_are_both_registered_and_flagged(
    database: Database, tmp_path: Path
) -> None:
    """Alike but not certainly the same (year only on one side, other phones): nobody is
    dropped as "already registered"; the later row names the earlier one to check."""
    event_id = _event(database)
    path = tmp_path / "alike.csv"
    path.write_text(
        "Nachname;Vorname;Geburtsdatum;Telefon\n"
        "Hussein;Omid;1990;0151 1000018\n"
        "Hosseini;Omid;03.03.1990;0151 1000023\n",
        encoding="utf-8",
    )
    report = _import(database, event_id, path)
    assert report.created == 2 and report.already_registered == []
    with database.session() as session:
        first = session.scalars(select(Person).where(Person.family_name == "Hussein")).one()
    assert [(r.line, r.candidates) for r in report.possible_duplicates] == [
        (3, (first.file_number,))
    ]


def test_a_failure_midway_leaves_nothing(database: Database, tmp_path: Path) -> None:
    event_id = _event(database)
    path = tmp_path / "ok.csv"
    path.write_text("Nachname;Vorname\nEins;A\nZwei;B\n", encoding="utf-8")
    with database.session() as session:
        attendee_import.import_attendees(session, event_id, path)
        session.rollback()  # the caller's transaction: all or nothing
    assert _count(database, Person) == 0
    assert _count(database, Attendance) == 0


def test_whole_file_problems(database: Database, tmp_path: Path) -> None:
    event_id = _event(database)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    no_name = tmp_path / "noname.csv"
    no_name.write_text("Telefon;Ort\n1;2\n", encoding="utf-8")
    with database.session() as session:
        with pytest.raises(attendee_import.AttendeeImportError, match="empty"):
            attendee_import.import_attendees(session, event_id, empty)
        with pytest.raises(attendee_import.AttendeeImportError, match="family name"):
            attendee_import.import_attendees(session, event_id, no_name)
        report = attendee_import.import_attendees(
            session, event_id, no_name, mapping={"Ort": "family_name"}
        )
        assert report.created == 1
        session.rollback()


def test_preview_maps_first_rows_and_lists_problems(tmp_path: Path) -> None:
    data = SEMICOLON_CP1252.encode("cp1252")
    shown = attendee_import.preview(data, limit=2)
    assert shown.good == 3
    assert [row.line for row in shown.rows] == [2, 3]
    assert shown.rows[0].cells["family_name"] == "Müller-Öztürk"
    assert shown.rows[1].intake is None
    assert [r.line for r in shown.rejected] == [3, 4, 7]
    assert attendee_import.headings_of(data)[:2] == ["Nachname", "Vorname"]


def test_cli_import_json(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mzdesk.cli import _Parser
    from mzdesk.cli.event_fair_cmd import add_event_parsers

    event_id = _event(database)
    path = tmp_path / "a.csv"
    path.write_bytes(SEMICOLON_CP1252.encode("cp1252"))
    parser = _Parser(prog="mzdesk")
    actions = parser.add_subparsers(dest="command").add_parser("event").add_subparsers()
    add_event_parsers(actions)
    url = database.url.render_as_string(hide_password=False)
    args = parser.parse_args(
        ["event", "import-attendees", str(path), "--event", str(event_id), "--db", url, "--json"]
    )
    assert args.func(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["created"] == 3 and [r["line"] for r in data["rejected"]] == [3, 4, 7]


# --- dates (no database) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("24.11.1990", date(1990, 11, 24), BirthDatePrecision.EXACT),
        ("4.3.1990", date(1990, 3, 4), BirthDatePrecision.EXACT),
        ("24.11.90", date(1990, 11, 24), BirthDatePrecision.EXACT),
        ("24.11.05", date(2005, 11, 24), BirthDatePrecision.EXACT),
        ("24.11.15", date(1915, 11, 24), BirthDatePrecision.EXACT),  # would be 11 years old
        ("24/11/1990", date(1990, 11, 24), BirthDatePrecision.EXACT),
        ("1990-11-24", date(1990, 11, 24), BirthDatePrecision.EXACT),
        ("1990-11-24T00:00:00", date(1990, 11, 24), BirthDatePrecision.EXACT),
        ("1990", date(1990, 1, 1), BirthDatePrecision.YEAR),
        ("01.01.1990", date(1990, 1, 1), BirthDatePrecision.PLACEHOLDER),
        ("33201", date(1990, 11, 24), BirthDatePrecision.EXACT),
        ("33201,0", date(1990, 11, 24), BirthDatePrecision.EXACT),
        ("", None, BirthDatePrecision.EXACT),
    ],
)
def test_birth_dates(text: str, expected: date | None, precision: BirthDatePrecision) -> None:
    assert parse_birth_date(text, TODAY) == (expected, precision)


@pytest.mark.parametrize(
    "text", ["31.02.1990", "1990-13-01", "24.11.2030", "1850", "morgen", "1.2"]
)
def test_bad_birth_dates(text: str) -> None:
    with pytest.raises(BadValue):
        parse_birth_date(text, TODAY)


@given(st.dates(min_value=date(1900, 1, 2), max_value=TODAY))
def test_german_iso_and_excel_forms_agree(day: date) -> None:
    german = parse_birth_date(day.strftime("%d.%m.%Y"), TODAY)[0]
    iso = parse_birth_date(day.isoformat(), TODAY)[0]
    assert german == iso == day
    serial = (day - attendee_import.EXCEL_EPOCH).days
    if 10000 <= serial <= 99999:
        assert parse_birth_date(str(serial), TODAY)[0] == day
