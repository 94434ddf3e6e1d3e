"""referral categories: the data categories the counsellor ticked for a referral's letter

Revision ID: 0006_referral_categories
Revises: 0005_search_variants
Create Date: 2026-12-06

``referrals.data_categories`` holds the codes (resources/reference/data_categories.json) the
letter is to print, as chosen in the referral dialog; the letter prints exactly these, and a
consent must cover every one of them. NULL (referrals made before, or by ``mzdesk referral
add``): the template's choice — its required categories plus the optional ones the consent
covers.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_referral_categories"
down_revision: str | None = "0005_search_variants"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("data_categories", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_column("data_categories")
