"""Rows to wire data: the exact ``data`` of each change type (ecabinet.wire.objects).

A row whose columns are the wire model's fields becomes its model by ``model_validate(row,
from_attributes=True)``; only a meeting and a result, whose data is partly computed, are put
together here. Every object is validated by its wire model, so a server bug cannot put an
object on the feed that a client would refuse. Runs on the request's worker thread.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import Role
from ecabinet.server import models as m
from ecabinet.wire import objects as w
from ecabinet.wire.base import WireModel


def _dump(model: WireModel) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json")
    return data


def _data(model: type[WireModel], row: object) -> dict[str, Any]:
    """The feed's JSON of a row whose columns carry every field of ``model``."""
    return _dump(model.model_validate(row, from_attributes=True))


def body_member_ids(db: Session, body_id: str) -> list[str]:
    """The Government's members (N in the majority rule): members and the chair, active."""
    users = db.scalars(select(m.User).where(m.User.body_id == body_id, m.User.active)).all()
    voting = {Role.MEMBER.value, Role.CHAIR.value}
    return [u.id for u in users if voting & set(u.roles or ())]


def user_data(user: m.User) -> dict[str, Any]:
    return _data(w.UserData, user)


def meeting_data(db: Session, meeting: m.Meeting) -> dict[str, Any]:
    """The meeting's columns, with who is invited and present and how many members count."""
    invitations = db.scalars(
        select(m.Invitation).where(m.Invitation.meeting_id == meeting.id)
    ).all()
    present = db.scalars(
        select(m.Attendance.user_id).where(
            m.Attendance.meeting_id == meeting.id, m.Attendance.present
        )
    ).all()
    columns = dict(w.MeetingData.model_validate(meeting, from_attributes=True))
    computed = {
        "invitations": invitations,
        "present_user_ids": sorted(present),
        "total_members": len(body_member_ids(db, meeting.body_id)),
    }
    return _dump(w.MeetingData.model_validate(columns | computed, from_attributes=True))


def agenda_item_data(item: m.AgendaItem) -> dict[str, Any]:
    return _data(w.AgendaItemData, item)


def document_data(doc: m.Document) -> dict[str, Any]:
    return _data(w.DocumentData, doc)


def document_version_data(version: m.DocumentVersion) -> dict[str, Any]:
    return _data(w.DocumentVersionData, version)


def ballot_data(ballot: m.Ballot) -> dict[str, Any]:
    return _data(w.BallotData, ballot)


def ballot_response_data(resp: m.BallotResponse) -> dict[str, Any]:
    return _data(w.BallotResponseData, resp)


def vote_data(vote: m.Vote) -> dict[str, Any]:
    return _data(w.VoteData, vote)


def position_data(pos: m.Position) -> dict[str, Any]:
    return _data(w.PositionData, pos)


def annotation_data(ann: m.Annotation) -> dict[str, Any]:
    return _data(w.AnnotationData, ann)


def speaker_request_data(req: m.SpeakerRequest) -> dict[str, Any]:
    return _data(w.SpeakerRequestData, req)


def conclusion_data(con: m.Conclusion) -> dict[str, Any]:
    return _data(w.ConclusionData, con)


def result_data(res: m.Result) -> dict[str, Any]:
    """The counted figures kept in ``res.data``, with the result's own columns."""
    columns = {
        "id": res.id,
        "subject": res.subject,
        "agenda_item_id": res.agenda_item_id,
        "ballot_id": res.ballot_id,
        "published_at": res.published_at,
    }
    return _dump(w.ResultData.model_validate(dict(res.data) | columns))
