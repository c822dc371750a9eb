"""Written ballots between sessions: create, send, remind, watch replies, close; results.

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. The act itself is services.ballots'; the handler commits once after it, so a client
never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server import models as m
from ecabinet.server.api.deps import DbDep, Secretariat, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.interconnect.status import StatusCode
from ecabinet.server.services import ballots, inbox
from ecabinet.wire.office import (
    BallotCreate,
    BallotUpdate,
    OfficeBallot,
    OfficeReplies,
    OfficeReply,
    ResultPublic,
)
from ecabinet.wire.summary import BallotSummary

router = APIRouter(tags=["ballots"], route_class=ReleasingRoute)


def _public(ballot: m.Ballot) -> OfficeBallot:
    return OfficeBallot.model_validate(ballot, from_attributes=True)


@router.get("/ballots", response_model=list[OfficeBallot], summary="All written ballots")
def list_ballots(auth: Secretariat, db: DbDep) -> list[OfficeBallot]:
    return [_public(b) for b in ballots.ballots_of(db, auth)]


@router.post(
    "/ballots",
    status_code=201,
    response_model=OfficeBallot,
    summary="Create a written ballot with its drafts (a draft until sent)",
)
def create_ballot(body: BallotCreate, auth: Secretariat, db: DbDep) -> OfficeBallot:
    ballot = ballots.create_ballot(db, auth, body)
    db.commit()
    return _public(ballot)


@router.patch(
    "/ballots/{ballot_id}", response_model=OfficeBallot, summary="Edit a ballot before it is sent"
)
def update_ballot(ballot_id: str, body: BallotUpdate, auth: Secretariat, db: DbDep) -> OfficeBallot:
    ballot = ballots.update_ballot(db, auth, ballot_id, body)
    db.commit()
    return _public(ballot)


@router.post(
    "/ballots/{ballot_id}/send",
    response_model=OfficeBallot,
    summary="Send the ballot to its voters",
)
def send(ballot_id: str, auth: Secretariat, db: DbDep, settings: SettingsDep) -> OfficeBallot:
    ballot = ballots.send(db, auth, ballot_id)
    inbox.ballot_moved(
        db, auth.body_id, Organ.of_body(db, settings, auth.body_id), ballot_id, StatusCode.HANDLING
    )
    db.commit()
    return _public(ballot)


@router.post(
    "/ballots/{ballot_id}/remind",
    response_model=OfficeBallot,
    summary="Remind those who have not answered (shown on their laptops)",
)
def remind(ballot_id: str, auth: Secretariat, db: DbDep) -> OfficeBallot:
    ballot = ballots.remind(db, auth, ballot_id)
    db.commit()
    return _public(ballot)


@router.post(
    "/ballots/{ballot_id}/close",
    response_model=ResultPublic,
    summary="Close the ballot and publish its result",
)
def close(ballot_id: str, auth: Secretariat, db: DbDep, settings: SettingsDep) -> ResultPublic:
    result = ballots.close(db, auth, ballot_id)
    inbox.ballot_moved(
        db, auth.body_id, Organ.of_body(db, settings, auth.body_id), ballot_id, StatusCode.DONE
    )
    db.commit()
    return ResultPublic.model_validate(result, from_attributes=True)


@router.get(
    "/ballots/{ballot_id}/responses",
    response_model=OfficeReplies,
    summary="Every reply (late ones and earlier ones too) and who has not answered",
)
def responses(ballot_id: str, auth: Secretariat, db: DbDep) -> OfficeReplies:
    rows, not_answered = ballots.replies(db, auth, ballot_id)
    return OfficeReplies(
        replies=[OfficeReply.model_validate(r, from_attributes=True) for r in rows],
        not_answered=not_answered,
    )


@router.get("/results", response_model=list[ResultPublic], summary="Published results")
def results(
    auth: Secretariat, db: DbDep, meeting_id: str | None = None, ballot_id: str | None = None
) -> list[ResultPublic]:
    return [
        ResultPublic.model_validate(r, from_attributes=True)
        for r in ballots.results(db, auth, meeting_id, ballot_id)
    ]


@router.get(
    "/ballots/{ballot_id}/summary",
    response_model=BallotSummary,
    summary="The summary of replies (tổng hợp ý kiến), counted under the rules",
)
def summary(ballot_id: str, auth: Secretariat, db: DbDep) -> BallotSummary:
    return ballots.summary(db, auth, ballot_id)
