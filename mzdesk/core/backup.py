"""Backups and restore: SQLite's online backup API, rotation, encryption, verified restore.

**SQLite.** :func:`create_backup` takes a consistent snapshot of the open database while others
keep working and writes it to ``<name>.partial`` beside the target, fsyncs and only then
renames it to its final name: a crash never leaves a half file that looks like a backup. A
plain backup is a copy with the online backup API (``sqlite3.Connection.backup``). An
encrypted one (a passphrase: :mod:`mzdesk.core.privacy.sealed`, AES-256-GCM, scrypt) is sealed
*while it is written*: the snapshot is the database image in memory
(``sqlite3.Connection.serialize``; up to :data:`IN_MEMORY_LIMIT`, peak memory is about twice
the database's size), sealed chunk by chunk into the ``.partial`` file — no plaintext copy
reaches the disk, so ``kill -9`` can leave only ciphertext behind. A bigger database is copied
into a private temporary folder (0700, :func:`mzdesk.core.files.private_temp_dir`) and sealed
from there; the folder is removed right after, or — after a ``kill -9`` — by the next mzdesk
command or GUI start. (A SQLCipher database's copy is ciphertext already and is sealed on
top.)

**Automatic backups** (:func:`auto_backup`, called by the GUI on close and daily, and by
``mzdesk backup``) go to the folder ``backup.folder`` (default, :func:`default_folder`:
``backups`` beside a SQLite file; for PostgreSQL ``backups/<database name>`` in the user's data
folder) and are named after their database: ``<name>.<YYYYMMDDTHHMMSSZ>.<tag>.sqlite``,
``.pgdump`` or ``.mzbackup`` (encrypted, when ``backup.passphrase_file`` names a file holding
the passphrase) — ``<name>`` is the SQLite file's name without its suffix or the PostgreSQL
database's name, ``<tag>`` eight hex digits of the installation id (two desks' databases
called ``mzdesk.sqlite`` may share one configured folder). :func:`rotate` works on one
database's backups only (:class:`BackupSet`): it keeps the newest of each of the last
``backup.keep_daily`` days that have one, and never deletes the last encrypted backup while
no newer encrypted one is kept — so a plain backup never replaces an encrypted one. The daily
check (:func:`latest_backup_time`) looks at the same database's backups only.
Rotation is also how an erased person leaves the backups: backups taken after an erasure no
longer contain them, older ones expire. Backups made by hand (``-o``) never rotate.

**Names of the previous scheme** (``mzdesk-YYYYMMDDTHHMMSSZ.*``, one for every database in
the folder) are still listed (:func:`backups_in`) and restored. Each one rotates with the
database whose audit trail records writing it (the ``backup`` entry names the file); one that
no database can be told to have written (a trail restored to before it, a deleted database)
is left alone: delete it by hand once it is no longer needed.

**The erasure ledger.** A restore must not bring an erased person back. The ledger is the list
of erased person ids (never a name): the live database's ``erase`` audit entries and
anonymised records (:func:`mzdesk.core.privacy.erase.erased_ids`), and ``mzdesk-erasures.txt``
(:data:`LEDGER_NAME`), which every backup writes into its folder — so that a restore onto a
fresh machine, or after the database file was lost, still knows them as of the newest backup.

**Restore** (:func:`restore`) first stages the file beside the database (decrypting it), then
verifies it — SQLite header, ``PRAGMA integrity_check``, the tables of an mzdesk database, a
schema revision this mzdesk knows (equal, or older: migrated) — then re-applies every erasure
of the ledger that the backup predates (and scrubs the staged file), and only then
checkpoints the current database, renames it (with its ``-wal``) to
``<name>.replaced-<timestamp>.sqlite`` and moves the staged file into place. A corrupt,
foreign, newer or undecryptable file is refused with one line and the database is untouched.
Close every mzdesk window on that database before restoring.

**PostgreSQL.** :func:`create_backup` runs ``pg_dump --format=custom`` (found on ``PATH``) and
reads the dump from its standard output, sealing it on the way when a passphrase is given. The
password never goes on pg_dump's command line or into its environment: it is written to a
libpq password file (0600, in a private 0700 temporary folder, ``PGPASSFILE``) that is removed
as soon as pg_dump has connected (its first output) or ended; one left by a ``kill -9`` in
between is removed by the next mzdesk command (:func:`mzdesk.core.files.remove_stale_temp`).
Restoring a server database is the administrator's job with ``pg_restore`` (see the README);
:func:`restore` refuses it with that hint.

Every file and folder written here is its owner's only (:mod:`mzdesk.core.files`).
Backups and restores are audited (file names only) and need ``Action.BACKUP``.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from mzdesk.core import access, files, schema
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
from mzdesk.core.models import AuditEntry
from mzdesk.core.org_settings import get_setting
from mzdesk.core.privacy import erase
from mzdesk.core.privacy.sealed import MAGIC as SEAL_MAGIC
from mzdesk.core.privacy.sealed import (
    SealedError,
    is_sealed,
    seal_file,
    seal_stream,
    unseal_file,
)
from mzdesk.core.services import audit, cli_sessions

log = logging.getLogger(__name__)

PLAIN_SUFFIX = ".sqlite"
SEALED_SUFFIX = ".mzbackup"
DUMP_SUFFIX = ".pgdump"
PARTIAL_SUFFIX = ".partial"
STALE_PARTIAL = timedelta(hours=1)
_STAMP = r"(?P<stamp>\d{8}T\d{6}Z)"
_TAIL = r"(?:-(?P<n>\d+))?(?:\.sqlite|\.mzbackup|\.pgdump)$"
# <database>.<time>.<installation tag>[-n].<suffix>:
# mzdesk-laptop.20261204T033114Z.3f2a9c1e.sqlite
_NAME = re.compile(rf"^(?P<base>.+)\.{_STAMP}\.(?P<tag>[0-9a-f]{{8}}){_TAIL}")
# the previous scheme, one for every database: mzdesk-<time>[-n].<suffix>
_LEGACY_NAME = re.compile(rf"^mzdesk-{_STAMP}{_TAIL}")
# Tables without which a file is not an mzdesk database.
REQUIRED_TABLES = frozenset({"alembic_version", "persons", "cases", "audit_entries", "settings"})
PG_DUMP_TIMEOUT_S = 3600
# An encrypted backup of a plain SQLite database up to this size is sealed from memory (about
# twice its size for a moment); a bigger one from a copy in a private temporary folder.
IN_MEMORY_LIMIT = 256 << 20
LEDGER_NAME = "mzdesk-erasures.txt"
_LEDGER_HEAD = (
    "# mzdesk erasure ledger: the ids of erased person records (never a name).\n"
    "# A restore of an older backup erases them again: keep this file with the backups.\n"
)


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
    erasures_reapplied: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "restored_from": str(self.restored_from),
            "previous_database_kept_as": str(self.aside),
            "revision": self.revision,
            "migrated": self.migrated,
            "erasures_reapplied": self.erasures_reapplied,
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


def database_name(database: Database) -> str:
    """The name backups of ``database`` are given: the SQLite file's name without its suffix
    (``mzdesk-laptop``), or the PostgreSQL database's name (characters a file name cannot
    hold replaced by ``_``)."""
    if database.path is not None:
        return database.path.stem
    name = re.sub(r"[^\w.-]", "_", str(database.url.database or "")).lstrip(".")
    return name or "database"


def installation_tag(database: Database) -> str:
    """Eight hex digits of the database's installation id: two databases of the same name
    (two desks' ``mzdesk.sqlite`` backing up into one share) keep their backups apart."""
    return (database.installation_id.replace("-", "").lower() + "0" * 8)[:8]


def default_folder(database: Database) -> Path:
    """``backups`` beside a SQLite file; for a server database ``backups/<database name>`` in
    the user's data folder (``platformdirs.user_data_path``, beside the default database)."""
    if database.path is not None:
        return database.path.parent / "backups"
    from platformdirs import user_data_path

    return user_data_path("mzdesk", appauthor=False) / "backups" / database_name(database)


def backup_folder(database: Database, session: Session) -> Path:
    """The setting ``backup.folder``, or :func:`default_folder`."""
    configured = str(get_setting(session, "backup.folder") or "").strip()
    if configured:
        return Path(configured).expanduser()
    return default_folder(database)


def configured_passphrase(session: Session) -> str | None:
    configured = str(get_setting(session, "backup.passphrase_file") or "").strip()
    return read_passphrase_file(Path(configured).expanduser()) if configured else None


def default_name(database: Database, folder: Path, *, encrypted: bool) -> Path:
    """A new file in ``folder`` named after the database, the time and its installation tag:
    ``<name>.<YYYYMMDDTHHMMSSZ>.<tag>[-n].<suffix>``."""
    suffix = SEALED_SUFFIX if encrypted else (PLAIN_SUFFIX if database.is_sqlite else DUMP_SUFFIX)
    name, tag, now = database_name(database), installation_tag(database), datetime.now(UTC)
    base = f"{name}.{_stamp(now)}.{tag}"
    # after the newest of this second: a name that rotation freed again is not reused
    # (a backup named like the first would sort before the -2 beside it, and be rotated away)
    second = now.replace(microsecond=0)
    used = [f.n for f in _scan(folder) if (f.base, f.tag, f.when) == (name, tag, second)]
    counter = max(used, default=0) + 1
    target = folder / (f"{base}{suffix}" if counter == 1 else f"{base}-{counter}{suffix}")
    while target.exists():  # a partial file, or a name of another suffix
        counter += 1
        target = folder / f"{base}-{counter}{suffix}"
    return target


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def pgpass_line(password: str) -> str:
    """A libpq password-file line for any host, port, database and user."""
    if "\n" in password or "\r" in password:
        raise BackupError(
            "the database password contains a line break: pg_dump cannot be given it",
            german="Das Datenbank-Passwort enthält einen Zeilenumbruch.",
        )
    escaped = password.replace("\\", "\\\\").replace(":", "\\:")
    return f"*:*:*:*:{escaped}\n"


def _libpq_conninfo(database: Database) -> tuple[str, str | None]:
    """The server URL for libpq without any password, and the password."""
    url = database.url
    query = dict(url.query)
    password = url.password if url.password is not None else query.pop("password", None)
    query.pop("password", None)
    plain = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=query,
    )
    return plain.render_as_string(hide_password=False), (
        None if password is None else str(password)
    )


