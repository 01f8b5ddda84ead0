"""treaty actions: effective_from for successions

A successor state is bound from the date it names (its independence), not from the
art. 126 computation; the column carries that date.

Revision ID: 0004
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("treaty_actions") as batch:
        batch.add_column(sa.Column("effective_from", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("treaty_actions") as batch:
        batch.drop_column("effective_from")
