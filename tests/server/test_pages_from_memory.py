"""Pages answered from memory (pages_from_memory.py, body_views.py): each member receives the
page built for him alone (a server with shared pages turned off, on the same database, says
what that is), with no query at all once the body's view and his audience's page are known,
and the database is asked again whenever what they stand on may have changed."""

from __future__ import annotations

import threading
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from ecabinet.domain import Scope
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.body_views import BodyViews
from ecabinet.server.live.pending import Batch, ChangeNote
from ecabinet.server.pages_from_memory import PagesFromMemory
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_first_pages import USERS, before, first_page, own_rows, poll_memory
from tests.server.test_quiet_poll import statements

__all__ = ["before"]  # the fixture, used by name


def views(api: Api) -> BodyViews:
    found: BodyViews = api.app.state.body_views
    return found


def body_and_head(api: Api) -> tuple[str, int]:
    with api.db() as db:
        user = db.get_one(m.User, api.world.users["member01"])
        head = db.scalar(select(func.max(m.Change.seq)).where(m.Change.body_id == user.body_id))
        return user.body_id, head or 0


def test_a_member_of_a_known_audience_is_answered_without_the_database(
    api: Api, world: World, before: TestClient
) -> None:
    poll_memory(api).head_seconds = 60  # the latest number read stays fresh for the test
    first_page(api.client, api, "member01")  # his audience's page, and the body's view
    api.headers("member02")  # signed in before counting
    with statements(api) as ran:
        page = first_page(api.client, api, "member02")
    assert ran == []
    assert page == first_page(before, api, "member02")
    assert views(api).worked_out == 1


def test_every_member_receives_the_page_built_for_him_alone(
    api: Api, world: World, before: TestClient
) -> None:
    """Rows of his own send a member to the database for them; the others are answered from
    memory: every page, whichever way, byte for byte the one built for him alone."""
    own_rows(api, world)
    poll_memory(api).head_seconds = 60
    for limit in (500, 3):
        for username in (*USERS, "member04", "deputy"):
            alone = first_page(before, api, username, limit)
            with statements(api) as ran:
                assert first_page(api.client, api, username, limit) == alone, username
            if username == "member04":  # member01-03 had his audience's page built
                assert ran == []
            if username == "member01":  # his note and position are read for him
                assert ran


def test_an_invitation_is_in_the_invited_members_next_page(
    api: Api, world: World, before: TestClient
) -> None:
    poll_memory(api).head_seconds = 60
    page = api.client.get("/api/v1/sync/changes", headers=api.headers("member05")).json()
    assert world.meeting_id not in {c["id"] for c in page["changes"]}
    worked_out = views(api).worked_out
    with api.db() as db:  # on the app's sessions: heard, as an invitation through the API is
        meeting = db.get_one(m.Meeting, world.meeting_id)
        db.add(
            m.Invitation(
                meeting_id=meeting.id,
                user_id=world.users["member05"],
                kind="member",
                agenda_item_ids=[],
            )
        )
        db.flush()
        feed.publish_meeting_tree(db, meeting)
        db.commit()
    since = {"since": page["cursor"]}
    after = api.client.get("/api/v1/sync/changes", params=since, headers=api.headers("member05"))
    assert world.meeting_id in {c["id"] for c in after.json()["changes"]}
    alone = before.get("/api/v1/sync/changes", params=since, headers=api.headers("member05"))
    assert after.content == alone.content
    assert views(api).worked_out == worked_out + 1


def test_a_row_heard_below_the_views_number_sends_its_member_to_the_database(
    api: Api, world: World
) -> None:
    """On PostgreSQL a row may be committed under a number already read (numbers are drawn
    before commit); heard from the relay, it marks the view stale and stays known after."""
    body_id, head = body_and_head(api)
    known = BodyViews()
    with api.db() as db:
        view = known.view(db, body_id, head)
    member05 = world.users["member05"]
    assert not view.own_rows_after(member05, 0)
    known.heard(Batch(changes=(ChangeNote(body_id, Scope.OWN, member05, None, head - 1),)))
    assert known.at(body_id, head) is None
    with api.db() as db:
        again = known.view(db, body_id, head)
    assert again.own_rows_after(member05, head - 2)
    assert not again.own_rows_after(member05, head - 1)
    known.forget()
    assert known.at(body_id, head) is None


def test_members_arriving_at_once_work_out_the_body_once(api: Api, world: World) -> None:
    body_id, head = body_and_head(api)
    known = BodyViews()
    seen: list[int] = []

    def pull() -> None:
        with api.db() as db:
            seen.append(id(known.view(db, body_id, head)))

    threads = [threading.Thread(target=pull) for _ in range(9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert known.worked_out == 1 and len(set(seen)) == 1


def test_the_audiences_of_a_body_are_each_users_own(api: Api, world: World) -> None:
    own_rows(api, world)
    body_id, _head = body_and_head(api)
    with api.db() as db:
        together = feed.audiences_in_body(db, body_id)
        users = db.scalars(select(m.User).where(m.User.body_id == body_id, m.User.active)).all()
        assert {u.id for u in users} == set(together)
        for user in users:
            assert together[user.id] == feed.audience_for(db, user), user.username
        # The world's invitations, ballot and roles make several different audiences.
        assert len({a.shared() for a in together.values()}) >= 5


def test_a_database_fault_in_the_memorys_way_goes_the_full_way(
    api: Api, world: World, before: TestClient
) -> None:
    """The memory's worker-thread read failing (a busy database) is no answer of its own:
    the pull goes the full way, which answers it as any request is answered."""
    pages: PagesFromMemory = api.app.state.pages_from_memory

    def busy() -> Any:
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    pages.session_factory = busy  # type: ignore[assignment]
    page = first_page(api.client, api, "member02")
    assert page == first_page(before, api, "member02")
