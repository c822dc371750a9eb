"""Many members polling at once, closed loop: the quiet poll's requests a second beside a bare
FastAPI app's, each served with h11 and with httptools, on asyncio's loop. The load
runs in this process, the servers in child processes.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from ecabinet.server.core.config import get_settings
from tests.bench import bare_app, latency
from tests.bench.bodies import generate
from tests.bench.server_proc import (
    STACKS,
    ServerProcess,
    cpu_seconds,
    fresh_database,
    stack_env,
)


@dataclass(frozen=True)
class Loop:
    count: int
    latencies_ms: list[float]
    server_cpu: float  # seconds the server's processes spent meanwhile
    load: float  # the machine's load average over the minute before

    def row(self, label: str, stack: str, seconds: float, bare: float) -> str:
        latencies = sorted(self.latencies_ms)
        rate = self.count / seconds
        return (
            f"| {label} | {stack} | {rate:,.0f} | {rate / bare:.2f} | "
            f"{self.server_cpu / self.count * 1000:.2f} | {statistics.median(latencies):.1f} | "
            f"{latencies[int(0.99 * (self.count - 1))]:.1f} | {self.load:.1f} |\n"
        )


async def _closed_loop(
    url: str, targets: list[latency.Target], seconds: float, server_pid: int
) -> Loop:
    """Closed loop: each target polled again as soon as its answer is in, all at once."""
    limits = httpx.Limits(max_connections=len(targets))
    load = os.getloadavg()[0]
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        latencies: list[float] = []
        cpu_before = cpu_seconds(server_pid)
        stop = time.perf_counter() + seconds

        async def member(target: latency.Target) -> None:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                r = await client.get(target.path, params=target.params, headers=target.headers)
                r.raise_for_status()
                latencies.append((time.perf_counter() - started) * 1000)

        await asyncio.gather(*(member(target) for target in targets))
        server_cpu = cpu_seconds(server_pid) - cpu_before
    return Loop(len(latencies), latencies, server_cpu, load)


def bench_poll(members: int, seconds: float, postgres_url: str, workers: int) -> str:
    """The quiet poll's requests a second beside a bare FastAPI app's, same server settings,
    with each HTTP parser and event loop, one after the other for each server."""
    bare: dict[str, float] = {}
    rows = ""
    for stack, setting in STACKS:
        server = latency.BareProcess(workers, stack=setting)
        try:
            targets = [latency.Target(bare_app.PATH, {}, {})] * members
            run = asyncio.run(_closed_loop(server.url, targets, seconds, server.proc.pid))
        finally:
            server.stop()
        bare[stack] = run.count / seconds
        rows += run.row("bare FastAPI app", stack, seconds, bare[stack])
    databases = [("SQLite", "")]
    if postgres_url:
        databases.append(("PostgreSQL", postgres_url))
    for kind, admin_url in databases:
        for stack, setting in STACKS:
            run = _poll(members, seconds, admin_url, workers, setting)
            rows += run.row(f"e-Cabinet poll, {kind}", stack, seconds, bare[stack])
    return (
        f"### {members} members polling at once\n\n"
        f"`python -m tests.bench poll --members {members} --seconds {seconds:g} "
        f"--workers {workers}`\n\nEach simulated member signs in, catches up, then polls the "
        "feed with its latest cursor (nothing changed) as fast as the server answers, all at "
        f"once, from one load process on the same machine; beside it, as many clients asking a "
        f"bare FastAPI app for a small JSON, served the same way ({workers} worker process"
        f"{'es' if workers > 1 else ''}). Each with uvicorn's h11, then with httptools "
        "(`ECABINET_HTTPTOOLS`), both on asyncio's loop, side by side in the same run. The "
        "load process is Python (httpx) and tops out near the bare app's figure on this "
        "machine: a ratio near 1 says the poll keeps up with the bare app under this "
        "load, not where either would stop (a C load generator such as wrk would show that). "
        "*Server CPU a request*: the CPU time the server's processes spent during the run "
        "(/proc), divided by the requests answered: what the machine's load cannot blur; "
        "*load*: the machine's load average over the minute before the row.\n\n"
        "| server | HTTP parser, loop | requests/s | of the bare app (same parser, loop) "
        "| server CPU a request, ms | p50 ms | p99 ms | load |\n"
        "|---|---|---|---|---|---|---|---|\n" + rows
    )


def _poll(members: int, seconds: float, admin_url: str, workers: int, setting: str) -> Loop:
    with fresh_database(admin_url) as url, tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(Path(tmp) / "server", url or None)
        body = generate(settings, documents=10, document_bytes=64 * 1024, members=members)
        server = ServerProcess(settings.data_dir, url, workers, stack_env(setting))
        try:
            targets = asyncio.run(latency.signed_in_targets(server.url, body.member_usernames))
            return asyncio.run(_closed_loop(server.url, targets, seconds, server.proc.pid))
        finally:
            server.stop()
