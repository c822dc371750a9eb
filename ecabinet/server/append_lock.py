"""One lock for the two logs whose readers rely on their order: the audit chain and the
change feed.

On PostgreSQL a feed row's ``seq`` comes from a sequence when it is inserted, not when its
transaction commits. Two pushes that commit at once could then commit in the other order: a
laptop pulling between the two commits was handed the higher ``seq``, moved its cursor past
the lower one, and never received it (the Government Office missed members' marks that way
while the whole cabinet acted at once: tests/server/test_whole_cabinet_polls.py). Holding
this transaction-level advisory lock from before a row's number is drawn until the commit
makes numbers and commits keep one order, so a snapshot always sees a prefix of the feed.
The audit log holds the same lock while it reads its tail; being one lock, a transaction that
writes both never waits on itself. SQLite has one writer at a time, whose numbers are drawn
and committed under its write lock already.

Runs inside the caller's transaction, on whatever thread runs it.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# Any fixed number, the same in every process and version.
APPEND_LOCK = 0x45434142
_HELD = "ecabinet.append_lock"  # the transaction (or savepoint) it was taken in, in db.info


def hold(db: Session) -> None:
    """Until this transaction ends, no other one appends to the feed or the audit log
    (PostgreSQL; nothing to do on SQLite)."""
    if db.get_bind().dialect.name != "postgresql":
        return
    # A lock taken inside a savepoint is given back if the savepoint rolls back, so it is
    # remembered with the innermost transaction it was taken in.
    current = db.get_nested_transaction() or db.get_transaction()
    if current is not None and db.info.get(_HELD) is current:
        return
    db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK})
    db.info[_HELD] = db.get_nested_transaction() or db.get_transaction()
