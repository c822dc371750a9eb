"""The laptop's reader of the live stream, GET /api/v1/events: a worker thread, no Qt.

``LiveStream.run`` holds the stream open on the thread that calls it (``start`` makes one),
parses each event into its model from ``ecabinet.wire.live`` and calls ``on_event`` with it,
on that thread. It remembers the last event id and sends it as Last-Event-ID when it
reconnects, so the server reports whatever arrived meanwhile; between attempts it waits an
exponential backoff with full jitter. A server that answers 401 or 404 (signed out, or a
server without the stream) makes it give up: ``on_status(LiveStatus.UNAVAILABLE)``, and the
caller keeps syncing on its timer. Setting the ``stop`` event ends it promptly, even in the
middle of a read: a watcher closes the connection under the blocked read.

The caller should pull whenever it is told ``CONNECTED`` without having been connected
before (nothing tells a first stream what happened before it) and on every ``Changed``.
"""

from __future__ import annotations

import enum
import logging
import random
import socket
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ecabinet.wire.live import LiveEvent, parse_event

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0
# Longer than the server's keep-alive (15 s): a silent stream this long is a dead one.
READ_TIMEOUT = 45.0
BACKOFF_BASE = 1.0
BACKOFF_CAP = 60.0
MAX_LINE = 64 * 1024  # no event of ours comes near; a longer line is not a server of ours
_STOP_POLL = 0.25


class LiveStatus(enum.Enum):
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"  # lost; trying again after a backoff
    UNAVAILABLE = "unavailable"  # given up: keep the timer
    STOPPED = "stopped"


def backoff_delay(
    attempt: int,
    rng: random.Random | None = None,
    base: float = BACKOFF_BASE,
    cap: float = BACKOFF_CAP,
) -> float:
    """Full jitter: uniform between 0 and min(cap, base * 2**attempt) seconds."""
    ceiling = min(cap, base * 2 ** min(attempt, 16))
    return (rng or random).uniform(0, ceiling)


class _GiveUp(Exception):
    pass


