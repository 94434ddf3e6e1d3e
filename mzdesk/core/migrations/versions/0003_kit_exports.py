"""kit exports: which persons each event kit carried, and who took it

Revision ID: 0003_kit_exports
Revises: 0002_person_search
Create Date: 2026-12-04

A return may change only the persons its kit carried (and those created on the laptop): the
office checks every incoming row against ``kit_exports.person_ids`` and the returning user's
rights (``mzdesk.core.kits.rights``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_kit_exports"
down_revision: str | None = "0002_person_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kit_exports",
        sa.Column("kit_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("exported_by", sa.Uuid(), nullable=True),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_ids", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_kit_exports_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["exported_by"], ["users.id"], name=op.f("fk_kit_exports_exported_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kit_exports")),
        sa.UniqueConstraint("kit_id", name=op.f("uq_kit_exports_kit_id")),
    )
    with op.batch_alter_table("kit_exports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kit_exports_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("kit_exports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kit_exports_event_id"))
    op.drop_table("kit_exports")
