"""``mzdesk case|contact|status`` from the command line: JSON, states, notes never printed."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import Contact, Person, User

NOTE = "vertraulich-7f3a: Sorgen in der Familie"


@pytest.fixture
def person(database: Database) -> Person:
    with database.session() as session:
        found = Person(file_number="MZ-CLI-1", family_name="Sultani", given_names="Farid")
        session.add_all([found, User(username="berater", display_name="Berater Eins")])
        session.commit()
        return found


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_case_from_opening_to_closing(
    database_url: str, database: Database, person: Person, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", database_url)
    code, out, _ = run(
        capsys,
        "case", "open", "MZ-CLI-1", *db, "--counsellor", "berater",
        "--topic", "WORK", "--topic", "language", "--goals", "Arbeit", "--json",
    )  # fmt: skip
    assert code == 0
    case = json.loads(out)
    assert case["status"] == "open" and case["topics"] == ["LANGUAGE", "WORK"]
    case_id = case["id"]

    code, out, _ = run(
        capsys,
        "contact", "add", case_id[-8:], *db, "--channel", "PHONE", "--at", "2025-03-04T10:15",
        "--minutes", "15", "--topic", "HOUSING", "--note", NOTE, "--follow-up", "2099-01-31",
        "--json",
    )  # fmt: skip
    assert code == 0
    contact = json.loads(out)
    assert contact["has_note"] is True and "note" not in contact
    assert contact["summary"] == "Wohnen"

    code, out, _ = run(capsys, "contact", "list", case_id, *db, "--json")
    assert code == 0 and [c["id"] for c in json.loads(out)] == [contact["id"]]
    assert NOTE not in out

    code, _, err = run(capsys, "case", "set-status", case_id, "paused", *db)
    assert code == 1 and "cannot become paused" in err  # open → paused is not allowed
    code, _, err = run(capsys, "case", "set-status", case_id, "closed", *db)
    assert code == 1 and "reason" in err
    code, out, _ = run(
        capsys, "case", "set-status", case_id, "closed", "--reason", "Arbeit gefunden", *db,
        "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["closing_reason"] == "Arbeit gefunden"
    code, out, _ = run(capsys, "case", "set-status", case_id, "active", *db)
    assert code == 0 and "is active" in out

    code, out, _ = run(capsys, "case", "show", case_id, *db, "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["counsellor"] == "Berater Eins"
    assert shown["topics"] == ["HOUSING", "LANGUAGE", "WORK"]
    assert [f["due_on"] for f in shown["follow_ups"]] == ["2099-01-31"]
    assert shown["contacts"][0]["has_note"] is True
    assert NOTE not in out
    code, out, _ = run(capsys, "case", "show", case_id, *db)
    assert code == 0 and NOTE not in out and "PHONE" in out

    code, out, _ = run(capsys, "case", "list", "--person", "MZ-CLI-1", *db, "--json")
    assert [c["id"] for c in json.loads(out)] == [case_id]
    code, out, _ = run(
        capsys, "case", "edit", case_id, "--topic", "WORK", "--goals", "", *db, "--json"
    )
    assert code == 0 and json.loads(out)["topics"] == ["WORK"] and json.loads(out)["goals"] is None
    with database.session() as session:
        assert session.get(Contact, uuid.UUID(contact["id"])) is not None


def test_a_contact_with_only_a_note_prints_no_note(
    database_url: str, database: Database, person: Person, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ordinary phone call, recorded with nothing but its confidential note: no topic, no
    summary. Every output of it (JSON and text) says there is a note, and never shows it."""
    db = ("--db", database_url)
    code, out, _ = run(capsys, "case", "open", "MZ-CLI-1", *db, "--json")
    assert code == 0
    case_id = json.loads(out)["id"]
    outputs = []
    for extra in (["--json"], []):
        code, out, err = run(
            capsys,
            "contact", "add", case_id, *db, "--channel", "PHONE", "--note", NOTE, *extra,
        )  # fmt: skip
        assert code == 0, err
        outputs.append(out + err)
    added = json.loads(outputs[0])
    assert added["summary"] is None and added["has_note"] is True
    for command in (["contact", "list"], ["case", "show"]):
        for extra in (["--json"], []):
            code, out, err = run(capsys, *command, case_id, *db, *extra)
            assert code == 0, err
            outputs.append(out + err)
    listed = json.loads(outputs[2])
    assert [(c["summary"], c["has_note"]) for c in listed] == [(None, True), (None, True)]
    shown = json.loads(outputs[4])
    assert [(c["summary"], c["has_note"]) for c in shown["contacts"]] == [(None, True)] * 2
    assert "[note]" in outputs[3]  # the text listing marks it
    for printed in outputs:
        assert NOTE not in printed and "vertraulich" not in printed
    with database.session() as session:
        assert session.scalars(select(Contact.note)).all() == [NOTE, NOTE]  # stored, not printed


def test_status_set_and_show(
    database_url: str, person: Person, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", database_url)
    code, out, _ = run(
        capsys,
        "status", "set", "MZ-CLI-1", *db, "--residence", "GEST", "--from", "2022-03-01",
        "--work-permission", "NUR_MIT_ABH", "--legal-category", "ASYLBLG", "--json",
    )  # fmt: skip
    assert code == 0
    recorded = json.loads(out)
    assert recorded["residence_status"]["status_code"] == "GEST"
    assert recorded["legal_category"]["category"] == "ASYLBLG"
    code, _, _ = run(
        capsys,
        "status", "set", "MZ-CLI-1", *db, "--residence", "AE_25_2", "--from", "10.05.2024",
        "--until", "2027-05-09", "--legal-category", "SGB2", "--category-from", "2024-06-01",
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "status", "show", "MZ-CLI-1", *db, "--at", "2024-05-20", "--json")
    assert code == 0
    data = json.loads(out)
    assert [c["valid_until"] for c in data["legal_categories"]] == ["2024-05-31", None]
    assert data["at"] == {
        "date": "2024-05-20",
        "residence_status": "AE_25_2",
        "legal_category": "ASYLBLG",
        "refugee": True,
    }


def test_usage_and_refusals(
    database_url: str, person: Person, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", database_url)
    assert run(capsys, "status", "set", "MZ-CLI-1", *db)[0] == 2
    assert run(capsys, "status", "set", "MZ-CLI-1", *db, "--residence", "NE")[0] == 2
    code, _, err = run(capsys, "status", "set", "MZ-CLI-1", *db, "--residence", "XX", "--from",
                       "2024-01-01")  # fmt: skip
    assert code == 1 and "unknown residence status" in err
    code, _, err = run(capsys, "case", "open", "MZ-NOPE", *db)
    assert code == 1 and "not found" in err
    with pytest.raises(SystemExit) as exit_:
        main(["case", "set-status", "abcdef12", "finished", *db])
    assert exit_.value.code == 2
