"""GET /api/v1/bodies: the bodies a laptop may sign in to, for the sign-in dialog's list.

Public, like the CA certificates: a laptop asks before anyone has signed in. It says only each
body's code and name, which the sign-in itself names anyway; nothing about members or counts.
Request worker threads.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server.api.deps import DbDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.services.bodies import list_bodies
from ecabinet.wire.auth import BodyPublic

router = APIRouter(tags=["auth"], route_class=ReleasingRoute)


@router.get("/bodies", response_model=list[BodyPublic])
def bodies(db: DbDep) -> list[BodyPublic]:
    return [BodyPublic(code=body.code, name=body.name) for body in list_bodies(db)]
