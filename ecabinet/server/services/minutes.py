"""What the minutes of a held session record: attendance against all members, each item with
who spoke and for how long, conclusions and the vote (the published result and every member's
vote by name). The office composes and signs the PDF on its own laptop.

Rule 8: minutes exist only for a session that was held (opened and closed), and the chair who
presided is never listed as absent. The audit log's head, signed when the session closed, goes
with them. Request worker threads.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import MeetingStatus
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.serialize import body_member_ids
from ecabinet.server.services.actor import Actor
from ecabinet.server.services.lookups import get_meeting
from ecabinet.server.tally import quorum
from ecabinet.wire.minutes import (
    Minutes,
    MinutesCheckpoint,
    MinutesItem,
    MinutesResult,
    MinutesSpeech,
    MinutesVote,
)


def minutes_of(db: Session, actor: Actor, meeting_id: str) -> Minutes:
    meeting = get_meeting(db, actor, meeting_id)
    if meeting.started_at is None or meeting.status != MeetingStatus.CLOSED:
        raise ApiError(
            409,
            "not_held",
            "Minutes exist only for a session that was held: this one was never opened."
            if meeting.started_at is None
            else "Minutes exist only for a session that was held: close the session first.",
        )
    people = {u.id: u for u in db.scalars(select(m.User).where(m.User.body_id == actor.body_id))}
    members = body_member_ids(db, actor.body_id)
    present = set(
        db.scalars(
            select(m.Attendance.user_id).where(
                m.Attendance.meeting_id == meeting.id, m.Attendance.present
            )
        )
    )
    if meeting.chair_id:
        present.add(meeting.chair_id)  # the chair presided: never also absent
    total, _count, needed, _reached = quorum(db, meeting)
    items = db.scalars(
        select(m.AgendaItem)
        .where(m.AgendaItem.meeting_id == meeting.id)
        .order_by(m.AgendaItem.position)
    ).all()
    return Minutes(
        meeting_id=meeting.id,
        title=meeting.title,
        kind=meeting.kind,
        status=meeting.status,
        starts_at=meeting.starts_at,
        place=meeting.place,
        chair=people[meeting.chair_id].full_name if meeting.chair_id in people else "",
        total_members=total,
        quorum_needed=needed,
        present=[people[u].full_name for u in members if u in present],
        absent=[people[u].full_name for u in members if u not in present],
        items=[_item(db, item, people) for item in items],
        audit_checkpoint=_checkpoint(db, meeting.id),
    )


def _checkpoint(db: Session, meeting_id: str) -> MinutesCheckpoint | None:
    """The first signed checkpoint of the body's chain that covers the session's closing
    (written as it closed); of the legacy chain for a session closed before chains were per
    body."""
    closed = db.scalars(
        select(m.AuditEntry)
        .where(m.AuditEntry.action == "meeting.close", m.AuditEntry.object_id == meeting_id)
        .order_by(m.AuditEntry.id.desc())
        .limit(1)
    ).first()
    if closed is None:
        return None
    if closed.position is None:
        query = select(m.AuditCheckpoint).where(
            m.AuditCheckpoint.per_body.is_(False), m.AuditCheckpoint.seq >= closed.id
        )
    else:
        query = select(m.AuditCheckpoint).where(
            m.AuditCheckpoint.per_body.is_(True),
            m.AuditCheckpoint.body_id == closed.body_id,
            m.AuditCheckpoint.seq >= closed.position,
        )
    row = db.scalars(query.order_by(m.AuditCheckpoint.seq, m.AuditCheckpoint.id).limit(1)).first()
    if row is None:
        return None
    return MinutesCheckpoint(seq=row.seq, head=row.head, at=row.at, signature=row.signature)


def _item(db: Session, item: m.AgendaItem, people: dict[str, m.User]) -> MinutesItem:
    speeches = _speeches(db, item, people)
    conclusions = db.scalars(
        select(m.Conclusion.text)
        .where(m.Conclusion.agenda_item_id == item.id)
        .order_by(m.Conclusion.created_at)
    )
    votes = db.scalars(
        select(m.Vote)
        .where(m.Vote.agenda_item_id == item.id, m.Vote.current)
        .order_by(m.Vote.received_at)
    )
    result = db.scalars(
        select(m.Result)
        .where(m.Result.agenda_item_id == item.id, m.Result.subject == "vote")
        .order_by(m.Result.published_at.desc())
    ).first()
    return MinutesItem(
        position=item.position,
        title=item.title,
        presenter=item.presenter,
        status=item.status,
        paper_only=item.paper_only,
        speakers=[speech.full_name for speech in speeches],
        speeches=speeches,
        conclusions=list(conclusions),
        result=_result(result.data) if result is not None else None,
        votes=[
            MinutesVote(
                full_name=people[v.user_id].full_name,
                title=people[v.user_id].title,
                choice=v.choice,
                received_at=v.received_at,
            )
            for v in votes
            if v.user_id in people
        ],
    )


def _speeches(db: Session, item: m.AgendaItem, people: dict[str, m.User]) -> list[MinutesSpeech]:
    """Who spoke on the item, in the order they were given the floor, and for how long."""
    spoke = db.scalars(
        select(m.SpeakerRequest)
        .where(m.SpeakerRequest.agenda_item_id == item.id, m.SpeakerRequest.started_at.is_not(None))
        .order_by(m.SpeakerRequest.started_at, m.SpeakerRequest.position)
    )
    return [
        MinutesSpeech(
            full_name=people[r.user_id].full_name,
            title=people[r.user_id].title,
            started_at=r.started_at,
            ended_at=r.ended_at,
            seconds=int((r.ended_at - r.started_at).total_seconds()) if r.ended_at else None,
        )
        for r in spoke
        if r.user_id in people and r.started_at is not None
    ]


def _result(data: dict[str, object]) -> MinutesResult:
    """A published result (tally.py's names) in the minutes' words."""
    return MinutesResult.model_validate(
        {**data, "abstain": data["abstain_or_other"], "not_voted": data["not_answered"]}
    )
