"""Fresh databases for tests: a migrated SQLite file per test, or a clean PostgreSQL schema.

SQLite: the schema is migrated once per test session into a template file that each test
copies, so every test starts from the real migrations at the cost of a file copy.
PostgreSQL: used when ECABINET_TEST_POSTGRES_URL is set (CI sets it); one database per test
session, emptied between tests.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from ecabinet.server.db import alembic_config, make_engine, migrate
from ecabinet.server.models import Base

POSTGRES_URL = os.environ.get("ECABINET_TEST_POSTGRES_URL", "")
POSTGRES_SKIP = "PostgreSQL tests need ECABINET_TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres)"


def sqlite_template(tmp_root: Path) -> Path:
    template = tmp_root / "template.sqlite3"
    if not template.exists():
        engine = make_engine(f"sqlite:///{template}")
        migrate(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
    return template


def fresh_sqlite_url(tmp_root: Path, dest: Path) -> str:
    db_file = dest / "ecabinet.sqlite3"
    shutil.copyfile(sqlite_template(tmp_root), db_file)
    return f"sqlite:///{db_file}"


class PostgresDatabase:
    """One throw-away database on the local PostgreSQL server for the test session."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.name = f"ecabinet_test_{uuid.uuid4().hex[:10]}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        admin.dispose()
        base = admin_url.rsplit("/", 1)[0]
        self.url = f"{base}/{self.name}"
        engine = make_engine(self.url)
        migrate(engine)
        engine.dispose()

    def empty(self) -> None:
        engine = create_engine(self.url)
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        engine.dispose()

    def drop(self) -> None:
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        admin.dispose()


def migrate_to(engine: Engine, revision: str, *, down: bool = False) -> None:
    """Up (or down) to ``revision`` of the migrations, in one transaction."""
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


@contextlib.contextmanager
def upgraded_with(url: str, rows: Sequence[str], before: str, after: str) -> Iterator[Engine]:
    """An upgrade in the field, for a migration's test: the empty database at ``url`` made as
    revision ``before`` made it, ``rows`` (SQL) put in, then upgraded to ``after``."""
    engine = make_engine(url)
    try:
        migrate_to(engine, before)
        with engine.begin() as conn:
            for sql in rows:
                conn.execute(text(sql))
        migrate_to(engine, after)
        yield engine
    finally:
        engine.dispose()


@contextlib.contextmanager
def empty_postgres(prefix: str) -> Iterator[str]:
    """The URL of a new, empty database (no schema: a migration test builds it revision by
    revision), dropped afterwards."""
    admin_url = require_postgres()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{admin_url.rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def require_postgres() -> str:
    if not POSTGRES_URL:
        pytest.skip(POSTGRES_SKIP)
    return POSTGRES_URL


# A body and its one user, in SQL of the first schema: for tests of a revision on data.
BODY_AND_USER_SQL = (
    "INSERT INTO bodies (id, code, name) VALUES ('b', 'gov', 'Chính phủ')",
    "INSERT INTO users (id, body_id, username, full_name, title, roles, password_hash,"
    " sort_order, active, created_at) VALUES ('u', 'b', 'u', 'U', '', '[]', 'x', 0,"
    " true, '2026-11-20 08:00:00')",
)
