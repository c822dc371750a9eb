"""Fixtures shared by the test folders (loaded from tests/conftest.py): the session's CA, a
database per test, a real server on loopback, and a member signed in through the command line.

A server's database is a migrated SQLite file per test, or, when ECABINET_TEST_POSTGRES_URL is
set, one PostgreSQL database for the session emptied before each test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecabinet.client.account import Account
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.tsa import TimeStampAuthority
from tests.dbs import POSTGRES_URL, PostgresDatabase, fresh_sqlite_url
from tests.factories import World
from tests.loopback import (
    LiveServer,
    ServerProcess,
    cli_login,
    server_command,
    serving,
    synced,
)
from tests.usb_token import softhsm_token


@pytest.fixture(scope="session")
def ca_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One CA and its TSA for the session: an RSA-3072 key per test would dominate the
    suite's time."""
    folder = tmp_path_factory.mktemp("client-ca")
    name = get_settings(folder).body_name
    TimeStampAuthority.load_or_create(CertificateAuthority.load_or_create(folder, name), name)
    return folder


@pytest.fixture(scope="session")
def usb_token(tmp_path_factory: pytest.TempPathFactory, ca_template: Path) -> Iterator[str]:
    """A SoftHSM2 token with member01's key (tests/usb_token.py): its PKCS#11 module path."""
    yield from softhsm_token(tmp_path_factory, ca_template)


@pytest.fixture(scope="session")
def client_postgres() -> Iterator[PostgresDatabase | None]:
    if not POSTGRES_URL:
        yield None
        return
    database = PostgresDatabase(POSTGRES_URL)
    yield database
    database.drop()


@pytest.fixture
def server_settings(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    ca_template: Path,
    client_postgres: PostgresDatabase | None,
) -> Settings:
    """Settings for a server on this test's database (an empty migrated one), the CA in place;
    the test may build and start the server itself."""
    if client_postgres is None:
        url = fresh_sqlite_url(tmp_path_factory.getbasetemp(), tmp_path)
    else:
        client_postgres.empty()
        url = client_postgres.url
    settings = get_settings(tmp_path / "server", url, password_scrypt_n=2**10)
    shutil.copytree(ca_template, settings.ca_dir)
    return settings


@pytest.fixture
def live_server(server_settings: Settings) -> Iterator[LiveServer]:
    """The app on uvicorn in a thread, on loopback, with the test world."""
    with serving(server_settings) as (url, world):
        yield LiveServer(url, server_settings, world)


@pytest.fixture
def server_process(server_settings: Settings) -> Iterator[tuple[ServerProcess, World]]:
    """The server command in a child process, for a test that kills and restarts it."""
    with server_command(server_settings) as started:
        yield started


@pytest.fixture
def cli_profile(live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The profile folder of member01, signed in through the command line (``ecabinet login``)
    with the session kept in a passphrase-encrypted file, as a member's laptop would."""
    profile = str(tmp_path / "p")
    assert cli_login(monkeypatch, profile, live_server.url) == 0
    return profile


@pytest.fixture
def member(live_server: LiveServer, tmp_path: Path) -> Account:
    """member01 signed in on a laptop (profile ``tmp_path / "m"``) and synced once."""
    return synced(live_server, tmp_path / "m")
