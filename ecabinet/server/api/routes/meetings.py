"""Meetings: create, edit, invite, publish, start, close, and record who is present.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. Every act writes, publishes what changed to the feed and records an audit entry, then
commits once: a client never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ecabinet.domain import MeetingStatus, VoteStatus
from ecabinet.manifest import ImportProblems
from ecabinet.server import audit, feed, roll_call
from ecabinet.server import models as m
from ecabinet.server.agenda_import import build_meeting
from ecabinet.server.api.deps import AuthContext, DbDep, Secretariat
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.tally import quorum
from ecabinet.wire.agenda import AgendaImport
from ecabinet.wire.meetings import (
    AttendancePut,
    InvitationIn,
    InvitationsPut,
    MeetingCreate,
    MeetingPublic,
    MeetingUpdate,
)
from ecabinet.wire.session import Quorum

router = APIRouter(tags=["meetings"], route_class=ReleasingRoute)


def meeting_public(meeting: m.Meeting) -> MeetingPublic:
    return MeetingPublic.model_validate(meeting, from_attributes=True)


def get_meeting(db: Session, auth: AuthContext, meeting_id: str) -> m.Meeting:
    meeting = db.get(m.Meeting, meeting_id)
    if meeting is None or meeting.body_id != auth.body_id:
        raise not_found("meeting")
    return meeting


def _body_user_ids(db: Session, auth: AuthContext, ids: list[str]) -> None:
    known = set(
        db.scalars(select(m.User.id).where(m.User.body_id == auth.body_id, m.User.id.in_(ids)))
    )
    unknown = set(ids) - known
    if unknown:
        raise ApiError(422, "validation_error", f"Unknown users: {', '.join(sorted(unknown))}.")


def _replace_invitations(
    db: Session, auth: AuthContext, meeting: m.Meeting, invitations: list[InvitationIn]
) -> None:
    _body_user_ids(db, auth, [i.user_id for i in invitations])
    items = set(db.scalars(select(m.AgendaItem.id).where(m.AgendaItem.meeting_id == meeting.id)))
    strays = {item_id for i in invitations for item_id in i.agenda_item_ids} - items
    if strays:
        raise ApiError(
            422, "validation_error", f"Not items of this meeting: {', '.join(sorted(strays))}."
        )
    before = set(
        db.scalars(select(m.Invitation.user_id).where(m.Invitation.meeting_id == meeting.id))
    )
    db.execute(delete(m.Invitation).where(m.Invitation.meeting_id == meeting.id))
    db.flush()
    for inv in {i.user_id: i for i in invitations}.values():
        db.add(
            m.Invitation(
                meeting_id=meeting.id,
                user_id=inv.user_id,
                kind=inv.kind.value,
                agenda_item_ids=inv.agenda_item_ids,
            )
        )
    db.flush()
    if meeting.status != MeetingStatus.DRAFT:
        for user_id in before - {i.user_id for i in invitations}:
            feed.unpublish_meeting_for(db, meeting, user_id)


def _transition(
    db: Session,
    auth: AuthContext,
    meeting_id: str,
    allowed: set[str],
    target: MeetingStatus,
    action: str,
) -> MeetingPublic:
    meeting = get_meeting(db, auth, meeting_id)
    if meeting.status not in allowed:
        raise ApiError(
            409, "invalid_state", f"A meeting that is {meeting.status} cannot be {action}."
        )
    if target == MeetingStatus.CLOSED and db.scalar(
        select(m.AgendaItem.id).where(
            m.AgendaItem.meeting_id == meeting.id, m.AgendaItem.vote_status == VoteStatus.OPEN
        )
    ):
        raise ApiError(409, "vote_open", "Close the open vote before closing the meeting.")
    meeting.status = target.value
    if target == MeetingStatus.PUBLISHED:
        meeting.published_at = m.now()
    if target == MeetingStatus.IN_PROGRESS:
        meeting.started_at = m.now()  # the session was held: it will have minutes (rule 8)
    db.flush()
    feed.publish_meeting_tree(db, meeting)
    audit.record(
        db,
        f"meeting.{action}",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
    )
    db.commit()
    return meeting_public(meeting)


@router.get("/meetings", response_model=list[MeetingPublic], summary="All meetings of the body")
def list_meetings(auth: Secretariat, db: DbDep) -> list[MeetingPublic]:
    rows = db.scalars(
        select(m.Meeting).where(m.Meeting.body_id == auth.body_id).order_by(m.Meeting.starts_at)
    )
    return [meeting_public(r) for r in rows]


@router.post(
    "/meetings",
    status_code=201,
    response_model=MeetingPublic,
    summary="Create a meeting (a draft until published)",
)
def create_meeting(body: MeetingCreate, auth: Secretariat, db: DbDep) -> MeetingPublic:
    if body.chair_id:
        _body_user_ids(db, auth, [body.chair_id])
    meeting = m.Meeting(
        body_id=auth.body_id,
        kind=body.kind.value,
        title=body.title,
        starts_at=body.starts_at,
        ends_at=body.ends_at,
        place=body.place,
        chair_id=body.chair_id,
        status=MeetingStatus.DRAFT.value,
    )
    db.add(meeting)
    db.flush()
    _replace_invitations(db, auth, meeting, body.invitations)
    feed.publish_meeting(db, meeting)
    audit.record(
        db,
        "meeting.create",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
        detail={"title": body.title},
    )
    db.commit()
    return meeting_public(meeting)


@router.post(
    "/meetings/import",
    status_code=201,
    response_model=MeetingPublic,
    summary="Build a draft meeting with its items and documents at once (all or nothing)",
)
def import_meeting(body: AgendaImport, auth: Secretariat, db: DbDep) -> MeetingPublic:
    try:
        meeting = build_meeting(db, auth.body_id, body, actor_id=auth.user_id)
    except ImportProblems as problems:
        raise ApiError(422, "not_uploaded", "; ".join(problems.problems)) from None
    db.commit()
    return meeting_public(meeting)


@router.get("/meetings/{meeting_id}", response_model=MeetingPublic, summary="One meeting")
def read_meeting(meeting_id: str, auth: Secretariat, db: DbDep) -> MeetingPublic:
    return meeting_public(get_meeting(db, auth, meeting_id))


@router.patch("/meetings/{meeting_id}", response_model=MeetingPublic, summary="Edit a meeting")
def update_meeting(
    meeting_id: str, body: MeetingUpdate, auth: Secretariat, db: DbDep
) -> MeetingPublic:
    meeting = get_meeting(db, auth, meeting_id)
    if meeting.status == MeetingStatus.CLOSED:
        raise ApiError(409, "invalid_state", "A closed meeting is part of the record.")
    changes = body.changes()
    if changes.get("chair_id"):
        _body_user_ids(db, auth, [changes["chair_id"]])
    for field, value in changes.items():
        setattr(meeting, field, value)
    if meeting.ends_at is not None and meeting.ends_at < meeting.starts_at:
        raise ApiError(422, "validation_error", "The meeting would end before it starts.")
    feed.publish_meeting(db, meeting)
    audit.record(
        db,
        "meeting.update",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
        detail={k: str(v) for k, v in changes.items()},
    )
    db.commit()
    return meeting_public(meeting)


@router.put(
    "/meetings/{meeting_id}/invitations",
    response_model=MeetingPublic,
    summary="Replace who is invited; newly invited users receive the whole meeting",
)
def put_invitations(
    meeting_id: str, body: InvitationsPut, auth: Secretariat, db: DbDep
) -> MeetingPublic:
    meeting = get_meeting(db, auth, meeting_id)
    _replace_invitations(db, auth, meeting, body.invitations)
    feed.publish_meeting_tree(db, meeting)
    audit.record(
        db,
        "meeting.invite",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
        detail={"invited": len(body.invitations)},
    )
    db.commit()
    return meeting_public(meeting)


@router.post(
    "/meetings/{meeting_id}/publish",
    response_model=MeetingPublic,
    summary="Publish: invited members receive the meeting and its papers",
)
def publish(meeting_id: str, auth: Secretariat, db: DbDep) -> MeetingPublic:
    return _transition(
        db, auth, meeting_id, {MeetingStatus.DRAFT}, MeetingStatus.PUBLISHED, "publish"
    )


@router.post(
    "/meetings/{meeting_id}/start", response_model=MeetingPublic, summary="Start the session"
)
def start(meeting_id: str, auth: Secretariat, db: DbDep) -> MeetingPublic:
    return _transition(
        db, auth, meeting_id, {MeetingStatus.PUBLISHED}, MeetingStatus.IN_PROGRESS, "start"
    )


@router.post(
    "/meetings/{meeting_id}/close", response_model=MeetingPublic, summary="Close the session"
)
def close(meeting_id: str, auth: Secretariat, db: DbDep) -> MeetingPublic:
    return _transition(
        db,
        auth,
        meeting_id,
        {MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS},
        MeetingStatus.CLOSED,
        "close",
    )


@router.put(
    "/meetings/{meeting_id}/attendance",
    response_model=Quorum,
    summary="Record who is present; answers whether the quorum is reached",
)
def put_attendance(meeting_id: str, body: AttendancePut, auth: Secretariat, db: DbDep) -> Quorum:
    meeting = get_meeting(db, auth, meeting_id)
    _body_user_ids(db, auth, body.present_user_ids + body.absent_user_ids)
    roll_call.record_by_office(
        db, meeting, set(body.present_user_ids), set(body.absent_user_ids), m.now()
    )
    total, present, needed, reached = quorum(db, meeting)
    audit.record(
        db,
        "meeting.attendance",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
        detail={"present": present, "needed": needed},
    )
    db.commit()
    return Quorum(total_members=total, present_members=present, needed=needed, has_quorum=reached)