class _Prefixed:
    """``first`` and then the rest of ``stream``; ``read(n)`` returns n bytes until the end."""

    def __init__(self, first: bytes, stream: IO[bytes]) -> None:
        self._first, self._stream = first, stream

    def read(self, size: int = -1, /) -> bytes:
        head, self._first = self._first, b""
        if size < 0:
            return head + self._stream.read()
        return head + self._stream.read(size - len(head)) if size > len(head) else head


def _pg_dump(database: Database, partial: Path, passphrase: str | None) -> None:
    """``pg_dump`` into ``partial`` (sealed with ``passphrase``), read from its stdout."""
    executable = shutil.which("pg_dump")
    if executable is None:
        raise BackupError(
            "pg_dump not found: install the PostgreSQL client tools (same major version as the "
            "server)",
            german="pg_dump wurde nicht gefunden: bitte die PostgreSQL-Client-Werkzeuge "
            "installieren.",
        )
    conninfo, password = _libpq_conninfo(database)
    command = [executable, "--format=custom", "--no-owner", "--no-password"]
    command.append(f"--dbname={conninfo}")
    env = dict(os.environ)
    with files.private_temp_dir() as secret_folder:
        if password is not None:
            passfile = Path(secret_folder) / "pgpass"
            files.write_private(passfile, pgpass_line(password).encode("utf-8"))
            env["PGPASSFILE"] = str(passfile)
            env.pop("PGPASSWORD", None)  # it would win over the file
        with tempfile.TemporaryFile() as errors, files.open_private(partial) as sink:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors, env=env
            )
            assert process.stdout is not None
            timed_out = threading.Event()

            def stop() -> None:
                timed_out.set()
                process.kill()

            timer = threading.Timer(PG_DUMP_TIMEOUT_S, stop)
            timer.start()
            try:
                first = process.stdout.read(1)  # pg_dump writes once it is connected
                shutil.rmtree(secret_folder, ignore_errors=True)  # the password was read
                stream = _Prefixed(first, process.stdout)
                if passphrase:
                    seal_stream(stream, sink, passphrase)
                else:
                    shutil.copyfileobj(stream, sink)
                    sink.flush()
                    os.fsync(sink.fileno())
            except BaseException:
                process.kill()
                raise
            finally:
                process.stdout.close()
                returncode = process.wait()
                timer.cancel()
            if returncode != 0:
                errors.seek(0)
                lines = errors.read().decode("utf-8", "replace").strip().splitlines()
                reason = (lines or ["unknown error"])[-1]
                if timed_out.is_set():
                    reason = f"no end after {PG_DUMP_TIMEOUT_S} s"
                raise BackupError(
                    f"pg_dump failed: {reason}", german=f"pg_dump ist fehlgeschlagen: {reason}"
                )


