"""What the data-protection outputs say can be read by a person: words, names, German dates.

The Art. 15 PDF is for the person it is about (German): every code in words (a nationality is
"Syrien", not "SY"), teams by their names, dates as TT.MM.JJJJ, no internal ids (those stay in
the JSON beside it), and the audit entries in sentences instead of JSON. The retention dry run
is what a lead or an admin checks before anything is erased: a team lead sees the file numbers
of their team with the date that makes each due; an admin (who reads no case contents) sees
how many per team, and from when to when.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from privacy_world import FAMILY, PHONE, build
from referral_world import pdf_text
from sqlalchemy import update

from mzdesk.cli import main
from mzdesk.core import reference, schema
from mzdesk.core.database import Database
from mzdesk.core.models import Case, CaseStatus, Person, Role, Team, User
from mzdesk.core.privacy import export
from mzdesk.core.services import accounts

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
GERMAN_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")
PASSWORD = "readable-test-password"


def _with_team(database: Database, person_id: uuid.UUID, name: str) -> None:
    """The world's person and their cases belong to a team of that name."""
    with database.session() as s:
        team = Team(name=name)
        s.add(team)
        s.flush()
        s.execute(update(Person).where(Person.id == person_id).values(team_id=team.id))
        s.execute(update(Case).where(Case.person_id == person_id).values(team_id=team.id))
        s.commit()


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_0-9]+", text))


def test_export_pdf_says_codes_in_words_teams_by_name_and_no_ids(
    database: Database, tmp_path: Path
) -> None:
    world = build(database)
    _with_team(database, world.person_id, "Team Wexmoor")
    with database.session() as s:
        result = export.export_person(s, world.person_id)
    text = pdf_text(result.pdf, tmp_path)
    flat = " ".join(text.split())
    for expected in (
        "Team Wexmoor",  # the team's name, not its id
        "weiblich",  # sex f
        "genau",  # birth date precision exact
        reference.label("countries", "SY"),  # Syrien
        reference.label("work_permissions", "ERWERB_ERLAUBT"),
        reference.label("legal_categories", "SGB2"),
        reference.label("data_categories", "IDENTITY"),
        reference.label("contact_channels", "IN_PERSON"),  # stored as "in_person"
        "abgeschlossen",  # the case's status
        "gesendet",  # the referral's status
        "unterschrieben",  # the consent's form
        "Pflegedienst Sonnenschein",
        "23.08.1991",
    ):
        assert expected in flat, expected
    # the residence status's label is long and may wrap: its words are all there
    assert set(reference.label("residence_statuses", "AE_25_2").split()) <= set(flat.split())
    words = _words(text)
    for code in ("SY", "SGB2", "AE_25_2", "ERWERB_ERLAUBT", "IDENTITY", "CONTACT", "in_person"):
        assert code not in words, code
    for code in ("exact", "closed", "sent", "signed_paper", "desk", "f"):
        assert code not in words, code
    assert not UUID.search(text), UUID.search(text)
    assert not ISO_DATE.search(text), ISO_DATE.search(text)
    assert "UTC" not in text
    # the audit entries in words: who changed what from what to what, no JSON
    assert "Familienname: Qorvendashova → " + FAMILY in flat
    assert "Telefon: – → " + PHONE in flat
    assert "{" not in text and '"' not in text
    assert "Einwilligung erfasst" in flat and "Personenakte angesehen" in flat
    # the JSON beside it keeps every id and code for a machine, and names the team too
    doc = json.loads(result.json_bytes())
    assert doc["person"]["id"] == str(world.person_id) and doc["person"]["sex"] == "f"
    assert doc["person"]["team_id"] in doc["names"]["teams"]
    assert doc["names"]["teams"][doc["person"]["team_id"]] == "Team Wexmoor"


# --- retention ---------------------------------------------------------------------------------


