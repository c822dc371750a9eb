"""Votes in session: the chair (or the Government Office) opens and closes; the live count.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. Every act writes, publishes what changed to the feed and records an audit entry, then
commits once: a client never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.domain import MeetingStatus, Role, VoteStatus
from ecabinet.server import audit, feed, live
from ecabinet.server import models as m
from ecabinet.server.api.deps import AuthContext, ChairOrSecretariat, DbDep
from ecabinet.server.api.routes.agenda import get_item
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError
from ecabinet.server.tally import close_vote_result, quorum, vote_tally
from ecabinet.wire.live import VoteClosed, VoteOpened
from ecabinet.wire.meetings import ItemPublic
from ecabinet.wire.session import Quorum, VoteCount

router = APIRouter(tags=["votes"], route_class=ReleasingRoute)


def chair_of(auth: AuthContext, meeting: m.Meeting) -> None:
    if not auth.is_secretariat and meeting.chair_id != auth.user_id:
        raise ApiError(403, "forbidden", "Only the chair of this meeting may do this.")


def chair_item(db: DbDep, auth: AuthContext, item_id: str) -> tuple[m.AgendaItem, m.Meeting]:
    item, meeting = get_item(db, auth, item_id)
    if auth.has(Role.CHAIR) and not auth.is_secretariat:
        chair_of(auth, meeting)
    return item, meeting


@router.post(
    "/items/{item_id}/vote/open",
    response_model=ItemPublic,
    summary="Open the vote on an item (needs the quorum)",
)
def open_vote(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> ItemPublic:
    item, meeting = chair_item(db, auth, item_id)
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise ApiError(409, "invalid_state", "Votes open only while the session is in progress.")
    if item.vote_status != VoteStatus.NONE:
        raise ApiError(
            409, "invalid_state", f"The vote on this item is already {item.vote_status}."
        )
    total, present, needed, reached = quorum(db, meeting)
    if not reached:
        raise ApiError(
            409,
            "no_quorum",
            f"{present} of {total} members are present; {needed} are needed to vote.",
        )
    item.vote_status = VoteStatus.OPEN.value
    item.vote_opened_at = m.now()
    feed.publish_item(db, meeting, item)
    scope, scope_id, mid = feed.item_scope(meeting, item.id)
    live.announce(
        db,
        meeting.body_id,
        VoteOpened(meeting_id=meeting.id, agenda_item_id=item.id),
        scope=scope,
        scope_id=scope_id,
        meeting_id=mid,
    )
    audit.record(
        db,
        "vote.open",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="agenda_item",
        object_id=item.id,
        detail={"present": present},
    )
    db.commit()
    return ItemPublic.model_validate(item, from_attributes=True)


@router.post(
    "/items/{item_id}/vote/close",
    response_model=ItemPublic,
    summary="Close the vote and publish its result",
)
def close_vote(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> ItemPublic:
    item, meeting = chair_item(db, auth, item_id)
    # Wait for the votes being applied now (they hold a share lock on the item), so that
    # the count below sees every vote ever answered "applied" (mutations/decisions.py).
    # NO KEY UPDATE: rows that merely refer to the item (positions, requests) need not wait.
    db.refresh(item, with_for_update={"key_share": True})
    if item.vote_status != VoteStatus.OPEN:
        raise ApiError(409, "vote_not_open", "The vote on this item is not open.")
    item.vote_status = VoteStatus.CLOSED.value
    item.vote_closed_at = m.now()
    feed.publish_item(db, meeting, item)
    result = close_vote_result(db, item, meeting)
    counted = result.data
    scope, scope_id, mid = feed.item_scope(meeting, item.id)
    live.announce(
        db,
        meeting.body_id,
        VoteClosed(
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            passed=counted["passed"],
            agree=counted["agree"],
            disagree=counted["disagree"],
            abstain=counted["abstain_or_other"],
            not_voted=counted["not_answered"],
            total_members=counted["total_members"],
        ),
        scope=scope,
        scope_id=scope_id,
        meeting_id=mid,
    )
    audit.record(
        db,
        "vote.close",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="agenda_item",
        object_id=item.id,
        detail={"passed": result.data["passed"], "agree": result.data["agree"]},
    )
    db.commit()
    return ItemPublic.model_validate(item, from_attributes=True)


@router.get(
    "/items/{item_id}/vote/count", response_model=VoteCount, summary="The live count, without names"
)
def vote_count(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> VoteCount:
    item, meeting = chair_item(db, auth, item_id)
    counted = vote_tally(db, item, meeting)
    total, present, needed, reached = quorum(db, meeting)
    return VoteCount(
        vote_status=item.vote_status,
        agree=counted.agree,
        disagree=counted.disagree,
        abstain=counted.abstain_or_other,
        not_voted=counted.not_answered,
        quorum=Quorum(
            total_members=total, present_members=present, needed=needed, has_quorum=reached
        ),
    )
