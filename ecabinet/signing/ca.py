"""The body's certificate authority: issues each device's signing certificate.

A deployment may use the government PKI instead; this CA lets a server run on its own (and the
demo) with signatures that any validator checks against ``ca.pem``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_KEY_BITS = 3072


def _name_part(text: str) -> str:
    # X.520 caps these attributes at 64, counted by the library in UTF-8 bytes; a body's
    # Vietnamese name is longer. Cut on a character boundary.
    return text.encode()[:64].decode(errors="ignore")


@dataclass(frozen=True)
class CertificateAuthority:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    @property
    def pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode()

    @classmethod
    def load_or_create(cls, folder: Path, name: str) -> CertificateAuthority:
        key_file, cert_file = folder / "ca.key.pem", folder / "ca.pem"
        if key_file.exists() and cert_file.exists():
            key = serialization.load_pem_private_key(key_file.read_bytes(), None)
            assert isinstance(key, rsa.RSAPrivateKey)
            return cls(key, x509.load_pem_x509_certificate(cert_file.read_bytes()))
        folder.mkdir(parents=True, exist_ok=True)
        key = rsa.generate_private_key(public_exponent=65537, key_size=CA_KEY_BITS)
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, _name_part(f"e-Cabinet CA - {name}")),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, _name_part(name)),
            ]
        )
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
            .sign(key, hashes.SHA256())
        )
        # The key file is written readable by the server's user only.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return cls(key, cert)

    def issue(
        self, csr_pem: str, *, full_name: str, username: str, organisation: str, days: int = 730
    ) -> x509.Certificate:
        """A signing certificate for the key in ``csr_pem``; the subject is ours, not the CSR's."""
        try:
            csr = x509.load_pem_x509_csr(csr_pem.encode())
        except ValueError as error:
            raise ValueError("not a certificate request") from error
        if not csr.is_signature_valid:
            raise ValueError("the certificate request's signature is wrong")
        public_key = csr.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey) or public_key.key_size < 2048:
            raise ValueError("the key must be RSA of at least 2048 bits")
        now = datetime.now(UTC)
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
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True,
            )
            .add_extension(
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                critical=False,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                critical=False,
            )
            .sign(self.key, hashes.SHA256())
        )
