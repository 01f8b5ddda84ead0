"""officials: heads_government

A head of state who also heads the government (a president in a presidential system) is
recorded once, as head of state; the column says that the term holds both offices.

Revision ID: 0010officials
Revises: 0007contacts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010officials"
down_revision = "0007contacts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officials") as batch:
        batch.add_column(
            sa.Column("heads_government", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("officials") as batch:
        batch.drop_column("heads_government")
