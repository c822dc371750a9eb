"""bodies: each body's organ identification code on the national document exchange

Revision ID: body_organ_id
Revises: delivery
Create Date: 2026-11-27 05:50:00

Bodies already made have none (empty), as before.
"""

import sqlalchemy as sa
from alembic import op

revision = "body_organ_id"
down_revision = "delivery"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bodies", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("organ_id", sa.String(length=50), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("bodies", schema=None) as batch_op:
        batch_op.drop_column("organ_id")