class LiveStream:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        on_event: Callable[[LiveEvent], None],
        on_status: Callable[[LiveStatus], None] = lambda _status: None,
        stop: threading.Event | None = None,
        ca_bundle: str | None = None,
        session: requests.Session | None = None,
        last_event_id: str | None = None,
        backoff_cap: float = BACKOFF_CAP,
    ) -> None:
        self.url = f"{base_url.rstrip('/')}/api/v1/events"
        self.token = token
        self.verify: bool | str = ca_bundle or True
        self.on_event = on_event
        self.on_status = on_status
        self.stop = stop or threading.Event()
        self.session = session  # made on the stream's thread when not given
        self.last_event_id = last_event_id
        self.backoff_cap = backoff_cap
        self._response_lock = threading.Lock()
        self._response: requests.Response | None = None
        self._thread: threading.Thread | None = None

    # --- the caller's side ----------------------------------------------------------------

    def start(self) -> threading.Thread:
        """Run on a daemon thread of its own; set ``stop`` (or call ``close``) to end it."""
        self._thread = threading.Thread(target=self.run, name="live-stream", daemon=True)
        self._thread.start()
        return self._thread

    def close(self, timeout: float = 5.0) -> None:
        self.stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    # --- the worker's side ----------------------------------------------------------------

    def run(self) -> None:
        """Hold the stream until ``stop`` is set or the server says there is none for us."""
        finished = threading.Event()
        watcher = threading.Thread(
            target=self._watch, args=(finished,), name="live-stream-stop", daemon=True
        )
        watcher.start()
        attempt = 0
        try:
            while not self.stop.is_set():
                try:
                    if self._connect_and_read():
                        attempt = 0  # it was up: the next loss starts the backoff afresh
                except _GiveUp:
                    self.on_status(LiveStatus.UNAVAILABLE)
                    return
                if self.stop.is_set():
                    break
                self.on_status(LiveStatus.RECONNECTING)
                self.stop.wait(backoff_delay(attempt, cap=self.backoff_cap))
                attempt += 1
            self.on_status(LiveStatus.STOPPED)
        finally:
            finished.set()

    def _connect_and_read(self) -> bool:
        """One connection; True if it was established. Raises _GiveUp on 401/404."""
        # Imported here, on the stream's thread: the window starts without the network's
        # modules, and its GUI thread never waits for them to load.
        import requests

        if self.session is None:
            self.session = requests.Session()
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "text/event-stream"}
        if self.last_event_id:
            headers["Last-Event-ID"] = self.last_event_id
        try:
            response = self.session.get(
                self.url,
                headers=headers,
                stream=True,
                verify=self.verify,
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
            )
        except requests.RequestException as error:
            log.info("live stream: cannot connect: %s", error)
            return False
        with self._response_lock:
            self._response = response
        try:
            if response.status_code in (401, 404):
                raise _GiveUp
            content_type = response.headers.get("content-type", "")
            if response.status_code != 200 or not content_type.startswith("text/event-stream"):
                if response.status_code == 200:
                    raise _GiveUp  # something answers there, but not a stream of ours
                log.info("live stream: the server answered %s", response.status_code)
                return False
            if self.stop.is_set():
                return True
            self.on_status(LiveStatus.CONNECTED)
            self._read(response)
            return True
        except (requests.RequestException, OSError, ValueError, AttributeError) as error:
            # AttributeError: urllib3 reading from a file the stop watcher has just closed.
            if not self.stop.is_set():
                log.info("live stream lost: %s", error)
            return True
        finally:
            with self._response_lock:
                self._response = None
            response.close()

    def _read(self, response: requests.Response) -> None:
        for name, data, event_id in parse_stream(_lines(response)):
            if self.stop.is_set():
                return
            if event_id is not None:
                self.last_event_id = event_id
            event = parse_event(name, data)
            if event is not None:
                try:
                    self.on_event(event)
                except Exception:
                    # The caller's fault must not end the stream: the next event may succeed.
                    log.exception("live stream: the handler of %s failed", name)

    def _watch(self, finished: threading.Event) -> None:
        while not finished.is_set():
            if self.stop.wait(_STOP_POLL):
                with self._response_lock:
                    if self._response is not None:
                        _interrupt(self._response)
                return


def _lines(response: requests.Response) -> Iterator[str]:
    # decode_unicode with chunk_size 1 would be slow; read raw bytes and split on newlines.
    buffer = b""
    for chunk in response.iter_content(chunk_size=None):
        buffer += chunk
        while True:
            cut = _line_end(buffer)
            if cut is None:
                break
            line, buffer = buffer[: cut[0]], buffer[cut[1] :]
            yield line.decode("utf-8", errors="replace")
        if len(buffer) > MAX_LINE:
            raise ValueError("an event line longer than any of ours")


def _line_end(buffer: bytes) -> tuple[int, int] | None:
    """Where the first line ends and the next begins (CRLF, LF or CR), or None."""
    for i, byte in enumerate(buffer):
        if byte == 0x0A:
            return i, i + 1
        if byte == 0x0D:
            if i + 1 == len(buffer):
                return None  # a CR at the end may be half of a CRLF: wait for more
            return i, i + 2 if buffer[i + 1] == 0x0A else i + 1
    return None


def parse_stream(lines: Iterator[str]) -> Iterator[tuple[str, str, str | None]]:
    """(event name, data, id or None) per dispatched event, as the SSE standard reads them."""
    name, event_id = "", None
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                yield name or "message", "\n".join(data), event_id
            name, data, event_id = "", [], None
            continue
        if line.startswith(":"):
            continue  # a comment: the keep-alive
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            name = value
        elif field == "data":
            data.append(value)
        elif field == "id" and "\x00" not in value:
            event_id = value


def _interrupt(response: requests.Response) -> None:
    """Wake a read blocked on the response's socket: shut the socket down, then close."""
    raw: Any = getattr(response, "raw", None)
    connection = getattr(raw, "connection", None) or getattr(raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    response.close()
