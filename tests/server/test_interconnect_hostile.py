"""Hostile and broken edXML packages: each refused with a problem in Vietnamese and English,
a refusal status (02) for a sender the server knows, and nothing of the package stored: no
incoming document, no attachment row, no file in the blob store."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from tests.active_pdfs import open_action_javascript
from tests.edxml_packages import (
    BILLION_LAUGHS,
    EXTERNAL_DTD,
    EXTERNAL_ENTITY,
    FINANCE,
    EdxmlPackage,
    File,
)
from tests.factories import World
from tests.pdfs import make_pdf
from tests.server.conftest import Api
from tests.server.test_interconnect import PACKAGES, add_exchange, deliver, statuses

GOOD = File("74-TTr-BTC.pdf", make_pdf(2, "Tờ trình số 74/TTr-BTC"))
SECOND = File("Du-thao.pdf", make_pdf(3, "Dự thảo Nghị định"))


@dataclass(frozen=True)
class Case:
    package: EdxmlPackage
    status: int
    code: str
    named: str  # a word the detail must carry (the attachment or the field at fault)
    sender_known: bool = True


CASES = {
    "entity expansion": Case(
        EdxmlPackage(doctype=BILLION_LAUGHS, body_text="&lol3;"), 422, "bad_package", "DTD", False
    ),
    "external entity": Case(
        EdxmlPackage(doctype=EXTERNAL_ENTITY, body_text="&secret;"),
        422,
        "bad_package",
        "DTD",
        False,
    ),
    "external dtd": Case(EdxmlPackage(doctype=EXTERNAL_DTD), 422, "bad_package", "DTD", False),
    "bad base64": Case(
        EdxmlPackage(files=(GOOD, File("Du-thao.pdf", b"", encoded="@@not base64@@"))),
        422,
        "bad_attachment",
        "Du-thao.pdf",
    ),
    "cut base64": Case(
        EdxmlPackage(
            files=(
                GOOD,
                File("Du-thao.pdf", b"", encoded=base64.b64encode(b"%PDF-1.7").decode()[:-3]),
            )
        ),
        422,
        "bad_attachment",
        "Du-thao.pdf",
    ),
    "manifest names an absent file": Case(
        EdxmlPackage(files=(GOOD, File("Phu-luc.pdf", make_pdf(1), enclosed=False))),
        422,
        "manifest_mismatch",
        "Phu-luc.pdf",
    ),
    "a file the manifest does not name": Case(
        EdxmlPackage(files=(GOOD, File("Them.pdf", make_pdf(1), listed=False))),
        422,
        "manifest_mismatch",
        "cid:2",
    ),
    "no attachment at all": Case(EdxmlPackage(files=()), 422, "manifest_mismatch", "no attach"),
    "unknown sender": Case(
        EdxmlPackage(from_organ_id="000.00.00.H99"), 422, "unknown_organ", "H99", False
    ),
    "sender missing": Case(EdxmlPackage(from_organ_id=""), 422, "bad_package", "From", False),
    "ministry gone since 2025": Case(
        EdxmlPackage(from_organ_id="000.00.00.G99", from_organ_name="Bộ Kế hoạch và Đầu tư"),
        422,
        "unknown_organ",
        "G99",
        False,
    ),
    "not for this body": Case(
        EdxmlPackage(to_organ_id="000.00.00.G05"), 422, "wrong_recipient", "G17"
    ),
    "a PDF that runs code": Case(
        EdxmlPackage(files=(GOOD, File("Phu-luc.pdf", open_action_javascript()))),
        422,
        "active_content",
        "Phu-luc.pdf",
    ),
    "not a PDF at all": Case(
        EdxmlPackage(files=(GOOD, File("Du-thao.pdf", b"MZ\x90\x00 not a pdf"))),
        422,
        "not_a_pdf",
        "Du-thao.pdf",
    ),
    "an unreadable date": Case(
        EdxmlPackage(promulgation_date="mùng 10 tháng 11"), 422, "bad_package", "Promulgation"
    ),
}


def _nothing_stored(api: Api, settings: Settings, package: EdxmlPackage) -> None:
    store = open_blob_store(settings)
    with api.db() as db:
        for table in (m.IncomingDocument, m.IncomingAttachment):
            assert db.scalar(select(func.count()).select_from(table)) == 0
        for sent in package.files:
            sha = hashlib.sha256(sent.data).hexdigest()
            assert db.get(m.Blob, sha) is None
            assert not store.exists(sha)
    assert not list((settings.blob_dir / "tmp").glob("*"))


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_package_is_refused_whole(
    api: Api, world: World, settings: Settings, name: str
) -> None:
    case = CASES[name]
    r = deliver(api, add_exchange(api, world), case.package)
    assert (r.status_code, r.json()["code"]) == (case.status, case.code), r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    vi, _, en = r.json()["detail"].partition(" — ")
    assert vi.startswith("Gói tin bị từ chối") and en.startswith("The package was refused"), vi
    assert case.named in r.json()["detail"]
    _nothing_stored(api, settings, case.package)
    outbox = api.client.get(
        "/api/v1/interconnect/outbox", headers=api.headers("secretariat")
    ).json()
    if not case.sender_known:
        assert outbox == []
        return
    assert [s["status_code"] for s in reversed(outbox)] == ["01", "02"]
    assert outbox[0]["description"] == vi
    assert statuses(outbox[0]["xml"])[:2] == ("02", case.package.document_id)
    assert outbox[0]["to_organ_id"] == FINANCE


def test_a_refused_package_sent_again_whole_is_taken(api: Api, world: World) -> None:
    exchange = add_exchange(api, world)
    broken = EdxmlPackage(files=(GOOD, File("Du-thao.pdf", b"", encoded="!!")))
    assert deliver(api, exchange, broken).status_code == 422
    assert deliver(api, exchange, EdxmlPackage(files=(GOOD, SECOND))).status_code == 201


@pytest.fixture
def small_limit(settings: Settings) -> TestClient:
    app = create_app(settings.with_changes(interconnect_max_bytes=64 * 1024))
    return TestClient(app)


def test_a_package_over_the_limit_is_stopped_as_it_arrives(
    small_limit: TestClient, settings: Settings
) -> None:
    world_api = Api(small_limit, World())
    exchange = add_exchange(world_api, world_api.world)
    big = EdxmlPackage(files=(File("Lon.pdf", make_pdf(1) + b"%" * 200_000),))
    declared = small_limit.post(PACKAGES, content=big.xml(), headers=exchange)
    assert (declared.status_code, declared.json()["code"]) == (413, "too_large")

    def chunks() -> object:
        data = big.xml()
        for start in range(0, len(data), 16 * 1024):
            yield data[start : start + 16 * 1024]

    chunked = small_limit.post(PACKAGES, content=chunks(), headers=exchange)  # no length
    assert (chunked.status_code, chunked.json()["code"]) == (413, "too_large")
    _nothing_stored(world_api, settings, big)
    small_limit.app.state.engine.dispose()  # type: ignore[attr-defined]


def test_an_attachment_over_the_upload_limit_is_refused_named(
    api: Api, world: World, settings: Settings
) -> None:
    small = create_app(settings.with_changes(blob_max_bytes=4096))
    client = TestClient(small)
    limited = Api(client, world)
    exchange = add_exchange(limited, world)
    package = EdxmlPackage(files=(File("Lon.pdf", make_pdf(40, "Dự thảo " * 200)),))
    r = client.post(PACKAGES, content=package.xml(), headers=exchange)
    assert (r.status_code, r.json()["code"]) == (413, "too_large")
    assert "Lon.pdf" in r.json()["detail"]
    _nothing_stored(limited, settings, package)
    small.state.engine.dispose()


def test_a_package_must_be_sent_as_xml(api: Api, world: World) -> None:
    headers = {**add_exchange(api, world), "Content-Type": "application/json"}
    r = api.client.post(PACKAGES, content=EdxmlPackage().xml(), headers=headers)
    assert (r.status_code, r.json()["code"]) == (415, "unsupported_media_type")


def test_a_package_waits_for_the_uploads_pool_of_checks_then_is_told_to_come_back(
    api: Api, world: World, settings: Settings
) -> None:
    """Its PDFs take places in the very pool uploads use: with every place taken, the package
    is answered 503 like an upload, and nothing is stored or answered to the sender."""
    app = create_app(settings.with_changes(pdf_check_workers=1, pdf_check_wait_seconds=0.05))
    client = TestClient(app)
    exchange = add_exchange(Api(client, world), world)
    places = app.state.pdf_checks._places
    assert places.acquire(timeout=1)  # an upload's check holds the only place
    try:
        r = client.post(PACKAGES, content=EdxmlPackage().xml(), headers=exchange)
    finally:
        places.release()
    assert (r.status_code, r.json()["code"]) == (503, "server_busy")
    assert r.headers["retry-after"]
    _nothing_stored(api, settings, EdxmlPackage())
    assert (
        api.client.get("/api/v1/interconnect/outbox", headers=api.headers("secretariat")).json()
        == []
    )
    assert client.post(PACKAGES, content=EdxmlPackage().xml(), headers=exchange).status_code == 201
    app.state.engine.dispose()


def test_file_names_lose_any_folder_or_drive(api: Api, world: World) -> None:
    files = (
        File("..\\..\\Windows\\To-trinh.pdf", make_pdf(1, "Tờ trình")),
        File("C:Du-thao.pdf", make_pdf(1, "Dự thảo")),
        File("../../etc/Phu-luc.pdf", make_pdf(1, "Phụ lục")),
    )
    exchange = add_exchange(api, world)
    assert deliver(api, exchange, EdxmlPackage(files=files)).status_code == 201
    office = api.headers("secretariat")
    [row] = api.client.get("/api/v1/interconnect/inbox", headers=office).json()
    assert [a["name"] for a in row["attachments"]] == ["To-trinh.pdf", "Du-thao.pdf", "Phu-luc.pdf"]
    order = {"incoming_id": row["id"], "agenda_item_id": world.item_ids[0]}
    order["attachment"] = "Phu-luc.pdf"
    r = api.client.post("/api/v1/interconnect/assignments", json=order, headers=office)
    assert r.status_code == 201, r.text
