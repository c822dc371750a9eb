"""The chair's position board: consent list, speakers from the marks, likely outcome."""

from __future__ import annotations

from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_meetings_api import call
from tests.server.test_sync_push import mutation, push


def mark(api: Api, who: str, item: str, position: str, comment: str = "") -> None:
    result = push(
        api,
        who,
        mutation(
            "position.set", {"agenda_item_id": item, "position": position, "comment": comment}
        ),
    )[0]
    assert result["status"] == "applied", result


def test_the_board_proposes_a_consent_list_and_orders_speakers(api: Api, world: World) -> None:
    first, second = world.item_ids
    for who in ("chair", "member01", "member02", "member03"):
        mark(api, who, first, "no_objection")
    mark(api, "member04", second, "wish_to_speak", "Về Điều 3")
    mark(api, "member01", second, "object", "Chưa đủ cơ sở")
    mark(api, "member02", second, "wish_to_speak")
    board = call(api, "chair", "GET", f"/meetings/{world.meeting_id}/board").json()
    assert board["total_members"] == 6
    assert board["consent_list"] == [first]
    one, two = board["items"]
    # 4 of 6 members have no objection: more than half of ALL members.
    assert (one["no_objection"], one["outlook"], one["consent"]) == (4, "likely_passed", True)
    assert two["speakers"] == [world.users["member04"], world.users["member02"]]
    assert two["objections"] == 1
    assert two["outlook"] == "open"
    assert {m["comment"] for m in two["marks"]} >= {"Về Điều 3", "Chưa đủ cơ sở"}


def test_only_the_meetings_chair_and_the_office_see_the_board(api: Api, world: World) -> None:
    url = f"/meetings/{world.meeting_id}/board"
    assert call(api, "secretariat", "GET", url).status_code == 200
    assert call(api, "member01", "GET", url).status_code == 403
    assert call(api, "guest", "GET", url).status_code == 403
