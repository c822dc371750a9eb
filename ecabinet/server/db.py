"""Engine and session factory for the server's database, plus migrations under a lock.

SQLite takes a whole cabinet voting at once only if writers queue instead of failing: every
connection is in WAL mode with a busy timeout, and a session that will write (a request other
than GET or HEAD, see ``writer_session``) begins its transactions with ``BEGIN IMMEDIATE``, so
it takes the write lock up front, waiting its turn. A deferred transaction that reads and then
writes cannot wait: SQLite refuses it at once ("database is locked") when another writer has
committed since its read. Read-only requests keep plain ``BEGIN`` and never wait for writers.
``is_transient`` names the errors a short retry cures (busy or locked SQLite, a PostgreSQL
serialization failure or deadlock). ``schema_lock`` lets one process at a time migrate and
seed: server workers starting together after an upgrade take turns, and all but the first
find the work done. Used from request worker threads and the command line.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
# The threads that may use the database at once in a worker process (app.py), and its pool:
# a connection for each thread, a few for what runs beside them (the live hub's worker, a
# session closing on the event loop), kept open; the overflow is for a moment's excess only.
# A pool smaller than the threads made every burst open and close connections (20 threads on
# 10 kept connections). PostgreSQL's max_connections must cover servers x workers x
# (POOL_SIZE + POOL_OVERFLOW): 60 for one server of two workers.
THREADS_PER_WORKER = 20
POOL_SIZE, POOL_OVERFLOW = THREADS_PER_WORKER + 4, 6
# The execution option that marks a session's connections as writers (BEGIN IMMEDIATE).
WRITER = "ecabinet_writer"
BUSY_TIMEOUT_MS = 30_000
# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
# The PostgreSQL advisory lock held while migrating and seeding: any fixed number, the same in
# every version ("eCabinet" in ASCII).
SCHEMA_LOCK_KEY = 0x6543_6162_696E_6574
# How long a process waits for another's migrations on SQLite (PostgreSQL waits as long as
# they take): longer than any upgrade, shorter than forever.
SQLITE_LOCK_WAIT_S = 600.0


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            pool_size=POOL_SIZE,
            max_overflow=POOL_OVERFLOW,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.close()
            # pysqlite's own transaction handling begins transactions late and never as
            # IMMEDIATE; the "begin" event below takes over (SQLAlchemy's documented recipe).
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            writer = conn.get_execution_options().get(WRITER, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

        return engine
    return create_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, pool_pre_ping=True)


def make_session_factory(
    engine: Engine, audit_key: bytes = b"", audit_keys: Path | None = None
) -> sessionmaker[Session]:
    """Sessions that append to the audit log need ``audit_key`` (audit.load_or_create_key),
    and ``audit_keys`` (Settings.audit_keys_dir) for bodies restored from another server."""
    info = {"audit_key": audit_key, "audit_keys": audit_keys}
    return sessionmaker(engine, expire_on_commit=False, info=info)


def writer_session(factory: sessionmaker[Session]) -> Session:
    """A session whose every transaction takes SQLite's write lock when it begins (and is
    an ordinary one on PostgreSQL). For requests that write: keep their transactions short."""
    return factory(execution_options={WRITER: True})


def is_transient(error: BaseException) -> bool:
    """Whether running the same transaction again may well succeed: the database was busy,
    or a concurrent transaction won a race (a unique key, a serialization check)."""
    if isinstance(error, IntegrityError):
        return True  # run again, the work sees the winner's row and does not collide
    if not isinstance(error, DBAPIError):
        return False
    if getattr(error.orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    message = str(error.orig).lower()
    return isinstance(error, OperationalError) and ("locked" in message or "busy" in message)


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Held by one process at a time on this database. PostgreSQL: a session-level advisory
    lock, freed by the server if the process dies. SQLite: an exclusive transaction on a
    file beside the database; a file of its own, or the holder's own writes would wait."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
            conn.commit()  # the lock outlives the transaction; no transaction stays open
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK_KEY})
                conn.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":  # one process's own database
        yield
        return
    lock = sqlite3.connect(f"{database}.lock", timeout=SQLITE_LOCK_WAIT_S, isolation_level=None)
    try:
        lock.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        lock.close()  # the transaction ends with the connection


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is already there), holding
    ``schema_lock``."""
    with schema_lock(engine):
        upgrade(engine)


def upgrade(engine: Engine) -> None:
    """``migrate`` for a caller that holds ``schema_lock`` already."""
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
