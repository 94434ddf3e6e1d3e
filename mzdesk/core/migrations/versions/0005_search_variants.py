"""search variants: the names' phonetic keys in the search text ("ähnliche Schreibweise")

Revision ID: 0005_search_variants
Revises: 0004_cli_sessions
Create Date: 2026-12-06

``persons.search_text`` now also holds each name's phonetic keys as ``0v…`` tokens
(``mzdesk.core.names.variant_tokens``, built on the duplicate check's keys), so that search
while typing finds a person under another transliteration. This recomputes the text of every
person; the SQLite FTS5 table is rebuilt once afterwards (its update trigger is dropped for the
backfill and re-created), PostgreSQL's GIN index follows the column.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mzdesk.core.names import person_search_text

revision: str = "0005_search_variants"
down_revision: str | None = "0004_cli_sessions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 10_000
FTS_TABLE = "person_fts"
_UPDATE_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS persons_fts_update AFTER UPDATE OF search_text ON persons "
    f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.rowid, old.search_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text); END"
)

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


def recompute_search_text(bind: sa.Connection) -> None:
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
        if values:
            bind.execute(update, values)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:  # one rebuild instead of a trigger per person
        op.execute("DROP TRIGGER IF EXISTS persons_fts_update")
    recompute_search_text(bind)
    if sqlite:
        op.execute(_UPDATE_TRIGGER)
        op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def downgrade() -> None:
    """The keys stay in the text: an older mzdesk matches its tokens as before (a typed word
    never starts with ``0v``) and rewrites a person's text when it saves the person."""
