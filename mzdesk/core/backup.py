"""Backups and restore: SQLite's online backup API, rotation, encryption, verified restore.

**SQLite.** :func:`create_backup` copies the open database with ``sqlite3.Connection.backup``
(a consistent snapshot while others keep working) into ``<name>.partial``, encrypts it when a
passphrase is given (:mod:`mzdesk.core.privacy.sealed`: AES-256-GCM, scrypt), fsyncs and only
then renames it to its final name: a crash never leaves a half file that looks like a backup.
The plaintext copy of an encrypted backup exists only as the ``.partial`` file beside the
target while it is encrypted, then is deleted (laptops need full-disk encryption anyway).

**Automatic backups** (:func:`auto_backup`, called by the GUI on close and daily) go to the
folder ``backup.folder`` (default: ``backups`` beside the database) as
``mzdesk-YYYYMMDDTHHMMSSZ.sqlite`` or ``.mzbackup`` (encrypted, when ``backup.passphrase_file``
names a file holding the passphrase), and :func:`rotate` keeps the newest backup of each of the
last ``backup.keep_daily`` days that have one. Rotation is also how an erased person leaves the
backups: backups taken after an erasure no longer contain them, older ones expire.

**Restore** (:func:`restore`) first stages the file beside the database (decrypting it), then
verifies it — SQLite header, ``PRAGMA integrity_check``, the tables of an mzdesk database, a
schema revision this mzdesk knows (equal, or older: migrated after the restore) — and only then
checkpoints the current database, renames it (with its ``-wal``) to
``<name>.replaced-<timestamp>.sqlite`` and moves the staged file into place. A corrupt,
foreign, newer or undecryptable file is refused with one line and the database is untouched.
Close every mzdesk window on that database before restoring.

**PostgreSQL.** :func:`create_backup` runs ``pg_dump --format=custom`` (found on ``PATH``;
the password goes through ``PGPASSWORD``, never the command line) and seals the dump when a
passphrase is given. Restoring a server database is the administrator's job with
``pg_restore`` (see the README); :func:`restore` refuses it with that hint.

Backups and restores are audited (file names only) and need ``Action.BACKUP``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from mzdesk.core import access, schema
from mzdesk.core.access import Action
from mzdesk.core.database import (
    SQLITE_HEADER,
    Database,
    connect_sqlite_file,
    file_errors,
    opens_with,
    rekey_sqlite_file,
)
from mzdesk.core.errors import MzdeskError
from mzdesk.core.org_settings import get_setting
from mzdesk.core.privacy.sealed import SealedError, is_sealed, seal_file, unseal_file
from mzdesk.core.services import audit

log = logging.getLogger(__name__)

PREFIX = "mzdesk-"
PLAIN_SUFFIX = ".sqlite"
SEALED_SUFFIX = ".mzbackup"
DUMP_SUFFIX = ".pgdump"
PARTIAL_SUFFIX = ".partial"
STALE_PARTIAL = timedelta(hours=1)
_NAME = re.compile(
    r"^mzdesk-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?(?:\.sqlite|\.mzbackup|\.pgdump)$"
)
# Tables without which a file is not an mzdesk database.
REQUIRED_TABLES = frozenset({"alembic_version", "persons", "cases", "audit_entries", "settings"})
PG_DUMP_TIMEOUT_S = 3600


class BackupError(MzdeskError):
    """A backup could not be written (no space, pg_dump missing or failing, …)."""


class RestoreRefused(MzdeskError):
    """The file is not restored: the current database was not touched."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    encrypted: bool
    size: int
    backend: str
    removed: tuple[Path, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "encrypted": self.encrypted,
            "bytes": self.size,
            "backend": self.backend,
            "removed": [str(path) for path in self.removed],
        }


@dataclass(frozen=True)
class BackupInfo:
    revision: str
    current: bool  # equal to this mzdesk's head (else older: migrated after a restore)
    encrypted: bool


@dataclass
class RestoreResult:
    restored_from: Path
    aside: Path
    revision: str
    migrated: bool
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "restored_from": str(self.restored_from),
            "previous_database_kept_as": str(self.aside),
            "revision": self.revision,
            "migrated": self.migrated,
        }


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


