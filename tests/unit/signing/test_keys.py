"""Member keys: requests, PEM storage under a passphrase, PKCS#12 import, the software signer."""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID

from ecabinet.signing.ca import CertificateAuthority
from ecabinet.signing.keys import (
    Identity,
    certificate_from_pem,
    fingerprint,
    generate_key,
    key_from_pem,
    key_to_pem,
    load_pkcs12,
    make_csr,
)
from ecabinet.signing.signer import SoftwareSigner


def test_a_request_carries_the_members_names_and_is_self_signed(minister: Identity) -> None:
    csr = x509.load_pem_x509_csr(make_csr(minister.key, "bo.truong.tc", "Nguyễn Văn Tài").encode())
    assert csr.is_signature_valid
    assert csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Nguyễn Văn Tài"
    assert csr.subject.get_attributes_for_oid(NameOID.USER_ID)[0].value == "bo.truong.tc"
    assert csr.public_key() == minister.key.public_key()


def test_a_key_round_trips_through_pem_under_its_passphrase(minister: Identity) -> None:
    pem = key_to_pem(minister.key, b"mat-khau-dai")
    assert b"ENCRYPTED" in pem
    assert key_from_pem(pem, b"mat-khau-dai").private_numbers() == minister.key.private_numbers()
    with pytest.raises(ValueError):
        key_from_pem(pem, b"wrong")
    plain = key_to_pem(minister.key, None)
    assert b"ENCRYPTED" not in plain
    assert key_from_pem(plain, None).public_key() == minister.key.public_key()


def test_a_national_ca_file_gives_key_certificate_and_chain(
    minister: Identity, body_ca: CertificateAuthority
) -> None:
    p12 = pkcs12.serialize_key_and_certificates(
        b"member",
        minister.key,
        minister.certificate,
        [body_ca.certificate],
        BestAvailableEncryption(b"p12-pass"),
    )
    loaded = load_pkcs12(p12, b"p12-pass")
    assert loaded.certificate == minister.certificate
    assert loaded.chain == (body_ca.certificate,)
    assert loaded.key.public_key() == minister.key.public_key()
    with pytest.raises(ValueError):
        load_pkcs12(p12, b"wrong")


def test_a_file_without_a_key_is_refused(minister: Identity) -> None:
    only_cert = pkcs12.serialize_key_and_certificates(
        b"x", None, minister.certificate, None, BestAvailableEncryption(b"p")
    )
    with pytest.raises(ValueError, match="no RSA key"):
        load_pkcs12(only_cert, b"p")


def test_the_software_signer_signs_with_the_certified_key(minister: Identity) -> None:
    signer = SoftwareSigner(minister)
    signature = signer.sign(b"du lieu")
    public_key = signer.certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    public_key.verify(signature, b"du lieu", padding.PKCS1v15(), hashes.SHA256())
    assert signer.chain == minister.chain


def test_pem_and_fingerprint_helpers(minister: Identity) -> None:
    pem = minister.certificate.public_bytes(serialization.Encoding.PEM)
    assert certificate_from_pem(pem.decode()) == minister.certificate
    assert (
        fingerprint(minister.certificate) == minister.certificate.fingerprint(hashes.SHA256()).hex()
    )
    assert fingerprint(minister.certificate) != fingerprint(minister.chain[0])
    assert generate_key().key_size == 2048
