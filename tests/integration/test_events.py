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
from mzdesk.core.services import event_attendance, event_lists, events, languages
from mzdesk.core.services.events import PartnerPresence
from mzdesk.core.services.languages import LanguageEntry
from mzdesk.core.services.short_intake import ShortIntake


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
        attendance = event_attendance.register_new_attendee(
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
        event_attendance.register_new_attendee(
            session, event_id, ShortIntake.with_birth_year(None, family_name="Коваленко")
        )
        event_attendance.add_headcount(session, event_id)
        event_attendance.add_headcount(session, event_id)
        event_attendance.add_headcount(session, event_id)
        assert event_attendance.undo_headcount(session, event_id)
        event_attendance.record_contact(
            session, event_id, attendance.id, employers[0].partner_id, EventContactOutcome.TALK
        )
        event_attendance.record_contact(
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
        rows = event_attendance.attendees(session, event_id)
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
        no_consent = event_attendance.register_new_attendee(
            session, event_id, ShortIntake.with_birth_year(1985, family_name="Haddad")
        )
        with pytest.raises(events.EventError, match="consent"):
            event_attendance.record_contact(
                session, event_id, no_consent.id, partner_ids[0], EventContactOutcome.TALK
            )
        consented = event_attendance.register_new_attendee(
            session,
            event_id,
            ShortIntake.with_birth_year(1985, family_name="Rahimi", consent_to_contact=True),
        )
        with pytest.raises(events.EventError, match="not an employer"):
            event_attendance.record_contact(
                session, event_id, consented.id, partner_ids[2], EventContactOutcome.TALK
            )
        session.rollback()
        assert session.scalar(select(func.count()).select_from(EventContact)) == 0


def test_existing_person_registers_once(database: Database) -> None:
    event_id = _event(database, _partners(database))
    with database.session() as session:
        first = event_attendance.register_new_attendee(
            session, event_id, ShortIntake.with_birth_year(1979, family_name="Nguyen")
        )
        session.commit()
        assert first.person_id is not None
        with pytest.raises(event_attendance.AlreadyRegistered) as info:
            event_attendance.register_person(session, event_id, first.person_id)
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
            event_attendance.register_new_attendee(session, event_id, intake)
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
        event_attendance.register_new_attendee(
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
        attendance_pdf = event_lists.attendance_list_pdf(session, event_id)
        employer_pdf = event_lists.employer_list_pdf(session, event_id)
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


# --- language entry (issue #5) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Farsi", (("fa", None),)),
        ("persisch", (("fa", None),)),
        ("Persisch (Farsi)", (("fa", None),)),
        ("PERSIAN", (("fa", None),)),
        ("Kurdisch", (("ku", None),)),  # Kurmandschi and Sorani share it: the general one, ku
        ("kurdish b1", (("ku", "B1"),)),
        ("Kurmandschi", (("ku", None),)),
        ("kurmanji", (("ku", None),)),
        ("Sorani", (("ckb", None),)),
        ("Kurdisch (Sorani) a2", (("ckb", "A2"),)),
        ("ckb", (("ckb", None),)),
        ("Arabisch", (("ar", None),)),
        ("arabic", (("ar", None),)),
        ("ar, fa; uk", (("ar", None), ("fa", None), ("uk", None))),
        ("Englisch B1", (("en", "B1"),)),
        ("türkisch c1", (("tr", "C1"),)),
        ("Turkisch", (("tr", None),)),
        ("Tuerkisch", (("tr", None),)),
        ("FRANZÖSISCH", (("fr", None),)),
        ("ukr", (("uk", None),)),  # a unique start
        ("Dari / Paschtu", (("prs", None), ("ps", None))),
        ("", ()),
    ],
)
def test_languages_are_found_by_any_name(typed: str, expected: tuple[Any, ...]) -> None:
    assert tuple((e.code, e.level) for e in languages.parse_languages(typed)) == expected


@pytest.mark.parametrize("typed", ["Klingonisch", "arabisch, Elbisch b1", "x", "Kurdisch (Zaza)"])
def test_unknown_languages_are_refused_clearly(typed: str) -> None:
    with pytest.raises(events.EventError, match="unknown language") as info:
        languages.parse_languages(typed)
    assert info.value.german.startswith("Unbekannte Sprache")


# --- registering at another team's event (issue #5) -------------------------------------------


def _two_teams(database: Database) -> dict[str, uuid.UUID]:
    """Teams A and B, a counsellor in each, users created as in test_access_matrix.py."""
    from mzdesk.core.models import User
    from mzdesk.core.models.enums import Role
    from mzdesk.core.services import accounts

    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", "geheim-123", "Admin Test")
        session.commit()
    with database.session(admin.id) as session:
        team_a = accounts.create_team(session, "Team A")
        team_b = accounts.create_team(session, "Team B")
        ids = {"team_a": team_a.id, "team_b": team_b.id}
        for name, team in (("berater_a", "Team A"), ("berater_b", "Team B")):
            ids[name] = accounts.create_user(
                session, name, "geheim-123", role=Role.COUNSELLOR, team=team
            ).id
        session.commit()
        assert session.get(User, ids["berater_b"]).team_id == team_b.id  # type: ignore[union-attr]
    return ids


def test_counsellor_of_another_team_works_with_whom_they_register(database: Database) -> None:
    ids = _two_teams(database)
    partner_ids = _partners(database)
    with database.session() as session:  # team A's fair
        event_id = events.create_event(
            session,
            name="Jobmesse Team A",
            starts_on=date(2026, 5, 6),
            place="Kreishaus",
            team_id=ids["team_a"],
            partners=[PartnerPresence(partner_ids[0], True, "Stand 1")],
        ).id
        session.commit()
    with database.session(ids["berater_a"]) as session:
        first = event_attendance.register_new_attendee(
            session,
            event_id,
            ShortIntake.with_birth_year(1990, family_name="Testowa", consent_to_contact=True),
        )
        session.commit()
    with database.session(ids["berater_b"]) as session:
        second = event_attendance.register_new_attendee(
            session,
            event_id,
            ShortIntake.with_birth_year(
                1991,
                family_name="Probowin",
                languages=languages.parse_languages("Farsi, Kurdisch"),
                consent_to_contact=True,
            ),
        )
        session.commit()
        # B sees the person just registered, with the number of registration (2, not 1).
        rows = event_attendance.attendees(session, event_id)
        assert [(r.number, r.attendance_id, r.family_name) for r in rows] == [
            (2, second.id, "Probowin")
        ]
        event_attendance.record_contact(
            session, event_id, second.id, partner_ids[0], EventContactOutcome.INTERVIEW
        )
        session.commit()
        assert event_attendance.attendees(session, event_id)[0].contacts == 1
        case = session.scalars(select(Case).where(Case.person_id == second.person_id)).one()
        assert (case.team_id, case.counsellor_id, case.source, case.event_id) == (
            ids["team_b"],
            ids["berater_b"],
            CaseSource.EVENT,
            event_id,
        )
    with database.session(ids["berater_a"]) as session:
        # A sees only A's registration; its number is the same whoever looks.
        assert [
            (r.number, r.attendance_id) for r in event_attendance.attendees(session, event_id)
        ] == [(1, first.id)]
        case = session.scalars(select(Case).where(Case.person_id == first.person_id)).one()
        assert (case.team_id, case.counsellor_id) == (ids["team_a"], ids["berater_a"])
    with database.session() as session:  # the program sees everyone, numbered alike
        assert [
            (r.number, r.attendance_id) for r in event_attendance.attendees(session, event_id)
        ] == [
            (1, first.id),
            (2, second.id),
        ]
        assert events.tally(session, event_id).outcome(EventContactOutcome.INTERVIEW) == 1


def test_event_case_falls_back_to_the_event_team(database: Database) -> None:
    """Without a user (kits, imports) the case is the event's team's, with no counsellor."""
    ids = _two_teams(database)
    with database.session() as session:
        event_id = events.create_event(
            session, name="Infotag", starts_on=date(2026, 5, 6), place="X", team_id=ids["team_a"]
        ).id
        attendance = event_attendance.register_new_attendee(
            session,
            event_id,
            ShortIntake.with_birth_year(1990, family_name="Testowa", consent_to_contact=True),
        )
        session.commit()
        case = session.scalars(select(Case).where(Case.person_id == attendance.person_id)).one()
        assert (case.team_id, case.counsellor_id) == (ids["team_a"], None)
