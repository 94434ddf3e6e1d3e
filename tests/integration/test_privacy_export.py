"""Art. 15 export: everything about the person, as JSON and a readable PDF, audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from privacy_world import FAMILY, FAMILY_AR, GIVEN, GIVEN_CYR, NOTE, build
from referral_world import pdf_fonts, pdf_text
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry
from mzdesk.core.privacy import export


def test_export_holds_everything_including_notes_and_who_accessed(database: Database) -> None:
    world = build(database)
    with database.session() as s:
        result = export.export_person(s, world.person_id)
        s.commit()
    doc = json.loads(result.json_bytes())
    assert doc["format"] == "mzdesk-art15-export" and doc["person_id"] == str(world.person_id)
    person = doc["person"]
    assert (person["family_name"], person["given_names"]) == (FAMILY, GIVEN)
    assert (person["family_name_original"], person["given_names_original"]) == (
        FAMILY_AR,
        GIVEN_CYR,
    )
    assert "search_text" not in person  # derived, internal
    assert [m["id"] for m in doc["merged_records"]] == [str(world.duplicate_id)]
    records = doc["records"]
    assert sorted(c["id"] for c in records["cases"]) == sorted(map(str, world.case_ids))
    notes = [c["note"] for c in records["contacts"]]
    assert len(notes) == 3 and all(NOTE in n for n in notes)  # their data: notes included
    referral = records["referrals"][0]
    assert referral["letter_pdf"]["bytes"] > 1000
    assert referral["letter_sha256"] == referral["letter_pdf"]["sha256"]
    assert records["consents"][0]["document"]["bytes"] > 0
    assert len(records["attendances"]) == 1 and len(records["follow_ups"]) == 1
    assert records["residence_statuses"][0]["status_code"] == "AE_25_2"
    actions = [entry["action"] for entry in records["audit_entries"]]
    assert {"update", "view", "merge"} <= set(actions)
    viewer = next(e for e in records["audit_entries"] if e["action"] == "view")["user_id"]
    assert doc["names"]["users"][viewer]["display_name"] == "Chris Berater"
    assert doc["names"]["partners"][referral["partner_id"]] == "Pflegedienst Sonnenschein"
    with database.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "privacy_export")).one()
        assert entry.person_id == world.person_id
        assert FAMILY not in json.dumps(entry.details)


def test_export_pdf_is_readable_german_with_all_scripts(sqlite_url: str, tmp_path: Path) -> None:
    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    world = build(db)
    with db.session() as s:
        result = export.export_person(s, world.person_id)
    text = pdf_text(result.pdf, tmp_path)
    for expected in (
        "Auskunft über gespeicherte Daten",
        FAMILY,
        "Жельмирана",
        "Ülvika",
        "Kontakte (mit internen Notizen)",
        NOTE,
        "Pflegedienst Sonnenschein",
        "Protokoll",
        "Chris Berater",
        "23.08.1991",
        "Seite 1 von",
    ):
        assert expected in text, expected
    assert all(row[-4] == "yes" for row in pdf_fonts(result.pdf, tmp_path))  # all embedded
    db.close()


def test_cli_export_writes_json_and_pdf(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    build(db)
    db.close()
    target = tmp_path / "out" / "auskunft.pdf"
    assert main(["privacy", "export", "MZ-2023-7781", "-o", str(target), "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    json_path, pdf_path = tmp_path / "out" / "auskunft.json", tmp_path / "out" / "auskunft.pdf"
    assert str(json_path) in out and str(pdf_path) in out
    assert json.loads(json_path.read_text("utf-8"))["person"]["family_name"] == FAMILY
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert main(["privacy", "export", "MZ-0000-0000", "-o", str(target), "--db", sqlite_url]) == 1
    assert "not found" in capsys.readouterr().err
