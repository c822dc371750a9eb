"""The chair runs the session: which item is being discussed now, and adopting the consent
list in one act (rule 6).

Handlers are plain functions, so FastAPI runs them on its worker threads, one database session
each. What each act does lives in ``services.session``; the handler commits once after it.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server.api.deps import ChairOrSecretariat, DbDep, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.interconnect.outbox import Organ
from ecabinet.server.services import inbox, session
from ecabinet.wire.meetings import ConsentAdopt, ItemPublic

router = APIRouter(tags=["session"], route_class=ReleasingRoute)


@router.post(
    "/items/{item_id}/discuss",
    response_model=list[ItemPublic],
    summary="Make this the item being discussed; the one before it is done",
)
def discuss(item_id: str, auth: ChairOrSecretariat, db: DbDep) -> list[ItemPublic]:
    changed = session.discuss(db, auth, item_id)
    db.commit()
    return [ItemPublic.model_validate(row, from_attributes=True) for row in changed]


@router.post(
    "/meetings/{meeting_id}/consent",
    response_model=list[ItemPublic],
    summary="Adopt the consent list: items nobody objects to or wants to speak on",
)
def adopt_consent(
    meeting_id: str,
    body: ConsentAdopt,
    auth: ChairOrSecretariat,
    db: DbDep,
    settings: SettingsDep,
) -> list[ItemPublic]:
    adopted = session.adopt_consent(db, auth, meeting_id, body.item_ids)
    inbox.item_decided(
        db, auth.body_id, Organ.of_body(db, settings, auth.body_id), [i.id for i in adopted]
    )
    db.commit()
    return [ItemPublic.model_validate(i, from_attributes=True) for i in adopted]
