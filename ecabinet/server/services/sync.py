"""The two sides of a sync: the page of changes a caller may see since its cursor (pull), and
applying the member's mutations (push, ``ecabinet.server.mutations``).

The cursor is opaque to clients: ``v1.<seq>`` of the last change returned, so a later version
of the protocol can change its shape and still recognise old ones.

Unlike most services, these commit themselves: the pull's bookkeeping (a revoked device's
token ended, a device's last-seen time) is committed before the feed is read, so no write
lock is held through a long read, and the push commits each mutation on its own. Request
worker threads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.server import feed
from ecabinet.server.body_views import BodyViews
from ecabinet.server.core.config import Settings
from ecabinet.server.errors import ApiError
from ecabinet.server.first_pages import FirstPages
from ecabinet.server.models import Change, Token, User, now
from ecabinet.server.mutations import ServerFault, apply_push
from ecabinet.server.quiet_poll import PollMemory
from ecabinet.server.services.actor import AuthContext
from ecabinet.wire.sync import Change as WireChange
from ecabinet.wire.sync import ChangesPage, Mutation, MutationResult

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


def changes_page(
    db: Session,
    auth: AuthContext,
    since: str | None,
    limit: int,
    memory: PollMemory | None = None,
    first_pages: FirstPages | None = None,
    views: BodyViews | None = None,
) -> ChangesPage | bytes:
    """What changed after the cursor among what the caller may see, ``limit`` at most; a
    revoked device is told once to erase itself, and its token ends. A page with changes
    comes as the JSON to send when ``first_pages`` keeps the pages of audiences."""
    start = parse_cursor(since)
    if auth.device_revoked:
        token = db.get(Token, auth.token_hash)
        if token is not None:
            token.revoked = True
            db.commit()
        return ChangesPage(changes=[], cursor=make_cursor(start), more=False, wipe=True)
    _note_last_seen(db, auth)
    return page_for(db, auth.body_id, auth.user_id, start, limit, memory, first_pages, views)


def page_for(
    db: Session,
    body_id: str,
    user_id: str,
    start: int,
    limit: int,
    memory: PollMemory | None = None,
    first_pages: FirstPages | None = None,
    views: BodyViews | None = None,
) -> ChangesPage | bytes:
    """The page after the cursor ``start`` for a member whose sign-in was checked."""
    # Most polls find nothing new: one probe of the (body, seq) index answers them without
    # working out what the caller may see, which costs a query per kind of invitation. The
    # body's latest number is remembered, so the next polls are answered before this.
    read_at = memory.started_reading() if memory else 0.0
    head = db.scalar(select(func.max(Change.seq)).where(Change.body_id == body_id)) or 0
    if memory is not None:
        memory.head_read(body_id, head, read_at)
    if head <= start:
        return ChangesPage(changes=[], cursor=make_cursor(start), more=False)
    if first_pages is not None and first_pages.on:
        # What every member of the body may see is worked out once for the body at this
        # number (body_views.py), and his audience's page once for the audience.
        view = views.view(db, body_id, head) if views else None
        audience = view.audiences.get(user_id) if view else None
        if view is None or audience is None:
            audience = feed.audience_for(db, db.get_one(User, user_id))
            return first_pages.page(db, audience, head, limit, start)
        # Rows of his own after his cursor are read only if he has some (body_views.py).
        none_upto = -1 if view.own_rows_after(user_id, start) else head
        return first_pages.page(db, audience, head, limit, start, none_upto)
    audience = feed.audience_for(db, db.get_one(User, user_id))
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
            WireChange(seq=r.seq, type=r.type, id=r.object_id, deleted=r.deleted, data=r.data)
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


def push(
    db: Session, auth: AuthContext, settings: Settings, mutations: Sequence[Mutation]
) -> list[MutationResult]:
    """Each mutation applied at most once, in order; ``server_busy`` if none could be."""
    try:
        return apply_push(db, auth, settings, list(mutations))
    except ServerFault:
        # Nothing was applied: the client keeps every act and sends them again later.
        raise ApiError(
            503,
            "server_busy",
            "The server could not apply the actions now; they are kept and sent again.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        ) from None
