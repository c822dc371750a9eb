"""Certificates of the members' signing keys (routes/pki.py): the device's request or its
own certificate to register, and the certificate the body's CA answers with. Pure data."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from ecabinet.wire.base import WireModel


class CertificateRequest(WireModel):
    csr_pem: str = Field(max_length=16_000)


class CertificateImport(WireModel):
    certificate_pem: str = Field(max_length=16_000)
    chain_pem: list[str] = Field(default_factory=list, max_length=5)
    # base64 signature by the certificate's key over registration_challenge(user, device)
    proof: str = Field(max_length=4096)


class CertificatePublic(WireModel):
    serial: str
    certificate_pem: str
    ca_pem: str
    not_after: datetime
    revoked: bool = False


class LongTermData(WireModel):
    """What a laptop needs to sign for the long term (PAdES B-T and B-LT), fetched just
    before it signs: where to get a timestamp, and the body CA with its revocation list."""

    tsa_url: str = ""  # empty: this server's own TSA (POST /api/v1/tsa)
    ca_pem: str
    crl: str  # base64 of the DER revocation list
