"""The list of speakers of an agenda item: asking, withdrawing, the floor given and ended (by
the chair, with an audit entry), and the "wish to speak" marks turned into requests when the
item comes up.

Each change of the queue goes through one function here, and each of those ends in
``_changed``: the feed and the live stream's ``speakers`` event learn of it there.
Queue places (``position``) are unique per item in the database; ``enqueue`` takes the item's
row lock and retries on a collision, so two requests arriving at once never share a place.
Called inside the caller's transaction on a request worker thread; the caller commits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ecabinet.domain import InvitationKind, ItemStatus, MeetingStatus, PositionChoice
from ecabinet.server import audit, feed, live
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.services.actor import AuthContext
from ecabinet.server.services.chair import chair_item
from ecabinet.wire.live import MAX_SPEAKERS, Speaker, Speakers

# A collision needs another request for the same item committed between our read of the last
# place and our insert; with the row lock this happens only on SQLite, and rarely twice.
PLACE_ATTEMPTS = 5


class QueueBusy(Exception):
    """No free place was found after PLACE_ATTEMPTS tries (the caller answers 'try again')."""


def _changed(db: Session, meeting: m.Meeting, requests: list[m.SpeakerRequest]) -> None:
    """Every change of an item's queue ends here."""
    for req in requests:
        feed.publish_speaker_request(db, meeting, req)
    db.flush()
    for item_id in dict.fromkeys(req.agenda_item_id for req in requests):
        _announce_queue(db, meeting, item_id)


def _status(req: m.SpeakerRequest) -> Literal["waiting", "speaking", "done"]:
    if req.ended_at is not None:
        return "done"
    return "speaking" if req.started_at is not None else "waiting"


def _announce_queue(db: Session, meeting: m.Meeting, item_id: str) -> None:
    """The item's queue as it now stands, to all who see the item, at once."""
    rows = db.execute(
        select(m.SpeakerRequest, m.User.full_name)
        .join(m.User, m.User.id == m.SpeakerRequest.user_id)
        .where(m.SpeakerRequest.agenda_item_id == item_id, ~m.SpeakerRequest.withdrawn)
        .order_by(m.SpeakerRequest.position)
        .limit(MAX_SPEAKERS)
    ).all()
    scope, scope_id, mid = feed.item_scope(meeting, item_id)
    queue = [
        Speaker(user_id=req.user_id, full_name=name[:200], status=_status(req),
                started_at=req.started_at)
        for req, name in rows
    ]  # fmt: skip
    live.announce(
        db,
        meeting.body_id,
        Speakers(meeting_id=meeting.id, agenda_item_id=item_id, queue=queue),
        scope=scope,
        scope_id=scope_id,
        meeting_id=mid,
    )


def _lock_item(db: Session, item: m.AgendaItem) -> None:
    # PostgreSQL: concurrent changes of one item's queue wait for each other here. SQLite has
    # no row locks (FOR UPDATE is dropped); it has one writer at a time and the unique place.
    db.execute(select(m.AgendaItem.id).where(m.AgendaItem.id == item.id).with_for_update())


def active_request(db: Session, item_id: str, user_id: str) -> m.SpeakerRequest | None:
    return db.scalar(
        select(m.SpeakerRequest).where(
            m.SpeakerRequest.agenda_item_id == item_id,
            m.SpeakerRequest.user_id == user_id,
            ~m.SpeakerRequest.withdrawn,
        )
    )


def _insert_at_next_place(
    db: Session, item: m.AgendaItem, user_id: str, at: datetime
) -> m.SpeakerRequest:
    for _attempt in range(PLACE_ATTEMPTS):
        try:
            with db.begin_nested():
                last = db.scalar(
                    select(func.max(m.SpeakerRequest.position)).where(
                        m.SpeakerRequest.agenda_item_id == item.id
                    )
                )
                req = m.SpeakerRequest(
                    agenda_item_id=item.id,
                    user_id=user_id,
                    requested_at=at,
                    position=(last or 0) + 1,
                )
                db.add(req)
                db.flush()
        except IntegrityError:
            continue  # another request took that place first: read the last place again
        return req
    raise QueueBusy(item.id)


def enqueue(
    db: Session, meeting: m.Meeting, item: m.AgendaItem, user_id: str, at: datetime
) -> m.SpeakerRequest | None:
    """Put a member at the end of the item's queue; None if they are on it already."""
    _lock_item(db, item)
    if active_request(db, item.id, user_id) is not None:
        return None  # asking twice changes nothing
    req = _insert_at_next_place(db, item, user_id, at)
    _changed(db, meeting, [req])
    return req


