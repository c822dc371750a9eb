"""Document interconnection: a ministry's edXML package through the exchange's system account
lands in the Government Office's inbox with its files as blobs and its status packages queued;
the Office assigns it to an item or a ballot and members see where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring
from sqlalchemy import func, select

from ecabinet.server import models as m
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.interconnect.edxml import NS
from tests.edxml_packages import FINANCE, EdxmlPackage, File
from tests.factories import World, add_user
from tests.pdfs import make_pdf
from tests.server.conftest import Api

PACKAGES = "/api/v1/interconnect/packages"
ORIGIN = "Tờ trình số 74/TTr-BTC ngày 10/11/2026 của Bộ Tài chính"
XML = {"Content-Type": "application/xml"}


def add_exchange(api: Api, world: World) -> dict[str, str]:
    """The exchange's system account, signed in: its headers for a delivery."""
    with api.db() as db:
        body_id = db.scalars(select(m.Body.id)).one()
        world.users["truclienthong"] = add_user(db, body_id, "truclienthong", ["exchange"]).id
        db.commit()
    return {**api.headers("truclienthong"), **XML}


def deliver(api: Api, headers: dict[str, str], package: EdxmlPackage) -> Any:
    return api.client.post(PACKAGES, content=package.xml(), headers=headers)


def statuses(xml: str) -> tuple[str, str, str]:
    """(StatusCode, ResponseFor/DocumentId, From/OrganId) of a status package."""
    root = fromstring(xml)
    q = f"{{{NS}}}"
    status = root.find(f"{q}edXMLHeader/{q}Status")
    assert status is not None

    def text(path: str) -> str:
        return status.findtext("/".join(q + p for p in path.split("/"))) or ""

    return text("StatusCode"), text("ResponseFor/DocumentId"), text("From/OrganId")


def test_a_package_lands_in_the_inbox_with_its_files_and_statuses(
    api: Api, world: World, settings: Settings
) -> None:
    exchange = add_exchange(api, world)
    package = EdxmlPackage()
    r = deliver(api, exchange, package)
    assert r.status_code == 201, r.text
    incoming_id = r.json()["id"]

    office = api.headers("secretariat")
    [row] = api.client.get("/api/v1/interconnect/inbox", headers=office).json()
    assert row["id"] == incoming_id
    assert (row["from_organ_id"], row["from_organ_name"]) == (FINANCE, "Bộ Tài chính")
    assert (row["code_number"], row["code_notation"]) == ("74", "TTr-BTC")
    assert (row["promulgation_date"], row["due_date"]) == ("2026-11-10", "2026-11-20")
    assert (row["type_name"], row["signer_name"]) == ("Tờ trình", "Nguyễn Văn Thắng")
    assert row["subject"] == package.subject
    assert row["origin"] == ORIGIN
    store = open_blob_store(settings)
    names = [a["name"] for a in row["attachments"]]
    assert names == ["74-TTr-BTC.pdf", "Du-thao-Nghi-dinh.pdf"]
    for attachment, sent in zip(row["attachments"], package.files, strict=True):
        assert attachment["sha256"] == hashlib.sha256(sent.data).hexdigest()
        assert attachment["kept"] and store.exists(attachment["sha256"])
    assert [a["pages"] for a in row["attachments"]] == [2, 3]

    outbox = api.client.get("/api/v1/interconnect/outbox", headers=office).json()
    assert [(s["status_code"], s["state"]) for s in reversed(outbox)] == [
        ("01", "waiting"),
        ("03", "waiting"),
    ]
    assert statuses(outbox[0]["xml"]) == ("03", package.document_id, "000.00.00.G17")
    assert outbox[0]["to_organ_id"] == FINANCE


def test_a_package_delivered_again_is_taken_once(api: Api, world: World) -> None:
    exchange = add_exchange(api, world)
    first = deliver(api, exchange, EdxmlPackage())
    again = deliver(api, exchange, EdxmlPackage())
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    with api.db() as db:
        assert db.scalar(select(func.count()).select_from(m.IncomingDocument)) == 1
        assert db.scalar(select(func.count()).select_from(m.InterconnectStatus)) == 2


def test_assigned_to_an_item_members_see_the_document_and_its_origin(
    api: Api, world: World
) -> None:
    exchange = add_exchange(api, world)
    incoming_id = deliver(api, exchange, EdxmlPackage()).json()["id"]
    office = api.headers("secretariat")
    r = api.client.post(
        "/api/v1/interconnect/assignments",
        json={
            "incoming_id": incoming_id,
            "agenda_item_id": world.item_ids[0],
            "kind": "draft",
            "attachment": "Du-thao-Nghi-dinh.pdf",
        },
        headers=office,
    )
    assert r.status_code == 201, r.text
    doc = r.json()
    assert (doc["kind"], doc["origin"], doc["versions"]) == ("draft", ORIGIN, [1])

    changes = api.client.get("/api/v1/sync/changes", headers=api.headers("member01")).json()
    seen = {c["id"]: c["data"] for c in changes["changes"] if c["type"] == "document"}
    assert seen[doc["id"]]["origin"] == ORIGIN
    versions = [
        c["data"]
        for c in changes["changes"]
        if c["type"] == "document_version" and c["data"]["document_id"] == doc["id"]
    ]
    assert versions[0]["filename"] == "Du-thao-Nghi-dinh.pdf"
    assert versions[0]["pages"] == 3

    [row] = api.client.get("/api/v1/interconnect/inbox", headers=office).json()
    assert row["assigned_document_ids"] == [doc["id"]]
    latest = api.client.get("/api/v1/interconnect/outbox", headers=office).json()[0]
    assert (latest["status_code"], latest["description"]) == (
        "04",
        "Phân công vào nội dung phiên họp: Nội dung 1",
    )


