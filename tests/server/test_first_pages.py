"""The first page shared by an audience: each member receives, byte for byte, the page built
for him alone (a server with the shared page turned off, on the same database, says what that
is), and a change his audience may see is in the next one, wherever it was committed."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from ecabinet.domain import Scope
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.server.core.config import Settings
from ecabinet.server.first_pages import FirstPages
from ecabinet.server.live.pending import Batch, ChangeNote
from ecabinet.server.quiet_poll import PollMemory
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_sync_push import annotation, mutation, push

CHANGES = "/api/v1/sync/changes"
# member01-04 are invited to the same meeting and ballot: one audience. The others each
# have their own: member05 (invited to nothing), the chair, a guest of one item, the Office.
USERS = ("member01", "member02", "member03", "member05", "chair", "guest", "secretariat")


@pytest.fixture
def before(settings: Settings) -> Iterator[TestClient]:
    """A server on the same database that builds every first page for its member."""
    application = create_app(settings.with_changes(first_page_cache_mb=0))
    yield TestClient(application)
    application.state.engine.dispose()


def first_page(client: TestClient, api: Api, username: str, limit: int = 500) -> bytes:
    r = client.get(CHANGES, params={"limit": limit}, headers=api.headers(username))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    return bytes(r.content)


def poll_memory(api: Api) -> PollMemory:
    found: PollMemory = api.app.state.poll_memory
    return found


def pages(api: Api) -> FirstPages:
    found: FirstPages = api.app.state.first_pages
    return found


def own_rows(api: Api, world: World) -> None:
    """Rows that name one user: member01's private note and position, member02's note
    shared with the Office, the chair's and the Office's private notes."""
    position = {"agenda_item_id": world.item_ids[0], "position": "object"}
    acts = {
        "member01": [annotation(world), position],
        "member02": [annotation(world, shared="secretariat")],
        "chair": [annotation(world)],
        "secretariat": [annotation(world)],
    }
    for username, datas in acts.items():
        mutations = [
            mutation("position.set" if data is position else "annotation.put", data)
            for data in datas
        ]
        results = push(api, username, *mutations)
        assert [r["status"] for r in results] == ["applied"] * len(mutations), results


def test_each_member_gets_exactly_the_page_built_for_him(
    api: Api, world: World, before: TestClient
) -> None:
    own_rows(api, world)
    for limit in (500, 4, 1):
        for username in USERS:
            alone = first_page(before, api, username, limit)
            assert first_page(api.client, api, username, limit) == alone, (username, limit)
            assert first_page(api.client, api, username, limit) == alone  # the kept page
    # Built once per audience and page size: member01, 02 and 03 shared theirs.
    assert pages(api).builds == 3 * (len(USERS) - 2)
    # member01's own rows are in his page, not in member02's.
    mine = {
        c["id"]
        for c in api.client.get(CHANGES, headers=api.headers("member01")).json()["changes"]
        if c["type"] in ("annotation", "position")
    }
    theirs = {
        c["id"]
        for c in api.client.get(CHANGES, headers=api.headers("member02")).json()["changes"]
        if c["type"] in ("annotation", "position")
    }
    assert len(mine) == 2 and len(theirs) == 1 and not mine & theirs


def pages_from(client: TestClient, api: Api, username: str, limit: int) -> list[bytes]:
    """Every page of a catch-up from the beginning, as sent."""
    answers, params = [], {"limit": limit}
    while True:
        r = client.get(CHANGES, params=params, headers=api.headers(username))
        assert r.status_code == 200, r.text
        answers.append(bytes(r.content))
        page = r.json()
        if not page["more"]:
            return answers
        params["since"] = page["cursor"]


def pull_all_from(client: TestClient, api: Api, username: str, limit: int) -> list[Any]:
    return [
        c for page in pages_from(client, api, username, limit) for c in json.loads(page)["changes"]
    ]


def test_paging_on_from_a_shared_first_page_walks_the_same_feed(
    api: Api, world: World, before: TestClient
) -> None:
    own_rows(api, world)
    for username in ("member01", "member02", "chair", "secretariat"):
        with_shared = pull_all_from(api.client, api, username, 3)
        assert with_shared == pull_all_from(before, api, username, 3)
        assert len(with_shared) > 3


def test_every_page_of_a_catch_up_is_built_once_per_audience(
    api: Api, world: World, before: TestClient
) -> None:
    own_rows(api, world)
    walk = pages_from(api.client, api, "member03", 3)
    assert len(walk) >= 4
    builds = pages(api).builds
    assert builds == len(walk)
    # member04, of the same audience, walks member03's cursors and is served their pages.
    assert pages_from(api.client, api, "member04", 3) == walk
    assert pages(api).builds == builds
    for username in ("member03", "member04", "member01", "chair"):  # byte for byte
        assert pages_from(api.client, api, username, 3) == pages_from(before, api, username, 3)
    # Something new, after the cursor both hold: built once for the two, and holding it.
    builds = pages(api).builds
    note = annotation(world, shared="meeting")
    assert push(api, "member01", mutation("annotation.put", note))[0]["status"] == "applied"
    since = {"limit": 3, "since": json.loads(walk[-1])["cursor"]}
    polls = [
        api.client.get(CHANGES, params=since, headers=api.headers(u)).content
        for u in ("member03", "member04")
    ]
    assert polls[0] == polls[1] and note["id"].encode() in polls[0]
    assert polls[0] == before.get(CHANGES, params=since, headers=api.headers("member03")).content
    assert pages(api).builds == builds + 1


def test_a_change_the_audience_may_see_is_in_the_next_first_page(
    api: Api, world: World, before: TestClient
) -> None:
    first_page(api.client, api, "member02")
    built = pages(api).builds
    # member04's private note is not member02's to see: the kept page still holds.
    assert push(api, "member04", mutation("annotation.put", annotation(world)))[0]["status"] == (
        "applied"
    )
    assert first_page(api.client, api, "member02") == first_page(before, api, "member02")
    assert pages(api).builds == built
    # A note shared with the meeting is: the page is built again, and holds it.
    note = annotation(world, shared="meeting")
    assert push(api, "member03", mutation("annotation.put", note))[0]["status"] == "applied"
    page = first_page(api.client, api, "member02")
    assert page == first_page(before, api, "member02")
    assert note["id"].encode() in page
    assert pages(api).builds == built + 1


def test_a_commit_of_another_process_is_in_the_next_first_page(
    api: Api, world: World, before: TestClient
) -> None:
    """Committed by a session no hub hears (another server process on SQLite, the command
    line): the database's latest feed number, read by every pull, tells of it."""
    kept = first_page(api.client, api, "member02")
    outside = sessionmaker(api.app.state.engine)
    with outside() as db:
        meeting = db.get(m.Meeting, world.meeting_id)
        assert meeting is not None
        meeting.title = "Phiên họp thường kỳ tháng 12"
        feed.publish_meeting(db, meeting)
        db.commit()
    # For up to a second after the database last gave the body's latest number, a pull may
    # still be answered as the feed stood at it (pages_from_memory.py): its cursor is below
    # the new row, so the next pull brings it. That second has passed:
    poll_memory(api).head_seconds = 0
    page = first_page(api.client, api, "member02")
    assert page != kept
    assert page == first_page(before, api, "member02")
    assert "Phiên họp thường kỳ tháng 12".encode() in page


