"""Holds the live stream while the member is signed in and online.

The stream runs on a thread of its own (``LiveStream.start``), not a task of the network pool:
it is held for hours, and a pool's worker tied up that long would hold back downloads. The
window calls ``hold`` after each sync that reached the server, with the feed cursor that sync
stored: the stream opens from it (as its Last-Event-ID), so whatever arrived between the pull
and the stream's start comes first as a ``changed``. ``release`` when the member signs out, the
device is wiped or the window closes. When the stream cannot be had (an older
server without it, a refused token) it gives up and the sync's five-minute timer stays the
fallback; the next sync that reaches the server tries again.
GUI thread; the stream's callbacks run on its thread and only reach the bridge, under a lock
that ``release`` also takes: once released, no callback touches a Qt object, so the window may
delete them the moment it has released the stream.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from ecabinet.client.live import LiveStatus, LiveStream
from ecabinet.client.signed_in import SignedIn
from ecabinet.wire.live import LiveEvent
from ui.handoff import Handoff
from ui.live.bridge import LiveBridge


class LiveConnection(QObject):
    def __init__(self, bridge: LiveBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.status = LiveStatus.STOPPED
        self._stream: LiveStream | None = None
        self._key: tuple[str, str] = ("", "")  # (server, token) the stream was opened with
        self._generation = 0  # which stream is the current one; a released one is ignored
        self._handoff = Handoff(self)  # the stream's status, from its thread to this one
        # Held by a callback from its check of ``stop`` to its post, and by ``release`` to set
        # ``stop``: a check and a post with the window deleted in between would reach freed
        # Qt objects from the stream's thread.
        self._posting = threading.Lock()
        # The current stream's stop, for a connection or bridge deleted without the stream
        # being released (a window deleted rather than closed): the stream then ends and
        # posts nothing more.
        self._stops: list[threading.Event] = []
        posting, stops = self._posting, self._stops

        def deleted() -> None:  # the GUI thread, in the connection's destructor
            with posting:
                for stop in stops:
                    stop.set()

        # Closures: they may not reach a deleted wrapper. The bridge too: the stream's events
        # go there, and it may go first when their parent is deleted.
        self.destroyed.connect(deleted)
        bridge.destroyed.connect(deleted)

    @property
    def holding(self) -> bool:
        return self._stream is not None and self.status != LiveStatus.UNAVAILABLE

    def hold(self, member: SignedIn, cursor: str) -> None:
        """Keep a stream for ``member`` (a new one if the member or token changed), from the
        feed ``cursor`` the laptop has applied."""
        if not member.signed_in:
            self.release()
            return
        key = member.session_key
        if self.holding and key == self._key:
            return
        self.release()
        self._key = key
        self._generation += 1
        generation = self._generation
        self.status = LiveStatus.RECONNECTING

        stop = threading.Event()
        self._stops[:] = [stop]
        posting = self._posting

        def on_event(event: LiveEvent) -> None:  # the stream's thread
            with posting:
                if not stop.is_set() and generation == self._generation:
                    self.bridge.deliver(event)

        def on_status(status: LiveStatus) -> None:  # the stream's thread
            # A released stream says nothing more: its window may be gone (its Qt objects
            # deleted) while the thread finishes the read it was in.
            with posting:
                if not stop.is_set():
                    self._handoff.post(lambda: self._status_changed(generation, status))

        self._stream = member.live_stream(cursor, on_event, on_status, stop)
        self._stream.start()

    def release(self) -> None:
        """Stop the stream; never waits (its thread ends on its own within a moment)."""
        if self._stream is not None:
            with self._posting:
                self._stream.stop.set()
            self._stream = None
            self._generation += 1
        self.status = LiveStatus.STOPPED

    def _status_changed(self, generation: int, status: LiveStatus) -> None:
        if generation != self._generation:
            return  # a released stream's last words
        self.status = status
        self.bridge.set_status(status)
