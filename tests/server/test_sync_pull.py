"""The change feed: what a first pull holds, paging, cursors, and the wipe of a revoked device.

Who sees what, role by role, is in test_visibility.py.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import event, select, update

from ecabinet.server import models as m
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_sync_push import annotation, mutation, push


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
    changes = pull_all(api, "member01")
    seen = ids_by_type(changes)
    ballot_versions = {
        c["id"]
        for c in changes
        if c["type"] == "document_version" and c["data"]["document_id"] == world.ballot_document_id
    }
    assert len(ballot_versions) == 1
    assert seen["meeting"] == {world.meeting_id}
    assert seen["agenda_item"] == set(world.item_ids)
    assert seen["document"] == set(world.document_ids) | {world.ballot_document_id}
    assert seen["document_version"] == set(world.version_ids) | ballot_versions
    assert seen["ballot"] == {world.ballot_id}
    assert seen["user"] == set(world.users.values())
    # member01 is invited to the draft meeting, yet a draft is the Office's alone.
    shas = {c["data"]["sha256"] for c in changes if c["type"] == "document_version"}
    assert world.draft_meeting_sha not in shas


def test_a_change_carries_its_object(api: Api, world: World) -> None:
    changes = pull_all(api, "member01")
    meeting = next(c for c in changes if c["type"] == "meeting")
    assert meeting["deleted"] is False
    assert meeting["data"]["id"] == world.meeting_id
    version = next(c for c in changes if c["id"] == world.version_ids[0])
    assert {"sha256", "size", "pages", "filename", "created_at"} <= set(version["data"])


def test_paging_walks_every_change_once_in_order(api: Api, world: World) -> None:
    whole = pull_all(api, "member01")
    paged = pull_all(api, "member01", limit=3)
    assert len(whole) > 3
    assert [c["seq"] for c in paged] == [c["seq"] for c in whole]
    seqs = [c["seq"] for c in paged]
    assert seqs == sorted(set(seqs))


def test_a_full_page_says_there_is_more(api: Api, world: World) -> None:
    headers = api.headers("member01")
    page = api.client.get("/api/v1/sync/changes", params={"limit": 3}, headers=headers).json()
    assert len(page["changes"]) == 3
    assert page["more"] is True


def test_pull_from_the_last_cursor_is_empty(api: Api, world: World) -> None:
    headers = api.headers("member01")
    first = api.client.get("/api/v1/sync/changes", headers=headers).json()
    assert first["more"] is False
    again = api.client.get(
        "/api/v1/sync/changes", params={"since": first["cursor"]}, headers=headers
    ).json()
    assert again == {"changes": [], "cursor": first["cursor"], "more": False, "wipe": False}


def test_the_cursor_brings_only_what_changed_since(api: Api, world: World) -> None:
    headers = api.headers("member01")
    cursor = api.client.get("/api/v1/sync/changes", headers=headers).json()["cursor"]
    push(api, "member01", mutation("annotation.put", annotation(world)))
    # A change that member01 may not see moves no cursor of theirs.
    push(api, "member02", mutation("annotation.put", annotation(world)))
    page = api.client.get("/api/v1/sync/changes", params={"since": cursor}, headers=headers).json()
    assert [c["type"] for c in page["changes"]] == ["annotation"]
    assert page["cursor"] != cursor
    later = api.client.get(
        "/api/v1/sync/changes", params={"since": page["cursor"]}, headers=headers
    ).json()
    assert later["changes"] == []


def test_bad_cursor_and_limits_are_validation_problems(api: Api, world: World) -> None:
    headers = api.headers("member01")
    for params in (
        {"since": "nonsense"},
        {"since": "v1.-4"},
        {"since": "v1." + "9" * 30},
        {"limit": 0},
        {"limit": 1001},
        {"limit": "many"},
    ):
        r = api.client.get("/api/v1/sync/changes", params=params, headers=headers)
        assert r.status_code == 422, params
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["code"] == "validation_error"


def test_a_pull_needs_a_session(api: Api, world: World) -> None:
    assert api.client.get("/api/v1/sync/changes").status_code == 401


def test_a_pull_records_when_the_device_was_last_seen(api: Api, world: World) -> None:
    headers = api.headers("member01")
    with api.db() as db:
        db.execute(update(m.Device).values(last_seen_at=None))
        db.commit()
    # The sign-in wrote "last seen"; pulls within the minute after it are answered from
    # memory (quiet_poll.py) and write nothing. That minute has passed:
    api.app.state.poll_memory.token_seconds = 0
    assert api.client.get("/api/v1/sync/changes", headers=headers).status_code == 200
    with api.db() as db:
        device = db.scalars(select(m.Device).where(m.Device.user_id == world.users["member01"]))
        assert device.one().last_seen_at is not None


def test_a_device_is_seen_when_it_signs_in_and_its_first_pull_writes_nothing(
    api: Api, world: World
) -> None:
    headers = api.headers("member01")
    with api.db() as db:
        device = db.scalars(select(m.Device).where(m.Device.user_id == world.users["member01"]))
        assert device.one().last_seen_at is not None
    engine = api.app.state.session_factory.kw["bind"]
    writes: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE")):
            writes.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        assert api.client.get("/api/v1/sync/changes", headers=headers).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert writes == []


def test_revoked_device_is_told_to_wipe_once_then_refused(api: Api, world: World) -> None:
    headers = api.headers("member01")
    cursor = api.client.get("/api/v1/sync/changes", headers=headers).json()["cursor"]
    with api.db() as db:
        device_id = db.scalar(
            select(m.Device.id).where(m.Device.user_id == world.users["member01"])
        )
    revoked = api.client.post(
        f"/api/v1/devices/{device_id}/revoke", headers=api.headers("secretariat")
    )
    assert revoked.status_code == 200, revoked.text
    r = api.client.get("/api/v1/sync/changes", params={"since": cursor}, headers=headers)
    assert r.status_code == 200
    assert r.json() == {"changes": [], "cursor": cursor, "more": False, "wipe": True}
    again = api.client.get("/api/v1/sync/changes", headers=headers)
    assert again.status_code == 401
    other = api.client.get("/api/v1/auth/me", headers=headers)
    assert other.status_code == 401
