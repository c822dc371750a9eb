"""GET /api/v1/bodies: the bodies a laptop may sign in to, for the sign-in dialog's list.

Public, like the CA certificates: a laptop asks before anyone has signed in. It says only each
body's code and name, which the sign-in itself names anyway; nothing about members or counts.
Request worker threads.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.api.deps import DbDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.wire.auth import BodyPublic

router = APIRouter(tags=["auth"], route_class=ReleasingRoute)


@router.get("/bodies", response_model=list[BodyPublic])
def bodies(db: DbDep) -> list[BodyPublic]:
    rows = db.execute(select(m.Body.code, m.Body.name).order_by(m.Body.code)).all()
    return [BodyPublic(code=code, name=name) for code, name in rows]
