"""The chair gives the floor: the next speaker of an item, and the end of a speech.

Only the chair of the meeting and the Government Office; the times are the server's. Handlers
are plain functions, so FastAPI runs them on its worker threads, one database session each.
What each act does lives in ``services.speakers``; the handler commits once after it.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server import models as m
from ecabinet.server.api.deps import ChairOrSecretariat, DbDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.serialize import speaker_request_data
from ecabinet.server.services import speakers
from ecabinet.wire.objects import SpeakerRequestData

router = APIRouter(tags=["speakers"], route_class=ReleasingRoute)


def _answer(req: m.SpeakerRequest) -> SpeakerRequestData:
    return SpeakerRequestData.model_validate(speaker_request_data(req))


@router.post(
    "/items/{item_id}/speakers/next",
    response_model=SpeakerRequestData,
    summary="Give the floor to the next speaker waiting (the current speech ends)",
)
def next_speaker(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> SpeakerRequestData:
    req = speakers.next_speaker(db, auth, item_id)
    db.commit()
    return _answer(req)


@router.post(
    "/speaker-requests/{request_id}/end",
    response_model=SpeakerRequestData,
    summary="End the speech of the member who has the floor",
)
def end_speech(request_id: str, auth: ChairOrSecretariat, db: DbDep) -> SpeakerRequestData:
    req = speakers.end_speech(db, auth, request_id)
    db.commit()
    return _answer(req)
