"""The live session at scale: ``python -m tests.bench live --live-members 27,500,2000``.

N laptops hold the live stream (``GET /api/v1/events``) of one server on PostgreSQL, with
one and with two worker processes. In each round the chair opens a vote; the bench measures,
for every laptop, the time from the chair's request returning to the laptop receiving
``vote.opened``; each laptop then pushes its signed ``vote.cast`` at once, and the bench
measures the push's answer. The chair closes the vote and the next round begins. At the end
every vote must be in the database exactly once. The server's memory is the resident size of
its processes (uvicorn's master and workers), summed, from /proc: once all laptops are signed
in and before any stream opens, and the highest seen while the streams are open.

One load process on asyncio does all of it, open loop: streams are opened at a fixed rate
whether or not the server has answered the earlier ones, and each laptop pushes its vote when
its own event arrives, without waiting for any other answer. The streams and the votes' pushes
are raw asyncio sockets (tests/bench/sse.py): an httpx streaming response per laptop is heavy
for 2,000 of them in one process, and building 2,000 httpx requests at the moment the vote
opens kept the load process busy for a second, which showed up as the server's latency.
Each push is built before the round and costs a connect and a write when its event arrives.
Sign-ins and the chair's and the Government Office's calls go through one httpx.AsyncClient.
Every wait is bounded; the run stops by itself.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.core.config import get_settings
from ecabinet.server.db import make_engine, make_session_factory
from tests.bench.bodies import generate
from tests.bench.live_setup import Keys, Laptop, add_staff, set_up_session, sign_in_all, tree_rss
from tests.bench.server_proc import ServerProcess
from tests.bench.sse import Event, EventParser, StreamRefused, hold_stream, post

MB = 1024 * 1024
AIM_LAPTOPS, AIM_P99_MS, AIM_RSS = 2000, 1000.0, 1024 * MB
RECONNECT_AFTER = 1.0  # seconds a laptop waits before it opens a dropped stream again
# A meeting's record in the feed lists at most this many invitations (ecabinet/wire).
MEETING_INVITATIONS = 1000
PUSH_TIMEOUT = 300.0  # a vote's push unanswered after this long counts as failed


def percentile(values: list[float], q: float) -> float:
    """Nearest rank below, as the other benchmarks report theirs."""
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


@dataclass
class Round:
    items: dict[str, str]  # user id -> the item its laptop votes on (one per meeting)
    signatures: dict[str, str]  # user id -> signature, made before the round
    expected: int
    bodies: dict[str, bytes] = field(default_factory=dict)  # user id -> the push, built here
    opened_at: dict[str, float] = field(default_factory=dict)  # item -> the chair's answer
    open_ms: list[float] = field(default_factory=list)  # how long the chair's requests took
    received: dict[str, float] = field(default_factory=dict)  # user id -> perf_counter
    pushes_ms: list[float] = field(default_factory=list)
    applied: int = 0
    failed: list[str] = field(default_factory=list)
    resent: int = 0
    finished: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        for user_id, signature in self.signatures.items():
            mutation = {
                "id": str(uuid.uuid4()),
                "type": "vote.cast",
                "data": {
                    "agenda_item_id": self.items[user_id],
                    "choice": "agree",
                    "comment": "",
                    "signature": signature,
                },
                "created_at": datetime.now(UTC).isoformat(),
            }
            self.bodies[user_id] = json.dumps({"mutations": [mutation]}).encode()

    def check(self) -> None:
        answered = len(self.pushes_ms) + len(self.failed)
        if len(self.received) == self.expected and answered == self.expected:
            self.finished.set()

    def latencies_ms(self) -> list[float]:
        return [
            (t - self.opened_at[self.items[user_id]]) * 1000 for user_id, t in self.received.items()
        ]


@dataclass
class Tally:
    members: int
    workers: int
    setup_seconds: float = 0.0  # every laptop signed in and its key certified
    streams_open: int = 0
    open_seconds: float = 0.0  # from the first stream asked to the last one answered
    stream_errors: list[str] = field(default_factory=list)
    reconnects: int = 0
    rounds: list[Round] = field(default_factory=list)
    rss_before: int = 0
    rss_peak: int = 0
    attendance_by_api: bool = True
    meetings: int = 1
    item_ids: list[str] = field(default_factory=list)
    stored: int = 0  # vote rows for the bench's items
    distinct: int = 0  # distinct (item, member) among them


class Live:
    """The load process's side of the session: the streams, and each laptop's vote fired the
    moment its ``vote.opened`` arrives."""

    def __init__(self, host: str, port: int, tally: Tally, expected: int) -> None:
        self.host, self.port, self.tally, self.expected = host, port, tally, expected
        self.current: Round | None = None
        self.all_open = asyncio.Event()
        self.stop = asyncio.Event()
        self.pushes: set[asyncio.Task[None]] = set()

    async def hold(self, laptop: Laptop) -> None:
        parser, opened = EventParser(), False

        def on_open() -> None:
            nonlocal opened
            if not opened:
                opened = True
                self.tally.streams_open += 1
                if self.tally.streams_open == self.expected:
                    self.all_open.set()

        while not self.stop.is_set():
            try:
                await hold_stream(
                    self.host,
                    self.port,
                    laptop.token,
                    on_open,
                    lambda e: self.on_event(laptop, e),
                    parser,
                )
            except (OSError, EOFError, ValueError, StreamRefused) as error:
                self.tally.stream_errors.append(f"{type(error).__name__}: {error}")
            if self.stop.is_set():
                break
            self.tally.reconnects += 1
            await asyncio.sleep(RECONNECT_AFTER)

    def on_event(self, laptop: Laptop, event: Event) -> None:
        current = self.current
        if (
            current is None
            or event.name != "vote.opened"
            or current.items[laptop.user_id] not in event.data
            or laptop.user_id in current.received
        ):
            return
        current.received[laptop.user_id] = time.perf_counter()
        task = asyncio.create_task(self.push_vote(laptop, current))
        self.pushes.add(task)
        task.add_done_callback(self.pushes.discard)
        current.check()

    async def push_vote(self, laptop: Laptop, current: Round) -> None:
        body = current.bodies[laptop.user_id]
        started = time.perf_counter()
        try:
            try:
                status, answer = await asyncio.wait_for(self._push(laptop, body), PUSH_TIMEOUT)
            except (OSError, asyncio.IncompleteReadError):
                # A connection refused or cut before the answer: the same mutation id again,
                # which the server applies at most once.
                current.resent += 1
                status, answer = await asyncio.wait_for(self._push(laptop, body), PUSH_TIMEOUT)
        except (OSError, asyncio.IncompleteReadError, TimeoutError) as error:
            current.failed.append(type(error).__name__)
        else:
            result = json.loads(answer)["results"][0] if status == 200 else {}
            if result.get("status") == "applied":
                current.applied += 1
                current.pushes_ms.append((time.perf_counter() - started) * 1000)
            else:
                current.failed.append(result.get("code") or f"HTTP {status}")
        current.check()

    def _push(self, laptop: Laptop, body: bytes) -> Coroutine[None, None, tuple[int, bytes]]:
        return post(self.host, self.port, "/api/v1/sync/push", laptop.token, body)

    async def sample_memory(self, pid: int) -> None:
        while not self.stop.is_set():
            rss = await asyncio.to_thread(tree_rss, pid)
            self.tally.rss_peak = max(self.tally.rss_peak, rss)
            await asyncio.sleep(0.25)


def _ok(answer: httpx.Response) -> None:
    if not answer.is_success:
        raise RuntimeError(f"{answer.request.url.path}: {answer.status_code} {answer.text[:300]}")


async def vote_round(
    client: httpx.AsyncClient, live: Live, chair: Laptop, items: dict[str, str], keys: Keys
) -> Round:
    """One round: the chair opens the vote on each item at once, every laptop of ``items``
    (user id -> its item) votes when its ``vote.opened`` arrives, the chair closes them."""
    signatures = await asyncio.to_thread(keys.sign_votes, items, "agree")
    current = Round(items, signatures, len(items))
    live.current = current

    async def open_vote(item_id: str) -> None:
        started = time.perf_counter()
        answer = await client.post(f"/api/v1/items/{item_id}/vote/open", headers=chair.headers)
        current.opened_at[item_id] = time.perf_counter()
        current.open_ms.append((current.opened_at[item_id] - started) * 1000)
        _ok(answer)

    # One item per meeting, all opened at once.
    await asyncio.gather(*(open_vote(i) for i in sorted(set(items.values()))))
    try:
        # 500 laptops' votes were all answered within 40 s.
        await asyncio.wait_for(current.finished.wait(), 60 + len(items) * 0.15)
    except TimeoutError:
        pass  # the missing laptops and votes are counted, not waited for
    live.current = None
    for item_id in sorted(set(items.values())):
        _ok(await client.post(f"/api/v1/items/{item_id}/vote/close", headers=chair.headers))
    return current


async def _session(
    server: ServerProcess, members: int, workers: int, rounds: int, rate: float, database_url: str
) -> Tally:
    tally = Tally(members, workers)
    usernames = [f"bench{n:04d}" for n in range(1, members + 1)]
    limits = httpx.Limits(max_connections=32, keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=server.url, limits=limits, timeout=120) as client:
        keys = await asyncio.to_thread(Keys)
        started = time.perf_counter()
        laptops = await sign_in_all(client, usernames, keys.csr)
        tally.setup_seconds = time.perf_counter() - started
        session = await set_up_session(client, laptops, rounds, database_url)
        tally.attendance_by_api = session.attendance_by_api
        tally.item_ids = session.item_ids
        tally.meetings = len(session.meeting_ids)
        tally.rss_before = tree_rss(server.proc.pid)
        tally.rss_peak = tally.rss_before
        live = Live("127.0.0.1", server.port, tally, members)
        sampler = asyncio.create_task(live.sample_memory(server.proc.pid))
        streams: list[asyncio.Task[None]] = []
        loop = asyncio.get_running_loop()
        began = loop.time()
        for number, laptop in enumerate(laptops):  # open loop: on schedule, answered or not
            await asyncio.sleep(max(0.0, began + number / rate - loop.time()))
            streams.append(asyncio.create_task(live.hold(laptop)))
        try:
            await asyncio.wait_for(live.all_open.wait(), 60 + members / 20)
        except TimeoutError:
            pass  # the rounds go ahead; the table says how many streams were open
        tally.open_seconds = loop.time() - began
        for items in session.items:
            tally.rounds.append(await vote_round(client, live, session.chair, items, keys))
        live.stop.set()
        for task in (*streams, *live.pushes, sampler):
            task.cancel()
        await asyncio.gather(*streams, *live.pushes, sampler, return_exceptions=True)
    return tally


def _count_votes(database_url: str, item_ids: list[str]) -> tuple[int, int]:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as db:
        rows = db.execute(
            select(m.Vote.agenda_item_id, m.Vote.user_id).where(m.Vote.agenda_item_id.in_(item_ids))
        ).all()
    engine.dispose()
    return len(rows), len({(item, user) for item, user in rows})


def run_live(
    members: int, workers: int, database_url: str, rounds: int, rate: float, root: Path
) -> Tally:
    """One session: a body of ``members`` laptops on a server of ``workers`` processes over
    ``database_url`` (empty: SQLite in the data folder), ``rounds`` votes."""
    settings = get_settings(root / "server", database_url or None)
    generate(settings, members=members, meetings=-(-members // MEETING_INVITATIONS))
    add_staff(settings)
    server = ServerProcess(settings.data_dir, database_url, workers=workers)
    # Certifying a device costs the server a few tenths of a second (see the report), hence
    # half a second a laptop for the set-up.
    bound = 120 + members / 2 + members / rate + rounds * (70 + members * 0.15)
    try:
        tally = asyncio.run(
            asyncio.wait_for(
                _session(server, members, workers, rounds, rate, settings.database_url), bound
            )
        )
    except BaseException:
        print(server.log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        server.stop()
    tally.stored, tally.distinct = _count_votes(settings.database_url, tally.item_ids)
    acknowledged = sum(r.applied for r in tally.rounds)
    if tally.stored != tally.distinct or tally.stored != acknowledged:
        raise AssertionError(
            f"{acknowledged} votes acknowledged, {tally.stored} stored, "
            f"{tally.distinct} distinct (member, item)"
        )
    return tally


def _row(tally: Tally) -> str:
    latencies = [ms for r in tally.rounds for ms in r.latencies_ms()]
    pushes = [ms for r in tally.rounds for ms in r.pushes_ms]
    expected = tally.members * len(tally.rounds)
    missed = expected - len(latencies)
    failed = sum(len(r.failed) for r in tally.rounds)
    opens = [ms for r in tally.rounds for ms in r.open_ms]

    def trio(values: list[float]) -> str:
        if not values:
            return "– | – | –"
        return f"{percentile(values, 0.5):.0f} | {percentile(values, 0.99):.0f} | {max(values):.0f}"

    return (
        f"| {tally.members:,} | {tally.workers} | {tally.setup_seconds:,.0f} | "
        f"{tally.streams_open:,} in "
        f"{tally.open_seconds:.1f} s | {percentile(opens, 0.5):.0f} | "
        f"{trio(latencies)} | {missed} | {trio(pushes)} | {failed} | "
        f"{tally.distinct:,} of {expected:,} | {tally.rss_before / MB:,.0f} | "
        f"{tally.rss_peak / MB:,.0f} |\n"
    )


def _verdict(tallies: list[Tally]) -> str:
    big = [t for t in tallies if t.members >= AIM_LAPTOPS]
    if not big:
        largest = max(t.members for t in tallies)
        return f"The aim is for {AIM_LAPTOPS:,} laptops; this run had at most {largest:,}.\n"
    lines = []
    for tally in big:
        latencies = [ms for r in tally.rounds for ms in r.latencies_ms()]
        missed = tally.members * len(tally.rounds) - len(latencies)
        p99 = percentile(latencies, 0.99) if latencies else float("inf")
        fast = p99 < AIM_P99_MS and missed == 0
        small = tally.rss_peak < AIM_RSS
        lines.append(
            f"- {tally.members:,} laptops, {tally.workers} worker(s): p99 {p99:,.0f} ms "
            f"({'met' if fast else 'not met'}"
            f"{f', {missed} never received' if missed else ''}); peak "
            f"{tally.rss_peak / MB:,.0f} MB ({'met' if small else 'not met'}).\n"
        )
    return (
        f"Aim for {AIM_LAPTOPS:,} laptops: vote.opened p99 under {AIM_P99_MS / 1000:g} s, "
        f"server under {AIM_RSS // MB:,} MB.\n\n" + "".join(lines)
    )


def bench_live(
    member_counts: list[int],
    worker_counts: list[int],
    postgres_admin_url: str,
    rounds: int,
    rate: float,
) -> str:
    """One row per (laptops, workers), the smaller bodies first, each on a fresh database."""
    from tests.dbs import PostgresDatabase

    tallies = []
    for members in sorted(member_counts):
        for workers in worker_counts:
            database = PostgresDatabase(postgres_admin_url)
            try:
                with tempfile.TemporaryDirectory() as tmp:
                    tallies.append(
                        run_live(members, workers, database.url, rounds, rate, Path(tmp))
                    )
            finally:
                database.drop()
    by_db = [t for t in tallies if not t.attendance_by_api]
    split = [t for t in tallies if t.meetings > 1]
    errors = sorted({e for t in tallies for e in t.stream_errors})
    refusals = Counter(code for t in tallies for r in t.rounds for code in r.failed)
    return (
        (
            f"### {member_counts[0]:,} laptops holding the live stream"
            if len(member_counts) == 1
            else "### Laptops holding the live stream"
        )
        + "\n\n"
        f"`python -m tests.bench live --live-members "
        f"{','.join(str(n) for n in sorted(member_counts))} --live-workers "
        f"{','.join(str(w) for w in worker_counts)} --live-rounds {rounds} "
        f"--live-rate {rate:g}`\n\n"
        "Each laptop signs in with its own token and certificate, then opens "
        f"`/api/v1/events` ({rate:g} streams a second, open loop) on one server on "
        f"PostgreSQL. In each of {rounds} rounds the chair opens a vote; every laptop pushes "
        "its signed `vote.cast` the moment its `vote.opened` arrives; the chair closes the "
        "vote. *vote.opened* is the time from the chair's request returning to the laptop's "
        "event (it can be below zero: an event may overtake the answer to the request); "
        "*push* is the vote's answer; *open call* is the chair's request itself. Server "
        "memory is the resident size of its processes, summed, with every laptop signed in "
        "and no stream open, then the highest while the streams were open. The load process "
        "shares the machine's two cores with the server and PostgreSQL.\n\n"
        "| laptops | server workers | sign-in and certificates s | streams open "
        "| open call p50 ms | vote.opened p50 ms "
        "| p99 ms | max ms | never received | push p50 ms | p99 ms | max ms | pushes failed "
        "| votes stored once | server MB before | peak MB |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        + "".join(_row(t) for t in tallies)
        + "\n"
        + _verdict(tallies)
        + (
            f"\nThe API records at most 500 present members in one call; for "
            f"{', '.join(sorted({f'{t.members:,}' for t in by_db}))} laptops the attendance "
            "was written to the database directly.\n"
            if by_db
            else ""
        )
        + "".join(
            f"\nThe feed's record of a meeting lists at most {MEETING_INVITATIONS:,} "
            f"invitations, so the {t.members:,} laptops were members of {t.meetings} "
            "meetings of the same body, and in each round the chair opened one vote in each, "
            "at once; each laptop's time runs from its own meeting's answer.\n"
            for t in split[:1]
        )
        + (f"\nStream errors seen: {'; '.join(errors[:5])}.\n" if errors else "")
        + (
            "\nPushes not applied, by answer: "
            + ", ".join(f"{code} ×{n}" for code, n in refusals.most_common())
            + ".\n"
            if refusals
            else ""
        )
    )
