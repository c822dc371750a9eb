"""Member keys: generation, certificate requests, PEM storage, PKCS#12 import.

The private key never leaves the laptop; it is stored as PEM encrypted under a passphrase that
lives in the OS keyring (see ecabinet.client.secrets). Pure core; any thread (making a key
takes tens of milliseconds: keep it off the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

# RSA-2048: what the national government CA issues today, and what every PDF reader checks.
KEY_BITS = 2048


def generate_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)


def make_csr(key: rsa.RSAPrivateKey, username: str, full_name: str) -> str:
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, full_name or username),
            x509.NameAttribute(NameOID.USER_ID, username),
        ]
    )
    csr = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return csr.public_bytes(serialization.Encoding.PEM).decode()


def key_to_pem(key: rsa.RSAPrivateKey, passphrase: bytes | None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def key_from_pem(pem: bytes, passphrase: bytes | None) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem, passphrase)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("only RSA keys are supported")
    return key


@dataclass(frozen=True)
class Identity:
    """A key with its certificate and the chain up to (and including) the CA."""

    key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


def load_pkcs12(data: bytes, password: bytes | None) -> Identity:
    """A member's identity from a .p12/.pfx file issued by the national CA."""
    key, cert, extra = pkcs12.load_key_and_certificates(data, password)
    if not isinstance(key, rsa.RSAPrivateKey) or cert is None:
        raise ValueError("the file holds no RSA key with its certificate")
    return Identity(key, cert, tuple(extra or ()))


def certificate_from_pem(pem: str | bytes) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode() if isinstance(pem, str) else pem)


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()
