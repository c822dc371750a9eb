"""Material for signing tests: a member identity from a CA, a request with a broken
signature, a signed PDF with an update appended after its signature, and what poppler's
pdfsig says of a file.

Plain functions (not fixtures), so server tests can use them too.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

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


def with_update_after_signing(signed_pdf: bytes) -> bytes:
    """``signed_pdf`` plus an innocent-looking incremental update (a retitled document)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    info = writer.trailer["/Info"]
    info["/Title"] = generic.TextStringObject(info["/Title"] + " (sửa)")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def pdfsig_report(pdf: Path, ca_pem: Path, nss_dir: Path) -> str:
    """What poppler's pdfsig says of ``pdf`` when ``ca_pem`` is its only trusted CA."""
    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        pytest.skip(
            "poppler's pdfsig and NSS certutil are not installed "
            "(apt-get install poppler-utils libnss3-tools)"
        )
    nss_dir.mkdir()
    database = f"sql:{nss_dir}"
    subprocess.run(["certutil", "-N", "-d", database, "--empty-password"], check=True)
    subprocess.run(
        ["certutil", "-A", "-d", database, "-n", "ca", "-t", "CT,C,C", "-i", str(ca_pem)],
        check=True,
    )
    return subprocess.run(
        ["pdfsig", "-nssdir", database, str(pdf)], check=False, capture_output=True, text=True
    ).stdout
