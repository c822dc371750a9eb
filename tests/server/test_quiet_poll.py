"""A poll that finds nothing new is answered from memory, and never when something is new or
the sign-in has ended: the database is not asked, and nothing is hidden from the laptop."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.core.security import token_hash
from ecabinet.server.live.hub import Hub
from ecabinet.server.live.pending import Batch
from ecabinet.server.live.relay import Relay, encode
from ecabinet.server.quiet_poll import ENDED_FILE, HEAD_SECONDS, PollMemory
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_sync_push import mutation, push

CHANGES = "/api/v1/sync/changes"


@contextmanager
def statements(api: Api) -> Iterator[list[str]]:
    """The SQL the server sends to its database meanwhile."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        seen.append(sql)

    engine = api.app.state.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def caught_up(api: Api, username: str) -> str:
    """``username``'s latest cursor, read the full way (which the memory learns from)."""
    page = api.client.get(CHANGES, params={"limit": 1000}, headers=api.headers(username)).json()
    while page["more"]:
        page = api.client.get(
            CHANGES, params={"limit": 1000, "since": page["cursor"]}, headers=api.headers(username)
        ).json()
    # One more poll the full way: it reads the body's latest number for the memory.
    api.client.get(CHANGES, params={"since": page["cursor"]}, headers=api.headers(username))
    return str(page["cursor"])


def memory(api: Api) -> PollMemory:
    found: PollMemory = api.app.state.poll_memory
    return found


def test_a_poll_that_finds_nothing_new_asks_the_database_nothing(api: Api, world: World) -> None:
    cursor = caught_up(api, "member01")
    memory(api).head_seconds = 60  # a slow machine must not make the test take the full way
    with statements(api) as sent:
        quiet = api.client.get(CHANGES, params={"since": cursor}, headers=api.headers("member01"))
    assert sent == []
    assert quiet.status_code == 200
    assert quiet.json() == {"changes": [], "cursor": cursor, "more": False, "wipe": False}
    assert quiet.headers["content-type"] == "application/json"
    assert quiet.headers["x-content-type-options"] == "nosniff"  # the guard's headers too
    # The full way says the same.
    memory(api).forget()
    full = api.client.get(CHANGES, params={"since": cursor}, headers=api.headers("member01"))
    assert full.json() == quiet.json()


def test_a_change_made_here_reaches_the_next_poll_at_once(api: Api, world: World) -> None:
    cursor = caught_up(api, "member01")
    memory(api).head_seconds = 60
    marked = mutation("position.set", {"agenda_item_id": world.item_ids[0], "position": "object"})
    assert push(api, "member01", marked)[0]["status"] == "applied"
    page = api.client.get(CHANGES, params={"since": cursor}, headers=api.headers("member01"))
    assert [c["type"] for c in page.json()["changes"]] == ["position"]


def test_a_commit_not_heard_here_is_seen_within_the_memorys_second(api: Api, world: World) -> None:
    """As the command line's on SQLite: committed by a session the hub is not told of."""
    cursor = caught_up(api, "member01")
    memory(api).head_seconds = 60
    outside = sessionmaker(api.app.state.engine)  # not the app's factory: no hub
    with outside() as db:
        meeting = db.get(m.Meeting, world.meeting_id)
        assert meeting is not None
        feed.publish_meeting(db, meeting)
        db.commit()
    unaware = api.client.get(CHANGES, params={"since": cursor}, headers=api.headers("member01"))
    assert unaware.json()["changes"] == []  # for at most the memory's time
    memory(api).head_seconds = 0  # that time has passed
    page = api.client.get(CHANGES, params={"since": cursor}, headers=api.headers("member01"))
    assert [c["type"] for c in page.json()["changes"]] == ["meeting"]


def test_a_sign_out_or_a_revoked_device_ends_it_at_once(api: Api, world: World) -> None:
    memory(api).head_seconds = 60
    cursor = caught_up(api, "member01")
    signed_out = api.client.post("/api/v1/auth/logout", headers=api.headers("member01"))
    assert signed_out.status_code == 204
    r = api.client.get(CHANGES, params={"since": cursor}, headers=api.headers("member01"))
    assert r.status_code == 401
    cursor = caught_up(api, "member02")
    with api.db() as db:
        device_id = db.scalar(
            select(m.Device.id).where(m.Device.user_id == world.users["member02"])
        )
    office = api.headers("secretariat")
    assert api.client.post(f"/api/v1/devices/{device_id}/revoke", headers=office).status_code == 200
    r = api.client.get(CHANGES, params={"since": cursor}, headers=api.headers("member02"))
    assert r.json()["wipe"] is True