def _sqlite_size(database: Database) -> int:
    assert database.path is not None
    wal = database.path.with_name(database.path.name + "-wal")
    return sum(path.stat().st_size for path in (database.path, wal) if path.exists())


def _sqlite_image(database: Database) -> bytes:
    """The SQLite database as one consistent image in memory (its WAL included)."""
    assert database.path is not None
    connection = connect_sqlite_file(database.path, timeout=30)
    try:
        return bytes(connection.serialize())
    finally:
        connection.close()


def _write_backup(database: Database, partial: Path, passphrase: str | None) -> None:
    """The backup's bytes into ``partial`` (0600), fsynced; a plaintext copy of the data only
    when no passphrase was asked for (then the backup itself is one)."""
    if not database.is_sqlite:
        _pg_dump(database, partial, passphrase)
    elif passphrase and not database.encrypted and _sqlite_size(database) <= IN_MEMORY_LIMIT:
        image = _sqlite_image(database)
        with files.open_private(partial) as sink:
            seal_stream(io.BytesIO(image), sink, passphrase)
        del image
    elif passphrase and not database.encrypted:  # too big for memory: a private staging copy
        with files.private_temp_dir() as folder:
            copy = Path(folder) / "snapshot.sqlite"
            database.copy_to(copy)
            seal_file(copy, partial, passphrase)
    elif passphrase:  # SQLCipher: the copy is ciphertext already, sealed on top
        copy = partial.with_name(partial.name.removesuffix(PARTIAL_SUFFIX) + ".sqlcipher.partial")
        try:
            database.copy_to(copy)
            seal_file(copy, partial, passphrase)
        finally:
            for leftover in (copy, copy.with_name(copy.name + "-journal")):
                leftover.unlink(missing_ok=True)
    else:
        database.copy_to(partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())


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
        ledger = erase.erased_ids(session)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        files.private_dir(target.parent)
        write_ledger(target.parent, ledger)  # first: an older backup there may need it
        _write_backup(database, partial, passphrase)
        partial.replace(target)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise BackupError(
            f"backup to {target} failed: {exc.strerror or exc}",
            german=f"Die Sicherung nach {target} ist fehlgeschlagen.",
        ) from exc
    finally:
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


