"""Results leave through the exchange: the Office's signed conclusion notice of a decided item,
or summary of a closed ballot, becomes an edXML package to the presenting ministry (the sender
of the item's document, else the organ the presenter names), sealed with the body's key,
queued and delivered; an undecided item, an unsigned PDF, a number used twice and an unknown
ministry are refused."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from defusedxml.ElementTree import fromstring

from ecabinet.pdf.conclusion import ConclusionNotice, conclusion_notice_pdf
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.interconnect.delivery import HttpAdapter, deliver_due
from ecabinet.server.interconnect.edxml import NS
from ecabinet.server.interconnect.xmlsig import check_package_signature
from ecabinet.server.pki import server_ca
from ecabinet.signing.pades import sign_pdf
from ecabinet.signing.signer import SoftwareSigner
from tests.edxml_packages import FINANCE, EdxmlPackage
from tests.exchange_loopback import ExchangeEndpoint
from tests.factories import World
from tests.pdfs import make_pdf
from tests.server.conftest import Api
from tests.server.signing_helpers import enroll, upload
from tests.server.test_interconnect_done import assigned
from tests.server.test_meetings_api import call

RESULTS = "/api/v1/interconnect/results"
JUSTICE = "000.00.00.G06"  # Bộ Tư pháp, the presenter of the world's items
Q = f"{{{NS}}}"


def notice(item_title: str = "Nội dung 1") -> bytes:
    return conclusion_notice_pdf(
        ConclusionNotice(
            number="123/TB-VPCP",
            issued=date(2026, 11, 27),
            item_title=item_title,
            meeting_title="Phiên họp Chính phủ thường kỳ tháng 11 năm 2026",
            meeting_date=date(2026, 11, 26),
            presiding="Thủ tướng Chính phủ",
            conclusions=("Thống nhất thông qua dự thảo Nghị định.",),
            presenter="Bộ Tài chính",
        )
    )


def signed_upload(api: Api, world: World, pdf: bytes) -> str:
    office = api.headers("secretariat")
    key = enroll(api.client, office, world.users["secretariat"])
    return upload(api.client, office, sign_pdf(pdf, SoftwareSigner(key.identity)))


def conclude(api: Api, item_id: str) -> None:
    r = call(api, "secretariat", "POST", f"/items/{item_id}/conclusions", json={"text": "Đồng ý."})
    assert r.status_code == 201, r.text


def issue(api: Api, **order: object) -> Any:
    return api.client.post(RESULTS, json=order, headers=api.headers("secretariat"))


def header_text(xml: bytes, path: str) -> str:
    root = fromstring(xml)
    found = root.find(
        f"{Q}edXMLHeader/{Q}MessageHeader/" + "/".join(Q + p for p in path.split("/"))
    )
    return (found.text or "") if found is not None else ""


def test_a_conclusion_notice_goes_to_the_ministry_that_sent_the_item_s_document(
    api: Api, world: World, settings: Settings, tmp_path: Path
) -> None:
    package = EdxmlPackage()
    item_id = world.item_ids[0]
    assigned(api, world, item_id, package)
    pdf_sha = signed_upload(api, world, notice())
    early = issue(api, agenda_item_id=item_id, signed_pdf=pdf_sha, code_number="123")
    assert (early.status_code, early.json()["code"]) == (409, "not_decided")
    conclude(api, item_id)

    r = issue(
        api,
        agenda_item_id=item_id,
        signed_pdf=pdf_sha,
        code_number="123",
        signer_position="KT. Bộ trưởng, Chủ nhiệm - Phó Chủ nhiệm",
        signer_name="Trần Văn Sơn",
    )
    assert r.status_code == 201, r.text
    queued = r.json()
    # The sender of the item's document, not the presenter named on the agenda (Bộ Tư pháp).
    assert (queued["kind"], queued["to_organ_id"], queued["state"]) == (
        "result",
        FINANCE,
        "waiting",
    )
    assert queued["description"].startswith("Số 123/TB-VPCP: Thông báo kết luận")
    assert queued["xml"] == ""  # the outbox list leaves the PDF out

    with ExchangeEndpoint() as endpoint, api.db() as db:
        assert deliver_due(db, HttpAdapter(endpoint.url)).sent == 5  # 01, 03, 04, 06 and it
        [sent] = [x for name, x in endpoint.received.items() if name.endswith("-result.edxml")]
    assert header_text(sent, "From/OrganId") == "000.00.00.G17"
    assert header_text(sent, "To/OrganId") == FINANCE
    assert header_text(sent, "To/OrganName") == "Bộ Tài chính"
    assert (header_text(sent, "Code/CodeNumber"), header_text(sent, "Code/CodeNotation")) == (
        "123",
        "TB-VPCP",
    )
    assert header_text(sent, "DocumentType/TypeName") == "Thông báo"
    assert header_text(sent, "PromulgationInfo/Place") == "Hà Nội"  # the Government's
    assert header_text(sent, "SignerInfo/FullName") == "Trần Văn Sơn"
    assert header_text(sent, "ResponseFor/DocumentId") == package.document_id
    assert header_text(sent, "DocumentId").endswith(",123/TB-VPCP")
    root = fromstring(sent)
    [attachment] = root.findall(f"{Q}AttachmentEncoded/{Q}Attachment")
    value = attachment.findtext(f"{Q}Value") or ""
    assert base64.b64decode(value) == b"".join(open_blob_store(settings).read(pdf_sha))
    # Sealed with the body's key: the ministry checks it against the body's certificate.
    (tmp_path / "sent.xml").write_bytes(sent)
    ca = server_ca(settings).certificate
    assert check_package_signature(tmp_path / "sent.xml", [ca], require_signature=True)

    again = issue(api, agenda_item_id=item_id, signed_pdf=pdf_sha, code_number="123")
    assert (again.status_code, again.json()["code"]) == (409, "already_issued")


def test_without_a_received_document_the_presenter_names_the_ministry(
    api: Api, world: World
) -> None:
    item_id = world.item_ids[1]
    conclude(api, item_id)
    r = issue(
        api,
        agenda_item_id=item_id,
        signed_pdf=signed_upload(api, world, notice("Nội dung 2")),
        code_number="124",
    )
    assert r.status_code == 201, r.text
    assert r.json()["to_organ_id"] == JUSTICE


def test_an_unsigned_pdf_an_unknown_ministry_and_a_member_are_refused(
    api: Api, world: World
) -> None:
    item_id = world.item_ids[0]
    conclude(api, item_id)
    plain = upload(api.client, api.headers("secretariat"), make_pdf(1, "Thông báo"))
    r = issue(api, agenda_item_id=item_id, signed_pdf=plain, code_number="125")
    assert (r.status_code, r.json()["code"]) == (422, "invalid_signature")
    signed = signed_upload(api, world, notice())
    r = issue(api, agenda_item_id=item_id, signed_pdf=signed, code_number="125", to_organ_id="X.99")
    assert (r.status_code, r.json()["code"]) == (409, "no_presenting_organ")
    r = api.client.post(
        RESULTS,
        json={"agenda_item_id": item_id, "signed_pdf": signed, "code_number": "125"},
        headers=api.headers("member01"),
    )
    assert r.status_code == 403


def test_a_closed_ballot_s_summary_goes_to_the_ministry_of_its_draft(
    api: Api, world: World
) -> None:
    from tests.server.test_interconnect import add_exchange, deliver

    incoming_id = deliver(api, add_exchange(api, world), EdxmlPackage()).json()["id"]
    deadline = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    ballot = call(
        api,
        "secretariat",
        "POST",
        "/ballots",
        json={
            "title": "Dự thảo Nghị định",
            "question": "Đồng ý?",
            "deadline": deadline,
            "voter_ids": [world.users["member01"]],
        },
    ).json()["id"]
    r = api.client.post(
        "/api/v1/interconnect/assignments",
        json={"incoming_id": incoming_id, "ballot_id": ballot, "kind": "draft"},
        headers=api.headers("secretariat"),
    )
    assert r.status_code == 201, r.text
    summary = signed_upload(api, world, make_pdf(1, "Báo cáo tổng hợp ý kiến"))
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/send").is_success
    r = issue(api, ballot_id=ballot, signed_pdf=summary, code_number="45")
    assert (r.status_code, r.json()["code"]) == (409, "not_decided")
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/close").is_success
    r = issue(api, ballot_id=ballot, signed_pdf=summary, code_number="45")
    assert r.status_code == 201, r.text
    assert r.json()["to_organ_id"] == FINANCE
    assert r.json()["description"] == (
        "Số 45/BC-VPCP: Tổng hợp ý kiến Thành viên Chính phủ: Dự thảo Nghị định"
    )
