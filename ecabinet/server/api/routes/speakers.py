"""The chair gives the floor: the next speaker of an item, and the end of a speech.

Only the chair of the meeting and the Government Office; the times are the server's. Handlers
are plain functions, so FastAPI runs them on its worker threads, one database session each.
Every act writes, publishes what changed to the feed and records an audit entry, then commits
once: a client never learns of half an act.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.domain import ItemStatus, MeetingStatus
from ecabinet.server import audit, speakers
from ecabinet.server import models as m
from ecabinet.server.api.deps import ChairOrSecretariat, DbDep
from ecabinet.server.api.routes.votes import chair_item
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError, not_found
from ecabinet.wire.objects import SpeakerRequestData

router = APIRouter(tags=["speakers"], route_class=ReleasingRoute)


def _answer(req: m.SpeakerRequest) -> SpeakerRequestData:
    return SpeakerRequestData.model_validate(req, from_attributes=True)


@router.post(
    "/items/{item_id}/speakers/next",
    response_model=SpeakerRequestData,
    summary="Give the floor to the next speaker waiting (the current speech ends)",
)
def next_speaker(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> SpeakerRequestData:
    item, meeting = chair_item(db, auth, item_id)
    if meeting.status != MeetingStatus.IN_PROGRESS or item.status == ItemStatus.CLOSED:
        raise ApiError(409, "invalid_state", "The floor is given only on an open item in session.")
    try:
        req = speakers.invite_next(db, meeting, item, m.now())
    except speakers.NoSpeakerWaiting:
        raise ApiError(409, "no_speaker_waiting", "Nobody is waiting to speak.") from None
    audit.record(
        db,
        "speaker.start",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="speaker_request",
        object_id=req.id,
        detail={"user_id": req.user_id, "item_id": item.id},
    )
    db.commit()
    return _answer(req)


@router.post(
    "/speaker-requests/{request_id}/end",
    response_model=SpeakerRequestData,
    summary="End the speech of the member who has the floor",
)
def end_speech(request_id: str, auth: ChairOrSecretariat, db: DbDep) -> SpeakerRequestData:
    req = db.get(m.SpeakerRequest, request_id)
    if req is None:
        raise not_found("speaker request")
    try:
        item, meeting = chair_item(db, auth, req.agenda_item_id)
    except ApiError as error:
        if error.status == 404:
            raise not_found("speaker request") from None
        raise
    if req.started_at is None or req.ended_at is not None:
        raise ApiError(409, "invalid_state", "This member does not have the floor.")
    speakers.end_speech(db, meeting, req, m.now())
    audit.record(
        db,
        "speaker.end",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="speaker_request",
        object_id=req.id,
        detail={"user_id": req.user_id, "item_id": item.id},
    )
    db.commit()
    return _answer(req)
