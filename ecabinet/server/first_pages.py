"""The feed's pages (GET /sync/changes), the first and those after a cursor, read and encoded
once for all the members of an audience, and served to each.

Members invited to the same meetings and ballots, with the same roles, see the same rows of
the feed but for those that name them (their notes, positions, votes, ballot replies:
``feed.own_filter``). The rows they share (``feed.shared_filter``) are read once per audience
(``Audience.shared()``), page size and cursor, and kept here as each change's JSON; a member's
page is those merged, in feed order, with his own rows, read for him. The bytes are the ones
the page built for him alone would have been sent as (``ChangesPage`` dumped by pydantic, as
FastAPI dumps an answer), so nothing a member receives changes, only how soon.

Members of an audience walk the same cursors: the first page's last row is the next page's
cursor for every member whose own rows are not among it, and members who were up to date
hold the same cursor when something new is published. So a page after a cursor is kept too,
under its cursor: the audience's next member asks for it (a member whose own rows moved his
cursor has pages of his own, kept as long as the memory allows).

A kept page is the feed as it stood at one feed number (``head``: its rows are read up to it),
and stays only while its audience could see nothing newer:
- every pull reads the body's latest number from the database (``services.sync``), or uses
  one read less than a second ago (``pages_from_memory``: the page is then the feed as it
  stood at that number, and ``kept`` answers only a page kept at it); a page kept at an older
  number is checked with one query for a newer row its audience may see, and built again if
  there is one. This holds between processes on both databases, with nothing to hear: a
  commit of any process is in the database.
- A PostgreSQL transaction draws its numbers before it commits, so a row may appear below a
  number already read. Such a commit is heard as the quiet poll hears commits: this process's
  at once, other processes' through the relay (``live.hub``, ``live.relay``); a kept page whose
  audience may see a row heard is dropped, and a page being read while a commit was heard is
  not kept. (On SQLite, writers take turns and numbers grow in commit order.)

The member's own rows are read up to the same number as the shared ones, so his page is the
feed at one moment, as the single query of a page built for him alone is.

Runs on request worker threads (reads, builds) and the hub's and relay's (``heard``): one lock
for the memory, one per audience while its page is checked or built, so that 500 members
arriving at once build it once.
"""

from __future__ import annotations

import heapq
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.live.pending import Batch
from ecabinet.wire.sync import Change as WireChange
from ecabinet.wire.sync import ChangesPage

_Key = tuple[feed.Audience, int, int]  # the audience with no one in it, page size, cursor
_Row = tuple[int, bytes]  # a change's seq and its JSON


@dataclass(frozen=True)
class _Page:
    head: int  # the feed number the rows were read up to, or found still current at
    rows: list[_Row]  # the audience's first limit + 1 shared rows, in feed order
    alone: bytes  # the page's JSON for a member with no row of his own in it
    size: int  # bytes held


