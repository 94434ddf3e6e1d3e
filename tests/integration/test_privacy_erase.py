"""Erasure (Art. 17): nothing of the person's names remains anywhere in the database file.

The world (privacy_world.py) has a unique synthetic name in Latin, Arabic and Cyrillic, a merged
duplicate record, cases, contacts with notes, a follow-up, a consent with a scan, a referral
with its stored letter, an attendance, audit entries with old and new values, and a search.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from privacy_world import FAMILY, GIVEN, PrivacyWorld, build
from sqlalchemy import select, text

from mzdesk.cli import main
from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import (
    AuditEntry,
    Base,
    Case,
    CaseStatus,
    Contact,
    Person,
    PersonNationality,
    Referral,
)
from mzdesk.core.privacy import erase, trail
from mzdesk.core.services import audit, search


def _variants(needle: str) -> set[bytes]:
    forms = {needle, needle.lower(), needle.upper(), needle.casefold(), needle.title()}
    return {form.encode("utf-8") for form in forms}


def _file_bytes(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _needles(world: PrivacyWorld) -> list[str]:
    return sorted({*PrivacyWorld.names(), *world.stored_forms})


def _found(data: bytes, needles: list[str]) -> list[str]:
    return [needle for needle in needles if any(form in data for form in _variants(needle))]


def test_erased_names_are_nowhere_in_the_sqlite_file_or_wal(sqlite_url: str) -> None:
    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    world = build(db)
    assert db.path is not None
    needles = _needles(world)
    before = _found(_file_bytes(db.path), needles)
    # The check can fail: the strings are really in the file (or its WAL) before.
    assert FAMILY in before and "qorvendashy" in before and "Жельмирана" in before, before
    assert len(before) >= len(needles) // 2
    report, scrub = erase.erase_and_scrub(db, world.person_id)
    assert scrub.remaining == 0 and not scrub.checkpoint_busy
    assert report.binaries_deleted == 2  # the referral letter and the consent scan
    assert _found(_file_bytes(db.path), needles) == []
    wal = db.path.with_name(db.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with db.session() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert search.search_persons(s, "qorvend") == []
        assert search.search_persons(s, "zhelm") == []
        # the FTS index answers for the anonymised record and the untouched one
        assert [row.id for row in search.search_persons(s, "beispiel")] == [world.other_id]
    db.close()


def _all_text(session, needles: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Every value of every table, as text: which needles still occur (any case)."""
    found: set[str] = set()
    lowered = [needle.casefold() for needle in needles]
    for table in Base.metadata.sorted_tables:
        for row in session.execute(select(table)):
            for value in row:
                if value is None:
                    continue
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "replace")
                if isinstance(value, dict | list):
                    value = json.dumps(value, ensure_ascii=False)
                folded = str(value).casefold()
                found.update(n for n, low in zip(needles, lowered, strict=True) if low in folded)
    return sorted(found)


