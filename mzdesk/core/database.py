"""Opening a database: URL resolution, SQLite pragmas, clear errors, one session per action.

SQLite (a file in the user data directory) is the embedded default; ``--db URL`` or
``MZDESK_DATABASE_URL`` selects another, notably ``postgresql+psycopg://…`` for a team.

**Encrypted SQLite** (laptops): ``sqlite+pysqlcipher:///path`` opens the file through SQLCipher
(AES-256, page by page, FTS5 included; SQLAlchemy's ``pysqlcipher`` dialect over the
``sqlcipher3`` module). The key is the ``key`` argument, else the URL's password, else
``MZDESK_DATABASE_KEY``; without one :class:`DatabaseKeyRequired` lets the CLI or GUI ask for
it. SQLCipher derives the page key from it with PBKDF2-HMAC-SHA512 (256,000 rounds) once per
connection; the pool keeps connections open. :meth:`Database.connect_file` opens other files
(backups, copies) with the same driver and key.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from mzdesk.core.errors import DatabaseKeyRequired, DatabaseUnavailable, WrongDatabaseKey
from mzdesk.core.files import create_private, private_dir
from mzdesk.core.models import Person, Record, Setting
from mzdesk.core.models.base import utcnow
from mzdesk.core.names import person_search_text, person_sort_key

log = logging.getLogger(__name__)

ENV_DATABASE_URL = "MZDESK_DATABASE_URL"
ENV_DATABASE_KEY = "MZDESK_DATABASE_KEY"
ENCRYPTED_DRIVER = "pysqlcipher"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
INSTALLATION_KEY = "installation.id"


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("mzdesk", appauthor=False) / "mzdesk.sqlite"


# "scheme:" with at least two letters, so that a Windows drive ("C:\\data") stays a path.
_LOOKS_LIKE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+:")
_URL_PASSWORD = re.compile(r"(://[^/@:]*:).*@")


def _hide_password(raw: str) -> str:
    """For a string that may not even parse as a URL: mask what looks like a password."""
    return _URL_PASSWORD.sub(r"\1***@", raw)


def resolve_url(cli_url: str | None, environ: dict[str, str] | None = None) -> str:
    """``--db`` wins over ``MZDESK_DATABASE_URL``, which wins over the default SQLite file.

    A plain path is accepted as a SQLite file for convenience.
    """
    environ = dict(os.environ) if environ is None else environ
    raw = cli_url or environ.get(ENV_DATABASE_URL) or ""
    if not raw:
        return f"sqlite:///{default_database_path()}"
    if "://" not in raw and not _LOOKS_LIKE_URL.match(raw):
        return f"sqlite:///{Path(raw).expanduser().resolve()}"
    # A URL, or a mistyped one ("sqlite:/x.db"): Database refuses the latter instead of
    # creating a folder named "sqlite:" in the working directory.
    return raw


def describe_url(url: str | URL) -> str:
    """The URL with any password hidden: safe for the status bar and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return "<invalid database URL>"


def _parse(url: str | URL) -> URL:
    try:
        return make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        shown = _hide_password(str(url))
        raise DatabaseUnavailable(
            f"not a database URL: {shown!r}",
            german=f"Keine gültige Datenbank-Adresse: {shown!r}",
        ) from exc


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def is_encrypted(url: URL) -> bool:
    """A SQLCipher URL (``sqlite+pysqlcipher:///…``)."""
    return url.get_backend_name() == "sqlite" and url.get_driver_name() == ENCRYPTED_DRIVER


