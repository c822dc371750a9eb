"""Benchmarks of the sync path and the server under load:
``python -m tests.bench [--all | sync | pull | noop | poll | bombs | ...]``.

Each prints a Markdown section with its figures and the command that produced them;
``--write`` puts them in docs/benchmarks.md (the whole page after ``--all``, otherwise only
the sections that ran; see tests/bench/page.py). Servers run as real child processes on
loopback; comparisons run side by side in the same process, since this machine is noisy.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from ecabinet.client.api import ServerApi
from ecabinet.client.engine import SyncService
from ecabinet.client.paths import Profile
from ecabinet.client.store import LocalStore
from ecabinet.server.core.config import get_settings
from tests.bench import (
    bombs,
    bundle,
    cluster,
    desktop,
    first_sync,
    latency,
    live,
    national,
    page,
    poll,
)
from tests.bench.bodies import PASSWORD, generate
from tests.bench.server_proc import ServerProcess

MB = 1024 * 1024
BENCHMARKS = (
    "sync",
    "pull",
    "noop",
    "search",
    "poll",
    "latency",
    "cluster",
    "firstsync",
    "gui",
    "start",
    "reader",
    "bundle",
    "live",
    "bombs",
    "national",
)

READING = """
### Reading the figures

- The first sync is compared with a plain download of the same files saved to disk, which is
  what the client must do too; the client also checks each file's SHA-256 and moves it into
  place only when whole. The plain download that throws the bytes away is shown for
  reference: the gap between the two plain rows is what saving the files costs here. The
  ratio moves from run to run on this shared two-core machine; rerun it before relying on
  its second decimal.
- The polling table's load is wrk, one C thread on the same two cores as the server: with one
  worker the server has about a core of its own, with two its workers share both cores with
  wrk, so the two-worker rows bound the server from below. The rows run one after the other
  on a machine others use too, so a bare app row and the poll row after it can meet different
  loads (the load column); the server CPU a request moves much less. The quiet poll is
  answered by a plain ASGI middleware in front of FastAPI's routing, dependencies and
  response model (ecabinet/server/quiet_poll.py), so it does less for each request than the
  bare FastAPI app: hence ratios above 1. Once a second the memory of the body's latest
  feed number goes stale; one poll then takes the full path (the sign-in and the feed
  read from the database, on a worker thread) to read it again, while the others are
  answered from it meanwhile (before, every poll in flight took the full path until one
  had read it: the poll's slowest answers, its p99 above the bare app's). The
  latency table's load is one Python process, whose own scheduling shows in its p99.
- In the run through several servers, the load process, the server processes and PostgreSQL
  all share the same two cores, so more processes cannot answer faster here; what the rows
  show is that splitting the work across processes costs nothing and loses nothing (a token,
  a cursor and a file from one server work on every other, every act is stored once, the
  audit chain stays whole). Every member there polls back to back, hundreds of times the
  desktop's pace, so the latencies are a queue of 500 on two cores, not a member's wait; the
  first sync of all 500 at once is mostly the feed's first page (every member of the body,
  every meeting) built and read 500 times. That run found two faults, since mended:
  concurrent appends forked the audit chain, and a burst of requests timed out on the
  database pool.
- The HTTP parser: httptools (the default; `ECABINET_HTTPTOOLS=off` gives uvicorn's
  pure-Python h11, the *before* rows), both on asyncio's loop. httptools spends less CPU on
  each request's way in and out, which is what the quiet poll mostly is (its CPU a request in
  the polling table: about a third of h11's for the poll on both databases, and lower for the
  bare app in most rows). The first
  syncs of 500 at once and the latency medians move less than this shared machine's noise
  from one run to the next (the load column says how busy it was): in the first-sync run
  above httptools ended sooner on SQLite and later on PostgreSQL, under a load of 7. With
  either parser the first syncs of 500 on two shared cores are above the 2 s target: what is
  left is the request's own work (FastAPI, the sign-in check, the page's merge and encoding)
  and the load process beside it.
