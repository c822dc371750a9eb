"""Server fixtures: a real app on a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server.app import create_app
from ecabinet.server.core.config import Settings, get_settings
from tests.dbs import (
    POSTGRES_URL,
    PostgresDatabase,
    empty_postgres,
    fresh_sqlite_url,
    require_postgres,
)
from tests.factories import PASSWORD, World, build_world


@pytest.fixture(scope="session")
def postgres_db() -> Iterator[PostgresDatabase]:
    db = PostgresDatabase(require_postgres())
    yield db
    db.drop()


def settings_on(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    folder: Path,
    ca_template: Path,
) -> Settings:
    """A server's settings, its data in ``folder``, on the database ``request.param`` names
    (a fresh SQLite file, or the session's PostgreSQL database emptied), the CA in place."""
    if request.param == "postgres":
        if not POSTGRES_URL:
            pytest.skip("PostgreSQL tests need ECABINET_TEST_POSTGRES_URL")
        pg: PostgresDatabase = request.getfixturevalue("postgres_db")
        pg.empty()
        url = pg.url
    else:
        url = fresh_sqlite_url(tmp_path_factory.getbasetemp(), folder)
    result = get_settings(folder / "data", url, password_scrypt_n=2**10)
    shutil.copytree(ca_template, result.ca_dir)
    return result


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    ca_template: Path,
) -> Settings:
    return settings_on(request, tmp_path_factory, tmp_path, ca_template)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it, not even the schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    with empty_postgres("ecabinet_fresh") as url:
        yield url


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    # The test client reads an answer whole, and a live stream (GET /events) never ends by
    # itself: here each ends at once, after what it had to say at connect. Streams are
    # tested on real servers (test_events*.py).
    application = create_app(settings.with_changes(live_stream_max_seconds=0))
    yield application
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture
def world(app: FastAPI, settings: Settings) -> World:
    return build_world(app.state.session_factory, settings)


class Api:
    """Signs users of the world in and remembers their headers."""

    def __init__(self, client: TestClient, world: World) -> None:
        assert isinstance(client.app, FastAPI)
        self.client = client
        self.app = client.app
        self.world = world
        self._headers: dict[str, dict[str, str]] = {}

    def db(self) -> Session:
        """A session on the app's database, for what a test sets up or checks behind the API."""
        factory: sessionmaker[Session] = self.app.state.session_factory
        return factory()

    def headers(self, username: str, body: str = "") -> dict[str, str]:
        """Signed in to ``body`` (its code; the server's own when empty)."""
        key = f"{body}/{username}"
        if key not in self._headers:
            r = self.client.post(
                "/api/v1/auth/login",
                json={
                    "username": username,
                    "password": PASSWORD,
                    "device_name": f"{username}-laptop",
                    "body": body,
                },
            )
            assert r.status_code == 200, r.text
            self._headers[key] = {"Authorization": f"Bearer {r.json()['token']}"}
        return self._headers[key]


@pytest.fixture
def api(client: TestClient, world: World) -> Api:
    return Api(client, world)
