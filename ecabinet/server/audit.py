"""The append-only audit log, one chain per body: each entry carries a keyed hash over itself,
its place in its body's chain and the hash of that body's entry before it; signed checkpoints
pin each chain's head from time to time.

``record`` is called in the same transaction as the change it describes. The hashes are
HMAC-SHA256 under a key kept in a file beside the CA (``Settings.audit_key_file``), never in
the database: whoever can write the database but not read that file cannot recompute a chain
that verifies. A body's chain holds nothing of another body's (the server's own acts, with no
body, are a chain of their own), so it verifies alone, handed over or moved to another server;
the hash covers the entry's position in its chain, not its row id, which changes when rows
move. ``checkpoint`` signs a chain's head with its body's CA key (daily, by ``ecabinet-server
audit checkpoint``, for every chain; and when a session closes). audit_verify.py walks them.

Entries written before the chains were per body stay the one legacy chain they were, up to
the switch point the migration recorded (``AuditSwitch``), which a checkpoint signs at the
first start after it (``seal_legacy``); entries written before the key existed keep their
unkeyed hashes, up to the switch point the first checkpoint (``adopt_key``) records. Request
worker threads and the command line.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, select, text
from sqlalchemy.orm import Session

from ecabinet.server import append_lock, audit_checkpoints
from ecabinet.server.models import AuditCheckpoint, AuditEntry, AuditSwitch, Body, now
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.wire.record import AUDIT_ACTIONS

# Where a session finds the key its appends are keyed with (db.make_session_factory).
KEY_INFO = "audit_key"
KEYS_INFO = "audit_keys"  # and the folder of the keys of bodies restored from elsewhere
_KEY_BYTES = 32

# The CA that signs the checkpoints of a body's chain (None: the server's own acts).
CaFor = Callable[[Body | None], CertificateAuthority]


def make_key(path: Path) -> bool:
    """Make the audit key in ``path`` (mode 0600) unless there is one; whether this call made
    it. Written whole under a temporary name and linked into place, so two processes starting
    at once share one key."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, staging = tempfile.mkstemp(prefix=".audit-key-", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(_KEY_BYTES) + "\n")
        try:
            os.link(staging, path)
        except FileExistsError:
            return False  # another process made it meanwhile: theirs is the key
    finally:
        os.unlink(staging)
    return True


def load_key(path: Path) -> bytes:
    return bytes.fromhex(path.read_text().strip())


def chain_key(db: Session, body_id: str | None) -> bytes:
    """The key of the chain of ``body_id``: the server's, or the one it was keyed with on the
    server it was restored from (read on each use, so a body restored while the server runs
    is found)."""
    folder = db.info.get(KEYS_INFO)
    if body_id is not None and isinstance(folder, Path):
        moved = folder / f"{body_id}.key"
        if moved.is_file():
            return load_key(moved)
    return session_key(db)


def session_key(db: Session) -> bytes:
    key = db.info.get(KEY_INFO)
    if not isinstance(key, bytes) or not key:
        raise RuntimeError("this session has no audit key: make it with make_session_factory")
    return key


def _canonical(entry: AuditEntry) -> bytes:
    """What the hash covers. A body's chain: the entry's position in it, never its row id.
    The legacy chain (no position): its row id, as it was hashed then."""
    fields: dict[str, Any] = {
        "body_id": entry.body_id,
        "at": entry.at.isoformat(),
        "actor_id": entry.actor_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
    }
    if entry.position is None:
        fields["id"] = entry.id
    else:
        fields["position"] = entry.position
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def unkeyed_hash(entry: AuditEntry) -> str:
    """How entries were hashed before the key: anyone could recompute it."""
    return hashlib.sha256(_canonical(entry)).hexdigest()


def keyed_hash(entry: AuditEntry, key: bytes) -> str:
    # The canonical form holds prev_hash: the key covers the link to the entry before too.
    return hmac.new(key, _canonical(entry), hashlib.sha256).hexdigest()


def _hold_the_tail(db: Session, body_id: str | None) -> None:
    """Until this transaction ends, no other appender (thread, worker or server) may read the
    tail of the chain of ``body_id``: two that both chained onto the same entry would fork it.

    Locking the last row (SELECT ... FOR UPDATE) is not enough on PostgreSQL: a waiter is
    handed that same row once it is free, not the one added meanwhile. An advisory lock taken
    first makes the tail read after it see the newest entry; it is the body's feed lock too
    (append_lock.py), so a transaction writing both takes one lock. SQLite has one writer at
    a time, but a read outside a write transaction may be stale by the time it writes: a
    write statement first takes the write lock, so the read comes after every earlier append.
    """
    append_lock.hold(db, body_id)  # checks the order of bodies' locks on SQLite too
    if db.get_bind().dialect.name == "sqlite":
        db.execute(text("UPDATE audit_log SET id = id WHERE 0"))


