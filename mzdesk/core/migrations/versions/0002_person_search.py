"""person search: folded search text, SQLite FTS5 index, PostgreSQL GIN index

Revision ID: 0002_person_search
Revises: 0001_initial
Create Date: 2026-11-25

``persons.search_text`` holds the person's names (Latin and original script), file number,
phone and birth date as folded ``[a-z0-9]`` tokens (``mzdesk.core.names.person_search_text``;
the session hook in ``mzdesk.core.database`` keeps it current on every flush).

SQLite: ``person_fts``, an FTS5 *external content* table over ``persons.rowid`` kept in step by
three triggers. PostgreSQL: a GIN index on ``to_tsvector('simple', search_text)``. Neither is in
the model; ``mzdesk.core.schema.check`` ignores exactly these objects.

NOTE for later migrations: a batch "recreate" of ``persons`` on SQLite (``batch_alter_table``
with a change SQLite cannot ALTER in place) copies the rows into a new table and so changes
their rowids, and drops the triggers with the old table. Such a migration must re-create the
three triggers below and then run ``INSERT INTO person_fts(person_fts) VALUES('rebuild')``.
Likewise, if ``person_search_text`` changes, add a migration that recomputes ``search_text``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mzdesk.core.names import person_search_text

revision: str = "0002_person_search"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 10_000

FTS_TABLE = "person_fts"
TRIGGERS = ("persons_fts_insert", "persons_fts_delete", "persons_fts_update")
PG_INDEX = "ix_persons_search_text_fts"

_persons = sa.table(
    "persons",
    sa.column("id", sa.Uuid()),
    sa.column("family_name", sa.String()),
    sa.column("given_names", sa.String()),
    sa.column("family_name_original", sa.String()),
    sa.column("given_names_original", sa.String()),
    sa.column("file_number", sa.String()),
    sa.column("phone", sa.String()),
    sa.column("birth_date", sa.Date()),
    sa.column("search_text", sa.Text()),
)


def _backfill(bind: sa.Connection) -> None:
    rows = bind.execute(
        sa.select(
            _persons.c.id,
            _persons.c.family_name,
            _persons.c.given_names,
            _persons.c.family_name_original,
            _persons.c.given_names_original,
            _persons.c.file_number,
            _persons.c.phone,
            _persons.c.birth_date,
        )
    ).all()
    update = (
        sa.update(_persons)
        .where(_persons.c.id == sa.bindparam("pid"))
        .values(search_text=sa.bindparam("text"))
    )
    for start in range(0, len(rows), _BATCH):
        values = [
            {
                "pid": row.id,
                "text": person_search_text(
                    family_name=row.family_name,
                    given_names=row.given_names,
                    family_name_original=row.family_name_original,
                    given_names_original=row.given_names_original,
                    file_number=row.file_number,
                    phone=row.phone,
                    birth_date=row.birth_date,
                ),
            }
            for row in rows[start : start + _BATCH]
        ]
        bind.execute(update, values)


def create_sqlite_index() -> None:
    """The FTS5 table, its triggers, and a rebuild from ``persons`` (also after a recreate)."""
    op.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(search_text, "
        "content='persons', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS persons_fts_insert AFTER INSERT ON persons BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS persons_fts_delete AFTER DELETE ON persons BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS persons_fts_update AFTER UPDATE OF search_text ON persons "
        f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); "
        f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column(
        "persons", sa.Column("search_text", sa.Text(), nullable=False, server_default="")
    )
    _backfill(bind)
    if bind.dialect.name == "sqlite":
        create_sqlite_index()  # after the backfill: one rebuild instead of 200,000 triggers
    else:
        op.execute(
            f"CREATE INDEX {PG_INDEX} ON persons USING gin (to_tsvector('simple', search_text))"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        # ALTER TABLE … DROP COLUMN (SQLite >= 3.35), not a batch recreate: a recreate would
        # drop and re-insert every person, which foreign keys from other tables refuse.
        op.execute("ALTER TABLE persons DROP COLUMN search_text")
    else:
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
        op.drop_column("persons", "search_text")
