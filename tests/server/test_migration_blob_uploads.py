"""Revisions "body_organ_id" and "blob_uploads" on a database with data: bodies keep their
names with no organ id, and each file a user uploaded is his body's (on SQLite and PostgreSQL).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from ecabinet.server.db import alembic_config, make_engine
from tests.dbs import BODY_AND_USER_SQL, empty_postgres


def _upgrade_with_data(url: str) -> None:
    engine = make_engine(url)
    cfg = alembic_config(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "delivery")
        with engine.begin() as conn:
            for sql in (
                *BODY_AND_USER_SQL,
                "INSERT INTO blobs (sha256, size, pages, uploaded_by, created_at) VALUES"
                " ('aa', 1, 1, 'u', '2026-11-20 08:00:00'),"
                " ('bb', 1, 1, NULL, '2026-11-20 08:00:00')",
            ):
                conn.execute(text(sql))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with engine.connect() as conn:
            bodies = conn.execute(text("SELECT code, name, organ_id FROM bodies")).all()
            assert [tuple(row) for row in bodies] == [("gov", "Chính phủ", "")]
            held = conn.execute(text("SELECT sha256, body_id FROM blob_uploads")).all()
            assert [tuple(row) for row in held] == [("aa", "b")]
    finally:
        engine.dispose()


def test_sqlite_upgrade_keeps_bodies_and_who_uploaded_what(tmp_path: Path) -> None:
    _upgrade_with_data(f"sqlite:///{tmp_path / 'db.sqlite3'}")


def test_postgres_upgrade_keeps_bodies_and_who_uploaded_what() -> None:
    with empty_postgres("ecabinet_uploads") as url:
        _upgrade_with_data(url)
