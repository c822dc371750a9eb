"""Desktop benchmarks: does the window stay responsive during a large sync, how fast it starts.

Responsiveness is read off a 10 ms QTimer on the GUI thread: every gap between its ticks
longer than that is time the window could not have answered the member. The same timer runs
first with the window idle, side by side in the same process, so the machine's own noise is
visible next to the figure. Start time is a whole new process, measured the same way beside a
bare Qt window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench.bodies import PASSWORD, generate
from tests.bench.server_proc import ServerProcess

TICK_MS = 10


def _tick_gaps(app: object, until: Callable[[], bool], seconds_max: float) -> list[float]:
    from PySide6.QtCore import QEventLoop, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(50)
    deadline = time.perf_counter() + seconds_max

    def checked() -> None:
        if until() or time.perf_counter() > deadline:
            loop.quit()

    check.timeout.connect(checked)
    timer.start()
    check.start()
    loop.exec()
    timer.stop()
    check.stop()
    return [1000 * (b - a) for a, b in zip(ticks, ticks[1:], strict=False)]


def _row(label: str, gaps: list[float]) -> str:
    gaps = sorted(gaps)
    p99 = gaps[int(0.99 * (len(gaps) - 1))]
    late = sum(1 for g in gaps if g > 50)
    return (
        f"| {label} | {len(gaps):,} | {statistics.median(gaps):.1f} | {p99:.1f} | "
        f"{gaps[-1]:.0f} | {late} |\n"
    )


def bench_gui_sync(documents: int, changes: int) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ecabinet.client.account import Account
    from ecabinet.client.paths import Profile
    from ecabinet.client.secrets import MemorySecrets
    from ecabinet.server.core.config import get_settings
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.tasks import TaskManager

    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = get_settings(root / "server")
        body = generate(
            settings, documents=documents, document_bytes=64 * 1024, annotations=changes
        )
        server = ServerProcess(settings.data_dir)
        tasks = TaskManager()
        try:
            account = Account.open(Profile.open(root / "client"), secrets=MemorySecrets())
            account.sign_in(server.url, body.member_usernames[0], PASSWORD)
            window = MainWindow(account, tasks)
            window.show()
            idle = _tick_gaps(app, lambda: False, 3.0)
            results: list[object] = []
            indexed: list[int] = []
            window.sync.finished.connect(results.append)
            window.sync.indexed.connect(indexed.append)
            started = time.perf_counter()
            window.sync.start()
            busy = _tick_gaps(app, lambda: bool(indexed), 600.0)
            seconds = time.perf_counter() - started
            window.close()
        finally:
            tasks.shutdown()
            server.stop()
    result = results[0]
    return (
        f"### The window during a large first sync\n\n"
        f"`python -m tests.bench gui --documents {documents} --changes {changes}`\n\n"
        f"A {TICK_MS} ms timer on the GUI thread while the window pulls {changes:,} notes and "
        f"{documents} documents, downloads them and indexes them for search "
        f"({seconds:.1f} s in all; {getattr(result, 'changes_pulled', 0):,} changes). "
        "Gaps over 50 ms are what a member could feel.\n\n"
        "| GUI thread | ticks | median gap ms | p99 gap ms | longest gap ms | gaps > 50 ms |\n"
        "|---|---|---|---|---|---|\n"
        + _row("idle, same process, just before", idle)
        + _row("during sync, download and indexing", busy)
    )


START_PROBE = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
started = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
if sys.argv[2] == "bare":
    app = QApplication([])
    window = QMainWindow()
    window.show()
    def painted():
        print("paint", time.time() - started)
        print("cpu", time.process_time())
        app.quit()

    QTimer.singleShot(0, painted)
    app.exec()
else:
    # As main.py starts: the start window first, the profile opened on the local lane, the
    # main window once it is open; run() quits when the window first shows the store.
    import ui.app
    from ui.app import make_application, run
    app = make_application([])
    QTimer.singleShot(0, lambda: print("paint", time.time() - started))
    app.aboutToQuit.connect(
        lambda: (print("store", time.time() - started), print("cpu", time.process_time()))
    )
    show_window = ui.app.show_window

    def shown(*args, **kwargs):
        window = show_window(*args, **kwargs)
        print("window", time.time() - started)  # built and in the start window's place
        return window

    ui.app.show_window = shown

    def open_account():
        from pathlib import Path
        from ecabinet.client.account import Account
        from ecabinet.client.paths import Profile
        from tests.bench.kept_secrets import KeptSecrets
        print("core", time.time() - started)  # the client core imported
        secrets = KeptSecrets(Path(sys.argv[3]) / "secrets.json")
        account = Account.open(Profile.open(sys.argv[3]), secrets=secrets)
        print("opened", time.time() - started)  # keys read, the encrypted store open
        return account

    run(open_account, quit_when_shown=True)
"""

