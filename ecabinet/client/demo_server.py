"""Starting the demo server for ``main.py --demo``: a child process on a free loopback port.

The client never imports the server; it runs ``python -m ecabinet.server --demo`` (in an
installed bundle, the bundle's own program with ``--run-server``) and waits for its health
check. Called on a worker thread (seeding takes seconds the first time).
"""

from __future__ import annotations

import atexit
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

# In an installed bundle the program itself runs the server when its first word is this.
SERVER_WORD = "--run-server"


def server_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, SERVER_WORD]
    return [sys.executable, "-m", "ecabinet.server"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class DemoServer:
    url: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_demo_server(data_dir: Path, timeout: float = 120.0) -> DemoServer:
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = (data_dir / "server.log").open("ab")
    process = subprocess.Popen(
        [
            *server_command(),
            "--data",
            str(data_dir),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--demo",
        ],
        stdout=log,
        stderr=log,
    )
    server = DemoServer(f"http://127.0.0.1:{port}", process)
    atexit.register(server.stop)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the demo server stopped; see {data_dir / 'server.log'}")
        try:
            if requests.get(f"{server.url}/api/v1/health", timeout=1).ok:
                return server
        except requests.RequestException:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError("the demo server did not start in time")
