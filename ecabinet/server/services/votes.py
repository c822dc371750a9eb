"""Votes in session: the chair (or the Government Office) opens and closes the vote on an item,
and reads the live count.

Each act changes the item, publishes it to the feed, announces it on the live stream and
records an audit entry, in the caller's transaction; the caller commits once, so a client never
learns of half an act. Request worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ecabinet.domain import Tally, VoteStatus
from ecabinet.server import audit, feed, live
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.services.actor import AuthContext
from ecabinet.server.services.chair import chair_item, in_session, with_quorum
from ecabinet.server.tally import close_vote_result, quorum, vote_tally
from ecabinet.wire.live import VoteClosed, VoteOpened


def _announce(db: Session, meeting: m.Meeting, event: VoteOpened | VoteClosed) -> None:
    scope, scope_id, mid = feed.item_scope(meeting, event.agenda_item_id)
    live.announce(db, meeting.body_id, event, scope=scope, scope_id=scope_id, meeting_id=mid)


def open_vote(db: Session, auth: AuthContext, item_id: str) -> m.AgendaItem:
    """Open the vote on an item of a session in progress, if the quorum is there."""
    item, meeting = chair_item(db, auth, item_id)
    in_session(meeting, "Votes open only while the session is in progress.")
    if item.vote_status != VoteStatus.NONE:
        raise ApiError(
            409, "invalid_state", f"The vote on this item is already {item.vote_status}."
        )
    present = with_quorum(db, meeting, " to vote")
    item.vote_status = VoteStatus.OPEN
    item.vote_opened_at = m.now()
    feed.publish_item(db, meeting, item)
    _announce(db, meeting, VoteOpened(meeting_id=meeting.id, agenda_item_id=item.id))
    audit.record(
        db,
        "vote.open",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="agenda_item",
        object_id=item.id,
        detail={"present": present},
    )
    return item


def close_vote(db: Session, auth: AuthContext, item_id: str) -> m.AgendaItem:
    """Close the open vote on an item and publish its result."""
    item, meeting = chair_item(db, auth, item_id)
    # Wait for the votes being applied now (they hold a share lock on the item), so that
    # the count below sees every vote ever answered "applied" (mutations/decisions.py).
    # NO KEY UPDATE: rows that merely refer to the item (positions, requests) need not wait.
    db.refresh(item, with_for_update={"key_share": True})
    if item.vote_status != VoteStatus.OPEN:
        raise ApiError(409, "vote_not_open", "The vote on this item is not open.")
    item.vote_status = VoteStatus.CLOSED
    item.vote_closed_at = m.now()
    feed.publish_item(db, meeting, item)
    counted = close_vote_result(db, item, meeting).data
    _announce(
        db,
        meeting,
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
    )
    audit.record(
        db,
        "vote.close",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="agenda_item",
        object_id=item.id,
        detail={"passed": counted["passed"], "agree": counted["agree"]},
    )
    return item


@dataclass(frozen=True)
class LiveCount:
    """The count so far, without names, and the quorum as it stands."""

    vote_status: str
    counted: Tally
    total_members: int
    present_members: int
    needed: int
    has_quorum: bool


def live_count(db: Session, auth: AuthContext, item_id: str) -> LiveCount:
    item, meeting = chair_item(db, auth, item_id)
    counted = vote_tally(db, item, meeting)
    total, present, needed, reached = quorum(db, meeting)
    return LiveCount(item.vote_status, counted, total, present, needed, reached)
