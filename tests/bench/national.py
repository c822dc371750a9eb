"""The national benchmark: ``python -m tests.bench national``.

The Government and the 34 provinces, each its own body, on one server of two worker processes
over one fresh PostgreSQL database (tests/bench/national_setup.py makes them). Every laptop
signs in, catches up, holds the live stream (``/api/v1/events``) and polls the feed
(``/sync/changes`` with its latest cursor) every 10 seconds, open loop: the polls are spread
evenly, so 2,000 laptops are 200 polls a second, sent when due whatever the earlier answers
did. After a quiet phase with every body idle, one body at a time holds a session: its chair
opens a vote, each of its laptops pushes its signed vote when its ``vote.opened`` arrives
(tests/bench/live.py), the chair closes it; a few rounds. Meanwhile the other bodies idle.

Each phase records the polls due in it by body, the server's, PostgreSQL's and the load
process's CPU, and every event each stream got; at the end every vote must be in the database
exactly once and no stream may have received an event naming another body's items (else the
run fails). One load process on asyncio does all of it, with the raw sockets of
tests/bench/sse.py; sign-ins and the Office's and chairs' calls go through httpx.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

from ecabinet.server.core.config import get_settings
from tests.bench.latency import _sessions_opened
from tests.bench.live import Live, Round, _count_votes, vote_round
from tests.bench.live import Tally as StreamTally
from tests.bench.live_setup import (
    SIGN_IN_AT_ONCE,
    Keys,
    Laptop,
    Session,
    catch_up,
    set_up_session,
    sign_in_all,
    tree_rss,
)
from tests.bench.national_setup import NationalBody, generate_national
from tests.bench.server_proc import (
    ServerProcess,
    cpu_seconds,
    fresh_database,
    named_cpu_seconds,
)
from tests.bench.sse import Event, get

POLL_EVERY = 10.0  # seconds between a laptop's polls
POLL_TIMEOUT = 60.0  # a poll unanswered after this long counts as failed
# A session's rounds begin at most this often, so that its votes span a poll's period and
# every idle laptop polls while they run.
ROUND_EVERY = 5.0


@dataclass
class Station:
    """One laptop: its body, the cursor of its last poll, the events its stream received."""

    laptop: Laptop
    body: str
    cursor: str
    events: list[tuple[float, str]] = field(default_factory=list)  # (monotonic, name)
    foreign: int = 0  # events naming an item of another body's session


@dataclass(frozen=True)
class Poll:
    due: float  # monotonic
    body: str
    ms: float | None  # from when it was due to its answer; None: failed


@dataclass
class Phase:
    """A stretch of the run: every body idle (``body`` None), or one body's session."""

    body: str | None
    started: float = 0.0  # monotonic
    ended: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)  # consumer -> CPU seconds
    rounds: list[Round] = field(default_factory=list)
    load: float = 0.0  # the load average over the minute to its end


@dataclass
class NationalTally:
    laptops: int
    workers: int
    bodies: list[NationalBody]
    streams: StreamTally
    setup_seconds: float = 0.0
    phases: list[Phase] = field(default_factory=list)
    polls: list[Poll] = field(default_factory=list)
    stations: list[Station] = field(default_factory=list)
    connections_opened: int = 0  # to PostgreSQL, from the quiet phase to the last session
    item_ids: list[str] = field(default_factory=list)
    stored: int = 0
    distinct: int = 0

    def polls_in(self, phase: Phase, idle_only: bool) -> list[Poll]:
        return [
            p
            for p in self.polls
            if phase.started <= p.due < phase.ended and not (idle_only and p.body == phase.body)
        ]

    def others_events(self, phase: Phase) -> int:
        """Events the streams of the bodies not in session received during ``phase``."""
        return sum(
            1
            for s in self.stations
            if s.body != phase.body
            for at, _name in s.events
            if phase.started <= at < phase.ended
        )


