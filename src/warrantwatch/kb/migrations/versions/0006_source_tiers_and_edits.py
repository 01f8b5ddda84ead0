"""sources: tier, symbol, cited-through link; fact-link keys; editors' changes; watchers' proposals

``sources.tier`` (1 the Court's record ... 6 other pages and copies, from
``data/sources/tiers.yaml``), ``sources.symbol`` and ``sources.via_id`` (the page a
document is cited through); ``fact_sources.cite_key`` (the key the data file used, so an
export reads like the file it came from); ``kb_edits``, the overlay of editors' changes
re-applied after every rebuild from the data files; ``kb_proposals``, the
changes watchers of the Court's and the depositary's publications propose for review.

Revision ID: 0006tiers
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006tiers"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("tier", sa.Integer(), nullable=False, server_default="6"))
        batch.add_column(sa.Column("symbol", sa.String(200), nullable=True))
        batch.add_column(
            sa.Column(
                "via_id",
                sa.Integer(),
                sa.ForeignKey("sources.id", name="fk_sources_via", ondelete="SET NULL"),
                nullable=True,
            )
        )
    with op.batch_alter_table("fact_sources") as batch:
        batch.add_column(sa.Column("cite_key", sa.String(200), nullable=True))
    op.create_table(
        "kb_edits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("editor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("target", sa.String(300), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(60), nullable=False, server_default="editor"),
    )
    op.create_table(
        "kb_proposals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("watcher", sa.String(100), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        sa.Column("status", sa.String(20), nullable=False, server_default="pending"),
        sa.Column("decided_by", sa.String(200), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("edit_id", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("kb_proposals")
    op.drop_table("kb_edits")
    with op.batch_alter_table("fact_sources") as batch:
        batch.drop_column("cite_key")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("via_id")
        batch.drop_column("symbol")
        batch.drop_column("tier")
