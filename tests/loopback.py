"""A real server on loopback for tests that talk HTTP: the app on uvicorn in a thread, or the
server command in a child process to kill, and the member's ways of signing in to it.

Runs on the test's thread; the served app runs on uvicorn's own thread or process.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import uvicorn

from ecabinet.client.account import Account
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets
from ecabinet.server.app import create_app
from ecabinet.server.core.config import Settings
from tests.factories import PASSWORD, World, build_world


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                return
        except requests.RequestException:
            time.sleep(0.05)
    raise RuntimeError(f"no server at {url}")


@dataclass
class LiveServer:
    url: str
    settings: Settings
    world: World


@contextlib.contextmanager
def serving(settings: Settings, port: int = 0) -> Iterator[tuple[str, World]]:
    """The app on a real uvicorn in a thread, on ``port`` of loopback (a free one if 0), with
    the test world."""
    app = create_app(settings)
    world = build_world(app.state.session_factory, settings)
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url, world
    finally:
        server.should_exit = True
        thread.join(10)
        app.state.engine.dispose()


class ServerProcess:
    """The real server command in a child process, so a test can kill and restart it.
    ``module`` is what ``python -m`` runs: the server, or a test's wrapper around it; with
    ``workers`` above one, that many processes share the port (``--workers``). With ``log``,
    what the server writes (its warnings, a traceback) goes to that file for the test to read.
    """

    def __init__(
        self,
        settings: Settings,
        port: int,
        module: str = "ecabinet.server",
        workers: int = 1,
        log: Path | None = None,
    ) -> None:
        self.settings = settings
        self.port = port
        self.module = module
        self.workers = workers
        self.log = log
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = dict(os.environ, ECABINET_DATABASE_URL=self.settings.database_url)
        command = [sys.executable, "-m", self.module, "--data", str(self.settings.data_dir)]
        command += ["--port", str(self.port)]
        if self.workers > 1:
            command += ["--workers", str(self.workers)]
        with contextlib.ExitStack() as files:
            out = (
                files.enter_context(self.log.open("ab"))
                if self.log is not None
                else subprocess.DEVNULL
            )
            # start_new_session: the workers of --workers are the server's children, ended
            # with it (kill) as one process group.
            self.proc = subprocess.Popen(
                command, env=env, stdout=out, stderr=out, start_new_session=self.workers > 1
            )
        wait_healthy(self.url)

    def kill(self) -> None:
        if self.proc is not None:
            if self.workers > 1:
                os.killpg(self.proc.pid, signal.SIGKILL)
            else:
                self.proc.kill()
            self.proc.wait(10)
            self.proc = None


@contextlib.contextmanager
def server_command(settings: Settings) -> Iterator[tuple[ServerProcess, World]]:
    """The server command in a child process on a free port, the test world in its database."""
    app = create_app(settings)
    world = build_world(app.state.session_factory, settings)
    app.state.engine.dispose()
    proc = ServerProcess(settings, free_port())
    proc.start()
    try:
        yield proc, world
    finally:
        proc.kill()


def signed_in(url: str, root: Path, username: str = "member01") -> Account:
    account = Account.open(Profile.open(root), secrets=MemorySecrets())
    account.sign_in(url, username, PASSWORD)
    return account


def synced(live: LiveServer, root: Path, username: str = "member01") -> Account:
    """``username`` signed in on a laptop whose profile is ``root``, and synced once."""
    account = signed_in(live.url, root, username)
    assert account.sync_service().sync().online
    return account


HANOI = "Ủy ban nhân dân thành phố Hà Nội"
HANOI_PASSWORD = "mat-khau-ha-noi"


def add_hanoi(
    live: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
    username: str = "member01",
    roles: str = "member",
    full_name: str = "Trần B",
) -> LiveServer:
    """Hà Nội's People's Committee on the live server beside the Government, with one user of
    its own (password HANOI_PASSWORD), made by the admin CLI as an administrator makes them."""
    from ecabinet.server.cli import main as server_cli

    settings = live.settings
    where = ["--data", str(settings.data_dir), "--database-url", settings.database_url]
    assert server_cli(["bodies", "create", "--code", "hanoi", "--name", HANOI, *where]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(HANOI_PASSWORD + "\n"))
    argv = ["create-user", "--body", "hanoi", "--username", username, "--roles", roles]
    assert server_cli([*argv, "--full-name", full_name, "--password-stdin", *where]) == 0
    return live


def cli_login(
    monkeypatch: pytest.MonkeyPatch, profile: str, url: str, username: str = "member01"
) -> int:
    """Sign in through the command line, the session kept in a passphrase-encrypted file
    so that later commands (new processes in real life) find it."""
    from ecabinet.client.cli import main

    monkeypatch.setenv("ECABINET_SECRETS_PASSPHRASE", "a long passphrase")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    return main(
        ["--profile", profile, "login", "--server", url, "--username", username, "--password-stdin"]
    )


def replace_with(live: LiveServer, document_id: str, data: bytes) -> None:
    """The Government Office replaces a document with a new version, through the API."""
    token = requests.post(
        f"{live.url}/api/v1/auth/login",
        json={"username": "secretariat", "password": PASSWORD, "device_name": "t"},
        timeout=10,
    ).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    sha = hashlib.sha256(data).hexdigest()
    up = requests.post(
        f"{live.url}/api/v1/blobs",
        data=data,
        headers={**headers, "X-Content-SHA256": sha, "Content-Type": "application/pdf"},
        timeout=10,
    )
    assert up.status_code in (200, 201), up.text
    r = requests.post(
        f"{live.url}/api/v1/documents/{document_id}/versions",
        json={"sha256": sha, "filename": "v2.pdf"},
        headers=headers,
        timeout=10,
    )
    assert r.status_code == 201, r.text
