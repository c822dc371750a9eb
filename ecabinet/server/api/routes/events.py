"""GET /events: the live stream of Server-Sent Events (docs/protocol.md, "Live").

The handler runs on the event loop: the sign-in check (a dependency, as for every async
endpoint: api/routing.py) and then the catch-up query each run once on a worker thread with
the request's session, which is then given back; the stream itself holds no connection and
no thread while it waits (ecabinet.server.live).
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Header, Request
from sse_starlette import EventSourceResponse

from ecabinet.server.api.deps import Auth, DbDep, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.live.hub import Hub
from ecabinet.server.live.stream import open_stream

router = APIRouter(tags=["live"], route_class=ReleasingRoute)

# A laptop whose network stalls is let go after this long with an event unsent.
SEND_TIMEOUT_SECONDS = 30.0


@router.get(
    "/events",
    summary="The live stream: what changed for the caller, and the session's state, at once",
    response_class=EventSourceResponse,
    responses={
        200: {
            "description": "Server-Sent Events: changed, session.item, vote.opened, "
            "vote.closed, vote.count, speakers, attendance (ecabinet.wire.live).",
            "content": {"text/event-stream": {}},
        }
    },
)
async def events(
    request: Request,
    auth: Auth,
    db: DbDep,
    settings: SettingsDep,
    last_event_id: Annotated[str | None, Header(max_length=40)] = None,
) -> EventSourceResponse:
    hub: Hub = request.app.state.live_hub
    loop = asyncio.get_running_loop()
    stream = await to_thread.run_sync(
        lambda: open_stream(
            db,
            hub,
            loop,
            user=auth.user,
            device_id=auth.device.id,
            token_hash=auth.token_hash,
            last_event_id=last_event_id,
            lifetime=settings.live_stream_max_seconds,
        )
    )
    return EventSourceResponse(
        stream.serve(),
        ping=settings.live_keepalive_seconds,
        send_timeout=SEND_TIMEOUT_SECONDS,
        headers={"X-Accel-Buffering": "no"},  # nginx: pass each event on at once
    )
