"""The append-only audit log: each entry carries a keyed hash over itself and the hash of the
one before it, and signed checkpoints pin the head from time to time.

``record`` is called in the same transaction as the change it describes. The hashes are
HMAC-SHA256 under a key kept in a file beside the CA (``Settings.audit_key_file``), never in
the database: whoever can write the database but not read that file cannot recompute a chain
that verifies. ``checkpoint`` signs the head with the body's CA key (daily, by
``ecabinet-server audit checkpoint``, and when a session closes). ``verify`` walks the chain,
names the first entry that was changed, removed or reordered, checks every checkpoint's
signature and that its head is still in the chain, so a tail cut off past the newest checkpoint
is caught without a head written down; a head written down can still be given. Entries
written before the key existed keep their unkeyed hashes, up to the switch point that the
first checkpoint (``adopt_key``) records. Request worker threads and the command line.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ecabinet.server import append_lock, audit_checkpoints
from ecabinet.server.models import AuditCheckpoint, AuditEntry, now
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.wire.record import AUDIT_ACTIONS

# Where a session finds the key its appends are keyed with (db.make_session_factory).
KEY_INFO = "audit_key"
_KEY_BYTES = 32


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


def _key(db: Session) -> bytes:
    key = db.info.get(KEY_INFO)
    if not isinstance(key, bytes) or not key:
        raise RuntimeError("this session has no audit key: make it with make_session_factory")
    return key


def _canonical(entry: AuditEntry) -> bytes:
    return json.dumps(
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
    ).encode()


def _unkeyed_hash(entry: AuditEntry) -> str:
    """How entries were hashed before the key: anyone could recompute it."""
    return hashlib.sha256(_canonical(entry)).hexdigest()


def _keyed_hash(entry: AuditEntry, key: bytes) -> str:
    # The canonical form holds prev_hash: the key covers the link to the entry before too.
    return hmac.new(key, _canonical(entry), hashlib.sha256).hexdigest()


def _hold_the_tail(db: Session) -> None:
    """Until this transaction ends, no other appender (thread, worker or server) may read the
    tail: two that both chained onto the same entry would fork the log.

    Locking the last row (SELECT ... FOR UPDATE) is not enough on PostgreSQL: a waiter is
    handed that same row once it is free, not the one added meanwhile. An advisory lock taken
    first makes the tail read after it see the newest entry. SQLite has one writer at a time,
    but a read outside a write transaction may be stale by the time it writes: a write
    statement first takes the write lock, so the read comes after every earlier append.
    """
    if db.get_bind().dialect.name == "sqlite":
        db.execute(text("UPDATE audit_log SET id = id WHERE 0"))
    else:
        append_lock.hold(db)  # the feed's lock too (append_lock.py)


def _last(db: Session) -> AuditEntry | None:
    return db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()


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
    key = _key(db)
    _hold_the_tail(db)
    last = _last(db)
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
    entry.hash = _keyed_hash(entry, key)
    return entry


def _keyed_from(db: Session) -> int | None:
    """The switch point the checkpoints carry; None before the first checkpoint."""
    first = db.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.id).limit(1)).first()
    return first.keyed_from if first else None


def checkpoint(db: Session, ca: CertificateAuthority) -> AuditCheckpoint | None:
    """Sign the head as it is in this transaction (None while the log is empty)."""
    _hold_the_tail(db)
    last = _last(db)
    if last is None:
        return None
    keyed_from = _keyed_from(db)
    row = audit_checkpoints.make(ca, last.id, last.hash, now(), keyed_from or 0)
    db.add(row)
    db.flush()
    return row


def adopt_key(db: Session, ca: Callable[[], CertificateAuthority]) -> None:
    """Just after the key was made, on a log that holds entries hashed before it and no
    checkpoint yet, sign the head as the switch point: entries up to it verify unkeyed, every
    later one keyed. Only then: a log later rebuilt unkeyed, its checkpoints deleted, is never
    blessed. ``ca`` is called only when there is something to sign."""
    _hold_the_tail(db)
    last = _last(db)
    if last is None or _keyed_from(db) is not None or last.hash == _keyed_hash(last, _key(db)):
        return
    db.add(audit_checkpoints.make(ca(), last.id, last.hash, now(), last.id + 1))
    db.flush()


# The service timer signs a checkpoint every day: none newer than this means it stopped, or
# that the newest entries were removed together with the checkpoints that pinned them.
CHECKPOINT_MAX_AGE = timedelta(hours=48)


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""
    head: str = ""  # "<id>:<hash>" of the last entry, to write down and check against later
    checkpoints: int = 0


def _bad_checkpoint(
    checkpoints: list[AuditCheckpoint], ca_certificate: x509.Certificate
) -> VerifyReport | None:
    keyed_from = checkpoints[0].keyed_from if checkpoints else 0
    for cp in checkpoints:
        if not audit_checkpoints.is_signed_by(cp, ca_certificate):
            reason = f"checkpoint {cp.id} is not signed by the body's CA (forged or changed)"
            return VerifyReport(False, 0, cp.seq, reason)
        if cp.keyed_from != keyed_from:
            reason = f"checkpoint {cp.id} moves the point where keyed hashes begin"
            return VerifyReport(False, 0, cp.seq, reason)
    return None


def _stale(db: Session, checkpoints: list[AuditCheckpoint], max_age: timedelta) -> bool:
    """Whether the log is older than ``max_age`` and no checkpoint is younger."""
    oldest = db.scalar(select(AuditEntry.at).order_by(AuditEntry.id).limit(1))
    cutoff = now() - max_age
    if oldest is None or oldest > cutoff:
        return False
    return not checkpoints or max(cp.at for cp in checkpoints) < cutoff


def verify(
    db: Session,
    ca_certificate: x509.Certificate,
    expected_head: str = "",
    max_checkpoint_age: timedelta | None = None,
) -> VerifyReport:
    """The chain and its checkpoints as they are. With ``max_checkpoint_age``, a log older
    than that with no checkpoint as young fails too (the command line gives two days)."""
    key = _key(db)
    checkpoints = list(db.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.seq)))
    bad = _bad_checkpoint(checkpoints, ca_certificate)
    if bad is not None:
        return bad
    if max_checkpoint_age is not None and _stale(db, checkpoints, max_checkpoint_age):
        hours = int(max_checkpoint_age.total_seconds() // 3600)
        reason = (
            f"no signed checkpoint in the last {hours} hours: the daily checkpoint is not "
            "running, or the newest entries were removed with their checkpoints"
        )
        return VerifyReport(False, 0, None, reason)
    keyed_from = checkpoints[0].keyed_from if checkpoints else 0
    pinned: dict[int, list[str]] = {}
    for cp in checkpoints:
        pinned.setdefault(cp.seq, []).append(cp.head)
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
        expected = _unkeyed_hash(entry) if entry.id < keyed_from else _keyed_hash(entry, key)
        if not hmac.compare_digest(expected, entry.hash):
            reason = "the entry was changed, or the chain rebuilt without the audit key"
            return VerifyReport(False, checked, entry.id, reason)
        if any(head != entry.hash for head in pinned.pop(entry.id, [])):
            reason = "it is not the head a signed checkpoint recorded"
            return VerifyReport(False, checked, entry.id, reason)
        if str(entry.id) == anchor_id:
            if entry.hash != anchor_hash:
                return VerifyReport(False, checked, entry.id, "it is not the head written down")
            anchor_seen = True
        prev_hash, prev_id = entry.hash, entry.id
        checked += 1
    if pinned:
        lost = min(pinned)
        reason = f"the entries up to the signed checkpoint at entry {lost} were removed"
        return VerifyReport(False, checked, lost, reason)
    if not anchor_seen:
        reason = "the entries from the head written down onwards were removed"
        return VerifyReport(False, checked, int(anchor_id) if anchor_id.isdigit() else None, reason)
    head = f"{prev_id}:{prev_hash}" if checked else ""
    return VerifyReport(True, checked, head=head, checkpoints=len(checkpoints))