def _session(database: Database, user_id: uuid.UUID | None) -> Session:
    return database.session(user_id) if user_id else database.session()


def read_passphrase_file(path: Path) -> str:
    """The first line of ``path`` (a passphrase file kept readable only by its owner)."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad writes a byte-order mark
    except OSError as exc:
        raise BackupError(
            f"cannot read the passphrase file {path}: {exc.strerror}",
            german=f"Die Passphrasen-Datei {path} kann nicht gelesen werden.",
        ) from exc
    passphrase = text.splitlines()[0].strip() if text.strip() else ""
    if not passphrase:
        raise BackupError(
            f"the passphrase file {path} is empty", german=f"Die Passphrasen-Datei {path} ist leer."
        )
    return passphrase


def backup_folder(database: Database, session: Session) -> Path:
    configured = str(get_setting(session, "backup.folder") or "").strip()
    if configured:
        return Path(configured).expanduser()
    if database.path is None:
        raise BackupError(
            "set backup.folder for a server database",
            german="Für eine Server-Datenbank muss backup.folder gesetzt sein.",
        )
    return database.path.parent / "backups"


def configured_passphrase(session: Session) -> str | None:
    configured = str(get_setting(session, "backup.passphrase_file") or "").strip()
    return read_passphrase_file(Path(configured).expanduser()) if configured else None


def default_name(database: Database, folder: Path, *, encrypted: bool) -> Path:
    suffix = SEALED_SUFFIX if encrypted else (PLAIN_SUFFIX if database.is_sqlite else DUMP_SUFFIX)
    base = f"{PREFIX}{_stamp()}"
    target = folder / f"{base}{suffix}"
    counter = 2
    while target.exists():
        target = folder / f"{base}-{counter}{suffix}"
        counter += 1
    return target


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _libpq_url(database: Database) -> tuple[str, dict[str, str]]:
    url = database.url
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _pg_dump(database: Database, target: Path) -> None:
    executable = shutil.which("pg_dump")
    if executable is None:
        raise BackupError(
            "pg_dump not found: install the PostgreSQL client tools (same major version as the "
            "server)",
            german="pg_dump wurde nicht gefunden: bitte die PostgreSQL-Client-Werkzeuge "
            "installieren.",
        )
    conninfo, env = _libpq_url(database)
    command = [
        executable,
        "--format=custom",
        "--no-owner",
        f"--file={target}",
        f"--dbname={conninfo}",
    ]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=PG_DUMP_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise BackupError(
            f"pg_dump failed: {reason}", german=f"pg_dump ist fehlgeschlagen: {reason}"
        )


def create_backup(
    database: Database,
    target: Path | None = None,
    *,
    passphrase: str | None = None,
    user_id: uuid.UUID | None = None,
) -> BackupResult:
    """Write one backup (to ``target`` or a new name in the backup folder); audited."""
    with _session(database, user_id) as session:
        access.require(session, Action.BACKUP)
        if target is None:
            target = default_name(
                database, backup_folder(database, session), encrypted=bool(passphrase)
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    plain = target.with_name(target.name + ".plain" + PARTIAL_SUFFIX)
    try:
        source = plain if passphrase else partial
        if database.is_sqlite:
            database.copy_to(source)
        else:
            _pg_dump(database, source)
        if passphrase:
            seal_file(plain, partial, passphrase)
        else:
            with partial.open("rb+") as handle:
                os.fsync(handle.fileno())
        partial.replace(target)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise BackupError(
            f"backup to {target} failed: {exc.strerror or exc}",
            german=f"Die Sicherung nach {target} ist fehlgeschlagen.",
        ) from exc
    finally:
        plain.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    encrypted = bool(passphrase) or database.encrypted
    result = BackupResult(target, encrypted, target.stat().st_size, database.backend)
    with _session(database, user_id) as session:
        audit.append(
            session,
            "backup",
            "database",
            details={"file": target.name, "encrypted": result.encrypted, "bytes": result.size},
        )
        session.commit()
    log.info(
        "backup written: %s (%d bytes, encrypted=%s)", target.name, result.size, result.encrypted
    )
    return result


def backups_in(folder: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups in ``folder`` with their time, oldest first."""
    found: list[tuple[datetime, int, Path]] = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            when = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            found.append((when, int(match["n"] or 1), path))
    return [(when, path) for when, _n, path in sorted(found)]


