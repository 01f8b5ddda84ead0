"""monitor: checkpoints of archive backfills

``monitor_backfill_units`` names each unit of an archive file (a byte range, a row
group, a batch of records) whose articles a backfill committed, in the same
transaction: a backfill stopped halfway and run again skips what was stored.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "monitor_backfill_units",
        sa.Column("file_key", sa.String(64), primary_key=True),
        sa.Column("unit", sa.String(100), primary_key=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("stored", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("monitor_backfill_units")
