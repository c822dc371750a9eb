"""users: a username is unique within its body, not across the server; failed sign-ins are
counted per body and username

Revision ID: username_per_body
Revises: blob_uploads
Create Date: 2026-11-27 09:00:00

Users keep their usernames (unique across the server until now, so unique within each body).
Failed sign-ins recorded before have no body; they age out of the throttle's window.
"""

import sqlalchemy as sa
from alembic import op

revision = "username_per_body"
down_revision = "blob_uploads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint("uq_users_username", type_="unique")
        batch_op.create_unique_constraint("uq_users_body_id", ["body_id", "username"])
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("body_code", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.drop_index("ix_login_failures_username")
        batch_op.create_index(
            "ix_login_failures_body_code_username", ["body_code", "username"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failures_body_code_username")
        batch_op.create_index("ix_login_failures_username", ["username"], unique=False)
        batch_op.drop_column("body_code")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint("uq_users_body_id", type_="unique")
        batch_op.create_unique_constraint("uq_users_username", ["username"])
