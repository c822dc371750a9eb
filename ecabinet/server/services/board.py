"""The position board for the chair and the Government Office: every current mark on every
item of a meeting, each item's outlook under the majority rules and whether it is proposed for
the consent list (rule 6). Reads only. Request worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import ItemOutlook, ItemStatus, Mark, VoteStatus, item_outlook
from ecabinet.server import models as m
from ecabinet.server.serialize import body_member_ids
from ecabinet.server.services.actor import AuthContext
from ecabinet.server.services.chair import chair_meeting


@dataclass(frozen=True)
class ItemMarks:
    item: m.AgendaItem
    outlook: ItemOutlook
    marks: list[m.Position]  # the current ones, oldest first
    consent: bool  # proposed for the consent list: it qualifies and is still to be decided


@dataclass(frozen=True)
class BoardFacts:
    meeting: m.Meeting
    total_members: int
    names: dict[str, str]  # the body's users by id
    items: list[ItemMarks]  # in agenda order


def board(db: Session, auth: AuthContext, meeting_id: str) -> BoardFacts:
    meeting = chair_meeting(db, auth, meeting_id)
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
        consent = (
            outlook.consent
            and item.status != ItemStatus.CLOSED
            and item.vote_status == VoteStatus.NONE
        )
        marks = sorted(current, key=lambda p: p.received_at)
        out.append(ItemMarks(item, outlook, marks, consent))
    return BoardFacts(meeting, len(members), names, out)
