"""The session's services called directly, as the CLI or the importer would, without a route:
they refuse as the routes answer, and they leave the commit to their caller, so what they did
is undone by a rollback (the push relies on that) and kept by one commit."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.domain import ItemStatus
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.services import session, votes
from ecabinet.server.services.actor import AuthContext
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_meetings_api import call


def acting(app: FastAPI, user_id: str) -> AuthContext:
    with app.state.session_factory() as db:
        device = m.Device(user_id=user_id, name="console")
        db.add(device)
        db.commit()
        user = db.get(m.User, user_id)
        assert user is not None
        return AuthContext(user=user, device=device, token_hash="")


def _discussions(db: Session, item_id: str) -> tuple[str, int, int]:
    """The item's status, its audit entries for "item.discuss", and its newest row in the feed
    (the feed keeps only an object's latest row, under a new sequence number)."""
    item = db.get(m.AgendaItem, item_id)
    assert item is not None
    audited = db.scalar(
        select(func.count()).where(
            m.AuditEntry.action == "item.discuss", m.AuditEntry.object_id == item_id
        )
    )
    published = db.scalar(select(func.max(m.Change.seq)).where(m.Change.object_id == item_id))
    return item.status, audited or 0, published or 0


def test_a_service_leaves_the_commit_to_its_caller(app: FastAPI, api: Api, world: World) -> None:
    assert call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/start").is_success
    chair = acting(app, world.users["chair"])
    item_id = world.item_ids[0]
    with app.state.session_factory() as db:
        before = _discussions(db, item_id)
    assert before[0] != ItemStatus.DISCUSSING

    with app.state.session_factory() as db:
        changed = session.discuss(db, chair, item_id)
        assert [row.id for row in changed][-1] == item_id
        assert _discussions(db, item_id)[0] == ItemStatus.DISCUSSING  # done, not yet kept
        db.rollback()
    with app.state.session_factory() as db:
        assert _discussions(db, item_id) == before  # no status, no audit entry, no feed row

    with app.state.session_factory() as db:
        session.discuss(db, chair, item_id)
        db.commit()
    with app.state.session_factory() as db:
        status, audited, published = _discussions(db, item_id)
    assert (status, audited) == (ItemStatus.DISCUSSING, before[1] + 1)
    assert published > before[2]


def test_the_services_refuse_as_the_routes_answer(app: FastAPI, world: World) -> None:
    chair, member = acting(app, world.users["chair"]), acting(app, world.users["member01"])
    item_id = world.item_ids[0]
    with app.state.session_factory() as db:
        with pytest.raises(ApiError) as held:  # the session has not started
            votes.open_vote(db, chair, item_id)
        assert (held.value.status, held.value.code) == (409, "invalid_state")
        with pytest.raises(ApiError) as unknown:
            votes.open_vote(db, chair, "no-such-item")
        assert (unknown.value.status, unknown.value.code) == (404, "not_found")
        with pytest.raises(ApiError) as not_chair:
            session.adopt_consent(db, member, world.meeting_id, [item_id])
        assert (not_chair.value.status, not_chair.value.code) == (403, "forbidden")
