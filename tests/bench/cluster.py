"""Growing past one machine: members syncing through several server processes that share one
PostgreSQL and one blob folder, as they would behind nginx.

Every request of a member goes to the next server in turn, so a token issued by one server,
a cursor handed out by another and a blob stored by a third all have to work everywhere: the
run fails if a server kept anything of its own. Each member signs in, catches up on the feed,
downloads its documents, then polls and now and then marks a position, until the time is up.
At the end every acknowledged act must be in the database exactly once.
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import func, select

from ecabinet.server import audit_verify
from ecabinet.server import models as m
from ecabinet.server.audit import load_key
from ecabinet.server.core.config import get_settings
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.server.pki import body_ca
from tests.bench.bodies import PASSWORD, generate
from tests.bench.server_proc import ServerProcess
from ui.sync_controller import SYNC_EVERY_MS

PUSH_EVERY = 10  # one act for every ten polls, roughly a member's pace in a session


@dataclass
class Tally:
    first_sync: list[float] = field(default_factory=list)  # seconds per member
    polls: list[float] = field(default_factory=list)  # milliseconds per poll
    pushed: int = 0
    errors: int = 0
    retried: int = 0  # a connection the server had just closed, sent again once


async def _send(
    client: httpx.AsyncClient, tally: Tally, method: str, url: str, **options: object
) -> httpx.Response:
    try:
        return await client.request(method, url, **options)  # type: ignore[arg-type]
    except (httpx.ReadError, httpx.RemoteProtocolError, httpx.ConnectError):
        tally.retried += 1
        return await client.request(method, url, **options)  # type: ignore[arg-type]


async def _member(
    client: httpx.AsyncClient,
    servers: itertools.cycle[str],
    username: str,
    steady: Steady,
    tally: Tally,
) -> None:
    started = time.perf_counter()
    login = await _send(
        client,
        tally,
        "POST",
        f"{next(servers)}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD, "device_name": "bench"},
    )
    login.raise_for_status()
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    cursor, items, blobs = None, [], []
    while True:
        params = {"limit": 1000, **({"since": cursor} if cursor else {})}
        answer = await _send(
            client,
            tally,
            "GET",
            f"{next(servers)}/api/v1/sync/changes",
            params=params,
            headers=headers,
        )
        if not answer.is_success:  # counted, and asked again after a pause, as a laptop would
            tally.errors += 1
            await asyncio.sleep(1)
            continue
        page = answer.json()
        for change in page["changes"]:
            if change["type"] == "agenda_item":
                items.append(change["id"])
            elif change["type"] == "document_version":
                blobs.append(change["data"]["sha256"])
        cursor = page["cursor"]
        if not page["more"]:
            break
    for sha in blobs:
        (
            await _send(
                client, tally, "GET", f"{next(servers)}/api/v1/blobs/{sha}", headers=headers
            )
        ).raise_for_status()
    tally.first_sync.append(time.perf_counter() - started)
    await steady.everyone_here(len(tally.first_sync))
    polls = 0
    while time.perf_counter() < steady.stop:
        if items and polls % PUSH_EVERY == PUSH_EVERY - 1:
            act = {
                "id": str(uuid.uuid4()),
                "type": "position.set",
                "data": {
                    "agenda_item_id": items[0],
                    "position": ("object", "no_objection")[polls % 2],
                },
                "created_at": datetime.now(UTC).isoformat(),
            }
            answer = await _send(
                client,
                tally,
                "POST",
                f"{next(servers)}/api/v1/sync/push",
                json={"mutations": [act]},
                headers=headers,
            )
            if answer.is_success and answer.json()["results"][0]["status"] == "applied":
                tally.pushed += 1
            else:
                tally.errors += 1
        began = time.perf_counter()
        answer = await _send(
            client,
            tally,
            "GET",
            f"{next(servers)}/api/v1/sync/changes",
            params={"since": cursor},
            headers=headers,
        )
        if answer.is_success:
            cursor = answer.json()["cursor"]
            tally.polls.append((time.perf_counter() - began) * 1000)
        else:
            tally.errors += 1
        polls += 1


class Steady:
    """The polling is measured once every member has caught up, for the same time for all."""

    def __init__(self, members: int, seconds: float) -> None:
        self.members, self.seconds = members, seconds
        self.ready = asyncio.Event()
        self.stop = 0.0

    async def everyone_here(self, arrived: int) -> None:
        if arrived == self.members:
            self.stop = time.perf_counter() + self.seconds
            self.ready.set()
        await self.ready.wait()


async def _run(urls: list[str], usernames: list[str], seconds: float) -> Tally:
    tally = Tally()
    steady = Steady(len(usernames), seconds)
    # Idle connections are let go before the servers close theirs (uvicorn: after 5 s).
    limits = httpx.Limits(max_connections=len(usernames), keepalive_expiry=2.0)
    async with httpx.AsyncClient(limits=limits, timeout=120) as client:
        await asyncio.gather(
            *(
                _member(
                    client,
                    itertools.cycle(urls[n % len(urls) :] + urls[: n % len(urls)]),
                    name,
                    steady,
                    tally,
                )
                for n, name in enumerate(usernames)
            )
        )
    return tally


def bench_cluster(
    members: int, seconds: float, postgres_admin_url: str, layouts: list[tuple[int, int]]
) -> str:
    """One row per layout (server processes, workers each), side by side in one run."""
    from tests.dbs import PostgresDatabase

    rows = []
    best = 0.0
    for processes, workers in layouts:
        database = PostgresDatabase(postgres_admin_url)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                settings = get_settings(Path(tmp) / "shared", database.url)
                generate(settings, documents=5, document_bytes=64 * 1024, members=members)
                servers = [
                    ServerProcess(settings.data_dir, database.url, workers=workers)
                    for _ in range(processes)
                ]
                try:
                    tally = asyncio.run(
                        _run(
                            [s.url for s in servers],
                            [f"bench{n:04d}" for n in range(1, members + 1)],
                            seconds,
                        )
                    )
                except Exception:
                    for server in servers:  # what the servers said, before the folder goes
                        print(server.log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
                    raise
                finally:
                    for server in servers:
                        server.stop()
            engine = make_engine(database.url)
            with make_session_factory(engine, load_key(settings.audit_key_file))() as db:
                stored = db.scalar(
                    select(func.count())
                    .select_from(m.AppliedMutation)
                    .where(m.AppliedMutation.status == "applied")
                )
                chain_ok = audit_verify.verify(db, body_ca(settings).certificate).ok
            engine.dispose()
        finally:
            database.drop()
        if stored != tally.pushed or not chain_ok:
            raise AssertionError(
                f"{tally.pushed} acts acknowledged, {stored} stored; audit chain ok: {chain_ok}"
            )
        tally.polls.sort()
        first = statistics.median(tally.first_sync)
        p99 = tally.polls[int(0.99 * (len(tally.polls) - 1))]
        rate = len(tally.polls) / seconds
        best = max(best, rate)
        rows.append(
            f"| {processes} × {workers} | {members} | {first:.1f} | "
            f"{max(tally.first_sync):.1f} | {rate:,.0f} | "
            f"{statistics.median(tally.polls):.0f} | {p99:.0f} | {tally.pushed:,} | "
            f"{tally.errors} | {tally.retried} |\n"
        )
    return (
        f"### {members} members through several servers on one PostgreSQL\n\n"
        f"`python -m tests.bench cluster --cluster-members {members} --seconds {seconds:g}`\n\n"
        "Server processes share one PostgreSQL and one blob folder; each member sends each "
        "request to the next server in turn (as a proxy would), signs in, catches up, "
        f"downloads its 5 documents; once all have caught up, each polls for {seconds:g} s "
        f"and marks a position every {PUSH_EVERY} polls. Every act acknowledged was found "
        "stored exactly once, and the audit chain intact, after each run.\n\n"
        "| servers × workers | members | first sync p50 s | first sync max s | polls/s | "
        "poll p50 ms | poll p99 ms | acts stored | errors | resent |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        + "".join(rows)
        + f"\nA laptop asks the feed once every {SYNC_EVERY_MS // 60_000} minutes when nothing "
        f"happens (`ui/sync_controller.py`): at the best rate above, these two cores answer "
        f"the steady polling of about {best * SYNC_EVERY_MS / 1000:,.0f} laptops.\n"
    )
