"""Statuses 05 "being handled" and 06 "done" back to the sender: 05 when the session of the item
an incoming document was assigned to starts (or its ballot is sent), 06 when the item is
decided (a conclusion recorded, its vote closed, the consent list adopted) or the ballot
closed; each queued in the same transaction as the act, once per incoming document; items
with nothing received through the exchange queue nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from ecabinet.server import models as m
from tests.edxml_packages import EdxmlPackage
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_board import mark
from tests.server.test_interconnect import add_exchange, deliver, statuses
from tests.server.test_meetings_api import call
from tests.server.test_votes_api import start_session


def assigned(api: Api, world: World, item_id: str, package: EdxmlPackage) -> str:
    if "truclienthong" not in world.users:
        add_exchange(api, world)
    exchange = {**api.headers("truclienthong"), "Content-Type": "application/xml"}
    incoming_id = str(deliver(api, exchange, package).json()["id"])
    r = api.client.post(
        "/api/v1/interconnect/assignments",
        json={"incoming_id": incoming_id, "agenda_item_id": item_id, "kind": "submission"},
        headers=api.headers("secretariat"),
    )
    assert r.status_code == 201, r.text
    return incoming_id


def codes(api: Api, incoming_id: str) -> list[str]:
    with api.db() as db:
        return list(
            db.scalars(
                select(m.InterconnectStatus.status_code)
                .where(m.InterconnectStatus.incoming_id == incoming_id)
                .order_by(m.InterconnectStatus.id)
            )
        )


def test_a_conclusion_on_the_item_tells_the_sender_it_is_done_once(api: Api, world: World) -> None:
    package = EdxmlPackage()
    incoming_id = assigned(api, world, world.item_ids[0], package)
    assert codes(api, incoming_id) == ["01", "03", "04"]

    conclude = f"/items/{world.item_ids[0]}/conclusions"
    r = call(api, "secretariat", "POST", conclude, json={"text": "Thống nhất thông qua."})
    assert r.status_code == 201, r.text
    assert codes(api, incoming_id) == ["01", "03", "04", "06"]
    latest = api.client.get(
        "/api/v1/interconnect/outbox", headers=api.headers("secretariat")
    ).json()[0]
    assert latest["status_code"] == "06" and latest["state"] == "waiting"
    assert latest["description"].startswith("Hoàn thành")
    assert statuses(latest["xml"]) == ("06", package.document_id, "000.00.00.G17")

    # A second conclusion on the same item sends nothing more.
    r = call(api, "secretariat", "POST", conclude, json={"text": "Bổ sung kết luận."})
    assert r.status_code == 201, r.text
    assert codes(api, incoming_id) == ["01", "03", "04", "06"]


def test_closing_the_vote_on_the_item_tells_the_sender_it_is_done(api: Api, world: World) -> None:
    item_id = world.item_ids[1]
    incoming_id = assigned(api, world, item_id, EdxmlPackage())
    start_session(api, world)
    assert codes(api, incoming_id) == ["01", "03", "04", "05"]  # the session started
    assert call(api, "chair", "POST", f"/items/{item_id}/vote/open").status_code == 200
    assert codes(api, incoming_id) == ["01", "03", "04", "05"]  # opening decides nothing
    assert call(api, "chair", "POST", f"/items/{item_id}/vote/close").status_code == 200
    assert codes(api, incoming_id) == ["01", "03", "04", "05", "06"]


def test_deciding_an_item_with_no_received_document_queues_nothing(api: Api, world: World) -> None:
    assigned(api, world, world.item_ids[0], EdxmlPackage())
    with api.db() as db:
        before = db.scalar(select(func.count()).select_from(m.InterconnectStatus))
    conclude = f"/items/{world.item_ids[1]}/conclusions"
    r = call(api, "secretariat", "POST", conclude, json={"text": "Thống nhất."})
    assert r.status_code == 201, r.text
    with api.db() as db:
        assert db.scalar(select(func.count()).select_from(m.InterconnectStatus)) == before


def test_adopting_the_consent_list_tells_the_sender_it_is_done(api: Api, world: World) -> None:
    item_id = world.item_ids[0]
    incoming_id = assigned(api, world, item_id, EdxmlPackage())
    for who in ("chair", "member01", "member02", "member03"):  # 4 of 6: more than half
        mark(api, who, item_id, "no_objection")
    start_session(api, world)
    url = f"/meetings/{world.meeting_id}/consent"
    r = call(api, "chair", "POST", url, json={"item_ids": [item_id]})
    assert r.status_code == 200, r.text
    assert codes(api, incoming_id) == ["01", "03", "04", "05", "06"]


def test_starting_the_session_tells_the_sender_it_is_being_handled(api: Api, world: World) -> None:
    package = EdxmlPackage()
    incoming_id = assigned(api, world, world.item_ids[0], package)
    other = assigned(
        api, world, world.item_ids[1], package.but(document_id="G22,2026/11/11,75/TTr-BTC")
    )
    assert call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/start").is_success
    assert codes(api, incoming_id) == ["01", "03", "04", "05"]
    assert codes(api, other) == ["01", "03", "04", "05"]
    latest = api.client.get(
        "/api/v1/interconnect/outbox", headers=api.headers("secretariat")
    ).json()[0]
    assert latest["description"].startswith("Đang xử lý: nội dung đang được Chính phủ xem xét")
    assert statuses(latest["xml"])[0] == "05"


def test_a_ballot_sent_then_closed_tells_the_sender_05_then_06(api: Api, world: World) -> None:
    incoming_id = str(deliver(api, add_exchange(api, world), EdxmlPackage()).json()["id"])
    deadline = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    voters = [world.users[u] for u in ("member01", "member02")]
    ballot = call(
        api,
        "secretariat",
        "POST",
        "/ballots",
        json={
            "title": "Phiếu xin ý kiến",
            "question": "Đồng ý?",
            "deadline": deadline,
            "voter_ids": voters,
        },
    ).json()["id"]
    r = api.client.post(
        "/api/v1/interconnect/assignments",
        json={"incoming_id": incoming_id, "ballot_id": ballot, "kind": "draft"},
        headers=api.headers("secretariat"),
    )
    assert r.status_code == 201, r.text
    assert codes(api, incoming_id) == ["01", "03", "04"]
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/send").is_success
    assert codes(api, incoming_id) == ["01", "03", "04", "05"]
    assert call(api, "secretariat", "POST", f"/ballots/{ballot}/close").is_success
    assert codes(api, incoming_id) == ["01", "03", "04", "05", "06"]
    latest = api.client.get(
        "/api/v1/interconnect/outbox", headers=api.headers("secretariat")
    ).json()[0]
    assert (
        latest["description"]
        == "Hoàn thành: đã kết thúc lấy ý kiến thành viên Chính phủ: Phiếu xin ý kiến"
    )
