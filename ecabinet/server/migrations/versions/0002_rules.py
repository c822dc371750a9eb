"""the Government's rules: when a session was opened, and who pulled an item off the consent list

Revision ID: rules
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

import ecabinet.server.models

revision = "rules"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "started_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=True
            )
        )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent_pulled_by", sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column(
                "consent_pulled_at",
                ecabinet.server.models.UtcDateTime(timezone=True),
                nullable=True,
            )
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_agenda_items_consent_pulled_by_users"),
            "users",
            ["consent_pulled_by"],
            ["id"],
        )
    # Sessions opened before this revision: the audit log recorded each start.
    op.execute(
        "UPDATE meetings SET started_at = (SELECT MIN(audit_log.at) FROM audit_log "
        "WHERE audit_log.action = 'meeting.start' AND audit_log.object_id = meetings.id) "
        "WHERE status IN ('in_progress', 'closed')"
    )


def downgrade() -> None:
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_agenda_items_consent_pulled_by_users"), type_="foreignkey"
        )
        batch_op.drop_column("consent_pulled_at")
        batch_op.drop_column("consent_pulled_by")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("started_at")
