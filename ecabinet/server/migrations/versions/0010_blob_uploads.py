"""blob uploads: which bodies uploaded each file, so that a file is a body's only when it
holds it, never because it knows another body's digest

Revision ID: blob_uploads
Revises: body_organ_id
Create Date: 2026-11-27 06:00:00

Each file a user uploaded is his body's, as before.
"""

import sqlalchemy as sa
from alembic import op

revision = "blob_uploads"
down_revision = "body_organ_id"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob_uploads",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_blob_uploads_body_id_bodies")
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["blobs.sha256"], name=op.f("fk_blob_uploads_sha256_blobs")
        ),
        sa.PrimaryKeyConstraint("sha256", "body_id", name=op.f("pk_blob_uploads")),
    )
    op.execute(
        "INSERT INTO blob_uploads (sha256, body_id) SELECT DISTINCT blobs.sha256, users.body_id "
        "FROM blobs JOIN users ON users.id = blobs.uploaded_by"
    )


def downgrade() -> None:
    op.drop_table("blob_uploads")