STEPS = ("paint", "core", "opened", "window", "store")
# The process's own CPU time (all its threads) at its last step: what the neighbours' load on
# a shared machine changes least.
CPU = "cpu"


def bench_start(runs: int) -> str:
    """Seconds from a new Python process to the window showing what is on the laptop."""
    from ecabinet.client.account import Account
    from ecabinet.client.paths import Profile
    from ecabinet.server.demo_server import start_demo_server
    from tests.bench.kept_secrets import KeptSecrets

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = start_demo_server(root / "server")
        try:
            # Kept in a file: each probe opens the profile signed in, with its data.
            secrets = KeptSecrets(root / "client" / "secrets.json")
            account = Account.open(Profile.open(root / "client"), secrets=secrets)
            account.sign_in(server.url, "member01", "demo")
            account.sync_service().sync()
        finally:
            server.stop()
        times: dict[str, list[float]] = {kind: [] for kind in ("bare", *STEPS)}
        cpu: dict[str, list[float]] = {"bare": [], "ecabinet": []}
        load_before = os.getloadavg()[0]
        for _ in range(runs):
            for kind in ("bare", "ecabinet"):
                out = subprocess.run(
                    [
                        sys.executable,
                        "-c",
                        START_PROBE,
                        repr(time.time()),
                        kind,
                        str(root / "client"),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=Path(__file__).resolve().parents[2],
                )
                for line in out.stdout.splitlines():
                    name, _, seconds = line.partition(" ")
                    if name in STEPS:
                        times["bare" if kind == "bare" else name].append(float(seconds))
                    elif name == CPU:
                        cpu[kind].append(float(seconds))
        load_after = os.getloadavg()[0]
    bare = statistics.median(times["bare"])
    bare_cpu, our_cpu = statistics.median(cpu["bare"]), statistics.median(cpu["ecabinet"])
    at = {step: statistics.median(times[step]) for step in STEPS}
    paint, core, opened, window, ours = (at[step] for step in STEPS)
    return (
        f"### Start time\n\n`python -m tests.bench start --start-runs {runs}`\n\n"
        "From a new Python process, as `main.py` starts on a signed-in profile offline: the "
        'first paint of its window, then the window showing the demo member\'s "Hôm nay" '
        "read from the local store (median of alternating runs), beside an empty Qt window "
        "started the same way. That window is *usable*: the start window has given it its place, "
        '"Hôm nay" shows the member\'s next session, ballots and papers, and each answers a '
        "click; the other screens are made when first opened, the search index and the notes "
        "load after the first sync. The machine is shared: its load average (1 minute, "
        f"{os.cpu_count()} cores) was {load_before:.1f} when the runs began and "
        f"{load_after:.1f} when they ended; *CPU s* is the process's own CPU time (all its "
        "threads) until that moment, which others' load changes least.\n\n"
        "| process | median s | CPU s |\n|---|---|---|\n"
        f"| empty QMainWindow (PySide6 import and first paint) | {bare:.2f} | {bare_cpu:.2f} |\n"
        f"| e-Cabinet: first paint of the window | {paint:.2f} ({paint / bare:.1f}×) | |\n"
        f'| e-Cabinet: "Hôm nay" usable (store read) | {ours:.2f} ({ours / bare:.1f}×) | '
        f"{our_cpu:.2f} |\n\n"
        "Where the time after the first paint goes (medians of the same runs):\n\n"
        "| step | s |\n|---|---|\n"
        "| the client core imported on the local lane (SQLAlchemy and the store, the feed's "
        f"wire models, the secret store) | {core - paint:.2f} |\n"
        f"| the profile opened (keys, the encrypted store) | {opened - core:.2f} |\n"
        '| the main window built with "Hôm nay" and put in the start window\'s place | '
        f"{window - opened:.2f} |\n"
        f'| "Hôm nay" read from the store and shown | {ours - window:.2f} |\n\n'
        "Most of what is left is the client core's import on the local lane, behind the start "
        "window: SQLAlchemy with the store's ORM mapping and the pydantic models of the feed, "
        'which the first read of the store needs. What "Hôm nay" does not need loads after '
        "it: requests, urllib3 and the protocol's other models at the first request (the "
        'first sync starts once "Hôm nay" is shown), cryptography\'s x509 with the keys at '
        "the first sign-in or signature (tests/gui/test_start.py fails if one is imported "
        "before). The icons draw from the icon font's file without importing QtAwesome "
        '(qtpy), and the pages other than "Hôm nay" are made at their first showing.\n'
    )


def _long_draft(pages_wanted: int) -> bytes:
    from ecabinet.pdf.compose import DocumentSpec, Section, compose

    paragraph = (
        "Điều khoản quy định về quản lý ngân sách nhà nước, đầu tư công và trách nhiệm của các "
        "bộ, cơ quan ngang bộ trong việc tổ chức thực hiện. "
    ) * 12
    sections = [
        Section(f"Điều {n}. Quy định số {n}", [paragraph, paragraph], level=1)
        for n in range(1, pages_wanted * 6 // 5 + 1)  # a few sections fit on one page
    ]
    return compose(DocumentSpec(title="Dự thảo dài để đo", sections=sections))


def bench_reader(pages: int, turns: int) -> str:
    """Opening a long draft and turning its pages, QtPdf beside poppler's pdftoppm."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import shutil

    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from ui.app import make_application

    make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.pdf"
        data = _long_draft(pages)
        path.write_bytes(data)
        opened = []
        for _ in range(5):
            started = time.perf_counter()
            document = QPdfDocument()
            document.load(str(path))
            count = document.pageCount()
            document.render(0, QSize(794, 1123))
            opened.append(time.perf_counter() - started)
            document.close()
        document = QPdfDocument()
        document.load(str(path))
        targets = [1 + (n * 7) % (count - 1) for n in range(turns)]
        renders = []
        for page in targets:
            started = time.perf_counter()
            document.render(page, QSize(794, 1123))  # A4 at 100% on a 96 dpi screen
            renders.append(time.perf_counter() - started)
        poppler = ""
        if shutil.which("pdftoppm"):
            started = time.perf_counter()
            subprocess.run(
                ["pdftoppm", "-r", "96", "-f", "2", "-l", str(turns + 1), str(path), f"{tmp}/p"],
                check=True,
            )
            per_page = (time.perf_counter() - started) / turns
            poppler = (
                f"| poppler `pdftoppm -r 96` over {turns} pages (one process, PPM out) | "
                f"{1000 * per_page:.1f} ms per page |\n"
            )
    qt = statistics.median(renders)
    return (
        f"### The reader\n\n`python -m tests.bench reader --pages {pages}`\n\n"
        f"A composed draft of {count} pages ({len(data) / 1024 / 1024:.1f} MB) with Vietnamese "
        "text. The GUI thread only loads the file; QPdfView renders pages on its own threads, and "
        "thumbnails and page texts are made by workers.\n\n"
        "| measure | value |\n|---|---|\n"
        f"| open and show the first page (load, count pages, render page 1), median of 5 | "
        f"{1000 * statistics.median(opened):.0f} ms |\n"
        f"| turn a page: render one A4 page at 100 % (QtPdf), median of {turns} | "
        f"{1000 * qt:.1f} ms |\n" + poppler
    )
