"""Certificates for tests: a member identity from a CA, and a request with a broken signature.

Plain functions (not fixtures), so server tests can use them too.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import Identity, generate_key, make_csr

BODY = "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"


def issue_identity(ca: CertificateAuthority, username: str, full_name: str) -> Identity:
    key = generate_key()
    cert = ca.issue(
        make_csr(key, username, full_name),
        full_name=full_name,
        username=username,
        organisation=BODY,
    )
    return Identity(key, cert, (ca.certificate,))


def csr_with_broken_signature() -> str:
    """A well-formed certificate request whose signature does not match its content."""
    der = bytearray(
        x509.load_pem_x509_csr(make_csr(generate_key(), "u", "U").encode()).public_bytes(
            serialization.Encoding.DER
        )
    )
    der[-1] ^= 0x01  # the signature is the last field of the request
    return x509.load_der_x509_csr(bytes(der)).public_bytes(serialization.Encoding.PEM).decode()
