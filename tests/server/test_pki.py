"""The PKI endpoints: the public CA certificate, and certificates for the caller's device."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.signing.keys import certificate_from_pem, generate_key, make_csr
from tests.factories import PASSWORD, World
from tests.server.conftest import Api
from tests.unit.signing.helpers import csr_with_broken_signature

CERTIFICATES = "/api/v1/pki/certificates"


def request_certificate(api: Api, headers: dict[str, str], csr_pem: str) -> dict[str, Any]:
    r = api.client.post(CERTIFICATES, headers=headers, json={"csr_pem": csr_pem})
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def test_the_ca_certificate_is_public(api: Api) -> None:
    r = api.client.get("/api/v1/pki/ca.pem")  # no Authorization header
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/x-pem-file")
    ca = x509.load_pem_x509_certificate(r.content)
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert "/api/v1/pki/ca.pem" in api.client.get("/openapi.json").json()["paths"]


def test_a_device_key_is_certified_in_the_members_name(api: Api, world: World) -> None:
    key = generate_key()
    # The request claims to be the Prime Minister: the CA writes who the caller is instead.
    body = request_certificate(
        api, api.headers("member01"), make_csr(key, "chair", "Thủ tướng Chính phủ")
    )
    cert = certificate_from_pem(body["certificate_pem"])
    ca = certificate_from_pem(body["ca_pem"])
    cert.verify_directly_issued_by(ca)
    assert cert.public_key() == key.public_key()
    assert cert.subject.get_attributes_for_oid(NameOID.USER_ID)[0].value == "member01"
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Member01"
    assert body["serial"] == str(cert.serial_number)
    assert body["ca_pem"] == api.client.get("/api/v1/pki/ca.pem").text
    with api.db() as db:
        entry = db.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "pki.issue")).one()
        assert entry.actor_id == world.users["member01"]
        assert entry.detail["serial"] == body["serial"]


def test_a_new_key_replaces_the_devices_earlier_one_only(api: Api, world: World) -> None:
    laptop = api.headers("member01")
    first = request_certificate(api, laptop, make_csr(generate_key(), "u", "U"))
    login = api.client.post(
        "/api/v1/auth/login",
        json={"username": "member01", "password": PASSWORD, "device_name": "tablet"},
    )
    tablet = {"Authorization": f"Bearer {login.json()['token']}"}
    on_tablet = request_certificate(api, tablet, make_csr(generate_key(), "u", "U"))
    second = request_certificate(api, laptop, make_csr(generate_key(), "u", "U"))
    listed = api.client.get(CERTIFICATES, headers=laptop).json()
    assert [(c["serial"], c["revoked"]) for c in listed] == [
        (first["serial"], True),
        (on_tablet["serial"], False),
        (second["serial"], False),
    ]
    # Another member sees none of them.
    assert api.client.get(CERTIFICATES, headers=api.headers("member02")).json() == []


@pytest.mark.parametrize(
    "csr_pem",
    [
        "not a request",
        "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
        csr_with_broken_signature(),
    ],
)
def test_a_bad_request_is_refused_with_bad_csr(api: Api, csr_pem: str) -> None:
    r = api.client.post(CERTIFICATES, headers=api.headers("member01"), json={"csr_pem": csr_pem})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "bad_csr"
    assert api.client.get(CERTIFICATES, headers=api.headers("member01")).json() == []


def test_bad_input_and_no_sign_in_never_reach_the_ca(api: Api) -> None:
    headers = api.headers("member01")
    oversized = api.client.post(CERTIFICATES, headers=headers, json={"csr_pem": "A" * 20_000})
    assert oversized.status_code == 422 and oversized.json()["code"] == "validation_error"
    missing = api.client.post(CERTIFICATES, headers=headers, json={})
    assert missing.status_code == 422 and missing.json()["code"] == "validation_error"
    anonymous = api.client.post(CERTIFICATES, json={"csr_pem": make_csr(generate_key(), "u", "U")})
    assert anonymous.status_code == 401
    assert api.client.get(CERTIFICATES).status_code == 401
