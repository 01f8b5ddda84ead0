"""monitor: per-source state for the Sources page, publishers, digests

Adds to ``monitor_feeds`` what the Sources page and ``warrantwatch sources`` show and
what a user chooses (enabled, sources added by hand); to ``monitor_articles`` the
publisher and source tier (how many independent sources report a trip, and whether an
official one does); and ``monitor_digests`` (when each digest target last had its digest).

Revision ID: 0005
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

FEED_COLUMNS = (
    ("source_id", sa.String(200)),
    ("kind", sa.String(20)),
    ("name", sa.Text()),
    ("origin", sa.String(20)),
    ("tier", sa.String(20)),
    ("language", sa.String(20)),
    ("publisher", sa.Text()),
    ("interval", sa.Integer()),
    ("enabled", sa.Boolean()),
)


def upgrade() -> None:
    with op.batch_alter_table("monitor_feeds") as batch:
        for name, type_ in FEED_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
        batch.add_column(
            sa.Column("items_seen", sa.Integer(), nullable=False, server_default="0")
        )
        batch.create_index("ix_monitor_feeds_source_id", ["source_id"])
    with op.batch_alter_table("monitor_articles") as batch:
        batch.add_column(sa.Column("publisher", sa.Text(), nullable=True))
        batch.add_column(sa.Column("source_tier", sa.String(20), nullable=True))
    op.create_table(
        "monitor_digests",
        sa.Column("target", sa.String(64), primary_key=True),
        sa.Column("period", sa.String(10), primary_key=True),
        sa.Column("last_sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_alert_id", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("monitor_digests")
    with op.batch_alter_table("monitor_articles") as batch:
        batch.drop_column("source_tier")
        batch.drop_column("publisher")
    with op.batch_alter_table("monitor_feeds") as batch:
        batch.drop_index("ix_monitor_feeds_source_id")
        batch.drop_column("items_seen")
        for name, _ in reversed(FEED_COLUMNS):
            batch.drop_column(name)
