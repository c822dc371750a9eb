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
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ecabinet.signing.keys import fingerprint
from ecabinet.signing.signer import Signer, asn1_certificate

FIELD_NAME = "ChuKySo"


@dataclass(frozen=True)
class LongTerm:
    """What makes a signature hold up for years besides the key: a time-stamping authority
    (PAdES B-T) and, with ``crls``, the revocation data embedded in the file (B-LT), so that
    a reader long after can check the signer's certificate without asking anyone.

    ``trust_roots`` are the CAs of the signer's and the TSA's certificates; ``crls`` are DER
    lists from those CAs."""

    timestamper: TimeStamper
    trust_roots: Sequence[x509.Certificate]
    crls: Sequence[bytes] = ()


def sign_pdf(
    data: bytes,
    signer: Signer,
    *,
    reason: str = "Ký số",
    location: str = "Hà Nội",
    field_name: str = FIELD_NAME,
    long_term: LongTerm | None = None,
) -> bytes:
    """A PAdES signature embedding the signer's certificate and chain: baseline B-B, or
    B-T / B-LT with ``long_term``.

    With ``long_term`` the TSA is asked during signing: OSError or TimestampRequestError when
    it cannot be reached or refuses, and pyHanko's SigningError when the certificates do not
    validate against the roots and lists given (nothing half-signed is returned)."""
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    timestamper = None
    if long_term is not None:
        timestamper = long_term.timestamper
        if long_term.crls:
            meta = replace(
                meta,
                embed_validation_info=True,
                use_pades_lta=False,  # an archive timestamp is the archive's job, not ours
                validation_context=ValidationContext(
                    trust_roots=[asn1_certificate(c) for c in long_term.trust_roots],
                    crls=list(long_term.crls),
                    allow_fetching=False,
                ),
            )
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    out = signers.sign_pdf(writer, meta, signer=signer.pdf_signer(), timestamper=timestamper)
    return bytes(out.getvalue())


def pades_level(data: bytes) -> str:
    """The PAdES baseline level of the last signature in ``data``: "B-LT" when the file's
    document security store holds revocation data, "B-T" with a timestamp (the signature's
    own, or a document timestamp added after it: ecabinet.signing.archive), "B-B" otherwise;
    "" when it carries no signature."""
    try:
        reader = PdfFileReader(io.BytesIO(data))
        everything = reader.embedded_signatures
        signatures = [s for s in everything if s.sig_object_type == "/Sig"]
        if not signatures:
            return ""
        last = signatures[-1]
        unsigned = last.signer_info["unsigned_attrs"]
        stamped = any(
            attribute["type"].native == "signature_time_stamp_token" for attribute in unsigned
        ) or any(
            s.sig_object_type == "/DocTimeStamp" and s.signed_revision > last.signed_revision
            for s in everything
        )
        dss = reader.root["/DSS"] if "/DSS" in reader.root else {}
        revocation = "/CRLs" in dss or "/OCSPs" in dss
    except Exception:  # a broken file has no level
        return ""
    if stamped and revocation:
        return "B-LT"
    return "B-T" if stamped else "B-B"


def _nothing_shown_added(
    reader: PdfFileReader, signature: EmbeddedPdfSignature, status: PdfSignatureStatus
) -> bool:
    """The signature covers the whole file, or all that follows it is long-term validation
    data (a B-LT signature's document security store: certificates and revocation lists).

    pyHanko's difference analysis alone is not enough: it lets the document information
    change, and the reply form's machine-readable answer lives there. So later revisions may
    only add new objects and rewrite the catalog (which the analysis limits to /DSS)."""
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    if (
        status.coverage != SignatureCoverageLevel.ENTIRE_REVISION
        or status.modification_level != ModificationLevel.LTA_UPDATES
    ):
        return False
    signed = signature.signed_revision
    then = reader.get_historical_resolver(signed)
    info = _reference(reader.trailer_view, "/Info")
    if info != _reference(then.trailer_view, "/Info"):
        return False
    if info is not None and _info(reader.get_object(info)) != _info(  # type: ignore[no-untyped-call]
        then(info)
    ):
        return False
    allowed = {_reference(reader.trailer_view, "/Root"), info}
    xrefs = reader.xrefs
    for revision in range(signed + 1, xrefs.total_revisions):
        for ref in xrefs.explicit_refs_in_revision(revision):
            if ref not in allowed and xrefs.get_introducing_revision(ref) <= signed:
                return False  # an object the signature covers was replaced
    return True


# What a writer may change in the document information when it adds validation data.
_WRITER_STAMPS = frozenset({"/ModDate", "/Producer"})


def _info(info: object) -> dict[str, object]:
    if not isinstance(info, generic.DictionaryObject):
        return {}
    return {key: value for key, value in info.items() if key not in _WRITER_STAMPS}


def _reference(trailer: generic.DictionaryObject, key: str) -> generic.Reference | None:
    value = trailer.raw_get(key) if key in trailer else None
    return value.reference if isinstance(value, generic.IndirectObject) else None


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
        covers_whole_file=_nothing_shown_added(reader, signatures[0], status),
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
