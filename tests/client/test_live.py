"""The laptop's reader of the live stream against a real server on loopback."""

from __future__ import annotations

import queue
import random
import threading

import requests
from sqlalchemy import select

from ecabinet.client.live import LiveStatus, LiveStream, backoff_delay, parse_stream
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.wire.live import Changed, LiveEvent, VoteOpened
from tests.factories import PASSWORD, World
from tests.loopback import LiveServer, ServerProcess

WAIT = 20.0


class Heard:
    def __init__(self) -> None:
        self.events: queue.Queue[LiveEvent] = queue.Queue()
        self.statuses: queue.Queue[LiveStatus] = queue.Queue()

    def status(self, wanted: LiveStatus) -> None:
        while True:
            got = self.statuses.get(timeout=WAIT)
            if got == wanted:
                return

    def event(self, kind: type[LiveEvent]) -> LiveEvent:
        while True:
            got = self.events.get(timeout=WAIT)
            if isinstance(got, kind):
                return got


def token(url: str, username: str) -> str:
    r = requests.post(
        f"{url}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD, "device_name": "laptop"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    value: str = r.json()["token"]
    return value


def stream(url: str, secret: str, heard: Heard, stop: threading.Event) -> LiveStream:
    # A short backoff: the restart test waits for the reconnect, not for a minute's backoff.
    live = LiveStream(
        url,
        secret,
        on_event=heard.events.put,
        on_status=heard.statuses.put,
        stop=stop,
        backoff_cap=1.0,
    )
    live.start()
    return live


def office(url: str) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token(url, 'secretariat')}"
    return session


def test_events_arrive_typed_and_stop_ends_the_reader(live_server: LiveServer) -> None:
    url, world = live_server.url, live_server.world
    heard, stop = Heard(), threading.Event()
    live = stream(url, token(url, "member01"), heard, stop)
    heard.status(LiveStatus.CONNECTED)
    admin = office(url)
    assert admin.post(f"{url}/api/v1/meetings/{world.meeting_id}/start").ok
    present = [world.users[u] for u in ("chair", "member01", "member02", "member03")]
    r = admin.put(
        f"{url}/api/v1/meetings/{world.meeting_id}/attendance",
        json={"present_user_ids": present},
    )
    assert r.ok, r.text
    assert admin.post(f"{url}/api/v1/items/{world.item_ids[0]}/vote/open").ok
    opened = heard.event(VoteOpened)
    assert isinstance(opened, VoteOpened) and opened.agenda_item_id == world.item_ids[0]
    assert live.last_event_id is not None and live.last_event_id.startswith("v1.")
    # Stopping wakes the read blocked on a silent stream.
    stop.set()
    live.close(WAIT)
    assert live._thread is not None and not live._thread.is_alive()
    heard.status(LiveStatus.STOPPED)


def test_a_reconnect_sends_the_last_id_and_learns_what_it_missed(
    server_process: tuple[ServerProcess, World],
) -> None:
    proc, world = server_process
    heard, stop = Heard(), threading.Event()
    admin = office(proc.url)
    live = stream(proc.url, token(proc.url, "member01"), heard, stop)
    try:
        heard.status(LiveStatus.CONNECTED)
        r = admin.patch(f"{proc.url}/api/v1/meetings/{world.meeting_id}", json={"place": "A"})
        assert r.ok, r.text
        before = heard.event(Changed)
        assert isinstance(before, Changed)
        proc.kill()
        heard.status(LiveStatus.RECONNECTING)
        # While the server is down, a change lands in the database (another server's act).
        app = create_app(proc.settings)
        with app.state.session_factory() as db:
            meeting = db.scalar(select(m.Meeting).where(m.Meeting.id == world.meeting_id))
            assert meeting is not None
            meeting.place = "B"
            feed.publish_meeting(db, meeting)
            db.commit()
        app.state.engine.dispose()
        proc.start()
        # Nobody acts now: only the Last-Event-ID it sent can make the server report this.
        after = heard.event(Changed)
        assert isinstance(after, Changed)
        assert int(after.cursor.split(".")[1]) > int(before.cursor.split(".")[1])
    finally:
        live.close(WAIT)


def test_it_gives_up_when_signed_out_or_without_a_stream(live_server: LiveServer) -> None:
    url = live_server.url
    secret = token(url, "member01")
    heard, stop = Heard(), threading.Event()
    live = stream(url, secret, heard, stop)
    heard.status(LiveStatus.CONNECTED)
    out = requests.post(
        f"{url}/api/v1/auth/logout", headers={"Authorization": f"Bearer {secret}"}, timeout=30
    )
    assert out.status_code == 204
    # The stream ends at once; reconnecting is refused (401): the caller keeps its timer.
    heard.status(LiveStatus.UNAVAILABLE)
    assert live._thread is not None
    live._thread.join(WAIT)
    assert not live._thread.is_alive()

    old = Heard()
    older = stream(f"{url}/no-such-server", token(url, "member02"), old, threading.Event())
    old.status(LiveStatus.UNAVAILABLE)  # 404: a server without the stream
    older.close(WAIT)


def test_backoff_is_full_jitter_under_a_growing_cap() -> None:
    rng = random.Random(7)
    for attempt in range(12):
        ceiling = min(60.0, 2.0**attempt)
        delays = [backoff_delay(attempt, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling / 2  # spread over the whole range, not bunched at 0
    assert backoff_delay(10_000, rng) <= 60.0


def test_the_parser_reads_the_standards_forms() -> None:
    lines = [
        ": ping",
        "event: changed",
        "id: v1.9",
        'data: {"cursor":',
        "data: 1}",
        "",
        "data: plain",
        "",
        "event: x",
        "",
    ]
    assert list(parse_stream(iter(lines))) == [
        ("changed", '{"cursor":\n1}', "v1.9"),
        ("message", "plain", None),
    ]
