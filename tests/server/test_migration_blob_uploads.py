"""Revisions "body_organ_id" and "blob_uploads" on a database with data: bodies keep their
names with no organ id, and each file a user uploaded is his body's (on SQLite and PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from tests.dbs import BODY_AND_USER_SQL, upgrade


def test_an_upgrade_keeps_bodies_and_who_uploaded_what(unmigrated: tuple[Engine, str]) -> None:
    engine, url = unmigrated
    upgrade(engine, url, "delivery")
    with engine.begin() as conn:
        for sql in (
            *BODY_AND_USER_SQL,
            "INSERT INTO blobs (sha256, size, pages, uploaded_by, created_at) VALUES"
            " ('aa', 1, 1, 'u', '2026-11-20 08:00:00'),"
            " ('bb', 1, 1, NULL, '2026-11-20 08:00:00')",
        ):
            conn.execute(text(sql))
    upgrade(engine, url, "head")
    with engine.connect() as conn:
        bodies = conn.execute(text("SELECT code, name, organ_id FROM bodies")).all()
        assert [tuple(row) for row in bodies] == [("gov", "Chính phủ", "")]
        held = conn.execute(text("SELECT sha256, body_id FROM blob_uploads")).all()
        assert [tuple(row) for row in held] == [("aa", "b")]
