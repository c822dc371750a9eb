"""Written ballots between sessions: create, edit, send, remind, close; replies, the summary
of replies and results.

Each function that changes data checks, changes, publishes to the feed and writes the audit
entry in the caller's transaction; the caller commits. Request worker threads.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import BallotStatus
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.serialize import body_member_ids
from ecabinet.server.services.actor import Actor, record
from ecabinet.server.services.documents import add_version
from ecabinet.server.services.lookups import get_ballot
from ecabinet.server.tally import ballot_replies, ballot_tally, close_ballot_result
from ecabinet.wire.office import BallotCreate, BallotUpdate
from ecabinet.wire.summary import BallotSummary, SummaryMember, SummaryReply


def _check_voters(db: Session, actor: Actor, voter_ids: list[str]) -> list[str]:
    members = set(body_member_ids(db, actor.body_id))
    strangers = set(voter_ids) - members
    if strangers:
        raise ApiError(
            422,
            "validation_error",
            f"Only members of the body answer written ballots: {', '.join(sorted(strangers))}.",
        )
    return list(dict.fromkeys(voter_ids))


def _record(db: Session, actor: Actor, action: str, ballot: m.Ballot) -> None:
    record(db, actor, action, "ballot", ballot.id, {"title": ballot.title})


def _open(db: Session, actor: Actor, ballot_id: str, refusal: str) -> m.Ballot:
    ballot = get_ballot(db, actor, ballot_id)
    if ballot.status != BallotStatus.OPEN:
        raise ApiError(409, "invalid_state", refusal)
    return ballot


def ballots_of(db: Session, actor: Actor) -> list[m.Ballot]:
    """The body's ballots, oldest first."""
    return list(
        db.scalars(
            select(m.Ballot).where(m.Ballot.body_id == actor.body_id).order_by(m.Ballot.created_at)
        )
    )


def create_ballot(db: Session, actor: Actor, new: BallotCreate) -> m.Ballot:
    """A draft ballot with its documents; every member votes unless voters are named."""
    voters = _check_voters(
        db,
        actor,
        new.voter_ids if new.voter_ids is not None else body_member_ids(db, actor.body_id),
    )
    if new.chair_id:
        _check_voters(db, actor, [new.chair_id])
    chair = new.chair_id or next(
        (
            u.id
            for u in db.scalars(select(m.User).where(m.User.body_id == actor.body_id))
            if "chair" in (u.roles or ())
        ),
        None,
    )
    ballot = m.Ballot(
        body_id=actor.body_id,
        title=new.title,
        question=new.question,
        deadline=new.deadline,
        voter_ids=voters,
        chair_id=chair,
        created_by=actor.user_id,
    )
    db.add(ballot)
    db.flush()
    for position, spec in enumerate(new.documents, start=1):
        doc = m.Document(
            body_id=actor.body_id,
            ballot_id=ballot.id,
            kind=spec.kind.value,
            title=spec.title,
            position=position,
        )
        db.add(doc)
        db.flush()
        add_version(db, actor, doc, spec.sha256, spec.filename)
    feed.publish_ballot_tree(db, ballot)
    _record(db, actor, "ballot.create", ballot)
    return ballot


def update_ballot(db: Session, actor: Actor, ballot_id: str, edit: BallotUpdate) -> m.Ballot:
    ballot = get_ballot(db, actor, ballot_id)
    if ballot.status != BallotStatus.DRAFT:
        raise ApiError(409, "invalid_state", "A ballot that has been sent cannot be edited.")
    changes = edit.changes()
    if "voter_ids" in changes:
        changes["voter_ids"] = _check_voters(db, actor, changes["voter_ids"])
    for field, value in changes.items():
        setattr(ballot, field, value)
    feed.publish_ballot(db, ballot)
    _record(db, actor, "ballot.update", ballot)
    return ballot