# --- the erasure ledger ------------------------------------------------------------------------


def read_ledger(folder: Path) -> set[uuid.UUID]:
    """The person ids in ``folder``'s :data:`LEDGER_NAME` (none if there is no such file)."""
    try:
        text = (folder / LEDGER_NAME).read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    except (OSError, UnicodeDecodeError) as exc:
        raise BackupError(
            f"cannot read the erasure ledger {folder / LEDGER_NAME}: "
            f"{getattr(exc, 'strerror', None) or exc}",
            german=f"Die Löschliste {folder / LEDGER_NAME} kann nicht gelesen werden.",
        ) from exc
    found: set[uuid.UUID] = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                found.add(uuid.UUID(line))
            except ValueError:
                log.warning("erasure ledger %s: a line that is no id was skipped", LEDGER_NAME)
    return found


def write_ledger(folder: Path, ids: Iterable[uuid.UUID]) -> Path | None:
    """Add ``ids`` to ``folder``'s ledger (written only once there is an erasure to keep)."""
    path = folder / LEDGER_NAME
    known = read_ledger(folder)
    merged = known | set(ids)
    if merged == known:
        return path if path.exists() else None
    lines = "".join(f"{person_id}\n" for person_id in sorted(merged, key=str))
    files.write_private(path, (_LEDGER_HEAD + lines).encode("utf-8"))
    return path


