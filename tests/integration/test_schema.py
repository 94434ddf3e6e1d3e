"""Schema migrations on SQLite and PostgreSQL: up, down, from every revision, refusals, backups."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Connection, MetaData, Table, create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.errors import SchemaOutdated, SchemaTooNew
from mzdesk.core.models import Base, Person, Team
from mzdesk.core.schema import SchemaState

MODEL_TABLES = set(Base.metadata.tables)
FUTURE_REVISION = "9999_future"
LATER_REVISION = "9000_later_for_tests"

LATER_REVISION_SOURCE = '''"""A schema revision after the shipped head, for tests only."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("later_for_tests", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("later_for_tests")
'''


# --- helpers ---------------------------------------------------------------------------------


def table_names(db: Database) -> set[str]:
    """The tables, without the search index (SQLite FTS5 and its shadow tables, see 0002)."""
    names = inspect(db.engine).get_table_names()
    return {name for name in names if not schema.is_search_index_table(name)}


def snapshot(url: str) -> dict[str, Any]:
    """Everything a refusal must leave alone, taken while nothing has the database open.

    SQLite: the bytes of every file in the database's folder (so also no -wal, -shm, backup).
    PostgreSQL: tables, indexes, alembic_version and the row count of every table.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database
        folder = Path(parsed.database).parent
        return {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.iterdir())
        }
    engine = create_engine(parsed)
    try:
        with engine.connect() as connection:
            tables = sorted(inspect(connection).get_table_names())
            result: dict[str, Any] = {
                "indexes": connection.execute(
                    text(
                        "SELECT tablename, indexname, indexdef FROM pg_indexes "
                        "WHERE schemaname = 'public' ORDER BY 1, 2"
                    )
                ).all(),
                "counts": {
                    name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                    for name in tables
                },
            }
            if "alembic_version" in tables:
                result["alembic_version"] = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).all()
            return result
    finally:
        engine.dispose()


def stamp(db: Database, revision: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def add_person(db: Database) -> uuid.UUID:
    with db.session() as session:
        person = Person(
            file_number=f"T-{uuid.uuid4().hex[:8]}", family_name="Test", given_names="A"
        )
        session.add(person)
        session.commit()
        return person.id


def _sample(column: Any, key: uuid.UUID) -> Any:
    """A value for a NOT NULL column of a reflected table (types as that revision had them)."""
    if isinstance(column.type, JSON):
        return {}
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        python_type = str
    if python_type is uuid.UUID:
        return key if column.primary_key else uuid.uuid4()
    if python_type is str:
        length = getattr(column.type, "length", None) or 32
        return (key.hex if column.primary_key else uuid.uuid4().hex)[:length]
    if python_type is bool:
        return True
    if python_type is int:
        return uuid.uuid4().int % 1_000_000  # unique enough for a UNIQUE integer column
    if python_type in (float, Decimal):
        return python_type(1)
    if python_type is datetime:
        return datetime.now(UTC)
    if python_type is date:
        return date(2024, 1, 1)
    if python_type is bytes:
        return b"x"
    raise AssertionError(f"no sample value for {column.table.name}.{column.name}: {python_type}")


def fill_every_table(connection: Connection) -> dict[str, int]:
    """One row in every table of the schema as it is now, parents first. Returns row counts."""
    metadata = MetaData()
    metadata.reflect(connection)
    inserted: dict[str, dict[str, Any]] = {}
    for table in metadata.sorted_tables:
        if table.name == "alembic_version" or schema.is_search_index_table(table.name):
            continue  # the search index is filled by triggers from persons
        key = uuid.uuid4()
        row: dict[str, Any] = {}
        for column in table.columns:
            if column.nullable or column.server_default is not None or column.autoincrement is True:
                continue
            parents = [fk.column for fk in column.foreign_keys]
            if parents:
                parent = parents[0]
                if parent.table.name not in inserted:
                    break  # a required parent we could not fill: skip this table
                row[column.name] = inserted[parent.table.name][parent.name]
            else:
                row[column.name] = _sample(column, key)
        else:
            connection.execute(table.insert().values(row))
            inserted[table.name] = row
    return {
        name: connection.execute(
            select(func.count()).select_from(metadata.tables[name])
        ).scalar_one()
        for name in inserted
    }


def row_counts(db: Database, names: set[str]) -> dict[str, int]:
    metadata = MetaData()
    with db.engine.connect() as connection:
        return {
            name: connection.execute(
                select(func.count()).select_from(Table(name, metadata, autoload_with=connection))
            ).scalar_one()
            for name in names
        }


@pytest.fixture
def later_migrations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped migrations plus one later revision: what a future mzdesk would ship."""
    target = tmp_path_factory.mktemp("migrations") / "migrations"
    shutil.copytree(
        schema.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    source = LATER_REVISION_SOURCE.format(
        revision=LATER_REVISION, down_revision=schema.head_revision()
    )
    (target / "versions" / f"{LATER_REVISION}.py").write_text(source, encoding="utf-8")
    return target


@pytest.fixture
def empty_db(database_url: str) -> Iterator[Database]:
    db = Database(database_url, create=True)
    yield db
    db.close()


# --- up and down -----------------------------------------------------------------------------


def test_empty_to_head_to_base_to_head(empty_db: Database) -> None:
    db = empty_db
    assert schema.state(db) is SchemaState.EMPTY
    assert schema.current_revision(db) is None
    assert table_names(db) == set()

    schema.upgrade(db)
    assert schema.state(db) is SchemaState.CURRENT
    assert schema.current_revision(db) == schema.head_revision()
    assert table_names(db) == MODEL_TABLES | {"alembic_version"}
    report = schema.check(db)
    assert report.ok, report.problems
    assert (report.revision, report.head) == (schema.head_revision(), schema.head_revision())

    schema.downgrade(db, "base")
    assert table_names(db) <= {"alembic_version"}
    assert schema.current_revision(db) is None
    assert schema.state(db) is SchemaState.EMPTY
    assert not schema.check(db).ok
    with pytest.raises(SchemaOutdated):
        schema.require_current(db)

    schema.upgrade(db)
    assert schema.state(db) is SchemaState.CURRENT
    assert table_names(db) == MODEL_TABLES | {"alembic_version"}
    assert schema.check(db).ok
    schema.require_current(db)  # does not raise


def test_upgrade_at_head_is_a_no_op(database: Database) -> None:
    person = add_person(database)
    schema.upgrade(database)
    assert schema.state(database) is SchemaState.CURRENT
    with database.session() as session:
        assert session.get(Person, person) is not None


def _upgrade_from_every_revision(db: Database) -> None:
    revisions = [script.revision for script in schema.script_directory().walk_revisions()]
    head = schema.head_revision()
    assert revisions[0] == head
    schema.upgrade(db)
    for revision in reversed(revisions):  # oldest first
        schema.downgrade(db, revision)
        assert schema.current_revision(db) == revision
        expected = SchemaState.CURRENT if revision == head else SchemaState.OUTDATED
        assert schema.state(db) is expected
        with db.engine.begin() as connection:
            counts = fill_every_table(connection)
        assert counts, f"no table could be filled at {revision}"
        schema.upgrade(db)
        assert schema.current_revision(db) == head
        assert schema.state(db) is SchemaState.CURRENT
        # Every row written at the old revision is still there after the upgrade.
        after = row_counts(db, set(counts))
        assert after == counts, revision


def test_upgrade_to_head_from_every_shipped_revision(empty_db: Database) -> None:
    _upgrade_from_every_revision(empty_db)
    report = schema.check(empty_db)
    assert report.ok, report.problems


def test_upgrade_from_every_revision_with_a_later_one(
    empty_db: Database, later_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same walk over two revisions, so the test really walks something today."""
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", later_migrations)
    assert schema.head_revision() == LATER_REVISION
    _upgrade_from_every_revision(empty_db)
    assert "later_for_tests" in table_names(empty_db)


def test_team_written_at_an_old_revision_reads_back_through_the_model(
    empty_db: Database, later_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped_head = schema.head_revision()
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", later_migrations)
    schema.upgrade(empty_db, shipped_head)
    assert schema.state(empty_db) is SchemaState.OUTDATED
    with empty_db.session() as session:
        team = Team(name="Team Nord")
        session.add(team)
        session.commit()
    schema.upgrade(empty_db)
    with empty_db.session() as session:
        loaded = session.get(Team, team.id)
        assert loaded is not None
        assert loaded.name == "Team Nord"
        assert loaded.version == 1


# --- OUTDATED, migrate_on_start and backups ---------------------------------------------------


def test_outdated_database_is_backed_up_and_upgraded_on_start(
    empty_db: Database, later_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = empty_db
    schema.upgrade(db)  # the shipped head: "an older mzdesk wrote this"
    person = add_person(db)
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", later_migrations)
    assert schema.state(db) is SchemaState.OUTDATED
    with pytest.raises(SchemaOutdated):
        schema.require_current(db)

    backup = schema.migrate_on_start(db)

    assert schema.state(db) is SchemaState.CURRENT
    assert schema.current_revision(db) == LATER_REVISION
    assert "later_for_tests" in table_names(db)
    with db.session() as session:
        assert session.get(Person, person) is not None
    if not db.is_sqlite:
        assert backup is None  # the server's own backups are the admin's business
        return
    assert backup is not None
    assert db.path is not None
    assert backup.parent == db.path.parent
    assert "before-upgrade-" in backup.name
    with sqlite3.connect(backup) as copy:
        revision = copy.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        ids = [row[0] for row in copy.execute("SELECT id FROM persons")]
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    copy.close()
    assert revision != LATER_REVISION  # the state before the upgrade
    assert ids == [person.hex]
    assert "later_for_tests" not in tables


def test_migrate_on_start_creates_an_empty_database_without_backup(empty_db: Database) -> None:
    assert schema.state(empty_db) is SchemaState.EMPTY
    assert schema.migrate_on_start(empty_db) is None
    assert schema.state(empty_db) is SchemaState.CURRENT
    assert schema.check(empty_db).ok
    if empty_db.path is not None:
        files = sorted(path.name for path in empty_db.path.parent.iterdir())
        assert not [name for name in files if "before-upgrade" in name], files
    # and a second start changes nothing
    assert schema.migrate_on_start(empty_db) is None
    assert schema.state(empty_db) is SchemaState.CURRENT


def test_backup_sqlite_is_a_readable_identical_copy(sqlite_url: str) -> None:
    db = Database(sqlite_url, create=True)
    try:
        schema.upgrade(db)
        for _ in range(3):
            add_person(db)
        backup = schema.backup_sqlite(db, "manual")
        assert backup is not None
        assert backup.exists()
        assert backup != db.path
        assert db.path is not None
        with sqlite3.connect(db.path) as original, sqlite3.connect(backup) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            original_dump = list(original.iterdump())
            copy_dump = list(copy.iterdump())
        original.close()
        copy.close()
        assert copy_dump == original_dump
        assert sum('INSERT INTO "persons"' in line for line in copy_dump) == 3
        restored = Database(f"sqlite:///{backup}")
        try:
            assert schema.state(restored) is SchemaState.CURRENT
            assert schema.check(restored).ok
        finally:
            restored.close()
    finally:
        db.close()


def test_backup_sqlite_is_nothing_for_postgresql(postgres_url: str) -> None:
    db = Database(postgres_url)
    try:
        assert schema.backup_sqlite(db, "manual") is None
    finally:
        db.close()


# --- a newer or a foreign database is refused, unchanged ---------------------------------------


def _assert_refused_unchanged(url: str, expected: SchemaState = SchemaState.TOO_NEW) -> None:
    before = snapshot(url)  # before mzdesk opens it at all
    db = Database(url)
    try:
        assert schema.state(db) is expected
        with pytest.raises(SchemaTooNew, match="not changed"):
            schema.upgrade(db)
        with pytest.raises(SchemaTooNew):
            schema.require_current(db)
        with pytest.raises(SchemaTooNew):
            schema.migrate_on_start(db)
        assert not schema.check(db).ok
    finally:
        db.close()
    assert snapshot(url) == before


def test_database_from_a_newer_mzdesk_is_refused_unchanged(database_url: str) -> None:
    db = Database(database_url, create=True)
    schema.upgrade(db)
    add_person(db)
    stamp(db, FUTURE_REVISION)
    assert schema.state(db) is SchemaState.TOO_NEW
    db.close()  # SQLite: the last connection checkpoints the WAL into the file
    _assert_refused_unchanged(database_url)


def test_database_upgraded_by_a_later_mzdesk_is_refused_unchanged(
    database_url: str, later_migrations: Path
) -> None:
    """Realistic: a later release migrated the database, then this one opens it."""
    db = Database(database_url, create=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS_DIR", later_migrations)
        schema.upgrade(db)
    assert schema.current_revision(db) == LATER_REVISION
    assert schema.state(db) is SchemaState.TOO_NEW
    db.close()
    _assert_refused_unchanged(database_url)


def test_foreign_database_is_refused_unchanged(database_url: str) -> None:
    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database
        # A SQLite file of some other program, in the default rollback-journal mode.
        with sqlite3.connect(parsed.database) as raw:
            raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            raw.execute("INSERT INTO notes (body) VALUES ('x')")
        raw.close()
    else:
        engine = create_engine(parsed)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE notes (id serial PRIMARY KEY, body text)"))
            connection.execute(text("INSERT INTO notes (body) VALUES ('x')"))
        engine.dispose()
    _assert_refused_unchanged(database_url, SchemaState.FOREIGN)


# --- check finds problems ----------------------------------------------------------------------


def test_check_reports_a_missing_index(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_persons_family_name"))
    report = schema.check(database)
    assert not report.ok
    assert any("ix_persons_family_name" in problem for problem in report.problems)


def test_check_reports_a_missing_table(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("DROP TABLE merge_conflicts"))
    report = schema.check(database)
    assert not report.ok
    assert any("merge_conflicts" in problem for problem in report.problems)


def test_check_reports_a_foreign_key_violation_in_sqlite(sqlite_url: str) -> None:
    db = Database(sqlite_url, create=True)
    try:
        schema.upgrade(db)
        # A connection with foreign keys off (SQLite's default): another tool, a repair script.
        assert db.path is not None
        with sqlite3.connect(db.path) as raw:
            raw.execute(
                "INSERT INTO person_nationalities (id, person_id, country_code, position, "
                "created_at, updated_at, version, origin) VALUES (?, ?, 'SY', 0, "
                "'2024-01-01 00:00:00', '2024-01-01 00:00:00', 1, '')",
                (uuid.uuid4().hex, uuid.uuid4().hex),
            )
        raw.close()
        report = schema.check(db)
        assert not report.ok
        assert any(
            problem.startswith("foreign key: table person_nationalities")
            for problem in report.problems
        ), report.problems
    finally:
        db.close()
