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
from ecabinet.server.services import meetings, users
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
