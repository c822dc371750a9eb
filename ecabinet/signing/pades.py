"""PAdES signatures on PDFs with pyHanko: signing on the laptop, checking on the server.

A signature counts only if it is intact, chains to the trusted CA, and covers the whole file:
bytes appended after signing (an incremental update) would let someone change what is shown.
Pure core; any thread (a worker thread in the client: parsing and hashing a PDF takes time).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

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
    data: bytes,
    signer: Signer,
    *,
    reason: str = "Ký số",
    location: str = "Hà Nội",
    field_name: str = FIELD_NAME,
) -> bytes:
    """A PAdES baseline (B-B) signature embedding the signer's certificate and chain.

    B-T would need a timestamp server, which a member signing offline cannot reach; the
    server's clock at receipt is what judges deadlines anyway."""
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
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
    """The verdict on a signed PDF; ``valid`` is the only field a decision should rest on.

    The other flags say which test failed, for the member's error message and for the log."""

    valid: bool
    reason: str = ""
    intact: bool = False  # the signed bytes are unchanged
    trusted: bool = False  # the certificate chains to a trust root and may sign documents
    covers_whole_file: bool = False  # nothing was appended after the signature
    signer_serial: int | None = None
    signer_fingerprint: str = ""


def check_signed_pdf(
    data: bytes, trust_roots: Sequence[x509.Certificate], revoked: Iterable[str] = ()
) -> SignatureCheck:
    """Is ``data`` signed, untouched since, by a certificate chaining to one of
    ``trust_roots`` (the body's CA, the national CA) whose fingerprint is not ``revoked``?

    Checks offline (no fetching of revocation data): revocation is the caller's list, since
    the server itself is the authority that revokes device certificates. Never raises."""
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
    except Exception:  # as above: a hostile signature can break the parser in many ways
        return SignatureCheck(False, "the signature could not be checked")
    cert = status.signing_cert
    found = SignatureCheck(
        valid=False,
        intact=status.intact,
        trusted=status.trusted,
        covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        signer_serial=int(cert.serial_number) if cert is not None else None,
        signer_fingerprint=(
            fingerprint(x509.load_der_x509_certificate(cert.dump())) if cert is not None else ""
        ),
    )
    if not found.intact:
        problem = "the form was changed after it was signed"
    elif not status.valid:
        problem = "the signature does not match the signed content"
    elif not found.trusted:
        problem = "the signature is not from a trusted certificate"
    elif not found.covers_whole_file:
        # An incremental update after the signature could change what a reader shows.
        problem = "content was added after the signature"
    elif found.signer_fingerprint in set(revoked):
        problem = "the signing certificate has been revoked"
    else:
        return replace(found, valid=True)
    return replace(found, reason=problem)
