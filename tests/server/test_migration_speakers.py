"""Revision "speakers" on a database with data: requests that once shared a queue place get
places 1..n in their order, so the unique place per item can be enforced; nothing is lost."""

from __future__ import annotations

from sqlalchemy import text

from tests.dbs import BODY_AND_USER_SQL, upgraded_with

ROWS = [  # id, place, asked at: r1 and r2 took the same place in a race
    ("r2", 1, "2026-11-20 08:00:02"),
    ("r1", 1, "2026-11-20 08:00:01"),
    ("r3", 2, "2026-11-20 08:00:03"),
]


ROWS_SQL = (
    *BODY_AND_USER_SQL,
    "INSERT INTO meetings (id, body_id, kind, title, starts_at, place, status,"
    " created_at) VALUES ('m', 'b', 'regular', 'P', '2026-11-20 08:00:00', '',"
    " 'in_progress', '2026-11-20 08:00:00')",
    "INSERT INTO agenda_items (id, meeting_id, position, title, presenter,"
    " minutes_allotted, status, paper_only, vote_status) VALUES ('i', 'm', 1, 'N', '',"
    " 0, 'pending', false, 'none')",
    "INSERT INTO attendance (meeting_id, user_id, present, recorded_at) VALUES"
    " ('m', 'u', true, '2026-11-20 08:00:00')",
    *(
        "INSERT INTO speaker_requests (id, agenda_item_id, user_id, requested_at, withdrawn,"
        f" position) VALUES ('{request_id}', 'i', 'u', '{at}', false, {place})"
        for request_id, place, at in ROWS
    ),
)


def _places_after_upgrade(url: str) -> list[tuple[str, int, object, object]]:
    with upgraded_with(url, ROWS_SQL, "0001", "speakers") as engine, engine.connect() as conn:
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


def test_queue_places_are_renumbered_in_order(fresh_url: str) -> None:
    rows = _places_after_upgrade(fresh_url)
    assert rows == [("r1", 1, None, None), ("r2", 2, None, None), ("r3", 3, None, None)]
