"""The live benchmark's own pieces (tests/bench/live*.py, sse.py, page.py), checked for being
right, not fast: its stream reader against a real socket, its session set up and its votes
pushed against a real server process, its memory reading, and its page writing."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from ecabinet.server.core.config import get_settings
from tests.bench import live, live_setup, page
from tests.bench.bodies import generate
from tests.bench.live import Live, Round, Tally, _count_votes, _row, run_live
from tests.bench.live_setup import Keys, add_staff, set_up_session, sign_in_all, tree_rss
from tests.bench.server_proc import ServerProcess
from tests.bench.sse import Event, EventParser, StreamRefused, hold_stream
from tests.dbs import PostgresDatabase, require_postgres

STREAM = (
    b": hello\r\n\r\n"
    b"event: changed\r\nid: 17\r\ndata: {}\r\n\r\n"
    b'event: vote.opened\nid: 18\ndata: {"item":\n'
    b'data: "x"}\n\n'
    b"id: 19\rdata: plain\r\r\n"
)
EXPECTED = [
    Event("changed", "{}", "17"),
    Event("vote.opened", '{"item":\n"x"}', "18"),
    Event("message", "plain", "19"),
]


def test_the_event_parser_reads_events_however_the_bytes_are_cut() -> None:
    whole = EventParser()
    assert whole.feed(STREAM) == EXPECTED
    bytewise = EventParser()
    events = [e for n in range(len(STREAM)) for e in bytewise.feed(STREAM[n : n + 1])]
    assert events == EXPECTED
    assert (whole.last_id, bytewise.last_id, whole.comments) == ("19", "19", 1)


class _SseServer:
    """A real socket answering the stream request: chunked events cut mid-line, then the end."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.requests: list[str] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.requests.append((await reader.readuntil(b"\r\n\r\n")).decode())
        if self.status != 200:
            writer.write(
                b"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/problem+json\r\n"
                b"Content-Length: 2\r\n\r\n{}"
            )
        else:
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n"
            )
            for start in range(0, len(STREAM), 7):
                piece = STREAM[start : start + 7]
                writer.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                await writer.drain()
            writer.write(b"0\r\n\r\n")
        await writer.drain()
        writer.close()


async def _against(server: _SseServer, parser: EventParser) -> tuple[list[Event], int]:
    listening = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    events: list[Event] = []
    opened = []
    try:
        await asyncio.wait_for(
            hold_stream("127.0.0.1", port, "tok", lambda: opened.append(1), events.append, parser),
            10,
        )
    finally:
        listening.close()
        await listening.wait_closed()
    return events, len(opened)


def test_the_stream_client_reads_a_chunked_stream_and_resumes_after_the_last_id() -> None:
    server, parser = _SseServer(), EventParser()
    assert asyncio.run(_against(server, parser)) == (EXPECTED, 1)
    assert asyncio.run(_against(server, parser)) == (EXPECTED, 1)
    first, second = server.requests
    assert first.startswith("GET /api/v1/events HTTP/1.1\r\n")
    assert "Authorization: Bearer tok\r\n" in first
    assert "Last-Event-ID" not in first
    assert "Last-Event-ID: 19\r\n" in second


def test_a_refused_stream_is_an_error_not_an_open_stream() -> None:
    with pytest.raises(StreamRefused) as refused:
        asyncio.run(_against(_SseServer(status=401), EventParser()))
    assert refused.value.status == 401


def test_a_partial_write_replaces_its_own_section_and_keeps_the_others() -> None:
    before = "# Benchmarks\n\n### Poll\n\nold poll\n\n### Reading the figures\n\nnotes\n"
    once = page.merge(before, {"live": "### Live\n\nfirst"})
    assert once.index("### Poll") < once.index("first") < once.index("### Reading")
    twice = page.merge(once, {"live": "### Live\n\nsecond"})
    assert "first" not in twice
    assert twice.count("### Live") == 1
    assert "old poll" in twice
    assert twice.endswith("notes\n")


def test_the_memory_reading_counts_the_child_processes() -> None:
    # As a context manager the child's pipes are closed and the child waited for at the end.
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096]);"
            "print('ready', flush=True); input()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            alone = tree_rss(child.pid)
            assert alone > 200 * 2**20
            assert tree_rss(os.getpid()) >= alone
        finally:
            child.kill()


async def _vote_rounds(
    url: str, members: int, rounds: int, database_url: str, by_api: bool
) -> list[Round]:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        keys = Keys()
        laptops = await sign_in_all(
            client, [f"bench{n:04d}" for n in range(1, members + 1)], keys.csr
        )
        session = await set_up_session(client, laptops, rounds, database_url)
        assert session.attendance_by_api == by_api
        live = Live("127.0.0.1", httpx.URL(url).port or 80, Tally(members, 1), members)
        done = []
        for items in session.items:
            (item_id,) = set(items.values())  # one meeting
            current = Round(items, keys.sign_votes(items, "agree"), members)
            current.opened_at[item_id] = 0.0
            opened = await client.post(
                f"/api/v1/items/{item_id}/vote/open", headers=session.chair.headers
            )
            assert opened.status_code == 200, opened.text
            # What each laptop does on its vote.opened, without the stream.
            for laptop in laptops:
                current.received[laptop.user_id] = 0.0
                await live.push_vote(laptop, current)
            await asyncio.wait_for(current.finished.wait(), 30)
            closed = await client.post(
                f"/api/v1/items/{item_id}/vote/close", headers=session.chair.headers
            )
            assert closed.status_code == 200, closed.text
            done.append(current)
        return done


@pytest.mark.slow
@pytest.mark.parametrize("by_api", [True, False], ids=["attendance-by-api", "past-the-api-cap"])
def test_the_session_is_set_up_through_the_api_and_every_signed_vote_is_stored_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, by_api: bool
) -> None:
    if not by_api:  # as with 2,000 laptops: more present members than one API call takes
        monkeypatch.setattr(live_setup, "API_LIST_LIMIT", 2)
    settings = get_settings(tmp_path / "server")
    generate(settings, members=3)
    add_staff(settings)
    server = ServerProcess(settings.data_dir)
    try:
        rounds = asyncio.run(_vote_rounds(server.url, 3, 2, settings.database_url, by_api))
    finally:
        server.stop()
    assert [(r.applied, r.failed, len(r.pushes_ms)) for r in rounds] == [(3, [], 3)] * 2
    item_ids = [item for r in rounds for item in set(r.items.values())]
    assert _count_votes(settings.database_url, item_ids) == (6, 6)


@pytest.mark.slow
@pytest.mark.postgres
def test_the_whole_bench_runs_on_a_small_body_and_every_laptop_hears_and_votes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two meetings of two, as 2,000 laptops are two meetings of 1,000.
    monkeypatch.setattr(live, "MEETING_INVITATIONS", 2)
    # On PostgreSQL, as the bench runs: there, votes arriving together are all applied.
    database = PostgresDatabase(require_postgres())
    try:
        tally = run_live(4, 2, database.url, 2, 50, tmp_path)
    finally:
        database.drop()
    assert (tally.streams_open, tally.meetings, len(tally.item_ids)) == (4, 2, 4)
    assert [sorted(r.received) for r in tally.rounds] == [
        sorted(r.signatures) for r in tally.rounds
    ]
    assert [(r.applied, r.failed) for r in tally.rounds] == [(4, [])] * 2
    assert (tally.stored, tally.distinct) == (8, 8)
    assert 0 < tally.rss_before <= tally.rss_peak
    row = _row(tally)
    assert row.startswith("| 4 | 2 |")
    assert "| 8 of 8 |" in row
