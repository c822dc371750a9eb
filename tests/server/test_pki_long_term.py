"""Signatures that hold up for years: the body's TSA (POST /tsa), the CA's revocation list
(GET /pki/crl, /pki/long-term), and the server's judgment of reply forms signed B-LT."""

from __future__ import annotations

import base64
import hashlib

from asn1crypto import tsp
from cryptography import x509
from cryptography.x509.oid import NameOID
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.common_utils import handle_tsp_response

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.pki import body_organisation
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import pades_level
from tests.factories import World
from tests.server.conftest import Api
from tests.server.signing_helpers import enroll, server_long_term, upload
from tests.server.test_decisions import member, reply
from tests.server.test_sync_push import push

TSA = "/api/v1/tsa"
QUERY = {"Content-Type": "application/timestamp-query"}


def _query() -> tuple[bytes, int]:
    digest = hashlib.sha256(b"bien ban").digest()
    nonce, request = TimeStamper().request_cms(digest, "sha256")  # type: ignore[no-untyped-call]
    return request.dump(), nonce


def test_the_tsa_answers_a_query_with_a_token_of_its_ca(api: Api) -> None:
    query, nonce = _query()
    r = api.client.post(TSA, content=query, headers={**api.headers("member01"), **QUERY})
    assert r.status_code == 200 and r.headers["content-type"] == "application/timestamp-reply"
    token = handle_tsp_response(tsp.TimeStampResp.load(r.content), nonce)  # type: ignore[arg-type]
    ca = certificate_from_pem(api.client.get("/api/v1/pki/ca.pem").text)
    (tsa_cert,) = [
        c
        for c in token["content"]["certificates"]
        if c.chosen.subject.native["common_name"] == "e-Cabinet TSA"
    ]
    x509.load_der_x509_certificate(tsa_cert.chosen.dump()).verify_directly_issued_by(ca)


def test_the_tsa_refuses_what_is_not_a_query_in_words(api: Api) -> None:
    headers = api.headers("member01")
    query, _ = _query()
    wrong_type = api.client.post(
        TSA, content=query, headers={**headers, "Content-Type": "text/plain"}
    )
    assert wrong_type.status_code == 415
    assert wrong_type.headers["content-type"].startswith("application/problem+json")
    garbage = api.client.post(TSA, content=b"\x30\x03\x02\x01\x01", headers={**headers, **QUERY})
    assert garbage.status_code == 400 and garbage.json()["code"] == "bad_query"
    huge = api.client.post(TSA, content=b"\x30" * 10_000, headers={**headers, **QUERY})
    assert huge.status_code == 413
    assert api.client.post(TSA, content=query, headers=QUERY).status_code == 401


def test_the_crl_lists_the_devices_replaced_certificates_only(api: Api, world: World) -> None:
    first = member(api, world, "member01")
    second = member(api, world, "member01")  # a new key: the first is revoked
    r = api.client.get("/api/v1/pki/crl")  # no sign-in: revocation data is public
    assert r.status_code == 200 and r.headers["content-type"] == "application/pkix-crl"
    crl = x509.load_der_x509_crl(r.content)
    ca = certificate_from_pem(api.client.get("/api/v1/pki/ca.pem").text)
    assert crl.is_signature_valid(ca.public_key())  # type: ignore[arg-type]
    assert {c.serial_number for c in crl} == {first.identity.certificate.serial_number}
    assert (
        crl.get_revoked_certificate_by_serial_number(second.identity.certificate.serial_number)
        is None
    )
    long_term = api.client.get("/api/v1/pki/long-term").json()
    assert long_term["tsa_url"] == ""  # this server's own TSA
    listed = x509.load_der_x509_crl(base64.b64decode(long_term["crl"]))
    assert {c.serial_number for c in listed} == {first.identity.certificate.serial_number}


def test_a_reply_form_signed_long_term_is_applied(api: Api, world: World) -> None:
    me = member(api, world, "member01")
    headers = api.headers("member01")
    form = me.signed_form(world.ballot_id, "agree", long_term=server_long_term(api.client, headers))
    assert pades_level(form) == "B-LT"
    sha = upload(api.client, headers, form)
    result = push(api, "member01", reply(world.ballot_id, "agree", sha))[0]
    assert result["status"] == "applied", result


def test_a_revoked_members_later_long_term_signature_is_refused(api: Api, world: World) -> None:
    headers = api.headers("member01")
    old = enroll(api.client, headers, world.users["member01"])
    member(api, world, "member01")  # the laptop's key was replaced: the old one is revoked
    # Signed afterwards with the revoked key, timestamped and with the CRL embedded.
    form = old.signed_form(
        world.ballot_id, "agree", long_term=server_long_term(api.client, headers)
    )
    sha = upload(api.client, headers, form)
    result = push(api, "member01", reply(world.ballot_id, "agree", sha))[0]
    assert result["code"] == "invalid_signature" and "revoked" in result["detail"]


def test_certificates_name_the_body_in_full_or_by_short_name_and_code(
    api: Api, world: World, settings: Settings
) -> None:
    me = member(api, world, "member01")
    (organisation,) = me.identity.certificate.subject.get_attributes_for_oid(
        NameOID.ORGANIZATION_NAME
    )
    assert organisation.value == settings.body_name  # whole, not "…Việt N"
    office = "Văn phòng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    gov = m.Body(code=settings.body_code, name="")  # named by the settings, being configured
    assert body_organisation(settings.with_changes(body_name=office), gov) == office
    too_long = office + " - Cơ quan thường trực của Chính phủ"
    configured = settings.with_changes(body_name=too_long, body_short_name="VPCP", body_code="G01")
    assert body_organisation(configured, m.Body(code="G01", name="")) == "VPCP - G01"
