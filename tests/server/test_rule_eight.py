"""Rule 8 through the server: minutes only for a session that was held, the chair who presided
never absent, and the Government Office never marking positions or voting."""

from __future__ import annotations

import httpx
import pytest

from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_meetings_api import call
from tests.server.test_sync_push import mutation, push
from tests.server.test_votes_api import start_session


def minutes(api: Api, world: World) -> httpx.Response:
    return call(api, "secretariat", "GET", f"/meetings/{world.meeting_id}/minutes")


def test_no_minutes_for_a_session_never_opened(api: Api, world: World) -> None:
    refused = minutes(api, world)
    assert refused.status_code == 409
    problem = refused.json()
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert problem["code"] == "not_held" and "never opened" in problem["detail"]
    # Closed without ever being opened (called off) is still not a session held.
    call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/close")
    assert minutes(api, world).json()["code"] == "not_held"


def test_no_minutes_while_the_session_is_still_in_progress(api: Api, world: World) -> None:
    start_session(api, world)
    refused = minutes(api, world).json()
    assert refused["code"] == "not_held" and "close the session" in refused["detail"]


def test_the_chair_who_presided_is_never_listed_absent(api: Api, world: World) -> None:
    # The office recorded the members present and forgot the chair, who presided.
    start_session(api, world, ("member01", "member02", "member03", "member04"))
    call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/close")
    record = minutes(api, world).json()
    assert record["chair"] == "Chair"
    assert "Chair" in record["present"] and "Chair" not in record["absent"]
    assert record["absent"] == ["Member05"]


@pytest.mark.parametrize("position", ["no_objection", "object", "wish_to_speak"])
def test_the_office_never_marks_a_position(api: Api, world: World, position: str) -> None:
    data = {"agenda_item_id": world.item_ids[0], "position": position}
    result = push(api, "secretariat", mutation("position.set", data))[0]
    assert (result["status"], result["code"]) == ("rejected", "forbidden")


def test_the_office_never_votes(api: Api, world: World) -> None:
    item = world.item_ids[0]
    start_session(api, world)
    assert call(api, "chair", "POST", f"/items/{item}/vote/open").status_code == 200
    data = {"agenda_item_id": item, "choice": "agree", "signature": "AAAA"}
    result = push(api, "secretariat", mutation("vote.cast", data))[0]
    assert (result["status"], result["code"]) == ("rejected", "not_a_voting_member")