def test_erase_anonymises_every_row_and_keeps_statistics(database: Database) -> None:
    world = build(database)
    needles = _needles(world)
    with database.session() as s:
        assert FAMILY in _all_text(s, needles)
        report = erase.erase_person(s, world.person_id, today=date(2026, 1, 15))
        s.commit()
    assert set(report.person_ids) == {world.person_id, world.duplicate_id}
    with database.session() as s:
        assert _all_text(s, needles) == []
        person = s.get(Person, world.person_id)
        assert person is not None
        assert (person.family_name, person.given_names) == ("Anonymisiert", "")
        assert person.birth_date == date(1991, 7, 1)  # 23.08.1991 → first day of its quarter
        assert person.anonymised_on == date(2026, 1, 15)
        assert person.file_number == f"ANON-{world.person_id.hex[-12:]}"
        assert person.phone is person.email is person.street is person.family_name_original
        assert person.municipality == "Musterstadt"  # statistics by municipality keep working
        assert [
            n.country_code
            for n in s.scalars(
                select(PersonNationality).where(PersonNationality.person_id == person.id)
            )
        ] == ["SY"]
        cases = {c.id: c for c in s.scalars(select(Case).where(Case.id.in_(world.case_ids)))}
        assert cases[world.case_ids[0]].status is CaseStatus.CLOSED
        assert cases[world.case_ids[0]].closed_on == date(2023, 12, 1)
        assert all(c.goals is None for c in cases.values())
        contacts = list(s.scalars(select(Contact).where(Contact.case_id == world.case_ids[0])))
        assert len(contacts) == 3 and all(c.note is None and c.summary is None for c in contacts)
        referral = s.get(Referral, world.referral_id)
        assert referral is not None and referral.letter_pdf is None
        assert referral.letter_sha256 is not None and referral.status.value == "sent"
        other = s.get(Person, world.other_id)
        assert other is not None and other.family_name == "Beispiel"
        assert trail.verify_trail(s).ok
        erase_entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
        assert erase_entry.person_id == world.person_id
        assert erase_entry.details["redacted_seqs"] == report.redacted_audit_seqs
        redacted = list(
            s.scalars(select(AuditEntry).where(AuditEntry.seq.in_(report.redacted_audit_seqs)))
        )
        assert {e.action for e in redacted} >= {"update", "view", "merge"}
        assert all(trail.is_redacted(e.details) for e in redacted)
        assert {e.details["keys"][0] for e in redacted if e.action == "update"} == {"family_name"}


def test_backup_after_erasure_holds_no_name(sqlite_url: str, tmp_path: Path) -> None:
    from mzdesk.core import backup

    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    world = build(db)
    erase.erase_and_scrub(db, world.person_id)
    result = backup.create_backup(db, tmp_path / "after.sqlite")
    assert _found(result.path.read_bytes(), _needles(world)) == []
    db.close()


def test_erase_is_refused_twice_and_for_a_merged_record(database: Database) -> None:
    world = build(database)
    with database.session() as s:
        with pytest.raises(erase.EraseRefused, match="merged into"):
            erase.erase_person(s, world.duplicate_id)
        erase.erase_person(s, world.person_id)
        s.commit()
    with database.session() as s, pytest.raises(erase.EraseRefused, match="already anonymised"):
        erase.erase_person(s, world.person_id)
    with database.session() as s, pytest.raises(erase.NotFound):
        erase.erase_person(s, uuid.uuid4())


def test_verify_trail_tells_permitted_redaction_from_tampering(database: Database) -> None:
    world = build(database)
    with database.session() as s:
        erase.erase_person(s, world.person_id)
        s.commit()
    with database.session() as s:
        assert trail.verify_trail(s).ok
        assert audit.verify(s).ok  # the CLI's verification is the same walk
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
        entry.details = {**entry.details, "redacted_seqs": entry.details["redacted_seqs"][1:]}
        s.commit()
        report = trail.verify_trail(s)
    assert (report.ok, report.problem, report.first_broken_seq) == (False, "hash", entry.seq)


def test_redaction_not_listed_by_an_erase_entry_is_detected(database: Database) -> None:
    with database.session() as s:
        first = audit.append(s, "view", "person", person_id=uuid.uuid4(), details={"field": "x"})
        audit.append(s, "view", "person", person_id=uuid.uuid4())
        s.commit()
        first.details = {trail.REDACTED: "erase", "keys": ["field"]}
        s.commit()
        report = trail.verify_trail(s)
    assert (report.ok, report.problem, report.first_broken_seq) == (False, "redaction", 1)


def _cli(url: str, *args: str) -> int:
    return main([*args, "--db", url])


