"""Events: create/edit, registration (new and existing persons), head count, employer contacts,
the tally, the printed lists, and the CLI commands — on SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
import json
import subprocess
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from mzdesk.core.database import Database
from mzdesk.core.models import (
    AuditEntry,
    BirthDatePrecision,
    Case,
    CaseSource,
    EventContact,
    EventContactOutcome,
    EventKind,
    Partner,
    Person,
    PersonLanguage,
)
from mzdesk.core.services import events
from mzdesk.core.services.events import LanguageEntry, PartnerPresence, ShortIntake


def _partners(database: Database) -> list[uuid.UUID]:
    with database.session() as session:
        rows = [
            Partner(name=name, kind=kind, city="Neustadt", letter_language="de", active=True)
            for name, kind in (
                ("Bäckerei Probst", "AG"),
                ("Pflegedienst Sonnenweg", "AG"),
                ("Agentur für Arbeit Neustadt", "AA"),
            )
        ]
        session.add_all(rows)
        session.commit()
        return [row.id for row in rows]


def _event(database: Database, partner_ids: list[uuid.UUID]) -> uuid.UUID:
    with database.session() as session:
        event = events.create_event(
            session,
            name="Jobmesse Test",
            starts_on=date(2026, 5, 6),
            place="Kreishaus Neustadt",
            partners=[
                PartnerPresence(partner_ids[0], True, "Stand 10"),
                PartnerPresence(partner_ids[1], True, "Stand 2"),
                PartnerPresence(partner_ids[2], False, None),
            ],
        )
        session.commit()
        return event.id


def test_event_lifecycle(database: Database) -> None:
    partner_ids = _partners(database)
    event_id = _event(database, partner_ids)
    with database.session() as session:
        employers = events.employers(session, event_id)
        # Booth order, naturally sorted: Stand 2 before Stand 10.
        assert [(e.number, e.name) for e in employers] == [
            (1, "Pflegedienst Sonnenweg"),
            (2, "Bäckerei Probst"),
        ]
        attendance = events.register_new_attendee(
            session,
            event_id,
            ShortIntake.with_birth_year(
                1990,
                family_name="Öztürk",
                given_names="Ayşe",
                languages=(LanguageEntry("tr", "NATIVE"),),
                german_level="b1",
                profession_wish="Pflegehelferin",
                phone="0151 2345678",
                consent_to_contact=True,
            ),
        )
        events.register_new_attendee(
            session, event_id, ShortIntake.with_birth_year(None, family_name="Коваленко")
        )
        events.add_headcount(session, event_id)
        events.add_headcount(session, event_id)
        events.add_headcount(session, event_id)
        assert events.undo_headcount(session, event_id)
        events.record_contact(
            session, event_id, attendance.id, employers[0].partner_id, EventContactOutcome.TALK
        )
        events.record_contact(
            session, event_id, attendance.id, employers[1].partner_id, EventContactOutcome.HIRED
        )
        session.commit()

    with database.session() as session:
        tally = events.tally(session, event_id)
        assert (tally.registered, tally.anonymous, tally.attendees) == (2, 2, 4)
        assert tally.outcome(EventContactOutcome.TALK) == 1
        assert tally.outcome(EventContactOutcome.HIRED) == 1
        assert tally.outcome(EventContactOutcome.INTERVIEW) == 0
        person = session.scalars(select(Person).where(Person.family_name == "Öztürk")).one()
        assert person.birth_date == date(1990, 1, 1)
        assert person.birth_date_precision is BirthDatePrecision.YEAR
        assert person.file_number.startswith(f"MZ-{date.today().year}-E")
        languages = {
            (row.language_code, row.cefr_level)
            for row in session.scalars(
                select(PersonLanguage).where(PersonLanguage.person_id == person.id)
            )
        }
        assert languages == {("tr", "NATIVE"), ("de", "B1")}
        # Consent → a case from the event; no consent → no case.
        cases = session.scalars(select(Case)).all()
        assert [(c.person_id, c.source, c.event_id) for c in cases] == [
            (person.id, CaseSource.EVENT, event_id)
        ]
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 2
        rows = events.attendees(session, event_id)
        assert [(r.number, r.family_name, r.contacts) for r in rows] == [
            (1, "Öztürk", 2),
            (2, "Коваленко", 0),
        ]
        listed = events.list_events(session, text="jobmesse")
        assert [(e.registered, e.anonymous, e.employers) for e in listed] == [(2, 2, 2)]
        detail = events.event_detail(session, event_id)
        assert detail.tally == tally
        assert [p.number for p in detail.partners] == [1, 2, None]


def test_contacts_need_consent_and_an_employer(database: Database) -> None:
    partner_ids = _partners(database)
    event_id = _event(database, partner_ids)
    with database.session() as session:
        no_consent = events.register_new_attendee(
            session, event_id, ShortIntake.with_birth_year(1985, family_name="Haddad")
        )
        with pytest.raises(events.EventError, match="consent"):
            events.record_contact(
                session, event_id, no_consent.id, partner_ids[0], EventContactOutcome.TALK
            )
        consented = events.register_new_attendee(
            session,
            event_id,
            ShortIntake.with_birth_year(1985, family_name="Rahimi", consent_to_contact=True),
        )
        with pytest.raises(events.EventError, match="not an employer"):
            events.record_contact(
                session, event_id, consented.id, partner_ids[2], EventContactOutcome.TALK
            )
        session.rollback()
        assert session.scalar(select(func.count()).select_from(EventContact)) == 0


def test_existing_person_registers_once(database: Database) -> None:
    event_id = _event(database, _partners(database))
    with database.session() as session:
        first = events.register_new_attendee(
            session, event_id, ShortIntake.with_birth_year(1979, family_name="Nguyen")
        )
        session.commit()
        assert first.person_id is not None
        with pytest.raises(events.AlreadyRegistered) as info:
            events.register_person(session, event_id, first.person_id)
        assert info.value.attendance_id == first.id


@pytest.mark.parametrize(
    ("intake", "message"),
    [
        (ShortIntake(family_name="  "), "family name is missing"),
        (ShortIntake.with_birth_year(1850, family_name="Alt"), "not plausible"),
        (ShortIntake(family_name="X", german_level="Z9"), "German level"),
        (ShortIntake(family_name="X", languages=(LanguageEntry("xx"),)), "unknown language"),
    ],
)
def test_bad_intake_is_refused(database: Database, intake: ShortIntake, message: str) -> None:
    event_id = _event(database, _partners(database))
    with database.session() as session:
        with pytest.raises(events.EventError, match=message):
            events.register_new_attendee(session, event_id, intake)
        session.rollback()
        assert session.scalar(select(func.count()).select_from(Person)) == 0


def test_edit_event_keeps_partner_rows(database: Database) -> None:
    partner_ids = _partners(database)
    event_id = _event(database, partner_ids)
    with database.session() as session:
        version = events.event_detail(session, event_id).version
        events.edit_event(
            session,
            event_id,
            expected_version=version,
            name="Jobmesse 2026",
            kind=EventKind.OUTREACH,
            partners=[PartnerPresence(partner_ids[0], False, "A")],
        )
        session.commit()
        detail = events.event_detail(session, event_id)
        assert (detail.name, detail.kind) == ("Jobmesse 2026", EventKind.OUTREACH)
        assert [(p.name, p.is_employer, p.booth) for p in detail.partners] == [
            ("Bäckerei Probst", False, "A")
        ]
        with pytest.raises(events.EventError, match="changed meanwhile"):
            events.edit_event(session, event_id, expected_version=version, name="x")
        with pytest.raises(events.EventError, match="ends before"):
            events.edit_event(session, event_id, ends_on=date(2020, 1, 1))


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "list.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_printed_lists_hold_only_what_the_door_needs(database: Database, tmp_path: Path) -> None:
    partner_ids = _partners(database)
    event_id = _event(database, partner_ids)
    with database.session() as session:
        events.register_new_attendee(
            session,
            event_id,
            ShortIntake.with_birth_year(
                1992,
                family_name="Ağaoğlu",
                given_names="Leyla",
                phone="0171 9998887",
                profession_wish="Köchin",
                consent_to_contact=True,
            ),
        )
        session.commit()
        attendance_pdf = events.attendance_list_pdf(session, event_id)
        employer_pdf = events.employer_list_pdf(session, event_id)
        number = session.scalars(select(Person.file_number)).one()
    text = _pdf_text(attendance_pdf, tmp_path)
    assert "Ağaoğlu" in text and "Leyla" in text and "Seite 1 von 1" in text
    for private in ("0171", "1992", "Köchin", number):
        assert private not in text
    text = _pdf_text(employer_pdf, tmp_path)
    assert "Pflegedienst Sonnenweg" in text and "Stand 2" in text
    path = tmp_path / "e.pdf"
    path.write_bytes(employer_pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Helvetica" not in fonts and "DejaVu" in fonts


# --- the CLI (parsers built here until cli/event_cmd.py calls add_event_parsers) -------------


def _url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def _cli(database_url: str, *argv: str) -> tuple[int, str]:
    from mzdesk.cli import _Parser
    from mzdesk.cli.event_fair_cmd import add_event_parsers

    parser = _Parser(prog="mzdesk")
    commands = parser.add_subparsers(dest="command", required=True)
    event = commands.add_parser("event")
    actions = event.add_subparsers(dest="event_action", required=True)
    add_event_parsers(actions)
    args = parser.parse_args(["event", *argv, "--db", database_url])
    return args.func(args), ""


def test_cli_add_list_show_and_lists(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner_ids = _partners(database)
    url = _url(database)
    code, _ = _cli(
        url,
        "add",
        "--name",
        "Aktionstag Arbeit",
        "--date",
        "12.06.2026",
        "--place",
        "Gemeindehaus Altdorf",
        "--kind",
        "outreach",
        "--employer",
        partner_ids[0].hex[-8:],
        "--partner",
        str(partner_ids[2]),
        "--json",
    )
    assert code == 0
    added: dict[str, Any] = json.loads(capsys.readouterr().out)
    code, _ = _cli(url, "list", "--json")
    listed = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in listed] == [added["id"]]
    code, _ = _cli(url, "show", added["id"][-8:], "--json")
    shown = json.loads(capsys.readouterr().out)
    assert shown["starts_on"] == "2026-06-12" and shown["kind"] == "outreach"
    assert [(p["name"], p["role"]) for p in shown["partners"]] == [
        ("Bäckerei Probst", "employer"),
        ("Agentur für Arbeit Neustadt", "partner"),
    ]
    out = tmp_path / "liste.pdf"
    assert _cli(url, "attendance-list", added["id"], "-o", str(out))[0] == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_cli_refuses_bad_input(database: Database) -> None:
    from mzdesk.core.errors import MzdeskError

    with pytest.raises(MzdeskError, match="date"):
        _cli(_url(database), "add", "--name", "x", "--date", "32.13.2026", "--place", "y")
    with pytest.raises(SystemExit) as info:
        _cli(_url(database), "add", "--name", "x")
    assert info.value.code == 2
    assert isinstance(argparse.Namespace(), argparse.Namespace)
