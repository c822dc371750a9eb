"""Counting votes and ballot replies under the Government's rules, and publishing results.

Called by the route handlers on FastAPI's worker threads, inside the caller's transaction: the
caller commits the closing act, the Result and its feed change together.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import (
    Answer,
    BallotChoice,
    InvitationKind,
    ResultSubject,
    Tally,
    has_quorum,
    quorum_needed,
    tally,
)
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.serialize import body_member_ids


def quorum(db: Session, meeting: m.Meeting) -> tuple[int, int, int, bool]:
    """(all members, members present, needed, reached); guests and deputies never count."""
    members = set(body_member_ids(db, meeting.body_id))
    present = set(
        db.scalars(
            select(m.Attendance.user_id).where(
                m.Attendance.meeting_id == meeting.id, m.Attendance.present
            )
        )
    )
    count = len(members & present)
    return len(members), count, quorum_needed(len(members)), has_quorum(count, len(members))


def vote_tally(db: Session, item: m.AgendaItem, meeting: m.Meeting) -> Tally:
    """Current votes of those invited as members (and the chair) against ALL members (rule 2)."""
    invited_members = set(
        db.scalars(
            select(m.Invitation.user_id).where(
                m.Invitation.meeting_id == meeting.id,
                m.Invitation.kind == InvitationKind.MEMBER,
            )
        )
    )
    if meeting.chair_id:
        invited_members.add(meeting.chair_id)
    votes = db.scalars(select(m.Vote).where(m.Vote.agenda_item_id == item.id, m.Vote.current))
    answers = [Answer(v.user_id, v.choice) for v in votes if v.user_id in invited_members]
    return tally(answers, body_member_ids(db, meeting.body_id), meeting.chair_id)


def _publish(
    db: Session, row: m.Result, counted: Tally, opinions: list[dict[str, str]]
) -> m.Result:
    row.data = {
        "total_members": counted.total_members,
        "agree": counted.agree,
        "disagree": counted.disagree,
        "abstain_or_other": counted.abstain_or_other,
        "not_answered": counted.not_answered,
        "late": counted.late,
        "chair_choice": counted.chair_choice,
        "passed": counted.passed,
        "other_opinions": opinions,
    }
    db.add(row)
    db.flush()
    feed.publish_result(db, row)
    return row


def close_vote_result(db: Session, item: m.AgendaItem, meeting: m.Meeting) -> m.Result:
    row = m.Result(
        body_id=meeting.body_id,
        subject=ResultSubject.VOTE,
        agenda_item_id=item.id,
        published_at=m.now(),
    )
    return _publish(db, row, vote_tally(db, item, meeting), [])


def ballot_replies(db: Session, ballot: m.Ballot) -> list[m.BallotResponse]:
    """The replies that count (current ones) and the late ones, in the order received."""
    return list(
        db.scalars(
            select(m.BallotResponse)
            .where(
                m.BallotResponse.ballot_id == ballot.id,
                (m.BallotResponse.current) | (m.BallotResponse.late),
            )
            .order_by(m.BallotResponse.received_at)
        )
    )


def ballot_tally(db: Session, ballot: m.Ballot) -> Tally:
    answers = [Answer(r.user_id, r.choice, late=r.late) for r in ballot_replies(db, ballot)]
    # N is the whole membership (rule 2), not only those the ballot went to.
    return tally(answers, body_member_ids(db, ballot.body_id), ballot.chair_id)


def close_ballot_result(db: Session, ballot: m.Ballot) -> m.Result:
    counted = ballot_tally(db, ballot)
    opinions = [
        {"user_id": r.user_id, "text": r.comment}
        for r in ballot_replies(db, ballot)
        if r.current and r.choice == BallotChoice.OTHER
    ]
    row = m.Result(
        body_id=ballot.body_id,
        subject=ResultSubject.BALLOT,
        ballot_id=ballot.id,
        published_at=m.now(),
    )
    return _publish(db, row, counted, opinions)
