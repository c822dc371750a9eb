"""The demo's server, for ``main.py --demo`` from a source checkout: started as a child
process on a free loopback port, and that child's own entry point.

The desktop imports this module only for ``--demo`` (the members' bundle carries no server):
``start_demo_server`` runs ``python -m ecabinet.server.demo_server DATA PORT`` and waits for its
health check, on a worker thread (seeding takes seconds the first time). Nothing here at
import time pulls in the server's packages: only the child, in ``main``, does.
"""

from __future__ import annotations

import atexit
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import requests


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
        [sys.executable, "-m", __name__, str(data_dir), str(port)], stdout=log, stderr=log
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


def main(argv: Sequence[str]) -> None:
    """The child: the demo Government seeded into an empty database in ``DATA``, served on
    loopback at ``PORT`` by one worker until SIGTERM."""
    import uvicorn

    from ecabinet.server.app import create_app
    from ecabinet.server.core.config import get_settings

    data_dir, port = argv
    app = create_app(get_settings(data_dir, demo=True))
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning")


if __name__ == "__main__":
    main(sys.argv[1:])
