"""A whole cabinet signed in to a real server process, on SQLite or PostgreSQL: what the
test_whole_cabinet*.py modules share. Each module makes its own (module-scoped) cabinet from
``cabinet_on``: the votes need a meeting started, the polls a server of several workers.

Test code only; runs on the test's thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server.app import create_app
from ecabinet.server.audit import load_key
from ecabinet.server.core.config import Settings
from ecabinet.server.db import make_engine, make_session_factory
from tests.crowd import VOTERS, Laptop, build_cabinet, shared_key, sign_in
from tests.factories import World
from tests.loopback import ServerProcess, free_port
from tests.server.conftest import settings_on

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@dataclass
class Cabinet:
    url: str
    world: World
    laptops: dict[str, Laptop]
    office: Laptop
    db: sessionmaker[Session]  # with the audit key, so the chain can be checked
    settings: Settings
    log: Path  # what the server process wrote


@contextlib.contextmanager
def cabinet_on(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    ca_template: Path,
    extra_items: int = 0,
    workers: int = 1,
) -> Iterator[Cabinet]:
    """27 voting members and the Government Office signed in to a server of ``workers``
    processes on the database ``request.param`` names, each member's device certified."""
    folder = tmp_path_factory.mktemp(f"cabinet-{request.param}")
    settings = settings_on(request, tmp_path_factory, folder, ca_template)
    url = settings.database_url
    app = create_app(settings)
    world = build_cabinet(app.state.session_factory, settings, extra_items=extra_items)
    app.state.engine.dispose()
    log = folder / "server.log"
    server = ServerProcess(settings, free_port(), workers=workers, log=log)
    server.start()
    engine = make_engine(url)
    try:
        key = shared_key()
        laptops = {u: sign_in(server.url, u, world.users[u]) for u in VOTERS}
        for laptop in laptops.values():
            laptop.enroll(key)
        office = sign_in(server.url, "secretariat", world.users["secretariat"])
        db = make_session_factory(engine, load_key(settings.audit_key_file))
        yield Cabinet(server.url, world, laptops, office, db, settings, log)
    finally:
        server.kill()
        engine.dispose()
