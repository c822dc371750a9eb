"""The server's side of signatures: its CA, device certificates, and checking members' acts.

The body's CA lives in ``settings.ca_dir`` and is made on first use, and its time-stamping
authority beside it. Request worker threads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.signing.ca import CertificateAuthority, organisation_name
from ecabinet.signing.detached import registration_challenge, verify_detached
from ecabinet.signing.keys import certificate_from_pem, fingerprint
from ecabinet.signing.tsa import TimeStampAuthority


def body_organisation(settings: Settings) -> str:
    return organisation_name(settings.body_name, settings.body_short_name, settings.body_code)


def body_ca(settings: Settings) -> CertificateAuthority:
    return CertificateAuthority.load_or_create(settings.ca_dir, body_organisation(settings))


def crl_url(settings: Settings) -> str:
    """Where validators find the body CA's revocation list, named in the certificates it
    issues; "" when the server's public address is not set."""
    return f"{settings.public_url.rstrip('/')}/api/v1/pki/crl" if settings.public_url else ""


def body_tsa(settings: Settings) -> TimeStampAuthority:
    return TimeStampAuthority.load_or_create(
        body_ca(settings), body_organisation(settings), crl_url(settings)
    )


def body_crl(db: Session, settings: Settings) -> bytes:
    """The body CA's revocation list (DER): every certificate it issued that was revoked.
    Certificates of other CAs (registered by fingerprint) are theirs to list."""
    rows = db.execute(
        select(m.Certificate.serial, m.Certificate.revoked_at).where(
            m.Certificate.revoked_at.is_not(None),
            m.Certificate.serial != m.Certificate.fingerprint,
        )
    )
    return body_ca(settings).crl(
        (int(serial), when.replace(tzinfo=when.tzinfo or UTC))
        for serial, when in rows
        if when is not None
    )


def issue_for_device(
    db: Session, settings: Settings, user: m.User, device: m.Device, csr_pem: str
) -> m.Certificate:
    """Issue a certificate for the device's key; earlier ones of the device are revoked."""
    cert = body_ca(settings).issue(
        csr_pem,
        full_name=user.full_name,
        username=user.username,
        organisation=body_organisation(settings),
        crl_url=crl_url(settings),
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


def revoked_fingerprints(db: Session, user_id: str) -> set[str]:
    """The user's revoked certificates: only theirs matter, as a member signs only as
    themself (and the list of every member's old certificates only grows)."""
    return set(
        db.scalars(
            select(m.Certificate.fingerprint).where(
                m.Certificate.user_id == user_id, m.Certificate.revoked_at.is_not(None)
            )
        )
    )


def trust_roots(settings: Settings) -> list[x509.Certificate]:
    """The CAs whose certificates members sign with: the body's own, and any configured
    national CA (ECABINET_TRUSTED_CA_FILES)."""
    roots = [body_ca(settings).certificate]
    for path in settings.trusted_ca_files:
        roots.extend(x509.load_pem_x509_certificates(path.read_bytes()))
    return roots


class CertificateRefused(ValueError):
    pass


def _chains_to(
    leaf: x509.Certificate, chain: list[x509.Certificate], roots: list[x509.Certificate]
) -> bool:
    """Issued by a root, directly or through one of the intermediates given."""

    def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
        try:
            cert.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature):
            return False
        return True

    if any(issued_by(leaf, root) for root in roots):
        return True
    return any(
        issued_by(leaf, mid) and any(issued_by(mid, root) for root in roots) for mid in chain
    )


def register_external(
    db: Session,
    settings: Settings,
    user: m.User,
    device: m.Device,
    cert_pem: str,
    chain_pems: list[str],
    proof: str,
) -> m.Certificate:
    """Record a member's certificate from another CA (a PKCS#12 of the national CA) after
    checking that it chains to a trusted root and that the member holds its key."""
    try:
        cert = certificate_from_pem(cert_pem)
        chain = [certificate_from_pem(p) for p in chain_pems]
    except ValueError:
        raise CertificateRefused("the certificate could not be read") from None
    if not _chains_to(cert, chain, trust_roots(settings)):
        raise CertificateRefused("the certificate is not issued by a trusted authority")
    moment = m.now()
    if not cert.not_valid_before_utc <= moment <= cert.not_valid_after_utc:
        raise CertificateRefused("the certificate is not valid today")
    if not verify_detached(cert, registration_challenge(user.id, device.id), proof):
        raise CertificateRefused("the proof of holding the key is wrong")
    print_ = fingerprint(cert)
    row = db.get(m.Certificate, print_)
    if row is None:
        # Serial numbers are unique only within one CA: external ones are keyed by fingerprint.
        row = m.Certificate(
            serial=print_,
            user_id=user.id,
            device_id=device.id,
            pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
            fingerprint=print_,
            not_after=cert.not_valid_after_utc,
        )
        db.add(row)
    elif row.user_id != user.id:
        raise CertificateRefused("the certificate is registered to someone else")
    db.flush()
    return row


def revoke_device_certificates(db: Session, device_id: str) -> None:
    for cert in db.scalars(
        select(m.Certificate).where(
            m.Certificate.device_id == device_id, m.Certificate.revoked_at.is_(None)
        )
    ):
        cert.revoked_at = m.now()


def body_ca_folder(settings: Settings, code: str) -> Path:
    """Where a body other than the configured one keeps its own CA."""
    return settings.ca_dir / "bodies" / code


def chain_ca(settings: Settings) -> Callable[[m.Body | None], CertificateAuthority]:
    """The CA that signs the checkpoints of each body's audit chain: its own, in
    ``body_ca_folder``, when it has one (a body restored from another server brings it);
    otherwise the server's (the configured body's; None: the server's own acts). Each loaded
    once, on first use."""
    loaded: dict[Path, CertificateAuthority] = {}

    def ca_of(body: m.Body | None) -> CertificateAuthority:
        folder = body_ca_folder(settings, body.code) if body is not None else None
        if folder is None or not folder.is_dir():
            folder = settings.ca_dir
        if folder not in loaded:
            if folder == settings.ca_dir:
                loaded[folder] = body_ca(settings)
            else:
                assert body is not None
                name = organisation_name(body.name, "", body.code)
                loaded[folder] = CertificateAuthority.load_or_create(folder, name)
        return loaded[folder]

    return ca_of