def _check_sqlite_file(path: Path, *, create: bool, encrypted: bool = False) -> None:
    """Refuse, before SQLite touches anything, what would fail later or change a foreign file."""
    if path.exists():
        if not path.is_file():
            raise DatabaseUnavailable(f"{path} is not a file", german=f"{path} ist keine Datei.")
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if encrypted and header == SQLITE_HEADER:
            raise DatabaseUnavailable(
                f"{path} is not encrypted: open it as sqlite:///{path} "
                "(or encrypt a copy with 'mzdesk db encrypt')",
                german=f"{path} ist nicht verschlüsselt: bitte als sqlite:///{path} öffnen "
                "(oder mit »mzdesk db encrypt« eine verschlüsselte Kopie anlegen).",
            )
        if header and header != SQLITE_HEADER and not encrypted:
            raise DatabaseUnavailable(
                f"{path} is not an mzdesk database (not a SQLite file; an encrypted one opens "
                "as sqlite+pysqlcipher:///…)",
                german=f"{path} ist keine mzdesk-Datenbank (keine SQLite-Datei).",
            )
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseUnavailable(
                f"{path} is read-only (the file and its folder must be writable)",
                german=f"{path} ist schreibgeschützt (Datei und Ordner müssen beschreibbar sein).",
            )
        return
    if not create:
        raise DatabaseUnavailable(
            f"database file {path} does not exist",
            german=f"Die Datenbankdatei {path} existiert nicht.",
        )
    folder = path.parent
    if not folder.exists():
        try:
            private_dir(folder)
        except OSError as exc:
            raise DatabaseUnavailable(
                f"cannot create folder {folder}: {exc.strerror}",
                german=f"Der Ordner {folder} kann nicht angelegt werden: {exc.strerror}",
            ) from exc
    if not os.access(folder, os.W_OK):
        raise DatabaseUnavailable(
            f"cannot create a database in {folder}: the folder is read-only",
            german=f"In {folder} kann keine Datenbank angelegt werden: "
            "Der Ordner ist schreibgeschützt.",
        )
    create_private(path)  # SQLite fills an empty file, and gives -wal and -shm its mode


def _quiet_sqlcipher(dbapi_connection: Any, _record: Any) -> None:
    # SQLCipher writes a wrong key's decryption errors to stderr; the error raised is enough.
    dbapi_connection.execute("PRAGMA cipher_log_level = NONE")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Only settings of the connection here: nothing that writes to the file. WAL mode is stored
    # in the file, so it is switched on by the schema upgrade (Database.enable_wal), never on a
    # database that mzdesk refuses unchanged (a foreign file, one from a newer mzdesk).
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _stamp_records(session: Session, _context: Any, _instances: Any) -> None:
    """Fill origin and the updated_* columns on every flush, so no service can forget them."""
    user_id = session.info.get("user_id")
    origin = session.info.get("origin", "")
    now = utcnow()
    for obj in [*session.new, *session.dirty]:
        if isinstance(obj, Person):
            key = person_sort_key(obj.family_name, obj.given_names)
            if obj.sort_key != key:
                obj.sort_key = key
            searched = person_search_text(
                family_name=obj.family_name,
                given_names=obj.given_names,
                family_name_original=obj.family_name_original,
                given_names_original=obj.given_names_original,
                file_number=obj.file_number,
                phone=obj.phone,
                birth_date=obj.birth_date,
            )
            if obj.search_text != searched:
                obj.search_text = searched
    for obj in session.new:
        if isinstance(obj, Record):
            if not obj.origin:
                obj.origin = origin
            obj.updated_by = obj.updated_by or user_id
    for obj in session.dirty:
        if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
            obj.updated_by = user_id


def file_errors() -> tuple[type[Exception], ...]:
    """The DB-API errors that connections from :meth:`Database.connect_file` raise."""
    try:
        import sqlcipher3
    except ImportError:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


MIN_KEY_LENGTH = 12


def check_key(key: str) -> None:
    """Refuse keys too short to resist guessing (the file may be stolen with the laptop)."""
    if len(key) < MIN_KEY_LENGTH:
        raise DatabaseUnavailable(
            f"the database key must have at least {MIN_KEY_LENGTH} characters",
            german=f"Der Datenbank-Schlüssel muss mindestens {MIN_KEY_LENGTH} Zeichen lang sein.",
        )


