"""Bringing a database to where a server can serve it: the migrations, the body's row and,
for a demo, the demo seed, once, under ``schema_lock``.

Each server worker runs it as it starts (``create_app``), and ``ecabinet-server migrate`` runs
it before the workers start (the service unit); whoever comes second waits for the lock and
then finds nothing to do. Main thread of a starting process.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from ecabinet.server.core.config import Settings
from ecabinet.server.db import make_session_factory, schema_lock, upgrade
from ecabinet.server.models import Body


def prepare_database(engine: Engine, settings: Settings) -> None:
    with schema_lock(engine):
        upgrade(engine)
        with make_session_factory(engine)() as db:
            if db.scalar(select(Body).where(Body.code == settings.body_code)) is None:
                db.add(Body(code=settings.body_code, name=settings.body_name))
                db.commit()
            if settings.demo:
                from ecabinet.server.demo import seed_if_empty

                seed_if_empty(db, settings)
