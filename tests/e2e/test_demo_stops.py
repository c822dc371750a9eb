"""``main.py --demo`` as a member runs it: its demo server goes when the desktop is told to stop.

The desktop runs as a real process (offscreen, in a home of its own); once its demo server
answers, SIGTERM or SIGINT goes to the desktop alone, and both processes must be gone within
seconds. Linux: the server is found among the desktop's children in /proc.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
GONE_WITHIN_S = 10.0

pytestmark = pytest.mark.slow


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _demo_server(desktop: subprocess.Popen[bytes], log: Path) -> tuple[int, str]:
    """The pid and URL of the desktop's demo server, once it answers."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert desktop.poll() is None, log.read_text(errors="replace")
        for child in _children(desktop.pid):
            words = Path(f"/proc/{child}/cmdline").read_bytes().decode().split("\0")
            if "ecabinet.server.demo_server" in words:
                url = f"http://127.0.0.1:{words[-2]}"  # the last word is empty
                try:
                    if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                        return child, url
                except requests.ConnectionError:
                    pass
        time.sleep(0.2)
    raise AssertionError(f"the demo server did not answer:\n{log.read_text(errors='replace')}")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A child that has exited but that nobody has waited for yet is gone too.
    return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")


@pytest.fixture(scope="module")
def server_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the demo server keeps its data: seeded once for both tests (it takes a minute)."""
    return tmp_path_factory.mktemp("demo-cache")


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_to_the_desktop_stops_its_demo_server(
    number: signal.Signals, tmp_path: Path, server_cache: Path
) -> None:
    env = dict(os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["XDG_CACHE_HOME"] = str(server_cache)
    log = tmp_path / "desktop.log"
    with log.open("wb") as out:
        desktop = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--demo"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = 0
    try:
        server, url = _demo_server(desktop, log)
        desktop.send_signal(number)
        desktop.wait(GONE_WITHIN_S)
        deadline = time.monotonic() + GONE_WITHIN_S
        while not _gone(server) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(server), f"the demo server at {url} outlived the desktop"
        assert desktop.returncode == 0, log.read_text(errors="replace")
    finally:
        if desktop.poll() is None:
            desktop.kill()
            desktop.wait()
        if server and not _gone(server):  # a failed run leaves nothing serving
            os.kill(server, signal.SIGKILL)
