"""The Government Office's endpoints: meetings, agenda, documents, users and devices."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from ecabinet.server import models as m
from tests.factories import World
from tests.pdfs import make_pdf
from tests.server.conftest import Api
from tests.server.signing_helpers import upload
from tests.server.test_sync_pull import ids_by_type, pull_all

SOON = (datetime.now(UTC) + timedelta(days=5)).isoformat()


def call(api: Api, who: str, method: str, url: str, **kwargs: Any) -> httpx.Response:
    response: httpx.Response = api.client.request(
        method, f"/api/v1{url}", headers=api.headers(who), **kwargs
    )
    return response


def new_meeting(api: Api, world: World, **extra: Any) -> dict[str, Any]:
    body = {
        "kind": "extraordinary",
        "title": "Phiên họp bất thường",
        "starts_at": SOON,
        "chair_id": world.users["chair"],
        "invitations": [
            {"user_id": world.users["member01"], "kind": "member"},
            {"user_id": world.users["chair"], "kind": "member"},
        ],
    }
    body.update(extra)
    r = call(api, "secretariat", "POST", "/meetings", json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


@pytest.mark.parametrize("who", ["member01", "chair", "guest"])
def test_only_the_secretariat_prepares(api: Api, world: World, who: str) -> None:
    for method, url in (
        ("GET", "/meetings"),
        ("POST", "/meetings"),
        ("GET", "/users"),
        ("POST", f"/meetings/{world.meeting_id}/publish"),
        ("POST", f"/items/{world.item_ids[0]}/conclusions"),
        ("GET", "/ballots"),
        ("GET", "/devices"),
    ):
        r = call(api, who, method, url, json={})
        assert r.status_code == 403, (method, url, r.text)
        assert r.json()["code"] == "forbidden"


def test_a_draft_meeting_reaches_members_only_when_published(api: Api, world: World) -> None:
    meeting = new_meeting(api, world)
    assert meeting["status"] == "draft"
    item = call(
        api,
        "secretariat",
        "POST",
        f"/meetings/{meeting['id']}/items",
        json={"title": "Dự thảo Nghị định", "presenter": "Bộ Tư pháp", "minutes_allotted": 30},
    ).json()
    sha = upload(api.client, api.headers("secretariat"), make_pdf(4, "Dự thảo khẩn"))
    doc = call(
        api,
        "secretariat",
        "POST",
        f"/items/{item['id']}/documents",
        json={"kind": "draft", "title": "Dự thảo", "sha256": sha, "filename": "du-thao.pdf"},
    )
    assert doc.status_code == 201, doc.text
    assert meeting["id"] not in ids_by_type(pull_all(api, "member01"))["meeting"]
    published = call(api, "secretariat", "POST", f"/meetings/{meeting['id']}/publish")
    assert published.json()["status"] == "published"
    seen = ids_by_type(pull_all(api, "member01"))
    assert meeting["id"] in seen["meeting"]
    assert item["id"] in seen["agenda_item"]
    assert doc.json()["id"] in seen["document"]
    assert meeting["id"] not in ids_by_type(pull_all(api, "member02"))["meeting"]
    again = call(api, "secretariat", "POST", f"/meetings/{meeting['id']}/publish")
    assert (again.status_code, again.json()["code"]) == (409, "invalid_state")


def test_replacing_a_document_keeps_the_old_version(api: Api, world: World) -> None:
    doc_id = world.document_ids[1]
    sha = upload(api.client, api.headers("secretariat"), make_pdf(3, "Dự thảo v2"))
    r = call(
        api,
        "secretariat",
        "POST",
        f"/documents/{doc_id}/versions",
        json={"sha256": sha, "filename": "du-thao-v2.pdf"},
    )
    assert r.status_code == 201
    assert r.json()["versions"] == [1, 2]
    with api.db() as db:
        doc = db.get(m.Document, doc_id)
        current = db.get(m.DocumentVersion, doc.current_version_id)
        assert (current.number, current.sha256) == (2, sha)
    missing = call(
        api,
        "secretariat",
        "POST",
        f"/documents/{doc_id}/versions",
        json={"sha256": "0" * 64, "filename": "x.pdf"},
    )
    assert missing.status_code == 404
    bad_name = call(
        api,
        "secretariat",
        "POST",
        f"/documents/{doc_id}/versions",
        json={"sha256": sha, "filename": "../../x.pdf"},
    )
    assert bad_name.status_code == 422


def test_paper_only_items_carry_no_file(api: Api, world: World) -> None:
    meeting = new_meeting(api, world)
    item = call(
        api,
        "secretariat",
        "POST",
        f"/meetings/{meeting['id']}/items",
        json={"title": "Tài liệu mật", "paper_only": True},
    ).json()
    sha = upload(api.client, api.headers("secretariat"), make_pdf(1))
    r = call(
        api,
        "secretariat",
        "POST",
        f"/items/{item['id']}/documents",
        json={"kind": "draft", "title": "x", "sha256": sha, "filename": "x.pdf"},
    )
    assert (r.status_code, r.json()["code"]) == (409, "paper_only")
    r = call(api, "secretariat", "PATCH", f"/items/{world.item_ids[0]}", json={"paper_only": True})
    assert (r.status_code, r.json()["code"]) == (409, "paper_only")


def test_reordering_needs_every_item_once(api: Api, world: World) -> None:
    url = f"/meetings/{world.meeting_id}/items/order"
    flipped = list(reversed(world.item_ids))
    r = call(api, "secretariat", "PUT", url, json={"item_ids": flipped})
    assert [i["id"] for i in r.json()] == flipped
    assert [i["position"] for i in r.json()] == [1, 2]
    bad = call(api, "secretariat", "PUT", url, json={"item_ids": flipped[:1]})
    assert bad.status_code == 422


def test_uninviting_tells_the_member_to_drop_the_meeting(api: Api, world: World) -> None:
    assert world.meeting_id in ids_by_type(pull_all(api, "member02"))["meeting"]
    keep = [{"user_id": world.users[u], "kind": "member"} for u in ("chair", "member01")]
    call(
        api,
        "secretariat",
        "PUT",
        f"/meetings/{world.meeting_id}/invitations",
        json={"invitations": keep},
    )
    changes = pull_all(api, "member02")
    last = [c for c in changes if c["type"] == "meeting" and c["id"] == world.meeting_id][-1]
    assert last["deleted"] is True


def test_a_guest_moved_to_other_items_is_told_to_drop_the_first(api: Api, world: World) -> None:
    first, second = world.item_ids
    guest = {"user_id": world.users["guest"], "kind": "guest"}
    url = f"/meetings/{world.meeting_id}/invitations"
    moved = call(
        api,
        "secretariat",
        "PUT",
        url,
        json={"invitations": [guest | {"agenda_item_ids": [second]}]},
    )
    assert moved.status_code == 200
    items = [c for c in pull_all(api, "guest") if c["type"] == "agenda_item"]
    assert {c["id"]: c["deleted"] for c in items} == {first: True, second: False}
    # Invited again to the whole meeting: both items come back, after the deletion.
    call(api, "secretariat", "PUT", url, json={"invitations": [guest]})
    last = {c["id"]: c["deleted"] for c in pull_all(api, "guest") if c["type"] == "agenda_item"}
    assert last == {first: False, second: False}


def test_unknown_and_foreign_ids_are_404(api: Api, world: World) -> None:
    for method, url in (
        ("GET", "/meetings/00000000-0000-0000-0000-000000000000"),
        ("PATCH", "/items/00000000-0000-0000-0000-000000000000"),
        ("POST", "/ballots/00000000-0000-0000-0000-000000000000/close"),
    ):
        assert call(api, "secretariat", method, url, json={}).status_code == 404


def test_users_created_with_a_password_policy_and_devices_revoked(api: Api, world: World) -> None:
    weak = call(
        api,
        "secretariat",
        "POST",
        "/users",
        json={"username": "member27", "full_name": "Mới", "password": "short"},
    )
    assert (weak.status_code, weak.json()["code"]) == (422, "weak_password")
    made = call(
        api,
        "secretariat",
        "POST",
        "/users",
        json={
            "username": "member27",
            "full_name": "Thành viên mới",
            "password": "a-much-better-password",
        },
    )
    assert made.status_code == 201
    taken = call(
        api,
        "secretariat",
        "POST",
        "/users",
        json={"username": "member27", "full_name": "X", "password": "a-much-better-password"},
    )
    assert taken.status_code == 409
    headers = api.headers("member01")
    devices = call(
        api, "secretariat", "GET", "/devices", params={"user_id": world.users["member01"]}
    ).json()
    revoked = call(api, "secretariat", "POST", f"/devices/{devices[0]['id']}/revoke")
    assert revoked.json()["revoked_at"]
    wipe = api.client.get("/api/v1/sync/changes", headers=headers).json()
    assert wipe["wipe"] is True
    with api.db() as db:
        actions = list(db.scalars(select(m.AuditEntry.action)))
        assert {"user.create", "device.revoke"} <= set(actions)


def test_read_receipts_and_results(api: Api, world: World) -> None:
    from tests.server.test_sync_push import mutation, push

    push(api, "member01", mutation("document.read", {"document_version_id": world.version_ids[0]}))
    reads = call(api, "secretariat", "GET", f"/documents/{world.document_ids[0]}/reads").json()
    assert [(r["user_id"], r["version_number"]) for r in reads] == [(world.users["member01"], 1)]
    assert (
        call(api, "secretariat", "GET", "/results", params={"ballot_id": world.ballot_id}).json()
        == []
    )
    call(api, "secretariat", "POST", f"/ballots/{world.ballot_id}/close")
    (result,) = call(
        api, "secretariat", "GET", "/results", params={"ballot_id": world.ballot_id}
    ).json()
    assert result["data"]["not_answered"] == 6


def test_a_sent_ballot_cannot_be_edited(api: Api, world: World) -> None:
    r = call(api, "secretariat", "PATCH", f"/ballots/{world.ballot_id}", json={"title": "x"})
    assert (r.status_code, r.json()["code"]) == (409, "invalid_state")


def test_edits_refuse_null_and_items_insert_where_asked(api: Api, world: World) -> None:
    for url, body in (
        (f"/meetings/{world.meeting_id}", {"title": None}),
        (f"/items/{world.item_ids[0]}", {"paper_only": None}),
        (f"/documents/{world.document_ids[0]}", {"allow_copy": None}),
        (f"/ballots/{world.ballot_id}", {"voter_ids": None}),
    ):
        r = call(api, "secretariat", "PATCH", url, json=body)
        assert (r.status_code, r.json()["code"]) == (422, "validation_error"), (url, r.text)
    cleared = call(
        api, "secretariat", "PATCH", f"/meetings/{world.meeting_id}", json={"ends_at": None}
    )
    assert cleared.status_code == 200
    first = call(
        api,
        "secretariat",
        "POST",
        f"/meetings/{world.meeting_id}/items",
        json={"title": "Khẩn", "position": 1},
    ).json()
    assert first["position"] == 1
    with api.db() as db:
        moved = [db.get(m.AgendaItem, i).position for i in world.item_ids]
    assert moved == [2, 3]
    stray = call(
        api,
        "secretariat",
        "PUT",
        f"/meetings/{world.meeting_id}/invitations",
        json={"invitations": [{"user_id": world.users["guest"], "agenda_item_ids": ["nope"]}]},
    )
    assert stray.status_code == 422
