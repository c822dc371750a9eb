"""GET /sync/changes (the feed, filtered to what the caller may see) and POST /sync/push.

Handlers are plain functions, so FastAPI runs them in its worker threads, one database session
each, the sign-in checked on the same thread (routing.py). What each does lives in
``services.sync``, which commits as it goes.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Request, Response

from ecabinet.server.api.deps import Auth, DbDep, FeedAuth, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.quiet_poll import PollMemory
from ecabinet.server.services import sync
from ecabinet.server.services.long_term import archive_pending_forms
from ecabinet.wire.sync import DEFAULT_PAGE, MAX_PAGE, ChangesPage, PushRequest, PushResponse

router = APIRouter(prefix="/sync", tags=["sync"], route_class=ReleasingRoute)


@router.get(
    "/changes",
    response_model=ChangesPage,
    summary="What changed since the cursor, among what the caller may see",
)
def changes(
    auth: FeedAuth,
    db: DbDep,
    request: Request,
    since: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
) -> ChangesPage | Response:
    # Polls that find nothing new are mostly answered before this, from what it remembers.
    memory: PollMemory = request.app.state.poll_memory
    if not auth.device_revoked and auth.token_expires_at is not None:
        memory.signed_in(
            auth.token_hash, auth.body_id, auth.user_id, auth.device.id, auth.token_expires_at
        )
    state = request.app.state
    page = sync.changes_page(db, auth, since, limit, memory, state.first_pages, state.body_views)
    if isinstance(page, bytes):  # its audience's part built once for all (first_pages.py)
        return Response(page, media_type="application/json")
    return page


@router.post(
    "/push",
    response_model=PushResponse,
    summary="Apply the member's mutations, each at most once, in order",
    responses={503: {"description": "server_busy: nothing applied; send again (Retry-After)"}},
)
def push(
    body: PushRequest,
    auth: Auth,
    db: DbDep,
    settings: SettingsDep,
    request: Request,
    after: BackgroundTasks,
) -> PushResponse:
    results = sync.push(db, auth, settings, body.mutations)
    if any(mutation.type == "ballot.respond" for mutation in body.mutations):
        # A form signed offline gets its timestamp once the answer has gone back: the
        # member's laptop never waits on the TSA.
        after.add_task(
            archive_pending_forms,
            request.app.state.session_factory,
            settings,
            user_id=auth.user_id,
        )
    return PushResponse(results=results)
