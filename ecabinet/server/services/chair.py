"""Who may run a session's acts: the meeting's chair (or the Government Office), and the state
the session must be in. Shared by every service of the session (votes, the floor, the consent
list, the board); raises ``ApiError`` as the routes answer it. Request worker threads.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ecabinet.domain import MeetingStatus, Role
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.services.actor import AuthContext
from ecabinet.server.services.lookups import get_item, get_meeting
from ecabinet.server.tally import quorum


def chair_of(auth: AuthContext, meeting: m.Meeting) -> None:
    """Only the meeting's chair or the Government Office (403 otherwise)."""
    if not auth.is_secretariat and meeting.chair_id != auth.user_id:
        raise ApiError(403, "forbidden", "Only the chair of this meeting may do this.")


def chair_item(db: Session, auth: AuthContext, item_id: str) -> tuple[m.AgendaItem, m.Meeting]:
    """An item of a meeting the caller chairs (the Government Office runs any)."""
    item, meeting = get_item(db, auth, item_id)
    if auth.has(Role.CHAIR) and not auth.is_secretariat:
        chair_of(auth, meeting)
    return item, meeting


def chair_meeting(db: Session, auth: AuthContext, meeting_id: str) -> m.Meeting:
    """A meeting the caller chairs (the Government Office runs any)."""
    meeting = get_meeting(db, auth, meeting_id)
    chair_of(auth, meeting)
    return meeting


def in_session(meeting: m.Meeting, detail: str = "The session is not in progress.") -> None:
    """The act belongs to a session being held; ``detail`` says which act, as the route did."""
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise ApiError(409, "invalid_state", detail)


def with_quorum(db: Session, meeting: m.Meeting, purpose: str = "") -> int:
    """The quorum is reached (more than half of all members present); how many are present.
    ``purpose`` ends the refusal (" to vote"), as each act has always worded it."""
    total, present, needed, reached = quorum(db, meeting)
    if not reached:
        raise ApiError(
            409,
            "no_quorum",
            f"{present} of {total} members are present; {needed} are needed{purpose}.",
        )
    return present
