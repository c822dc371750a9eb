"""A refusal names the caller's own body's office: a member of Hà Nội's People's Committee
refused what only the Office (or the chair) may do is told of the Office of Hà Nội's Committee,
a Government member of the Government Office, on one server. Against the real app and database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.domain import Role
from ecabinet.server.services import bodies, users
from ecabinet.server.services.actor import CommandLine
from ecabinet.wire.admin import UserCreate
from tests.factories import PASSWORD, World
from tests.server.conftest import Api

HANOI_OFFICE = "the Office of the People's Committee of Hà Nội City"


@pytest.fixture
def hanoi(app: FastAPI) -> None:
    """Hà Nội's People's Committee beside the Government, with a member and its secretariat."""
    factory: sessionmaker[Session] = app.state.session_factory
    with factory() as db:
        body = bodies.create_body(db, "hanoi", "Ủy ban nhân dân thành phố Hà Nội")
        for username, role in (("hn-member", Role.MEMBER), ("hn-office", Role.SECRETARIAT)):
            new = UserCreate(username=username, full_name=username, roles=[role], password=PASSWORD)
            users.create_user(db, CommandLine(body.id), new, 2**10)
        db.commit()


def _refusal(api: Api, who: str, path: str, body: str = "") -> str:
    r = api.client.get(f"/api/v1{path}", headers=api.headers(who, body))
    assert (r.status_code, r.json()["code"]) == (403, "forbidden"), r.text
    return str(r.json()["detail"])


@pytest.mark.usefixtures("hanoi")
def test_a_member_is_told_of_his_own_body_s_office(api: Api, world: World) -> None:
    board = f"/meetings/{world.meeting_id}/board"
    assert _refusal(api, "hn-member", "/meetings", "hanoi") == f"Only {HANOI_OFFICE} may do this."
    # The chair's check comes before the meeting is looked up: another body's meeting is no
    # matter here, the caller's role is.
    assert _refusal(api, "hn-member", board, "hanoi") == (
        f"Only the chair or {HANOI_OFFICE} may do this."
    )
    assert _refusal(api, "member01", "/meetings") == "Only the Government Office may do this."
    assert _refusal(api, "member01", board) == (
        "Only the chair or the Government Office may do this."
    )


@pytest.mark.usefixtures("hanoi")
def test_a_ballot_for_another_body_s_member_names_no_government(api: Api, world: World) -> None:
    """The Office of Hà Nội's Committee cannot send a ballot to a Government member: told that
    only the body's members answer, not "Government members"."""
    deadline = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    stranger = world.users["member01"]
    order = {"title": "Dự thảo", "question": "Đồng ý?", "deadline": deadline}
    r = api.client.post(
        "/api/v1/ballots",
        json={**order, "voter_ids": [stranger]},
        headers=api.headers("hn-office", "hanoi"),
    )
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == f"Only members of the body answer written ballots: {stranger}."
