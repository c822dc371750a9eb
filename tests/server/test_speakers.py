"""The list of speakers: the chair gives the floor and ends speeches, "wish to speak" marks
join the list when the item comes up, the minutes say who spoke and for how long, and two
requests arriving at once never share a place (a real server, threads, a barrier)."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
from fastapi import FastAPI
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from tests.factories import PASSWORD, World
from tests.loopback import serving
from tests.server.conftest import Api
from tests.server.test_board import mark
from tests.server.test_meetings_api import call
from tests.server.test_sync_pull import pull_all
from tests.server.test_sync_push import mutation, push
from tests.server.test_votes_api import start_session


def ask(api: Api, who: str, item: str, kind: str = "speaker.request") -> None:
    result = push(api, who, mutation(kind, {"agenda_item_id": item}))[0]
    assert result["status"] == "applied", result


def queue(app: FastAPI, item: str) -> list[tuple[str, int, bool]]:
    """(username, place, withdrawn) of the item's requests, in place order."""
    with app.state.session_factory() as db:
        rows = db.execute(
            select(m.User.username, m.SpeakerRequest.position, m.SpeakerRequest.withdrawn)
            .join(m.User, m.User.id == m.SpeakerRequest.user_id)
            .where(m.SpeakerRequest.agenda_item_id == item)
            .order_by(m.SpeakerRequest.position)
        ).all()
    return [(name, place, withdrawn) for name, place, withdrawn in rows]


def test_the_chair_gives_the_floor_in_turn_and_ends_the_speech(api: Api, world: World) -> None:
    item = world.item_ids[0]
    ask(api, "member01", item)
    ask(api, "member02", item)
    early = call(api, "chair", "POST", f"/items/{item}/speakers/next")
    assert (early.status_code, early.json()["code"]) == (409, "invalid_state")
    start_session(api, world)
    first = call(api, "chair", "POST", f"/items/{item}/speakers/next").json()
    assert first["user_id"] == world.users["member01"] and first["ended_at"] is None
    assert first["started_at"] is not None
    second = call(api, "secretariat", "POST", f"/items/{item}/speakers/next").json()
    assert second["user_id"] == world.users["member02"]
    # Giving the floor to the next one ended the speech before it.
    members_view = {c["id"]: c["data"] for c in pull_all(api, "member03")}
    assert members_view[first["id"]]["ended_at"] == second["started_at"]
    ended = call(api, "chair", "POST", f"/speaker-requests/{second['id']}/end").json()
    assert ended["ended_at"] is not None and ended["ended_at"] >= ended["started_at"]
    again = call(api, "chair", "POST", f"/speaker-requests/{second['id']}/end")
    assert (again.status_code, again.json()["code"]) == (409, "invalid_state")
    nobody = call(api, "chair", "POST", f"/items/{item}/speakers/next")
    assert (nobody.status_code, nobody.json()["code"]) == (409, "no_speaker_waiting")
    assert call(api, "member01", "POST", f"/items/{item}/speakers/next").status_code == 403
    refused = call(api, "member01", "POST", f"/speaker-requests/{second['id']}/end")
    assert refused.status_code == 403
    actions = [r["action"] for r in call(api, "secretariat", "GET", "/audit").json()]
    assert actions.count("speaker.start") == 2 and actions.count("speaker.end") == 1


def test_a_withdrawn_request_is_passed_over_and_a_speaker_who_withdraws_stops(
    api: Api, world: World, app: FastAPI
) -> None:
    item = world.item_ids[0]
    start_session(api, world)
    for who in ("member01", "member02", "member03"):
        ask(api, who, item)
    ask(api, "member02", item, "speaker.withdraw")
    first = call(api, "chair", "POST", f"/items/{item}/speakers/next").json()
    ask(api, "member01", item, "speaker.withdraw")  # while speaking: the speech ends
    with app.state.session_factory() as db:
        row = db.get(m.SpeakerRequest, first["id"])
        assert row is not None and row.ended_at is not None
    after = call(api, "chair", "POST", f"/items/{item}/speakers/next").json()
    assert after["user_id"] == world.users["member03"]  # member02 withdrew before


def test_wish_to_speak_marks_join_the_list_when_the_item_comes_up(
    api: Api, world: World, app: FastAPI
) -> None:
    item = world.item_ids[0]
    mark(api, "member03", item, "wish_to_speak")
    mark(api, "member01", item, "wish_to_speak")
    mark(api, "member04", item, "object")
    mark(api, "chair", item, "no_objection")
    mark(api, "member02", item, "wish_to_speak")
    ask(api, "member02", item)  # already asked: not listed twice
    start_session(api, world)
    assert queue(app, item) == [("member02", 1, False)]
    call(api, "chair", "POST", f"/items/{item}/discuss")
    assert queue(app, item) == [
        ("member02", 1, False),
        ("member03", 2, False),  # marks in the order they were received
        ("member01", 3, False),
    ]
    ask(api, "member03", item, "speaker.withdraw")
    call(api, "chair", "POST", f"/items/{world.item_ids[1]}/discuss")
    call(api, "chair", "POST", f"/items/{item}/discuss")  # back to it: nobody added twice
    assert [(n, w) for n, _p, w in queue(app, item)] == [
        ("member02", False),
        ("member03", True),  # the withdrawal is the later word
        ("member01", False),
    ]
    # The converted requests reach the members' laptops with their places.
    feed = [c["data"] for c in pull_all(api, "member01") if c["type"] == "speaker_request"]
    assert sorted(d["position"] for d in feed) == [1, 2, 3]