class NationalLive(Live):
    """The streams of every body; votes go on only for the laptops of the round's body."""

    def __init__(self, host: str, port: int, tally: StreamTally, stations: list[Station]):
        super().__init__(host, port, tally, len(stations))
        self.stations = {s.laptop.user_id: s for s in stations}
        self.session_items: dict[str, set[str]] = {}  # body -> its session's items

    def on_event(self, laptop: Laptop, event: Event) -> None:
        station = self.stations[laptop.user_id]
        station.events.append((time.monotonic(), event.name))
        for body, items in self.session_items.items():
            if body != station.body and any(item in event.data for item in items):
                station.foreign += 1
        current = self.current
        if current is not None and laptop.user_id in current.items:
            super().on_event(laptop, event)


class Polling:
    """Every laptop's poll every ``POLL_EVERY`` seconds, the laptops spread evenly."""

    def __init__(self, host: str, port: int, stations: list[Station], polls: list[Poll]):
        self.host, self.port, self.stations, self.polls = host, port, stations, polls
        self.stop = asyncio.Event()
        self.pending: set[asyncio.Task[None]] = set()

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        began = loop.time()
        count = len(self.stations)

        async def laptop(number: int, station: Station) -> None:
            due = began + number * POLL_EVERY / count
            while True:
                await asyncio.sleep(max(0.0, due - loop.time()))
                if self.stop.is_set():
                    return
                task = asyncio.create_task(self.poll(station, due))
                self.pending.add(task)
                task.add_done_callback(self.pending.discard)
                due += POLL_EVERY

        await asyncio.gather(*(laptop(n, s) for n, s in enumerate(self.stations)))

    async def poll(self, station: Station, due: float) -> None:
        path = f"/api/v1/sync/changes?since={quote(station.cursor)}"
        try:
            status, answer = await asyncio.wait_for(
                get(self.host, self.port, path, station.laptop.token), POLL_TIMEOUT
            )
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            status, answer = 0, b""
        ms = (time.monotonic() - due) * 1000 if status == 200 else None
        if status == 200:
            station.cursor = json.loads(answer)["cursor"]
        self.polls.append(Poll(due, station.body, ms))


def _cpu(server_pid: int) -> dict[str, float]:
    return {
        "server": cpu_seconds(server_pid),
        "postgres": named_cpu_seconds("postgres"),
        "load": time.process_time(),
    }


async def _phase(phase: Phase, server_pid: int, work: Coroutine[None, None, None]) -> Phase:
    """``phase`` timed while ``work`` runs, with what each consumer of CPU spent meanwhile."""
    before = await asyncio.to_thread(_cpu, server_pid)
    phase.started = time.monotonic()
    await work
    phase.ended = time.monotonic()
    after = await asyncio.to_thread(_cpu, server_pid)
    phase.cpu = {name: after[name] - before[name] for name in before}
    phase.load = os.getloadavg()[0]
    return phase


async def _sign_in(
    client: httpx.AsyncClient, bodies: list[NationalBody], sessions: list[str], csr: str
) -> dict[str, list[Laptop]]:
    """Every body's laptops signed in to their body; the session bodies' keys certified, as
    they sign."""
    return {
        b.code: await sign_in_all(client, b.usernames, csr if b.code in sessions else None, b.code)
        for b in bodies
    }


async def _stations(client: httpx.AsyncClient, laptops: dict[str, list[Laptop]]) -> list[Station]:
    gate = asyncio.Semaphore(SIGN_IN_AT_ONCE)

    async def one(body: str, laptop: Laptop) -> Station:
        async with gate:
            return Station(laptop, body, await catch_up(client, laptop.headers))

    # Interleaved by body, so that the polls of each second come from every body.
    longest = max(map(len, laptops.values()))
    order = [(b, ls[n]) for n in range(longest) for b, ls in laptops.items() if n < len(ls)]
    return list(await asyncio.gather(*(one(b, laptop) for b, laptop in order)))


