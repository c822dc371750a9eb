"""Revision "username_per_body" on a database holding users and rows that refer to them: they
keep their usernames, the same username may then be given in another body but still not twice
in one, a failed sign-in recorded before is kept, and going back makes usernames unique across
the server again (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.dbs import BODY_AND_USER_SQL, migrate_to, upgraded_with

USER_SQL = (
    "INSERT INTO users (id, body_id, username, full_name, title, roles, password_hash,"
    " sort_order, active, created_at) VALUES ('{id}', '{body}', 'u', 'U', '', '[]', 'x', 0,"
    " true, '2026-11-27 09:00:00')"
)
ROWS = (
    *BODY_AND_USER_SQL,
    "INSERT INTO login_failures (username, at) VALUES ('u', '2026-11-27 09:00:00')",
    # A row that refers to the user: the users table must not be dropped under it.
    "INSERT INTO devices (id, user_id, name, created_at) VALUES"
    " ('d', 'u', 'laptop', '2026-11-27 09:00:00')",
)


def test_upgrade_keeps_users_and_holds_usernames_unique_per_body(fresh_url: str) -> None:
    with upgraded_with(fresh_url, ROWS, "blob_uploads", "username_per_body") as engine:
        with engine.connect() as conn:
            kept = conn.execute(text("SELECT id, body_id, username FROM users")).all()
            assert [tuple(row) for row in kept] == [("u", "b", "u")]
            failures = conn.execute(text("SELECT body_code, username FROM login_failures"))
            assert [tuple(row) for row in failures] == [("", "u")]
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO bodies (id, code, name) VALUES ('h', 'hanoi', 'HN')"))
            conn.execute(text(USER_SQL.format(id="u2", body="h")))  # another body: allowed
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(USER_SQL.format(id="u3", body="b")))  # the same body: refused
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 2
            assert conn.execute(text("SELECT user_id FROM devices")).scalar() == "u"
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM users WHERE id = 'u2'"))
        migrate_to(engine, "blob_uploads", down=True)
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(USER_SQL.format(id="u2", body="h")))  # server-wide again
