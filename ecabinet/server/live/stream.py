"""One member's stream: open it (subscribe, catch up from Last-Event-ID), then serve events.

``open_stream`` runs on a worker thread with the request's session, once, at connect; after
it the session is given back and the stream is only ``serve``, an async generator on the
event loop that waits on the subscriber's queue. Every event's SSE ``id`` is the stream's feed
cursor after it (``v1.<seq>``, as /sync/changes gives), so a reconnect's Last-Event-ID says
where it stopped.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sse_starlette import ServerSentEvent

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.live.hub import CLOSE, Hub, Outgoing, Subscriber
from ecabinet.wire.live import Changed

_CURSOR = re.compile(r"^v1\.(\d{1,18})$")


def cursor_seq(value: str | None) -> int | None:
    """The seq of a ``v1.<seq>`` cursor; None when absent; 0 (catch up on everything visible)
    when it is not one this server gave out."""
    if not value:
        return None
    match = _CURSOR.match(value.strip())
    return int(match.group(1)) if match else 0


@dataclass
class OpenStream:
    hub: Hub
    sub: Subscriber
    cursor: int
    first: list[Outgoing]
    ends_at: float  # on the loop's clock

    async def serve(self) -> AsyncIterator[ServerSentEvent]:
        try:
            for item in self.first:
                yield self._event(item)
            loop = asyncio.get_running_loop()
            while True:
                left = self.ends_at - loop.time()
                if left <= 0:
                    return
                try:
                    item = await asyncio.wait_for(self.sub.queue.get(), left)
                except TimeoutError:
                    return  # the laptop reconnects, and shows its token again
                if item is CLOSE:
                    return
                yield self._event(item)
        finally:
            self.hub.unsubscribe(self.sub)

    def _event(self, item: Outgoing) -> ServerSentEvent:
        if item.name == Changed.EVENT:
            self.cursor = max(self.cursor, item.seq)
            data = Changed(cursor=f"v1.{self.cursor}").model_dump_json()
        else:
            data = item.data
        return ServerSentEvent(data=data, event=item.name, id=f"v1.{self.cursor}")


def open_stream(
    db: Session,
    hub: Hub,
    loop: asyncio.AbstractEventLoop,
    *,
    user: m.User,
    device_id: str,
    token_hash: str,
    last_event_id: str | None,
    lifetime: float,
) -> OpenStream:
    """On a worker thread: subscribe, then look for what arrived after ``last_event_id``.

    Subscribing first and looking second means a change committed in between is reported
    twice at worst, never missed. The audience is worked out again after subscribing for the
    same reason: an invitation committed meanwhile would otherwise be missed until the next.
    """
    sub = Subscriber(user.id, device_id, user.body_id, feed.audience_for(db, user), loop)
    hub.subscribe(sub)
    try:
        sub.audience = feed.audience_for(db, user)
        since = cursor_seq(last_event_id)
        first: list[Outgoing] = []
        if since is None:
            cursor = db.scalar(
                select(func.max(m.Change.seq)).where(m.Change.body_id == user.body_id)
            )
            cursor = cursor or 0
        else:
            missed = db.scalar(
                select(func.max(m.Change.seq)).where(
                    m.Change.seq > since, feed.visibility_filter(sub.audience)
                )
            )
            cursor = since
            if missed is not None:
                first.append(Outgoing(seq=missed, name=Changed.EVENT))
        token = db.get(m.Token, token_hash)
        if token is not None:  # the stream ends when its session would
            lifetime = min(lifetime, (token.expires_at - m.now()).total_seconds())
        db.commit()  # the connection goes back to the pool now, for the stream's whole life
    except BaseException:
        hub.unsubscribe(sub)
        raise
    return OpenStream(hub, sub, int(cursor), first, loop.time() + lifetime)
