"""Signed checkpoints of the audit log's head: what the body's CA key signs and how a
signature is checked.

A checkpoint says "entry ``seq`` of the log had hash ``head`` at ``at``, and entries from
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
    """The bytes the CA signs: a fixed prefix keeps them from meaning anything else."""
    return f"ecabinet-audit-checkpoint/1 {seq} {head} {at.isoformat()} {keyed_from}".encode()


def make(
    ca: CertificateAuthority, seq: int, head: str, at: datetime, keyed_from: int
) -> AuditCheckpoint:
    signature = ca.sign(signed_text(seq, head, at, keyed_from))
    return AuditCheckpoint(
        seq=seq,
        head=head,
        at=at,
        keyed_from=keyed_from,
        signature=base64.b64encode(signature).decode(),
    )


def is_signed_by(checkpoint: AuditCheckpoint, ca_certificate: x509.Certificate) -> bool:
    public_key = ca_certificate.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        return False
    try:
        signature = base64.b64decode(checkpoint.signature, validate=True)
        public_key.verify(
            signature,
            signed_text(checkpoint.seq, checkpoint.head, checkpoint.at, checkpoint.keyed_from),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except (InvalidSignature, ValueError):
        return False
    return True
