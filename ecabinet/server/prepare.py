"""Bringing a database to where a server can serve it: the migrations, the audit key, the
body's row and, for a demo, the demo seed, once, under ``schema_lock``.

Each server worker runs it as it starts (``create_app``), and ``ecabinet-server migrate`` runs
it before the workers start (the service unit); whoever comes second waits for the lock and
then finds nothing to do. Main thread of a starting process.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from ecabinet.server import audit
from ecabinet.server.core.config import Settings
from ecabinet.server.db import make_session_factory, schema_lock, upgrade
from ecabinet.server.models import Body
from ecabinet.server.pki import body_ca


def audit_key(engine: Engine, settings: Settings) -> bytes:
    """The audit log's key, made on the first start that lacks one; at that start, entries
    already in the log are marked as hashed before the key (``audit.adopt_key``). The first
    start after chains became per body signs the legacy chain's end (``audit.seal_legacy``).
    Call it with the schema migrated, before anything is appended."""
    made = audit.make_key(settings.audit_key_file)
    key = audit.load_key(settings.audit_key_file)
    with make_session_factory(engine, key)() as db:
        if made:
            audit.adopt_key(db, lambda: body_ca(settings))
        audit.seal_legacy(db, lambda: body_ca(settings))
        db.commit()
    return key


def prepare_database(engine: Engine, settings: Settings) -> None:
    with schema_lock(engine):
        upgrade(engine)
        with make_session_factory(engine, audit_key(engine, settings))() as db:
            if db.scalar(select(Body).where(Body.code == settings.body_code)) is None:
                db.add(Body(code=settings.body_code, name=settings.body_name))
                db.commit()
            if settings.demo:
                from ecabinet.server.demo import seed_if_empty

                seed_if_empty(db, settings)
