"""interconnect: documents received through the national document exchange (edXML), their
files, the status packages waiting to go back, and each document's origin as members read it

Revision ID: interconnect
Revises: checkpoints
Create Date: 2026-11-26 22:15:52

Documents already stored get an empty origin: they were uploaded, not received.
"""

import sqlalchemy as sa
from alembic import op

import ecabinet.server.models

revision = "interconnect"
down_revision = "checkpoints"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incoming_documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("body_id", sa.String(length=36), nullable=False),
        sa.Column("from_organ_id", sa.String(length=50), nullable=False),
        sa.Column("from_organ_name", sa.String(length=200), nullable=False),
        sa.Column("document_id", sa.String(length=100), nullable=False),
        sa.Column("code_number", sa.String(length=20), nullable=False),
        sa.Column("code_notation", sa.String(length=50), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("promulgation_date", sa.Date(), nullable=True),
        sa.Column("type_code", sa.String(length=20), nullable=False),
        sa.Column("type_name", sa.String(length=100), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("signer_competence", sa.String(length=200), nullable=False),
        sa.Column("signer_position", sa.String(length=200), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("received_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("received_by", sa.String(length=36), nullable=True),
        sa.Column("assigned_document_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_incoming_documents_body_id_bodies")
        ),
        sa.ForeignKeyConstraint(
            ["received_by"], ["users.id"], name=op.f("fk_incoming_documents_received_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incoming_documents")),
        sa.UniqueConstraint(
            "body_id", "from_organ_id", "document_id", name=op.f("uq_incoming_documents_body_id")
        ),
    )
    with op.batch_alter_table("incoming_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incoming_documents_body_id"), ["body_id"], unique=False
        )

    op.create_table(
        "incoming_attachments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incoming_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("kept", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incoming_id"],
            ["incoming_documents.id"],
            name=op.f("fk_incoming_attachments_incoming_id_incoming_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incoming_attachments")),
        sa.UniqueConstraint(
            "incoming_id", "position", name=op.f("uq_incoming_attachments_incoming_id")
        ),
    )
    with op.batch_alter_table("incoming_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incoming_attachments_incoming_id"), ["incoming_id"], unique=False
        )

    op.create_table(
        "interconnect_outbox",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("body_id", sa.String(length=36), nullable=False),
        sa.Column("incoming_id", sa.String(length=36), nullable=True),
        sa.Column("to_organ_id", sa.String(length=50), nullable=False),
        sa.Column("response_for", sa.String(length=100), nullable=False),
        sa.Column("status_code", sa.String(length=2), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("created_at", ecabinet.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_interconnect_outbox_body_id_bodies")
        ),
        sa.ForeignKeyConstraint(
            ["incoming_id"],
            ["incoming_documents.id"],
            name=op.f("fk_interconnect_outbox_incoming_id_incoming_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interconnect_outbox")),
    )
    with op.batch_alter_table("interconnect_outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interconnect_outbox_body_id"), ["body_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interconnect_outbox_incoming_id"), ["incoming_id"], unique=False
        )

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(length=500), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("origin")

    with op.batch_alter_table("interconnect_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interconnect_outbox_incoming_id"))
        batch_op.drop_index(batch_op.f("ix_interconnect_outbox_body_id"))

    op.drop_table("interconnect_outbox")
    with op.batch_alter_table("incoming_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incoming_attachments_incoming_id"))

    op.drop_table("incoming_attachments")
    with op.batch_alter_table("incoming_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incoming_documents_body_id"))

    op.drop_table("incoming_documents")