def test_an_expired_sign_in_goes_the_full_way(api: Api, world: World) -> None:
    memory(api).head_seconds = 60
    cursor = caught_up(api, "member01")
    hashed = token_hash(api.headers("member01")["Authorization"].split()[1])
    with api.db() as db:
        token = db.get(m.Token, hashed)
        token.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        db.commit()
        user_id, device_id = token.user_id, token.device_id
        body_id = db.get(m.User, user_id).body_id
    # What the memory holds says the sign-in lasts until a moment ago.
    memory(api).signed_in(hashed, body_id, user_id, device_id, datetime.now(UTC))
    r = api.client.get(CHANGES, params={"since": cursor}, headers=api.headers("member01"))
    assert (r.status_code, r.json()["code"]) == (401, "token_expired")


@pytest.mark.parametrize(
    "params", [{"since": "v1.x"}, {"since": "v1.1", "limit": "0"}, {"since": "v1.²"}]
)
def test_a_query_the_full_way_refuses_is_refused(
    api: Api, world: World, params: dict[str, str]
) -> None:
    memory(api).head_seconds = 60
    caught_up(api, "member01")
    r = api.client.get(CHANGES, params=params, headers=api.headers("member01"))
    assert r.status_code == 422


def test_another_process_ending_a_sign_in_is_heard_through_the_relay() -> None:
    """On PostgreSQL a revoke committed by another server process reaches this one's memory
    in the relay's notice (delivery between processes: test_events_processes.py)."""
    remembered = PollMemory()
    hub = Hub(sessionmaker[Session]())
    hub.memories.append(remembered)
    relay = Relay(hub, create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    far_future = datetime.now(UTC) + timedelta(days=1)
    remembered.signed_in("t1", "body", "user-1", "device-1", far_future)
    remembered.signed_in("t2", "body", "user-2", "device-2", far_future)
    remembered.head_read("body", 7, remembered.started_reading())
    assert remembered.nothing_new("t1", 7) and remembered.nothing_new("t2", 7)
    relay._heard(encode(Batch(close_devices=("device-1",)), "another process")[0])
    assert not remembered.nothing_new("t1", 7) and remembered.nothing_new("t2", 7)
    hub.end_all()  # the relay lost notices: nothing remembered is trusted
    assert not remembered.nothing_new("t2", 7)


def test_on_sqlite_a_sign_in_ended_in_another_process_is_told_by_a_file(tmp_path: Path) -> None:
    """Two server processes (or the command line and a server) on one SQLite database."""
    ended = tmp_path / ENDED_FILE
    here, there = PollMemory(ended_file=ended), PollMemory(ended_file=ended)
    far_future = datetime.now(UTC) + timedelta(days=1)
    there.signed_in("t1", "body", "user-1", "device-1", far_future)
    there.head_read("body", 7, there.started_reading())
    assert there.nothing_new("t1", 7)
    here.heard(Batch(close_devices=("device-9",)))  # any sign-in ended, over here
    assert not there.nothing_new("t1", 7)  # there, each is checked the full way again
    there.signed_in("t1", "body", "user-1", "device-1", far_future)
    assert there.nothing_new("t1", 7)


def test_once_the_number_is_a_second_old_one_poll_reads_it_and_the_others_are_answered() -> None:
    """Not every poll in flight goes the full way at once when the body's number ages: one
    is sent to read it, the others are answered from it meanwhile, for a second at most."""
    now = [100.0]
    remembered = PollMemory(clock=lambda: now[0])
    far_future = datetime.now(UTC) + timedelta(days=1)
    tokens = [f"t{n}" for n in range(3)]
    for n, token in enumerate(tokens):
        remembered.signed_in(token, "body", f"user-{n}", f"device-{n}", far_future)
    remembered.head_read("body", 7, remembered.started_reading())
    assert [remembered.nothing_new(t, 7) for t in tokens] == [True, True, True]
    now[0] += HEAD_SECONDS
    assert [remembered.nothing_new(t, 7) for t in tokens] == [False, True, True]
    remembered.head_read("body", 8, remembered.started_reading())  # it came back: 8
    assert [remembered.nothing_new(t, 7) for t in tokens] == [False, False, False]
    assert [remembered.nothing_new(t, 8) for t in tokens] == [True, True, True]
    # Sent to read it, a poll that never comes back (refused, failed) holds the others for
    # a second; the number is never given out more than two seconds old.
    now[0] += HEAD_SECONDS
    assert [remembered.nothing_new(t, 8) for t in tokens] == [False, True, True]
    now[0] += HEAD_SECONDS * 0.99
    assert [remembered.nothing_new(t, 8) for t in tokens] == [True, True, True]
    now[0] += HEAD_SECONDS * 0.01
    assert [remembered.nothing_new(t, 8) for t in tokens] == [False, False, False]
