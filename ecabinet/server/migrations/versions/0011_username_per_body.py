"""users: a username is unique within its body, not across the server; failed sign-ins are
counted per body and username

Revision ID: username_per_body
Revises: blob_uploads
Create Date: 2026-11-27 09:00:00

Users keep their usernames (unique across the server until now, so unique within each body).
Failed sign-ins recorded before have no body; they age out of the throttle's window. On
SQLite the users table's constraint is rewritten in place (see _sqlite_swap_unique).
"""

import sqlalchemy as sa
from alembic import op

revision = "username_per_body"
down_revision = "blob_uploads"
branch_labels = None
depends_on = None

SERVER_WIDE = "CONSTRAINT uq_users_username UNIQUE (username)"
PER_BODY = "CONSTRAINT uq_users_body_id UNIQUE (body_id, username)"


def _sqlite_swap_unique(old: str, new: str) -> None:
    """SQLite cannot drop a UNIQUE constraint in place, and a batch copy would drop the users
    table, which devices, tokens, blobs and the rest refer to by foreign key: SQLite refuses
    that inside the migration's transaction (foreign keys are on and cannot be turned off
    there). So, as revision "enums" did for its checks, the table's definition is rewritten in
    the schema, and REINDEX then rebuilds the constraint's index from the rows under its new
    columns (refusing, should two rows break it); integrity_check checks the result."""
    bind = op.get_bind()
    sql = bind.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'")
    ).scalar_one()
    if old not in sql:
        raise RuntimeError(f"The users table does not hold {old!r}; it was changed by hand.")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema=ON")
    bind.execute(
        sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'users'"),
        {"sql": sql.replace(old, new)},
    )
    bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema=OFF")
    bind.exec_driver_sql("REINDEX users")
    problems = bind.exec_driver_sql("PRAGMA integrity_check(users)").scalars().all()
    if problems != ["ok"]:
        raise RuntimeError(f"the users table fails its check after the change: {problems}")


def _swap_unique(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_swap_unique(old, new)
        return
    op.drop_constraint(old.split()[1], "users", type_="unique")
    columns = new[new.index("(") + 1 : new.index(")")].split(", ")
    op.create_unique_constraint(new.split()[1], "users", columns)


def upgrade() -> None:
    _swap_unique(SERVER_WIDE, PER_BODY)
    # Adding a column and replacing an index need no copy of the table, even on SQLite.
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
    _swap_unique(PER_BODY, SERVER_WIDE)
