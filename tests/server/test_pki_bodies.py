"""Each body its own CA: a body's members are certified by it and named as its people, their
signatures are trusted by it alone, its revocation list is its own, and the configured body's
CA stays where it was (tests/server: SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from fastapi.testclient import TestClient
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.cli import main
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.pki import (
    CertificateRefused,
    active_certificates,
    body_ca,
    body_organisation,
    body_tsa,
    form_refusal,
    issue_for_device,
    member_signed,
    register_external,
    server_ca,
)
from ecabinet.signing.ca import NAME_MAX_CHARS, CertificateAuthority
from ecabinet.signing.detached import canonical_vote, registration_challenge, sign_detached
from ecabinet.signing.keys import certificate_from_pem, generate_key, make_csr
from tests.factories import PASSWORD, World
from tests.server.conftest import Api
from tests.server.signing_helpers import Enrolled, enroll
from tests.server.test_decisions import open_vote, vote
from tests.server.test_sync_push import push
from tests.unit.signing.helpers import issue_identity

HANOI = "Ủy ban nhân dân thành phố Hà Nội"
CA_PEM = "/api/v1/pki/ca.pem"


@pytest.fixture
def hanoi(api: Api, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> str:
    """A second body made as an administrator makes it, with one member: their user id."""
    where = ["--data", str(settings.data_dir), "--database-url", settings.database_url]
    assert main(["bodies", "create", "--code", "hanoi", "--name", HANOI, *where]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    argv = ["create-user", "--body", "hanoi", "--username", "hn-member", "--roles", "member"]
    assert main([*argv, "--full-name", "Nguyễn Văn A", "--password-stdin", *where]) == 0
    with api.db() as db:
        return db.scalars(select(m.User.id).where(m.User.username == "hn-member")).one()


def _organisation(name: x509.Name) -> str:
    return str(name.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value)


def _body(api: Api, code: str) -> m.Body:
    with api.db() as db:
        return db.scalars(select(m.Body).where(m.Body.code == code)).one()


def _pem(client: TestClient, path: str, headers: dict[str, str] | None = None) -> x509.Certificate:
    r = client.get(path, headers=headers or {})
    assert r.status_code == 200, r.text
    return certificate_from_pem(r.text)


def test_a_members_certificate_names_their_body_and_chains_to_its_ca(
    api: Api, world: World, settings: Settings, hanoi: str
) -> None:
    headers = api.headers("hn-member", "hanoi")
    me = enroll(api.client, headers, hanoi)
    cert = me.identity.certificate
    assert _organisation(cert.subject) == HANOI
    assert _organisation(cert.issuer) == HANOI
    theirs = _pem(api.client, "/api/v1/pki/ca/hanoi.pem")
    assert me.identity.chain == (theirs,)  # the CA the issue answered with
    cert.verify_directly_issued_by(theirs)
    gov = _pem(api.client, CA_PEM)  # no token: the configured body's, as before
    with pytest.raises(ValueError):
        cert.verify_directly_issued_by(gov)
    assert theirs != gov and _organisation(gov.subject) == settings.body_name
    # Signed in, the CA certificate and the long-term data are the caller's body's.
    assert _pem(api.client, CA_PEM, headers) == theirs
    data = api.client.get("/api/v1/pki/long-term", headers=headers).json()
    assert certificate_from_pem(data["ca_pem"]) == theirs
    assert _pem(api.client, CA_PEM, api.headers("member01")) == gov
    assert _pem(api.client, "/api/v1/pki/ca/gov.pem") == gov
    # A Government member is certified by the Government's CA still.
    ours = enroll(api.client, api.headers("member01"), world.users["member01"])
    ours.identity.certificate.verify_directly_issued_by(gov)
    # Each CA in its folder: the configured body's where it always was, the other's beside.
    folder = settings.ca_dir / "bodies" / "hanoi"
    assert certificate_from_pem((folder / "ca.pem").read_text()) == theirs
    assert certificate_from_pem((settings.ca_dir / "ca.pem").read_text()) == gov
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700


def test_unknown_bodies_and_bad_tokens_are_answered_in_words(api: Api, hanoi: str) -> None:
    assert hanoi
    for path in ("/api/v1/pki/ca/nowhere.pem", "/api/v1/pki/crl/nowhere"):
        r = api.client.get(path)
        assert r.status_code == 404 and r.json()["code"] == "not_found", r.text
    bad = api.client.get(CA_PEM, headers={"Authorization": "Bearer nonsense"})
    assert bad.status_code == 401 and bad.json()["code"] == "unauthorized"
    paths = api.client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/pki/ca/{code}.pem", "/api/v1/pki/crl/{code}"} <= set(paths)


def test_a_members_signature_is_trusted_by_their_body_only(
    api: Api, world: World, settings: Settings, hanoi: str
) -> None:
    me = enroll(api.client, api.headers("hn-member", "hanoi"), hanoi)
    item = world.item_ids[0]
    signed = canonical_vote(item, hanoi, "agree", "")
    signature = me.sign_vote(item, "agree")
    form = me.signed_form(world.ballot_id, "agree")
    ha_noi, gov = _body(api, "hanoi"), _body(api, "gov")
    with api.db() as db:
        assert member_signed(db, settings, ha_noi, hanoi, signed, signature)
        assert not member_signed(db, settings, gov, hanoi, signed, signature)
        assert form_refusal(db, settings, ha_noi, hanoi, form) == ""
        assert form_refusal(db, settings, gov, hanoi, form).startswith(
            "The signed form is not valid"
        )


def test_a_hanoi_certificate_never_signs_a_government_vote(
    api: Api, world: World, hanoi: str
) -> None:
    """Even put on a Government member's name (a row copied in the database), a certificate
    of Hà Nội's CA does not sign the Government's vote."""
    theirs = enroll(api.client, api.headers("hn-member", "hanoi"), hanoi)
    member01 = world.users["member01"]
    api.headers("member01")  # signed in before the certificate is moved
    with api.db() as db:
        row = db.scalars(select(m.Certificate).where(m.Certificate.user_id == hanoi)).one()
        row.user_id, row.device_id = member01, None
        db.commit()
    forged = Enrolled(theirs.identity, member01)
    item = world.item_ids[0]
    open_vote(api, item)
    result = push(api, "member01", vote(item, "agree", forged.sign_vote(item, "agree")))[0]
    assert (result["status"], result["code"]) == ("rejected", "invalid_signature"), result


def test_a_revoked_certificate_is_listed_by_its_own_bodys_crl_only(
    api: Api, world: World, hanoi: str
) -> None:
    headers = api.headers("hn-member", "hanoi")
    first = enroll(api.client, headers, hanoi)
    enroll(api.client, headers, hanoi)  # a new key on the device: the first is revoked
    gov_old = enroll(api.client, api.headers("member01"), world.users["member01"])
    enroll(api.client, api.headers("member01"), world.users["member01"])
    serials = {
        code: {c.serial_number for c in _crl(api, path, code)}
        for code, path in (("hanoi", "/api/v1/pki/crl/hanoi"), ("gov", "/api/v1/pki/crl"))
    }
    assert serials == {
        "hanoi": {first.identity.certificate.serial_number},
        "gov": {gov_old.identity.certificate.serial_number},
    }
    by_code = {c.serial_number for c in _crl(api, "/api/v1/pki/crl/gov", "gov")}
    assert by_code == serials["gov"]


def _crl(api: Api, path: str, code: str) -> x509.CertificateRevocationList:
    r = api.client.get(path)  # no sign-in: revocation data is public
    assert r.status_code == 200 and r.headers["content-type"] == "application/pkix-crl"
    crl = x509.load_der_x509_crl(r.content)
    ca = _pem(api.client, f"/api/v1/pki/ca/{code}.pem")
    assert crl.is_signature_valid(ca.public_key())  # type: ignore[arg-type]
    return crl


def test_certificates_name_their_own_bodys_crl(
    api: Api, world: World, settings: Settings, hanoi: str
) -> None:
    public = settings.with_changes(public_url="https://ecabinet.example.gov.vn/")
    api.headers("hn-member", "hanoi")
    api.headers("member01")
    points = {}
    with api.db() as db:
        for username in ("hn-member", "member01"):
            user = db.scalars(select(m.User).where(m.User.username == username)).one()
            device = db.scalars(select(m.Device).where(m.Device.user_id == user.id)).first()
            assert device is not None
            row = issue_for_device(db, public, user, device, make_csr(generate_key(), "u", "U"))
            cert = certificate_from_pem(row.pem)
            (point,) = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
            assert point.full_name is not None
            points[username] = point.full_name[0].value
        tsa = body_tsa(public, _body(api, "hanoi")).certificate
        tsa.verify_directly_issued_by(body_ca(public, _body(api, "hanoi")).certificate)
        assert _organisation(tsa.subject) == HANOI
    assert points == {
        "hn-member": "https://ecabinet.example.gov.vn/api/v1/pki/crl/hanoi",
        "member01": "https://ecabinet.example.gov.vn/api/v1/pki/crl",
    }


def test_the_configured_bodys_ca_stays_where_it_was(tmp_path: Path) -> None:
    settings = get_settings(tmp_path / "data", "sqlite://")
    existing = CertificateAuthority.create(settings.ca_dir, "Văn phòng Chính phủ")
    gov = m.Body(code=settings.body_code, name="another name in the database")
    assert body_ca(settings, gov).certificate == existing.certificate
    assert body_ca(settings, gov).folder == settings.ca_dir
    # On a new server the other body's CA may be asked for first: the configured body's CA
    # is still made in ca_dir (with its settings-based name), the other's inside it.
    fresh = get_settings(tmp_path / "fresh", "sqlite://")
    ha_noi = body_ca(fresh, m.Body(code="hanoi", name=HANOI))
    assert ha_noi.folder == fresh.ca_dir / "bodies" / "hanoi"
    assert _organisation(server_ca(fresh).certificate.subject) == fresh.body_name
    assert _organisation(ha_noi.certificate.subject) == HANOI


def test_a_long_body_name_falls_back_to_its_first_words_and_code(tmp_path: Path) -> None:
    settings = get_settings(tmp_path / "data", "sqlite://")
    long_name = "Ủy ban nhân dân tỉnh " + "Bà Rịa - Vũng Tàu và các vùng lân cận thuộc " * 2
    name = body_organisation(settings, m.Body(code="brvt", name=long_name.strip()))
    assert len(name) <= NAME_MAX_CHARS and name.endswith(" - brvt")
    assert long_name.startswith(name.removesuffix(" - brvt") + " ")  # never a word cut
    assert body_organisation(settings, m.Body(code="hanoi", name=HANOI)) == HANOI


def test_a_registered_certificate_counts_for_its_members_body_only(
    api: Api, world: World, settings: Settings, hanoi: str, tmp_path: Path
) -> None:
    national = CertificateAuthority.create(tmp_path / "national", "Ban Cơ yếu Chính phủ")
    trusting = settings.with_changes(trusted_ca_files=(tmp_path / "national" / "ca.pem",))
    api.headers("hn-member", "hanoi")
    with api.db() as db:
        user = db.scalars(select(m.User).where(m.User.id == hanoi)).one()
        device = db.scalars(select(m.Device).where(m.Device.user_id == hanoi)).one()
        ha_noi, gov = db.get(m.Body, user.body_id), _body(api, "gov")
        assert ha_noi is not None

        def register(ca: CertificateAuthority) -> m.Certificate:
            identity = issue_identity(ca, "hn-member", "Nguyễn Văn A")
            proof = sign_detached(identity.key, registration_challenge(user.id, device.id))
            pem = identity.certificate.public_bytes(serialization.Encoding.PEM).decode()
            return register_external(db, trusting, user, device, pem, [], proof)

        # A certificate of the Government's CA is no trust anchor of Hà Nội's members.
        with pytest.raises(CertificateRefused, match="not issued by a trusted authority"):
            register(server_ca(settings))
        row = register(national)
        cert = certificate_from_pem(row.pem)
        assert active_certificates(db, trusting, ha_noi, hanoi) == [cert]
        assert active_certificates(db, trusting, gov, hanoi) == []