def test_assigned_to_a_draft_ballot_it_becomes_its_draft(api: Api, world: World) -> None:
    exchange = add_exchange(api, world)
    incoming_id = deliver(api, exchange, EdxmlPackage()).json()["id"]
    office = api.headers("secretariat")
    deadline = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    ballot = api.client.post(
        "/api/v1/ballots",
        json={"title": "Phiếu lấy ý kiến", "question": "Đồng ý?", "deadline": deadline},
        headers=office,
    ).json()
    order = {"incoming_id": incoming_id, "ballot_id": ballot["id"], "kind": "draft"}
    r = api.client.post("/api/v1/interconnect/assignments", json=order, headers=office)
    assert r.status_code == 201, r.text
    with api.db() as db:
        doc = db.get(m.Document, r.json()["id"])
        assert doc is not None
        assert (doc.ballot_id, doc.origin) == (ballot["id"], ORIGIN)
    # A ballot already sent keeps its papers.
    sent = {**order, "ballot_id": world.ballot_id}
    refused = api.client.post("/api/v1/interconnect/assignments", json=sent, headers=office)
    assert (refused.status_code, refused.json()["code"]) == (409, "ballot_sent")


def test_only_the_exchange_delivers_and_it_does_nothing_else(api: Api, world: World) -> None:
    exchange = add_exchange(api, world)
    office = {**api.headers("secretariat"), **XML}
    r = api.client.post(PACKAGES, content=EdxmlPackage().xml(), headers=office)
    assert (r.status_code, r.json()["code"]) == (403, "forbidden")
    for path in ("/api/v1/sync/changes", "/api/v1/interconnect/inbox", "/api/v1/auth/me"):
        r = api.client.get(path, headers=exchange)
        assert r.status_code == 403, path
    with api.db() as db:
        assert db.scalar(select(func.count()).select_from(m.IncomingDocument)) == 0
    # No laptop learns of the system account as a person of the body.
    feed = api.client.get("/api/v1/sync/changes", headers=api.headers("secretariat")).json()
    users = {c["id"]: c for c in feed["changes"] if c["type"] == "user"}
    assert users[world.users["truclienthong"]]["deleted"] is True
    assert all("exchange" not in (c["data"] or {}).get("roles", ()) for c in users.values())
    # Signing out is for every account; the token is dead after it.
    assert api.client.post("/api/v1/auth/logout", headers=exchange).status_code == 204
    r = api.client.post(PACKAGES, content=EdxmlPackage().xml(), headers=exchange)
    assert (r.status_code, r.json()["code"]) == (401, "unauthorized")


def test_the_exchange_role_is_held_alone(api: Api) -> None:
    r = api.client.post(
        "/api/v1/users",
        json={
            "username": "truc2",
            "full_name": "Trục liên thông",
            "roles": ["exchange", "secretariat"],
            "password": "Mật-khẩu-rất-dài-2026",
        },
        headers=api.headers("secretariat"),
    )
    assert (r.status_code, r.json()["code"]) == (422, "validation_error")


@pytest.mark.parametrize("given", ["2026/11/10", "10/11/2026", "2026-11-10T08:30:00+07:00"])
def test_promulgation_dates_in_the_forms_senders_write(api: Api, world: World, given: str) -> None:
    exchange = add_exchange(api, world)
    assert deliver(api, exchange, EdxmlPackage(promulgation_date=given)).status_code == 201
    [row] = api.client.get("/api/v1/interconnect/inbox", headers=api.headers("secretariat")).json()
    assert row["promulgation_date"] == "2026-11-10"


def test_the_same_file_twice_in_a_package_is_one_blob(api: Api, world: World) -> None:
    twice = File("Phu-luc.pdf", make_pdf(1, "Phụ lục"))
    package = EdxmlPackage(files=(twice, replace(twice, name="Phu-luc-ban-sao.pdf")))
    assert deliver(api, add_exchange(api, world), package).status_code == 201
    with api.db() as db:
        sha = hashlib.sha256(twice.data).hexdigest()
        assert db.scalar(select(func.count()).where(m.IncomingAttachment.sha256 == sha)) == 2
        assert db.get(m.Blob, sha) is not None
