"""Votes in session: the chair (or the Government Office) opens and closes; the live count.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. What each act does lives in ``services.votes``; the handler commits once after it.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server.api.deps import ChairOrSecretariat, DbDep, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.services import inbox, votes
from ecabinet.wire.meetings import ItemPublic
from ecabinet.wire.session import Quorum, VoteCount

router = APIRouter(tags=["votes"], route_class=ReleasingRoute)


@router.post(
    "/items/{item_id}/vote/open",
    response_model=ItemPublic,
    summary="Open the vote on an item (needs the quorum)",
)
def open_vote(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> ItemPublic:
    item = votes.open_vote(db, auth, item_id)
    db.commit()
    return ItemPublic.model_validate(item, from_attributes=True)


@router.post(
    "/items/{item_id}/vote/close",
    response_model=ItemPublic,
    summary="Close the vote and publish its result",
)
def close_vote(
    item_id: str, auth: ChairOrSecretariat, db: DbDep, settings: SettingsDep
) -> ItemPublic:
    item = votes.close_vote(db, auth, item_id)
    inbox.item_decided(db, auth.body_id, Organ.of_body(db, settings, auth.body_id), [item.id])
    db.commit()
    return ItemPublic.model_validate(item, from_attributes=True)


@router.get(
    "/items/{item_id}/vote/count", response_model=VoteCount, summary="The live count, without names"
)
def vote_count(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> VoteCount:
    live = votes.live_count(db, auth, item_id)
    counted = live.counted
    return VoteCount(
        vote_status=live.vote_status,
        agree=counted.agree,
        disagree=counted.disagree,
        abstain=counted.abstain_or_other,
        not_voted=counted.not_answered,
        quorum=Quorum(
            total_members=live.total_members,
            present_members=live.present_members,
            needed=live.needed,
            has_quorum=live.has_quorum,
        ),
    )
