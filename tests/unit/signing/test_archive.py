"""Evidence added after the fact: a form signed offline (B-B) reaches B-LT on the server
with the member's signature untouched."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import tsp
from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.timestamps import TimestampRequestError
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from ecabinet.signing.archive import NotSigned, add_long_term_evidence
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import Identity
from ecabinet.signing.pades import LongTerm, pades_level, sign_pdf
from ecabinet.signing.signer import SoftwareSigner, asn1_certificate
from ecabinet.signing.tsa import AuthorityTimeStamper, TimeStampAuthority
from tests.pdfs import make_pdf
from tests.unit.signing.helpers import issue_identity, pdfsig_report


def _long_term(
    ca: CertificateAuthority, tsa: TimeStampAuthority, revoked: tuple[x509.Certificate, ...] = ()
) -> LongTerm:
    crl = ca.crl([(c.serial_number, datetime.now(UTC)) for c in revoked])
    return LongTerm(AuthorityTimeStamper(tsa), [ca.certificate], [crl])


def _required(ca: CertificateAuthority, crls: list[bytes]) -> ValidationContext:
    """Validation as a reader years later: the CA the only root, revocation data required,
    nothing fetched."""
    return ValidationContext(
        trust_roots=[asn1_certificate(ca.certificate)],
        crls=crls,
        allow_fetching=False,
        revocation_mode="require",
    )


def test_a_form_signed_offline_reaches_b_lt_with_its_signature_untouched(
    reply_form: bytes,
    minister: Identity,
    body_ca: CertificateAuthority,
    body_tsa: TimeStampAuthority,
) -> None:
    offline = sign_pdf(reply_form, SoftwareSigner(minister))
    assert pades_level(offline) == "B-B"
    before = datetime.now(UTC) - timedelta(seconds=1)
    archived = add_long_term_evidence(offline, _long_term(body_ca, body_tsa))
    assert archived.startswith(offline)  # what the member sent, byte for byte, then updates
    assert pades_level(archived) == "B-LT"
    reader = PdfFileReader(io.BytesIO(archived))
    signature, stamp = reader.embedded_signatures
    assert (signature.sig_object_type, stamp.sig_object_type) == ("/Sig", "/DocTimeStamp")
    crls = [ref.get_object().data for ref in DocumentSecurityStore.read_dss(reader).crls]
    assert crls  # the CA's list, inside the file
    status = validate_pdf_signature(signature, _required(body_ca, crls))
    assert status.bottom_line, status.pretty_print_details()  # type: ignore[no-untyped-call]
    assert status.modification_level == ModificationLevel.LTA_UPDATES  # nothing shown changed
    stamped = validate_pdf_timestamp(stamp, _required(body_ca, crls))
    assert stamped.valid and stamped.trusted
    assert before <= stamped.timestamp <= datetime.now(UTC)  # the server's time, not the laptop's


def test_the_embedded_list_shows_a_signer_revoked_before_the_form_arrived(
    reply_form: bytes, body_ca: CertificateAuthority, body_tsa: TimeStampAuthority
) -> None:
    revoked = issue_identity(body_ca, "may.bi.mat", "Lê Văn Mất")
    offline = sign_pdf(reply_form, SoftwareSigner(revoked))
    archived = add_long_term_evidence(
        offline, _long_term(body_ca, body_tsa, revoked=(revoked.certificate,))
    )
    reader = PdfFileReader(io.BytesIO(archived))
    crls = [ref.get_object().data for ref in DocumentSecurityStore.read_dss(reader).crls]
    status = validate_pdf_signature(reader.embedded_signatures[0], _required(body_ca, crls))
    assert status.intact and status.revoked and not status.bottom_line


def test_an_independent_validator_agrees_on_the_archived_form(
    reply_form: bytes,
    minister: Identity,
    body_ca: CertificateAuthority,
    body_tsa: TimeStampAuthority,
    ca_pem_file: Path,
    tmp_path: Path,
) -> None:
    form = tmp_path / "phieu-luu-tru.pdf"
    form.write_bytes(
        add_long_term_evidence(
            sign_pdf(reply_form, SoftwareSigner(minister)), _long_term(body_ca, body_tsa)
        )
    )
    report = pdfsig_report(form, ca_pem_file, tmp_path / "nss")
    member = report.split("Signature #2")[0]
    assert "Nguyễn Văn Tài" in member
    assert "Signature is Valid." in member and "Certificate is Trusted." in member


def test_nothing_is_returned_half_done(
    reply_form: bytes, minister: Identity, body_ca: CertificateAuthority
) -> None:
    class Refusing(AuthorityTimeStamper):
        async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            return tsp.TimeStampResp({"status": {"status": "rejection"}})

    offline = sign_pdf(reply_form, SoftwareSigner(minister))
    refusing = LongTerm(Refusing(None), [body_ca.certificate], [body_ca.crl([])])  # type: ignore[arg-type]
    with pytest.raises(TimestampRequestError):
        add_long_term_evidence(offline, refusing)
    with pytest.raises(NotSigned):
        add_long_term_evidence(make_pdf(1), refusing)
