"""The position board for the chair and the Government Office (Estonia's e-Cabinet).

Every item by every member, the consent list (rule 6: more than half of all members marked
"no objection", nobody objects or wants to speak, no member pulled it; adopted in one act),
the speakers list from the "wish to speak" marks, and each item's likely outcome under the
majority rules.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from ecabinet.domain import ItemStatus, Mark, VoteStatus, item_outlook
from ecabinet.server import models as m
from ecabinet.server.api.deps import ChairOrSecretariat, DbDep
from ecabinet.server.api.routes.meetings import get_meeting
from ecabinet.server.api.routes.votes import chair_of
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.serialize import body_member_ids
from ecabinet.wire.session import Board, BoardMark, ItemBoard

router = APIRouter(tags=["board"], route_class=ReleasingRoute)


@router.get(
    "/meetings/{meeting_id}/board",
    response_model=Board,
    summary="Every member's position on every item, the consent list and outlook",
)
def board(meeting_id: str, auth: ChairOrSecretariat, db: DbDep) -> Board:
    meeting = get_meeting(db, auth, meeting_id)
    chair_of(auth, meeting)
    members = body_member_ids(db, meeting.body_id)
    names = {
        row.id: row.full_name
        for row in db.execute(
            select(m.User.id, m.User.full_name).where(m.User.body_id == meeting.body_id)
        )
    }
    items = db.scalars(
        select(m.AgendaItem)
        .where(m.AgendaItem.meeting_id == meeting.id)
        .order_by(m.AgendaItem.position)
    ).all()
    out = []
    for item in items:
        current = db.scalars(
            select(m.Position).where(m.Position.agenda_item_id == item.id, m.Position.current)
        ).all()
        outlook = item_outlook(
            [Mark(p.user_id, p.position, p.received_at) for p in current],
            members,
            meeting.chair_id,
            pulled=item.consent_pulled_by is not None,
        )
        out.append(
            ItemBoard(
                item_id=item.id,
                position=item.position,
                title=item.title,
                presenter=item.presenter,
                no_objection=outlook.no_objection,
                wish_to_speak=outlook.wish_to_speak,
                objections=outlook.objections,
                unmarked=outlook.unmarked,
                speakers=list(outlook.speakers),
                # Proposed for the consent list while still to be decided.
                consent=outlook.consent
                and item.status != ItemStatus.CLOSED
                and item.vote_status == VoteStatus.NONE,
                outlook=outlook.outlook.value,
                pulled_by=names.get(item.consent_pulled_by or "", ""),
                marks=[
                    BoardMark(
                        user_id=p.user_id,
                        full_name=names.get(p.user_id, ""),
                        position=p.position,
                        comment=p.comment,
                        at=p.received_at,
                    )
                    for p in sorted(current, key=lambda p: p.received_at)
                ],
            )
        )
    return Board(
        meeting_id=meeting.id,
        total_members=len(members),
        consent_list=[i.item_id for i in out if i.consent],
        items=out,
    )