def of_chain(body_id: str | None) -> ColumnElement[bool]:
    """The entries of the chain of ``body_id`` (None: the server's own acts)."""
    same_body = AuditEntry.body_id.is_(None) if body_id is None else AuditEntry.body_id == body_id
    return and_(same_body, AuditEntry.position.is_not(None))


def _tail(db: Session, body_id: str | None) -> AuditEntry | None:
    query = select(AuditEntry).where(of_chain(body_id)).order_by(AuditEntry.position.desc())
    return db.scalars(query.limit(1)).first()


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
    if action not in AUDIT_ACTIONS:  # the desktop has a sentence for each kind, no other
        raise ValueError(f"unknown audit action {action!r}: add it to AUDIT_ACTIONS")
    key = chain_key(db, body_id)
    _hold_the_tail(db, body_id)
    last = _tail(db, body_id)
    entry = AuditEntry(
        body_id=body_id,
        position=(last.position or 0) + 1 if last else 1,
        at=now(),
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail or {},
        prev_hash=last.hash if last else "",
    )
    entry.hash = keyed_hash(entry, key)
    db.add(entry)
    db.flush()
    return entry


def checkpoint(
    db: Session, ca: CertificateAuthority, body_id: str | None
) -> AuditCheckpoint | None:
    """Sign the head of the chain of ``body_id`` as it is in this transaction (None while the
    chain is empty)."""
    _hold_the_tail(db, body_id)
    last = _tail(db, body_id)
    if last is None or last.position is None:
        return None
    row = audit_checkpoints.make_for_chain(ca, body_id, last.position, last.hash, now())
    db.add(row)
    db.flush()
    return row


def chains(db: Session) -> list[Body | None]:
    """Every body, by code, then the server's own chain (None) if it has entries."""
    found: list[Body | None] = list(db.scalars(select(Body).order_by(Body.code)))
    if _tail(db, None) is not None:
        found.append(None)
    return found


def checkpoint_all(db: Session, ca_for: CaFor) -> list[tuple[Body | None, AuditCheckpoint | None]]:
    """Sign the head of every chain, each with its body's CA (the daily checkpoint)."""
    every = chains(db)
    append_lock.hold_in_order(db, [body.id if body else None for body in every])
    return [(body, checkpoint(db, ca_for(body), body.id if body else None)) for body in every]


def _legacy_last(db: Session) -> AuditEntry | None:
    query = select(AuditEntry).where(AuditEntry.position.is_(None)).order_by(AuditEntry.id.desc())
    return db.scalars(query.limit(1)).first()


def legacy_checkpoints(db: Session) -> list[AuditCheckpoint]:
    query = select(AuditCheckpoint).where(AuditCheckpoint.per_body.is_(False))
    return list(db.scalars(query.order_by(AuditCheckpoint.seq, AuditCheckpoint.id)))


def keyed_from(db: Session) -> int | None:
    """The legacy chain's key switch point the checkpoints carry; None before the first."""
    first = db.scalars(
        select(AuditCheckpoint)
        .where(AuditCheckpoint.per_body.is_(False))
        .order_by(AuditCheckpoint.id)
        .limit(1)
    ).first()
    return first.keyed_from if first else None


def adopt_key(db: Session, ca: Callable[[], CertificateAuthority]) -> None:
    """Just after the key was made, on a legacy chain that holds entries hashed before it and
    no checkpoint yet, sign its head as the switch point: entries up to it verify unkeyed,
    every later one keyed. Only then: a log later rebuilt unkeyed, its checkpoints deleted, is
    never blessed. ``ca`` is called only when there is something to sign."""
    _hold_the_tail(db, None)  # the legacy chain no longer grows: the server's lock will do
    last = _legacy_last(db)
    if last is None or keyed_from(db) is not None or last.hash == keyed_hash(last, session_key(db)):
        return
    db.add(audit_checkpoints.make(ca(), last.id, last.hash, now(), last.id + 1))
    db.flush()


def seal_legacy(db: Session, ca: Callable[[], CertificateAuthority]) -> None:
    """On the first start after the switch to chains per body, sign the legacy chain's head
    where the migration recorded it: cutting off its tail then contradicts a signature, and no
    daily checkpoint is needed for a chain that no longer grows. ``ca`` is called only when
    there is something to sign. With no legacy checkpoint left to say where keyed hashes
    began, it says they all are: a legacy chain rebuilt unkeyed, its checkpoints deleted, is
    never blessed."""
    switch = db.get(AuditSwitch, 1)
    if switch is None or switch.legacy_last_id == 0:
        return
    pinned = [cp for cp in legacy_checkpoints(db) if cp.seq == switch.legacy_last_id]
    if pinned:
        return
    keyed = keyed_from(db) or 0
    cp = audit_checkpoints.make(ca(), switch.legacy_last_id, switch.legacy_head, now(), keyed)
    db.add(cp)
    db.flush()