@dataclass
class _Flight:
    """One audience's page being checked or built: the others of that audience wait."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    waiting: int = 0


class FirstPages:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes  # 0: off, every first page built for its member as before
        self.builds = 0  # pages read from the database (for tests and the curious)
        self._lock = threading.Lock()
        self._pages: OrderedDict[_Key, _Page] = OrderedDict()  # least recently used first
        self._bytes = 0
        self._flights: dict[_Key, _Flight] = {}
        self._heard = 0  # commits heard with feed rows, and forgettings

    # --- told by the hub (commits of this process and, through the relay, of others) -------

    def heard(self, batch: Batch) -> None:
        if not batch.changes:
            return
        with self._lock:
            self._heard += 1
            for key in [
                key
                for key in self._pages
                if any(
                    feed.may_see(key[0], c.body_id, c.scope, c.scope_id, c.meeting_id)
                    for c in batch.changes
                )
            ]:
                self._drop(key)

    def forget(self) -> None:
        """The relay missed notifications: no kept page can be trusted."""
        with self._lock:
            self._heard += 1
            self._pages.clear()
            self._bytes = 0

    # --- on request threads -------------------------------------------------------------

    @property
    def on(self) -> bool:
        return self.max_bytes > 0

    def page(
        self,
        db: Session,
        aud: feed.Audience,
        head: int,
        limit: int,
        after: int = 0,
        none_of_his_own_upto: int = -1,
    ) -> bytes:
        """The JSON of the page of ``limit`` changes at most after the cursor ``after`` that
        ``aud`` may see, with ``head`` the body's latest feed number, read by this request;
        ``none_of_his_own_upto``: a number up to which the member is known to have no row of
        his own after ``after`` (``body_views``), so that they need not be read."""
        shared = self._current(db, aud, head, limit, after)
        bound = shared.head
        if len(shared.rows) > limit:  # own rows past the shared ones cannot enter the page
            bound = min(bound, shared.rows[-1][0])
        if bound <= none_of_his_own_upto:
            return shared.alone
        own = _rows(db, feed.own_filter(aud), after, bound, limit)
        if not own:
            return shared.alone
        return _page_of(list(heapq.merge(shared.rows, own)), limit, after)

    def kept(self, aud: feed.Audience, head: int, limit: int, after: int) -> bytes | None:
        """The page ``page`` would answer a member of ``aud`` with no row of his own after
        ``after`` up to ``head``, if it is kept as the feed stands at ``head``: no database,
        no waiting (the event loop asks, ``pages_from_memory``)."""
        key = (aud.shared(), limit, after)
        with self._lock:
            kept = self._pages.get(key)
            if kept is None or kept.head != head:  # his own rows are known up to head only
                return None
            self._pages.move_to_end(key)
        return kept.alone

    def _current(self, db: Session, aud: feed.Audience, head: int, limit: int, after: int) -> _Page:
        key = (aud.shared(), limit, after)
        with self._lock:
            flight = self._flights.setdefault(key, _Flight())
            flight.waiting += 1
        try:
            with flight.lock:
                return self._checked_or_built(db, key, head)
        finally:
            with self._lock:
                flight.waiting -= 1
                if not flight.waiting:
                    del self._flights[key]

    def _checked_or_built(self, db: Session, key: _Key, head: int) -> _Page:
        aud, limit, after = key
        with self._lock:
            kept = self._pages.get(key)
            if kept is not None:
                self._pages.move_to_end(key)
            heard = self._heard
        if kept is not None and kept.head >= head:
            return kept
        if kept is not None and not _newer_shared_row(db, aud, kept.head):
            # Nothing its audience may see was added since: still the page as of ``head``.
            current = replace(kept, head=head)
            with self._lock:
                if self._pages.get(key) is kept:
                    self._pages[key] = current
            return current
        built = _rows(db, feed.shared_filter(aud), after, head, limit)
        alone = _page_of(built, limit, after)
        page = _Page(head, built, alone, sum(len(json) for _seq, json in built) + len(alone))
        with self._lock:
            self.builds += 1
            # A commit heard while the rows were read may be one the read missed (PostgreSQL
            # draws numbers before commit): serve this page, but keep none that might lack it.
            if heard == self._heard and page.size <= self.max_bytes:
                if key in self._pages:
                    self._drop(key)
                self._pages[key] = page
                self._bytes += page.size
                while self._bytes > self.max_bytes:
                    self._drop(next(iter(self._pages)))
        return page

    def _drop(self, key: _Key) -> None:
        self._bytes -= self._pages.pop(key).size


def _page_of(rows: list[_Row], limit: int, after: int) -> bytes:
    """The JSON of the page of the first ``limit`` of ``rows`` (limit + 1 at most, in feed
    order) after the cursor ``after``."""
    return encode_page(
        [json for _seq, json in rows[:limit]],
        cursor=rows[:limit][-1][0] if rows else after,
        more=len(rows) > limit,
    )


def encode_page(changes: Iterable[bytes], cursor: int, more: bool) -> bytes:
    """A ``ChangesPage``'s JSON from its changes' JSON, as pydantic dumps the whole model."""
    empty = ChangesPage(changes=[], cursor=f"v1.{cursor}", more=more).model_dump_json().encode()
    before, found, after = empty.partition(b'"changes":[]')
    assert found, "ChangesPage dumps its changes as a list"
    return before + b'"changes":[' + b",".join(changes) + b"]" + after


def _encoded(rows: Iterable[m.Change]) -> list[_Row]:
    return [
        (
            r.seq,
            WireChange(seq=r.seq, type=r.type, id=r.object_id, deleted=r.deleted, data=r.data)
            .model_dump_json()
            .encode(),
        )
        for r in rows
    ]


def _rows(db: Session, which: ColumnElement[bool], after: int, upto: int, limit: int) -> list[_Row]:
    """The first ``limit`` + 1 rows of the feed after ``after`` up to ``upto`` among
    ``which``, encoded."""
    return _encoded(
        db.scalars(
            select(m.Change)
            .where(m.Change.seq > after, m.Change.seq <= upto, which)
            .order_by(m.Change.seq)
            .limit(limit + 1)
        ).all()
    )


def _newer_shared_row(db: Session, aud: feed.Audience, head: int) -> bool:
    newer = db.scalar(
        select(m.Change.seq).where(m.Change.seq > head, feed.shared_filter(aud)).limit(1)
    )
    return newer is not None
