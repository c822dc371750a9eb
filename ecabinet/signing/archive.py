"""Long-term evidence added after the fact to a file already signed: the signer's revocation
data and a document timestamp.

A member who replies to a ballot while travelling signs without a network, so the form is
PAdES B-B: it carries no trusted time and nothing with which to check the certificate years
later. When the form reaches the server, the server adds, in updates after the member's
signature (which they leave intact and valid), the body CA's revocation list and the
certificates for that signature (the document security store), then a document timestamp
from a time-stamping authority over all of it, and the TSA's own validation data. ETSI EN
319 142-1 lets a document timestamp stand for the signature timestamp, so the file reaches
B-LT: a reader long after can tell that the signature existed, unrevoked, at the time the
timestamp names (the server's receipt, not the laptop's clock). Pure core; any thread (the
server runs it on a worker, after the reply is stored).
"""

from __future__ import annotations

import io

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import add_validation_info
from pyhanko_certvalidator import ValidationContext

from ecabinet.signing.pades import LongTerm
from ecabinet.signing.signer import asn1_certificate


class NotSigned(ValueError):
    """The file carries no signature to add evidence for."""


def add_long_term_evidence(data: bytes, long_term: LongTerm) -> bytes:
    """``data`` (a PDF with one or more signatures) with the last signature's validation data
    and a document timestamp appended.

    Raises NotSigned for a file without a signature; the TSA's errors (OSError,
    TimestampRequestError) when it cannot be reached or refuses; pyHanko's errors when the
    certificates do not validate against ``long_term``'s roots and lists. Nothing is returned
    half-done: the caller keeps the file it had."""
    reader = PdfFileReader(io.BytesIO(data))
    signatures = [s for s in reader.embedded_signatures if s.sig_object_type == "/Sig"]
    if not signatures:
        raise NotSigned("the file carries no signature")
    context = ValidationContext(
        trust_roots=[asn1_certificate(c) for c in long_term.trust_roots],
        crls=list(long_term.crls),
        allow_fetching=False,
    )
    with_revocation = add_validation_info(signatures[-1], context)
    stamper = signers.PdfTimeStamper(long_term.timestamper)
    stamped = stamper.timestamp_pdf(
        IncrementalPdfFileWriter(with_revocation), "sha256", validation_context=context
    )
    return bytes(stamped.getvalue())