- Why not uvloop (the event loop on libuv): an earlier round served httptools on uvloop by
  default. It ended 500 first syncs about a fifth sooner than h11 on asyncio's loop and spent
  less CPU a poll; but at a steady 200 requests a second, 3 of 16 latency runs on uvloop had
  p99 tails of seconds (up to 16.7 s, the poll on SQLite with two workers), while 14 runs on
  asyncio's loop stayed at or under 85 ms, and a run that crossed them gave httptools on
  asyncio's loop a p99 of 11-12 ms against 17-228 ms for h11 on uvloop: the tails went with
  the loop, not the parser. Nobody has explained them, and a member's poll waiting seconds
  for no known reason is not something to ship, so the server names asyncio's loop (uvicorn's
  "auto" would take uvloop wherever it is installed). `python -m tests.bench latency
  --uvloop` adds rows served on uvloop where it is installed, to look again. The latency run
  above has a tail of seconds on asyncio's loop too, in the bare app with h11 and one worker,
  the row run right after the shared-socket one; a run with `--uvloop` the same morning had
  it in that row again and none on uvloop. So tails of seconds are not uvloop's alone on this
  shared machine, and that row's place in the run is the next thing to look at; until the
  tails are explained, the server stays on asyncio's loop, Python's own.
- The bundle answers `--version` later than `python main.py` because its loader starts a
  Python of its own and reads the modules from an archive; to the window shown, the two are
  close, as the table shows. Most of the bundle is Qt; the server is not in it.
- The window's figures share the two cores with the server process that feeds it, which a
  member's laptop never does; the longest gaps come when both are busy at once. The GUI
  thread itself only paints and fills views from reads done on workers (an agenda of 300
  documents updates its rows in place).
- Start: the window is painted first, in about the time of an empty Qt window, and says it is
  opening the laptop's data; the client core (SQLAlchemy with the store, the feed's models)
  is imported on the local lane as the profile opens, then the main window's screens. What
  "Hôm nay" does not need loads after it shows: requests, urllib3 and the protocol's other
  models at the first request (the first sync starts once "Hôm nay" is shown),
  cryptography's x509 with the keys at the first sign-in or signature, the reader with
  QtPdf, pypdf (with fontTools), fpdf2 and pyHanko at the first document, indexing,
  signature or form (tests/gui/test_start.py checks each). Most of what is left before
  "Hôm nay" shows is importing SQLAlchemy and the feed's pydantic models. The probe keeps
  the profile's secrets in a file (tests/bench/kept_secrets.py) so each new process opens
  it signed in with its data, as a laptop does after a restart; so the system keyring's own
  start (its backends, D-Bus) is not in the figures. The wall times move with what else the
  shared machine runs (the load average is printed with them); the CPU time of the process
  moves much less.

### Growing to every ministry and province

A laptop costs the server one feed request every few minutes while nothing changes, and
bursts when papers are published: every invited member fetches the same new drafts. The
figures above put the steady load of a whole Government, and of a ministry, far below what one
machine answers; the bursts are bytes, not database work, and a second server behind nginx,
or document files in an S3-compatible store served close to the members, absorb them. For
the Government and the 34 provinces on one deployment, each its own body (`bodies create`,
`create-user --body`; a sign-in names the body; each body its own CA and audit chain): every
row is scoped to a body, so bodies share the servers and the database without seeing each
other (the national run above). The first limit to meet is the one lock that the feed and
the audit chains take at each append: one body's burst of signed votes holds it in turn, and
the other bodies' requests wait behind those pushes (the idle bodies' polls during a session
in the national run); it should become one lock per body, the feed's numbers drawn per body
with it (a lock per body for the audit beside one for the whole feed could deadlock).
PostgreSQL then grows the usual way: a larger primary, a connection pooler (PgBouncer) in
front of many server processes, read replicas for the feed.
"""


def _signed_in(url: str, username: str, root: Path) -> SyncService:
    api = ServerApi(url)
    api.login(username, PASSWORD, "bench")
    profile = Profile.open(root)
    return SyncService(api, LocalStore(profile, os.urandom(32)), profile)


def _plain_download(
    url: str, token: str, shas: list[str], workers: int, folder: Path | None
) -> float:
    """Bytes per second of plain streaming GETs of the same blobs, like ``curl -o``: each
    saved to a file in ``folder`` (no checks, no resume), or dropped if ``folder`` is None."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"

    def fetch(sha: str) -> int:
        with session.get(f"{url}/api/v1/blobs/{sha}", stream=True, timeout=60) as response:
            response.raise_for_status()
            if folder is None:
                return sum(len(chunk) for chunk in response.iter_content(1024 * 1024))
            size = 0
            with (folder / sha).open("wb") as fh:
                for chunk in response.iter_content(1024 * 1024):
                    fh.write(chunk)
                    size += len(chunk)
            return size

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        total = sum(pool.map(fetch, shas))
    return total / (time.perf_counter() - started)