def rotate(folder: Path, keep_daily: int, *, now: datetime | None = None) -> list[Path]:
    """Keep the newest backup of each of the newest ``keep_daily`` days; delete the rest."""
    now = now or datetime.now(UTC)
    newest_per_day: dict[str, Path] = {}
    backups = backups_in(folder)
    for when, path in backups:  # oldest first: a later one of the same day replaces it
        newest_per_day[when.strftime("%Y%m%d")] = path
    kept = {newest_per_day[day] for day in sorted(newest_per_day)[-keep_daily:]}
    removed = [path for _when, path in backups if path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    if folder.is_dir():
        for partial in folder.glob(f"*{PARTIAL_SUFFIX}*"):  # with its -journal
            age = now - datetime.fromtimestamp(partial.stat().st_mtime, UTC)
            if age > STALE_PARTIAL:  # left by a crash; never one being written
                partial.unlink(missing_ok=True)
                removed.append(partial)
    if removed:
        log.info("backup rotation removed %d files", len(removed))
    return removed


def latest_backup_time(folder: Path) -> datetime | None:
    backups = backups_in(folder)
    return backups[-1][0] if backups else None


def auto_backup(database: Database, *, user_id: uuid.UUID | None = None) -> BackupResult:
    """The GUI's automatic backup: configured folder and passphrase, then rotation."""
    with _session(database, user_id) as session:
        folder = backup_folder(database, session)
        passphrase = configured_passphrase(session)
        keep = int(get_setting(session, "backup.keep_daily"))
    result = create_backup(
        database,
        default_name(database, folder, encrypted=bool(passphrase)),
        passphrase=passphrase,
        user_id=user_id,
    )
    removed = rotate(folder, keep)
    return BackupResult(result.path, result.encrypted, result.size, result.backend, tuple(removed))


# --- restore -----------------------------------------------------------------------------------


def _refuse(reason: str, german: str) -> RestoreRefused:
    return RestoreRefused(
        f"{reason}; the database was not changed",
        german=f"{german} Die Datenbank wurde nicht verändert.",
    )


def verify_candidate(
    path: Path,
    *,
    encrypted: bool = False,
    database: Database | None = None,
    shown_name: str | None = None,
    backup_key: str | None = None,
) -> BackupInfo:
    """Check a SQLite file before it may replace the database (nothing is changed).

    For an encrypted (SQLCipher) ``database`` the file must open with its key. ``shown_name``:
    the name the user gave (``path`` may be a staged copy of it). ``backup_key``: the key the
    backup was made with, when the database's key has changed since.
    """
    name = shown_name or path.name
    with path.open("rb") as handle:
        plain = handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    if database is not None and database.encrypted:
        if plain:
            raise _refuse(
                "the backup is not encrypted, but the database is (SQLCipher)",
                "Die Sicherung ist unverschlüsselt, die Datenbank aber verschlüsselt.",
            )
        connection = (
            connect_sqlite_file(path, backup_key) if backup_key else database.connect_file(path)
        )
    elif not plain:
        raise _refuse(
            f"{name} is not an mzdesk backup (not a SQLite database)",
            "Die Datei ist keine mzdesk-Sicherung (keine SQLite-Datenbank).",
        )
    else:
        connection = connect_sqlite_file(path)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise _refuse(
                "the backup is damaged (integrity check failed)",
                "Die Sicherung ist beschädigt (Integritätsprüfung fehlgeschlagen).",
            )
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables >= REQUIRED_TABLES:
            raise _refuse(
                "the file is a SQLite database but not an mzdesk database",
                "Die Datei ist keine mzdesk-Datenbank.",
            )
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except file_errors() as exc:
        if database is not None and database.encrypted and "not a database" in str(exc):
            raise _refuse(
                "the backup does not open with this database's key (one made before a key "
                "change: give its key with --backup-key-file)",
                "Die Sicherung lässt sich mit dem Schlüssel dieser Datenbank nicht öffnen.",
            ) from exc
        raise _refuse(f"the backup is damaged ({exc})", "Die Sicherung ist beschädigt.") from exc
    finally:
        connection.close()
    if len(rows) != 1:
        raise _refuse(
            "the backup has no single schema revision",
            "Die Sicherung hat keinen eindeutigen Schemastand.",
        )
    revision = str(rows[0][0])
    known = {script.revision for script in schema.script_directory().walk_revisions()}
    if revision not in known:
        raise _refuse(
            f"the backup was written by a newer mzdesk (schema {revision})",
            "Die Sicherung stammt von einer neueren mzdesk-Version.",
        )
    return BackupInfo(revision, revision == schema.head_revision(), encrypted)


def _stage(source: Path, staged: Path, passphrase: str | None) -> bool:
    """Copy (or decrypt) ``source`` to ``staged``; True when it was encrypted."""
    if not source.is_file():
        raise _refuse(f"{source} is not a file", f"{source} ist keine Datei.")
    if is_sealed(source):
        if not passphrase:
            raise _refuse(
                "the backup is encrypted: give its passphrase (--passphrase-file)",
                "Die Sicherung ist verschlüsselt: bitte die Passphrase angeben.",
            )
        try:
            unseal_file(source, staged, passphrase)
        except SealedError as exc:
            raise _refuse(str(exc), exc.german) from exc
        return True
    shutil.copyfile(source, staged)
    return False


def _rekey_staged(staged: Path, old_key: str, new_key: str) -> None:
    """The staged copy of an older backup gets the database's current key."""
    try:
        rekey_sqlite_file(staged, old_key, new_key)
    except file_errors() as exc:
        raise _refuse(
            f"the backup could not be re-keyed: {exc}", "Die Sicherung ist beschädigt."
        ) from exc
    if not opens_with(staged, new_key):
        raise _refuse(
            "the backup could not be given the database's key",
            "Die Sicherung ließ sich nicht auf den Schlüssel der Datenbank umstellen.",
        )


def _set_aside(database: Database, now: datetime) -> Path:
    """Checkpoint, close and rename the current database (with its WAL) to a dated name."""
    path = database.path
    assert path is not None
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.engine.dispose()
    aside = path.with_name(f"{path.stem}.replaced-{_stamp(now)}{path.suffix or '.sqlite'}")
    path.replace(aside)
    for extra in ("-wal", "-shm"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + extra))
    return aside


