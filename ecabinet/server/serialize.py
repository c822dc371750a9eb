"""Rows to wire data: the exact ``data`` of each change type (ecabinet.wire.objects).

Every dict produced here is validated by its wire model, so a server bug cannot put an
object on the feed that a client would refuse.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import Role
from ecabinet.server import models as m
from ecabinet.wire import objects as w
from ecabinet.wire.base import WireModel


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _checked(model: type[WireModel], data: dict[str, Any]) -> dict[str, Any]:
    checked: dict[str, Any] = model.model_validate(data).model_dump(mode="json")
    return checked


def body_member_ids(db: Session, body_id: str) -> list[str]:
    """The Government's members (N in the majority rule): members and the chair, active."""
    users = db.scalars(select(m.User).where(m.User.body_id == body_id, m.User.active)).all()
    voting = {Role.MEMBER.value, Role.CHAIR.value}
    return [u.id for u in users if voting & set(u.roles or ())]


def user_data(user: m.User) -> dict[str, Any]:
    return _checked(
        w.UserData,
        {
            "id": user.id,
            "username": user.username,
            "full_name": user.full_name,
            "title": user.title,
            "roles": list(user.roles or []),
            "sort_order": user.sort_order,
            "active": user.active,
        },
    )


def meeting_data(db: Session, meeting: m.Meeting) -> dict[str, Any]:
    invitations = db.scalars(
        select(m.Invitation).where(m.Invitation.meeting_id == meeting.id)
    ).all()
    present = db.scalars(
        select(m.Attendance.user_id).where(
            m.Attendance.meeting_id == meeting.id, m.Attendance.present
        )
    ).all()
    return _checked(
        w.MeetingData,
        {
            "id": meeting.id,
            "kind": meeting.kind,
            "title": meeting.title,
            "starts_at": _iso(meeting.starts_at),
            "ends_at": _iso(meeting.ends_at),
            "place": meeting.place,
            "status": meeting.status,
            "chair_id": meeting.chair_id,
            "invitations": [
                {"user_id": i.user_id, "kind": i.kind, "agenda_item_ids": list(i.agenda_item_ids)}
                for i in invitations
            ],
            "present_user_ids": sorted(present),
            "total_members": len(body_member_ids(db, meeting.body_id)),
            "started_at": _iso(meeting.started_at),
            "published_at": _iso(meeting.published_at),
            "attendance_open": bool(meeting.attendance_open),
        },
    )


def agenda_item_data(item: m.AgendaItem) -> dict[str, Any]:
    return _checked(
        w.AgendaItemData,
        {
            "id": item.id,
            "meeting_id": item.meeting_id,
            "position": item.position,
            "title": item.title,
            "presenter": item.presenter,
            "minutes_allotted": item.minutes_allotted,
            "status": item.status,
            "paper_only": item.paper_only,
            "vote_status": item.vote_status,
            "vote_opened_at": _iso(item.vote_opened_at),
            "vote_closed_at": _iso(item.vote_closed_at),
            "consent_pulled_by": item.consent_pulled_by,
            "consent_pulled_at": _iso(item.consent_pulled_at),
        },
    )


def document_data(doc: m.Document) -> dict[str, Any]:
    return _checked(
        w.DocumentData,
        {
            "id": doc.id,
            "agenda_item_id": doc.agenda_item_id,
            "ballot_id": doc.ballot_id,
            "kind": doc.kind,
            "title": doc.title,
            "position": doc.position,
            "allow_copy": doc.allow_copy,
            "current_version_id": doc.current_version_id,
        },
    )


def document_version_data(version: m.DocumentVersion) -> dict[str, Any]:
    return _checked(
        w.DocumentVersionData,
        {
            "id": version.id,
            "document_id": version.document_id,
            "number": version.number,
            "sha256": version.sha256,
            "size": version.size,
            "pages": version.pages,
            "filename": version.filename,
            "created_at": _iso(version.created_at),
        },
    )


def ballot_data(ballot: m.Ballot) -> dict[str, Any]:
    return _checked(
        w.BallotData,
        {
            "id": ballot.id,
            "title": ballot.title,
            "question": ballot.question,
            "status": ballot.status,
            "deadline": _iso(ballot.deadline),
            "voter_ids": list(ballot.voter_ids),
            "chair_id": ballot.chair_id,
            "sent_at": _iso(ballot.sent_at),
            "closed_at": _iso(ballot.closed_at),
            "reminded_at": _iso(ballot.reminded_at),
        },
    )


def ballot_response_data(resp: m.BallotResponse) -> dict[str, Any]:
    return _checked(
        w.BallotResponseData,
        {
            "id": resp.id,
            "ballot_id": resp.ballot_id,
            "user_id": resp.user_id,
            "choice": resp.choice,
            "comment": resp.comment,
            "signed_pdf": resp.signed_pdf,
            "received_at": _iso(resp.received_at),
            "late": resp.late,
            "current": resp.current,
        },
    )


def vote_data(vote: m.Vote) -> dict[str, Any]:
    return _checked(
        w.VoteData,
        {
            "id": vote.id,
            "agenda_item_id": vote.agenda_item_id,
            "user_id": vote.user_id,
            "choice": vote.choice,
            "comment": vote.comment,
            "received_at": _iso(vote.received_at),
            "current": vote.current,
        },
    )


def position_data(pos: m.Position) -> dict[str, Any]:
    return _checked(
        w.PositionData,
        {
            "id": pos.id,
            "agenda_item_id": pos.agenda_item_id,
            "user_id": pos.user_id,
            "position": pos.position,
            "comment": pos.comment,
            "received_at": _iso(pos.received_at),
            "current": pos.current,
        },
    )


def annotation_data(ann: m.Annotation) -> dict[str, Any]:
    return _checked(
        w.AnnotationData,
        {
            "id": ann.id,
            "author_id": ann.author_id,
            "document_version_id": ann.document_version_id,
            "page": ann.page,
            "kind": ann.kind,
            "rects": ann.rects,
            "points": ann.points,
            "color": ann.color,
            "width": ann.width,
            "text": ann.text,
            "quote": ann.quote,
            "prefix": ann.prefix,
            "suffix": ann.suffix,
            "shared": ann.shared,
            "created_at": _iso(ann.created_at),
            "updated_at": _iso(ann.updated_at),
        },
    )


def speaker_request_data(req: m.SpeakerRequest) -> dict[str, Any]:
    return _checked(
        w.SpeakerRequestData,
        {
            "id": req.id,
            "agenda_item_id": req.agenda_item_id,
            "user_id": req.user_id,
            "requested_at": _iso(req.requested_at),
            "withdrawn": req.withdrawn,
            "position": req.position,
            "started_at": _iso(req.started_at),
            "ended_at": _iso(req.ended_at),
        },
    )


def conclusion_data(con: m.Conclusion) -> dict[str, Any]:
    return _checked(
        w.ConclusionData,
        {
            "id": con.id,
            "agenda_item_id": con.agenda_item_id,
            "text": con.text,
            "created_at": _iso(con.created_at),
        },
    )


def result_data(res: m.Result) -> dict[str, Any]:
    data = dict(res.data)
    data.update(
        {
            "id": res.id,
            "subject": res.subject,
            "agenda_item_id": res.agenda_item_id,
            "ballot_id": res.ballot_id,
            "published_at": _iso(res.published_at),
        }
    )
    return _checked(w.ResultData, data)
