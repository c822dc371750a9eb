"""Checking the audit log: each body's chain on its own, the server's own chain, and the legacy
chain written before chains were per body.

A chain is walked in order of position; the first entry that was changed, removed or
reordered is named; every checkpoint of the chain must carry its body's CA signature and a
head that is still in the chain, so a tail cut off past the newest checkpoint is caught without
a head written down (one written down, ``<body code>:<position>:<hash>``, can still be given).
A body's chain needs nothing of another's: it verifies the same once moved to another server.
The legacy chain verifies as it did before, and must end where the switch point says, under a
signed checkpoint. Request worker threads and the command line.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import audit, audit_checkpoints
from ecabinet.server.models import AuditCheckpoint, AuditEntry, AuditSwitch, Body, now

# The service timer signs a checkpoint every day: none newer than this means it stopped, or
# that the newest entries were removed together with the checkpoints that pinned them.
CHECKPOINT_MAX_AGE = timedelta(hours=48)

# The names of the two chains that are no body's: in capitals, which no body's code holds.
SERVER_CHAIN = "SERVER"  # the server's own acts (no body)
LEGACY_CHAIN = "LEGACY"  # the one chain of entries written before chains were per body

_CHANGED = "the entry was changed, or the chain rebuilt without the audit key"
_MOVED = "an entry before it was removed or reordered"

# The CA certificate that checks a chain's checkpoints (None: the server's own chain).
CertFor = Callable[[Body | None], x509.Certificate]


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None  # the row id of the first bad entry, when there is one
    reason: str = ""
    head: str = ""  # "<chain>:<position>:<hash>" of the last entry, to write down and check
    checkpoints: int = 0
    chain: str = ""  # the body's code, SERVER_CHAIN or LEGACY_CHAIN


def chain_name(body: Body | None) -> str:
    return body.code if body is not None else SERVER_CHAIN


def _bad_signature(
    checkpoints: list[AuditCheckpoint], ca_certificate: x509.Certificate, chain: str
) -> VerifyReport | None:
    for cp in checkpoints:
        if not audit_checkpoints.is_signed_by(cp, ca_certificate):
            reason = f"checkpoint {cp.id} is not signed by the body's CA (forged or changed)"
            return VerifyReport(False, 0, None, reason, chain=chain)
    return None


def _stale(oldest: datetime | None, checkpoints: list[AuditCheckpoint], max_age: timedelta) -> bool:
    """Whether the chain is older than ``max_age`` and no checkpoint is younger."""
    cutoff = now() - max_age
    if oldest is None or oldest > cutoff:
        return False
    return not checkpoints or max(cp.at for cp in checkpoints) < cutoff


def _stale_report(max_age: timedelta, chain: str) -> VerifyReport:
    hours = int(max_age.total_seconds() // 3600)
    reason = (
        f"no signed checkpoint in the last {hours} hours: the daily checkpoint is not "
        "running, or the newest entries were removed with their checkpoints"
    )
    return VerifyReport(False, 0, None, reason, chain=chain)


def verify_chain(
    db: Session,
    body: Body | None,
    ca_certificate: x509.Certificate,
    expected_head: str = "",
    max_checkpoint_age: timedelta | None = None,
) -> VerifyReport:
    """The chain of ``body`` (None: the server's own acts) and its checkpoints as they are.
    With ``max_checkpoint_age``, a chain older than that with no checkpoint as young fails
    too (the command line gives two days)."""
    chain = chain_name(body)
    body_id = body.id if body is not None else None
    key = audit.chain_key(db, body_id)
    same = (
        AuditCheckpoint.body_id.is_(None) if body_id is None else AuditCheckpoint.body_id == body_id
    )
    checkpoints = list(
        db.scalars(
            select(AuditCheckpoint)
            .where(AuditCheckpoint.per_body.is_(True), same)
            .order_by(AuditCheckpoint.seq, AuditCheckpoint.id)
        )
    )
    bad = _bad_signature(checkpoints, ca_certificate, chain)
    if bad is not None:
        return bad
    entries = select(AuditEntry).where(audit.of_chain(body_id))
    if max_checkpoint_age is not None:
        oldest = db.scalar(entries.with_only_columns(AuditEntry.at).order_by(AuditEntry.position))
        if _stale(oldest, checkpoints, max_checkpoint_age):
            return _stale_report(max_checkpoint_age, chain)
    pinned: dict[int, list[str]] = {}
    for cp in checkpoints:
        pinned.setdefault(cp.seq, []).append(cp.head)
    _anchor_chain, _, anchor = expected_head.partition(":")
    anchor_position, _, anchor_hash = anchor.partition(":")
    anchor_seen = not expected_head
    prev_hash, prev_id, position = "", 0, 0

    def broken(entry: AuditEntry, reason: str) -> VerifyReport:
        return VerifyReport(False, position, entry.id, reason, chain=chain)

    for entry in db.scalars(entries.order_by(AuditEntry.position)).yield_per(1000):
        # Row ids grow with positions (both are drawn under the tail lock; rows moved to
        # another server must be renumbered in that order): the record, paged by id, keeps
        # the chain's order.
        if entry.position != position + 1 or entry.prev_hash != prev_hash or entry.id <= prev_id:
            return broken(entry, _MOVED)
        if not hmac.compare_digest(audit.keyed_hash(entry, key), entry.hash):
            return broken(entry, _CHANGED)
        if any(head != entry.hash for head in pinned.pop(entry.position, [])):
            return broken(entry, "it is not the head a signed checkpoint recorded")
        if str(entry.position) == anchor_position:
            if entry.hash != anchor_hash:
                return broken(entry, "it is not the head written down")
            anchor_seen = True
        prev_hash, prev_id, position = entry.hash, entry.id, entry.position
    if pinned:
        lost = min(pinned)
        reason = f"the entries up to the signed checkpoint at entry {lost} were removed"
        return VerifyReport(False, position, None, reason, chain=chain)
    if not anchor_seen:
        reason = "the entries from the head written down onwards were removed"
        return VerifyReport(False, position, None, reason, chain=chain)
    head = f"{chain}:{position}:{prev_hash}" if position else ""
    return VerifyReport(True, position, head=head, checkpoints=len(checkpoints), chain=chain)


def _legacy_entries(db: Session) -> Iterable[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.position.is_(None)).order_by(AuditEntry.id)
    return db.scalars(query).yield_per(1000)


def verify_legacy(
    db: Session, ca_certificate: x509.Certificate, expected_head: str = ""
) -> VerifyReport:
    """The chain written before chains were per body, as it was verified then: hashed over
    row ids, unkeyed before ``keyed_from``, pinned by its checkpoints; and it must end at the
    switch point, which a checkpoint signs (``audit.seal_legacy``). It no longer grows, so it
    needs no daily checkpoint. A head written down then (``<id>:<hash>``) is checked too."""
    key = audit.session_key(db)
    checkpoints = audit.legacy_checkpoints(db)
    bad = _bad_signature(checkpoints, ca_certificate, LEGACY_CHAIN)
    if bad is not None:
        return bad
    keyed_from = checkpoints[0].keyed_from if checkpoints else 0
    for cp in checkpoints:
        if cp.keyed_from != keyed_from:
            reason = f"checkpoint {cp.id} moves the point where keyed hashes begin"
            return VerifyReport(False, 0, None, reason, chain=LEGACY_CHAIN)
    switch = db.get(AuditSwitch, 1)
    last_id, last_hash = (switch.legacy_last_id, switch.legacy_head) if switch else (0, "")
    pinned: dict[int, list[str]] = {}
    for cp in checkpoints:
        pinned.setdefault(cp.seq, []).append(cp.head)
    if last_id and last_id not in pinned:
        reason = "the end of the chain before the switch to chains per body is not signed"
        return VerifyReport(False, 0, None, reason, chain=LEGACY_CHAIN)
    anchor_id, _, anchor_hash = expected_head.removeprefix(f"{LEGACY_CHAIN}:").partition(":")
    anchor_seen = not expected_head
    prev_hash, prev_id, checked = "", 0, 0

    def broken(entry: AuditEntry, reason: str) -> VerifyReport:
        return VerifyReport(False, checked, entry.id, reason, chain=LEGACY_CHAIN)

    for entry in _legacy_entries(db):
        if entry.id > last_id:
            return broken(entry, "an entry written after the switch has no place in a chain")
        if entry.prev_hash != prev_hash:
            return broken(entry, _MOVED)
        unkeyed = entry.id < keyed_from
        expected = audit.unkeyed_hash(entry) if unkeyed else audit.keyed_hash(entry, key)
        if not hmac.compare_digest(expected, entry.hash):
            return broken(entry, _CHANGED)
        if any(head != entry.hash for head in pinned.pop(entry.id, [])):
            return broken(entry, "it is not the head a signed checkpoint recorded")
        if str(entry.id) == anchor_id:
            if entry.hash != anchor_hash:
                return broken(entry, "it is not the head written down")
            anchor_seen = True
        prev_hash, prev_id, checked = entry.hash, entry.id, checked + 1
    if pinned:
        lost = min(pinned)
        reason = f"the entries up to the signed checkpoint at entry {lost} were removed"
        return VerifyReport(False, checked, lost, reason, chain=LEGACY_CHAIN)
    if (prev_id, prev_hash) != (last_id, last_hash):
        reason = "it does not end at the switch point the migration recorded"
        return VerifyReport(False, checked, None, reason, chain=LEGACY_CHAIN)
    if not anchor_seen:
        reason = "the entries from the head written down onwards were removed"
        return VerifyReport(False, checked, None, reason, chain=LEGACY_CHAIN)
    head = f"{LEGACY_CHAIN}:{prev_id}:{prev_hash}" if checked else ""
    return VerifyReport(True, checked, head=head, checkpoints=len(checkpoints), chain=LEGACY_CHAIN)


def has_legacy(db: Session) -> bool:
    """Whether there is a legacy chain to verify: its entries, its switch point or its
    checkpoints (a forged one among them is caught too)."""
    switch = db.get(AuditSwitch, 1)
    legacy = db.scalar(select(AuditEntry.id).where(AuditEntry.position.is_(None)).limit(1))
    return (
        legacy is not None
        or (switch is not None and switch.legacy_last_id > 0)
        or bool(audit.legacy_checkpoints(db))
    )


def verify_all(
    db: Session,
    cert_for: CertFor,
    heads: Iterable[str] = (),
    max_checkpoint_age: timedelta | None = None,
) -> list[VerifyReport]:
    """Every chain, one report each: the legacy one (if the server has one), each body's, the
    server's own (if it has entries). ``heads`` written down name their chain; one written
    down before chains were per body (``<id>:<hash>``) is of the legacy chain."""
    by_chain = {
        LEGACY_CHAIN if head.partition(":")[0].isdigit() else head.partition(":")[0]: head
        for head in heads
    }
    reports = []
    if has_legacy(db) or LEGACY_CHAIN in by_chain:
        reports.append(verify_legacy(db, cert_for(None), by_chain.pop(LEGACY_CHAIN, "")))
    for body in audit.chains(db):
        head = by_chain.pop(chain_name(body), "")
        reports.append(verify_chain(db, body, cert_for(body), head, max_checkpoint_age))
    for chain in by_chain:  # a head of a chain that is no longer there at all
        reason = "the entries from the head written down onwards were removed"
        reports.append(VerifyReport(False, 0, None, reason, chain=chain))
    return reports


def verify(
    db: Session,
    ca_certificate: x509.Certificate,
    expected_head: str = "",
    max_checkpoint_age: timedelta | None = None,
) -> VerifyReport:
    """Every chain against one CA (a server whose bodies share it): the first broken one's
    report, or one that sums them up."""
    heads = [expected_head] if expected_head else []
    reports = verify_all(db, lambda _body: ca_certificate, heads, max_checkpoint_age)
    for report in reports:
        if not report.ok:
            return report
    heads = [r.head for r in reports if r.head]
    return VerifyReport(
        True,
        sum(r.checked for r in reports),
        head=heads[0] if len(heads) == 1 else "",
        checkpoints=sum(r.checkpoints for r in reports),
    )