def test_the_minutes_list_who_spoke_in_order_and_for_how_long(
    api: Api, world: World, app: FastAPI
) -> None:
    item = world.item_ids[0]
    start_session(api, world)
    for who in ("member02", "member01", "member03"):
        ask(api, who, item)
    # The times are the server's; set here so that the lengths are known exactly.
    at = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
    with app.state.session_factory() as db:
        rows = {
            r.user_id: r
            for r in db.scalars(
                select(m.SpeakerRequest).where(m.SpeakerRequest.agenda_item_id == item)
            )
        }
        one, two = rows[world.users["member02"]], rows[world.users["member01"]]
        one.started_at, one.ended_at = at, at + timedelta(minutes=3, seconds=5)
        two.started_at = at + timedelta(minutes=4)
        two.ended_at = at + timedelta(minutes=4, seconds=40)
        db.commit()
    # Minutes exist only for a session that was held: opened, then closed (rule 8).
    assert (
        call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/close").status_code == 200
    )
    record = call(api, "secretariat", "GET", f"/meetings/{world.meeting_id}/minutes").json()
    first = record["items"][0]
    assert first["speakers"] == ["Member02", "Member01"]  # member03 never had the floor
    assert [(s["full_name"], s["seconds"]) for s in first["speeches"]] == [
        ("Member02", 185),
        ("Member01", 40),
    ]
    from ecabinet.pdf.minutes import _speeches_line, speakers_csv
    from ecabinet.wire.minutes import Minutes

    minutes = Minutes.model_validate(record)
    assert _speeches_line(minutes.items[0]) == (
        "Phát biểu: Member02 (3 phút 05 giây), Member01 (40 giây)."
    )
    rows_csv = speakers_csv(minutes).splitlines()
    assert rows_csv[0].startswith("thu_tu,noi_dung,luot,ho_ten")
    assert rows_csv[1].split(",")[2:4] == ["1", "Member02"] and rows_csv[1].endswith(",185")


# --- two requests at once ---------------------------------------------------------------------


def _login(url: str, username: str) -> dict[str, str]:
    r = requests.post(
        f"{url}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD, "device_name": f"{username}-race"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _push(url: str, headers: dict[str, str], item: str) -> tuple[str, str]:
    body = {
        "mutations": [
            {
                "id": str(uuid.uuid4()),
                "type": "speaker.request",
                "data": {"agenda_item_id": item},
                "created_at": datetime.now(UTC).isoformat(),
            }
        ]
    }
    r = requests.post(f"{url}/api/v1/sync/push", json=body, headers=headers, timeout=120)
    if r.status_code != 200:
        return "fault", str(r.status_code)
    result = r.json()["results"][0]
    return str(result["status"]), str(result["code"])


def _places(url: str, headers: dict[str, str], item: str) -> list[int]:
    changes = requests.get(f"{url}/api/v1/sync/changes", headers=headers, timeout=30).json()
    return sorted(
        c["data"]["position"]
        for c in changes["changes"]
        if c["type"] == "speaker_request" and c["data"]["agenda_item_id"] == item
    )


def test_requests_arriving_at_once_never_share_a_place(settings: Settings) -> None:
    speakers = ("chair", "member01", "member02", "member03", "member04", "deputy")
    postgres = settings.database_url.startswith("postgresql")
    with serving(settings) as (url, world):
        office = _login(url, "secretariat")
        start = requests.post(
            f"{url}/api/v1/meetings/{world.meeting_id}/start", headers=office, timeout=30
        )
        assert start.status_code == 200, start.text
        sessions = {who: _login(url, who) for who in speakers}
        for item in world.item_ids:
            barrier = threading.Barrier(len(speakers))
            outcomes: dict[str, tuple[str, str]] = {}

            def request_to_speak(
                who: str,
                item: str = item,
                barrier: Any = barrier,
                outcomes: dict[str, tuple[str, str]] = outcomes,
            ) -> None:
                barrier.wait(timeout=30)
                outcomes[who] = _push(url, sessions[who], item)

            threads = [threading.Thread(target=request_to_speak, args=(w,)) for w in speakers]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(120)
            applied = [w for w, (status, _code) in outcomes.items() if status == "applied"]
            faults = {w: o for w, o in outcomes.items() if w not in applied}
            # Never a refusal, and never two in one place. On PostgreSQL the item's row lock
            # lets all in; SQLite's one writer may answer a fault ("database is locked"),
            # which a member meets as an act to send again, never as a shared place.
            assert all(code in {"internal_error", "500", "503"} for _s, code in faults.values())
            assert not (postgres and faults), faults
            assert _places(url, office, item) == list(range(1, len(applied) + 1))
            for who in faults:
                assert _push(url, sessions[who], item)[0] == "applied"
            assert _places(url, office, item) == [1, 2, 3, 4, 5, 6]