def restore(
    database: Database,
    source: Path,
    *,
    passphrase: str | None = None,
    user_id: uuid.UUID | None = None,
    backup_key: str | None = None,
) -> RestoreResult:
    """Verify ``source`` and only then make it the database; the old one is kept aside.

    ``backup_key``: for an encrypted database, the key of a backup made before the database's
    key was changed; the restored copy gets the database's current key.
    """
    with _session(database, user_id) as session:
        access.require(session, Action.BACKUP)
    if not database.is_sqlite or database.path is None:
        raise RestoreRefused(
            "a PostgreSQL database is restored by its administrator with pg_restore "
            "(see the README)",
            german="Eine PostgreSQL-Datenbank stellt die Administration mit pg_restore wieder her.",
        )
    staged = database.path.with_name(f".{database.path.name}.restore{PARTIAL_SUFFIX}")
    now = datetime.now(UTC)
    try:
        encrypted = _stage(source, staged, passphrase)
        info = verify_candidate(
            staged,
            encrypted=encrypted,
            database=database,
            shown_name=source.name,
            backup_key=backup_key,
        )
        if backup_key and database.encrypted and backup_key != database.url.password:
            _rekey_staged(staged, backup_key, str(database.url.password))
        aside = _set_aside(database, now)
        staged.replace(database.path)
        _fsync_folder(database.path.parent)
    finally:
        for leftover in (
            staged,
            staged.with_name(staged.name + "-wal"),
            staged.with_name(staged.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
    result = RestoreResult(source, aside, info.revision, migrated=not info.current)
    if result.migrated:
        schema.upgrade(database)
    else:
        database.enable_wal()
    with _session(database, user_id) as session:
        audit.append(
            session,
            "restore",
            "database",
            details={
                "file": source.name,
                "aside": aside.name,
                "revision": info.revision,
                "migrated": result.migrated,
            },
            anchor_reset="restore",  # audit anchor: the restored trail is the new end
        )
        session.commit()
    log.info("database restored from %s (previous kept as %s)", source.name, aside.name)
    return result
