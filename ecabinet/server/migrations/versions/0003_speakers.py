"""speakers: the floor given and taken back, one queue place per request; roll-call

Revision ID: speakers
Revises: rules
Create Date: 2026-11-26 13:30:00
"""

import sqlalchemy as sa
from alembic import op

import ecabinet.server.models

revision = "speakers"
down_revision = "rules"
branch_labels = None
depends_on = None


def _renumber_queues() -> None:
    """Give each item's requests the places 1..n in their present order, so that the unique
    place per item can be enforced on a database where two requests once took the same one."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, agenda_item_id FROM speaker_requests "
            "ORDER BY agenda_item_id, position, requested_at, id"
        )
    ).all()
    # Out of the way first (negative), then 1..n: no step collides with a place still taken.
    bind.execute(sa.text("UPDATE speaker_requests SET position = -position - 1000000"))
    place: dict[str, int] = {}
    for request_id, item_id in rows:
        place[item_id] = place.get(item_id, 0) + 1
        bind.execute(
            sa.text("UPDATE speaker_requests SET position = :p WHERE id = :id"),
            {"p": place[item_id], "id": request_id},
        )


def upgrade() -> None:
    _renumber_queues()
    with op.batch_alter_table("speaker_requests", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "started_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("ended_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=True)
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_speaker_requests_agenda_item_id"), ["agenda_item_id", "position"]
        )
    # Plain ADD COLUMN, not a batch: on SQLite a batch would copy and drop these tables,
    # which other tables' foreign keys refer to.
    op.add_column(
        "meetings",
        sa.Column("attendance_open", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "attendance",
        sa.Column("source", sa.String(length=10), nullable=False, server_default="office"),
    )
    op.add_column(
        "attendance",
        sa.Column(
            "checked_in_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=True
        ),
    )


def downgrade() -> None:
    op.drop_column("attendance", "checked_in_at")
    op.drop_column("attendance", "source")
    op.drop_column("meetings", "attendance_open")
    with op.batch_alter_table("speaker_requests", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_speaker_requests_agenda_item_id"), type_="unique")
        batch_op.drop_column("ended_at")
        batch_op.drop_column("started_at")
