"""Rule 6 through the server: the consent list at its edges in a Government of 27, a member
pulling an item off the list, and what adoption records (agreements, result, conclusion)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.services.session import FROM_WRITTEN_MARK
from tests.factories import World, add_user
from tests.server.conftest import Api
from tests.server.test_board import mark
from tests.server.test_meetings_api import call
from tests.server.test_sync_push import mutation, push
from tests.server.test_votes_api import start_session

INVITED = ["chair", "member01", "member02", "member03", "member04"]


@pytest.fixture
def cabinet(app: FastAPI, world: World) -> World:
    """The world grown to 27 members (N = 27, as the Government): 21 more, invited."""
    with app.state.session_factory() as db:
        body_id = db.get(m.Meeting, world.meeting_id).body_id
        for n in range(6, 27):
            name = f"member{n:02d}"
            user = add_user(db, body_id, name, ["member"])
            world.users[name] = user.id
            db.add(m.Invitation(meeting_id=world.meeting_id, user_id=user.id, kind="member"))
        db.commit()
    return world


def voters(count: int) -> list[str]:
    return (INVITED + [f"member{n:02d}" for n in range(6, 27)])[:count]


def consent(api: Api, world: World, *items: str) -> Any:
    url = f"/meetings/{world.meeting_id}/consent"
    return call(api, "chair", "POST", url, json={"item_ids": list(items)})


def board_item(api: Api, world: World, index: int = 0) -> dict[str, Any]:
    board = call(api, "chair", "GET", f"/meetings/{world.meeting_id}/board").json()
    assert board["total_members"] == 27
    item: dict[str, Any] = board["items"][index]
    return item


def test_thirteen_of_twenty_seven_is_refused_and_fourteen_is_adopted(
    api: Api, cabinet: World, app: FastAPI
) -> None:
    first = cabinet.item_ids[0]
    for who in voters(13):
        mark(api, who, first, "no_objection")
    start_session(api, cabinet, tuple(voters(18)))
    assert board_item(api, cabinet)["consent"] is False
    refused = consent(api, cabinet, first)
    assert (refused.status_code, refused.json()["code"]) == (409, "not_consent")

    mark(api, voters(14)[-1], first, "no_objection")
    assert board_item(api, cabinet)["consent"] is True
    adopted = consent(api, cabinet, first)
    assert adopted.status_code == 200, adopted.text

    with app.state.session_factory() as db:
        votes = db.scalars(select(m.Vote).where(m.Vote.agenda_item_id == first)).all()
        result = db.scalars(select(m.Result).where(m.Result.agenda_item_id == first)).one()
        item = db.get(m.AgendaItem, first)
    assert sorted(v.user_id for v in votes) == sorted(cabinet.users[u] for u in voters(14))
    assert {(v.choice, v.comment, v.current) for v in votes} == {("agree", FROM_WRITTEN_MARK, True)}
    assert (result.data["agree"], result.data["total_members"], result.data["passed"]) == (
        14,
        27,
        True,
    )
    assert (item.status, item.vote_status) == ("closed", "closed")
    # Published like votes are: the member finds their agreement in their own feed.
    feed = call(api, "member01", "GET", "/sync/changes").json()["changes"]
    mine = [c["data"] for c in feed if c["type"] == "vote" and not c["deleted"]]
    assert [(v["choice"], v["comment"]) for v in mine] == [("agree", FROM_WRITTEN_MARK)]
    call(api, "secretariat", "POST", f"/meetings/{cabinet.meeting_id}/close")
    minutes = call(api, "secretariat", "GET", f"/meetings/{cabinet.meeting_id}/minutes").json()
    one = minutes["items"][0]
    assert one["result"]["agree"] == 14 and one["result"]["passed"] is True
    assert "ý kiến bằng văn bản của 14/27 thành viên" in one["conclusions"][0]


@pytest.mark.parametrize("spoiler", ["object", "wish_to_speak"])
def test_one_objection_or_wish_to_speak_keeps_the_item_off_the_list(
    api: Api, cabinet: World, spoiler: str
) -> None:
    first = cabinet.item_ids[0]
    for who in voters(20):
        mark(api, who, first, "no_objection")
    mark(api, "member21", first, spoiler)
    start_session(api, cabinet, tuple(voters(22)))
    assert board_item(api, cabinet)["consent"] is False
    assert consent(api, cabinet, first).json()["code"] == "not_consent"


def test_an_item_nobody_marked_is_never_proposed(api: Api, cabinet: World) -> None:
    start_session(api, cabinet, tuple(voters(20)))
    assert board_item(api, cabinet)["consent"] is False
    assert consent(api, cabinet, cabinet.item_ids[0]).json()["code"] == "not_consent"


def test_a_member_present_pulls_an_item_and_it_is_no_longer_adoptable(
    api: Api, cabinet: World
) -> None:
    first = cabinet.item_ids[0]
    for who in voters(20):
        mark(api, who, first, "no_objection")
    start_session(api, cabinet, tuple(voters(19)))  # member20 marked but is not present
    pull = mutation("consent.pull", {"agenda_item_id": first})
    absent = push(api, "member20", mutation("consent.pull", {"agenda_item_id": first}))[0]
    assert (absent["status"], absent["code"]) == ("rejected", "not_present")
    office = push(api, "secretariat", mutation("consent.pull", {"agenda_item_id": first}))[0]
    assert (office["status"], office["code"]) == ("rejected", "forbidden")
    assert board_item(api, cabinet)["consent"] is True  # refused pulls changed nothing

    assert push(api, "member03", pull)[0]["status"] == "applied"
    assert push(api, "member03", pull)[0]["status"] == "duplicate"
    item = board_item(api, cabinet)
    assert (item["consent"], item["pulled_by"]) == (False, "Member03")
    refused = consent(api, cabinet, first)
    assert (refused.status_code, refused.json()["code"]) == (409, "not_consent")
    # Off the list, it is debated and voted as usual.
    assert call(api, "chair", "POST", f"/items/{first}/vote/open").status_code == 200
    feed = call(api, "chair", "GET", "/sync/changes").json()["changes"]
    data = [c["data"] for c in feed if c["type"] == "agenda_item" and c["id"] == first][-1]
    assert data["consent_pulled_by"] == cabinet.users["member03"]
    rows = call(api, "secretariat", "GET", "/audit").json()
    assert any(r["action"] == "consent.pull" and r["object_id"] == first for r in rows)
