"""cli sessions: command-line logins, stored as the SHA-256 of their token

Revision ID: 0004_cli_sessions
Revises: 0003_kit_exports
Create Date: 2026-12-05

``mzdesk login`` checks the password once and prints a token for the shell
(``MZDESK_SESSION``); later commands act for the session's user without a password check.
The database keeps only the token's hash, its user and its lifetime
(``mzdesk.core.services.cli_sessions``). Kits never carry the table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_cli_sessions"
down_revision: str | None = "0003_kit_exports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cli_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_cli_sessions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_cli_sessions")),
    )
    with op.batch_alter_table("cli_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cli_sessions_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cli_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cli_sessions_user_id"))
    op.drop_table("cli_sessions")
