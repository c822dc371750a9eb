"""Server processes starting together on one fresh database migrate and seed it once.

Two real servers (``python -m ecabinet.server --demo``) start at the same moment on a database
that has no schema yet, as workers do after an upgrade; both must come up, the schema must be
at the newest migration, and the demo must be there once. Also ``ecabinet-server migrate``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from ecabinet.server.db import alembic_config
from tests.bench.server_proc import free_port

pytestmark = pytest.mark.slow


def _server(data: Path, url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "ecabinet.server", "--data", str(data)]
    command += ["--database-url", url, "--port", str(port), "--demo"]
    with log.open("wb") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)


def _wait_healthy(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(errors="replace")
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"no health in time:\n{log.read_text(errors='replace')}")


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def test_two_servers_starting_at_once_migrate_and_seed_once(fresh_url: str, tmp_path: Path) -> None:
    data = tmp_path / "data"  # shared, as servers on one database share their data folder
    ports = [free_port(), free_port()]
    logs = [tmp_path / f"server-{port}.log" for port in ports]
    processes = [_server(data, fresh_url, port, log) for port, log in zip(ports, logs, strict=True)]
    try:
        for port, process, log in zip(ports, processes, logs, strict=True):
            _wait_healthy(port, process, log)
        engine = create_engine(fresh_url)
        with engine.connect() as conn:
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
            bodies = conn.execute(text("SELECT count(*) FROM bodies")).scalar_one()
            usernames = conn.execute(text("SELECT username FROM users")).scalars().all()
            meetings = conn.execute(text("SELECT body_id, title FROM meetings")).all()
        engine.dispose()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(20)
    assert versions == [(_head(),)]
    assert bodies == 3  # the Government and the demo's two provinces
    assert {"chair", "hanoi-chair", "hcm-chair"} <= set(usernames)
    assert len(usernames) == len(set(usernames))
    assert meetings and len(meetings) == len(set(meetings))


def test_migrate_command_prepares_a_fresh_database(fresh_url: str, tmp_path: Path) -> None:
    env = dict(os.environ, ECABINET_DATABASE_URL=fresh_url)
    command = [sys.executable, "-m", "ecabinet.server", "migrate", "--data", str(tmp_path)]
    for _ in range(2):  # the second run finds nothing to do
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "ready" in done.stdout
    engine = create_engine(fresh_url)
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        bodies = conn.execute(text("SELECT count(*) FROM bodies")).scalar_one()
    engine.dispose()
    assert versions == [(_head(),)]
    assert bodies == 1
