"""The live hub in process: its filter agrees with the feed's, rollbacks announce nothing,
and a subscriber that does not read is dropped without slowing the others.

Real app, real database (SQLite and PostgreSQL), real hub and worker thread; the subscribers'
event loop runs on a thread of the test. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy import select

from ecabinet.domain import Scope
from ecabinet.server import feed, live
from ecabinet.server import models as m
from ecabinet.server.live.hub import CLOSE, QUEUE_SIZE, Hub, Outgoing, Subscriber
from ecabinet.wire.live import SessionItem
from tests.factories import World

WAIT = 20.0


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    running = asyncio.new_event_loop()
    thread = threading.Thread(target=running.run_forever, daemon=True)
    thread.start()
    yield running
    running.call_soon_threadsafe(running.stop)
    thread.join(WAIT)
    running.close()


def subscribe(
    app: FastAPI, loop: asyncio.AbstractEventLoop, username: str, world: World
) -> Subscriber:
    hub: Hub = app.state.live_hub
    with app.state.session_factory() as db:
        user = db.get(m.User, world.users[username])
        assert user is not None
        audience = feed.audience_for(db, user)

    async def make() -> Subscriber:
        return Subscriber(user.id, "device", user.body_id, audience, loop)

    sub = asyncio.run_coroutine_threadsafe(make(), loop).result(WAIT)
    hub.subscribe(sub)
    return sub


def take(sub: Subscriber, loop: asyncio.AbstractEventLoop) -> Outgoing:
    return asyncio.run_coroutine_threadsafe(sub.queue.get(), loop).result(WAIT)


def test_the_streams_filter_agrees_with_the_feeds_on_every_scope(
    app: FastAPI, world: World
) -> None:
    with app.state.session_factory() as db:
        body_id = db.scalar(select(m.Body.id))
        other_body = m.Body(code="other", name="Another body")
        db.add(other_body)
        db.flush()
        users = list(world.users.values())
        meetings = [world.meeting_id, world.draft_meeting_id, None]
        items = [*world.item_ids, None]
        targets = [*users, *items, world.meeting_id, world.ballot_id, None]
        rows = []
        for scope, scope_id, meeting_id, body in itertools.product(
            Scope, targets, meetings, (body_id, other_body.id)
        ):
            row = m.Change(
                body_id=body,
                type="probe",
                object_id=f"{scope}",
                deleted=False,
                data={},
                scope=scope,
                scope_id=scope_id,
                meeting_id=meeting_id,
            )
            db.add(row)
            rows.append(row)
        db.flush()
        seen_scopes: set[Scope] = set()
        for username, user_id in world.users.items():
            user = db.get(m.User, user_id)
            assert user is not None
            aud = feed.audience_for(db, user)
            by_sql = set(
                db.scalars(
                    select(m.Change.seq).where(
                        m.Change.type == "probe", feed.visibility_filter(aud)
                    )
                )
            )
            in_memory = {
                r.seq
                for r in rows
                if feed.may_see(aud, r.body_id, r.scope, r.scope_id, r.meeting_id)
            }
            assert in_memory == by_sql, username
            assert by_sql, username  # everyone sees something (the body's rows): not vacuous
            seen_scopes.update(r.scope for r in rows if r.seq in by_sql)
        assert seen_scopes == set(Scope)  # every scope admits someone: none went untested
        db.rollback()


def test_a_rolled_back_act_is_never_announced(
    app: FastAPI, world: World, loop: asyncio.AbstractEventLoop
) -> None:
    sub = subscribe(app, loop, "member01", world)
    event = SessionItem(meeting_id=world.meeting_id, agenda_item_id=world.item_ids[0])
    item_id, meeting_id = world.item_ids[0], world.meeting_id
    with app.state.session_factory() as db:
        meeting = db.get(m.Meeting, world.meeting_id)
        assert meeting is not None
        # A whole transaction rolled back.
        feed.publish_meeting(db, meeting)
        live.announce(
            db, meeting.body_id, event, scope=Scope.ITEM, scope_id=item_id, meeting_id=meeting_id
        )
        db.rollback()
        # A savepoint rolled back (a rejected mutation in a push), its transaction committed.
        try:
            with db.begin_nested():
                live.announce(
                    db,
                    meeting.body_id,
                    event,
                    scope=Scope.ITEM,
                    scope_id=item_id,
                    meeting_id=meeting_id,
                )
                feed.publish_meeting(db, meeting)
                raise RuntimeError("refused")
        except RuntimeError:
            pass
        meeting.place = "Phòng họp số 3"
        db.flush()
        later = event.model_copy(update={"agenda_item_id": world.item_ids[1]})
        live.announce(
            db, meeting.body_id, later, scope=Scope.ITEM, scope_id=item_id, meeting_id=meeting_id
        )
        db.commit()
        # Then a change everyone sees, to know the stream has had all there was before it.
        user = db.get(m.User, world.users["member02"])
        assert user is not None
        feed.publish_user(db, user)
        db.commit()
    got = [take(sub, loop)]
    while got[-1].name != "changed":
        got.append(take(sub, loop))
    # Only what committed: no changed for the rolled-back rows, one event, the savepoint's not.
    assert [g.name for g in got] == ["session.item", "changed"], got
    assert world.item_ids[1] in got[0].data


def test_a_subscriber_that_does_not_read_is_dropped_and_the_others_are_not(
    app: FastAPI, world: World, loop: asyncio.AbstractEventLoop
) -> None:
    slow = subscribe(app, loop, "member01", world)
    fast = subscribe(app, loop, "member02", world)
    received: list[Outgoing] = []
    done = threading.Event()

    async def read_all() -> None:
        while len(received) < QUEUE_SIZE + 20:
            received.append(await fast.queue.get())
        done.set()

    asyncio.run_coroutine_threadsafe(read_all(), loop)
    with app.state.session_factory() as db:
        user = db.get(m.User, world.users["member03"])
        assert user is not None
        for _ in range(QUEUE_SIZE + 20):
            feed.append(db, user.body_id, "user", user.id, {}, Scope.BODY)
            db.commit()
    assert done.wait(WAIT), f"the reader got {len(received)}"
    assert all(r.name == "changed" for r in received)
    assert [r.seq for r in received] == sorted(r.seq for r in received)
    # The one that never read: its queue holds only the order to end its stream.
    assert slow.dropped
    assert take(slow, loop) is CLOSE
    assert slow.queue.empty()


def test_one_commit_is_one_changed_with_the_highest_seq_the_member_may_see(
    app: FastAPI, world: World, loop: asyncio.AbstractEventLoop
) -> None:
    member = subscribe(app, loop, "member01", world)
    guest = subscribe(app, loop, "guest", world)
    with app.state.session_factory() as db:
        meeting = db.get(m.Meeting, world.meeting_id)
        assert meeting is not None
        feed.publish_meeting_tree(db, meeting)  # the meeting, both items, their documents
        db.commit()
        rows = db.scalars(select(m.Change).where(m.Change.meeting_id == meeting.id)).all()
        for sub, username in ((member, "member01"), (guest, "guest")):
            user = db.get(m.User, world.users[username])
            assert user is not None
            aud = feed.audience_for(db, user)
            top = max(
                r.seq
                for r in rows
                if feed.may_see(aud, r.body_id, r.scope, r.scope_id, r.meeting_id)
            )
            got = take(sub, loop)
            assert (got.name, got.seq) == ("changed", top), username
        # Each had one item for the commit: the next is the sentinel's.
        user = db.get(m.User, world.users["member03"])
        assert user is not None
        feed.publish_user(db, user)
        db.commit()
        for sub in (member, guest):
            assert take(sub, loop).seq > top
