"""Encrypting a SQLite database at rest with SQLCipher: a verified encrypted copy, a new key.

``mzdesk db encrypt -o F`` turns a plain database into an encrypted copy with
``sqlcipher_export`` (the SQLCipher way: every table, index, trigger and the FTS5 search index,
page by page into a keyed file), then opens the copy with its key and checks it — integrity
check, the same number of rows in every table — before it reports success. The plain original
is not changed: the administrator deletes it (securely, see the README) once the copy is in
use. ``mzdesk db rekey`` changes the key of an encrypted database in place (``PRAGMA rekey``),
e.g. when someone who knew it leaves the team.

Both need ``Action.BACKUP`` (admins): they read or rewrite the whole file. Audited without the
key.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from mzdesk.core import access
from mzdesk.core.access import Action
from mzdesk.core.database import (
    MIN_KEY_LENGTH,
    Database,
    connect_sqlite_file,
    file_errors,
    opens_with,
    rekey_sqlite_file,
)
from mzdesk.core.errors import MzdeskError
from mzdesk.core.files import create_private
from mzdesk.core.services import audit

log = logging.getLogger(__name__)


class EncryptionError(MzdeskError):
    """The database could not be encrypted or rekeyed; nothing was changed."""


@dataclass(frozen=True)
class EncryptResult:
    path: Path
    tables: int
    rows: int

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "tables": self.tables, "rows": self.rows}


def check_key(key: str) -> None:
    """Refuse keys too short to resist guessing (the file may be stolen with the laptop)."""
    if len(key) < MIN_KEY_LENGTH:
        raise EncryptionError(
            f"the database key must have at least {MIN_KEY_LENGTH} characters",
            german=f"Der Datenbank-Schlüssel muss mindestens {MIN_KEY_LENGTH} Zeichen lang sein.",
        )


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _row_counts(connection: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in names
    }


def _require(database: Database, user_id: uuid.UUID | None) -> None:
    with database.session(user_id) as session:
        access.require(session, Action.BACKUP)


def _audit(database: Database, user_id: uuid.UUID | None, action: str, **details: Any) -> None:
    with database.session(user_id) as session:
        audit.append(session, action, "database", details=details)
        session.commit()


def encrypt_copy(
    database: Database, target: Path, key: str, *, user_id: uuid.UUID | None = None
) -> EncryptResult:
    """Write an encrypted, verified copy of the plain SQLite ``database`` to ``target``."""
    _require(database, user_id)
    if not database.is_sqlite or database.path is None:
        raise EncryptionError(
            "only a SQLite database file can be encrypted (PostgreSQL: encrypt the server's disk)",
            german="Nur eine SQLite-Datenbankdatei lässt sich verschlüsseln.",
        )
    if database.encrypted:
        raise EncryptionError(
            "the database is encrypted already (change its key with 'mzdesk db rekey')",
            german="Die Datenbank ist bereits verschlüsselt.",
        )
    check_key(key)
    target = target.resolve()
    if target.exists():
        raise EncryptionError(
            f"{target} exists: name a new file", german=f"{target} existiert bereits."
        )
    try:
        import sqlcipher3
    except ImportError as exc:
        raise EncryptionError(
            "encrypting needs SQLCipher: pip install sqlcipher3-binary",
            german="Zum Verschlüsseln fehlt SQLCipher (sqlcipher3-binary).",
        ) from exc
    with database.engine.connect() as connection:  # everything into the main file first
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private(partial)  # SQLCipher fills the empty file: 0600 like every database
    source = sqlcipher3.connect(str(database.path), timeout=30)
    try:
        source.execute("PRAGMA cipher_log_level = NONE")
        source.execute(f"ATTACH DATABASE {_quoted(str(partial))} AS encrypted KEY {_quoted(key)}")
        source.execute("BEGIN")  # one snapshot for the export and the counts
        expected = _row_counts(source)
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute("COMMIT")
        source.execute("DETACH DATABASE encrypted")
    except sqlcipher3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise EncryptionError(
            f"encrypting failed: {exc}", german="Das Verschlüsseln ist fehlgeschlagen."
        ) from exc
    finally:
        source.close()
    reader = connect_sqlite_file(partial, key)  # the path as it is: no URL to escape
    try:
        reader.execute("PRAGMA journal_mode = WAL")
        problems = [row[0] for row in reader.execute("PRAGMA integrity_check")]
        found = _row_counts(reader)
    except file_errors() as exc:
        partial.unlink(missing_ok=True)
        raise EncryptionError(
            f"the encrypted copy cannot be read back: {exc}",
            german="Die verschlüsselte Kopie lässt sich nicht lesen.",
        ) from exc
    finally:
        reader.close()
    if problems != ["ok"] or found != expected:
        partial.unlink(missing_ok=True)
        raise EncryptionError(
            "the encrypted copy did not match the database; nothing was written",
            german="Die verschlüsselte Kopie stimmt nicht mit der Datenbank überein.",
        )
    partial.replace(target)
    for extra in ("-wal", "-shm"):
        partial.with_name(partial.name + extra).unlink(missing_ok=True)
    result = EncryptResult(target, len(found), sum(found.values()))
    _audit(database, user_id, "encrypt", file=target.name, tables=result.tables)
    log.info("encrypted copy written: %s (%d tables)", target.name, result.tables)
    return result


def rekey(database: Database, new_key: str, *, user_id: uuid.UUID | None = None) -> None:
    """Give the encrypted ``database`` a new key (every page re-encrypted, in place).

    Done on one connection holding the file exclusively; afterwards the file must open with
    the new key and no longer with the old one, else :class:`EncryptionError`. A crash in the
    middle leaves the old key (SQLite's rollback journal). ``database`` is closed afterwards:
    open it again with the new key. Backups made before keep the old key.
    """
    _require(database, user_id)
    if not database.encrypted or database.path is None:
        raise EncryptionError(
            "the database is not encrypted (encrypt a copy with 'mzdesk db encrypt')",
            german="Die Datenbank ist nicht verschlüsselt.",
        )
    check_key(new_key)
    old_key = str(database.url.password)
    path = database.path
    acting = user_id or database.acting_user_id
    database.engine.dispose()
    try:
        rekey_sqlite_file(path, old_key, new_key)
    except file_errors() as exc:
        raise EncryptionError(
            f"the key was not changed: {exc} (close every mzdesk on this database first)",
            german="Der Schlüssel wurde nicht geändert (bitte zuerst mzdesk überall schließen).",
        ) from exc
    finally:
        database.close()
    if not opens_with(path, new_key) or opens_with(path, old_key):
        raise EncryptionError(
            "the key change could not be confirmed: check the database with 'mzdesk db check'",
            german="Die Schlüsseländerung ließ sich nicht bestätigen.",
        )
    with Database(URL.create("sqlite+pysqlcipher", database=str(path)), key=new_key) as reopened:
        _audit(reopened, acting, "rekey")
    log.info("database key changed")
