"""A lock per body for the two logs whose readers rely on their order: a body's audit chain
and its part of the change feed.

On PostgreSQL a feed row's ``seq`` comes from a sequence when it is inserted, not when its
transaction commits. Two pushes that commit at once could then commit in the other order: a
laptop pulling between the two commits was handed the higher ``seq``, moved its cursor past
the lower one, and never received it (the Government Office missed members' marks that way
while the whole cabinet acted at once: tests/server/test_whole_cabinet_polls.py). Holding
this transaction-level advisory lock from before a row's number is drawn until the commit
makes numbers and commits keep one order, so a snapshot always sees a prefix of the feed.

A laptop only ever reads its own body's rows, and its cursor is the last of those it was
given (services/sync.py, first_pages.py): the order only has to hold within a body. So each
body has its own lock, and a session of one body never makes another body's polls and pushes
wait (docs/benchmarks.md, the national run). The audit chain of a body holds the same lock
while it reads its tail; being one lock, a transaction that writes both never waits on
itself. The server's own chain (no body) has a lock of its own.

Every appender also holds a shared lock that a body's restore takes exclusively
(``hold_every_body``): the restore moves the feed's numbers on, which must not race with
numbers being drawn. A transaction that appends for several bodies (the daily checkpoint)
takes all their locks first, in one order, so two of them never wait for each other in a
cycle; ``hold`` refuses a second body's lock taken any other way. SQLite has one writer at a
time, whose numbers are drawn and committed under its write lock already; the rule is still
checked there, so a test on either database finds a transaction that could deadlock on
PostgreSQL, whatever the bodies' ids.

Runs inside the caller's transaction, on whatever thread runs it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session, SessionTransaction

# Any fixed number, the same in every process and version: the first key of every lock here.
APPEND_LOCK = 0x45434142
EVERY_BODY = 0  # the second key of the lock a restore takes alone and every appender shares
_SERVER_CHAIN = 1  # the second key of the server's own audit chain
_HELD = "ecabinet.append_lock"  # {body key: the transaction (or savepoint) it was taken in}


def body_key(body_id: str | None) -> int:
    """The second key of the lock of ``body_id`` (None: the server's own chain). Two bodies
    that shared one would only wait for each other, as all did before."""
    if body_id is None:
        return _SERVER_CHAIN
    digest = hashlib.blake2b(body_id.encode(), digest_size=4).digest()
    key = int.from_bytes(digest, "big", signed=True)  # PostgreSQL's keys are signed int4
    return key if key not in (EVERY_BODY, _SERVER_CHAIN) else 2


def hold(db: Session, body_id: str | None) -> None:
    """Until this transaction ends, no other one appends to the feed or the audit chain of
    ``body_id`` (PostgreSQL). A transaction appends for one body, or takes the locks of all
    the bodies it appends for at once, first (``hold_in_order``): checked on SQLite too."""
    key = body_key(body_id)
    live = _live(db)
    if key in live:
        return
    if live:
        raise RuntimeError(
            "append_lock: a transaction appends for a second body without having taken both "
            "bodies' locks first (append_lock.hold_in_order); it could deadlock with another"
        )
    _take(db, key)


def hold_in_order(db: Session, body_ids: Iterable[str | None]) -> None:
    """The locks of several bodies, before any of them is appended to, in the one order
    every such transaction takes them: two never wait for each other in a cycle."""
    keys = sorted({body_key(body_id) for body_id in body_ids})
    live = _live(db)
    if live and not set(keys) <= live:
        raise RuntimeError("append_lock: take every body's lock first, before any other")
    for key in keys:
        if key not in live:
            _take(db, key)


def _live(db: Session) -> set[int]:
    """The bodies' keys whose locks this transaction holds."""
    held: dict[int, SessionTransaction] = db.info.setdefault(_HELD, {})
    # A lock taken inside a savepoint is given back if the savepoint rolls back; one taken in
    # a transaction that ended is gone: only those taken in a transaction still open count.
    return {key for key, transaction in held.items() if transaction.is_active}


def _take(db: Session, key: int) -> None:
    if db.get_bind().dialect.name == "postgresql":
        db.execute(
            text("SELECT pg_advisory_xact_lock_shared(:a, :every), pg_advisory_xact_lock(:a, :b)"),
            {"a": APPEND_LOCK, "every": EVERY_BODY, "b": key},
        )
    # On SQLite no statement ran: the transaction the lock belongs to begins now.
    db.info[_HELD][key] = db.get_nested_transaction() or db.get_transaction() or db.begin()


def hold_every_body(conn: Connection) -> None:
    """Until this transaction ends, no other one appends for any body; waits for those that
    do to end (PostgreSQL; nothing to do on SQLite, whose writer is alone)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:a, :every)"),
            {"a": APPEND_LOCK, "every": EVERY_BODY},
        )
