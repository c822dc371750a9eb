"""The body's certificate authority: issues each device's signing certificate.

A deployment may use the government PKI instead; this CA lets a server run on its own (and the
demo) with signatures that any validator checks against ``ca.pem``. The CA lives in one folder:
``ca.pem`` (public) and ``ca.key.pem`` (the private key, readable by its owner only). The key is
read from disk only to issue a certificate, so serving ``ca.pem`` or checking a signature costs
no private-key work. Pure core; any thread, and safe when several server processes start at once.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_KEY_BITS = 3072
CA_VALID_DAYS = 3650
KEY_FILE = "ca.key.pem"
CERT_FILE = "ca.pem"
# Members' keys: the national CA issues RSA-2048; larger keys than 4096 bits only make
# every later signature check slower, which a hostile client could use against the server.
MIN_MEMBER_KEY_BITS = 2048
MAX_MEMBER_KEY_BITS = 4096
# A CRL says when the next one is due; a validator holding an older one than that may still
# rely on it, so a laptop that fetched one before signing offline has a week's grace.
CRL_VALID_DAYS = 7
# Certificates are back-dated a little so a laptop whose clock runs slow can still use one.
CLOCK_SKEW = timedelta(minutes=5)
# What a member's and the time-stamping authority's keys may do: sign, and stand by what they
# signed (nonRepudiation); nothing else.
SIGNING_ONLY = x509.KeyUsage(
    digital_signature=True,
    content_commitment=True,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=False,
    crl_sign=False,
    encipher_only=False,
    decipher_only=False,
)


# X.520's upper bound for a common or organisation name (ub-common-name,
# ub-organization-name): 64 characters, not bytes; a Vietnamese name of 59 letters takes 78
# bytes in UTF-8 and still fits.
NAME_MAX_CHARS = 64


def _name_part(text: str) -> str:
    return text[:NAME_MAX_CHARS]


def _common_name(text: str) -> str:
    # The cryptography library refuses a common name over 64 bytes of UTF-8 (stricter than
    # the standard's 64 characters): cut on a character boundary. People's names fit.
    return text.encode()[:NAME_MAX_CHARS].decode(errors="ignore")


def organisation_name(name: str, short_name: str = "", code: str = "") -> str:
    """The body's name as certificates carry it: in full when the standard allows it, else
    its short name with its identification code ("VPCP - 000.00.00.G01"), never a name cut
    in the middle of a word."""
    if len(name) <= NAME_MAX_CHARS:
        return name
    short = " - ".join(part for part in (short_name.strip(), code.strip()) if part)
    return _name_part(short or name)


def _self_signed(key: rsa.RSAPrivateKey, name: str) -> x509.Certificate:
    common = f"e-Cabinet CA - {name}"
    subject = x509.Name(
        [
            x509.NameAttribute(
                NameOID.COMMON_NAME, common if _common_name(common) == common else "e-Cabinet CA"
            ),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, _name_part(name)),
        ]
    )
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + timedelta(days=CA_VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )


def move_into_place(staging: Path, folder: Path) -> None:
    """Rename the finished staging folder to ``folder``; FileExistsError if a CA got there first.

    A directory rename is atomic, so a reader never sees a key without its certificate, and two
    processes creating the CA at once cannot end up with one's key beside the other's cert."""
    try:
        folder.rmdir()  # an empty folder left by an operator; Windows cannot rename onto it
    except FileNotFoundError:
        pass
    except OSError:
        raise FileExistsError(f"{folder} already holds files") from None
    try:
        staging.rename(folder)
    except OSError as error:
        if error.errno in (errno.EEXIST, errno.ENOTEMPTY):
            raise FileExistsError(f"{folder} already holds a CA") from None
        raise


def write_key_pair(
    folder: Path,
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    names: tuple[str, str] = (KEY_FILE, CERT_FILE),
) -> None:
    """``folder`` made whole with ``key`` (0600) and ``cert`` under ``names`` (key file,
    certificate file), or not at all: written in a
    staging folder beside it (mkdtemp makes it 0700, and beside it the rename stays on one
    filesystem), then renamed into place; FileExistsError if ``folder`` holds one already."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        key_file, cert_file = names
        fd = os.open(staging / key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
        (staging / cert_file).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        move_into_place(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when the rename worked


# Each vote's signature is checked against its body's CA: the certificate is read and parsed
# once per process, and again only if the file is replaced (a body restored in its place).
_LOADED: dict[Path, tuple[tuple[int, int, int], x509.Certificate]] = {}


def _certificate_in(path: Path) -> x509.Certificate:
    stat = path.stat()  # FileNotFoundError: no CA there yet
    version = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    known = _LOADED.get(path)
    if known is not None and known[0] == version:
        return known[1]
    certificate = x509.load_pem_x509_certificate(path.read_bytes())
    _LOADED[path] = (version, certificate)
    return certificate


@dataclass(frozen=True)
class CertificateAuthority:
    folder: Path
    certificate: x509.Certificate

    @property
    def pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode()

    @classmethod
    def create(cls, folder: Path, name: str) -> CertificateAuthority:
        """A new CA (RSA-3072, self-signed, ten years) in ``folder``, which must hold none;
        ``name`` is the body's name as :func:`organisation_name` gives it."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=CA_KEY_BITS)
        cert = _self_signed(key, name)
        write_key_pair(folder, key, cert)
        return cls(folder, cert)

    @classmethod
    def load(cls, folder: Path) -> CertificateAuthority:
        """The CA kept in ``folder``; FileNotFoundError if there is none."""
        return cls(folder, _certificate_in(folder / CERT_FILE))

    @classmethod
    def load_or_create(cls, folder: Path, name: str) -> CertificateAuthority:
        """The CA in ``folder``, made on first use."""
        try:
            return cls.load(folder)
        except FileNotFoundError:
            pass
        try:
            return cls.create(folder, name)
        except FileExistsError:
            return cls.load(folder)  # another process created it meanwhile

    def _private_key(self) -> rsa.RSAPrivateKey:
        key = serialization.load_pem_private_key((self.folder / KEY_FILE).read_bytes(), None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"{self.folder / KEY_FILE} does not hold an RSA key")
        return key

    def sign(self, data: bytes) -> bytes:
        """The CA key's RSA PKCS#1 v1.5 signature of ``data`` over SHA-256 (the audit log's
        checkpoints); checked with the CA certificate's public key."""
        return self._private_key().sign(data, padding.PKCS1v15(), hashes.SHA256())

    def issue(
        self,
        csr_pem: str,
        *,
        full_name: str,
        username: str,
        organisation: str,
        days: int = 730,
        crl_url: str = "",
    ) -> x509.Certificate:
        """A signing certificate for the key in ``csr_pem``; the subject is ours, not the CSR's.
        With ``crl_url`` it names where this CA's revocation list is published.

        ValueError (with a reason a member can read) when the request is not one we sign."""
        try:
            csr = x509.load_pem_x509_csr(csr_pem.encode())
        except ValueError:
            raise ValueError("not a certificate request") from None
        if not csr.is_signature_valid:
            raise ValueError("the certificate request's signature is wrong")
        public_key = csr.public_key()
        if (
            not isinstance(public_key, rsa.RSAPublicKey)
            or not MIN_MEMBER_KEY_BITS <= public_key.key_size <= MAX_MEMBER_KEY_BITS
        ):
            raise ValueError(
                f"the key must be RSA of {MIN_MEMBER_KEY_BITS} to {MAX_MEMBER_KEY_BITS} bits"
            )
        key = self._private_key()
        now = datetime.now(UTC)
        # A leaf outliving its CA would fail validation anyway; say so in the certificate.
        not_after = min(now + timedelta(days=days), self.certificate.not_valid_after_utc)
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, _common_name(full_name or username)),
                x509.NameAttribute(NameOID.USER_ID, _name_part(username)),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, _name_part(organisation)),
            ]
        )
        usage = x509.ExtendedKeyUsage(
            [ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH]
        )
        valid = (now, not_after)
        return self._sign_end_entity(key, subject, public_key, valid, usage, False, crl_url)

    def issue_timestamping(
        self, public_key: rsa.RSAPublicKey, name: str, crl_url: str = ""
    ) -> x509.Certificate:
        """The certificate of the body's time-stamping authority (RFC 3161 section 2.3: the
        extended key usage timeStamping only, marked critical). It lives as long as the CA."""
        key = self._private_key()
        now = datetime.now(UTC)
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, "e-Cabinet TSA"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, _name_part(name)),
            ]
        )
        usage = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING])
        valid = (now, self.certificate.not_valid_after_utc)
        return self._sign_end_entity(key, subject, public_key, valid, usage, True, crl_url)

    def _sign_end_entity(
        self,
        key: rsa.RSAPrivateKey,
        subject: x509.Name,
        public_key: rsa.RSAPublicKey,
        valid: tuple[datetime, datetime],
        usage: x509.ExtendedKeyUsage,
        usage_critical: bool,
        crl_url: str,
    ) -> x509.Certificate:
        """A certificate this CA signs for a key that only signs, valid from ``valid[0]``
        (back-dated by the clock skew) to ``valid[1]``, for ``usage``; naming ``crl_url`` as
        its CRL distribution point (RFC 5280 4.2.1.13) unless that is empty."""
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(valid[0] - CLOCK_SKEW)
            .not_valid_after(valid[1])
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(SIGNING_ONLY, critical=True)
            .add_extension(usage, critical=usage_critical)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()),
                critical=False,
            )
        )
        if crl_url:
            point = x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(crl_url)],
                relative_name=None,
                reasons=None,
                crl_issuer=None,
            )
            builder = builder.add_extension(x509.CRLDistributionPoints([point]), critical=False)
        return builder.sign(key, hashes.SHA256())

    def crl(self, revoked: Iterable[tuple[int, datetime]]) -> bytes:
        """A DER certificate revocation list of ``revoked`` (serial number, when), signed by
        the CA and due again in :data:`CRL_VALID_DAYS`; it goes into signed PDFs (PAdES B-LT)
        so a reader in ten years can tell the signer's certificate was good when it signed."""
        key = self._private_key()
        now = datetime.now(UTC)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.certificate.subject)
            .last_update(now - CLOCK_SKEW)
            .next_update(now + timedelta(days=CRL_VALID_DAYS))
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()),
                critical=False,
            )
            # A CRL number must grow with each issue: the clock does, to the microsecond.
            .add_extension(x509.CRLNumber(int(now.timestamp() * 1_000_000)), critical=False)
        )
        for serial, when in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
            )
        crl = builder.sign(key, hashes.SHA256())
        return crl.public_bytes(serialization.Encoding.DER)
