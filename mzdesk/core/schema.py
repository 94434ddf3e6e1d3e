"""Schema revisions with Alembic: state, upgrade, downgrade, backup and integrity check.

The migrations ship inside the package (``mzdesk/core/migrations``). A database whose revision
this mzdesk does not know was written by a newer version and is refused unchanged.

Alembic (with mako and pygments, ~100 ms) is imported only when something is migrated,
compared or walked: telling whether a database is current reads ``alembic_version`` with
plain SQL and compares it with ``mzdesk.core.migrations.HEAD``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from mzdesk.core import migrations
from mzdesk.core.database import Database
from mzdesk.core.errors import SchemaOutdated, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_SHIPPED_MIGRATIONS_DIR = MIGRATIONS_DIR
VERSION_TABLE = "alembic_version"


class SchemaState(StrEnum):
    EMPTY = "empty"  # no tables at all: a new database
    CURRENT = "current"
    OUTDATED = "outdated"  # an older revision: upgrade needed
    TOO_NEW = "too_new"  # a revision we don't know: written by a newer mzdesk
    FOREIGN = "foreign"  # tables but no revision: not an mzdesk database


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    if MIGRATIONS_DIR == _SHIPPED_MIGRATIONS_DIR:
        return migrations.HEAD  # kept equal to Alembic's answer by a test
    head = script_directory().get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(database: Database) -> str | None:
    """The stored revision, read with plain SQL (what Alembic reads, without importing it)."""
    with database.engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
        if len(rows) > 1:  # several heads: let Alembic say what is wrong
            from alembic.migration import MigrationContext

            return MigrationContext.configure(connection).get_current_revision()
        return str(rows[0][0]) if rows else None


def state(database: Database) -> SchemaState:
    revision = current_revision(database)
    if revision is None:
        tables = set(inspect(database.engine).get_table_names()) - {"alembic_version"}
        return SchemaState.FOREIGN if tables else SchemaState.EMPTY
    if revision == head_revision():
        return SchemaState.CURRENT
    known = {script.revision for script in script_directory().walk_revisions()}
    return SchemaState.OUTDATED if revision in known else SchemaState.TOO_NEW


def _refuse_unusable(database: Database, current: SchemaState) -> None:
    if current is SchemaState.TOO_NEW:
        raise SchemaTooNew(
            f"the database {database.display_url} was written by a newer mzdesk "
            f"(schema {current_revision(database)}); update mzdesk — the database was not changed",
            german="Diese Datenbank stammt von einer neueren mzdesk-Version. Bitte mzdesk "
            "aktualisieren; die Datenbank wurde nicht verändert.",
        )
    if current is SchemaState.FOREIGN:
        raise SchemaTooNew(
            f"{database.display_url} holds tables but is not an mzdesk database; not changed",
            german="Die Datenbank enthält fremde Tabellen und ist keine mzdesk-Datenbank; "
            "sie wurde nicht verändert.",
        )


def upgrade(database: Database, revision: str = "head") -> None:
    """Migrate to ``revision`` (default: the newest this mzdesk knows)."""
    from alembic import command

    _refuse_unusable(database, state(database))
    database.enable_wal()
    with database.engine.begin() as connection:
        command.upgrade(_config(connection), revision)


def downgrade(database: Database, revision: str) -> None:
    from alembic import command

    with database.engine.begin() as connection:
        command.downgrade(_config(connection), revision)


def require_current(database: Database) -> None:
    """For commands that only read or write data: the schema must be exactly ours."""
    current = state(database)
    _refuse_unusable(database, current)
    if current is not SchemaState.CURRENT:
        raise SchemaOutdated(
            f"the database {database.display_url} needs 'mzdesk db upgrade' first",
            german="Die Datenbank muss zuerst aktualisiert werden (mzdesk db upgrade).",
        )


def backup_sqlite(database: Database, label: str) -> Path | None:
    """A consistent copy of a SQLite database beside it (the online backup API)."""
    if database.path is None or not database.path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = database.path.with_name(f"{database.path.stem}.{label}-{stamp}.sqlite")
    database.copy_to(target)
    return target


def migrate_on_start(database: Database) -> Path | None:
    """What the GUI does on start: refuse a newer schema, back up, then upgrade.

    Returns the backup file when one was taken (SQLite and an existing older schema).
    """
    current = state(database)
    _refuse_unusable(database, current)
    backup: Path | None = None
    if current is SchemaState.OUTDATED:
        backup = backup_sqlite(database, f"before-upgrade-{current_revision(database)}")
    if current is SchemaState.CURRENT:
        database.enable_wal()
    else:
        upgrade(database)
    return backup


@dataclass
class CheckReport:
    revision: str | None
    head: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# Search index objects made by migration 0002 that the model does not describe: the SQLite
# FTS5 table with its shadow tables (person_fts_data, _idx, _docsize, _config) and the
# PostgreSQL GIN expression index. (Triggers are not compared by Alembic.)
SEARCH_INDEX_TABLE = "person_fts"
SEARCH_INDEX_PG = "ix_persons_search_text_fts"


def is_search_index_table(name: str | None) -> bool:
    return name is not None and (
        name == SEARCH_INDEX_TABLE or name.startswith(f"{SEARCH_INDEX_TABLE}_")
    )


def _include_in_comparison(name: str | None, type_: str, _parents: object) -> bool:
    if type_ == "table":
        return not is_search_index_table(name)
    if type_ == "index":
        return name != SEARCH_INDEX_PG
    return True


def check(database: Database) -> CheckReport:
    """Integrity check plus schema revision and a comparison of tables with the model."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from mzdesk.core.models import Base

    report = CheckReport(revision=current_revision(database), head=head_revision())
    current = state(database)
    if current is not SchemaState.CURRENT:
        report.problems.append(
            f"schema revision {report.revision or 'none'} is {current.value}, "
            f"expected {report.head}"
        )
    with database.engine.connect() as connection:
        if database.is_sqlite:
            for (message,) in connection.execute(text("PRAGMA integrity_check")):
                if message != "ok":
                    report.problems.append(f"integrity: {message}")
            for row in connection.execute(text("PRAGMA foreign_key_check")):
                report.problems.append(f"foreign key: table {row[0]} row {row[1]} -> {row[2]}")
        if current is SchemaState.CURRENT:
            context = MigrationContext.configure(
                connection,
                opts={"compare_type": False, "include_name": _include_in_comparison},
            )
            for difference in compare_metadata(context, Base.metadata):
                report.problems.append(f"schema differs from the model: {difference!r}")
    return report
