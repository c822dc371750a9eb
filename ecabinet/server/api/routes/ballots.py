"""Written ballots between sessions: create, send, remind, watch replies, close; results.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. Every act writes, publishes what changed to the feed and records an audit entry, then
commits once: a client never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import BallotStatus
from ecabinet.server import audit, feed
from ecabinet.server import models as m
from ecabinet.server.api.deps import AuthContext, DbDep, Secretariat
from ecabinet.server.api.routes.agenda import add_version
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.serialize import body_member_ids
from ecabinet.server.tally import ballot_replies, ballot_tally, close_ballot_result
from ecabinet.wire.office import (
    BallotCreate,
    BallotUpdate,
    OfficeBallot,
    OfficeReplies,
    OfficeReply,
    ResultPublic,
)
from ecabinet.wire.summary import BallotSummary, SummaryMember, SummaryReply

router = APIRouter(tags=["ballots"], route_class=ReleasingRoute)


def _public(ballot: m.Ballot) -> OfficeBallot:
    return OfficeBallot.model_validate(ballot, from_attributes=True)


def _ballot(db: Session, auth: AuthContext, ballot_id: str) -> m.Ballot:
    ballot = db.get(m.Ballot, ballot_id)
    if ballot is None or ballot.body_id != auth.body_id:
        raise not_found("ballot")
    return ballot


def _check_voters(db: Session, auth: AuthContext, voter_ids: list[str]) -> list[str]:
    members = set(body_member_ids(db, auth.body_id))
    strangers = set(voter_ids) - members
    if strangers:
        raise ApiError(
            422,
            "validation_error",
            f"Only Government members answer written ballots: {', '.join(sorted(strangers))}.",
        )
    return list(dict.fromkeys(voter_ids))


def _record(db: Session, auth: AuthContext, action: str, ballot: m.Ballot) -> None:
    audit.record(
        db,
        action,
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="ballot",
        object_id=ballot.id,
        detail={"title": ballot.title},
    )


@router.get("/ballots", response_model=list[OfficeBallot], summary="All written ballots")
def list_ballots(auth: Secretariat, db: DbDep) -> list[OfficeBallot]:
    rows = db.scalars(
        select(m.Ballot).where(m.Ballot.body_id == auth.body_id).order_by(m.Ballot.created_at)
    )
    return [_public(b) for b in rows]


@router.post(
    "/ballots",
    status_code=201,
    response_model=OfficeBallot,
    summary="Create a written ballot with its drafts (a draft until sent)",
)
def create_ballot(body: BallotCreate, auth: Secretariat, db: DbDep) -> OfficeBallot:
    voters = _check_voters(
        db,
        auth,
        body.voter_ids if body.voter_ids is not None else body_member_ids(db, auth.body_id),
    )
    if body.chair_id:
        _check_voters(db, auth, [body.chair_id])
    chair = body.chair_id or next(
        (
            u.id
            for u in db.scalars(select(m.User).where(m.User.body_id == auth.body_id))
            if "chair" in (u.roles or ())
        ),
        None,
    )
    ballot = m.Ballot(
        body_id=auth.body_id,
        title=body.title,
        question=body.question,
        deadline=body.deadline,
        voter_ids=voters,
        chair_id=chair,
        created_by=auth.user_id,
    )
    db.add(ballot)
    db.flush()
    for position, spec in enumerate(body.documents, start=1):
        doc = m.Document(
            body_id=auth.body_id,
            ballot_id=ballot.id,
            kind=spec.kind.value,
            title=spec.title,
            position=position,
        )
        db.add(doc)
        db.flush()
        add_version(db, auth, doc, spec.sha256, spec.filename)
    feed.publish_ballot_tree(db, ballot)
    _record(db, auth, "ballot.create", ballot)
    db.commit()
    return _public(ballot)


@router.patch(
    "/ballots/{ballot_id}", response_model=OfficeBallot, summary="Edit a ballot before it is sent"
)
def update_ballot(ballot_id: str, body: BallotUpdate, auth: Secretariat, db: DbDep) -> OfficeBallot:
    ballot = _ballot(db, auth, ballot_id)
    if ballot.status != BallotStatus.DRAFT:
        raise ApiError(409, "invalid_state", "A ballot that has been sent cannot be edited.")
    changes = body.changes()
    if "voter_ids" in changes:
        changes["voter_ids"] = _check_voters(db, auth, changes["voter_ids"])
    for field, value in changes.items():
        setattr(ballot, field, value)
    feed.publish_ballot(db, ballot)
    _record(db, auth, "ballot.update", ballot)
    db.commit()
    return _public(ballot)


@router.post(
    "/ballots/{ballot_id}/send",
    response_model=OfficeBallot,
    summary="Send the ballot to its voters",
)
def send(ballot_id: str, auth: Secretariat, db: DbDep) -> OfficeBallot:
    ballot = _ballot(db, auth, ballot_id)
    if ballot.status != BallotStatus.DRAFT:
        raise ApiError(409, "invalid_state", "The ballot has already been sent.")
    if ballot.deadline <= m.now():
        raise ApiError(409, "invalid_state", "The deadline has passed: set a later one first.")
    if not ballot.voter_ids:
        raise ApiError(409, "invalid_state", "The ballot has no voters.")
    ballot.status = BallotStatus.OPEN.value
    ballot.sent_at = m.now()
    feed.publish_ballot_tree(db, ballot)
    _record(db, auth, "ballot.send", ballot)
    db.commit()
    return _public(ballot)


@router.post(
    "/ballots/{ballot_id}/remind",
    response_model=OfficeBallot,
    summary="Remind those who have not answered (shown on their laptops)",
)
def remind(ballot_id: str, auth: Secretariat, db: DbDep) -> OfficeBallot:
    ballot = _ballot(db, auth, ballot_id)
    if ballot.status != BallotStatus.OPEN:
        raise ApiError(409, "invalid_state", "Only an open ballot can be reminded.")
    ballot.reminded_at = m.now()
    feed.publish_ballot(db, ballot)
    _record(db, auth, "ballot.remind", ballot)
    db.commit()
    return _public(ballot)


@router.post(
    "/ballots/{ballot_id}/close",
    response_model=ResultPublic,
    summary="Close the ballot and publish its result",
)
def close(ballot_id: str, auth: Secretariat, db: DbDep) -> ResultPublic:
    ballot = _ballot(db, auth, ballot_id)
    if ballot.status != BallotStatus.OPEN:
        raise ApiError(409, "invalid_state", "Only an open ballot can be closed.")
    ballot.status = BallotStatus.CLOSED.value
    ballot.closed_at = m.now()
    feed.publish_ballot(db, ballot)
    result = close_ballot_result(db, ballot)
    _record(db, auth, "ballot.close", ballot)
    db.commit()
    return ResultPublic.model_validate(result, from_attributes=True)


@router.get(
    "/ballots/{ballot_id}/responses",
    response_model=OfficeReplies,
    summary="Every reply (late ones and earlier ones too) and who has not answered",
)
def responses(ballot_id: str, auth: Secretariat, db: DbDep) -> OfficeReplies:
    ballot = _ballot(db, auth, ballot_id)
    rows = list(
        db.scalars(
            select(m.BallotResponse)
            .where(m.BallotResponse.ballot_id == ballot.id)
            .order_by(m.BallotResponse.received_at)
        )
    )
    answered = {r.user_id for r in rows if r.current}
    return OfficeReplies(
        replies=[OfficeReply.model_validate(r, from_attributes=True) for r in rows],
        not_answered=[v for v in ballot.voter_ids if v not in answered],
    )


@router.get("/results", response_model=list[ResultPublic], summary="Published results")
def results(
    auth: Secretariat, db: DbDep, meeting_id: str | None = None, ballot_id: str | None = None
) -> list[ResultPublic]:
    query = select(m.Result).where(m.Result.body_id == auth.body_id)
    if ballot_id:
        query = query.where(m.Result.ballot_id == ballot_id)
    if meeting_id:
        query = query.join(m.AgendaItem, m.AgendaItem.id == m.Result.agenda_item_id).where(
            m.AgendaItem.meeting_id == meeting_id
        )
    return [
        ResultPublic.model_validate(r, from_attributes=True)
        for r in db.scalars(query.order_by(m.Result.published_at))
    ]


@router.get(
    "/ballots/{ballot_id}/summary",
    response_model=BallotSummary,
    summary="The summary of replies (tổng hợp ý kiến), counted under the rules",
)
def summary(ballot_id: str, auth: Secretariat, db: DbDep) -> BallotSummary:
    ballot = _ballot(db, auth, ballot_id)
    counted = ballot_tally(db, ballot)
    people = {u.id: u for u in db.scalars(select(m.User).where(m.User.body_id == auth.body_id))}

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

    replies = ballot_replies(db, ballot)
    answered = {r.user_id for r in replies if r.current}
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
        replies=[reply(r) for r in replies if r.current],
        late_replies=[reply(r) for r in replies if r.late],
        unanswered=[
            SummaryMember(user_id=u, full_name=people[u].full_name, title=people[u].title)
            for u in body_member_ids(db, auth.body_id)
            if u not in answered
        ],
    )