def bench_sync(documents: int, size_mb: float) -> str:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        root = Path(tmp)
        settings = get_settings(root / "server")
        body = generate(settings, documents=documents, document_bytes=int(size_mb * MB))
        server = ServerProcess(settings.data_dir)
        try:
            probe = ServerApi(server.url)
            probe.login(body.member_usernames[0], PASSWORD, "probe")
            saved = root / "plain"
            saved.mkdir()
            plain_before = _plain_download(server.url, probe.token, body.blob_shas, 3, saved)
            service = _signed_in(server.url, body.member_usernames[0], root / "client")
            started = time.perf_counter()
            result = service.sync()
            seconds = time.perf_counter() - started
            shutil.rmtree(saved)
            saved.mkdir()
            plain_after = _plain_download(server.url, probe.token, body.blob_shas, 3, saved)
            dropped = _plain_download(server.url, probe.token, body.blob_shas, 3, None)
        finally:
            server.stop()
    assert result.bytes_downloaded == body.total_bytes, "the sync did not fetch every file"
    plain = (plain_before + plain_after) / 2
    client = body.total_bytes / seconds
    return (
        f"### First sync of a large body\n\n"
        f"`python -m tests.bench sync --documents {documents} --size-mb {size_mb}`\n\n"
        f"| measure | value |\n|---|---|\n"
        f"| documents | {documents} ({body.total_bytes / MB:,.0f} MB) |\n"
        f"| client first sync (pull, download, verify, move into place) | "
        f"{seconds:.1f} s, {client / MB:,.0f} MB/s |\n"
        f"| plain streaming GET of the same blobs saved to files, 3 at a time (mean of one "
        f"run before and one after) | {plain / MB:,.0f} MB/s |\n"
        f"| ratio client / plain (target at least 0.8) | **{client / plain:.2f}** |\n"
        f"| for reference: plain GET thrown away, not saved | {dropped / MB:,.0f} MB/s "
        f"(ratio {client / dropped:.2f}) |\n"
    )