def _database_key(url: URL, key: str | None) -> str:
    found = key or url.password or os.environ.get(ENV_DATABASE_KEY)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        # A new encrypted file is made only with a key given on purpose (never from a prompt
        # typed once: a typo would lock the data away), and a key long enough.
        if not (key or url.password or os.environ.get(ENV_DATABASE_KEY)):
            raise DatabaseUnavailable(
                f"there is no encrypted database {path}: make one with 'mzdesk db encrypt' "
                f"(or create it with its key in {ENV_DATABASE_KEY})",
                german=f"Die verschlüsselte Datenbank {path} gibt es nicht.",
            )
        check_key(str(found))
    if not found:
        raise DatabaseKeyRequired(
            f"{describe_url(url)} is encrypted: give its key ({ENV_DATABASE_KEY} or the prompt)",
            german="Die Datenbank ist verschlüsselt: bitte den Datenbank-Schlüssel eingeben.",
        )
    return str(found)


def connect_sqlite_file(path: Path, key: str | None = None, *, timeout: float = 5.0) -> Any:
    """A plain DB-API connection to the SQLite file ``path``; with ``key`` through SQLCipher."""
    if key is None:
        return sqlite3.connect(path, timeout=timeout)
    import sqlcipher3

    connection = sqlcipher3.connect(str(path), timeout=timeout)
    connection.execute("PRAGMA cipher_log_level = NONE")
    quoted = key.replace('"', '""')
    connection.execute(f'PRAGMA key = "{quoted}"')
    return connection