def send(db: Session, actor: Actor, ballot_id: str) -> m.Ballot:
    ballot = get_ballot(db, actor, ballot_id)
    if ballot.status != BallotStatus.DRAFT:
        raise ApiError(409, "invalid_state", "The ballot has already been sent.")
    if ballot.deadline <= m.now():
        raise ApiError(409, "invalid_state", "The deadline has passed: set a later one first.")
    if not ballot.voter_ids:
        raise ApiError(409, "invalid_state", "The ballot has no voters.")
    ballot.status = BallotStatus.OPEN
    ballot.sent_at = m.now()
    feed.publish_ballot_tree(db, ballot)
    _record(db, actor, "ballot.send", ballot)
    return ballot


def remind(db: Session, actor: Actor, ballot_id: str) -> m.Ballot:
    """Shown on the laptops of those who have not answered."""
    ballot = _open(db, actor, ballot_id, "Only an open ballot can be reminded.")
    ballot.reminded_at = m.now()
    feed.publish_ballot(db, ballot)
    _record(db, actor, "ballot.remind", ballot)
    return ballot


def close(db: Session, actor: Actor, ballot_id: str) -> m.Result:
    """Closes the ballot and publishes its result."""
    ballot = _open(db, actor, ballot_id, "Only an open ballot can be closed.")
    ballot.status = BallotStatus.CLOSED
    ballot.closed_at = m.now()
    feed.publish_ballot(db, ballot)
    result = close_ballot_result(db, ballot)
    _record(db, actor, "ballot.close", ballot)
    return result


def replies(db: Session, actor: Actor, ballot_id: str) -> tuple[list[m.BallotResponse], list[str]]:
    """Every reply, earliest first, and the voters with no current one."""
    ballot = get_ballot(db, actor, ballot_id)
    rows = list(
        db.scalars(
            select(m.BallotResponse)
            .where(m.BallotResponse.ballot_id == ballot.id)
            .order_by(m.BallotResponse.received_at)
        )
    )
    answered = {r.user_id for r in rows if r.current}
    return rows, [v for v in ballot.voter_ids if v not in answered]


def results(
    db: Session, actor: Actor, meeting_id: str | None, ballot_id: str | None
) -> list[m.Result]:
    """Published results, of one meeting's items or one ballot when named."""
    query = select(m.Result).where(m.Result.body_id == actor.body_id)
    if ballot_id:
        query = query.where(m.Result.ballot_id == ballot_id)
    if meeting_id:
        query = query.join(m.AgendaItem, m.AgendaItem.id == m.Result.agenda_item_id).where(
            m.AgendaItem.meeting_id == meeting_id
        )
    return list(db.scalars(query.order_by(m.Result.published_at)))


def summary(db: Session, actor: Actor, ballot_id: str) -> BallotSummary:
    """The summary of replies (tổng hợp ý kiến): the count under the rules, who answered what,
    who answered late and who has not answered, each named with their title."""
    ballot = get_ballot(db, actor, ballot_id)
    counted = ballot_tally(db, ballot)
    people = {u.id: u for u in db.scalars(select(m.User).where(m.User.body_id == actor.body_id))}

    def reply(r: m.BallotResponse) -> SummaryReply:
        user = people[r.user_id]
        return SummaryReply(
            user_id=r.user_id,
            full_name=user.full_name,
            title=user.title,
            choice=r.choice,
            comment=r.comment,
            received_at=r.received_at,
            late=r.late,
        )

    rows = ballot_replies(db, ballot)
    answered = {r.user_id for r in rows if r.current}
    return BallotSummary(
        ballot_id=ballot.id,
        title=ballot.title,
        question=ballot.question,
        status=ballot.status,
        deadline=ballot.deadline,
        total_members=counted.total_members,
        agree=counted.agree,
        disagree=counted.disagree,
        other=counted.abstain_or_other,
        not_answered=counted.not_answered,
        late=counted.late,
        passed=counted.passed,
        replies=[reply(r) for r in rows if r.current],
        late_replies=[reply(r) for r in rows if r.late],
        unanswered=[
            SummaryMember(user_id=u, full_name=people[u].full_name, title=people[u].title)
            for u in body_member_ids(db, actor.body_id)
            if u not in answered
        ],
    )
