"""The server's side of signatures: its CA, device certificates, and checking members' acts."""

from __future__ import annotations

from datetime import UTC

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import certificate_from_pem, fingerprint


def body_ca(settings: Settings) -> CertificateAuthority:
    return CertificateAuthority.load_or_create(settings.ca_dir, settings.body_name)


def issue_for_device(
    db: Session, settings: Settings, user: m.User, device: m.Device, csr_pem: str
) -> m.Certificate:
    """Issue a certificate for the device's key; earlier ones of the device are revoked."""
    cert = body_ca(settings).issue(
        csr_pem, full_name=user.full_name, username=user.username, organisation=settings.body_name
    )
    for old in db.scalars(
        select(m.Certificate).where(
            m.Certificate.device_id == device.id, m.Certificate.revoked_at.is_(None)
        )
    ):
        old.revoked_at = m.now()
    row = m.Certificate(
        serial=str(cert.serial_number),
        user_id=user.id,
        device_id=device.id,
        pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
        fingerprint=fingerprint(cert),
        not_after=cert.not_valid_after_utc.astimezone(UTC),
    )
    db.add(row)
    db.flush()
    return row


def active_certificates(db: Session, user_id: str) -> list[x509.Certificate]:
    rows = db.scalars(
        select(m.Certificate).where(
            m.Certificate.user_id == user_id,
            m.Certificate.revoked_at.is_(None),
            m.Certificate.not_after > m.now(),
        )
    )
    return [certificate_from_pem(r.pem) for r in rows]


def revoked_serials(db: Session) -> set[int]:
    return {
        int(s)
        for s in db.scalars(
            select(m.Certificate.serial).where(m.Certificate.revoked_at.is_not(None))
        )
    }


def revoke_device_certificates(db: Session, device_id: str) -> None:
    for cert in db.scalars(
        select(m.Certificate).where(
            m.Certificate.device_id == device_id, m.Certificate.revoked_at.is_(None)
        )
    ):
        cert.revoked_at = m.now()
