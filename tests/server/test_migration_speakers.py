"""Revision "speakers" on a database with data: requests that once shared a queue place get
places 1..n in their order, so the unique place per item can be enforced; nothing is lost."""

from __future__ import annotations

from sqlalchemy import Engine, text

from tests.dbs import BODY_AND_USER_SQL, upgrade

ROWS = [  # id, place, asked at: r1 and r2 took the same place in a race
    ("r2", 1, "2026-11-20 08:00:02"),
    ("r1", 1, "2026-11-20 08:00:01"),
    ("r3", 2, "2026-11-20 08:00:03"),
]


def _upgrade_with_data(engine: Engine, url: str) -> list[tuple[str, int, object, object]]:
    upgrade(engine, url, "0001")
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
    upgrade(engine, url, "speakers")
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


def test_queue_places_are_renumbered_in_order(unmigrated: tuple[Engine, str]) -> None:
    rows = _upgrade_with_data(*unmigrated)
    assert rows == [("r1", 1, None, None), ("r2", 2, None, None), ("r3", 3, None, None)]