def test_cli_erase_asks_unless_yes(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    world = build(db)
    db.close()
    assert _cli(sqlite_url, "privacy", "erase", "MZ-2023-7781") == 1  # no terminal: not erased
    assert "not erased" in capsys.readouterr().err
    with Database(sqlite_url) as db2, db2.session() as s:
        assert s.get(Person, world.person_id).family_name == FAMILY  # type: ignore[union-attr]
    assert _cli(sqlite_url, "privacy", "erase", "MZ-2023-7781", "--yes", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["person"] == str(world.person_id) and out["scrub"]["remaining"] == 0
    assert FAMILY not in json.dumps(out)
    assert _cli(sqlite_url, "privacy", "erase", str(world.person_id), "--yes") == 1
    assert "already anonymised" in capsys.readouterr().err


# --- F10: an erasure survives the restore of an older backup -------------------------------


def test_restore_of_a_backup_from_before_the_erasure_reapplies_it(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mzdesk.core import backup

    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    world = build(db)
    needles = _needles(world)
    before = backup.create_backup(db, tmp_path / "before.sqlite").path
    assert FAMILY in _found(before.read_bytes(), needles)  # the old backup holds the person
    erase.erase_and_scrub(db, world.person_id)
    assert db.path is not None
    assert _found(_file_bytes(db.path), needles) == []
    db.close()
    assert _cli(sqlite_url, "restore", str(before)) == 0
    out = capsys.readouterr().out
    assert _found(_file_bytes(db.path), needles) == []
    assert "1 erasure re-applied" in out and FAMILY not in out
    with Database(sqlite_url) as restored, restored.session() as s:
        person = s.get(Person, world.person_id)
        assert person is not None and person.anonymised_on is not None
        assert person.family_name == "Anonymisiert" and person.phone is None
        assert person.email is None
        duplicate = s.get(Person, world.duplicate_id)
        assert duplicate is not None and duplicate.anonymised_on is not None
        other = s.get(Person, world.other_id)
        assert other is not None and other.family_name == "Beispiel"
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
        assert actions[-2:] == ["erase", "restore"]
        assert trail.verify_trail(s).ok
    # a second restore of the same old backup: the same again, nothing twice
    assert _cli(sqlite_url, "restore", str(before), "--json") == 0
    assert json.loads(capsys.readouterr().out)["erasures_reapplied"] == 1


def test_restore_on_a_fresh_machine_uses_the_ledger_beside_the_backups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mzdesk.core import backup

    office = f"sqlite:///{tmp_path / 'office' / 'mzdesk.sqlite'}"
    db = Database(office, create=True)
    schema.upgrade(db)
    world = build(db)
    folder = tmp_path / "usb"
    old = backup.create_backup(db, folder / "old.sqlite").path
    erase.erase_and_scrub(db, world.person_id)
    backup.create_backup(db, folder / "new.sqlite")  # carries the ledger to the folder
    db.close()
    ledger = (folder / backup.LEDGER_NAME).read_text(encoding="utf-8")
    assert str(world.person_id) in ledger and FAMILY not in ledger  # ids, never names
    fresh = tmp_path / "fresh" / "mzdesk.sqlite"
    assert _cli(f"sqlite:///{fresh}", "db", "upgrade") == 0
    assert _cli(f"sqlite:///{fresh}", "restore", str(old)) == 0
    assert "1 erasure re-applied" in capsys.readouterr().out
    assert _found(_file_bytes(fresh), _needles(world)) == []


# --- F11: the exit code of privacy erase ---------------------------------------------------


def _namesake_and_mention(url: str) -> tuple[PrivacyWorld, uuid.UUID]:
    """The world, a namesake (same family name, another person) and a colleague's note on the
    namesake's case that names the erased person."""
    db = Database(url, create=True)
    schema.upgrade(db)
    world = build(db)
    with db.session() as s:
        namesake = Person(file_number="MZ-2024-0042", family_name=FAMILY, given_names="Brunhild")
        s.add(namesake)
        s.flush()
        case = Case(person_id=namesake.id, opened_on=date(2024, 1, 1))
        s.add(case)
        s.flush()
        mention = Contact(
            case_id=case.id,
            occurred_at=datetime(2024, 1, 2, tzinfo=UTC),
            channel="in_person",
            note=f"Schwester {GIVEN} {FAMILY} begleitet",
        )
        s.add(mention)
        s.commit()
        mention_id = mention.id
    db.close()
    return world, mention_id


def test_erase_exits_0_beside_a_namesake_and_warns_of_a_mention_by_kind_and_id(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _world, mention_id = _namesake_and_mention(sqlite_url)
    assert _cli(sqlite_url, "privacy", "erase", "MZ-2023-7781", "--yes") == 0
    captured = capsys.readouterr()
    assert f"contact {mention_id}" in captured.err
    for secret in (FAMILY, GIVEN, "Zhelmirana", "Brunhild", "MZ-2024-0042"):
        assert secret not in captured.err and secret not in captured.out
    assert captured.err.count("\n") == 1  # the namesake itself is no leftover
    with Database(sqlite_url) as db, db.session() as s:
        kept = s.scalars(select(Person).where(Person.file_number == "MZ-2024-0042")).one()
        assert kept.family_name == FAMILY and kept.anonymised_on is None


def test_erase_json_lists_the_leftovers_and_exits_0(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _world, mention_id = _namesake_and_mention(sqlite_url)
    assert _cli(sqlite_url, "privacy", "erase", "MZ-2023-7781", "--yes", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["scrub"]["remaining"] == 0
    assert out["leftovers"] == [{"kind": "contact", "id": str(mention_id)}]
    assert FAMILY not in json.dumps(out)


def test_erase_with_a_reader_open_gives_advice_that_works(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    world = build(db)
    assert db.path is not None
    path = db.path
    db.close()
    reader = sqlite3.connect(path)  # another program, in the middle of reading
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM persons").fetchone()
    assert _cli(sqlite_url, "privacy", "erase", "MZ-2023-7781", "--yes") == 0
    err = capsys.readouterr().err
    assert "another program" in err and "retention" not in err
    assert "mzdesk privacy scrub" in err
    reader.rollback()
    assert _found(_file_bytes(path), _needles(world))  # the names are still in the file
    reader.close()
    assert _cli(sqlite_url, "privacy", "scrub") == 0  # what the advice says, now it works
    assert "write-ahead log cleared" in capsys.readouterr().out
    assert _found(_file_bytes(path), _needles(world)) == []


def test_restore_reapplies_an_erasure_in_an_encrypted_database(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    from mzdesk.core import backup

    key = "ein-langer-testschluessel"
    url = f"sqlite+pysqlcipher:///{tmp_path / 'encrypted.sqlite'}"
    db = Database(url, create=True, key=key)
    schema.upgrade(db)
    world = build(db)
    old = backup.create_backup(db, tmp_path / "old.mzbackup", passphrase="Sicherungs-Passphrase")
    erase.erase_and_scrub(db, world.person_id)
    result = backup.restore(db, old.path, passphrase="Sicherungs-Passphrase")
    assert result.erasures_reapplied == 1
    db.close()
    with Database(url, key=key) as restored, restored.session() as s:
        person = s.get(Person, world.person_id)
        assert person is not None and person.family_name == "Anonymisiert"
        assert person.phone is None and person.email is None
        assert search.search_persons(s, "qorvend") == []
        assert trail.verify_trail(s).ok


def test_an_older_schema_backup_is_migrated_before_the_ledger_is_applied(
    sqlite_url: str, tmp_path: Path
) -> None:
    from mzdesk.core import backup

    old_path = tmp_path / "old.sqlite"
    with Database(f"sqlite:///{old_path}", create=True) as old:
        schema.upgrade(old, "0001_initial")
    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    world = build(db)
    erase.erase_and_scrub(db, world.person_id)
    result = backup.restore(db, old_path)
    assert result.migrated and result.erasures_reapplied == 0
    assert schema.state(db) is schema.SchemaState.CURRENT
    db.close()
