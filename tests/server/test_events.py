"""GET /api/v1/events on a real uvicorn server: what each member hears, and when not.

SQLite and PostgreSQL (the ``settings`` fixture). Each stream is read on a thread; each wait
is bounded. "Hears nothing of X" is checked by a sentinel change everyone sees, made last:
every event a stream received before the sentinel is examined.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from ecabinet.server.core.config import Settings
from tests.factories import World
from tests.loopback import serving
from tests.server.live_helpers import (
    API,
    Reader,
    Seen,
    client,
    close_all,
    data_of,
    login,
    sentinel,
)
from tests.server.signing_helpers import enroll

EVERYONE = ("secretariat", "chair", "member01", "member02", "member05", "guest")


@pytest.fixture
def server(settings: Settings) -> Iterator[tuple[str, World]]:
    with serving(settings.with_changes(live_keepalive_seconds=0.3)) as (url, world):
        try:
            yield url, world
        finally:
            close_all()


def start_session(office: httpx.Client, world: World) -> None:
    assert office.post(f"{API}/meetings/{world.meeting_id}/start").status_code == 200
    present = [world.users[u] for u in ("chair", "member01", "member02", "member03", "member04")]
    r = office.put(
        f"{API}/meetings/{world.meeting_id}/attendance", json={"present_user_ids": present}
    )
    assert r.status_code == 200, r.text


def names(seen: list[Seen]) -> list[str]:
    return [s.name for s in seen]


def test_a_change_is_heard_and_a_reconnect_misses_nothing(server: tuple[str, World]) -> None:
    url, world = server
    token = login(url, "member01")
    office = client(url, login(url, "secretariat"))
    first = Reader(url, token)
    assert first.status == 200
    assert first.response.headers["content-type"].startswith("text/event-stream")
    sentinel(office, "first")
    changed = first.until("changed")[-1]
    assert changed.id is not None and changed.id.startswith("v1.")
    first.close()

    # Away: the meeting changes while no stream is open.
    r = office.patch(f"{API}/meetings/{world.meeting_id}", json={"place": "Phòng họp số 2"})
    assert r.status_code == 200, r.text
    again = Reader(url, token, last_event_id=changed.id)
    caught = again.next()
    assert caught.name == "changed"
    assert caught.id is not None
    assert int(caught.id.split(".")[1]) > int(changed.id.split(".")[1])
    # The changes it reports are the ones missed: the pull from that cursor finds them.
    pulled = client(url, token).get(f"{API}/sync/changes", params={"since": changed.id}).json()
    assert any(c["type"] == "meeting" and c["id"] == world.meeting_id for c in pulled["changes"])
    again.close()

    # Up to date: reconnecting with the newest id reports nothing until something happens.
    third = Reader(url, token, last_event_id=caught.id)
    sentinel(office, "third")
    seen = third.until("changed")
    assert len(seen) == 1 and seen[0].id != caught.id
    third.close()


def test_each_member_hears_only_what_it_may_see(server: tuple[str, World]) -> None:
    url, world = server
    tokens = {u: login(url, u) for u in EVERYONE}
    office = client(url, tokens["secretariat"])
    start_session(office, world)
    voter = enroll(client(url, tokens["member01"]), {}, world.users["member01"])
    readers = {u: Reader(url, tokens[u]) for u in EVERYONE}
    chair = client(url, tokens["chair"])
    first, second = world.item_ids

    assert chair.post(f"{API}/items/{second}/discuss").status_code == 200
    assert chair.post(f"{API}/items/{first}/discuss").status_code == 200
    assert chair.post(f"{API}/items/{first}/vote/open").status_code == 200
    vote = {
        "id": str(uuid.uuid4()),
        "type": "vote.cast",
        "created_at": datetime.now(UTC).isoformat(),
        "data": {
            "agenda_item_id": first,
            "choice": "agree",
            "comment": "",
            "signature": voter.sign_vote(first, "agree"),
        },
    }
    r = client(url, tokens["member01"]).post(f"{API}/sync/push", json={"mutations": [vote]})
    assert r.json()["results"][0]["status"] == "applied", r.text
    assert chair.post(f"{API}/items/{first}/vote/close").status_code == 200
    last = sentinel(office, "last")
    heard = {u: readers[u].through(last) for u in EVERYONE}
    sessions = {u: data_of(heard[u], "session.item") for u in EVERYONE}
    assert [e["agenda_item_id"] for e in sessions["member01"]] == [second, first]
    assert [e["agenda_item_id"] for e in sessions["chair"]] == [second, first]
    assert [e["agenda_item_id"] for e in sessions["guest"]] == [first]  # invited to it only
    for u in ("member01", "member02", "chair", "guest", "secretariat"):
        assert data_of(heard[u], "vote.opened") == [
            {"meeting_id": world.meeting_id, "agenda_item_id": first}
        ]
        closed = data_of(heard[u], "vote.closed")
        assert len(closed) == 1 and closed[0]["agree"] == 1
    # The running count: to the chair and the Office only.
    for u in ("chair", "secretariat"):
        counts = data_of(heard[u], "vote.count")
        assert len(counts) == 1 and counts[0]["agree"] == 1, heard[u]
    for u in ("member01", "member02", "guest"):
        assert "vote.count" not in names(heard[u])
    # The member invited to nothing hears the sentinel and nothing of the meeting.
    assert {s.name for s in heard["member05"]} == {"changed"}, heard["member05"]


def test_the_keep_alive_comment_arrives(server: tuple[str, World]) -> None:
    url, _world = server
    reader = Reader(url, login(url, "member01"))
    office = client(url, login(url, "secretariat"))
    deadline = 50
    while reader.comments == 0 and deadline:
        # Each sentinel's event proves the reader is past whatever came before it.
        sentinel(office, f"keepalive{deadline}")
        reader.until("changed")
        deadline -= 1
    assert reader.comments > 0


def test_a_revoked_laptop_and_a_signed_out_one_lose_their_streams(
    server: tuple[str, World],
) -> None:
    url, world = server
    office = client(url, login(url, "secretariat"))
    laptop = login(url, "member01")
    other = login(url, "member02")
    revoked, signed_out, kept = (
        Reader(url, laptop),
        Reader(url, other),
        Reader(url, login(url, "member03")),
    )
    devices = office.get(f"{API}/devices", params={"user_id": world.users["member01"]}).json()
    assert office.post(f"{API}/devices/{devices[-1]['id']}/revoke").status_code == 200
    assert revoked.until("(end)")[-1].name == "(end)"
    assert client(url, other).post(f"{API}/auth/logout").status_code == 204
    assert signed_out.until("(end)")[-1].name == "(end)"
    # The others keep theirs, and a revoked laptop cannot open a new one.
    sentinel(office, "after")
    assert kept.until("changed")[-1].name == "changed"
    assert Reader(url, laptop).status == 401
    assert Reader(url, other).status == 401


def test_disabling_a_user_or_resetting_his_password_ends_his_streams(
    server: tuple[str, World],
) -> None:
    url, world = server
    office = client(url, login(url, "secretariat"))
    disabled, reset = Reader(url, login(url, "member01")), Reader(url, login(url, "member02"))
    r = office.patch(f"{API}/users/{world.users['member01']}", json={"active": False})
    assert r.status_code == 200, r.text
    assert disabled.until("(end)")[-1].name == "(end)"
    r = office.post(
        f"{API}/users/{world.users['member02']}/password", json={"password": "Another-pass-77"}
    )
    assert r.status_code == 204, r.text
    assert reset.until("(end)")[-1].name == "(end)"


def push(url: str, token: str, kind: str, item_id: str) -> None:
    mutation = {
        "id": str(uuid.uuid4()),
        "type": kind,
        "created_at": datetime.now(UTC).isoformat(),
        "data": {"agenda_item_id": item_id},
    }
    r = client(url, token).post(f"{API}/sync/push", json={"mutations": [mutation]})
    assert r.json()["results"][0]["status"] == "applied", r.text


def test_the_speakers_queue_and_attendance_reach_those_who_see_them(
    server: tuple[str, World],
) -> None:
    url, world = server
    tokens = {u: login(url, u) for u in ("secretariat", "member01", "guest", "member05")}
    office = client(url, tokens["secretariat"])
    readers = {u: Reader(url, t) for u, t in tokens.items()}
    start_session(office, world)
    first, second = world.item_ids
    push(url, tokens["member01"], "speaker.request", second)
    push(url, tokens["member01"], "speaker.withdraw", second)
    push(url, tokens["member01"], "speaker.request", first)
    end = sentinel(office, "end")
    heard = {u: reader.through(end) for u, reader in readers.items()}
    queues = [(e["agenda_item_id"], e["queue"]) for e in data_of(heard["member01"], "speakers")]
    assert [(i, [q["user_id"] for q in qs]) for i, qs in queues] == [
        (second, [world.users["member01"]]),
        (second, []),
        (first, [world.users["member01"]]),
    ]
    assert queues[0][1][0]["full_name"] == "Member01"
    # The guest is invited to the first item only; the office sees all; member05 nothing.
    assert [e["agenda_item_id"] for e in data_of(heard["guest"], "speakers")] == [first]
    assert len(data_of(heard["secretariat"], "speakers")) == 3
    for u in ("member01", "guest", "secretariat"):
        assert data_of(heard[u], "attendance") == [
            {"meeting_id": world.meeting_id, "present": 5, "needed": 4, "total_members": 6}
        ], u
    assert {s.name for s in heard["member05"]} == {"changed"}


def test_an_invitation_opens_a_meeting_to_a_stream_and_its_removal_closes_it(
    server: tuple[str, World],
) -> None:
    url, world = server
    office = client(url, login(url, "secretariat"))
    reader = Reader(url, login(url, "member05"))
    invited = [
        {"user_id": world.users[u], "kind": "member"}
        for u in ("chair", "member01", "member02", "member03", "member04")
    ]
    path = f"{API}/meetings/{world.meeting_id}"

    def invite(people: list[dict[str, str]]) -> None:
        r = office.put(f"{path}/invitations", json={"invitations": people})
        assert r.status_code == 200, r.text

    def move(place: str) -> None:
        assert office.patch(path, json={"place": place}).status_code == 200

    invite([*invited, {"user_id": world.users["member05"], "kind": "member"}])
    move("Phòng 1")  # heard: member05 is invited now
    invite(invited)  # heard: the meeting is withdrawn from member05
    move("Phòng 2")  # not heard
    seen = reader.through(sentinel(office, "end"))
    assert [s.name for s in seen] == ["changed"] * 4, seen
