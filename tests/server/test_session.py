"""The chair runs the session: the item being discussed, and adopting the consent list."""

from __future__ import annotations

from ecabinet.server.services.session import CONSENT_CONCLUSION
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_board import mark
from tests.server.test_meetings_api import call
from tests.server.test_votes_api import start_session


def test_one_item_is_discussed_at_a_time(api: Api, world: World) -> None:
    first, second = world.item_ids
    early = call(api, "chair", "POST", f"/items/{first}/discuss")
    assert (early.status_code, early.json()["code"]) == (409, "invalid_state")
    start_session(api, world)
    assert call(api, "member01", "POST", f"/items/{first}/discuss").status_code == 403
    changed = call(api, "chair", "POST", f"/items/{first}/discuss").json()
    assert [(i["id"], i["status"]) for i in changed] == [(first, "discussing")]
    changed = call(api, "chair", "POST", f"/items/{second}/discuss").json()
    assert {i["id"]: i["status"] for i in changed} == {first: "closed", second: "discussing"}
    actions = [r["action"] for r in call(api, "secretariat", "GET", "/audit").json()]
    assert actions.count("item.discuss") == 2


def test_the_consent_list_is_adopted_at_once_but_not_over_an_objection(
    api: Api, world: World
) -> None:
    first, second = world.item_ids
    url = f"/meetings/{world.meeting_id}/consent"
    for who in ("chair", "member01", "member02", "member03"):  # 4 of 6: more than half
        mark(api, who, first, "no_objection")
    for who in ("chair", "member01", "member02"):
        mark(api, who, second, "no_objection")
    mark(api, "member03", second, "object", "Chưa đủ cơ sở")
    start_session(api, world)
    assert call(api, "member01", "POST", url, json={"item_ids": [first]}).status_code == 403
    refused = call(api, "chair", "POST", url, json={"item_ids": [first, second]})
    assert (refused.status_code, refused.json()["code"]) == (409, "not_consent")
    assert "Chưa" not in refused.json()["detail"] and "2." in refused.json()["detail"]
    # Nothing was adopted by the refused request: the first item is still open.
    assert call(api, "chair", "POST", url, json={"item_ids": [first]}).status_code == 200
    again = call(api, "chair", "POST", url, json={"item_ids": [first]})
    assert again.json()["code"] == "not_consent"  # already decided
    call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/close")
    minutes = call(api, "secretariat", "GET", f"/meetings/{world.meeting_id}/minutes").json()
    one, two = minutes["items"]
    written = CONSENT_CONCLUSION.format(agree=4, total=6, body="Chính phủ")
    assert (one["conclusions"], one["status"]) == ([written], "closed")
    assert (two["conclusions"], two["status"]) == ([], "pending")
    rows = call(api, "secretariat", "GET", "/audit").json()
    entry = next(r for r in rows if r["action"] == "consent.adopt")
    assert entry["object_id"] == world.meeting_id


def test_no_consent_without_the_quorum(api: Api, world: World) -> None:
    first, _second = world.item_ids
    start_session(api, world, ("chair", "member01"))
    url = f"/meetings/{world.meeting_id}/consent"
    r = call(api, "chair", "POST", url, json={"item_ids": [first]})
    assert (r.status_code, r.json()["code"]) == (409, "no_quorum")
