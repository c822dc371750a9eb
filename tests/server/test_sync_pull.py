"""The change feed: paging, cursors, visibility by role, and the wipe of a revoked device."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import update

from ecabinet.server import models as m
from tests.factories import World
from tests.server.conftest import Api


def pull_all(api: Api, username: str, limit: int = 500) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["since"] = cursor
        r = api.client.get("/api/v1/sync/changes", params=params, headers=api.headers(username))
        assert r.status_code == 200, r.text
        page = r.json()
        changes.extend(page["changes"])
        cursor = page["cursor"]
        if not page["more"]:
            return changes


def ids_by_type(changes: list[dict[str, Any]]) -> dict[str, set[str]]:
    """What a client holds after applying the changes in feed order."""
    out: dict[str, set[str]] = defaultdict(set)
    for change in changes:
        if change["deleted"]:
            out[change["type"]].discard(change["id"])
        else:
            out[change["type"]].add(change["id"])
    return out


def test_member_pulls_the_published_meeting_tree_and_ballot(api: Api, world: World) -> None:
    seen = ids_by_type(pull_all(api, "member01"))
    assert seen["meeting"] == {world.meeting_id}
    assert seen["agenda_item"] == set(world.item_ids)
    assert set(world.document_ids) | {world.ballot_document_id} == seen["document"]
    assert set(world.version_ids) <= seen["document_version"]
    assert seen["ballot"] == {world.ballot_id}
    assert set(world.users.values()) == seen["user"]
    assert world.draft_meeting_id not in seen["meeting"]


def test_paging_walks_every_change_once_in_order(api: Api, world: World) -> None:
    whole = pull_all(api, "member01")
    paged = pull_all(api, "member01", limit=3)
    assert [c["seq"] for c in paged] == [c["seq"] for c in whole]
    seqs = [c["seq"] for c in paged]
    assert seqs == sorted(set(seqs))


def test_pull_from_the_last_cursor_is_empty(api: Api, world: World) -> None:
    headers = api.headers("member01")
    first = api.client.get("/api/v1/sync/changes", headers=headers).json()
    again = api.client.get(
        "/api/v1/sync/changes", params={"since": first["cursor"]}, headers=headers
    ).json()
    assert again["changes"] == []
    assert again["more"] is False
    assert again["cursor"] == first["cursor"]


def test_bad_cursor_and_limits_are_validation_problems(api: Api, world: World) -> None:
    headers = api.headers("member01")
    for params in ({"since": "nonsense"}, {"limit": 0}, {"limit": 1001}):
        r = api.client.get("/api/v1/sync/changes", params=params, headers=headers)
        assert r.status_code == 422, params
        assert r.json()["code"] == "validation_error"


def test_member_not_invited_sees_no_meeting(api: Api, world: World) -> None:
    seen = ids_by_type(pull_all(api, "member05"))
    assert not seen["meeting"]
    assert not seen["agenda_item"]
    assert not (set(world.document_ids) & seen["document"])


def test_guest_sees_only_the_item_they_are_invited_to(api: Api, world: World) -> None:
    seen = ids_by_type(pull_all(api, "guest"))
    assert seen["meeting"] == {world.meeting_id}
    assert seen["agenda_item"] == {world.item_ids[0]}
    assert seen["document"] == set(world.document_ids[:2])
    assert not seen["ballot"]


def test_deputy_sees_every_item(api: Api, world: World) -> None:
    assert ids_by_type(pull_all(api, "deputy"))["agenda_item"] == set(world.item_ids)


def test_secretariat_sees_drafts_too(api: Api, world: World) -> None:
    seen = ids_by_type(pull_all(api, "secretariat"))
    assert {world.meeting_id, world.draft_meeting_id} == seen["meeting"]


def test_revoked_device_is_told_to_wipe_once_then_refused(api: Api, world: World) -> None:
    headers = api.headers("member01")
    with api.client.app.state.session_factory() as db:  # type: ignore[attr-defined]
        db.execute(update(m.Device).values(revoked_at=m.now()))
        db.commit()
    r = api.client.get("/api/v1/sync/changes", headers=headers)
    assert r.status_code == 200
    assert r.json()["wipe"] is True
    assert r.json()["changes"] == []
    again = api.client.get("/api/v1/sync/changes", headers=headers)
    assert again.status_code == 401
    other = api.client.get("/api/v1/auth/me", headers=headers)
    assert other.status_code == 401
