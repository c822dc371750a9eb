"""What each member of a body may see, worked out once per feed number for the whole body and
kept until the body changes: every member's audience, and the newest feed row that names each
one (his notes, positions, votes, replies).

A pull needs the caller's audience, which costs a query per kind of invitation. When a meeting
is published, every member of the body pulls at once: for the body it costs the same few
queries (``feed.audiences_in_body``), so they are made once and every member's is read here.
Knowing that a member has no row of his own after his cursor, and his audience's page kept
(``first_pages``), a page can be answered without the database (``pages_from_memory``).

A view is true at one feed number (``head``) and used only at that number:
- any change of the body moves the number, so a view is never used after it; a change heard
  below the view's number (PostgreSQL draws numbers before commit) or an invitation changed
  (``audience_bodies``) marks it stale at once. Commits are heard as the quiet poll hears
  them: this process's at once, other processes' through the relay (``live.hub``); on SQLite,
  where processes cannot hear each other, a change of another process moves the number that
  the next pull reads from the database.
- the rows naming each member are kept between views: a new view reads only those added since
  the last (one range of the (body, seq) index), and a row heard is added at once, so one
  committed below a view's number is not missed.

Worked out on request worker threads, one body at a time (the others of that body wait for
it), read on the event loop; told of commits on the hub's and relay's threads. One lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.feed.audience import ONE_USER_SCOPES
from ecabinet.server.live.pending import Batch


@dataclass(frozen=True)
class BodyView:
    head: int  # the feed number it is true at
    audiences: dict[str, feed.Audience]  # by user id
    own_rows: dict[str, int]  # by user id: the newest row naming him, at or below ``head``
    current: bool = True  # False once something heard may have changed it

    def own_rows_after(self, user_id: str, cursor: int) -> bool:
        return self.own_rows.get(user_id, 0) > cursor


@dataclass
class _Body:
    view: BodyView | None = None
    heard: int = 0  # commits heard for the body: a view worked out meanwhile is not current
    own_rows: dict[str, int] = field(default_factory=dict)  # kept across views, up to own_upto
    own_upto: int = 0
    working: threading.Lock = field(default_factory=threading.Lock)


class BodyViews:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bodies: dict[str, _Body] = {}
        self.worked_out = 0  # views made (for tests and the curious)

    # --- on the event loop and request threads -------------------------------------------

    def at(self, body_id: str, head: int) -> BodyView | None:
        """The body's view true at ``head``, if one is known."""
        with self._lock:
            body = self._bodies.get(body_id)
            view = body.view if body else None
        if view is None or view.head != head or not view.current:
            return None
        return view

    # --- on request threads ----------------------------------------------------------------

    def view(self, db: Session, body_id: str, head: int) -> BodyView:
        """The body's view at ``head``, the latest feed number this request read; worked out
        if need be, once for all the requests of the body arriving meanwhile."""
        known = self.at(body_id, head)
        if known is not None:
            return known
        with self._lock:
            body = self._bodies.setdefault(body_id, _Body())
        with body.working:
            known = self.at(body_id, head)
            if known is not None:
                return known
            return self._work_out(db, body_id, body, head)

    def _work_out(self, db: Session, body_id: str, body: _Body, head: int) -> BodyView:
        with self._lock:
            heard, upto = body.heard, body.own_upto
        audiences = feed.audiences_in_body(db, body_id)
        newer = db.execute(
            select(m.Change.scope_id, func.max(m.Change.seq))
            .where(
                m.Change.body_id == body_id,
                m.Change.seq > upto,
                m.Change.seq <= head,
                m.Change.scope.in_(ONE_USER_SCOPES),
            )
            .group_by(m.Change.scope_id)
        ).all()
        with self._lock:
            # Rows heard meanwhile are in already; a view made at a later number (a request
            # that read the number after this one) may have added later rows: only more
            # cautious, as a row after the head just sends its member the full way.
            for user_id, seq in newer:
                if user_id is not None and seq > body.own_rows.get(user_id, 0):
                    body.own_rows[user_id] = seq
            body.own_upto = max(body.own_upto, head)
            own = dict(body.own_rows)
            view = BodyView(head, audiences, own, current=heard == body.heard)
            if body.view is None or head >= body.view.head:
                body.view = view
            self.worked_out += 1
        return view

    # --- told by the hub (commits of this process and, through the relay, of others) --------

    def heard(self, batch: Batch) -> None:
        touched = {note.body_id for note in batch.changes} | set(batch.audience_bodies)
        if not touched:
            return
        with self._lock:
            for body_id in touched:
                body = self._bodies.get(body_id)
                if body is None:
                    continue
                body.heard += 1
                if body.view is not None and body.view.current:
                    body.view = BodyView(
                        body.view.head, body.view.audiences, body.view.own_rows, current=False
                    )
            for note in batch.changes:
                body = self._bodies.get(note.body_id)
                if body is not None and note.scope in ONE_USER_SCOPES and note.scope_id:
                    known = body.own_rows.get(note.scope_id, 0)
                    body.own_rows[note.scope_id] = max(known, note.seq)

    def forget(self) -> None:
        """The relay missed notifications: no view, and no row kept, can be trusted."""
        with self._lock:
            self._bodies.clear()
