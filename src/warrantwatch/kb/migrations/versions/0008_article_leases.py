"""monitor: leases on pending articles, delivery attempts recorded before sending

Two monitors (or a monitor and the web server's) reading the same queue each scanned
the same pending article, so one report counted as two. A process now claims a batch
(``claimed_by``, ``claimed_until``) in one conditional UPDATE before fetching; the
other skips claimed rows; a lease left by a crashed process runs out.

``monitor_deliveries.attempted_at`` is written before an alert is sent to a target and
``delivered_at`` (now nullable) after: a row with an attempt and no delivery is a send
whose outcome a crash hid, resent marked as a possible repeat (webhooks with the same
Idempotency-Key, so the receiver can drop it).

Revision ID: 0008
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("monitor_articles") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(40), nullable=True))
        batch.add_column(sa.Column("claimed_until", sa.DateTime(), nullable=True))
    with op.batch_alter_table("monitor_deliveries") as batch:
        batch.add_column(sa.Column("attempted_at", sa.DateTime(), nullable=True))
        batch.alter_column("delivered_at", existing_type=sa.DateTime(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("monitor_deliveries") as batch:
        batch.drop_column("attempted_at")
    with op.batch_alter_table("monitor_articles") as batch:
        batch.drop_column("claimed_until")
        batch.drop_column("claimed_by")
