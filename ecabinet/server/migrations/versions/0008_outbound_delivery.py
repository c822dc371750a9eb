"""outbound delivery: the outbound queue also carries results (the conclusion notice, the
ballot summary) and keeps each package's delivery state for the exchange's adapter

Revision ID: delivery
Revises: long_term_forms
Create Date: 2026-11-27 01:45:00

Status packages already queued are "waiting", never tried.
"""

import sqlalchemy as sa
from alembic import op

import ecabinet.server.models

revision = "delivery"
down_revision = "long_term_forms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interconnect_outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=10), nullable=False, server_default="status")
        )
        batch_op.add_column(sa.Column("agenda_item_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("ballot_id", sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column("attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column(
                "next_try_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("sent_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_interconnect_outbox_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("interconnect_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interconnect_outbox_state"))
        for column in (
            "sent_at",
            "next_try_at",
            "last_error",
            "attempts",
            "ballot_id",
            "agenda_item_id",
            "kind",
        ):
            batch_op.drop_column(column)
