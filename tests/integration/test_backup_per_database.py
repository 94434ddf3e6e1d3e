"""Backups per database: two databases in one folder never rotate each other's backups away.

The README's own encryption recipe puts ``mzdesk-laptop.sqlite`` (SQLCipher) beside
``mzdesk.sqlite``: both back up into the one ``backups`` folder beside them.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from platformdirs import user_data_path
from sqlalchemy import select
from sqlalchemy.engine import make_url

from mzdesk.cli import main
from mzdesk.core import backup, encryption, schema
from mzdesk.core.database import Database
from mzdesk.core.models import Person
from mzdesk.core.org_settings import set_setting
from mzdesk.core.privacy import sealed

KEY = "ein-langer-testschluessel"


def _open(url: str, key: str | None = None, **settings: object) -> Database:
    db = Database(url, create=True, key=key)
    schema.upgrade(db)
    with db.session() as s:
        s.add(
            Person(file_number=f"MZ-{db.display_url[-20:]}", family_name="Probe", given_names="T")
        )
        for name, value in settings.items():
            set_setting(s, name.replace("__", "."), value)
        s.commit()
    return db


def _encrypted_copy(plain: Database, target: Path) -> Database:
    """``mzdesk db encrypt``: the copy keeps the installation id and the settings. (SQLCipher
    and sqlite3 are two SQLite libraries in this one process: the plain database's pooled
    connections are closed after the copy — the command ends, which does the same; without
    it the next backup of the plain database fails with "disk I/O error".)"""
    pytest.importorskip("sqlcipher3")
    encryption.encrypt_copy(plain, target, KEY)
    plain.engine.dispose()
    return Database(f"sqlite+pysqlcipher:///{target}", key=KEY)


def _pair(folder: Path, **settings: object) -> tuple[Database, Database]:
    """The README's pair: a plain ``mzdesk.sqlite`` and its encrypted copy
    ``mzdesk-laptop.sqlite`` beside it."""
    plain = _open(f"sqlite:///{folder / 'mzdesk.sqlite'}", **settings)
    return plain, _encrypted_copy(plain, folder / "mzdesk-laptop.sqlite")


def _names(folder: Path) -> list[str]:
    return sorted(path.name for _when, path in backup.backups_in(folder))


def _own(db: Database, folder: Path) -> list[Path]:
    return [path for _when, path in backup.backups_in(folder, of=backup.backup_set(db, folder))]


def test_two_databases_in_one_folder_keep_each_others_backups(tmp_path: Path) -> None:
    plain, laptop = _pair(tmp_path)
    folder = tmp_path / "backups"
    of_laptop = backup.auto_backup(laptop)
    of_plain = backup.auto_backup(plain)
    assert of_laptop.path.parent == of_plain.path.parent == folder
    assert of_laptop.path.exists() and of_plain.path.exists()
    assert of_laptop.path.name.startswith("mzdesk-laptop.") and of_laptop.encrypted
    assert of_plain.path.name.startswith("mzdesk.") and not of_plain.encrypted
    assert of_plain.removed == ()
    # a second backup of the same day replaces that database's own first one, nothing else
    again = backup.auto_backup(plain)
    assert again.removed == (of_plain.path,)
    assert _names(folder) == sorted([of_laptop.path.name, again.path.name])
    # each database's backups are its own
    assert _own(plain, folder) == [again.path]
    assert _own(laptop, folder) == [of_laptop.path]
    # the encrypted one's backup still restores into it; the plain one is refused for it
    with pytest.raises(backup.RestoreRefused, match="not encrypted"):
        backup.restore(laptop, again.path)
    backup.restore(laptop, of_laptop.path)
    plain.close()
    laptop.close()


def test_the_daily_backup_of_one_database_is_not_satisfied_by_another(tmp_path: Path) -> None:
    plain, laptop = _pair(tmp_path)
    folder = tmp_path / "backups"
    backup.auto_backup(laptop)
    assert backup.latest_backup_time(folder, of=backup.backup_set(laptop, folder)) is not None
    assert backup.latest_backup_time(folder, of=backup.backup_set(plain, folder)) is None
    plain.close()
    laptop.close()


def test_databases_of_the_same_file_name_sharing_a_folder_keep_their_own(tmp_path: Path) -> None:
    """``backup.folder`` set to one share for two desks whose databases are both called
    ``mzdesk.sqlite``: each keeps its own backups."""
    shared = tmp_path / "shared"
    settings = {"backup__folder": str(shared), "backup__keep_daily": 1}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _open(f"sqlite:///{tmp_path / 'a' / 'mzdesk.sqlite'}", **settings)
    second = _open(f"sqlite:///{tmp_path / 'b' / 'mzdesk.sqlite'}", **settings)
    mine = backup.auto_backup(first).path
    theirs = [backup.auto_backup(second) for _ in range(2)]
    assert theirs[1].removed == (theirs[0].path,)
    assert _names(shared) == sorted([mine.name, theirs[1].path.name])
    assert backup.latest_backup_time(shared, of=backup.backup_set(first, shared)) is not None
    first.close()
    second.close()


def test_rotation_never_deletes_the_last_encrypted_backup_for_a_newer_plain_one(
    tmp_path: Path,
) -> None:
    """A plain database and its encrypted copy under the same file name (``db encrypt`` into
    another folder) with one configured folder: to the folder they are one database — and
    its newer plain backups never rotate the encrypted one away."""
    shared = tmp_path / "shared"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    settings = {"backup__folder": str(shared), "backup__keep_daily": 1}
    plain = _open(f"sqlite:///{tmp_path / 'b' / 'mzdesk.sqlite'}", **settings)
    laptop = _encrypted_copy(plain, tmp_path / "a" / "mzdesk.sqlite")
    encrypted = backup.auto_backup(laptop).path
    newer = [backup.auto_backup(plain) for _ in range(3)]
    assert encrypted.exists()
    assert newer[1].removed == (newer[0].path,)
    assert _names(shared) == sorted([encrypted.name, newer[-1].path.name])
    with pytest.raises(backup.RestoreRefused, match="not encrypted"):
        backup.restore(laptop, newer[-1].path)
    backup.restore(laptop, encrypted)
    # once a newer encrypted backup is kept, the older encrypted one rotates as usual
    newest = backup.auto_backup(laptop)
    assert set(newest.removed) == {encrypted, newer[-1].path}
    assert _names(shared) == [newest.path.name]
    laptop.close()
    plain.close()


def test_old_named_backups_are_listed_restorable_and_rotate_with_their_database(
    tmp_path: Path,
) -> None:
    """``mzdesk-<time>`` files of the previous scheme: each database's audit trail names the
    ones it wrote, and only those rotate with it; the others are left alone."""
    plain, laptop = _pair(tmp_path, backup__keep_daily=1)
    folder = tmp_path / "backups"
    folder.mkdir()
    old_plain = backup.create_backup(plain, folder / "mzdesk-20261101T080000Z.sqlite").path
    old_laptop = backup.create_backup(laptop, folder / "mzdesk-20261102T080000Z.sqlite").path
    old_sealed = backup.create_backup(
        laptop, folder / "mzdesk-20261103T080000Z.mzbackup", passphrase="Passphrase"
    ).path
    foreign = folder / "mzdesk-20261104T080000Z.sqlite"  # written by no database here
    foreign.write_bytes(old_plain.read_bytes())
    assert _names(folder) == sorted(p.name for p in (old_plain, old_laptop, old_sealed, foreign))
    assert _own(laptop, folder) == [old_laptop, old_sealed]

    new_plain = backup.auto_backup(plain)
    assert new_plain.removed == (old_plain,)  # its own old one; not the laptop's, not foreign
    assert old_laptop.exists() and old_sealed.exists() and foreign.exists()
    # still restorable; the restored trail ends before the entry that recorded this very file
    backup.restore(laptop, old_sealed, passphrase="Passphrase")
    assert _own(laptop, folder) == [old_laptop]
    new_laptop = backup.auto_backup(laptop)
    assert new_laptop.removed == (old_laptop,)
    assert not sealed.is_sealed(new_laptop.path)  # a SQLCipher copy: no passphrase is set
    # what no database here can be told to have written is left alone
    assert _names(folder) == sorted(
        [foreign.name, old_sealed.name, new_plain.path.name, new_laptop.path.name]
    )
    plain.close()
    laptop.close()


def test_postgresql_backup_without_a_folder_goes_beside_the_users_data(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump (PostgreSQL client tools) not on PATH")
    db = _open(postgres_url)
    db.close()
    name = make_url(postgres_url).database
    assert name
    assert main(["backup", "--json", "--db", postgres_url]) == 0
    first = Path(json.loads(capsys.readouterr().out)["path"])
    folder = user_data_path("mzdesk", appauthor=False) / "backups" / name
    assert first.parent == folder and first.name.startswith(f"{name}.")
    assert first.read_bytes().startswith(b"PGDMP")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert main(["backup", "--json", "--db", postgres_url]) == 0  # rotates: one per day kept
    second = json.loads(capsys.readouterr().out)
    assert second["removed"] == [str(first)]
    with Database(postgres_url) as again, again.session() as s:
        assert s.scalars(select(Person.family_name)).all() == ["Probe"]
