"""Signed checkpoints of an audit chain's head: what the body's CA key signs and how a
signature is checked.

A checkpoint of a body's chain says "entry ``seq`` of the chain of body ``body_id`` had hash
``head`` at ``at``": positions and the body's id, never the database's row ids, so it still
holds once the body moved to another server. One of the legacy chain (before chains were per
body) says "entry ``seq`` of the log had hash ``head`` at ``at``, and entries from
``keyed_from`` on are keyed". Whoever can write the database but does not hold the CA key
cannot make one, so a chain rebuilt from scratch, or cut short past a checkpoint, no longer
agrees with the checkpoints. Written by ``audit.checkpoint``; request worker threads and the
command line.
"""

from __future__ import annotations

import base64
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from ecabinet.server.models import AuditCheckpoint
from ecabinet.signing.ca import CertificateAuthority


def signed_text(seq: int, head: str, at: datetime, keyed_from: int) -> bytes:
    """The bytes the CA signs for the legacy chain: a fixed prefix keeps them from meaning
    anything else."""
    return f"ecabinet-audit-checkpoint/1 {seq} {head} {at.isoformat()} {keyed_from}".encode()


def chain_text(body_id: str | None, seq: int, head: str, at: datetime) -> bytes:
    """The bytes the CA signs for a body's chain: the body is named, so a checkpoint of one
    chain never passes for another's."""
    return f"ecabinet-audit-checkpoint/2 {body_id or '-'} {seq} {head} {at.isoformat()}".encode()


def _text(checkpoint: AuditCheckpoint) -> bytes:
    if checkpoint.per_body:
        return chain_text(checkpoint.body_id, checkpoint.seq, checkpoint.head, checkpoint.at)
    return signed_text(checkpoint.seq, checkpoint.head, checkpoint.at, checkpoint.keyed_from)


def _signed(ca: CertificateAuthority, row: AuditCheckpoint) -> AuditCheckpoint:
    row.signature = base64.b64encode(ca.sign(_text(row))).decode()
    return row


def make(
    ca: CertificateAuthority, seq: int, head: str, at: datetime, keyed_from: int
) -> AuditCheckpoint:
    """A checkpoint of the legacy chain."""
    return _signed(ca, AuditCheckpoint(per_body=False, seq=seq, head=head, at=at,
                                       keyed_from=keyed_from))  # fmt: skip


def make_for_chain(
    ca: CertificateAuthority, body_id: str | None, seq: int, head: str, at: datetime
) -> AuditCheckpoint:
    """A checkpoint of the chain of ``body_id`` (None: the server's own acts) at position
    ``seq``."""
    row = AuditCheckpoint(per_body=True, body_id=body_id, seq=seq, head=head, at=at, keyed_from=0)
    return _signed(ca, row)


def is_signed_by(checkpoint: AuditCheckpoint, ca_certificate: x509.Certificate) -> bool:
    public_key = ca_certificate.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        return False
    try:
        signature = base64.b64decode(checkpoint.signature, validate=True)
        public_key.verify(
            signature,
            _text(checkpoint),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except (InvalidSignature, ValueError):
        return False
    return True