def bench_pull(changes: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = get_settings(root / "server")
        body = generate(settings, documents=1, document_bytes=4096, annotations=changes)
        server = ServerProcess(settings.data_dir)
        try:
            service = _signed_in(server.url, body.member_usernames[0], root / "client")
            started = time.perf_counter()
            pulled, _wiped = service.pull(threading.Event())
            seconds = time.perf_counter() - started
        finally:
            server.stop()
    return (
        f"### Pulling {changes:,} changes\n\n`python -m tests.bench pull --changes {changes}`\n\n"
        f"| measure | value |\n|---|---|\n| changes applied | {pulled:,} |\n"
        f"| time (pages of 500, each applied with its cursor in one transaction) | "
        f"{seconds:.2f} s ({pulled / seconds:,.0f} changes/s) |\n"
    )


class _Counting(requests.Session):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def request(self, *args: object, **kwargs: object) -> requests.Response:
        self.count += 1
        return super().request(*args, **kwargs)  # type: ignore[arg-type]


def bench_noop(runs: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = get_settings(root / "server")
        body = generate(settings, documents=20, document_bytes=64 * 1024)
        server = ServerProcess(settings.data_dir)
        try:
            first = _signed_in(server.url, body.member_usernames[0], root / "client")
            first.sync()
            session = _Counting()
            service = SyncService(
                ServerApi(server.url, session=session, token=first.api.token),
                first.store,
                first.profile,
            )
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                service.sync()
                times.append((time.perf_counter() - started) * 1000)
        finally:
            server.stop()
    times.sort()
    return (
        f"### A sync with nothing changed\n\n`python -m tests.bench noop --runs {runs}`\n\n"
        f"| measure | value |\n|---|---|\n"
        f"| HTTP requests per sync (target: 1) | {session.count / runs:g} |\n"
        f"| median time (target under 50 ms) | {statistics.median(times):.1f} ms |\n"
        f"| 95th percentile | {times[int(0.95 * (runs - 1))]:.1f} ms |\n"
    )


def bench_search(pages: int, runs: int) -> str:
    """Queries over ``pages`` indexed pages of varied Vietnamese legal text."""
    from datetime import date

    from ecabinet.server.demo_content.texts import REGULAR_ITEMS, draft_spec
    from tests.search_library import Library

    paragraphs = [
        p
        for section in draft_spec(REGULAR_ITEMS[1], 7, date(2026, 11, 20)).sections
        for p in section.paragraphs
    ]
    with tempfile.TemporaryDirectory() as tmp:
        profile = Profile.open(Path(tmp))
        store = LocalStore(profile, os.urandom(32))
        library = Library(store)
        index = library.index
        meeting = library.meeting("Phiên họp Chính phủ thường kỳ tháng 11 năm 2026")
        item = library.item(meeting, "Dự thảo Nghị định về chuyển đổi số")
        pages_of = [
            [
                " ".join(paragraphs[(page * 7 + k) % len(paragraphs)] for k in range(6))
                + f" Trang {page}."
                for page in range(first, min(first + 100, pages))
            ]
            for first in range(0, pages, 100)
        ]
        for number, document_pages in enumerate(pages_of):
            library.document(f"Dự thảo {number}", document_pages, item_id=item)
        queries = [
            "nghi dinh",
            "trach nhiem to chuc thuc hien",
            "kinh phi",
            "ho so de nghi",
            "bao cao thu tuong",
            "chuyen doi so",
        ]
        times = []
        for n in range(runs):
            started = time.perf_counter()
            index.search(queries[n % len(queries)])
            times.append((time.perf_counter() - started) * 1000)
        store.close()
    times.sort()
    return (
        f"### Searching {pages:,} pages\n\n`python -m tests.bench search --pages {pages}`\n\n"
        "Full-text queries without diacritics over pages of generated decree text, in the "
        "client's own SQLite file, ranked in tiers (phrase, near, apart), including naming the "
        "meeting and item of the first 50 hits and cutting their snippets.\n\n"
        f"| measure | value |\n|---|---|\n"
        f"| median query (target under 100 ms) | {statistics.median(times):.1f} ms |\n"
        f"| slowest of {runs} | {times[-1]:.1f} ms |\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("which", nargs="*", help=", ".join(BENCHMARKS) + " (default: all)")
    parser.add_argument("--all", action="store_true", help="run every benchmark")
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--size-mb", type=float, default=2.0)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument(
        "--members", type=int, default=27, help="poll: members whose polls take turns"
    )
    parser.add_argument("--cluster-members", type=int, default=500)
    parser.add_argument("--firstsync-members", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--poll-workers", default="1,2", help="poll: server worker processes")
    parser.add_argument("--connections", type=int, default=32, help="poll: connections at once")
    parser.add_argument("--rate", type=float, default=200, help="latency: requests a second")
    parser.add_argument("--latency-members", type=int, default=27)
    parser.add_argument(
        "--uvloop",
        action="store_true",
        help="latency: rows on uvloop too, where installed (the server never runs on it)",
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "ECABINET_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--gui-documents", type=int, default=300)
    parser.add_argument("--start-runs", type=int, default=5)
    parser.add_argument("--reader-pages", type=int, default=300)
    parser.add_argument(
        "--live-members", default="27,500,2000", help="laptops holding the stream, per run"
    )
    parser.add_argument("--live-workers", default="1,2", help="server worker processes")
    parser.add_argument("--live-rounds", type=int, default=3, help="votes opened per run")
    parser.add_argument("--live-rate", type=float, default=200, help="streams opened a second")
    parser.add_argument("--bomb-runs", type=int, default=3, help="rounds of ten bombs")
    parser.add_argument(
        "--national-laptops", type=int, default=2000, help="national: laptops of all bodies"
    )
    parser.add_argument(
        "--national-sessions", default="gov,hanoi", help="national: bodies holding a session"
    )
    parser.add_argument("--national-rounds", type=int, default=3, help="national: votes each")
    parser.add_argument(
        "--national-quiet", type=float, default=20, help="national: seconds with every body idle"
    )
    parser.add_argument("--write", action="store_true", help="rewrite docs/benchmarks.md")
    args = parser.parse_args()
    unknown = set(args.which) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    which = set(args.which) if args.which and not args.all else set(BENCHMARKS)
    machine = (
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}."
    )
    parts: dict[str, str] = {}  # benchmark -> its section, in the page's order
    if "sync" in which:
        parts["sync"] = bench_sync(args.documents, args.size_mb)
    if "pull" in which:
        parts["pull"] = bench_pull(args.changes)
    if "noop" in which:
        parts["noop"] = bench_noop(args.runs)
    if "search" in which:
        parts["search"] = bench_search(args.pages, args.runs)
    if "poll" in which:
        parts["poll"] = poll.bench_poll(
            args.members,
            args.seconds,
            args.postgres,
            [int(w) for w in args.poll_workers.split(",")],
            args.connections,
        )
    if "latency" in which:
        parts["latency"] = latency.bench_latency(
            args.rate, args.seconds, args.latency_members, args.postgres, args.uvloop
        )
    if "cluster" in which and args.postgres:
        parts["cluster"] = cluster.bench_cluster(
            args.cluster_members, args.seconds, args.postgres, [(1, 2), (2, 1), (2, 2)]
        )
    if "firstsync" in which:
        parts["firstsync"] = first_sync.bench_first_sync(
            args.firstsync_members, args.workers, args.postgres
        )
    if "gui" in which:
        parts["gui"] = desktop.bench_gui_sync(args.gui_documents, args.changes)
    if "start" in which:
        parts["start"] = desktop.bench_start(args.start_runs)
    if "reader" in which:
        parts["reader"] = desktop.bench_reader(args.reader_pages, 20)
    if "bundle" in which:
        parts["bundle"] = bundle.bench_bundle(args.start_runs)
    if "live" in which and args.postgres:
        # Named by its bodies, so that a run of 2,000 laptops alone keeps the smaller ones'.
        parts[f"live {args.live_members}"] = live.bench_live(
            [int(n) for n in args.live_members.split(",")],
            [int(w) for w in args.live_workers.split(",")],
            args.postgres,
            args.live_rounds,
            args.live_rate,
        )
    if "bombs" in which:
        parts["bombs"] = bombs.bench_bombs(args.bomb_runs)
    if "national" in which and args.postgres:
        parts["national"] = national.bench_national(
            args.national_laptops,
            args.workers,
            args.postgres,
            args.national_sessions.split(","),
            args.national_rounds,
            args.national_quiet,
            args.live_rate,
        )
    text = "\n".join([machine + "\n", *(page.marked(n, body) for n, body in parts.items())])
    print(text)
    target = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
    if args.write and which != set(BENCHMARKS):
        # A run of some benchmarks replaces their own sections and keeps every other figure.
        dated = {name: f"{body}\n({machine})\n" for name, body in parts.items()}
        target.write_text(page.merge(target.read_text(encoding="utf-8"), dated), "utf-8")
    elif args.write:
        target.write_text(
            "# Benchmarks\n\nEvery figure below was produced by the command shown above it "
            "(`python -m tests.bench --all --write` reruns them all and rewrites this page)."
            "\n\n" + text + READING,
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
