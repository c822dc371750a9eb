"""A device's signing certificates: issued for the device's key by the CA of the user's body,
or a national CA's certificate registered with proof of its key, and the caller's list. The
certificate work itself is ``ecabinet.server.pki``; these add the refusals as the API answers
them and the audit entry. The caller commits. Request worker threads.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import audit
from ecabinet.server.core.config import Settings
from ecabinet.server.errors import ApiError
from ecabinet.server.models import Certificate
from ecabinet.server.pki import CertificateRefused, issue_for_device, register_external
from ecabinet.server.services.actor import AuthContext


def issue(db: Session, settings: Settings, auth: AuthContext, csr_pem: str) -> Certificate:
    """Certify the caller's device key; the device's earlier certificates are revoked."""
    try:
        row = issue_for_device(db, settings, auth.user, auth.device, csr_pem)
    except ValueError as error:
        raise ApiError(422, "bad_csr", f"The certificate request was refused: {error}.") from None
    audit.record(
        db,
        "pki.issue",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="certificate",
        object_id=row.serial[:36],
        detail={"device_id": auth.device.id, "serial": row.serial},
    )
    return row


def register(
    db: Session,
    settings: Settings,
    auth: AuthContext,
    certificate_pem: str,
    chain_pem: Sequence[str],
    proof: str,
) -> Certificate:
    """Register a certificate of a trusted national CA whose key signed the challenge."""
    try:
        row = register_external(
            db, settings, auth.user, auth.device, certificate_pem, list(chain_pem), proof
        )
    except CertificateRefused as error:
        raise ApiError(
            422, "untrusted_certificate", f"The certificate was refused: {error}."
        ) from None
    audit.record(
        db,
        "pki.import",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="certificate",
        object_id=row.fingerprint[:36],
        detail={"fingerprint": row.fingerprint, "device_id": auth.device.id},
    )
    return row


def certificates_of(db: Session, user_id: str) -> list[Certificate]:
    """The user's certificates, oldest first, revoked ones too."""
    return list(
        db.scalars(
            select(Certificate)
            .where(Certificate.user_id == user_id)
            .order_by(Certificate.issued_at, Certificate.serial)
        )
    )
