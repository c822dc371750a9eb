"""Revision "speakers" on a database with data: requests that once shared a queue place get
places 1..n in their order, so the unique place per item can be enforced; nothing is lost."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text

from ecabinet.server.db import alembic_config, make_engine
from tests.dbs import BODY_AND_USER_SQL, require_postgres

ROWS = [  # id, place, asked at: r1 and r2 took the same place in a race
    ("r2", 1, "2026-11-20 08:00:02"),
    ("r1", 1, "2026-11-20 08:00:01"),
    ("r3", 2, "2026-11-20 08:00:03"),
]


def _upgrade_with_data(engine: Engine, url: str) -> list[tuple[str, int, object, object]]:
    cfg = alembic_config(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        for sql in (
            *BODY_AND_USER_SQL,
            "INSERT INTO meetings (id, body_id, kind, title, starts_at, place, status,"
            " created_at) VALUES ('m', 'b', 'regular', 'P', '2026-11-20 08:00:00', '',"
            " 'in_progress', '2026-11-20 08:00:00')",
            "INSERT INTO agenda_items (id, meeting_id, position, title, presenter,"
            " minutes_allotted, status, paper_only, vote_status) VALUES ('i', 'm', 1, 'N', '',"
            " 0, 'pending', false, 'none')",
            "INSERT INTO attendance (meeting_id, user_id, present, recorded_at) VALUES"
            " ('m', 'u', true, '2026-11-20 08:00:00')",
        ):
            conn.execute(text(sql))
        for request_id, place, at in ROWS:
            conn.execute(
                text(
                    "INSERT INTO speaker_requests (id, agenda_item_id, user_id, requested_at,"
                    " withdrawn, position) VALUES (:id, 'i', 'u', :at, false, :p)"
                ),
                {"id": request_id, "at": at, "p": place},
            )
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "speakers")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT source FROM attendance")).scalar() == "office"
        assert conn.execute(text("SELECT attendance_open FROM meetings")).scalar() in (0, False)
        return [
            (r[0], r[1], r[2], r[3])
            for r in conn.execute(
                text(
                    "SELECT id, position, started_at, ended_at FROM speaker_requests"
                    " ORDER BY position"
                )
            )
        ]


def test_sqlite_queue_places_are_renumbered_in_order(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    engine = make_engine(url)
    try:
        rows = _upgrade_with_data(engine, url)
    finally:
        engine.dispose()
    assert rows == [("r1", 1, None, None), ("r2", 2, None, None), ("r3", 3, None, None)]


@pytest.mark.postgres
def test_postgres_queue_places_are_renumbered_in_order() -> None:
    admin_url = require_postgres()
    name = f"ecabinet_speakers_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = f"{admin_url.rsplit('/', 1)[0]}/{name}"
    engine = make_engine(url)
    try:
        rows = _upgrade_with_data(engine, url)
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    assert rows == [("r1", 1, None, None), ("r2", 2, None, None), ("r3", 3, None, None)]