def _retention_world(url: str) -> dict[str, object]:
    """Two teams, a lead of the first, an admin; in each team a person whose only case closed
    ten years ago (due), and one whose case is open (not due)."""
    db = Database(url, create=True)
    schema.upgrade(db)
    long_ago = (datetime.now(UTC) - timedelta(days=365 * 10)).date()
    with db.session() as s:
        north, south = Team(name="Team Wexmoor-Nord"), Team(name="Team Wexmoor-Süd")
        s.add_all([north, south])
        s.flush()
        secret = accounts.hash_password(PASSWORD)
        lead = User(
            username="leitung9",
            display_name="Lea Leitung",
            role=Role.TEAM_LEAD,
            team_id=north.id,
            password_hash=secret,
        )
        admin = User(
            username="admin9", display_name="Ada Admin", role=Role.ADMIN, password_hash=secret
        )
        s.add_all([lead, admin])
        numbers = {}
        for team, prefix in ((north, "N"), (south, "S")):
            for state in ("due", "open"):
                person = Person(
                    file_number=f"MZ-2016-9{prefix}{state[0].upper()}",
                    family_name="Wexmoorer",
                    given_names=f"{prefix} {state}",
                    team_id=team.id,
                )
                s.add(person)
                s.flush()
                closed = state == "due"
                s.add(
                    Case(
                        person_id=person.id,
                        team_id=team.id,
                        opened_on=long_ago - timedelta(days=30),
                        status=CaseStatus.CLOSED if closed else CaseStatus.ACTIVE,
                        closed_on=long_ago if closed else None,
                    )
                )
                numbers[f"{prefix}-{state}"] = person.file_number
        s.commit()
    db.close()
    return {"numbers": numbers, "closed_on": long_ago.strftime("%d.%m.%Y")}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_retention_dry_run_of_a_lead_lists_file_numbers_teams_and_dates(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    world = _retention_world(sqlite_url)
    numbers = world["numbers"]
    assert isinstance(numbers, dict)
    monkeypatch.setenv("MZDESK_PASSWORD", PASSWORD)
    code, out, err = _run(
        capsys, "privacy", "retention", "--dry-run", "--db", sqlite_url, "--user", "leitung9"
    )
    assert code == 0, err
    line = next(line for line in out.splitlines() if numbers["N-due"] in line)
    assert "Team Wexmoor-Nord" in line and str(world["closed_on"]) in line, line
    assert numbers["N-open"] not in out  # not due
    assert numbers["S-due"] not in out and "Süd" not in out  # another team's
    assert not UUID.search(out) and not ISO_DATE.search(out), out
    assert "6 years" in out and "2 years" in out and "3 years" in out  # the rules in words
    code, out, err = _run(
        capsys,
        "privacy",
        "retention",
        "--dry-run",
        "--json",
        "--db",
        sqlite_url,
        "--user",
        "leitung9",
    )
    assert code == 0, err
    data = json.loads(out)
    [due] = data["due"]
    assert due["file_number"] == numbers["N-due"] and due["teams"] == ["Team Wexmoor-Nord"]
    assert str(world["closed_on"]) in due["reason"] and GERMAN_DATE.search(due["reason"])
    assert "6 years" in data["rules_in_words"]["retention.closed_case_years"]


def test_retention_dry_run_of_the_admin_counts_per_team_without_file_numbers(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    world = _retention_world(sqlite_url)
    numbers = world["numbers"]
    assert isinstance(numbers, dict)
    monkeypatch.setenv("MZDESK_PASSWORD", PASSWORD)
    code, out, err = _run(
        capsys, "privacy", "retention", "--dry-run", "--db", sqlite_url, "--user", "admin9"
    )
    assert code == 0, err
    for team in ("Team Wexmoor-Nord", "Team Wexmoor-Süd"):
        line = next(line for line in out.splitlines() if team in line)
        assert ": 1 (last case closed " in line and str(world["closed_on"]) in line, line
    assert not any(number in out for number in numbers.values())  # an admin reads no files
    assert not UUID.search(out) and not ISO_DATE.search(out), out
    code, out, err = _run(
        capsys,
        "privacy",
        "retention",
        "--dry-run",
        "--json",
        "--db",
        sqlite_url,
        "--user",
        "admin9",
    )
    assert code == 0, err
    data = json.loads(out)
    assert not any(number in out for number in numbers.values())
    teams = {row["team"]: row["count"] for row in data["due_per_team"]}
    assert teams == {"Team Wexmoor-Nord": 1, "Team Wexmoor-Süd": 1}
    assert all("file_number" not in due for due in data["due"]) and len(data["due"]) == 2


def test_retention_apply_reports_what_it_erased_by_file_number(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Applied by a lead: the same list, said as done (read before the erasure took the file
    numbers away)."""
    world = _retention_world(sqlite_url)
    numbers = world["numbers"]
    assert isinstance(numbers, dict)
    monkeypatch.setenv("MZDESK_PASSWORD", PASSWORD)
    code, out, err = _run(capsys, "privacy", "retention", "--db", sqlite_url, "--user", "leitung9")
    assert code == 0, err
    line = next(line for line in out.splitlines() if numbers["N-due"] in line)
    assert "Team Wexmoor-Nord" in line and str(world["closed_on"]) in line
    assert "1 done" in out and not UUID.search(out)
    assert date.today().strftime("%d.%m.%Y") in out


def test_every_exported_column_has_a_german_label() -> None:
    """A column added to a table about a person shows up in the PDF under a German label, not
    under its column name: add it to LABELS (or to SKIPPED, with the reason)."""
    from mzdesk.core.models import ConsentRecipient, EventContact, Household
    from mzdesk.core.privacy.collect import CASE_CHILDREN, DERIVED_PERSON_COLUMNS
    from mzdesk.core.privacy.export_pdf import LABELS, SKIPPED
    from mzdesk.core.services.merge import person_foreign_keys

    tables = {table for table, _column in person_foreign_keys()}
    for model in (*CASE_CHILDREN, ConsentRecipient, EventContact, Household, Person):
        tables.add(model.__table__)  # type: ignore[arg-type]
    unlabelled = sorted(
        f"{table.name}.{column.key}"
        for table in tables
        for column in table.columns
        if column.key not in LABELS | dict.fromkeys(SKIPPED | DERIVED_PERSON_COLUMNS)
    )
    assert unlabelled == []
