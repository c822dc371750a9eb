"""Revision "enums" on a database with data: rows written at revision "speakers" come through
the upgrade as they were, load as the domain's enums, and the new CHECK constraints refuse a
word outside a column's set; a database already holding such a word is refused, untouched."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ecabinet.domain import (
    AttendanceSource,
    MeetingStatus,
    PositionChoice,
    ResultSubject,
    Scope,
    Sharing,
)
from ecabinet.server import models as m
from ecabinet.server.db import make_engine
from tests.dbs import migrate_to

AT = "2026-11-20 08:00:00"
# One row per table with a closed-set column, written as the server at "speakers" wrote them.
ROWS: list[tuple[str, dict[str, Any]]] = [
    ("bodies", {"id": "b", "code": "gov", "name": "Chính phủ"}),
    (
        "users",
        {
            "id": "u",
            "body_id": "b",
            "username": "u",
            "full_name": "U",
            "title": "",
            "roles": '["member"]',
            "password_hash": "x",
            "sort_order": 0,
            "active": True,
            "created_at": AT,
        },
    ),
    (
        "meetings",
        {
            "id": "m",
            "body_id": "b",
            "kind": "thematic",
            "title": "Phiên họp",
            "starts_at": AT,
            "place": "",
            "status": "in_progress",
            "created_at": AT,
            "attendance_open": False,
        },
    ),
    (
        "invitations",
        {"meeting_id": "m", "user_id": "u", "kind": "deputy", "agenda_item_ids": "[]"},
    ),
    (
        "attendance",
        {
            "meeting_id": "m",
            "user_id": "u",
            "present": True,
            "recorded_at": AT,
            "source": "laptop",
        },
    ),
    (
        "agenda_items",
        {
            "id": "i",
            "meeting_id": "m",
            "position": 1,
            "title": "Nội dung",
            "presenter": "",
            "minutes_allotted": 0,
            "status": "discussing",
            "paper_only": False,
            "vote_status": "open",
        },
    ),
    (
        "ballots",
        {
            "id": "bl",
            "body_id": "b",
            "title": "Phiếu",
            "question": "?",
            "status": "closed",
            "deadline": AT,
            "voter_ids": '["u"]',
            "created_at": AT,
        },
    ),
    ("blobs", {"sha256": "f" * 64, "size": 1, "pages": 1, "created_at": AT}),
    (
        "documents",
        {
            "id": "d",
            "body_id": "b",
            "agenda_item_id": "i",
            "kind": "appendix",
            "title": "Phụ lục",
            "position": 0,
            "allow_copy": True,
        },
    ),
    (
        "document_versions",
        {
            "id": "v",
            "document_id": "d",
            "number": 1,
            "sha256": "f" * 64,
            "size": 1,
            "pages": 1,
            "filename": "a.pdf",
            "created_at": AT,
        },
    ),
    (
        "ballot_responses",
        {
            "id": "br",
            "ballot_id": "bl",
            "user_id": "u",
            "choice": "other",
            "comment": "",
            "signed_pdf": "f" * 64,
            "received_at": AT,
            "late": False,
            "current": True,
        },
    ),
    (
        "votes",
        {
            "id": "vo",
            "agenda_item_id": "i",
            "user_id": "u",
            "choice": "abstain",
            "comment": "",
            "signature": "s",
            "received_at": AT,
            "current": True,
        },
    ),
    (
        "positions",
        {
            "id": "p",
            "agenda_item_id": "i",
            "user_id": "u",
            "position": "wish_to_speak",
            "comment": "",
            "received_at": AT,
            "current": True,
        },
    ),
    (
        "annotations",
        {
            "id": "a",
            "author_id": "u",
            "document_version_id": "v",
            "page": 0,
            "kind": "freetext",
            "rects": "[]",
            "points": "[]",
            "color": "#ffd400",
            "width": 2.0,
            "text": "",
            "quote": "",
            "prefix": "",
            "suffix": "",
            "shared": "secretariat",
            "deleted": False,
            "created_at": AT,
            "updated_at": AT,
        },
    ),
    (
        "results",
        {
            "id": "r",
            "body_id": "b",
            "subject": "ballot",
            "ballot_id": "bl",
            "data": "{}",
            "published_at": AT,
        },
    ),
    (
        "mutations",
        {
            "id": "mu",
            "user_id": "u",
            "type": "vote.cast",
            "status": "rejected",
            "code": "x",
            "detail": "",
            "received_at": AT,
        },
    ),
    (
        "changes",
        {
            "body_id": "b",
            "type": "position",
            "object_id": "p",
            "deleted": False,
            "scope": "personal",
            "scope_id": "u",
            "created_at": AT,
        },
    ),
]
# Every closed-set column the revision guards, and the word the rows above hold in it.
WORDS = {
    ("meetings", "kind"): "thematic",
    ("meetings", "status"): "in_progress",
    ("invitations", "kind"): "deputy",
    ("attendance", "source"): "laptop",
    ("agenda_items", "status"): "discussing",
    ("agenda_items", "vote_status"): "open",
    ("ballots", "status"): "closed",
    ("documents", "kind"): "appendix",
    ("ballot_responses", "choice"): "other",
    ("votes", "choice"): "abstain",
    ("positions", "position"): "wish_to_speak",
    ("annotations", "kind"): "freetext",
    ("annotations", "shared"): "secretariat",
    ("results", "subject"): "ballot",
    ("mutations", "status"): "rejected",
    ("changes", "scope"): "personal",
}


@pytest.fixture
def engine(fresh_url: str) -> Iterator[Engine]:
    engine = make_engine(fresh_url)
    yield engine
    engine.dispose()


def _write_rows_at_speakers(engine: Engine) -> None:
    migrate_to(engine, "speakers")
    with engine.begin() as conn:
        for table, row in ROWS:
            columns = ", ".join(row)
            values = ", ".join(f":{column}" for column in row)
            conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), row)


def _snapshot(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as conn:
        return {
            table: [
                dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            ]
            for table, _row in ROWS
        }


def _as_before(
    after: dict[str, list[dict[str, Any]]], before: dict[str, list[dict[str, Any]]]
) -> dict[str, list[dict[str, Any]]]:
    """The rows after, in the columns they had before (later revisions add columns)."""
    return {
        table: [{k: row[k] for k in old} for row, old in zip(rows, before[table], strict=True)]
        for table, rows in after.items()
    }


def test_rows_written_at_speakers_come_through_intact(engine: Engine) -> None:
    _write_rows_at_speakers(engine)
    before = _snapshot(engine)
    migrate_to(engine, "head")
    assert _as_before(_snapshot(engine), before) == before
    # A document uploaded before the interconnection has no origin (revision interconnect).
    assert [row["origin"] for row in _snapshot(engine)["documents"]] == [""]
    with engine.connect() as conn:
        for (table, column), word in WORDS.items():
            assert conn.execute(text(f"SELECT {column} FROM {table}")).scalar_one() == word
    with Session(engine) as db:
        meeting = db.get(m.Meeting, "m")
        assert meeting is not None and meeting.status is MeetingStatus.IN_PROGRESS
        assert db.scalars(select(m.Attendance.source)).one() is AttendanceSource.LAPTOP
        assert db.scalars(select(m.Position.position)).one() is PositionChoice.WISH_TO_SPEAK
        assert db.scalars(select(m.Annotation.shared)).one() is Sharing.SECRETARIAT
        assert db.scalars(select(m.Result.subject)).one() is ResultSubject.BALLOT
        assert db.scalars(select(m.Change.scope)).one() is Scope.PERSONAL


def test_the_database_refuses_a_word_outside_each_set(engine: Engine) -> None:
    _write_rows_at_speakers(engine)
    migrate_to(engine, "head")
    before = _snapshot(engine)
    for table, column in WORDS:
        # The constraint is the database's own: plain SQL, no model in the way.
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(f"UPDATE {table} SET {column} = 'bogus'"))
    assert _snapshot(engine) == before


def test_a_word_outside_its_set_stops_the_upgrade_and_is_named(
    engine: Engine,
) -> None:
    _write_rows_at_speakers(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE votes SET choice = 'yes'"))
    before = _snapshot(engine)
    with pytest.raises(RuntimeError, match=r"votes\.choice = 'yes'"):
        migrate_to(engine, "head")
    assert _as_before(_snapshot(engine), before) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "speakers"
