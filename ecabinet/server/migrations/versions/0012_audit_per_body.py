"""audit per body: each body's entries chain only to its own, numbered by position; checkpoints
name the chain they sign; the legacy chain's end is recorded as the switch point

Revision ID: audit_per_body
Revises: username_per_body
Create Date: 2026-11-27 09:00:00

Entries already in the log keep no position: they stay the one legacy chain they were and
verify as before, up to the switch point written here (its last entry's id and hash; no row
when the log is empty). The
checkpoints already signed are of that chain (per_body false).
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_per_body"
down_revision = "username_per_body"
branch_labels = None
depends_on = None


def upgrade() -> None:
    big = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", big, nullable=True))
        batch_op.create_index("ix_audit_log_body_position", ["body_id", "position"], unique=True)
    with op.batch_alter_table("audit_checkpoints", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("per_body", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("body_id", sa.String(length=36), nullable=True))
    with op.batch_alter_table("audit_checkpoints", schema=None) as batch_op:
        batch_op.alter_column("per_body", server_default=None)
    op.create_table(
        "audit_switch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("legacy_last_id", big, nullable=False),
        sa.Column("legacy_head", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_switch")),
    )
    # Only a log with entries has a legacy chain: a new database stays empty (a restore
    # fills only an empty one).
    op.execute(
        "INSERT INTO audit_switch (id, legacy_last_id, legacy_head) SELECT 1, id, hash "
        "FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)"
    )


def downgrade() -> None:
    op.drop_table("audit_switch")
    with op.batch_alter_table("audit_checkpoints", schema=None) as batch_op:
        batch_op.drop_column("body_id")
        batch_op.drop_column("per_body")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_body_position")
        batch_op.drop_column("position")