async def _run(
    server: ServerProcess,
    tally: NationalTally,
    sessions: list[str],
    rounds: int,
    quiet: float,
    rate: float,
    database_url: str,
) -> None:
    limits = httpx.Limits(max_connections=32, keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=server.url, limits=limits, timeout=120) as client:
        keys = await asyncio.to_thread(Keys)
        started = time.perf_counter()
        laptops = await _sign_in(client, tally.bodies, sessions, keys.csr)
        held: dict[str, Session] = {}
        for code in sessions:
            held[code] = await set_up_session(
                client, laptops[code], rounds, database_url, f"{code}-", code
            )
            tally.item_ids += held[code].item_ids
        tally.stations = await _stations(client, laptops)
        tally.setup_seconds = time.perf_counter() - started
        tally.streams.rss_before = tree_rss(server.proc.pid)
        tally.streams.rss_peak = tally.streams.rss_before
        live = NationalLive("127.0.0.1", server.port, tally.streams, tally.stations)
        live.session_items = {code: set(s.item_ids) for code, s in held.items()}
        sampler = asyncio.create_task(live.sample_memory(server.proc.pid))
        loop = asyncio.get_running_loop()
        began = loop.time()
        streams = []
        for number, station in enumerate(tally.stations):  # open loop, as tests/bench/live.py
            await asyncio.sleep(max(0.0, began + number / rate - loop.time()))
            streams.append(asyncio.create_task(live.hold(station.laptop)))
        try:
            await asyncio.wait_for(live.all_open.wait(), 60 + tally.laptops / 20)
        except TimeoutError:
            pass  # the phases go ahead; the table says how many streams were open
        tally.streams.open_seconds = loop.time() - began
        polling = Polling("127.0.0.1", server.port, tally.stations, tally.polls)
        poller = asyncio.create_task(polling.run())
        await asyncio.sleep(POLL_EVERY)  # every laptop has polled once before the measure
        before = await asyncio.to_thread(_sessions_opened, database_url)
        tally.phases.append(await _phase(Phase(None), server.proc.pid, asyncio.sleep(quiet)))

        async def session(phase: Phase, held: Session) -> None:
            for items in held.items:
                round_began = time.monotonic()
                phase.rounds.append(await vote_round(client, live, held.chair, items, keys))
                await asyncio.sleep(max(0.0, round_began + ROUND_EVERY - time.monotonic()))

        for code in sessions:
            phase = Phase(code)
            tally.phases.append(await _phase(phase, server.proc.pid, session(phase, held[code])))
        tally.connections_opened = (
            await asyncio.to_thread(_sessions_opened, database_url) - before - 1
        )
        polling.stop.set()
        await poller
        if polling.pending:
            await asyncio.wait(polling.pending, timeout=POLL_TIMEOUT + 5)
        live.stop.set()
        for task in (*streams, *live.pushes, sampler):
            task.cancel()
        await asyncio.gather(*streams, *live.pushes, sampler, return_exceptions=True)


def run_national(
    laptops: int,
    workers: int,
    database_url: str,
    sessions: list[str],
    rounds: int,
    quiet: float,
    rate: float,
    root: Path,
) -> NationalTally:
    """One run on a fresh PostgreSQL database at ``database_url``; raises if a vote was lost
    or doubled, or a stream heard another body's session."""
    settings = get_settings(root / "server", database_url)
    bodies = generate_national(settings, laptops)
    tally = NationalTally(laptops, workers, bodies, StreamTally(laptops, workers))
    server = ServerProcess(settings.data_dir, database_url, workers=workers)
    bound = 300 + laptops / 4 + laptops / rate + quiet + len(sessions) * rounds * 120
    try:
        asyncio.run(
            asyncio.wait_for(
                _run(server, tally, sessions, rounds, quiet, rate, database_url), bound
            )
        )
    except BaseException:
        print(server.log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        server.stop()
    tally.stored, tally.distinct = _count_votes(database_url, tally.item_ids)
    acknowledged = sum(r.applied for p in tally.phases for r in p.rounds)
    if tally.stored != tally.distinct or tally.stored != acknowledged:
        raise AssertionError(
            f"{acknowledged} votes acknowledged, {tally.stored} stored, "
            f"{tally.distinct} distinct (member, item)"
        )
    foreign = sum(s.foreign for s in tally.stations)
    if foreign:
        raise AssertionError(f"{foreign} events reached a stream of another body")
    return tally


def bench_national(
    laptops: int,
    workers: int,
    postgres_admin_url: str,
    sessions: list[str],
    rounds: int,
    quiet: float,
    rate: float,
) -> str:
    from tests.bench.national_report import report

    with fresh_database(postgres_admin_url) as url, tempfile.TemporaryDirectory() as tmp:
        tally = run_national(laptops, workers, url, sessions, rounds, quiet, rate, Path(tmp))
    return report(tally, sessions, rounds, quiet, rate)
