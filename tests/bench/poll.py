"""Members polling at once, closed loop: the quiet poll's requests a second beside a bare
FastAPI app's, on the same server settings, with one and with two worker processes, each
served with h11 and with httptools on asyncio's loop, on SQLite and PostgreSQL.

The load comes from wrk where it is installed (tests/bench/wrk.py), otherwise from an httpx
load in this process, which tops out near what one server process answers here and so says
little about the ratio. The servers run in child processes. Each poll row is run right after
a bare app row of the same parser and worker count, so that the machine's noise (other work
on its two shared cores) falls on both alike; its ratio is to that row.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from ecabinet.server.core.config import get_settings
from tests.bench import bare_app, latency, wrk
from tests.bench.bodies import generate
from tests.bench.server_proc import (
    STACKS,
    ServerProcess,
    cpu_seconds,
    fresh_database,
    stack_env,
)

# Not counted: the first requests on fresh connections to a fresh process.
WARM_UP_SECONDS = 1.0

# Runs a closed loop against a server (url, requests, seconds, connections, server pid).
Load = Callable[[str, list[latency.Target], float, int, int], wrk.Result]


def _row(label: str, stack: str, workers: int, run: wrk.Result, bare: wrk.Result) -> str:
    rate = run.requests_per_second
    return (
        f"| {label} | {stack} | {workers} | {rate:,.0f} | {rate / bare.requests_per_second:.2f} "
        f"| {run.server_cpu / run.requests * 1000:.2f} | {run.p50_ms:.1f} | {run.p99_ms:.1f} "
        f"| {run.load:.1f} |\n"
    )


def _checked(run: wrk.Result, what: str) -> wrk.Result:
    """A bench failure unless every answer was 200 with an empty page, on a sound connection."""
    if run.wrong or run.socket_errors:
        raise RuntimeError(
            f"{what}: {run.wrong} answers not 200 with an empty page, "
            f"{run.socket_errors} socket errors, of {run.requests}"
        )
    return run


def _httpx_load(
    url: str, requests: list[latency.Target], seconds: float, connections: int, server_pid: int
) -> wrk.Result:
    return asyncio.run(_closed_loop(url, requests, seconds, connections, server_pid))


async def _closed_loop(
    url: str, requests: list[latency.Target], seconds: float, connections: int, server_pid: int
) -> wrk.Result:
    """Closed loop in this process: each of ``connections`` clients sends the members'
    requests in turn, the next as soon as its answer is in."""
    limits = httpx.Limits(max_connections=connections)
    load = os.getloadavg()[0]
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        latencies: list[float] = []
        wrong = 0
        cpu_before = cpu_seconds(server_pid)
        started = time.perf_counter()
        stop = started + seconds

        async def connection(first: int) -> None:
            nonlocal wrong
            index = first
            while time.perf_counter() < stop:
                request = requests[index % len(requests)]
                index += 1
                sent = time.perf_counter()
                r = await client.get(request.path, params=request.params, headers=request.headers)
                latencies.append((time.perf_counter() - sent) * 1000)
                if r.status_code != 200 or wrk.EMPTY_PAGE not in r.text:
                    wrong += 1

        await asyncio.gather(*(connection(n) for n in range(connections)))
        elapsed = time.perf_counter() - started
        server_cpu = cpu_seconds(server_pid) - cpu_before
    latencies.sort()
    return wrk.Result(
        requests_per_second=len(latencies) / elapsed,
        requests=len(latencies),
        p50_ms=statistics.median(latencies),
        p99_ms=latencies[int(0.99 * (len(latencies) - 1))],
        wrong=wrong,
        socket_errors=0,
        server_cpu=server_cpu,
        load=load,
    )


def _measured(
    load: Load, url: str, requests: list[latency.Target], seconds: float, connections: int, pid: int
) -> wrk.Result:
    load(url, requests, WARM_UP_SECONDS, connections, pid)
    return load(url, requests, seconds, connections, pid)


def _bare(
    load: Load, members: int, seconds: float, connections: int, workers: int, setting: str
) -> wrk.Result:
    """The bare app asked as the poll is: the same headers and query, on its own path."""
    requests = [
        latency.Target(bare_app.PATH, {"Authorization": f"Bearer bench-{n}"}, {"since": f"v1.{n}"})
        for n in range(members)
    ]
    server = latency.BareProcess(workers, stack=setting)
    try:
        run = _measured(load, server.url, requests, seconds, connections, server.proc.pid)
    finally:
        server.stop()
    return _checked(run, "the bare app")


def _poll(
    load: Load,
    members: int,
    seconds: float,
    connections: int,
    admin_url: str,
    workers: int,
    setting: str,
) -> wrk.Result:
    with fresh_database(admin_url) as url, tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(Path(tmp) / "server", url or None)
        body = generate(settings, documents=10, document_bytes=64 * 1024, members=members)
        server = ServerProcess(settings.data_dir, url, workers, stack_env(setting))
        try:
            targets = asyncio.run(latency.signed_in_targets(server.url, body.member_usernames))
            run = _measured(load, server.url, targets, seconds, connections, server.proc.pid)
        finally:
            server.stop()
    return _checked(run, "the poll")


def bench_poll(
    members: int, seconds: float, postgres_url: str, workers: list[int], connections: int
) -> str:
    """The quiet poll's requests a second beside a bare FastAPI app's, same server settings,
    each poll row right after its own bare app row."""
    with_wrk = wrk.installed()
    load: Load = wrk.run if with_wrk else _httpx_load
    databases = [("SQLite", "")] + ([("PostgreSQL", postgres_url)] if postgres_url else [])
    rows = ""
    for count in workers:
        for stack, setting in STACKS:
            for kind, admin_url in databases:
                bare = _bare(load, members, seconds, connections, count, setting)
                rows += _row("bare FastAPI app", stack, count, bare, bare)
                run = _poll(load, members, seconds, connections, admin_url, count, setting)
                rows += _row(f"e-Cabinet poll, {kind}", stack, count, run, bare)
    return (
        f"### {members} members polling at once over {connections} connections\n\n"
        f"`python -m tests.bench poll --members {members} --seconds {seconds:g} "
        f"--connections {connections} --poll-workers {','.join(map(str, workers))}`\n\n"
        + (_WRK_TEXT if with_wrk else _HTTPX_TEXT).format(
            members=members,
            seconds=seconds,
            connections=connections,
            threads=wrk.THREADS,
            warm=WARM_UP_SECONDS,
        )
        + _COMMON_TEXT
        + "\n\n| server | HTTP parser, loop | workers | requests/s | of the bare app just above "
        "| server CPU a request, ms | p50 ms | p99 ms | load |\n"
        "|---|---|---|---|---|---|---|---|---|\n" + rows
    )


_WRK_TEXT = (
    "Each simulated member signs in and catches up; then wrk (the C load generator, "
    "{threads} thread, on the same machine) keeps {connections} connections busy for "
    "{seconds:g} s, each sending its next request as soon as the answer is in: the "
    "{members} members' polls of the feed in turn, each with the member's token and its "
    "own latest cursor, so nothing is new (GET /api/v1/sync/changes, answered from memory "
    "by ecabinet/server/quiet_poll.py); beside it, the same requests (headers and query) "
    "to a bare FastAPI app that answers a small JSON, served the same way. Every answer "
    "is checked to be 200 with an empty page (a Lua script counts the others; a run with "
    "any, or with a socket error, fails the benchmark). Each run follows {warm:g} s of "
    "warm-up that is not counted. "
)
_HTTPX_TEXT = (
    "wrk was not installed on this machine, so the load is a Python (httpx) process: "
    "{connections} clients for {seconds:g} s, each sending its next request as soon as the "
    "answer is in, the {members} members' polls of the feed in turn, each with the member's "
    "token and its own latest cursor (nothing new); beside it, the same requests to a bare "
    "FastAPI app that answers a small JSON, served the same way. This load tops out near "
    "the bare app's figure on this machine: a ratio near 1 says the poll keeps up with the "
    "bare app under this load, not where either would stop (wrk would show that). Every "
    "answer is checked to be 200 with an empty page. "
)
_COMMON_TEXT = (
    "With one and with two worker processes; each with uvicorn's h11, then with httptools "
    "(`ECABINET_HTTPTOOLS`), both on asyncio's loop. Each poll row was run right after the "
    "bare app row above it, and its ratio is to that row (the 0.7 target is for one "
    "worker). *Server CPU a request*: the CPU time the server's processes spent during the "
    "run (/proc), divided by the requests answered; *load*: the machine's load average over "
    "the minute before the row (two cores, shared with the load generator and whatever "
    "else runs)."
)
