"""The server's side of signatures: each body's CA, device certificates, and checking members' acts.

Every body the server hosts has its own CA, made on first use, and its own time-stamping
authority beside it: the configured body's (``settings.body_code``) in ``settings.ca_dir`` as
it always was, any other's in ``settings.ca_dir / "bodies" / <code>``. A member's certificate
is issued by their body's CA and names that body; their signatures are trusted only by it
(and by a configured national CA). The audit log is the server's, one chain for all bodies:
its checkpoints are signed with the configured body's CA (:func:`server_ca`). Nothing is
cached: each call reads the CA's certificate from its folder (the key only to sign), so no
body's CA can be served for another's. Request worker threads, and the command line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from urllib.parse import quote

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.signing.ca import NAME_MAX_CHARS, CertificateAuthority, organisation_name
from ecabinet.signing.detached import registration_challenge, verify_detached
from ecabinet.signing.keys import certificate_from_pem, fingerprint
from ecabinet.signing.pades import check_signed_pdf
from ecabinet.signing.tsa import TimeStampAuthority

# The folder of the other bodies' CAs, inside the configured body's: a backup of ca_dir holds
# them all, and the per-body backup finds one body's at ca_dir/bodies/<code>.
BODIES_FOLDER = "bodies"
# What ``bodies create`` lets a code be; anything else never becomes a folder name.
_SAFE_CODE = re.compile(r"[a-z0-9][a-z0-9-]*")


def is_configured(settings: Settings, body: m.Body) -> bool:
    return body.code == settings.body_code


def body_ca_dir(settings: Settings, body: m.Body) -> Path:
    if is_configured(settings, body):
        return settings.ca_dir
    if not _SAFE_CODE.fullmatch(body.code):
        raise ValueError(f"the body code {body.code!r} cannot name a CA folder")
    return body_ca_folder(settings, body.code)


def _short_form(name: str, code: str) -> str:
    """The longest run of the name's first words that fits beside `` - <code>`` in X.520's
    64 characters: a body has no short name of its own, and a word is never cut."""
    room = NAME_MAX_CHARS - len(f" - {code}")
    short = ""
    for word in name.split():
        longer = f"{short} {word}" if short else word
        if len(longer) > room:
            break
        short = longer
    return short


def body_organisation(settings: Settings, body: m.Body) -> str:
    """The body's name as its certificates carry it; the configured body's from the settings
    (its CA was named so before bodies had CAs of their own)."""
    if is_configured(settings, body):
        return organisation_name(settings.body_name, settings.body_short_name, settings.body_code)
    return organisation_name(body.name, _short_form(body.name, body.code), body.code)


def server_ca(settings: Settings) -> CertificateAuthority:
    """The configured body's CA: the server's own key, which also signs the audit log's
    checkpoints. Made before any other body's CA, whose folder lies inside its own (a CA
    folder is only ever renamed into place where nothing is yet)."""
    name = organisation_name(settings.body_name, settings.body_short_name, settings.body_code)
    return CertificateAuthority.load_or_create(settings.ca_dir, name)


def body_ca(settings: Settings, body: m.Body) -> CertificateAuthority:
    """The CA of ``body``, made on first use."""
    own = server_ca(settings)
    if is_configured(settings, body):
        return own
    folder = body_ca_dir(settings, body)
    folder.parent.mkdir(mode=0o700, exist_ok=True)
    return CertificateAuthority.load_or_create(folder, body_organisation(settings, body))


def configured_body(db: Session, settings: Settings) -> m.Body:
    """The configured body; before the first user made its row, one with its settings."""
    body = db.scalar(select(m.Body).where(m.Body.code == settings.body_code))
    return body or m.Body(code=settings.body_code, name=settings.body_name)


def body_by_code(db: Session, settings: Settings, code: str) -> m.Body | None:
    if code == settings.body_code:
        return configured_body(db, settings)
    return db.scalar(select(m.Body).where(m.Body.code == code))


def body_by_id(db: Session, body_id: str) -> m.Body:
    body = db.get(m.Body, body_id)
    if body is None:
        raise LookupError(f"no body {body_id}")
    return body


def crl_url(settings: Settings, body: m.Body) -> str:
    """Where validators find the body CA's revocation list, named in the certificates it
    issues; "" when the server's public address is not set. The configured body's stays at
    /pki/crl, where the certificates it issued before name it."""
    if not settings.public_url:
        return ""
    base = f"{settings.public_url.rstrip('/')}/api/v1/pki/crl"
    return base if is_configured(settings, body) else f"{base}/{quote(body.code)}"


def body_tsa(settings: Settings, body: m.Body) -> TimeStampAuthority:
    """The body's time-stamping authority, certified by the body's CA: a body's records carry
    the time of its own authority, which validators of that body already trust."""
    return TimeStampAuthority.load_or_create(
        body_ca(settings, body), body_organisation(settings, body), crl_url(settings, body)
    )


def body_crl(db: Session, settings: Settings, body: m.Body) -> bytes:
    """The body CA's revocation list (DER): every certificate it issued that was revoked.
    Certificates of other CAs (registered by fingerprint, or another body's) are theirs to
    list. The configured body's CA issued, before each body had its own, to every body's
    members: its list looks at all of them."""
    query = (
        select(m.Certificate.pem, m.Certificate.serial, m.Certificate.revoked_at)
        .join(m.User, m.User.id == m.Certificate.user_id)
        .where(
            m.Certificate.revoked_at.is_not(None),
            m.Certificate.serial != m.Certificate.fingerprint,
        )
    )
    if not is_configured(settings, body):
        query = query.where(m.User.body_id == body.id)
    ca = body_ca(settings, body)
    key_id = _key_id(ca.certificate, x509.SubjectKeyIdentifier)
    return ca.crl(
        (int(serial), when.replace(tzinfo=when.tzinfo or UTC))
        for pem, serial, when in db.execute(query)
        if when is not None and _issued_by_key(certificate_from_pem(pem), key_id)
    )


def issue_for_device(
    db: Session, settings: Settings, user: m.User, device: m.Device, csr_pem: str
) -> m.Certificate:
    """Issue a certificate by the user's body's CA for the device's key; earlier ones of the
    device are revoked."""
    body = body_by_id(db, user.body_id)
    cert = body_ca(settings, body).issue(
        csr_pem,
        full_name=user.full_name,
        username=user.username,
        organisation=body_organisation(settings, body),
        crl_url=crl_url(settings, body),
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


def _key_id(cert: x509.Certificate, kind: type[x509.ExtensionType]) -> bytes | None:
    try:
        value = cert.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None
    key_id = getattr(value, "key_identifier", None) or getattr(value, "digest", None)
    return key_id if isinstance(key_id, bytes) else None


def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _issued_by_key(cert: x509.Certificate, ca_key_id: bytes | None) -> bool:
    """Named as issued by the CA whose key identifier is ``ca_key_id`` (its CRL's business):
    the identifier, not the name, as two bodies may bear the same name."""
    return ca_key_id is not None and _key_id(cert, x509.AuthorityKeyIdentifier) == ca_key_id


def active_certificates(
    db: Session, settings: Settings, body: m.Body, user_id: str
) -> list[x509.Certificate]:
    """The user's certificates in force that ``body`` trusts: those its own CA issued, and
    those of a national CA registered by one of its members (checked against its roots then).
    A certificate of another body's CA signs nothing of this one."""
    rows = db.execute(
        select(m.Certificate.pem, m.Certificate.serial, m.Certificate.fingerprint, m.User.body_id)
        .join(m.User, m.User.id == m.Certificate.user_id)
        .where(
            m.Certificate.user_id == user_id,
            m.Certificate.revoked_at.is_(None),
            m.Certificate.not_after > m.now(),
        )
    ).all()
    if not rows:
        return []
    ca = body_ca(settings, body).certificate
    trusted = []
    for pem, serial, print_, owner_body in rows:
        cert = certificate_from_pem(pem)
        external = serial == print_
        if (external and owner_body == body.id) or (not external and issued_by(cert, ca)):
            trusted.append(cert)
    return trusted


def member_signed(
    db: Session, settings: Settings, body: m.Body, user_id: str, data: bytes, signature: str
) -> bool:
    """Is ``signature`` the member's over ``data`` (a vote), by a certificate ``body`` trusts?"""
    return any(
        verify_detached(cert, data, signature)
        for cert in active_certificates(db, settings, body, user_id)
    )


def form_refusal(db: Session, settings: Settings, body: m.Body, user_id: str, form: bytes) -> str:
    """Why the signed PDF ``form`` (a reply form) is not the member's signature as ``body``
    trusts it; "" when it is: valid against the body's roots, by a certificate of the member
    in force."""
    check = check_signed_pdf(form, trust_roots(settings, body), revoked_fingerprints(db, user_id))
    if not check.valid:
        return f"The signed form is not valid: {check.reason}."
    own = {fingerprint(c) for c in active_certificates(db, settings, body, user_id)}
    if check.signer_fingerprint not in own:
        return "The form was signed by someone else."
    return ""


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


def trust_roots(settings: Settings, body: m.Body) -> list[x509.Certificate]:
    """The CAs whose certificates the body's members sign with: the body's own, and any
    configured national CA (ECABINET_TRUSTED_CA_FILES). Never another body's CA."""
    roots = [body_ca(settings, body).certificate]
    for path in settings.trusted_ca_files:
        roots.extend(x509.load_pem_x509_certificates(path.read_bytes()))
    return roots


class CertificateRefused(ValueError):
    pass


def _chains_to(
    leaf: x509.Certificate, chain: list[x509.Certificate], roots: list[x509.Certificate]
) -> bool:
    """Issued by a root, directly or through one of the intermediates given."""
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
    checking that it chains to a root the member's body trusts (never another body's CA)
    and that the member holds its key."""
    try:
        cert = certificate_from_pem(cert_pem)
        chain = [certificate_from_pem(p) for p in chain_pems]
    except ValueError:
        raise CertificateRefused("the certificate could not be read") from None
    if not _chains_to(cert, chain, trust_roots(settings, body_by_id(db, user.body_id))):
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
    return settings.ca_dir / BODIES_FOLDER / code


def chain_ca(settings: Settings) -> Callable[[m.Body | None], CertificateAuthority]:
    """The CA that signs the checkpoints of each body's audit chain: the body's own
    (``body_ca``; a body restored from another server brought it), the server's for its own
    acts (None). Each loaded once, on first use."""
    loaded: dict[str, CertificateAuthority] = {}

    def ca_of(body: m.Body | None) -> CertificateAuthority:
        key = body.id if body is not None else ""
        if key not in loaded:
            loaded[key] = server_ca(settings) if body is None else body_ca(settings, body)
        return loaded[key]

    return ca_of
