"""The roll-call of a session: the Government Office opens it, members check in from their
laptops (the attendance.check_in mutation), the office closes it. The office's own ticks are
PUT /meetings/{id}/attendance (routes/meetings.py).

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. What each act does lives in ``services.roll_call``; the handler commits once after it.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server.api.deps import DbDep, Secretariat
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.services import roll_call
from ecabinet.wire.session import RollCall

router = APIRouter(tags=["meetings"], route_class=ReleasingRoute)


@router.post(
    "/meetings/{meeting_id}/attendance/open",
    response_model=RollCall,
    summary="Open the roll-call: invited members check in from their laptops",
)
def open_roll_call(meeting_id: str, auth: Secretariat, db: DbDep) -> RollCall:
    meeting = roll_call.set_open(db, auth, meeting_id, True)
    db.commit()
    return roll_call.state(db, meeting)


@router.post(
    "/meetings/{meeting_id}/attendance/close",
    response_model=RollCall,
    summary="Close the roll-call; the members checked in stay present",
)
def close_roll_call(meeting_id: str, auth: Secretariat, db: DbDep) -> RollCall:
    meeting = roll_call.set_open(db, auth, meeting_id, False)
    db.commit()
    return roll_call.state(db, meeting)
