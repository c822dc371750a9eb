"""Signed packages and files that are not PDFs: a package signed with a trusted key is taken; one
signed with an unknown key, or changed after it was signed, is refused with problem+json and
the statuses 01 and 02; an unsigned one is taken unless the deployment requires signatures.
A .docx beside the PDF is kept with the incoming document and listed, the Office can fetch it,
and it never becomes a member's document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.server.core.config import Settings
from ecabinet.server.interconnect.xmlsig import sign_package
from ecabinet.signing.ca import CertificateAuthority
from tests.edxml_packages import EdxmlPackage, File
from tests.factories import World
from tests.pdfs import make_pdf
from tests.server.conftest import Api
from tests.server.test_interconnect import PACKAGES, add_exchange, statuses

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def ministry_key(tmp_path: Path) -> CertificateAuthority:
    return CertificateAuthority.create(tmp_path / "btc-key", "Bộ Tài chính")


def signed_by(key: CertificateAuthority, package: EdxmlPackage) -> bytes:
    return sign_package(package.xml(), key._private_key(), key.certificate)


def exchange_api(
    settings: Settings,
    world: World,
    tmp_path: Path,
    trusted: list[CertificateAuthority],
    **more: object,
) -> Iterator[Api]:
    trust = tmp_path / "trust"
    trust.mkdir(exist_ok=True)
    for n, key in enumerate(trusted):
        (trust / f"key{n}.pem").write_text(key.pem)
    app = create_app(settings.with_changes(exchange_trust=trust, **more))
    with TestClient(app) as client:
        yield Api(client, world)
    app.state.engine.dispose()


@pytest.fixture
def trusting(
    settings: Settings, world: World, tmp_path: Path, ministry_key: CertificateAuthority
) -> Iterator[Api]:
    yield from exchange_api(settings, world, tmp_path, [ministry_key])


def post(api: Api, xml: bytes) -> Any:
    with api.db() as db:
        made = db.scalar(select(m.User.id).where(m.User.username == "truclienthong"))
    if made is None:
        headers = add_exchange(api, api.world)
    else:
        headers = {**api.headers("truclienthong"), "Content-Type": "application/xml"}
    return api.client.post(PACKAGES, content=xml, headers=headers)


def incoming_count(api: Api) -> int:
    with api.db() as db:
        return db.scalar(select(func.count()).select_from(m.IncomingDocument)) or 0


def test_a_package_signed_with_a_trusted_key_is_taken(
    trusting: Api, ministry_key: CertificateAuthority
) -> None:
    r = post(trusting, signed_by(ministry_key, EdxmlPackage()))
    assert r.status_code == 201, r.text
    assert incoming_count(trusting) == 1


def test_a_package_signed_with_an_unknown_key_is_refused_with_02(
    trusting: Api, tmp_path: Path
) -> None:
    stranger = CertificateAuthority.create(tmp_path / "stranger", "Không rõ")
    package = EdxmlPackage()
    r = post(trusting, signed_by(stranger, package))
    assert (r.status_code, r.json()["code"]) == (422, "unknown_signer")
    assert r.json()["detail"].startswith("Gói tin bị từ chối")
    assert incoming_count(trusting) == 0
    outbox = trusting.client.get(
        "/api/v1/interconnect/outbox", headers=trusting.headers("secretariat")
    ).json()
    assert [s["status_code"] for s in reversed(outbox)] == ["01", "02"]
    assert statuses(outbox[0]["xml"])[:2] == ("02", package.document_id)


def test_a_package_changed_after_it_was_signed_is_refused(
    trusting: Api, ministry_key: CertificateAuthority
) -> None:
    signed = signed_by(ministry_key, EdxmlPackage())
    changed = signed.replace("Luật Ngân sách".encode(), "Luật Thuế".encode())
    assert changed != signed
    r = post(trusting, changed)
    assert (r.status_code, r.json()["code"]) == (422, "bad_signature")
    assert incoming_count(trusting) == 0


def test_unsigned_packages_are_taken_unless_the_deployment_requires_a_signature(
    settings: Settings, world: World, tmp_path: Path, ministry_key: CertificateAuthority
) -> None:
    for api in exchange_api(settings, world, tmp_path, [ministry_key]):
        assert post(api, EdxmlPackage().xml()).status_code == 201
    strict = {"exchange_require_signature": True}
    for api in exchange_api(settings, world, tmp_path, [ministry_key], **strict):
        later = EdxmlPackage(document_id="000.00.00.G22,2026/11/12,80/TTr-BTC")
        r = post(api, later.xml())
        assert (r.status_code, r.json()["code"]) == (422, "unsigned")
        assert post(api, signed_by(ministry_key, later)).status_code == 201


def test_a_docx_beside_the_pdf_is_kept_listed_and_never_a_member_document(
    api: Api, world: World
) -> None:
    draft = b"PK\x03\x04 a Word draft, as a ministry sends it"
    package = EdxmlPackage(
        files=(
            File("74-TTr-BTC.pdf", make_pdf(2, "Tờ trình số 74/TTr-BTC")),
            File("Du-thao.docx", draft, content_type=DOCX),
        )
    )
    r = post(api, package.xml())
    assert r.status_code == 201, r.text
    incoming_id = r.json()["id"]
    office = api.headers("secretariat")
    [row] = api.client.get("/api/v1/interconnect/inbox", headers=office).json()
    listed = [(a["name"], a["kept"], a["pages"]) for a in row["attachments"]]
    assert listed == [("74-TTr-BTC.pdf", True, 2), ("Du-thao.docx", True, 0)]
    assert row["attachments"][1]["sha256"] == hashlib.sha256(draft).hexdigest()

    got = api.client.get(f"/api/v1/interconnect/inbox/{incoming_id}/files/2", headers=office)
    assert got.status_code == 200 and got.content == draft
    assert "Du-thao.docx" in got.headers["content-disposition"]
    member = api.client.get(
        f"/api/v1/interconnect/inbox/{incoming_id}/files/2", headers=api.headers("member01")
    )
    assert member.status_code == 403
    # The .docx is no member's file: no blob a laptop may fetch, and it cannot be assigned.
    with api.db() as db:
        assert db.get(m.Blob, hashlib.sha256(draft).hexdigest()) is None
    order = {
        "incoming_id": incoming_id,
        "agenda_item_id": world.item_ids[0],
        "attachment": "Du-thao.docx",
    }
    refused = api.client.post("/api/v1/interconnect/assignments", json=order, headers=office)
    assert (refused.status_code, refused.json()["code"]) == (409, "no_pdf")
    taken = api.client.post(
        "/api/v1/interconnect/assignments",
        json={**order, "attachment": None},
        headers=office,
    )
    assert taken.status_code == 201, taken.text
    with api.db() as db:
        version = db.scalar(
            select(m.DocumentVersion).where(m.DocumentVersion.document_id == taken.json()["id"])
        )
        assert version is not None and version.sha256 == row["attachments"][0]["sha256"]