def withdraw(db: Session, meeting: m.Meeting, req: m.SpeakerRequest, at: datetime) -> None:
    """The member no longer asks to speak; one who has the floor ends their speech."""
    req.withdrawn = True
    if req.started_at is not None and req.ended_at is None:
        req.ended_at = at
    _changed(db, meeting, [req])


def current_speaker(db: Session, item_id: str) -> m.SpeakerRequest | None:
    return db.scalars(
        select(m.SpeakerRequest)
        .where(
            m.SpeakerRequest.agenda_item_id == item_id,
            m.SpeakerRequest.started_at.is_not(None),
            m.SpeakerRequest.ended_at.is_(None),
        )
        .order_by(m.SpeakerRequest.started_at)
    ).first()


def next_speaker(db: Session, auth: AuthContext, item_id: str) -> m.SpeakerRequest:
    """The chair gives the floor to the first one waiting; the current speech, if any, ends."""
    item, meeting = chair_item(db, auth, item_id)
    if meeting.status != MeetingStatus.IN_PROGRESS or item.status == ItemStatus.CLOSED:
        raise ApiError(409, "invalid_state", "The floor is given only on an open item in session.")
    at = m.now()
    _lock_item(db, item)
    waiting = db.scalars(
        select(m.SpeakerRequest)
        .where(
            m.SpeakerRequest.agenda_item_id == item.id,
            ~m.SpeakerRequest.withdrawn,
            m.SpeakerRequest.started_at.is_(None),
        )
        .order_by(m.SpeakerRequest.position)
    ).first()
    if waiting is None:
        raise ApiError(409, "no_speaker_waiting", "Nobody is waiting to speak.")
    changed = []
    speaking = current_speaker(db, item.id)
    if speaking is not None:
        speaking.ended_at = at
        changed.append(speaking)
    waiting.started_at = at
    changed.append(waiting)
    _changed(db, meeting, changed)
    _audit_floor(db, auth, "speaker.start", waiting)
    return waiting


def end_speech(db: Session, auth: AuthContext, request_id: str) -> m.SpeakerRequest:
    """The chair ends the speech of the member who has the floor."""
    req = db.get(m.SpeakerRequest, request_id)
    if req is None:
        raise not_found("speaker request")
    try:
        _item, meeting = chair_item(db, auth, req.agenda_item_id)
    except ApiError as error:
        if error.status == 404:
            raise not_found("speaker request") from None
        raise
    if req.started_at is None or req.ended_at is not None:
        raise ApiError(409, "invalid_state", "This member does not have the floor.")
    req.ended_at = m.now()
    _changed(db, meeting, [req])
    _audit_floor(db, auth, "speaker.end", req)
    return req


def _audit_floor(db: Session, auth: AuthContext, action: str, req: m.SpeakerRequest) -> None:
    audit.record(
        db,
        action,
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="speaker_request",
        object_id=req.id,
        detail={"user_id": req.user_id, "item_id": req.agenda_item_id},
    )


def queue_from_marks(db: Session, meeting: m.Meeting, item: m.AgendaItem) -> list[m.SpeakerRequest]:
    """The item comes up: each current "wish to speak" mark becomes a request, in the order
    the marks were received, after those already on the list. A member with a request on the
    item, even a withdrawn one, is not added again: a withdrawal is the later word."""
    _lock_item(db, item)
    marks = db.scalars(
        select(m.Position)
        .where(
            m.Position.agenda_item_id == item.id,
            m.Position.current,
            m.Position.position == PositionChoice.WISH_TO_SPEAK,
        )
        .order_by(m.Position.received_at, m.Position.id)
    ).all()
    asked = set(
        db.scalars(
            select(m.SpeakerRequest.user_id).where(m.SpeakerRequest.agenda_item_id == item.id)
        )
    )
    at_table = set(
        db.scalars(
            select(m.Invitation.user_id).where(
                m.Invitation.meeting_id == meeting.id,
                m.Invitation.kind.in_((InvitationKind.MEMBER, InvitationKind.DEPUTY)),
            )
        )
    )
    if meeting.chair_id:
        at_table.add(meeting.chair_id)
    added = []
    for mark in marks:
        if mark.user_id in asked or mark.user_id not in at_table:
            continue
        asked.add(mark.user_id)
        added.append(_insert_at_next_place(db, item, mark.user_id, mark.received_at))
    if added:
        _changed(db, meeting, added)
    return added
