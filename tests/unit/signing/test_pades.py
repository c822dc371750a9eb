"""PAdES signing and the checks the server makes before it believes a signed form."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import tsp
from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import TimestampRequestError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from ecabinet.pdf.reply_form import read_reply_fields
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import Identity, fingerprint
from ecabinet.signing.pades import (
    FIELD_NAME,
    LongTerm,
    check_signed_pdf,
    pades_level,
    sign_pdf,
)
from ecabinet.signing.signer import SoftwareSigner, asn1_certificate
from ecabinet.signing.tsa import AuthorityTimeStamper, TimeStampAuthority
from tests.pdfs import make_pdf
from tests.unit.signing.helpers import (
    issue_identity,
    pdfsig_report,
    with_update_after_signing,
)


@pytest.fixture(scope="module")
def long_term_form(
    reply_form: bytes,
    minister: Identity,
    body_ca: CertificateAuthority,
    body_tsa: TimeStampAuthority,
) -> bytes:
    """A reply form signed PAdES B-LT: a timestamp of the body's TSA, the CA's CRL inside."""
    crl = body_ca.crl([])
    long_term = LongTerm(AuthorityTimeStamper(body_tsa), [body_ca.certificate], [crl])
    return sign_pdf(reply_form, SoftwareSigner(minister), long_term=long_term)


@pytest.fixture(scope="module")
def signed_form(reply_form: bytes, minister: Identity) -> bytes:
    return sign_pdf(reply_form, SoftwareSigner(minister), reason="Trả lời phiếu")


def test_a_signed_form_is_valid_and_names_its_signer(
    signed_form: bytes, minister: Identity, body_ca: CertificateAuthority
) -> None:
    check = check_signed_pdf(signed_form, [body_ca.certificate])
    assert check.valid, check.reason
    assert (check.intact, check.trusted, check.covers_whole_file) == (True, True, True)
    assert check.signer_serial == minister.certificate.serial_number
    assert check.signer_fingerprint == fingerprint(minister.certificate)
    (signature,) = PdfFileReader(io.BytesIO(signed_form)).embedded_signatures
    assert signature.field_name == FIELD_NAME
    assert signature.sig_object["/Reason"] == "Trả lời phiếu"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES, not PKCS#7
    embedded = {c.dump() for c in signature.signed_data["certificates"]}
    assert len(embedded) == 2  # the signer's certificate and the CA's, for offline readers
    assert pades_level(signed_form) == "B-B"


def test_the_field_name_can_be_chosen(minister: Identity, body_ca: CertificateAuthority) -> None:
    signed = sign_pdf(make_pdf(1), SoftwareSigner(minister), field_name="TongHop")
    (signature,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    assert signature.field_name == "TongHop"
    assert check_signed_pdf(signed, [body_ca.certificate]).valid


def _pdf_utf16(text: str) -> bytes:
    """``text`` as pypdf writes it inside a UTF-16 string literal of the info dictionary."""
    return b"".join(
        b"\\000" + (c.encode() if c.isalnum() or c == " " else b"\\%03o" % ord(c)) for c in text
    )


def test_editing_the_signed_choice_breaks_the_signature(
    signed_form: bytes, body_ca: CertificateAuthority
) -> None:
    # The attack that matters: change the machine-readable answer, keep the file's length.
    was, forged = _pdf_utf16('"disagree",'), _pdf_utf16('"agree",   ')
    assert len(was) == len(forged) and was in signed_form
    edited = signed_form.replace(was, forged)
    fields = read_reply_fields(edited)
    assert fields is not None and fields.choice == "agree"  # the edit took
    check = check_signed_pdf(edited, [body_ca.certificate])
    assert not check.valid and not check.intact
    assert "changed" in check.reason


def test_one_changed_byte_anywhere_signed_is_not_valid(
    signed_form: bytes, body_ca: CertificateAuthority
) -> None:
    for position in (100, len(signed_form) // 3, len(signed_form) - 10):
        changed = bytearray(signed_form)
        changed[position] ^= 0x01
        assert not check_signed_pdf(bytes(changed), [body_ca.certificate]).valid, position


def test_content_added_after_signing_is_not_valid(
    signed_form: bytes, body_ca: CertificateAuthority
) -> None:
    check = check_signed_pdf(with_update_after_signing(signed_form), [body_ca.certificate])
    assert check.intact and not check.covers_whole_file
    assert not check.valid and "added after" in check.reason


def test_a_signature_from_another_ca_is_not_trusted(
    reply_form: bytes, rogue_ca: CertificateAuthority, body_ca: CertificateAuthority
) -> None:
    # Same names, same body: only the CA's key differs.
    impostor = issue_identity(rogue_ca, "bo.truong.tc", "Nguyễn Văn Tài")
    signed = sign_pdf(reply_form, SoftwareSigner(impostor))
    check = check_signed_pdf(signed, [body_ca.certificate])
    assert check.intact and not check.trusted and not check.valid
    assert check_signed_pdf(signed, [body_ca.certificate, rogue_ca.certificate]).valid


def test_a_revoked_certificate_is_not_valid(
    signed_form: bytes, minister: Identity, body_ca: CertificateAuthority
) -> None:
    check = check_signed_pdf(
        signed_form, [body_ca.certificate], [fingerprint(minister.certificate)]
    )
    assert not check.valid and "revoked" in check.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (make_pdf(1), "exactly one signature"),
        (b"%PDF-1.7\n garbage", "not a readable PDF"),
        (b"", "not a readable PDF"),
    ],
)
def test_unsigned_or_broken_files_are_not_valid(
    data: bytes, reason: str, body_ca: CertificateAuthority
) -> None:
    check = check_signed_pdf(data, [body_ca.certificate])
    assert not check.valid and reason in check.reason


def test_a_second_signature_is_refused(
    signed_form: bytes, minister: Identity, body_ca: CertificateAuthority
) -> None:
    twice = sign_pdf(signed_form, SoftwareSigner(minister), field_name="ChuKySo2")
    assert "exactly one" in check_signed_pdf(twice, [body_ca.certificate]).reason


def test_an_independent_validator_agrees(
    signed_form: bytes, ca_pem_file: Path, tmp_path: Path
) -> None:
    form = tmp_path / "phieu.pdf"
    form.write_bytes(signed_form)
    report = pdfsig_report(form, ca_pem_file, tmp_path / "nss")
    assert "Signature is Valid." in report
    assert "Certificate is Trusted." in report
    assert "Total document signed" in report
    assert "Nguyễn Văn Tài" in report


def test_a_timestamped_form_is_b_t_and_its_token_chains_to_the_ca(
    reply_form: bytes,
    minister: Identity,
    body_ca: CertificateAuthority,
    body_tsa: TimeStampAuthority,
) -> None:
    long_term = LongTerm(AuthorityTimeStamper(body_tsa), [body_ca.certificate])
    signed = sign_pdf(reply_form, SoftwareSigner(minister), long_term=long_term)
    assert pades_level(signed) == "B-T"
    assert check_signed_pdf(signed, [body_ca.certificate]).valid
    (signature,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    status = validate_pdf_signature(
        signature,
        ValidationContext(
            trust_roots=[asn1_certificate(body_ca.certificate)], allow_fetching=False
        ),
    )
    stamp = status.timestamp_validity
    assert stamp is not None and stamp.intact and stamp.valid and stamp.trusted
    assert stamp.signing_cert.dump() == asn1_certificate(body_tsa.certificate).dump()


def test_a_long_term_form_carries_the_crl_and_validates_without_fetching(
    long_term_form: bytes, minister: Identity, body_ca: CertificateAuthority
) -> None:
    assert pades_level(long_term_form) == "B-LT"
    reader = PdfFileReader(io.BytesIO(long_term_form))
    dss = DocumentSecurityStore.read_dss(reader)
    embedded_crls = [ref.get_object().data for ref in dss.crls]
    assert len(embedded_crls) == 1  # the CA's list
    issuer = x509.load_der_x509_crl(embedded_crls[0]).issuer
    assert issuer == body_ca.certificate.subject
    # Validation with the CA as the only root, revocation data required, nothing
    # fetched: everything it needs is in the file.
    (signature,) = reader.embedded_signatures
    status = validate_pdf_signature(
        signature,
        ValidationContext(
            trust_roots=[asn1_certificate(body_ca.certificate)],
            crls=embedded_crls,
            allow_fetching=False,
            revocation_mode="require",
        ),
    )
    assert status.bottom_line, status.pretty_print_details()  # type: ignore[no-untyped-call]
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    check = check_signed_pdf(long_term_form, [body_ca.certificate])
    assert check.valid, check.reason
    assert check.signer_fingerprint == fingerprint(minister.certificate)


def test_a_long_term_form_changed_after_signing_is_not_valid(
    long_term_form: bytes, body_ca: CertificateAuthority
) -> None:
    # The validation data may follow the signature; a changed document information may not.
    check = check_signed_pdf(with_update_after_signing(long_term_form), [body_ca.certificate])
    assert not check.valid and "added after" in check.reason


def test_a_reader_sees_from_the_embedded_crl_that_the_signer_was_revoked(
    reply_form: bytes, body_ca: CertificateAuthority, body_tsa: TimeStampAuthority
) -> None:
    revoked = issue_identity(body_ca, "cu.bo.truong", "Trần Văn Cũ")
    crl = body_ca.crl([(revoked.certificate.serial_number, datetime.now(UTC))])
    long_term = LongTerm(AuthorityTimeStamper(body_tsa), [body_ca.certificate], [crl])
    signed = sign_pdf(reply_form, SoftwareSigner(revoked), long_term=long_term)
    reader = PdfFileReader(io.BytesIO(signed))
    dss = DocumentSecurityStore.read_dss(reader)
    (signature,) = reader.embedded_signatures
    status = validate_pdf_signature(
        signature,
        ValidationContext(
            trust_roots=[asn1_certificate(body_ca.certificate)],
            crls=[ref.get_object().data for ref in dss.crls],
            allow_fetching=False,
            revocation_mode="require",
        ),
    )
    assert status.intact and status.revoked and not status.bottom_line


def test_a_tsa_that_refuses_fails_the_signature(
    reply_form: bytes, minister: Identity, body_ca: CertificateAuthority
) -> None:
    class Refusing(AuthorityTimeStamper):
        async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            return tsp.TimeStampResp({"status": {"status": "rejection"}})

    with pytest.raises(TimestampRequestError):
        sign_pdf(
            reply_form,
            SoftwareSigner(minister),
            long_term=LongTerm(Refusing(None), [body_ca.certificate]),  # type: ignore[arg-type]
        )


def _signed_ranges(report: str) -> list[int]:
    """pdfsig's "Signed Ranges: [0 - a], [b - c]" as [0, a, b, c]."""
    (line,) = [line for line in report.splitlines() if "Signed Ranges:" in line]
    return [int(n) for n in re.findall(r"\d+", line.split(":", 1)[1])]


