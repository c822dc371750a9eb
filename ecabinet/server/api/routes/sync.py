"""GET /sync/changes (the feed, filtered to what the caller may see) and POST /sync/push.

The cursor is opaque to clients: ``v1.<seq>`` of the last change returned, so a later version
of the protocol can change its shape and still recognise old ones. Handlers are plain
functions, so FastAPI runs them in its worker threads, one database session each.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import feed
from ecabinet.server.api.deps import Auth, AuthContext, AuthMaybeRevoked, DbDep, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.errors import ApiError
from ecabinet.server.models import Change, Token, now
from ecabinet.server.mutations import ServerFault, apply_push
from ecabinet.wire.sync import MAX_PAGE, ChangesPage, PushRequest, PushResponse
from ecabinet.wire.sync import Change as WireChange

router = APIRouter(prefix="/sync", tags=["sync"], route_class=ReleasingRoute)

LAST_SEEN_GRANULARITY = timedelta(minutes=1)
RETRY_AFTER_SECONDS = 5
_CURSOR = re.compile(r"^v1\.(\d{1,18})$")


def parse_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    match = _CURSOR.match(cursor)
    if match is None:
        raise ApiError(422, "validation_error", "The cursor is not one this server gave out.")
    return int(match.group(1))


def make_cursor(seq: int) -> str:
    return f"v1.{seq}"


@router.get(
    "/changes",
    response_model=ChangesPage,
    summary="What changed since the cursor, among what the caller may see",
)
def changes(
    auth: AuthMaybeRevoked,
    db: DbDep,
    since: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
) -> ChangesPage:
    start = parse_cursor(since)
    if auth.device_revoked:
        # Tell the device once to erase itself, then its token is dead.
        token = db.get(Token, auth.token_hash)
        if token is not None:
            token.revoked = True
            db.commit()
        return ChangesPage(changes=[], cursor=make_cursor(start), more=False, wipe=True)
    _note_last_seen(db, auth)
    # Most polls find nothing new: one probe of the (body, seq) index answers them without
    # working out what the caller may see, which costs a query per kind of invitation.
    anything_new = db.scalar(
        select(Change.seq).where(Change.body_id == auth.body_id, Change.seq > start).limit(1)
    )
    if anything_new is None:
        return ChangesPage(changes=[], cursor=make_cursor(start), more=False)
    audience = feed.audience_for(db, auth.user)
    rows = db.scalars(
        select(Change)
        .where(Change.seq > start, feed.visibility_filter(audience))
        .order_by(Change.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return ChangesPage(
        changes=[
            WireChange(
                seq=r.seq,
                type=r.type,
                id=r.object_id,
                deleted=r.deleted,
                data=r.data,
            )
            for r in rows
        ],
        cursor=make_cursor(rows[-1].seq if rows else start),
        more=more,
    )


def _note_last_seen(db: Session, auth: AuthContext) -> None:
    seen = auth.device.last_seen_at
    if seen is None or now() - seen > LAST_SEEN_GRANULARITY:
        # A write on every poll would serialise all members' polls on SQLite; the
        # Government Office needs "last seen" to the minute, not to the request.
        auth.device.last_seen_at = now()
        db.commit()


@router.post(
    "/push",
    response_model=PushResponse,
    summary="Apply the member's mutations, each at most once, in order",
    responses={503: {"description": "server_busy: nothing applied; send again (Retry-After)"}},
)
def push(body: PushRequest, auth: Auth, db: DbDep, settings: SettingsDep) -> PushResponse:
    try:
        return PushResponse(results=apply_push(db, auth, settings, body.mutations))
    except ServerFault:
        # Nothing was applied: the client keeps every act and sends them again later.
        raise ApiError(
            503,
            "server_busy",
            "The server could not apply the actions now; they are kept and sent again.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        ) from None