def test_a_commit_heard_from_the_relay_drops_the_pages_that_may_see_it(
    api: Api, world: World
) -> None:
    """A PostgreSQL commit can land below a feed number already read (numbers are drawn
    before commit): only hearing it tells. The relay hands it to the hub."""
    hub = api.app.state.live_hub
    first_page(api.client, api, "member02")
    first_page(api.client, api, "member05")
    built = pages(api).builds
    with api.db() as db:
        body_id = db.scalar(select(m.User.body_id).where(m.User.username == "member02"))
    assert body_id is not None
    seen_by_meeting = ChangeNote(body_id, Scope.MEETING, world.meeting_id, world.meeting_id, 1)
    hub.receive(Batch(changes=(seen_by_meeting,)))
    first_page(api.client, api, "member02")
    first_page(api.client, api, "member05")  # not invited: its page stays
    assert pages(api).builds == built + 1
    someone_elses = ChangeNote(body_id, Scope.PRIVATE, world.users["member04"], None, 1)
    hub.receive(Batch(changes=(someone_elses,)))
    first_page(api.client, api, "member02")
    assert pages(api).builds == built + 1
    hub.end_all()  # the relay lost notices: nothing kept is trusted
    first_page(api.client, api, "member02")
    first_page(api.client, api, "member05")
    assert pages(api).builds == built + 3


def test_members_arriving_at_once_build_their_page_once(api: Api, world: World) -> None:
    factory = api.app.state.session_factory
    memory = FirstPages(max_bytes=1 << 20)
    answers: list[bytes] = []

    def first_sync(username: str) -> None:
        with factory() as db:
            user = db.scalar(select(m.User).where(m.User.username == username))
            head = db.scalar(select(func.max(m.Change.seq)))
            answers.append(memory.page(db, feed.audience_for(db, user), head, 500))

    members = [f"member0{n}" for n in (2, 3, 4)] * 3
    threads = [threading.Thread(target=first_sync, args=(u,)) for u in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert memory.builds == 1
    assert len(set(answers)) == 1 and len(answers) == len(members)


def test_a_page_larger_than_the_memory_is_served_not_kept(
    api: Api, world: World, before: TestClient
) -> None:
    pages(api).max_bytes = 100
    for _ in range(2):
        assert first_page(api.client, api, "member02") == first_page(before, api, "member02")
    assert pages(api).builds == 2


def test_shared_and_own_rows_split_what_each_user_sees(api: Api, world: World) -> None:
    own_rows(api, world)
    with api.db() as db:
        for username in (*USERS, "member04", "deputy"):
            user = db.scalar(select(m.User).where(m.User.username == username))
            assert user is not None
            aud = feed.audience_for(db, user)

            def seqs(where: Any) -> set[int]:
                return set(db.scalars(select(m.Change.seq).where(where)))

            shared, own = seqs(feed.shared_filter(aud)), seqs(feed.own_filter(aud))
            assert shared | own == seqs(feed.visibility_filter(aud)), username
            assert not shared & own, username
            # What a heard commit is judged by agrees with the shared rows.
            for row in db.scalars(select(m.Change)):
                heard_as_shared = feed.may_see(
                    aud.shared(), row.body_id, row.scope, row.scope_id, row.meeting_id
                )
                assert heard_as_shared == (row.seq in shared), (username, row.type)
