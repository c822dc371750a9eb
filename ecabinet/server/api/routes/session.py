"""The chair runs the session: which item is being discussed now, and adopting the consent
list (items nobody objects to and nobody wants to speak on) in one act.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. Every act writes, publishes what changed to the feed and records an audit entry, then
commits once: a client never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import select

from ecabinet.domain import ItemStatus, Mark, MeetingStatus, VoteStatus, item_outlook
from ecabinet.server import audit, feed, live
from ecabinet.server import models as m
from ecabinet.server.api.deps import ChairOrSecretariat, DbDep
from ecabinet.server.api.routes.meetings import get_meeting
from ecabinet.server.api.routes.votes import chair_item, chair_of
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError
from ecabinet.server.schemas.meetings import ItemPublic
from ecabinet.server.serialize import body_member_ids
from ecabinet.server.tally import quorum
from ecabinet.wire.live import SessionItem

router = APIRouter(tags=["session"], route_class=ReleasingRoute)

CONSENT_CONCLUSION = (
    "Thông qua theo danh sách thông qua không thảo luận: không thành viên nào phản đối "
    "hoặc đề nghị phát biểu."
)


class ConsentAdopt(BaseModel):
    item_ids: list[str] = Field(min_length=1, max_length=200)


def _in_progress(meeting: m.Meeting) -> None:
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise ApiError(409, "invalid_state", "The session is not in progress.")


@router.post(
    "/items/{item_id}/discuss",
    response_model=list[ItemPublic],
    summary="Make this the item being discussed; the one before it is done",
)
def discuss(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> list[ItemPublic]:
    item, meeting = chair_item(db, auth, item_id)
    _in_progress(meeting)
    changed = []
    for other in db.scalars(
        select(m.AgendaItem).where(
            m.AgendaItem.meeting_id == meeting.id,
            m.AgendaItem.status == ItemStatus.DISCUSSING.value,
            m.AgendaItem.id != item.id,
        )
    ):
        other.status = ItemStatus.CLOSED.value
        changed.append(other)
    item.status = ItemStatus.DISCUSSING.value
    changed.append(item)
    for row in changed:
        feed.publish_item(db, meeting, row)
    scope, scope_id, mid = feed.item_scope(meeting, item.id)
    live.announce(
        db,
        meeting.body_id,
        SessionItem(meeting_id=meeting.id, agenda_item_id=item.id),
        scope=scope,
        scope_id=scope_id,
        meeting_id=mid,
    )
    audit.record(
        db,
        "item.discuss",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="agenda_item",
        object_id=item.id,
    )
    db.commit()
    return [ItemPublic.model_validate(row, from_attributes=True) for row in changed]


@router.post(
    "/meetings/{meeting_id}/consent",
    response_model=list[ItemPublic],
    summary="Adopt the consent list: items nobody objects to or wants to speak on",
)
def adopt_consent(
    meeting_id: str, body: ConsentAdopt, auth: ChairOrSecretariat, db: DbDep
) -> list[ItemPublic]:
    meeting = get_meeting(db, auth, meeting_id)
    chair_of(auth, meeting)
    _in_progress(meeting)
    total, present, needed, reached = quorum(db, meeting)
    if not reached:
        raise ApiError(
            409, "no_quorum", f"{present} of {total} members are present; {needed} are needed."
        )
    items = {
        i.id: i
        for i in db.scalars(select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting.id))
    }
    members = body_member_ids(db, meeting.body_id)
    refused = []
    for item_id in body.item_ids:
        item = items.get(item_id)
        if item is None:
            raise ApiError(422, "validation_error", f"{item_id} is not an item of this meeting.")
        marks = db.scalars(
            select(m.Position).where(m.Position.agenda_item_id == item.id, m.Position.current)
        )
        outlook = item_outlook(
            [Mark(p.user_id, p.position, p.received_at) for p in marks], members, meeting.chair_id
        )
        # The list is checked again now: a member may have objected since the chair looked.
        if not outlook.consent or item.vote_status != VoteStatus.NONE or item.status == "closed":
            refused.append(f"{item.position}. {item.title}")
    if refused:
        raise ApiError(
            409,
            "not_consent",
            "No longer on the consent list (an objection, a wish to speak, a vote, or already "
            f"decided): {'; '.join(refused)}.",
        )
    adopted = [items[i] for i in dict.fromkeys(body.item_ids)]
    for item in adopted:
        item.status = ItemStatus.CLOSED.value
        conclusion = m.Conclusion(
            agenda_item_id=item.id, text=CONSENT_CONCLUSION, created_by=auth.user_id
        )
        db.add(conclusion)
        db.flush()
        feed.publish_item(db, meeting, item)
        feed.publish_conclusion(db, meeting, conclusion)
    audit.record(
        db,
        "consent.adopt",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
        detail={"items": [i.position for i in adopted], "present": present},
    )
    db.commit()
    return [ItemPublic.model_validate(i, from_attributes=True) for i in adopted]
