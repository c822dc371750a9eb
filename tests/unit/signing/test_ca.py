"""The body's CA: what it issues, what it refuses, and how it is kept on disk."""

from __future__ import annotations

import asyncio
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko_certvalidator import CertificateValidator, ValidationContext

from ecabinet.signing.ca import (
    CERT_FILE,
    KEY_FILE,
    CertificateAuthority,
    organisation_name,
)
from ecabinet.signing.keys import Identity, generate_key, make_csr
from ecabinet.signing.signer import asn1_certificate
from tests.unit.signing.helpers import BODY, csr_with_broken_signature, issue_identity


def test_the_ca_certificate_may_sign_certificates_only(body_ca: CertificateAuthority) -> None:
    cert = body_ca.certificate
    assert cert.issuer == cert.subject
    cert.verify_directly_issued_by(cert)  # self-signed
    constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign and not usage.digital_signature
    public_key = cert.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey) and public_key.key_size == 3072
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert 3649 <= lifetime.days <= 3651


def test_the_key_is_readable_by_its_owner_only(body_ca: CertificateAuthority) -> None:
    mode = stat.S_IMODE((body_ca.folder / KEY_FILE).stat().st_mode)
    assert mode == 0o600
    assert (body_ca.folder / CERT_FILE).read_text() == body_ca.pem


def test_a_leaf_names_the_member_and_validates_against_the_ca(
    body_ca: CertificateAuthority, minister: Identity
) -> None:
    leaf = minister.certificate
    leaf.verify_directly_issued_by(body_ca.certificate)
    assert leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Nguyễn Văn Tài"
    assert leaf.subject.get_attributes_for_oid(NameOID.USER_ID)[0].value == "bo.truong.tc"
    organisation = leaf.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    # 49 characters (76 bytes of UTF-8): within X.520's 64 characters, so whole.
    assert organisation == BODY
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert not leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert leaf.public_key() == minister.key.public_key()
    # The same check a PDF validator makes: a path to the trusted root, fit for signing.
    validator = CertificateValidator(
        asn1_certificate(leaf),
        validation_context=ValidationContext(
            trust_roots=[asn1_certificate(body_ca.certificate)], allow_fetching=False
        ),
    )
    signing_usage = {"digital_signature", "non_repudiation"}
    path = asyncio.run(validator.async_validate_usage(signing_usage))  # type: ignore[no-untyped-call]
    assert path.leaf.dump() == asn1_certificate(leaf).dump()
    assert path.first.dump() == asn1_certificate(body_ca.certificate).dump()


def test_the_subject_is_the_cas_not_the_requesters(body_ca: CertificateAuthority) -> None:
    key = generate_key()
    cert = body_ca.issue(
        make_csr(key, "somebody-else", "Thủ tướng Chính phủ"),
        full_name="Lê Thị Hoa",
        username="le.thi.hoa",
        organisation=BODY,
        days=30,
    )
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Lê Thị Hoa"
    assert 29 <= (cert.not_valid_after_utc - cert.not_valid_before_utc).days <= 30


def _csr_with_small_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "u")]))
        .sign(key, hashes.SHA256())
        .public_bytes(serialization.Encoding.PEM)
        .decode()
    )


