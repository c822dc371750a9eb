"""The append-only audit log: each entry carries the hash of the one before it.

``record`` is called in the same transaction as the change it describes. ``verify`` walks the
chain and names the first entry that was changed, removed or reordered. A chain alone cannot
show that its newest entries were cut off: ``verify`` prints the head (the last entry's id and
hash), and given a head written down earlier it checks that entry is still there, unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ecabinet.server.models import AuditEntry, now


def _entry_hash(entry: AuditEntry) -> str:
    canonical = json.dumps(
        {
            "id": entry.id,
            "body_id": entry.body_id,
            "at": entry.at.isoformat(),
            "actor_id": entry.actor_id,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "detail": entry.detail,
            "prev_hash": entry.prev_hash,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


# Any fixed number: the PostgreSQL advisory lock that one appender at a time holds.
_APPEND_LOCK = 0x45434142


def _hold_the_tail(db: Session) -> None:
    """Until this transaction ends, no other appender (thread, worker or server) may read the
    tail: two that both chained onto the same entry would fork the log.

    Locking the last row (SELECT ... FOR UPDATE) is not enough on PostgreSQL: a waiter is
    handed that same row once it is free, not the one added meanwhile. An advisory lock taken
    first makes the tail read after it see the newest entry. SQLite has one writer at a time,
    but a read outside a write transaction may be stale by the time it writes: a write
    statement first takes the write lock, so the read comes after every earlier append.
    """
    dialect = db.get_bind().dialect.name
    if dialect == "postgresql":
        db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _APPEND_LOCK})
    elif dialect == "sqlite":
        db.execute(text("UPDATE audit_log SET id = id WHERE 0"))


def record(
    db: Session,
    action: str,
    *,
    actor_id: str | None,
    body_id: str | None,
    object_type: str = "",
    object_id: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    _hold_the_tail(db)
    last = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    entry = AuditEntry(
        body_id=body_id,
        at=now(),
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail or {},
        prev_hash=last.hash if last else "",
    )
    db.add(entry)
    db.flush()  # assigns the id, which the hash covers
    entry.hash = _entry_hash(entry)
    return entry


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""
    head: str = ""  # "<id>:<hash>" of the last entry, to write down and check against later


def verify(db: Session, expected_head: str = "") -> VerifyReport:
    prev_hash = ""
    prev_id = 0
    checked = 0
    anchor_id, _, anchor_hash = expected_head.partition(":")
    anchor_seen = not expected_head
    for entry in db.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        if entry.prev_hash != prev_hash:
            reason = "an entry before it was removed or reordered"
            return VerifyReport(False, checked, entry.id, reason)
        if entry.id <= prev_id:
            return VerifyReport(False, checked, entry.id, "entries are out of order")
        if _entry_hash(entry) != entry.hash:
            return VerifyReport(False, checked, entry.id, "the entry was changed")
        if str(entry.id) == anchor_id:
            if entry.hash != anchor_hash:
                return VerifyReport(False, checked, entry.id, "it is not the head written down")
            anchor_seen = True
        prev_hash, prev_id = entry.hash, entry.id
        checked += 1
    if not anchor_seen:
        reason = "the entries from the head written down onwards were removed"
        return VerifyReport(False, checked, int(anchor_id) if anchor_id.isdigit() else None, reason)
    return VerifyReport(True, checked, head=f"{prev_id}:{prev_hash}" if checked else "")