# --- the automatic backups of a folder ---------------------------------------------------------


@dataclass(frozen=True)
class BackupFile:
    """An automatic backup found in a folder, by its name."""

    when: datetime
    n: int  # the counter of a second backup within the same second
    path: Path
    base: str | None  # the database's name; None for a name of the previous scheme
    tag: str | None  # its installation tag (None for the previous scheme)


@dataclass(frozen=True)
class BackupSet:
    """Which automatic backups in a folder are one database's: those named after it (its
    name and installation tag), and the previous scheme's ``mzdesk-<time>`` files that its
    audit trail records writing (``legacy``)."""

    base: str
    tag: str
    legacy: frozenset[str] = frozenset()

    def owns(self, found: BackupFile) -> bool:
        if found.base is None:
            return found.path.name in self.legacy
        return found.base == self.base and found.tag == self.tag


def _scan(folder: Path) -> list[BackupFile]:
    """Every automatic backup in ``folder`` (of any database, old names too), oldest first."""
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name) or _LEGACY_NAME.match(path.name)
        if match and path.is_file():
            when = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            groups = match.groupdict()
            found.append(
                BackupFile(when, int(match["n"] or 1), path, groups.get("base"), groups.get("tag"))
            )
    return sorted(found, key=lambda item: (item.when, item.n, item.path.name))


def _recorded_backups(session: Session) -> set[str]:
    """The file names of every backup the audit trail of this database records."""
    names: set[str] = set()
    for details in session.scalars(select(AuditEntry.details).where(AuditEntry.action == "backup")):
        name = details.get("file") if isinstance(details, dict) else None
        if isinstance(name, str):
            names.add(name)
    return names


def backup_set(database: Database, folder: Path, *, user_id: uuid.UUID | None = None) -> BackupSet:
    """The backups in ``folder`` that are ``database``'s (see :class:`BackupSet`)."""
    legacy = {found.path.name for found in _scan(folder) if found.base is None}
    if legacy:
        with _session(database, user_id) as session:
            legacy &= _recorded_backups(session)
    return BackupSet(database_name(database), installation_tag(database), frozenset(legacy))


def backups_in(folder: Path, of: BackupSet | None = None) -> list[tuple[datetime, Path]]:
    """The automatic backups in ``folder`` with their time, oldest first: all of them, or
    those of one database (``of``)."""
    return [(found.when, found.path) for found in _scan(folder) if of is None or of.owns(found)]


def is_encrypted_backup(path: Path) -> bool:
    """Sealed with a passphrase, or a copy of an encrypted (SQLCipher) database."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head.startswith(SEAL_MAGIC):
        return True
    return path.suffix == PLAIN_SUFFIX and len(head) == len(SQLITE_HEADER) and head != SQLITE_HEADER


def rotate(
    folder: Path, keep_daily: int, *, of: BackupSet, now: datetime | None = None
) -> list[Path]:
    """Of one database's backups in ``folder`` keep the newest of each of the newest
    ``keep_daily`` days and delete the rest — never another database's, and never its last
    encrypted backup while no newer encrypted one is kept (a plain backup does not replace
    it). Partial files a crash left (older than :data:`STALE_PARTIAL`) go too."""
    now = now or datetime.now(UTC)
    own = [found for found in _scan(folder) if of.owns(found)]
    newest_per_day: dict[str, Path] = {}
    for found in own:  # oldest first: a later one of the same day replaces it
        newest_per_day[found.when.strftime("%Y%m%d")] = found.path
    kept = {newest_per_day[day] for day in sorted(newest_per_day)[-keep_daily:]}
    if not any(is_encrypted_backup(path) for path in kept):
        encrypted = [found.path for found in own if is_encrypted_backup(found.path)]
        kept.update(encrypted[-1:])
    removed = [found.path for found in own if found.path not in kept]
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


def latest_backup_time(folder: Path, *, of: BackupSet) -> datetime | None:
    """The time of one database's newest automatic backup in ``folder`` (None: none yet)."""
    backups = backups_in(folder, of)
    return backups[-1][0] if backups else None


