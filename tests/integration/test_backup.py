"""Backups: online copy, encryption, rotation, verified restore, pg_dump."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from mzdesk.cli import main
from mzdesk.core import backup, schema
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, Person
from mzdesk.core.org_settings import set_setting
from mzdesk.core.privacy import sealed


def _open(url: str) -> Database:
    db = Database(url, create=True)
    schema.upgrade(db)
    return db


def _add(db: Database, name: str) -> None:
    with db.session() as s:
        s.add(Person(file_number=f"MZ-{name}", family_name=name, given_names="Test"))
        s.commit()


def _names(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(Person.family_name)))


def _digest(path: Path) -> str:
    parts = [path, path.with_name(path.name + "-wal")]
    return hashlib.sha256(b"".join(p.read_bytes() for p in parts if p.exists())).hexdigest()


def test_round_trip_keeps_the_current_database_aside(sqlite_url: str, tmp_path: Path) -> None:
    db = _open(sqlite_url)
    _add(db, "Vorher")
    result = backup.create_backup(db, tmp_path / "b.sqlite")
    assert not result.encrypted and result.size > 0
    assert not list(tmp_path.glob("*.partial"))
    _add(db, "Nachher")
    restored = backup.restore(db, result.path)
    assert _names(db) == {"Vorher"}
    assert restored.aside.exists() and not restored.migrated
    with Database(f"sqlite:///{restored.aside}") as aside:
        assert _names(aside) == {"Vorher", "Nachher"}
    with db.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
        assert actions[-1] == "restore"
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.close()


def test_encrypted_backup_round_trip(sqlite_url: str, tmp_path: Path) -> None:
    db = _open(sqlite_url)
    _add(db, "Verschlusssache")
    target = tmp_path / "b.mzbackup"
    result = backup.create_backup(db, target, passphrase="lange geheime Passphrase")
    assert result.encrypted and sealed.is_sealed(target)
    assert b"Verschlusssache" not in target.read_bytes()
    assert not list(tmp_path.glob("*.partial"))
    _add(db, "Neu")
    before = _digest(db.path)  # type: ignore[arg-type]
    with pytest.raises(backup.RestoreRefused, match="encrypted"):
        backup.restore(db, target)
    with pytest.raises(backup.RestoreRefused, match="wrong passphrase"):
        backup.restore(db, target, passphrase="falsch")
    assert _digest(db.path) == before  # type: ignore[arg-type]
    backup.restore(db, target, passphrase="lange geheime Passphrase")
    assert _names(db) == {"Verschlusssache"}
    db.close()


def _newer(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)  # closed: the change is checkpointed into the file
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()


def _foreign(_source: Path, target: Path) -> None:
    connection = sqlite3.connect(target)
    with connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.close()


def _corrupt(source: Path, target: Path) -> None:
    data = bytearray(source.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # every page after the first two
        data[offset + 100 : offset + 400] = bytes(range(256)) + bytes(44)
    target.write_bytes(bytes(data))


def _not_sqlite(_source: Path, target: Path) -> None:
    target.write_bytes(b"%PDF-1.4 not a database at all")


def _truncated_sealed(source: Path, target: Path) -> None:
    sealed.seal_file(source, target, "pw", log_n=10)
    target.write_bytes(target.read_bytes()[:-100])


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_newer, "newer mzdesk"),
        (_foreign, "not an mzdesk database"),
        (_corrupt, "damaged"),
        (_not_sqlite, "not a SQLite database"),
        (_truncated_sealed, "wrong passphrase, or the file is damaged"),
    ],
)
def test_bad_files_are_refused_and_the_database_is_untouched(
    sqlite_url: str,
    tmp_path: Path,
    make,
    reason: str,  # type: ignore[no-untyped-def]
) -> None:
    db = _open(sqlite_url)
    for index in range(200):
        _add(db, f"Person{index:03d}")
    good = backup.create_backup(db, tmp_path / "good.sqlite").path
    bad = tmp_path / "bad.file"
    make(good, bad)
    assert db.path is not None
    before = _digest(db.path)
    with pytest.raises(backup.RestoreRefused, match=reason) as refused:
        backup.restore(db, bad, passphrase="pw")
    assert "not changed" in str(refused.value) and "\n" not in str(refused.value)
    assert _digest(db.path) == before
    assert sorted(p.name for p in db.path.parent.iterdir() if "replaced" in p.name) == []
    assert not list(db.path.parent.glob(".*.partial*"))
    assert len(_names(db)) == 200
    db.close()


def test_older_backup_is_migrated_after_restore(sqlite_url: str, tmp_path: Path) -> None:
    old_path = tmp_path / "old.sqlite"
    with Database(f"sqlite:///{old_path}", create=True) as old:
        schema.upgrade(old, "0001_initial")
    db = _open(sqlite_url)
    result = backup.restore(db, old_path)
    assert result.migrated and result.revision == "0001_initial"
    assert schema.state(db) is schema.SchemaState.CURRENT
    db.close()


def test_rotation_keeps_the_newest_of_each_of_the_last_days(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 3, 1, 8, tzinfo=UTC)
    for day in range(10):
        for hour in (0, 5):
            when = start + timedelta(days=day, hours=hour)
            (folder / f"mzdesk.{when:%Y%m%dT%H%M%SZ}.0123abcd.sqlite").write_bytes(b"x")
    other = folder / f"mzdesk.{start:%Y%m%dT%H%M%SZ}.fedc9876.sqlite"  # another database's
    other.write_bytes(b"x")
    (folder / "notes.txt").write_text("kept")
    stale = folder / "mzdesk.20260301T000000Z.0123abcd.sqlite.partial"
    stale.write_bytes(b"half")
    import os

    os.utime(stale, (0, 0))
    own = backup.BackupSet("mzdesk", "0123abcd")
    removed = backup.rotate(folder, 3, of=own, now=start + timedelta(days=10))
    left = sorted(p.name for p in folder.iterdir())
    assert left == [
        "mzdesk.20260301T080000Z.fedc9876.sqlite",
        "mzdesk.20260308T130000Z.0123abcd.sqlite",
        "mzdesk.20260309T130000Z.0123abcd.sqlite",
        "mzdesk.20260310T130000Z.0123abcd.sqlite",
        "notes.txt",
    ]
    assert len(removed) == 20 - 3 + 1


def test_auto_backup_uses_settings_and_rotates(sqlite_url: str, tmp_path: Path) -> None:
    db = _open(sqlite_url)
    passfile = tmp_path / "pass.txt"
    passfile.write_text("Auto-Passphrase\n")
    with db.session() as s:
        set_setting(s, "backup.folder", str(tmp_path / "auto"))
        set_setting(s, "backup.passphrase_file", str(passfile))
        set_setting(s, "backup.keep_daily", 1)
        s.commit()
    first = backup.auto_backup(db)
    second = backup.auto_backup(db)
    assert first.encrypted and first.path.suffix == ".mzbackup" and first.path.parent.name == "auto"
    assert second.path != first.path
    assert [p for _w, p in backup.backups_in(tmp_path / "auto")] == [second.path]  # 1 day kept
    own = backup.backup_set(db, tmp_path / "auto")
    assert backup.latest_backup_time(tmp_path / "auto", of=own) is not None
    with db.session() as s:
        count = s.scalar(select(func.count()).where(AuditEntry.action == "backup"))
    assert count == 2
    db.close()


def test_cli_backup_and_restore(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _open(sqlite_url)
    _add(db, "Kommandozeile")
    db.close()
    passfile = tmp_path / "p.txt"
    passfile.write_text("cli passphrase\n")
    target = tmp_path / "cli.mzbackup"
    assert (
        main(
            [
                "backup",
                "-o",
                str(target),
                "--passphrase-file",
                str(passfile),
                "--json",
                "--db",
                sqlite_url,
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["encrypted"] is True
    assert main(["restore", str(target), "--db", sqlite_url]) == 1
    assert "encrypted" in capsys.readouterr().err
    assert (
        main(["restore", str(target), "--passphrase-file", str(passfile), "--db", sqlite_url]) == 0
    )
    assert "previous database is kept as" in capsys.readouterr().out
    assert main(["backup", "--db", sqlite_url]) == 0  # into the default folder
    assert "backups" in capsys.readouterr().out
    assert main(["backup", "--passphrase-file", str(tmp_path / "missing"), "--db", sqlite_url]) == 1


def test_postgresql_backup_wraps_pg_dump(postgres_url: str, tmp_path: Path) -> None:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore (PostgreSQL client tools) not on PATH")
    db = _open(postgres_url)
    _add(db, "Serverperson")
    result = backup.create_backup(db, tmp_path / "server.pgdump")
    assert result.backend == "postgresql" and result.path.read_bytes().startswith(b"PGDMP")
    import subprocess

    listing = subprocess.run(
        ["pg_restore", "--list", str(result.path)], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE DATA public persons" in listing
    sealed_result = backup.create_backup(db, tmp_path / "server.mzbackup", passphrase="pw")
    assert sealed.is_sealed(sealed_result.path)
    with pytest.raises(backup.RestoreRefused, match="pg_restore"):
        backup.restore(db, result.path)
    db.close()


def test_a_big_encrypted_backup_is_sealed_from_a_private_copy_that_is_removed(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(backup, "IN_MEMORY_LIMIT", 0)  # as for a database too big for memory
    db = _open(sqlite_url)
    _add(db, "Grossdatei")
    result = backup.create_backup(db, tmp_path / "big.mzbackup", passphrase="lange Passphrase")
    assert sealed.is_sealed(result.path) and b"Grossdatei" not in result.path.read_bytes()
    assert list(temp.iterdir()) == []
    _add(db, "Danach")
    backup.restore(db, result.path, passphrase="lange Passphrase")
    assert _names(db) == {"Grossdatei"}
    db.close()
