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
takes their locks in one order, so two of them never wait for each other in a cycle;
``hold`` refuses any other order. SQLite has one writer at a time, whose numbers are drawn
and committed under its write lock already; the order is still checked there, so a test on
either database finds a transaction that would deadlock on PostgreSQL.

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
    ``body_id`` (PostgreSQL; the order is checked on SQLite too)."""
    key = body_key(body_id)
    held: dict[int, SessionTransaction] = db.info.setdefault(_HELD, {})
    # A lock taken inside a savepoint is given back if the savepoint rolls back; one taken in
    # a transaction that ended is gone: only those taken in a transaction still open count.
    live = {k for k, transaction in held.items() if transaction.is_active}
    if key in live:
        return
    if live and key < max(live):
        raise RuntimeError(
            "append_lock: a transaction appends for several bodies in an order other than "
            "their keys' (append_lock.hold_in_order); it could deadlock with another"
        )
    if db.get_bind().dialect.name == "postgresql":
        db.execute(
            text("SELECT pg_advisory_xact_lock_shared(:a, :every), pg_advisory_xact_lock(:a, :b)"),
            {"a": APPEND_LOCK, "every": EVERY_BODY, "b": key},
        )
    # On SQLite no statement ran: the transaction the lock belongs to begins now.
    held[key] = db.get_nested_transaction() or db.get_transaction() or db.begin()


def hold_in_order(db: Session, body_ids: Iterable[str | None]) -> None:
    """The locks of several bodies, in the one order every such transaction takes them."""
    for body_id in sorted(set(body_ids), key=body_key):
        hold(db, body_id)


def hold_every_body(conn: Connection) -> None:
    """Until this transaction ends, no other one appends for any body; waits for those that
    do to end (PostgreSQL; nothing to do on SQLite, whose writer is alone)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:a, :every)"),
            {"a": APPEND_LOCK, "every": EVERY_BODY},
        )
