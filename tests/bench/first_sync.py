"""Many members' first syncs at once, pages only: every member of a body signs in, then all
ask for the feed from the beginning at the same moment and walk its pages to the end, as
laptops do when a meeting has just been published to everyone (no documents downloaded).

Run with the shared pages turned off (``ECABINET_FIRST_PAGE_CACHE_MB=0``: every page built
for each member, as before) and on, then on with httptools in place of h11, both on
asyncio's loop (``ECABINET_HTTPTOOLS``), on SQLite and on PostgreSQL, each on a body
generated afresh, with the server in a child process and the load in this one (both on the same two
cores). The members split in a few meetings, so they share a few audiences, as in a
government: the timer starts before the first request and stops after the last page.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from ecabinet.client.engine import PAGE_SIZE
from ecabinet.server.core.config import get_settings
from tests.bench.bodies import PASSWORD, generate
from tests.bench.server_proc import (
    STACKS,
    ServerProcess,
    cpu_seconds,
    fresh_database,
    stack_env,
)

MEETINGS = 5  # audiences the members fall in
CHANGES = "/api/v1/sync/changes"
CACHE_VARIABLE = "ECABINET_FIRST_PAGE_CACHE_MB"
# The load process speaks HTTP/1.1 itself on one connection per laptop, reads only the end of
# each page (cursor and more) and counts the changes without parsing them: httpx's pool of 500
# connections and decoding 500 pages of JSON took here twice the CPU the server did.
_LENGTH = re.compile(rb"\r\ncontent-length: *(\d+)", re.IGNORECASE)
_TAIL = re.compile(rb'"cursor":"(v1\.\d+)","more":(true|false)')


@dataclass(frozen=True)
class Run:
    seconds: float  # from the first request sent to the last page received
    per_member: list[float]  # each member's own first sync, seconds
    pages: int
    changes: dict[str, int]  # per member
    server_cpu: float  # seconds of CPU the server's processes spent meanwhile


async def _sign_in(client: httpx.AsyncClient, username: str) -> str:
    login = await client.post(
        "/api/v1/auth/login",
        json={"username": username, "password": PASSWORD, "device_name": "bench"},
    )
    login.raise_for_status()
    return str(login.json()["token"])


async def _first_sync(url: str, token: str, start: asyncio.Event) -> tuple[float, int, int]:
    """One laptop: its own connection, then every page of the feed in turn; the time from the
    start line to the last page, the pages and the changes received."""
    address = urlsplit(url)
    request = (
        f"GET {CHANGES}?limit={PAGE_SIZE}{{since}} HTTP/1.1\r\nHost: {address.netloc}\r\n"
        f"Authorization: Bearer {token}\r\n\r\n"
    )
    await start.wait()
    began = time.perf_counter()
    reader, writer = await asyncio.open_connection(address.hostname, address.port)
    pages = changes = 0
    since = ""
    try:
        while True:
            writer.write(request.format(since=since).encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = _LENGTH.search(head)
            if not head.startswith(b"HTTP/1.1 200 ") or length is None:
                raise AssertionError(f"not a page: {head!r}")
            body = await reader.readexactly(int(length.group(1)))
            pages += 1
            changes += body.count(b'"seq":')
            found = _TAIL.search(body, max(0, len(body) - 200))
            if found is None:
                raise AssertionError(f"a page without a cursor: {body[-200:]!r}")
            if found.group(2) == b"false":
                return time.perf_counter() - began, pages, changes
            since = f"&since={found.group(1).decode()}"
    finally:
        writer.close()


async def _all_at_once(url: str, usernames: list[str], server_pid: int) -> Run:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        signing_in = asyncio.Semaphore(20)

        async def signed_in(username: str) -> str:
            async with signing_in:
                return await _sign_in(client, username)

        tokens = await asyncio.gather(*(signed_in(u) for u in usernames))
    start = asyncio.Event()
    tasks = [asyncio.ensure_future(_first_sync(url, token, start)) for token in tokens]
    await asyncio.sleep(0.5)  # every laptop waiting at the start line
    cpu_before = cpu_seconds(server_pid)
    began = time.perf_counter()
    start.set()
    results = await asyncio.gather(*tasks)
    seconds = time.perf_counter() - began
    server_cpu = cpu_seconds(server_pid) - cpu_before
    return Run(
        seconds=seconds,
        per_member=sorted(r[0] for r in results),
        pages=sum(r[1] for r in results),
        changes={u: r[2] for u, r in zip(usernames, results, strict=True)},
        server_cpu=server_cpu,
    )


def _run(database_url: str, members: int, workers: int, cache: bool, stack: str) -> Run:
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(Path(tmp) / "server", database_url or None)
        body = generate(
            settings, documents=10, document_bytes=4096, members=members, meetings=MEETINGS
        )
        server = ServerProcess(
            settings.data_dir,
            database_url,
            workers=workers,
            env={CACHE_VARIABLE: "" if cache else "0", **stack_env(stack)},
        )
        try:
            return asyncio.run(_all_at_once(server.url, body.member_usernames, server.proc.pid))
        except Exception:
            print(server.log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
            raise
        finally:
            server.stop()


def bench_first_sync(members: int, workers: int, postgres_admin_url: str) -> str:
    rows = ""
    for kind in ("SQLite", "PostgreSQL"):
        if kind == "PostgreSQL" and not postgres_admin_url:
            continue
        seen: dict[str, int] | None = None
        (before, _), (after, _) = STACKS
        for cache, (stack, setting) in ((False, STACKS[0]), (True, STACKS[0]), (True, STACKS[1])):
            with fresh_database("" if kind == "SQLite" else postgres_admin_url) as url:
                load = os.getloadavg()[0]
                run = _run(url, members, workers, cache, setting)
            if seen is not None and run.changes != seen:
                raise AssertionError("a member's first sync differs from the first row's")
            seen = run.changes
            label = "shared by audience, from memory" if cache else "built for each member (before)"
            rows += (
                f"| {kind} | {label} | {stack} | {members} | {workers} | {run.pages:,} | "
                f"{sum(run.changes.values()):,} | **{run.seconds:.2f}** | "
                f"{statistics.median(run.per_member):.2f} | {run.per_member[-1]:.2f} | "
                f"{run.server_cpu:.1f} | {load:.1f} |\n"
            )
    return (
        f"### {members} members' first syncs at once\n\n"
        f"`python -m tests.bench firstsync --firstsync-members {members} --workers {workers}`\n\n"
        f"Every member of a body of {members} (split in {MEETINGS} meetings, so a few "
        "audiences) signs in; then all ask for the feed from the beginning at the same moment "
        f"and walk its pages ({PAGE_SIZE} changes each, as the laptop asks) to the end; no "
        "document is downloaded. *Shared by audience, from memory*: each page read once for "
        "the members of an audience, and the body's audiences once for the body; a member "
        "with no row of his own after his cursor is answered on the server's event loop with "
        "no query (ecabinet/server/pages_from_memory.py), the others on a worker thread; "
        "*before*: every page built for its member (`ECABINET_FIRST_PAGE_CACHE_MB=0`). "
        "Each laptop opens its own connection at the start line and "
        "the load process speaks HTTP/1.1 itself, reading only each page's cursor (it spends "
        "about 0.2 s of CPU in all). *All done* runs from the start to the last page received "
        "(target under 2 s); *server CPU* is what the server's processes spent meanwhile "
        "(/proc), the work itself whatever else the machine was doing; *load* is the "
        "machine's load average over the minute before the row (the two cores are shared). "
        f"*HTTP parser, loop*: uvicorn's {before} (before) or {after}, the server's default "
        "(`ECABINET_HTTPTOOLS`). Each row on a body generated afresh. Every member "
        "received the same number of changes in every row.\n\n"
        "| database | first page | HTTP parser, loop | members | server workers | pages | changes "
        "| all done s | member p50 s | member max s | server CPU s | load |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|\n" + rows
    )
