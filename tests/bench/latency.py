"""Latency under an open loop: requests sent at a fixed rate whatever the answers do, as
2,000 laptops each polling every 10 seconds would (200 a second), each timed from the moment
it was due, so a slow answer also counts against the requests queued behind it (a closed
loop, which waits for each answer before the next, would hide that).

The e-Cabinet poll (GET /sync/changes with the member's latest cursor: nothing new) beside a
bare FastAPI app on the same server settings, with one and two worker processes, on SQLite
and PostgreSQL, each with h11 and with httptools on asyncio's loop; and the bare
app behind uvicorn's own shared socket, the ~40 ms floor that several workers paid before
(ecabinet/server/serving.py). Load and server share the machine.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, replace
from importlib.util import find_spec
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from ecabinet.server.core.config import get_settings
from tests.bench import bare_app
from tests.bench.bodies import PASSWORD, generate
from tests.bench.live_setup import catch_up
from tests.bench.server_proc import (
    STACKS,
    UVLOOP_STACK,
    ServerProcess,
    free_port,
    python_m,
    stack_env,
)

WARM_UP_SECONDS = 2.0


@dataclass(frozen=True)
class Target:
    path: str
    headers: dict[str, str]
    params: dict[str, str]


@dataclass(frozen=True)
class Run:
    sent: int
    errors: int
    latencies_ms: list[float]  # sorted
    connections_opened: int | None = None  # by the server during the run (PostgreSQL)

    def row(self, label: str, stack: str, workers: int, rate: float) -> str:
        n = len(self.latencies_ms)
        opened = "" if self.connections_opened is None else str(self.connections_opened)
        head = f"| {label} | {stack} | {workers} | {rate:g} |"
        if not n:
            return f"{head} 0 | {self.errors} | | | | {opened} |\n"
        p50 = statistics.median(self.latencies_ms)
        p99 = self.latencies_ms[int(0.99 * (n - 1))]
        return (
            f"{head} {n:,} | {self.errors} | "
            f"{p50:.1f} | {p99:.1f} | {self.latencies_ms[-1]:.1f} | {opened} |\n"
        )


def _sessions_opened(database_url: str) -> int:
    """How many connections PostgreSQL has accepted to the database so far, this one
    included (pg_stat_database.sessions, flushed about once a second)."""
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        time.sleep(1.5)
        with engine.connect() as conn:
            count = conn.scalar(
                text("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")
            )
        return int(count or 0)
    finally:
        engine.dispose()


async def open_loop(base_url: str, targets: list[Target], rate: float, seconds: float) -> Run:
    """Send ``rate`` requests a second, evenly spaced, for ``seconds`` (after a warm-up at
    the same rate that is not counted), cycling through ``targets``."""
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as client:
        loop = asyncio.get_running_loop()
        start = loop.time() + 0.1
        warm = int(rate * WARM_UP_SECONDS)
        total = warm + int(rate * seconds)
        latencies: list[float] = []
        errors = 0

        async def one(index: int) -> None:
            nonlocal errors
            due = start + index / rate
            await asyncio.sleep(max(0.0, due - loop.time()))
            target = targets[index % len(targets)]
            try:
                answer = await client.get(target.path, headers=target.headers, params=target.params)
                ok = answer.status_code == 200
            except httpx.HTTPError:
                ok = False
            if index < warm:
                return
            if ok:
                latencies.append((loop.time() - due) * 1000)
            else:
                errors += 1

        await asyncio.gather(*(one(i) for i in range(total)))
    latencies.sort()
    return Run(total - warm, errors, latencies)


async def signed_in_targets(base_url: str, usernames: list[str]) -> list[Target]:
    """Each member signed in and caught up: its token and latest cursor."""
    targets = []
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        for username in usernames:
            login = await client.post(
                "/api/v1/auth/login",
                json={"username": username, "password": PASSWORD, "device_name": "bench"},
            )
            login.raise_for_status()
            headers = {"Authorization": f"Bearer {login.json()['token']}"}
            cursor = await catch_up(client, headers)
            targets.append(Target("/api/v1/sync/changes", headers, {"since": cursor}))
    return targets


class BareProcess:
    def __init__(
        self, workers: int, uvicorn_socket: bool = False, stack: str = "on", loop: str = "asyncio"
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = [*python_m("tests.bench.bare_app", loop), "--port", str(self.port)]
        args += ["--workers", str(workers)] + (["--uvicorn-socket"] if uvicorn_socket else [])
        env = dict(os.environ, **stack_env(stack))
        self.proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + bare_app.PATH, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the bare app did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _bare(
    workers: int,
    rate: float,
    seconds: float,
    uvicorn_socket: bool = False,
    stack: str = "on",
    loop: str = "asyncio",
) -> Run:
    server = BareProcess(workers, uvicorn_socket, stack, loop)
    try:
        return asyncio.run(open_loop(server.url, [Target(bare_app.PATH, {}, {})], rate, seconds))
    finally:
        server.stop()


def _poll(
    database_url: str,
    workers: int,
    members: int,
    rate: float,
    seconds: float,
    stack: str,
    loop: str = "asyncio",
) -> Run:
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(Path(tmp) / "server", database_url or None)
        body = generate(settings, documents=10, document_bytes=64 * 1024, members=members)
        server = ServerProcess(settings.data_dir, database_url, workers, stack_env(stack), loop)
        try:
            targets = asyncio.run(signed_in_targets(server.url, body.member_usernames))
            if not database_url:
                return asyncio.run(open_loop(server.url, targets, rate, seconds))
            before = _sessions_opened(database_url)
            run = asyncio.run(open_loop(server.url, targets, rate, seconds))
            opened = _sessions_opened(database_url) - before - 1  # less the count's own
            return replace(run, connections_opened=opened)
        finally:
            server.stop()


def bench_latency(
    rate: float, seconds: float, members: int, postgres_url: str, uvloop: bool = False
) -> str:
    """``uvloop``: rows served on uvloop too, where installed, though the server never is."""
    stacks = [(stack, setting, "asyncio") for stack, setting in STACKS]
    if uvloop and find_spec("uvloop"):
        stacks.append((*UVLOOP_STACK, "uvloop"))
    rows = _bare(2, rate, seconds, uvicorn_socket=True).row(
        "bare app, uvicorn's own shared socket (before)", STACKS[0][0], 2, rate
    )
    for workers in (1, 2):
        for stack, setting, loop in stacks:
            rows += _bare(workers, rate, seconds, stack=setting, loop=loop).row(
                "bare app", stack, workers, rate
            )
            rows += _poll("", workers, members, rate, seconds, setting, loop).row(
                "poll, SQLite", stack, workers, rate
            )
            if postgres_url:
                from tests.dbs import PostgresDatabase

                database = PostgresDatabase(postgres_url)
                try:
                    run = _poll(database.url, workers, members, rate, seconds, setting, loop)
                finally:
                    database.drop()
                rows += run.row("poll, PostgreSQL", stack, workers, rate)
    return (
        f"### Latency at a steady {rate:g} requests a second\n\n"
        f"`python -m tests.bench latency --rate {rate:g} --seconds {seconds:g} "
        f"--latency-members {members}{' --uvloop' if uvloop else ''}`\n\n"
        "Open loop: requests sent evenly spaced whatever the answers do, each timed from "
        f"when it was due ({members} members' tokens and latest cursors in turn; nothing new), "
        f"after {WARM_UP_SECONDS:g} s of warm-up; the load generator shares the two cores. "
        "Connections opened: what the server processes opened to PostgreSQL during the run "
        "(pg_stat_database), 0 when the pool keeps them. HTTP parser, loop: uvicorn's pure-"
        "Python h11 or the C httptools (`ECABINET_HTTPTOOLS`), both on asyncio's loop, side "
        "by side in the same run.\n\n"
        "| server | HTTP parser, loop | workers | requests/s sent | answered | errors | p50 ms "
        "| p99 ms | max ms | PostgreSQL connections opened |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n" + rows
    )
