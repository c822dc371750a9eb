"""Who is present at a session: the roll-call the Government Office opens and closes (with an
audit entry), members' check-ins from their laptops, and the office ticking present those who
have no laptop.

Each change of a meeting's attendance goes through one function here, and each ends in
``_changed``: the feed and the live stream's ``attendance`` event learn of it there.
The quorum is counted from the same rows (tally.quorum), so a check-in counts at once.
Called inside the caller's transaction on a request worker thread; the caller commits.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import AttendanceSource, MeetingStatus
from ecabinet.server import audit, feed, live
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.services.actor import AuthContext
from ecabinet.server.services.lookups import get_meeting
from ecabinet.wire.live import Attendance
from ecabinet.wire.session import Quorum, RollCall


def _changed(db: Session, meeting: m.Meeting) -> None:
    """Every change of a meeting's attendance ends here (present_user_ids, attendance_open)."""
    db.flush()
    feed.publish_meeting(db, meeting)
    # Imported here: tally imports feed, and the quorum line is what the console shows live.
    from ecabinet.server.tally import quorum

    total, present, needed, _reached = quorum(db, meeting)
    scope, scope_id, mid = feed.meeting_scope(meeting)
    live.announce(
        db,
        meeting.body_id,
        Attendance(meeting_id=meeting.id, present=present, needed=needed, total_members=total),
        scope=scope,
        scope_id=scope_id,
        meeting_id=mid,
    )


def set_open(db: Session, auth: AuthContext, meeting_id: str, is_open: bool) -> m.Meeting:
    """The Government Office opens the roll-call of a session being held, or closes it."""
    meeting = get_meeting(db, auth, meeting_id)
    if is_open and meeting.status != MeetingStatus.IN_PROGRESS:
        raise ApiError(409, "invalid_state", "The roll-call opens only while the session is held.")
    if bool(meeting.attendance_open) == is_open:
        raise ApiError(
            409, "invalid_state", f"The roll-call is already {'open' if is_open else 'closed'}."
        )
    meeting.attendance_open = is_open
    _changed(db, meeting)
    audit.record(
        db,
        "attendance.open" if is_open else "attendance.close",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
    )
    return meeting


def state(db: Session, meeting: m.Meeting) -> RollCall:
    """Whether the roll-call is open, and the quorum as the rows now count it."""
    from ecabinet.server.tally import quorum  # imported here, as in _changed

    total, present, needed, reached = quorum(db, meeting)
    return RollCall(
        meeting_id=meeting.id,
        attendance_open=bool(meeting.attendance_open),
        quorum=Quorum(
            total_members=total, present_members=present, needed=needed, has_quorum=reached
        ),
    )


def _rows(db: Session, meeting: m.Meeting) -> dict[str, m.Attendance]:
    rows = db.scalars(select(m.Attendance).where(m.Attendance.meeting_id == meeting.id))
    return {row.user_id: row for row in rows}


def check_in(db: Session, meeting: m.Meeting, user_id: str, at: datetime) -> bool:
    """The member says "Có mặt" from the laptop; False if already present (nothing changes)."""
    row = _rows(db, meeting).get(user_id)
    if row is not None and row.present:
        return False
    if row is None:
        row = m.Attendance(meeting_id=meeting.id, user_id=user_id)
        db.add(row)
    row.present, row.source, row.checked_in_at, row.recorded_at = (
        True,
        AttendanceSource.LAPTOP,
        at,
        at,
    )
    _changed(db, meeting)
    return True


def record_by_office(
    db: Session,
    meeting: m.Meeting,
    present: Collection[str],
    absent: Collection[str],
    at: datetime,
) -> None:
    """The office's list replaces the office's own ticks. A member who checked in from the
    laptop stays present unless the office names them in ``absent``: a list made before a
    check-in arrived must not undo it."""
    rows = _rows(db, meeting)
    for user_id, row in rows.items():
        if user_id in present:
            continue
        if row.source == AttendanceSource.OFFICE or user_id in absent:
            db.delete(row)
    for user_id in set(present):
        kept = rows.get(user_id)
        if kept is None:
            db.add(
                m.Attendance(
                    meeting_id=meeting.id,
                    user_id=user_id,
                    source=AttendanceSource.OFFICE,
                    recorded_at=at,
                )
            )
        elif not kept.present:
            kept.present, kept.source, kept.recorded_at = True, AttendanceSource.OFFICE, at
    _changed(db, meeting)
