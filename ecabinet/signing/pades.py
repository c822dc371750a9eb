"""PAdES signatures on PDFs with pyHanko: signing on the laptop, checking on the server.

A signature counts only if it is intact, chains to the trusted CA, and covers the whole file:
bytes appended after signing (an incremental update) would let someone change what is shown.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cryptography import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ecabinet.signing.keys import fingerprint
from ecabinet.signing.signer import Signer, asn1_certificate

FIELD_NAME = "ChuKySo"


def sign_pdf(
    data: bytes, signer: Signer, *, reason: str = "Ký số", location: str = "Hà Nội"
) -> bytes:
    """A PAdES baseline (B-B) signature; B-T needs a timestamp server, absent offline."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason=reason,
        location=location,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    out = signers.sign_pdf(writer, meta, signer=signer.pdf_signer())
    return bytes(out.getvalue())


@dataclass(frozen=True)
class SignatureCheck:
    valid: bool
    reason: str = ""
    signer_serial: int | None = None
    signer_fingerprint: str = ""


def check_signed_pdf(
    data: bytes, trust_roots: Sequence[x509.Certificate], revoked: Iterable[str] = ()
) -> SignatureCheck:
    """Is ``data`` signed, untouched since, by a certificate chaining to one of
    ``trust_roots`` (the body's CA, the national CA) whose fingerprint is not ``revoked``?"""
    try:
        reader = PdfFileReader(io.BytesIO(data))
        signatures = reader.embedded_signatures
    except Exception:  # pyHanko raises many kinds on broken files; all mean "not valid"
        return SignatureCheck(False, "the file is not a readable PDF")
    if len(signatures) != 1:
        return SignatureCheck(False, "the form must carry exactly one signature")
    context = ValidationContext(
        trust_roots=[asn1_certificate(c) for c in trust_roots], allow_fetching=False
    )
    try:
        status = validate_pdf_signature(signatures[0], context)
    except Exception:
        return SignatureCheck(False, "the signature could not be checked")
    cert = status.signing_cert
    serial = int(cert.serial_number) if cert is not None else None
    signer_fp = fingerprint(x509.load_der_x509_certificate(cert.dump())) if cert else ""
    if not status.intact:
        return SignatureCheck(False, "the form was changed after it was signed", serial, signer_fp)
    if not (status.valid and status.trusted):
        return SignatureCheck(
            False, "the signature is not from a trusted certificate", serial, signer_fp
        )
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return SignatureCheck(False, "content was added after the signature", serial, signer_fp)
    if signer_fp in set(revoked):
        return SignatureCheck(False, "the signing certificate has been revoked", serial, signer_fp)
    return SignatureCheck(True, "", serial, signer_fp)
