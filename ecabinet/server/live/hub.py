"""The hub of one server process: its open streams, and the fan-out of committed batches.

Each open stream is a ``Subscriber``: who it is, what it may see (an ``Audience``), and a
bounded ``asyncio.Queue`` on the event loop that serves it. Nothing else is held for an idle
stream: no database connection, no thread.

Batches arrive from ``after_commit`` on request threads (``publish``) and from other processes
through the relay (``receive``). One worker thread of the hub takes them in order: it refreshes
the audiences a batch may change (briefly, with one session), works out what each subscriber
may see, and hands each its share on its own loop (``call_soon_threadsafe``). The worker ends
when idle and starts again with the next batch. A subscriber whose queue is full is dropped:
its stream ends, the laptop reconnects and catches up from its Last-Event-ID.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server import feed
from ecabinet.server.live.pending import Batch, install

log = logging.getLogger(__name__)

QUEUE_SIZE = 256
_IDLE_SECONDS = 30.0  # the worker thread ends after this long without a batch


class Memory(Protocol):
    """What the process remembers of the database: told of each commit, and to forget all
    when the relay missed some."""

    def heard(self, batch: Batch) -> None: ...

    def forget(self) -> None: ...


@dataclass(frozen=True)
class Outgoing:
    """One item for a stream: a ``changed`` up to ``seq``, or a session event."""

    seq: int = 0
    name: str = ""
    data: str = ""


CLOSE = Outgoing(name="(close)")  # the stream must end (revoked, signed out, dropped)


@dataclass(eq=False)
class Subscriber:
    user_id: str
    device_id: str
    body_id: str
    audience: feed.Audience
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[Outgoing] = field(
        default_factory=lambda: asyncio.Queue(maxsize=QUEUE_SIZE)
    )
    dropped: bool = False

    def offer(self, items: list[Outgoing]) -> None:
        """On the subscriber's loop: queue the items, or end the stream if they do not fit."""
        if self.dropped:
            return
        try:
            for item in items:
                self.queue.put_nowait(item)
        except asyncio.QueueFull:
            self.end()

    def end(self) -> None:
        """On the subscriber's loop: empty the queue and leave only CLOSE in it."""
        self.dropped = True
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(CLOSE)


class Hub:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self._lock = threading.Lock()
        self._subscribers: set[Subscriber] = set()
        self._work: queue.Queue[tuple[Batch, bool]] = queue.Queue()
        self._worker: threading.Thread | None = None
        # Set by the relay when this process shares its database with others (PostgreSQL).
        self.send_remote: Callable[[Batch], None] | None = None
        # What polls and pages are answered from (quiet_poll.py, first_pages.py,
        # body_views.py): told of every batch, local or relayed, streams or not.
        self.memories: list[Memory] = []

    @classmethod
    def installed_on(cls, session_factory: sessionmaker[Session]) -> Hub:
        """A hub told of every commit of the factory's sessions."""
        hub = cls(session_factory)
        install(session_factory, hub.publish)
        return hub

    # --- streams --------------------------------------------------------------------------

    def subscribe(self, sub: Subscriber) -> None:
        with self._lock:
            self._subscribers.add(sub)

    def unsubscribe(self, sub: Subscriber) -> None:
        with self._lock:
            self._subscribers.discard(sub)

    def subscribers(self) -> list[Subscriber]:
        with self._lock:
            return list(self._subscribers)

    def end_all(self) -> None:
        """End every stream (the relay lost notifications): each reconnects and catches up."""
        for memory in self.memories:
            memory.forget()
        for sub in self.subscribers():
            _call_on_loop(sub, sub.end)

    # --- batches --------------------------------------------------------------------------

    def publish(self, batch: Batch) -> None:
        """A batch committed in this process (any thread): to local streams and the others."""
        self._tell_memories(batch)
        if self.send_remote is None and not self.subscribers():
            return  # nobody here to tell, nobody elsewhere to tell
        self._enqueue(batch, True)

    def receive(self, batch: Batch) -> None:
        """A batch committed in another process, from the relay."""
        self._tell_memories(batch)
        if self.subscribers():
            self._enqueue(batch, False)

    def _tell_memories(self, batch: Batch) -> None:
        for memory in self.memories:
            memory.heard(batch)

    def _enqueue(self, batch: Batch, local: bool) -> None:
        with self._lock:
            self._work.put((batch, local))
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="live-hub", daemon=True)
                self._worker.start()

    def _run(self) -> None:
        while True:
            try:
                batch, local = self._work.get(timeout=_IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._work.empty():
                        self._worker = None
                        return
                continue
            try:
                if local and self.send_remote is not None:
                    self.send_remote(batch)
                self.dispatch(batch)
            except Exception:
                log.exception("a live batch could not be delivered")

    def dispatch(self, batch: Batch) -> None:
        """On the worker thread: each subscriber gets what it may see of the batch."""
        subs = self.subscribers()
        bodies = set(batch.audience_bodies)
        if bodies:
            self._refresh([s for s in subs if s.body_id in bodies])
        devices, users = set(batch.close_devices), set(batch.close_users)
        for sub in subs:
            if sub.dropped:
                # Its stream has been told to end; forget it even if the stream never ran.
                self.unsubscribe(sub)
                continue
            if sub.device_id in devices or sub.user_id in users:
                _call_on_loop(sub, sub.end)
                continue
            items = share_of(sub.audience, batch)
            if items:
                _call_on_loop(sub, functools.partial(sub.offer, items))

    def _refresh(self, subs: list[Subscriber]) -> None:
        if not subs:
            return
        # A few queries a body, whatever its number of open streams.
        with self._session_factory() as db:
            bodies = {
                body_id: feed.audiences_in_body(db, body_id)
                for body_id in {s.body_id for s in subs}
            }
        for sub in subs:
            audience = bodies[sub.body_id].get(sub.user_id)
            if audience is None:  # disabled, or gone
                _call_on_loop(sub, sub.end)
            else:
                sub.audience = audience


def share_of(aud: feed.Audience, batch: Batch) -> list[Outgoing]:
    """What one audience may see of a batch: one ``changed`` (the highest seq), then events."""
    top = max(
        (
            c.seq
            for c in batch.changes
            if feed.may_see(aud, c.body_id, c.scope, c.scope_id, c.meeting_id)
        ),
        default=0,
    )
    items = [Outgoing(seq=top, name="changed")] if top else []
    items += [
        Outgoing(name=e.name, data=e.data)
        for e in batch.events
        if feed.may_see(aud, e.body_id, e.scope, e.scope_id, e.meeting_id)
    ]
    return items


def _call_on_loop(sub: Subscriber, fn: Callable[[], None]) -> None:
    try:
        sub.loop.call_soon_threadsafe(fn)
    except RuntimeError:  # its loop is closed: the stream is gone
        sub.dropped = True
