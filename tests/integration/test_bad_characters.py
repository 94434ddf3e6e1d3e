"""Control, text-direction and zero-width characters at every entry (security review F12),
on SQLite and PostgreSQL.

Names, addresses and the other identity fields refuse them with a field error that says
which kind of character (the intake form and service, ``person add/edit``, the attendee and
partner CSV imports, event names); free text is cleaned (a contact's summary and note). A
Persian name keeps its zero-width non-joiner. On PostgreSQL a NUL used to abort the whole
attendee import with a traceback that printed the row (F13): now that row is rejected with
its line number and reason, and the others are imported.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Contact, Event, FollowUp, Partner, Person, User
from mzdesk.core.services import (
    attendee_import,
    cases,
    contacts,
    event_attendance,
    events,
    partners,
    short_intake,
)
from mzdesk.core.services.intake import IntakeInvalid, PersonInput, create_person

BAD = {
    "nul": "\x00",
    "control": "\x01",
    "override": "\u202e",
    "isolate": "\u2066",
    "lrm": "\u200e",
    "zwsp": "\u200b",
    "zwnj_latin": "\u200c",
    "bom": "\ufeff",
    "word_joiner": "\u2060",
}
PERSIAN = "نیک\u200cنام"  # Niknam: the ZWNJ is part of the spelling


def _count(database: Database, model: type) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def _one_line_refusal(code: int, err: str) -> str:
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mzdesk: "), err
    return lines[0]


@pytest.mark.parametrize("bad", BAD.values(), ids=BAD.keys())
def test_intake_refuses_each_kind_with_a_german_field_error(database: Database, bad: str) -> None:
    with database.session() as session, pytest.raises(IntakeInvalid) as refused:
        create_person(session, PersonInput(family_name=f"Tes{bad}tname", given_names="Eva"))
    [error] = refused.value.errors
    assert error.field == "family_name"
    assert "unsichtbares" in error.german and f"U+{ord(bad):04X}" in error.german
    assert "an Stelle 4" in error.german
    assert "Testname" not in str(refused.value) and bad not in str(refused.value)
    assert _count(database, Person) == 0


def test_every_field_of_the_form_is_checked(database: Database) -> None:
    data = PersonInput(
        family_name="Testname",
        given_names_original="Ева\u202e",
        street="Hauptstr.\u200b 1",
        city="Neu\x00stadt",
        phone="0170\u2060123456",
    )
    with database.session() as session, pytest.raises(IntakeInvalid) as refused:
        create_person(session, data)
    fields = {error.field for error in refused.value.errors}
    assert fields >= {"given_names_original", "street", "city", "phone"}


def test_a_persian_name_keeps_its_zero_width_non_joiner(database: Database) -> None:
    with database.session() as session:
        person = create_person(
            session,
            PersonInput(
                family_name="Niknam",
                given_names="Sara",
                family_name_original=PERSIAN,
                given_names_original="سارا",
            ),
        )
        session.commit()
        person_id = person.id
    with database.session() as session:
        stored = session.get(Person, person_id)
        assert stored is not None and stored.family_name_original == PERSIAN


def test_cli_person_add_and_edit_refuse_in_one_line(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(database)
    code = main(["person", "add", "--db", url, "--family-name", "Ali\u202eabc"])
    line = _one_line_refusal(code, capsys.readouterr().err)
    assert "text-direction" in line and "U+202E" in line and "Ali" not in line
    assert _count(database, Person) == 0

    assert main(["person", "add", "--db", url, "--family-name", "Testname", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    code = main(["person", "edit", "--db", url, added["file_number"], "--given-names", "\x01Eva"])
    line = _one_line_refusal(code, capsys.readouterr().err)
    assert "control character" in line and "U+0001" in line
    with database.session() as session:
        stored = session.scalars(select(Person)).one()
        assert (stored.given_names, stored.version) == ("", 1)


def _event(database: Database) -> uuid.UUID:
    with database.session() as session:
        event = events.create_event(
            session, name="Jobmesse", starts_on=date(2025, 5, 6), place="Kreishaus"
        )
        session.commit()
        return event.id


def test_attendee_import_rejects_the_nul_row_and_imports_the_others(
    database: Database, tmp_path: Path
) -> None:
    event_id = _event(database)
    path = tmp_path / "liste.csv"
    path.write_bytes(
        b"Nachname;Vorname;Geburtsdatum;Telefon\n"
        b"Nul\x00Name;Testvorname;24.11.1990;0170 8888888\n"
        b"Guttest;Erika;1985;\n"
        b"Rechts\xe2\x80\xaeLinks;Erika;1986;\n" + "Niknam;{};1991;\n".format("سا\u200cرا").encode()
    )
    with database.session() as session:
        report = attendee_import.import_attendees(session, event_id, path)
        session.commit()
    rejected = {row.line: row.reason for row in report.rejected}
    assert set(rejected) == {2, 4}
    assert "U+0000" in rejected[2] and "family name" in rejected[2]
    assert "U+202E" in rejected[4]
    for reason in rejected.values():
        assert "Name" not in reason and "1990" not in reason and "8888" not in reason
    assert report.created == 2
    with database.session() as session:
        names = set(session.scalars(select(Person.given_names)))
    assert names == {"Erika", "سا\u200cرا"}


def test_attendee_import_cli_prints_line_and_reason_only(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event_id = _event(database)
    path = tmp_path / "liste.csv"
    path.write_bytes(
        b"Nachname;Vorname;Geburtsdatum;Telefon\nNul\x00Name;Anna;24.11.1990;0170 8888888\n"
    )
    argv = ["event", "import-attendees", "--db", _url(database), "--event", str(event_id)]
    assert main([*argv, str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "line 2: family name contains an invisible control character (U+0000)" in out
    for secret in ("Nul", "Anna", "1990", "8888"):
        assert secret not in out
    assert _count(database, Person) == 0


def test_partner_import_and_add_refuse_bad_characters(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (
        "Name;Art;Ort\n"
        "Jobcenter\u202eTest;JC;Neustadt\n"
        "Agentur Test;AA;Neu\x00stadt\n"
        "Bildungsträger Test;IK;Neustadt\n"
    ).encode()
    with database.session() as session:
        report = partners.import_csv(session, data)
        session.commit()
    rejected = {row.line: row.reason for row in report.rejected}
    assert set(rejected) == {2, 3}
    assert "name" in rejected[2] and "U+202E" in rejected[2]
    assert "city" in rejected[3] and "U+0000" in rejected[3]
    assert report.created == 1
    code = main(
        ["partner", "add", "--db", _url(database), "--name", "Test\u200bAmt", "--kind", "AA"]
    )
    line = _one_line_refusal(code, capsys.readouterr().err)
    assert "zero-width" in line and "U+200B" in line
    assert _count(database, Partner) == 1


def test_event_names_refuse_bad_characters(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "event",
            "add",
            "--db",
            _url(database),
            "--name",
            "Job\u202emesse",
            "--date",
            "2025-06-01",
            "--place",
            "Kreishaus",
        ]
    )
    line = _one_line_refusal(code, capsys.readouterr().err)
    assert "U+202E" in line
    assert _count(database, Event) == 0


def test_fair_mode_short_intake_refuses_bad_characters(database: Database) -> None:
    event_id = _event(database)
    with database.session() as session, pytest.raises(MzdeskError) as refused:
        event_attendance.register_new_attendee(
            session, event_id, short_intake.ShortIntake(family_name="Test\u200dname")
        )
    assert "U+200D" in str(refused.value) and "unsichtbares" in refused.value.german
    assert _count(database, Person) == 0


def test_contact_summary_and_note_are_cleaned(database: Database) -> None:
    with database.session() as session:
        user = User(username="berater", display_name="Berater Eins")
        person = Person(file_number="MZ-K-1", family_name="Testname", given_names="Eva")
        session.add_all([user, person])
        session.flush()
        case = cases.open_case(session, person_id=person.id, counsellor_id=user.id)
        contact = contacts.add_contact(
            session,
            case_id=case.id,
            channel="phone",
            occurred_at=datetime(2025, 3, 4, 9, 30, tzinfo=UTC),
            summary="Kurs\u202e gesucht\x00",
            note="Zeile eins\r\nZeile\u200b zwei\u2066 \u200fمرحبا\u200f\x07",
            follow_up_on=date(2025, 3, 18),
            follow_up_text="Anmeldung\u2028prüfen\ufeff",
        )
        session.commit()
        contact_id = contact.id
    with database.session() as session:
        stored = session.get(Contact, contact_id)
        assert stored is not None
        assert stored.summary == "Kurs gesucht"
        assert stored.note == "Zeile eins\nZeile zwei \u200fمرحبا\u200f"
        [follow_up] = session.scalars(select(FollowUp))
        assert follow_up.text == "Anmeldung prüfen"


def test_team_and_display_names_refuse_bad_characters(database: Database) -> None:
    from mzdesk.core.models import Team
    from mzdesk.core.services import accounts
    from mzdesk.core.text import BadText

    with database.session() as session, pytest.raises(BadText) as refused:
        accounts.create_team(session, "Team\u202eNord")
    assert refused.value.german.startswith("Der Teamname enthält")
    with database.session() as session:
        accounts.create_team(session, "Team Nord")
        session.commit()
    with database.session() as session, pytest.raises(BadText) as refused:
        accounts.create_user(
            session,
            "berater9",
            "ein-langes-Passwort-9",
            display_name="Bera\x00ter",
            role=accounts.Role.COUNSELLOR,
            team="Team Nord",
        )
    assert "U+0000" in str(refused.value)
    assert _count(database, User) == 0 and _count(database, Team) == 1


def test_case_goals_and_closing_reason_are_cleaned(database: Database) -> None:
    from mzdesk.core.models import Case, CaseStatus

    with database.session() as session:
        person = Person(file_number="MZ-K-2", family_name="Testname", given_names="Eva")
        session.add(person)
        session.flush()
        case = cases.open_case(session, person_id=person.id, goals="Arbeit\x00\u202e finden")
        cases.set_status(session, case.id, CaseStatus.CLOSED, reason="erledigt\u200b")
        session.commit()
        case_id = case.id
    with database.session() as session:
        stored = session.get(Case, case_id)
        assert stored is not None and stored.goals == "Arbeit finden"