def rekey_sqlite_file(path: Path, old_key: str, new_key: str) -> None:
    """Re-encrypt every page of the SQLCipher file ``path`` with ``new_key``, holding the file
    exclusively (nobody else may be inside); a crash leaves the old key (rollback journal).
    Raises the driver's error (:func:`file_errors`) when the file is busy or the key wrong."""
    quoted = new_key.replace("'", "''")
    connection = connect_sqlite_file(path, old_key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")  # rekey needs the rollback journal
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")  # the lock, kept by the exclusive locking mode
        connection.execute("COMMIT")
        connection.execute(f"PRAGMA rekey = '{quoted}'")
        connection.execute("PRAGMA locking_mode = NORMAL")
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()


def opens_with(path: Path, key: str) -> bool:
    """Whether ``key`` opens the encrypted SQLite file ``path``."""
    connection = connect_sqlite_file(path, key)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except file_errors():
        return False
    finally:
        connection.close()


class Database:
    """An open database: its engine, its session factory and its installation id."""

    def __init__(
        self, url: str | URL, *, create: bool = False, echo: bool = False, key: str | None = None
    ) -> None:
        self.url = _parse(url)
        self.encrypted = is_encrypted(self.url)
        if self.encrypted:
            self.url = self.url.set(password=_database_key(self.url, key))
        self.display_url = describe_url(self.url)
        path = sqlite_file(self.url)
        if path is not None:
            _check_sqlite_file(path, create=create, encrypted=self.encrypted)
        self.path = path
        connect_args: dict[str, Any] = {}
        engine_args: dict[str, Any] = {}
        if self.url.get_backend_name() == "postgresql":
            connect_args["connect_timeout"] = 5
        if self.encrypted:
            # pysqlcipher defaults to SingletonThreadPool, which closes a connection another
            # (background) thread may still use once more than five threads connected: the
            # same pool as plain SQLite files instead (one connection per checkout).
            engine_args["poolclass"] = QueuePool
            connect_args["check_same_thread"] = False
        try:
            self.engine: Engine = create_engine(
                self.url,
                echo=echo,
                connect_args=connect_args,
                pool_pre_ping=True,
                # a database error's text never holds the row's values (names, birth dates):
                # it may end up on a screen or in a log (security review F13)
                hide_parameters=True,
                **engine_args,
            )
        except (NoSuchModuleError, ArgumentError, ImportError) as exc:
            if self.encrypted and isinstance(exc, ImportError):
                raise DatabaseUnavailable(
                    "encrypted databases need SQLCipher: pip install sqlcipher3-binary",
                    german="Für verschlüsselte Datenbanken fehlt SQLCipher (sqlcipher3-binary).",
                ) from exc
            raise DatabaseUnavailable(
                f"unsupported database URL {self.display_url}: {exc}",
                german=f"Nicht unterstützte Datenbank-Adresse {self.display_url}.",
            ) from exc
        if self.encrypted:
            event.listen(self.engine, "connect", _quiet_sqlcipher, insert=True)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _stamp_records)
        from mzdesk.core import scope  # access -> database: imported here, not at the top

        scope.install(self._sessions)
        self._installation_id: str | None = None
        # the authenticated user every session acts for unless told otherwise (CLI login)
        self.acting_user_id: uuid.UUID | None = None
        self._probe()

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    def _probe(self) -> None:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DBAPIError as exc:
            self.engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            if self.encrypted and "not a database" in reason:
                raise WrongDatabaseKey(
                    f"the key does not open {self.display_url} (or it is no mzdesk database)",
                    german="Der Schlüssel passt nicht zu dieser Datenbank "
                    "(oder die Datei ist keine mzdesk-Datenbank).",
                ) from exc
            raise DatabaseUnavailable(
                f"cannot open database {self.display_url}: {reason}",
                german=f"Die Datenbank {self.display_url} lässt sich nicht öffnen: {reason}",
            ) from exc

    def connect_file(self, path: Path, *, timeout: float = 5.0) -> Any:
        """A plain DB-API connection to ``path`` with this database's driver and key: how
        backups are written and checked (an encrypted database's copies are encrypted too)."""
        key = str(self.url.password) if self.encrypted else None
        return connect_sqlite_file(path, key, timeout=timeout)

    def copy_to(self, target: Path) -> None:
        """A consistent copy of this SQLite database (the online backup API, while others keep
        writing); an encrypted database's copy has the same key."""
        assert self.path is not None
        target.unlink(missing_ok=True)
        create_private(target)  # 0600, and so its journal
        reading = self.connect_file(self.path, timeout=30)
        try:
            writing = self.connect_file(target)
            try:
                reading.backup(writing)
            finally:
                writing.close()
        finally:
            reading.close()

    def enable_wal(self) -> None:
        """Put a SQLite database into WAL mode (a setting kept in the file; no-op otherwise)."""
        if not self.is_sqlite:
            return
        with self.engine.connect() as connection:
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
            if str(mode).lower() != "wal":
                connection.exec_driver_sql("PRAGMA journal_mode = WAL")
                log.info("SQLite database switched to WAL mode")

    def session(self, user_id: uuid.UUID | None = None) -> Session:
        """A new session for one user action (the caller commits or rolls back).

        Without ``user_id`` it acts for ``acting_user_id`` (set once the CLI or GUI has
        authenticated someone); when that is unset too, for the program itself.
        """
        session = self._sessions()
        if user_id is None:
            user_id = self.acting_user_id
        session.info["user_id"] = user_id
        session.info["origin"] = self.installation_id
        return session

    @property
    def installation_id(self) -> str:
        """This database's installation id, the ``origin`` of rows created here."""
        if self._installation_id is None:
            if not inspect(self.engine).has_table(Setting.__tablename__):
                return ""  # an empty database before its first upgrade
            with self._sessions() as session:
                stored = session.scalars(
                    select(Setting.value).where(
                        Setting.key == INSTALLATION_KEY, Setting.user_id.is_(None)
                    )
                ).first()
                if stored is None:
                    stored = str(uuid.uuid4())
                    session.add(Setting(key=INSTALLATION_KEY, value=stored, origin=stored))
                    session.commit()
            self._installation_id = str(stored)
        return self._installation_id

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
