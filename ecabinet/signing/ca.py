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
# Certificates are back-dated a little so a laptop whose clock runs slow can still use one.
CLOCK_SKEW = timedelta(minutes=5)


def _name_part(text: str) -> str:
    # X.520 caps these attributes at 64, counted by the library in UTF-8 bytes; a body's
    # Vietnamese name is longer. Cut on a character boundary.
    return text.encode()[:64].decode(errors="ignore")


def _self_signed(key: rsa.RSAPrivateKey, name: str) -> x509.Certificate:
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, _name_part(f"e-Cabinet CA - {name}")),
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


def _move_into_place(staging: Path, folder: Path) -> None:
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


@dataclass(frozen=True)
class CertificateAuthority:
    folder: Path
    certificate: x509.Certificate

    @property
    def pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode()

    @classmethod
    def create(cls, folder: Path, name: str) -> CertificateAuthority:
        """A new CA (RSA-3072, self-signed, ten years) in ``folder``, which must hold none."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=CA_KEY_BITS)
        cert = _self_signed(key, name)
        folder.parent.mkdir(parents=True, exist_ok=True)
        # mkdtemp makes the folder 0700; it sits beside the target so the rename stays on one
        # filesystem.
        staging = Path(tempfile.mkdtemp(prefix=".ca-", dir=folder.parent))
        try:
            fd = os.open(staging / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(
                    key.private_bytes(
                        serialization.Encoding.PEM,
                        serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption(),
                    )
                )
            (staging / CERT_FILE).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
            _move_into_place(staging, folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already when the rename worked
        return cls(folder, cert)

    @classmethod
    def load(cls, folder: Path) -> CertificateAuthority:
        """The CA kept in ``folder``; FileNotFoundError if there is none."""
        return cls(folder, x509.load_pem_x509_certificate((folder / CERT_FILE).read_bytes()))

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
        self, csr_pem: str, *, full_name: str, username: str, organisation: str, days: int = 730
    ) -> x509.Certificate:
        """A signing certificate for the key in ``csr_pem``; the subject is ours, not the CSR's.

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
                x509.NameAttribute(NameOID.COMMON_NAME, _name_part(full_name or username)),
                x509.NameAttribute(NameOID.USER_ID, _name_part(username)),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, _name_part(organisation)),
            ]
        )
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - CLOCK_SKEW)
            .not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,  # nonRepudiation: the member stands by the act
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                critical=False,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()),
                critical=False,
            )
            .sign(key, hashes.SHA256())
        )
