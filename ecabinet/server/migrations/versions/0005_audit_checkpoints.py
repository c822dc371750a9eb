"""audit checkpoints: the audit log's head, signed with the body's CA key

Revision ID: checkpoints
Revises: enums
Create Date: 2026-11-26 20:10:00

Entries already in the log keep their unkeyed hashes: the first start after this revision
(``audit_checkpoints.adopt_key``, run by prepare_database and the command line) signs a
checkpoint of the head that marks where keyed hashes begin.
"""

import sqlalchemy as sa
from alembic import op

import ecabinet.server.models

revision = "checkpoints"
down_revision = "enums"
branch_labels = None
depends_on = None


def upgrade() -> None:
    big = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "audit_checkpoints",
        sa.Column("id", big, autoincrement=True, nullable=False),
        sa.Column("seq", big, nullable=False),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.Column("at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("keyed_from", big, nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoints")),
    )


def downgrade() -> None:
    op.drop_table("audit_checkpoints")