def _byte_range(pdf: bytes) -> list[int]:
    """The signature's /ByteRange as [start, end, start, end]."""
    (signature,) = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    first, first_length, second, second_length = (
        int(n) for n in signature.sig_object["/ByteRange"]
    )
    return [first, first + first_length, second, second + second_length]


def test_an_independent_validator_agrees_on_the_timestamped_form(
    reply_form: bytes,
    minister: Identity,
    body_ca: CertificateAuthority,
    body_tsa: TimeStampAuthority,
    ca_pem_file: Path,
    tmp_path: Path,
) -> None:
    # B-T: the timestamp token is inside the signature, nothing follows it.
    long_term = LongTerm(AuthorityTimeStamper(body_tsa), [body_ca.certificate])
    form = tmp_path / "phieu.pdf"
    form.write_bytes(sign_pdf(reply_form, SoftwareSigner(minister), long_term=long_term))
    report = pdfsig_report(form, ca_pem_file, tmp_path / "nss")
    assert "Signature is Valid." in report
    assert "Certificate is Trusted." in report
    assert "Total document signed" in report and "Not total" not in report


def test_an_independent_validator_agrees_on_the_long_term_form(
    long_term_form: bytes, ca_pem_file: Path, tmp_path: Path
) -> None:
    form = tmp_path / "phieu.pdf"
    form.write_bytes(long_term_form)
    report = pdfsig_report(form, ca_pem_file, tmp_path / "nss")
    assert "Signature is Valid." in report
    assert "Certificate is Trusted." in report  # with the body CA as pdfsig's only root
    assert "Nguyễn Văn Tài" in report
    # B-LT adds the document security store (the CRL) in an update after the signature, as
    # PAdES means it to: poppler says the signature does not cover the whole file, and the
    # ranges it read are exactly those signed, up to where that update begins; the rest is
    # the validation data only (check_signed_pdf allows nothing else after a signature).
    assert "Not total document signed" in report
    assert _signed_ranges(report) == _byte_range(long_term_form)
    assert b"/DSS" in long_term_form[_byte_range(long_term_form)[3] :]
    # poppler 22.12 does not read RFC 3161 timestamp tokens at all (the token in the
    # signature's unsigned attributes is checked by pyHanko above); its "Signing Time" is the
    # signature dictionary's /M, the laptop's clock, so it is not asserted here.
