"""The service layer as its other callers (the command line, the importer) use it: on a real
database, without HTTP. What the routes answer is tested through them (test_meetings_api.py,
test_admin.py, ...)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.errors import ApiError
from ecabinet.server.serialize import body_member_ids
from ecabinet.server.services import ballots, meetings, record, users
from ecabinet.server.services.actor import CommandLine
from ecabinet.server.services.lookups import get_meeting
from ecabinet.wire.admin import UserCreate
from ecabinet.wire.meetings import MeetingCreate
from tests.factories import World


def _body_id(app: FastAPI, world: World) -> str:
    with app.state.session_factory() as db:
        user = db.get(m.User, world.users["secretariat"])
        assert user is not None
        return str(user.body_id)


def _counts(app: FastAPI) -> tuple[int, int, int]:
    with app.state.session_factory() as db:
        return (
            db.scalar(select(func.count()).select_from(m.Meeting)) or 0,
            db.scalar(select(func.count()).select_from(m.AuditEntry)) or 0,
            db.scalar(select(func.count()).select_from(m.Change)) or 0,
        )


def _new_meeting() -> MeetingCreate:
    return MeetingCreate.model_validate(
        {"kind": "regular", "title": "Phiên họp thử", "starts_at": m.now() + timedelta(days=3)}
    )


def test_a_service_leaves_the_commit_to_its_caller(app: FastAPI, world: World) -> None:
    console = CommandLine(_body_id(app, world))
    before = _counts(app)
    with app.state.session_factory() as db:
        meetings.create_meeting(db, console, _new_meeting())
        db.rollback()
    assert _counts(app) == before  # the meeting, its audit entry and its feed row: all gone
    with app.state.session_factory() as db:
        made = meetings.create_meeting(db, console, _new_meeting())
        db.commit()
        entry = db.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc())).first()
    assert entry is not None
    assert (entry.action, entry.object_id, entry.actor_id) == ("meeting.create", made.id, None)
    meetings_now, audits_now, changes_now = _counts(app)
    assert (meetings_now, audits_now) == (before[0] + 1, before[1] + 1)
    assert changes_now > before[2]


def test_lookups_answer_another_body_as_nothing(app: FastAPI, world: World) -> None:
    with app.state.session_factory() as db:
        assert get_meeting(db, CommandLine(_body_id(app, world)), world.meeting_id)
        with pytest.raises(ApiError) as refused:
            get_meeting(db, CommandLine("another-body"), world.meeting_id)
    assert (refused.value.status, refused.value.code) == (404, "not_found")


def test_the_command_line_and_the_api_share_the_user_rules(
    app: FastAPI, world: World, settings: Settings
) -> None:
    console = CommandLine(_body_id(app, world))
    taken = UserCreate(
        username="member01", full_name="A", roles=["member"], password="Kh0ng-De-Doan!2026"
    )
    weak = UserCreate(username="newcomer", full_name="B", roles=["member"], password="newcomer1")
    with app.state.session_factory() as db:
        with pytest.raises(ApiError) as conflict:
            users.create_user(db, console, taken, settings.password_scrypt_n)
        with pytest.raises(ApiError) as too_weak:
            users.create_user(db, console, weak, settings.password_scrypt_n)
    assert (conflict.value.status, conflict.value.code) == (409, "conflict")
    assert (too_weak.value.status, too_weak.value.code) == (422, "weak_password")


def test_the_record_is_read_without_http_filtered_and_paged(app: FastAPI, world: World) -> None:
    console = CommandLine(_body_id(app, world))
    with app.state.session_factory() as db:
        first = meetings.create_meeting(db, console, _new_meeting())
        second = meetings.create_meeting(db, console, _new_meeting())
        db.commit()
        made = record.audit_rows(db, console, record.AuditFilter(action="meeting.create"))
        assert [r.object_id for r in made][:2] == [second.id, first.id]  # newest first
        page = record.AuditFilter(action="meeting", before_id=made[0].id, limit=1)
        assert [r.object_id for r in record.audit_rows(db, console, page)] == [first.id]
        assert record.audit_rows(db, CommandLine("another-body"), record.AuditFilter()) == []


def test_a_ballots_summary_is_read_without_http(app: FastAPI, world: World) -> None:
    body_id = _body_id(app, world)
    with app.state.session_factory() as db:
        summary = ballots.summary(db, CommandLine(body_id), world.ballot_id)
        members = set(body_member_ids(db, body_id))
        with pytest.raises(ApiError) as refused:
            ballots.summary(db, CommandLine("another-body"), world.ballot_id)
    assert (summary.ballot_id, summary.title, summary.status) == (
        world.ballot_id,
        "Phiếu lấy ý kiến",
        "open",
    )
    assert summary.total_members == summary.not_answered == len(members) > 0
    assert {u.user_id for u in summary.unanswered} == members  # nobody has answered yet
    assert world.users["chair"] in members and world.users["secretariat"] not in members
    assert summary.replies == summary.late_replies == [] and not summary.passed
    assert refused.value.status == 404
