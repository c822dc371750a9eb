"""long-term forms: each ballot reply's form with its revocation data and timestamp

Revision ID: long_term_forms
Revises: interconnect
Create Date: 2026-11-27 02:00:00

Replies already stored have none yet: the next ``ecabinet-server archive-forms`` (or the
next reply received) sees to them.
"""

import sqlalchemy as sa
from alembic import op

revision = "long_term_forms"
down_revision = "interconnect"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ballot_responses") as table:
        table.add_column(sa.Column("long_term_pdf", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ballot_responses") as table:
        table.drop_column("long_term_pdf")
