"""Material for signing tests: a member identity from a CA, a request with a broken
signature, and a signed PDF with an update appended after its signature.

Plain functions (not fixtures), so server tests can use them too.
"""

from __future__ import annotations

import io

from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.timestamps import TimeStamper

from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import Identity, generate_key, make_csr
from ecabinet.signing.tsa import TimeStampAuthority

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


def with_update_after_signing(signed_pdf: bytes) -> bytes:
    """``signed_pdf`` plus an innocent-looking incremental update (a retitled document)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    info = writer.trailer["/Info"]
    info["/Title"] = generic.TextStringObject(info["/Title"] + " (sửa)")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


class InProcessTimeStamper(TimeStamper):
    """pyHanko's client side of RFC 3161 talking straight to a TimeStampAuthority: the
    same DER query and reply as over HTTP, without a server."""

    def __init__(self, authority: TimeStampAuthority) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.authority = authority

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        return tsp.TimeStampResp.load(self.authority.answer(req.dump()))
