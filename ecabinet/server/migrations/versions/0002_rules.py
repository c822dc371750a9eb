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
    # Plain ADD COLUMN, never a batch: on SQLite a batch copies and drops the table, which
    # other tables' foreign keys refer to, and fails on a database with data in it.
    op.add_column(
        "meetings",
        sa.Column("started_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=True),
    )
    op.add_column(
        "agenda_items",
        sa.Column(
            "consent_pulled_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=True
        ),
    )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in one statement, and no constraint later.
        op.execute(
            "ALTER TABLE agenda_items ADD COLUMN consent_pulled_by VARCHAR(36) "
            "REFERENCES users (id)"
        )
    else:
        op.add_column(
            "agenda_items", sa.Column("consent_pulled_by", sa.String(length=36), nullable=True)
        )
        op.create_foreign_key(
            "fk_agenda_items_consent_pulled_by_users",
            "agenda_items",
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
