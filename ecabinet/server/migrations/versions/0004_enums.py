"""enums: every status, kind, choice and feed scope column admits only its domain's words

Revision ID: enums
Revises: speakers
Create Date: 2026-11-26 16:30:00

The columns keep their VARCHAR type and their data; each gains a CHECK constraint, named and
worded as SQLAlchemy's ``Enum(create_constraint=True)`` in ecabinet.server.models makes it.
A database holding a word outside its column's set (none of the server's code paths writes
one) is refused with the words named, so nobody's data is changed by guesswork.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision = "enums"
down_revision = "speakers"
branch_labels = None
depends_on = None

# (table, column, constraint name, words). The words are written out rather than read from
# ecabinet.domain: this revision must keep meaning what it meant when a later one changes them.
CHOICES: Sequence[tuple[str, str, str, tuple[str, ...]]] = (
    ("meetings", "kind", "meetingkind", ("regular", "thematic", "extraordinary")),
    ("meetings", "status", "meetingstatus", ("draft", "published", "in_progress", "closed")),
    ("invitations", "kind", "invitationkind", ("member", "guest", "deputy")),
    ("attendance", "source", "attendancesource", ("laptop", "office")),
    ("agenda_items", "status", "itemstatus", ("pending", "discussing", "closed")),
    ("agenda_items", "vote_status", "votestatus", ("none", "open", "closed")),
    ("ballots", "status", "ballotstatus", ("draft", "open", "closed")),
    (
        "documents",
        "kind",
        "documentkind",
        ("submission", "draft", "report", "appendix", "other"),
    ),
    ("ballot_responses", "choice", "ballotchoice", ("agree", "disagree", "other")),
    ("votes", "choice", "votechoice", ("agree", "disagree", "abstain")),
    ("positions", "position", "positionchoice", ("no_objection", "wish_to_speak", "object")),
    (
        "annotations",
        "kind",
        "annotationkind",
        ("highlight", "underline", "strikeout", "note", "ink", "freetext"),
    ),
    ("annotations", "shared", "sharing", ("private", "secretariat", "meeting")),
    ("results", "subject", "resultsubject", ("vote", "ballot")),
    ("mutations", "status", "mutationstatus", ("applied", "duplicate", "rejected")),
    (
        "changes",
        "scope",
        "scope",
        ("body", "secretariat", "meeting", "item", "ballot", "personal", "own", "private"),
    ),
)


def _condition(column: str, words: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(w) for w in words)})"


def _refuse_strangers() -> None:
    bind = op.get_bind()
    found = []
    for table, column, _name, words in CHOICES:
        strangers = bind.execute(
            sa.text(f"SELECT DISTINCT {column} FROM {table} WHERE NOT ({_condition(column, words)})")
        ).scalars()
        found += [f"{table}.{column} = {value!r}" for value in strangers]
    if found:
        raise RuntimeError(
            "These values are outside their column's set; correct them, then upgrade again: "
            + "; ".join(found)
        )


def _sqlite_clause(table: str, column: str, name: str, words: tuple[str, ...]) -> str:
    return f", \n\tCONSTRAINT ck_{table}_{name} CHECK ({_condition(column, words)})"


def _sqlite_edit_tables(add: bool) -> None:
    """SQLite cannot add or drop a CHECK constraint in place, and a batch copy would drop
    tables that others' foreign keys refer to, which SQLite refuses inside the migration's
    transaction (foreign keys are on and cannot be turned off there). So the tables'
    definitions are rewritten in the schema, the procedure SQLite documents for constraint
    changes that leave the stored rows valid (sqlite.org/lang_altertable.html, section 7):
    the rows were checked first, and quick_check checks them again against the new text."""
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema=ON")
    for table in dict.fromkeys(table for table, *_ in CHOICES):
        sql = bind.execute(
            sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"),
            {"t": table},
        ).scalar_one()
        for name_table, column, name, words in CHOICES:
            if name_table != table:
                continue
            clause = _sqlite_clause(table, column, name, words)
            if add:
                body = sql.rstrip()
                sql = body[: body.rindex(")")].rstrip() + clause + "\n)"
            else:
                sql = sql.replace(clause, "")
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :t"),
            {"sql": sql, "t": table},
        )
    bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema=OFF")
    problems = bind.exec_driver_sql("PRAGMA quick_check").scalars().all()
    if problems != ["ok"]:
        raise RuntimeError(f"the database fails its check after the change: {problems}")


def upgrade() -> None:
    _refuse_strangers()
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_edit_tables(add=True)
        return
    for table, column, name, words in CHOICES:
        op.create_check_constraint(op.f(f"ck_{table}_{name}"), table, _condition(column, words))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_edit_tables(add=False)
        return
    for table, _column, name, _words in CHOICES:
        op.drop_constraint(op.f(f"ck_{table}_{name}"), table, type_="check")