def auto_backup(database: Database, *, user_id: uuid.UUID | None = None) -> BackupResult:
    """The automatic backup: configured folder and passphrase, then this database's
    rotation."""
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
    removed = rotate(folder, keep, of=backup_set(database, folder, user_id=user_id))
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
    with source.open("rb") as reading, files.open_private(staged) as writing:
        shutil.copyfileobj(reading, writing)
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


def _ledger_for_restore(database: Database, session: Session, source: Path) -> set[uuid.UUID]:
    """Every erasure a restore must keep: the live database's, and the ledger files beside the
    backup being restored and in the backup folder."""
    ledger = erase.erased_ids(session)
    folders = {source.resolve().parent}
    with contextlib.suppress(BackupError):  # a server database without backup.folder
        folders.add(backup_folder(database, session).resolve())
    for folder in sorted(folders):
        ledger |= read_ledger(folder)
    return ledger


def _reapply_erasures(
    database: Database,
    staged: Path,
    ledger: set[uuid.UUID],
    info: BackupInfo,
    user_id: uuid.UUID | None,
) -> int:
    """Erase again in the staged file what the ledger says was erased since the backup."""
    if not ledger:
        return 0
    driver = "sqlite+pysqlcipher" if database.encrypted else "sqlite"
    key = str(database.url.password) if database.encrypted else None
    copy = Database(URL.create(driver, database=str(staged)), key=key)
    try:
        if not info.current:
            schema.upgrade(copy)  # the erasure works on this mzdesk's tables
        report = erase.reapply_erasures(copy, ledger, user_id=user_id)
    finally:
        copy.close()
    connection = connect_sqlite_file(staged, key)
    try:  # everything into the one file: the -wal beside it is not moved into place
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    return len(report.erased)


def restore(
    database: Database,
    source: Path,
    *,
    passphrase: str | None = None,
    user_id: uuid.UUID | None = None,
    backup_key: str | None = None,
) -> RestoreResult:
    """Verify ``source``, re-apply the erasures made since, and only then make it the
    database; the old one is kept aside.

    ``backup_key``: for an encrypted database, the key of a backup made before the database's
    key was changed; the restored copy gets the database's current key.
    """
    with _session(database, user_id) as session:
        access.require(session, Action.BACKUP)
        if not database.is_sqlite or database.path is None:
            raise RestoreRefused(
                "a PostgreSQL database is restored by its administrator with pg_restore "
                "(see the README)",
                german="Eine PostgreSQL-Datenbank stellt die Administration mit pg_restore "
                "wieder her.",
            )
        ledger = _ledger_for_restore(database, session, source)
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
        reapplied = _reapply_erasures(database, staged, ledger, info, user_id)
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
    result = RestoreResult(
        source, aside, info.revision, migrated=not info.current, erasures_reapplied=reapplied
    )
    if result.migrated:
        schema.upgrade(database)
    else:
        database.enable_wal()
    with _session(database, user_id) as session:
        # the backup's command-line sessions, some logged out since: everyone logs in anew
        sessions_ended = cli_sessions.end_everyone(session)
        audit.append(
            session,
            "restore",
            "database",
            details={
                "file": source.name,
                "aside": aside.name,
                "revision": info.revision,
                "migrated": result.migrated,
                "erasures_reapplied": reapplied,
                "cli_sessions_ended": sessions_ended,
            },
            anchor_reset="restore",  # audit anchor: the restored trail is the new end
        )
        session.commit()
    log.info(
        "database restored from %s (previous kept as %s, %d erasures re-applied)",
        source.name,
        aside.name,
        reapplied,
    )
    return result
