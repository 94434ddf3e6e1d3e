"""placement note: what the counsellor notes on a placement (on screen only)

Revision ID: 0007_placement_note
Revises: 0006_referral_categories
Create Date: 2026-12-06

The placement dialog in the case file records a free-text note with a placement (e.g. "Probezeit
bis März, Fahrtkosten geklärt"). Like a contact's note it is shown on screen only; the
statistics never read it, and an erasure clears it like every other free text.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_placement_note"
down_revision: str | None = "0006_referral_categories"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.drop_column("note")
