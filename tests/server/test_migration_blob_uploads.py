"""Revisions "body_organ_id" and "blob_uploads" on a database with data: bodies keep their
names with no organ id, and each file a user uploaded is his body's (on SQLite and PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import text

from tests.dbs import BODY_AND_USER_SQL, upgraded_with

ROWS = (
    *BODY_AND_USER_SQL,
    "INSERT INTO blobs (sha256, size, pages, uploaded_by, created_at) VALUES"
    " ('aa', 1, 1, 'u', '2026-11-20 08:00:00'),"
    " ('bb', 1, 1, NULL, '2026-11-20 08:00:00')",
)


def test_upgrade_keeps_bodies_and_who_uploaded_what(fresh_url: str) -> None:
    with upgraded_with(fresh_url, ROWS, "delivery", "head") as engine, engine.connect() as conn:
        bodies = conn.execute(text("SELECT code, name, organ_id FROM bodies")).all()
        assert [tuple(row) for row in bodies] == [("gov", "Chính phủ", "")]
        held = conn.execute(text("SELECT sha256, body_id FROM blob_uploads")).all()
        assert [tuple(row) for row in held] == [("aa", "b")]
