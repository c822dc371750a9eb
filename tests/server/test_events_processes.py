"""Two real server processes on one PostgreSQL database: an act on one is heard on the other.

Each process has its own hub; what one commits reaches the other's streams through
LISTEN/NOTIFY (ecabinet.server.live.relay).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecabinet.server import cli
from ecabinet.server.app import create_app
from ecabinet.server.core.config import get_settings
from tests.dbs import PostgresDatabase
from tests.factories import World, build_world
from tests.loopback import ServerProcess, free_port
from tests.server.live_helpers import API, Reader, client, close_all, data_of, login

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_servers(
    tmp_path: Path, postgres_db: PostgresDatabase, ca_template: Path
) -> Iterator[tuple[ServerProcess, ServerProcess, World]]:
    postgres_db.empty()
    settings = get_settings(tmp_path / "data", postgres_db.url, password_scrypt_n=2**10)
    shutil.copytree(ca_template, settings.ca_dir)
    app = create_app(settings)
    world = build_world(app.state.session_factory, settings)
    app.state.engine.dispose()
    first, second = ServerProcess(settings, free_port()), ServerProcess(settings, free_port())
    first.start()
    try:
        second.start()
        yield first, second, world
    finally:
        # Killed first: a stream closed while the server lives waits for its next line
        # (a keep-alive, 15 s) before its reading thread lets go.
        first.kill()
        second.kill()
        close_all()


def test_an_act_on_one_server_reaches_a_stream_on_the_other(
    two_servers: tuple[ServerProcess, ServerProcess, World],
) -> None:
    first, second, world = two_servers
    reader = Reader(second.url, login(second.url, "member01"))
    assert reader.status == 200
    office = client(first.url, login(first.url, "secretariat"))
    assert office.post(f"{API}/meetings/{world.meeting_id}/start").status_code == 200
    present = [world.users["chair"], world.users["member01"]]
    r = office.put(
        f"{API}/meetings/{world.meeting_id}/attendance", json={"present_user_ids": present}
    )
    assert r.status_code == 200, r.text
    seen = reader.until("attendance")
    assert data_of(seen, "attendance")[-1]["present"] == 2
    assert "changed" in [s.name for s in seen]  # the meeting row, pulled on the other server


def test_a_revoke_from_the_command_line_ends_the_stream_on_a_running_server(
    two_servers: tuple[ServerProcess, ServerProcess, World],
) -> None:
    first, _second, _world = two_servers
    laptop = login(first.url, "member01")
    reader = Reader(first.url, laptop)
    assert reader.status == 200
    device = client(first.url, laptop).get(f"{API}/auth/me")
    assert device.status_code == 200
    office = client(first.url, login(first.url, "secretariat"))
    devices = office.get(f"{API}/devices", params={"user_id": device.json()["id"]}).json()
    settings = first.settings
    code = cli.main(
        [
            "devices",
            "revoke",
            "--data",
            str(settings.data_dir),
            "--database-url",
            settings.database_url,
            devices[-1]["id"],
        ]
    )
    assert code == 0
    assert reader.until("(end)")[-1].name == "(end)"
