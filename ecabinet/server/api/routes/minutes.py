"""GET /meetings/{id}/minutes: what the minutes of a session record, for the Government Office.

The record is services.minutes'; the office composes and signs the PDF on its own laptop
(ecabinet.client.acts), as it signs ballot summaries. Rule 8: only a session that was held
has minutes.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server.api.deps import DbDep, Secretariat
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.services.minutes import minutes_of
from ecabinet.wire.minutes import Minutes

router = APIRouter(tags=["minutes"], route_class=ReleasingRoute)


@router.get("/meetings/{meeting_id}/minutes", response_model=Minutes, summary="The minutes' record")
def minutes(meeting_id: str, auth: Secretariat, db: DbDep) -> Minutes:
    return minutes_of(db, auth, meeting_id)
