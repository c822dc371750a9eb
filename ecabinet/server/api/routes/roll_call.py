"""The roll-call of a session: the Government Office opens it, members check in from their
laptops (the attendance.check_in mutation), the office closes it. The office's own ticks are
PUT /meetings/{id}/attendance (routes/meetings.py).

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each; each act writes, publishes, records an audit entry and commits once.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.domain import MeetingStatus
from ecabinet.server import audit, roll_call
from ecabinet.server import models as m
from ecabinet.server.api.deps import AuthContext, DbDep, Secretariat
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError
from ecabinet.server.services.lookups import get_meeting
from ecabinet.server.tally import quorum
from ecabinet.wire.session import Quorum, RollCall

router = APIRouter(tags=["meetings"], route_class=ReleasingRoute)


def roll_call_of(db: DbDep, meeting: m.Meeting) -> RollCall:
    total, present, needed, reached = quorum(db, meeting)
    return RollCall(
        meeting_id=meeting.id,
        attendance_open=bool(meeting.attendance_open),
        quorum=Quorum(
            total_members=total, present_members=present, needed=needed, has_quorum=reached
        ),
    )


def _set(meeting_id: str, is_open: bool, auth: AuthContext, db: DbDep) -> RollCall:
    meeting = get_meeting(db, auth, meeting_id)
    if is_open and meeting.status != MeetingStatus.IN_PROGRESS:
        raise ApiError(409, "invalid_state", "The roll-call opens only while the session is held.")
    if bool(meeting.attendance_open) == is_open:
        raise ApiError(
            409, "invalid_state", f"The roll-call is already {'open' if is_open else 'closed'}."
        )
    roll_call.set_open(db, meeting, is_open)
    audit.record(
        db,
        "attendance.open" if is_open else "attendance.close",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
    )
    db.commit()
    return roll_call_of(db, meeting)


@router.post(
    "/meetings/{meeting_id}/attendance/open",
    response_model=RollCall,
    summary="Open the roll-call: invited members check in from their laptops",
)
def open_roll_call(meeting_id: str, auth: Secretariat, db: DbDep) -> RollCall:
    return _set(meeting_id, True, auth, db)


@router.post(
    "/meetings/{meeting_id}/attendance/close",
    response_model=RollCall,
    summary="Close the roll-call; the members checked in stay present",
)
def close_roll_call(meeting_id: str, auth: Secretariat, db: DbDep) -> RollCall:
    return _set(meeting_id, False, auth, db)
