"""A real server in a child process on a free loopback port, for benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from ecabinet.server.serving import HTTPTOOLS_VARIABLE

# The server's HTTP parser and event loop, each with the setting that chooses it, for rows
# side by side: uvicorn's pure-Python parser (before), and the C one the server extra brings;
# the loop is asyncio's in both (ecabinet/server/serving.py says why not uvloop).
STACKS = (("h11, asyncio", "off"), ("httptools, asyncio", "on"))
# What the latency benchmark can add where uvloop is installed (--uvloop), to see it again.
UVLOOP_STACK = ("httptools, uvloop", "on")


def stack_env(setting: str) -> dict[str, str]:
    return {HTTPTOOLS_VARIABLE: setting}


def python_m(module: str, loop: str) -> list[str]:
    """The command for ``python -m module`` on the loop named (tests/bench/on_uvloop.py)."""
    return [sys.executable, "-m", *(["tests.bench.on_uvloop"] if loop == "uvloop" else []), module]


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) of a process and its descendants so far, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


def processes() -> Iterator[tuple[int, str, list[str]]]:
    """Every process's id, name and the fields of its /proc stat after the name (the state
    first), in one pass over /proc."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # gone since listed
            continue
        # The name (2nd field) may hold spaces and parentheses: it ends at the last ")".
        name, fields = stat.split("(", 1)[1].rsplit(")", 1)
        yield int(entry), name, fields.split()


def named_cpu_seconds(name: str) -> float:
    """CPU time of every process called ``name`` (``postgres``: the server and each of its
    backends) so far, with what its children that ended had spent, from /proc."""
    ticks = sum(
        sum(int(n) for n in fields[11:15]) for _pid, comm, fields in processes() if comm == name
    )
    return ticks / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    def __init__(
        self,
        data_dir: Path,
        database_url: str = "",
        workers: int = 1,
        env: dict[str, str] | None = None,
        loop: str = "asyncio",
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = [
            *python_m("ecabinet.server", loop),
            "--data",
            str(data_dir),
            "--port",
            str(self.port),
            "--workers",
            str(workers),
        ]
        if database_url:
            args += ["--database-url", database_url]
        env = dict(os.environ, PYTHONUNBUFFERED="1", **(env or {}))
        # The server's own log, beside its data: where a 500 under load says what happened.
        self.log_path = data_dir / f"server-{self.port}.log"
        data_dir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(args, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the benchmark server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new PostgreSQL database if ``admin_url`` names a server, else "" (SQLite)."""
    if not admin_url:
        yield ""
        return
    from tests.dbs import PostgresDatabase

    database = PostgresDatabase(admin_url)
    try:
        yield database.url
    finally:
        database.drop()
