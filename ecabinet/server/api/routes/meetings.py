"""Meetings: create, edit, invite, publish, start, close, and record who is present.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. The act itself is services.meetings'; the handler commits once after it, so a client
never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.manifest import ImportProblems
from ecabinet.server import models as m
from ecabinet.server.api.deps import DbDep, Secretariat, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.pki import chain_ca
from ecabinet.server.services import inbox, meetings
from ecabinet.server.services.lookups import get_meeting
from ecabinet.wire.agenda import AgendaImport
from ecabinet.wire.meetings import (
    AttendancePut,
    InvitationsPut,
    MeetingCreate,
    MeetingPublic,
    MeetingUpdate,
)
from ecabinet.wire.session import Quorum

router = APIRouter(tags=["meetings"], route_class=ReleasingRoute)


def meeting_public(meeting: m.Meeting) -> MeetingPublic:
    return MeetingPublic.model_validate(meeting, from_attributes=True)


@router.get("/meetings", response_model=list[MeetingPublic], summary="All meetings of the body")
def list_meetings(auth: Secretariat, db: DbDep) -> list[MeetingPublic]:
    return [meeting_public(r) for r in meetings.meetings_of(db, auth)]


@router.post(
    "/meetings",
    status_code=201,
    response_model=MeetingPublic,
    summary="Create a meeting (a draft until published)",
)
def create_meeting(body: MeetingCreate, auth: Secretariat, db: DbDep) -> MeetingPublic:
    meeting = meetings.create_meeting(db, auth, body)
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
        meeting = meetings.import_meeting(db, auth, body)
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
    meeting = meetings.update_meeting(db, auth, meeting_id, body)
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
    meeting = meetings.invite(db, auth, meeting_id, body.invitations)
    db.commit()
    return meeting_public(meeting)


@router.post(
    "/meetings/{meeting_id}/publish",
    response_model=MeetingPublic,
    summary="Publish: invited members receive the meeting and its papers",
)
def publish(meeting_id: str, auth: Secretariat, db: DbDep) -> MeetingPublic:
    meeting = meetings.transition(db, auth, meeting_id, "publish")
    db.commit()
    return meeting_public(meeting)


@router.post(
    "/meetings/{meeting_id}/start", response_model=MeetingPublic, summary="Start the session"
)
def start(meeting_id: str, auth: Secretariat, db: DbDep, settings: SettingsDep) -> MeetingPublic:
    meeting = meetings.transition(db, auth, meeting_id, "start")
    inbox.session_started(db, auth.body_id, Organ.of_body(db, settings, auth.body_id), meeting_id)
    db.commit()
    return meeting_public(meeting)


@router.post(
    "/meetings/{meeting_id}/close", response_model=MeetingPublic, summary="Close the session"
)
def close(meeting_id: str, auth: Secretariat, db: DbDep, settings: SettingsDep) -> MeetingPublic:
    meeting = meetings.close(db, auth, meeting_id, chain_ca(settings))
    db.commit()
    return meeting_public(meeting)


@router.put(
    "/meetings/{meeting_id}/attendance",
    response_model=Quorum,
    summary="Record who is present; answers whether the quorum is reached",
)
def put_attendance(meeting_id: str, body: AttendancePut, auth: Secretariat, db: DbDep) -> Quorum:
    total, present, needed, reached = meetings.record_attendance(db, auth, meeting_id, body)
    db.commit()
    return Quorum(total_members=total, present_members=present, needed=needed, has_quorum=reached)
