"""Encrypted SQLite databases (SQLCipher): no plaintext on disk, keys, backups, CLI.

The privacy world (a person with a unique name in three scripts, cases, contacts, a stored
referral letter, a search done) is written once into a plain and once into an encrypted
database: the plain file shows the names (so the check can fail), the encrypted file and its
WAL show none.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from privacy_world import FAMILY, PrivacyWorld, build
from sqlalchemy import func, select, text

from mzdesk.cli import main
from mzdesk.core import backup, encryption, schema
from mzdesk.core.database import Database, opens_with
from mzdesk.core.errors import DatabaseKeyRequired, DatabaseUnavailable, WrongDatabaseKey
from mzdesk.core.models import AuditEntry, Person, Role
from mzdesk.core.privacy import erase
from mzdesk.core.services import accounts, search

pytest.importorskip("sqlcipher3", reason="SQLCipher is installed on Linux (pyproject)")

KEY = "ein-langer-testschluessel"
OTHER_KEY = "ein-anderer-testschluessel"


def _url(path: Path) -> str:
    return f"sqlite+pysqlcipher:///{path}"


def _on_disk(path: Path) -> bytes:
    data = path.read_bytes()
    for extra in ("-wal", "-shm"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            data += companion.read_bytes()
    return data


def _found(data: bytes, needles: list[str]) -> list[str]:
    found = []
    for needle in needles:
        forms = {needle, needle.lower(), needle.upper(), needle.casefold()}
        if any(form.encode("utf-8") in data for form in forms):
            found.append(needle)
    return found


def _world(url: str) -> tuple[Database, PrivacyWorld, list[str]]:
    database = Database(url, create=True, key=KEY if "pysqlcipher" in url else None)
    schema.upgrade(database)
    world = build(database)
    with database.session() as session:  # a search done: the FTS index holds the names
        assert [row.id for row in search.search_persons(session, "qorvend")] == [world.person_id]
    return database, world, sorted({*PrivacyWorld.names(), *world.stored_forms})


def test_no_name_reaches_the_disk_of_an_encrypted_database(tmp_path: Path) -> None:
    plain, _world_plain, needles = _world(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    assert plain.path is not None
    shown = _found(_on_disk(plain.path), needles)
    assert FAMILY in shown and "Жельмирана" in shown  # the check can fail
    plain.close()

    encrypted, world, needles = _world(_url(tmp_path / "encrypted.sqlite"))
    assert encrypted.encrypted and encrypted.path is not None
    wal = encrypted.path.with_name(encrypted.path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the WAL is on disk and checked too
    assert _found(_on_disk(encrypted.path), needles) == []
    assert not encrypted.path.read_bytes().startswith(b"SQLite format 3")
    with encrypted.session() as session:  # FTS5 works inside SQLCipher
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert [row.id for row in search.search_persons(session, "zhelm")] == [world.person_id]
    # erasure works the same way in an encrypted database
    erase.erase_and_scrub(encrypted, world.person_id)
    with encrypted.session() as session:
        assert search.search_persons(session, "qorvend") == []
    encrypted.close()


def test_keys_are_required_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MZDESK_DATABASE_KEY", raising=False)
    path = tmp_path / "k.sqlite"
    database = Database(_url(path), create=True, key=KEY)
    schema.upgrade(database)
    database.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseKeyRequired):
        Database(_url(path))
    with pytest.raises(WrongDatabaseKey) as wrong:
        Database(_url(path), key=OTHER_KEY)
    assert "Schlüssel passt nicht" in wrong.value.german
    with pytest.raises(DatabaseUnavailable, match="not a SQLite file"):
        Database(f"sqlite:///{path}")  # opened as plain SQLite
    assert path.read_bytes() == before
    monkeypatch.setenv("MZDESK_DATABASE_KEY", KEY)
    with Database(_url(path)) as reopened:  # the key from the environment
        assert schema.current_revision(reopened) == schema.head_revision()
    plain = tmp_path / "plain.sqlite"
    Database(f"sqlite:///{plain}", create=True).close()
    schema.upgrade(Database(f"sqlite:///{plain}"))
    with pytest.raises(DatabaseUnavailable, match="is not encrypted"):
        Database(_url(plain), key=KEY)


def _admin(database: Database) -> None:
    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", "admin-passwort", "Ada Admin")
        session.commit()
    database.acting_user_id = admin.id


def test_backup_restore_round_trip_stays_encrypted(tmp_path: Path) -> None:
    database, world, needles = _world(_url(tmp_path / "office.sqlite"))
    _admin(database)
    copy = tmp_path / "copy.sqlite"
    result = backup.create_backup(database, copy)
    assert result.encrypted
    assert _found(copy.read_bytes(), needles) == []
    admin_id, database.acting_user_id = database.acting_user_id, None  # the admin sees no one
    with database.session() as session:
        session.get(Person, world.other_id).family_name = "Geaendert"  # type: ignore[union-attr]
        session.commit()
    database.acting_user_id = admin_id
    # a plain backup cannot replace an encrypted database
    plain_copy = tmp_path / "plain-copy.sqlite"
    plain_db = Database(f"sqlite:///{tmp_path / 'plain.sqlite'}", create=True)
    schema.upgrade(plain_db)
    plain_db.close()
    shutil.copyfile(tmp_path / "plain.sqlite", plain_copy)
    assert database.path is not None
    before = database.path.read_bytes()
    with pytest.raises(backup.RestoreRefused, match="not encrypted"):
        backup.restore(database, plain_copy)
    assert database.path.read_bytes() == before
    restored = backup.restore(database, copy)
    assert restored.aside.exists()
    database.acting_user_id = None
    with database.session() as session:
        other = session.get(Person, world.other_id)
        assert other is not None and other.family_name != "Geaendert"
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert _found(_on_disk(database.path), needles) == []
    database.close()


def test_encrypt_copy_and_rekey(tmp_path: Path) -> None:
    plain, _world_plain, needles = _world(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    with plain.session() as session:  # counted by the program (an admin sees no persons)
        persons = session.scalar(select(func.count()).select_from(Person))
    _admin(plain)
    with pytest.raises(encryption.EncryptionError, match="at least 12"):
        encryption.encrypt_copy(plain, tmp_path / "short.sqlite", "kurz")
    target = tmp_path / "encrypted.sqlite"
    result = encryption.encrypt_copy(plain, target, KEY)
    assert result.rows > 0 and result.tables >= 30
    with pytest.raises(encryption.EncryptionError, match="exists"):
        encryption.encrypt_copy(plain, target, KEY)
    odd = tmp_path / "copy ?v=2%20.sqlite"  # a name a URL would have to escape
    encryption.encrypt_copy(plain, odd, KEY)
    assert opens_with(odd, KEY) and not list(tmp_path.glob("*.partial"))
    plain.close()
    assert _found(_on_disk(target), needles) == []
    encrypted = Database(_url(target), key=KEY)
    with encrypted.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == persons
        admin = accounts.login(session, "admin", "admin-passwort")
    encrypted.acting_user_id = admin.id
    encryption.rekey(encrypted, OTHER_KEY)
    with pytest.raises(WrongDatabaseKey):
        Database(_url(target), key=KEY)
    with Database(_url(target), key=OTHER_KEY) as rekeyed, rekeyed.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == persons
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_counsellors_may_not_encrypt(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'p.sqlite'}", create=True)
    schema.upgrade(database)
    _admin(database)
    with database.session() as session:
        accounts.create_team(session, "Team Nord")
        accounts.create_user(
            session, "berater", "berater-passwort", role=Role.COUNSELLOR, team="Team Nord"
        )
        user = accounts.login(session, "berater", "berater-passwort")
        session.commit()
    with pytest.raises(Exception, match="may not"):
        encryption.encrypt_copy(database, tmp_path / "e.sqlite", KEY, user_id=user.id)
    assert not (tmp_path / "e.sqlite").exists()
    database.close()


def test_cli_encrypt_then_work_on_the_encrypted_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain.sqlite"
    assert main(["demo", "--db", f"sqlite:///{plain}", "--persons", "60", "--seed", "3"]) == 0
    key_file = tmp_path / "key.txt"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    key_file.chmod(0o600)
    monkeypatch.setenv("MZDESK_PASSWORD", "mzdesk-demo")
    target = tmp_path / "laptop.sqlite"
    args = ["--db", f"sqlite:///{plain}", "--user", "admin"]
    assert main(["db", "encrypt", *args, "-o", str(target), "--key-file", str(key_file)]) == 0
    assert f"sqlite+pysqlcipher:///{target}" in capsys.readouterr().out
    with Database(f"sqlite:///{plain}") as source, source.session() as session:
        names = list(session.scalars(select(Person.family_name).limit(40)))
    assert _found(plain.read_bytes(), names)  # the control: the plain file shows them
    assert _found(_on_disk(target), names) == []
    monkeypatch.delenv("MZDESK_DATABASE_KEY", raising=False)
    enc = ["--db", _url(target), "--user", "berater1"]
    assert main(["person", "find", *enc, names[0]]) == 1  # no key, no terminal
    assert "encrypted: give its key" in capsys.readouterr().err
    monkeypatch.setenv("MZDESK_DATABASE_KEY", OTHER_KEY)
    assert main(["person", "find", *enc, names[0]]) == 1
    assert "key does not open" in capsys.readouterr().err
    monkeypatch.setenv("MZDESK_DATABASE_KEY", KEY)
    assert main(["db", "check", "--db", _url(target)]) == 0
    capsys.readouterr()
    # the same search gives the same answer on the plain original and the encrypted copy
    assert main(["person", "find", "--db", f"sqlite:///{plain}", "--user", "berater1", "al"]) == 0
    expected = capsys.readouterr().out
    assert expected.count("\n") >= 2
    assert main(["person", "find", *enc, "al"]) == 0
    assert capsys.readouterr().out == expected


def test_background_threads_keep_their_connections(tmp_path: Path) -> None:
    """More threads than the default pysqlcipher pool keeps (5): none loses its connection."""
    import threading

    database = Database(_url(tmp_path / "threads.sqlite"), create=True, key=KEY)
    schema.upgrade(database)
    errors: list[BaseException] = []
    all_connected = threading.Barrier(8, timeout=120)

    def work() -> None:
        try:
            with database.session() as session:
                session.execute(text("SELECT count(*) FROM persons")).scalar()
                all_connected.wait()  # all eight hold a connection at once, however slow
                session.execute(text("SELECT count(*) FROM persons")).scalar()
        except BaseException as error:  # collected: the assertion names it
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    database.close()
    assert errors == []


def test_a_prompt_never_creates_an_encrypted_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MZDESK_DATABASE_KEY", raising=False)
    missing = tmp_path / "typo.sqlite"
    with pytest.raises(DatabaseUnavailable, match="no encrypted database") as refused:
        Database(_url(missing), create=True)
    assert not isinstance(refused.value, DatabaseKeyRequired)  # so nobody is asked for a key
    with pytest.raises(DatabaseUnavailable, match="at least 12"):
        Database(_url(missing), create=True, key="kurz")
    assert not missing.exists()


def test_rekey_confirms_and_old_backups_restore_with_their_key(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    database, world, _needles = _world(_url(path))
    _admin(database)
    admin_id = database.acting_user_id
    old_backup = backup.create_backup(database, tmp_path / "before.sqlite").path
    blocker = database.connect_file(path)
    blocker.execute("BEGIN IMMEDIATE")  # another mzdesk writing
    with pytest.raises(encryption.EncryptionError, match="not changed"):
        encryption.rekey(database, OTHER_KEY)
    blocker.rollback()
    blocker.close()
    database = Database(_url(path), key=KEY)  # the old key still opens it
    database.acting_user_id = admin_id
    encryption.rekey(database, OTHER_KEY)
    with pytest.raises(WrongDatabaseKey):
        Database(_url(path), key=KEY)
    rekeyed = Database(_url(path), key=OTHER_KEY)
    rekeyed.acting_user_id = admin_id
    with rekeyed.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert actions.count("rekey") == 1 and actions[-1] == "rekey"  # once, after it worked
    with pytest.raises(backup.RestoreRefused, match="backup-key-file"):
        backup.restore(rekeyed, old_backup)
    backup.restore(rekeyed, old_backup, backup_key=KEY)
    rekeyed.close()
    with Database(_url(path), key=OTHER_KEY) as restored, restored.session() as session:
        assert session.get(Person, world.person_id) is not None  # the backup, on today's key
