"""attendance.check_in: a member invited to a session says "Có mặt" from the laptop while the
Government Office has the roll-call open. Request worker threads."""

from __future__ import annotations

from typing import cast

from ecabinet.domain import InvitationKind, MeetingStatus
from ecabinet.server import models as m
from ecabinet.server.mutations import Applier, MutationContext, Rejected
from ecabinet.server.mutations.lookups import invitation_kind
from ecabinet.server.services import roll_call
from ecabinet.wire.base import WireModel
from ecabinet.wire.sync import AttendanceCheckIn


def check_in(ctx: MutationContext, data: WireModel) -> None:
    meeting = ctx.db.get(m.Meeting, cast(AttendanceCheckIn, data).meeting_id)
    if (
        meeting is None
        or meeting.body_id != ctx.auth.body_id
        or not ctx.audience.can_see_meeting(meeting.id)
    ):
        raise Rejected("not_found", "No such meeting.")
    # Only Government members count towards the quorum: guests and deputies are seen, not
    # counted, and the Government Office records attendance, it does not attend.
    if invitation_kind(ctx, meeting) != InvitationKind.MEMBER:
        raise Rejected(
            "not_a_voting_member", "Only the Government members invited to this session check in."
        )
    if meeting.status != MeetingStatus.IN_PROGRESS or not meeting.attendance_open:
        raise Rejected("attendance_not_open", "The roll-call of this session is not open.")
    roll_call.check_in(ctx.db, meeting, ctx.auth.user_id, ctx.received_at)


APPLIERS: dict[str, Applier] = {"attendance.check_in": check_in}
