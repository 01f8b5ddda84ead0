"""contacts: officials and their contacts with persons subject to warrants

Knowledge base: ``officials`` (heads of state and government, foreign ministers, with
their terms) and ``contacts`` (curated, or confirmed in review). Monitor:
``monitor_contacts`` (reports grouped into one contact) and ``monitor_contact_events``
(one per article); the alert outbox gains a ``channel`` ("trips" or "contacts") and a
``contact_id``, its ``trip_id`` becoming optional; the audit gains a ``contact_id``.

Revision ID: 0007contacts
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007contacts"
down_revision = "0005"
branch_labels = None
depends_on = None


def _provenance() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("confidence", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("origin", sa.String(20), nullable=False),
    ]


def _reported() -> list[sa.Column]:  # type: ignore[type-arg]
    """The columns a monitor contact and each of its reports share."""
    return [
        sa.Column("person_id", sa.String(100), nullable=False),
        sa.Column("state", sa.String(2), nullable=False),
        sa.Column("office", sa.String(30), nullable=False),
        sa.Column("official_id", sa.String(160), nullable=True),
        sa.Column("official_name", sa.String(300), nullable=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("place", sa.String(300), nullable=True),
        sa.Column("place_state", sa.String(2), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "officials",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("state", sa.String(2), nullable=False, index=True),
        sa.Column("office", sa.String(30), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("start_precision", sa.String(10), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        *_provenance(),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("person_id", sa.String(100), nullable=False, index=True),
        sa.Column("state", sa.String(2), nullable=False, index=True),
        sa.Column("office", sa.String(30), nullable=False),
        sa.Column("official_id", sa.String(160), nullable=True),
        sa.Column("official_name", sa.String(300), nullable=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("precision", sa.String(10), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("place", sa.String(300), nullable=True),
        sa.Column("place_state", sa.String(2), nullable=True),
        sa.Column("occasion", sa.Text(), nullable=True),
        *_provenance(),
    )
    op.create_table(
        "monitor_contacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        *_reported(),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("state_party", sa.Boolean(), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_reported", sa.Date(), nullable=True),
        sa.Column("review_status", sa.String(20), nullable=False, index=True),
        sa.Column("reviewed_by", sa.String(200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("kb_contact_id", sa.String(160), nullable=True),
        sa.Column("alerted_status", sa.String(20), nullable=True),
        sa.Column("alerted_date", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_monitor_contacts_match", "monitor_contacts", ["person_id", "state"])
    op.create_table(
        "monitor_contact_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("monitor_articles.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "contact_id",
            sa.Integer(),
            sa.ForeignKey("monitor_contacts.id"),
            nullable=True,
            index=True,
        ),
        *_reported(),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("language", sa.String(20), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("state_status", sa.String(20), nullable=True),
        sa.Column("rejected", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    with op.batch_alter_table("monitor_outbox") as batch:
        batch.alter_column("trip_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(
            sa.Column("channel", sa.String(20), nullable=False, server_default="trips")
        )
        batch.add_column(sa.Column("contact_id", sa.Integer(), nullable=True))
        batch.create_index("ix_monitor_outbox_contact_id", ["contact_id"])
        batch.create_foreign_key(
            "fk_monitor_outbox_contact", "monitor_contacts", ["contact_id"], ["id"]
        )
    with op.batch_alter_table("monitor_audit") as batch:
        batch.add_column(sa.Column("contact_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_monitor_audit_contact", "monitor_contacts", ["contact_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("monitor_audit") as batch:
        batch.drop_constraint("fk_monitor_audit_contact", type_="foreignkey")
        batch.drop_column("contact_id")
    with op.batch_alter_table("monitor_outbox") as batch:
        batch.drop_constraint("fk_monitor_outbox_contact", type_="foreignkey")
        batch.drop_index("ix_monitor_outbox_contact_id")
        batch.drop_column("contact_id")
        batch.drop_column("channel")
        batch.alter_column("trip_id", existing_type=sa.Integer(), nullable=False)
    op.drop_table("monitor_contact_events")
    op.drop_index("ix_monitor_contacts_match", "monitor_contacts")
    op.drop_table("monitor_contacts")
    op.drop_table("contacts")
    op.drop_table("officials")