@pytest.mark.parametrize(
    ("make_request", "reason"),
    [
        (csr_with_broken_signature, "signature is wrong"),
        (_csr_with_small_key, "must be RSA"),
        (lambda: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n", "not a certificate request"),
        (lambda: "", "not a certificate request"),
    ],
)
def test_a_bad_request_is_refused(
    body_ca: CertificateAuthority, make_request: object, reason: str
) -> None:
    assert callable(make_request)
    with pytest.raises(ValueError, match=reason):
        body_ca.issue(make_request(), full_name="U", username="u", organisation=BODY)


def test_load_or_create_keeps_an_existing_ca(tmp_path: Path) -> None:
    made = CertificateAuthority.load_or_create(tmp_path / "ca", "Ủy ban nhân dân tỉnh")
    again = CertificateAuthority.load_or_create(tmp_path / "ca", "another name")
    assert again.certificate == made.certificate
    with pytest.raises(FileExistsError):
        CertificateAuthority.create(tmp_path / "ca", "Ủy ban nhân dân tỉnh")
    assert CertificateAuthority.load(tmp_path / "ca").certificate == made.certificate
    assert [p.name for p in tmp_path.iterdir()] == ["ca"]  # no staging folder left behind


def test_an_empty_folder_is_filled_and_a_missing_one_is_not_loaded(tmp_path: Path) -> None:
    (tmp_path / "ca").mkdir()
    made = CertificateAuthority.load_or_create(tmp_path / "ca", "Body")
    assert (tmp_path / "ca" / KEY_FILE).exists()
    assert made.certificate == CertificateAuthority.load(tmp_path / "ca").certificate
    with pytest.raises(FileNotFoundError):
        CertificateAuthority.load(tmp_path / "absent")


def test_a_ca_put_in_the_place_of_another_is_the_one_loaded(tmp_path: Path) -> None:
    """The certificate is kept in memory once read (every vote is checked against it), yet a
    body restored into the folder of one moved away is known by its own CA at once."""
    first = CertificateAuthority.load_or_create(tmp_path / "ca", "Body")
    assert CertificateAuthority.load(tmp_path / "ca").certificate == first.certificate
    (tmp_path / "ca").rename(tmp_path / "moved-away")
    with pytest.raises(FileNotFoundError):
        CertificateAuthority.load(tmp_path / "ca")
    second = CertificateAuthority.create(tmp_path / "ca", "Body")
    assert second.certificate != first.certificate
    assert CertificateAuthority.load(tmp_path / "ca").certificate == second.certificate


def test_two_processes_starting_at_once_share_one_ca(tmp_path: Path) -> None:
    folder = tmp_path / "ca"
    start = threading.Barrier(2)
    made: list[CertificateAuthority] = []

    def first_use() -> None:
        start.wait()
        made.append(CertificateAuthority.load_or_create(folder, "Body"))

    threads = [threading.Thread(target=first_use) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made[0].certificate == made[1].certificate
    # The key on disk is the one the certificate names: what it issues chains to the CA.
    issue_identity(made[0], "u", "U").certificate.verify_directly_issued_by(made[1].certificate)


OFFICE = "Văn phòng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"  # 59 letters, 78 bytes
TOO_LONG = "Văn phòng Ủy ban nhân dân thành phố Hồ Chí Minh và Hội đồng nhân dân thành phố"


def test_the_organisation_is_named_in_full_when_the_standard_allows() -> None:
    assert organisation_name(OFFICE, "VPCP", "000.00.00.G01") == OFFICE
    assert len(TOO_LONG) > 64
    assert organisation_name(TOO_LONG, "VP UBND TP.HCM", "000.00.00.H29") == (
        "VP UBND TP.HCM - 000.00.00.H29"
    )
    assert organisation_name(TOO_LONG, "", "000.00.00.H29") == "000.00.00.H29"


def test_a_certificate_carries_the_whole_organisation_name(tmp_path: Path) -> None:
    ca = CertificateAuthority.create(tmp_path / "ca", OFFICE)
    key = generate_key()
    leaf = ca.issue(
        make_csr(key, "u", "Nguyễn Văn A"),
        full_name="Nguyễn Văn A",
        username="u",
        organisation=OFFICE,
    )
    for cert in (ca.certificate, leaf):
        (name,) = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        assert name.value == OFFICE  # not "…Việt N"
    # pyHanko reads it back whole, as a PDF reader will show it.
    assert asn1_certificate(leaf).subject.native["organization_name"] == OFFICE


def test_the_crl_lists_revoked_serials_and_is_signed_by_the_ca(
    body_ca: CertificateAuthority,
) -> None:
    when = datetime(2026, 3, 1, tzinfo=UTC)
    crl = x509.load_der_x509_crl(body_ca.crl([(1234, when), (5678, when)]))
    assert crl.is_signature_valid(body_ca.certificate.public_key())  # type: ignore[arg-type]
    assert crl.issuer == body_ca.certificate.subject
    assert {r.serial_number for r in crl} == {1234, 5678}
    assert crl.get_revoked_certificate_by_serial_number(1234).revocation_date_utc == when
    assert crl.next_update_utc is not None and crl.next_update_utc > datetime.now(UTC)
