"""The roll-call: the Government Office opens it, invited members check in from their
laptops (attendance.check_in), the quorum counts them at once, and the office's own list of
ticks does not undo a check-in it did not mean to."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from sqlalchemy import select

from ecabinet.server import models as m
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_meetings_api import call
from tests.server.test_sync_pull import pull_all
from tests.server.test_sync_push import mutation, push


def check_in(api: Api, who: str, meeting_id: str) -> dict[str, Any]:
    return push(api, who, mutation("attendance.check_in", {"meeting_id": meeting_id}))[0]


def meeting_seen_by(api: Api, who: str, meeting_id: str) -> dict[str, Any]:
    seen = [c for c in pull_all(api, who) if c["type"] == "meeting" and c["id"] == meeting_id]
    data: dict[str, Any] = seen[-1]["data"]
    return data


def test_members_check_in_while_the_roll_call_is_open(api: Api, world: World) -> None:
    meeting, users = world.meeting_id, world.users
    url = f"/meetings/{meeting}/attendance"
    early = call(api, "secretariat", "POST", f"{url}/open")
    assert (early.status_code, early.json()["code"]) == (409, "invalid_state")  # not yet held
    call(api, "secretariat", "POST", f"/meetings/{meeting}/start")
    refused = check_in(api, "member01", meeting)
    assert (refused["status"], refused["code"]) == ("rejected", "attendance_not_open")
    assert call(api, "chair", "POST", f"{url}/open").status_code == 403
    opened = call(api, "secretariat", "POST", f"{url}/open").json()
    assert opened["attendance_open"] is True
    assert opened["quorum"] == {"total_members": 6, "present_members": 0, "needed": 4,
                                "has_quorum": False}  # fmt: skip
    assert meeting_seen_by(api, "member01", meeting)["attendance_open"] is True
    for who in ("chair", "member01", "member02"):
        assert check_in(api, who, meeting)["status"] == "applied"
    assert check_in(api, "member01", meeting)["status"] == "applied"  # twice: nothing changes
    for who in ("guest", "deputy", "secretariat"):
        outsider = check_in(api, who, meeting)
        assert (outsider["status"], outsider["code"]) == ("rejected", "not_a_voting_member")
    hidden = check_in(api, "member05", meeting)  # invited to nothing: it does not exist
    assert (hidden["status"], hidden["code"]) == ("rejected", "not_found")
    seen = meeting_seen_by(api, "member03", meeting)
    assert sorted(seen["present_user_ids"]) == sorted(
        users[u] for u in ("chair", "member01", "member02")
    )
    assert check_in(api, "member03", meeting)["status"] == "applied"
    count = call(api, "chair", "GET", f"/items/{world.item_ids[0]}/vote/count").json()
    assert count["quorum"]["present_members"] == 4 and count["quorum"]["has_quorum"]
    closed = call(api, "secretariat", "POST", f"{url}/close").json()
    assert closed["attendance_open"] is False and closed["quorum"]["present_members"] == 4
    late = check_in(api, "member04", meeting)
    assert (late["status"], late["code"]) == ("rejected", "attendance_not_open")
    actions = [r["action"] for r in call(api, "secretariat", "GET", "/audit").json()]
    # Each applied check-in is on the record, member01's second one included.
    assert actions.count("attendance.open") == 1 and actions.count("attendance.check_in") == 5


def test_the_office_list_keeps_check_ins_it_did_not_name(
    api: Api, world: World, app: FastAPI
) -> None:
    meeting, users = world.meeting_id, world.users
    url = f"/meetings/{meeting}/attendance"
    call(api, "secretariat", "POST", f"/meetings/{meeting}/start")
    call(api, "secretariat", "POST", f"{url}/open")
    # The office ticks two members who have no laptop with them...
    body = {"present_user_ids": [users["member03"], users["member04"]]}
    assert call(api, "secretariat", "PUT", url, json=body).json()["present_members"] == 2
    # ...a member checks in meanwhile, and the office sends a list made before it arrived.
    assert check_in(api, "member01", meeting)["status"] == "applied"
    body = {"present_user_ids": [users["member03"]]}
    quorum = call(api, "secretariat", "PUT", url, json=body).json()
    assert quorum["present_members"] == 2  # member03 ticked, member01 checked in; not member04

    def present() -> dict[str, str]:
        with app.state.session_factory() as db:
            rows = db.scalars(select(m.Attendance).where(m.Attendance.meeting_id == meeting))
            names = {u.id: u.username for u in db.scalars(select(m.User))}
            return {names[r.user_id]: r.source for r in rows if r.present}

    assert present() == {"member03": "office", "member01": "laptop"}
    # Naming a member absent is how the office undoes a check-in made by mistake.
    body = {"present_user_ids": [users["member03"]], "absent_user_ids": [users["member01"]]}
    assert call(api, "secretariat", "PUT", url, json=body).json()["present_members"] == 1
    assert present() == {"member03": "office"}
