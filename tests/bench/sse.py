"""Lean HTTP/1.1 on raw asyncio streams: thousands of event streams, and pushes sent at once.

One load process holds every laptop's stream of the live benchmark. httpx costs tens of
kilobytes and a stack of objects per streaming response; a bare socket with this reader costs
a buffer and a coroutine, so 2,000 streams fit in one process beside their pushes. It speaks
just enough HTTP/1.1 for ``GET /api/v1/events``: one request, a status line, headers, then a
body either chunked or read to the end; and ``post`` and ``get``, one request on a
connection of its own. Runs on the load process's event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

MAX_LINE = 64 * 1024  # an SSE line longer than this is a broken server, not an event


@dataclass(frozen=True)
class Event:
    name: str
    data: str
    id: str | None


class StreamRefused(Exception):
    """The server answered the stream's request with something other than 200."""

    def __init__(self, status: int, body: bytes) -> None:
        super().__init__(f"HTTP {status}: {body[:200]!r}")
        self.status = status


class EventParser:
    """Feeds bytes, returns whole events (the WHATWG rules: ``event``, ``data``, ``id``,
    comments, and lines ending in CRLF, LF or CR)."""

    def __init__(self) -> None:
        self._buffer = b""
        self._name = ""
        self._data: list[str] = []
        self._id: str | None = None
        self.last_id: str | None = None
        self.comments = 0

    def feed(self, chunk: bytes) -> list[Event]:
        self._buffer += chunk
        events: list[Event] = []
        while True:
            cut = _line_end(self._buffer)
            if cut is None:
                if len(self._buffer) > MAX_LINE:
                    raise ValueError("an event stream line is too long")
                return events
            end, width = cut
            line = self._buffer[:end].decode("utf-8", errors="replace")
            self._buffer = self._buffer[end + width :]
            event = self._line(line)
            if event is not None:
                events.append(event)

    def _line(self, line: str) -> Event | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            self.comments += 1
            return None
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            self._name = value
        elif field == "data":
            self._data.append(value)
        elif field == "id" and "\0" not in value:
            self._id = value
        return None

    def _dispatch(self) -> Event | None:
        if self._id is not None:
            self.last_id = self._id
        if not self._data:
            self._name, self._id = "", None
            return None
        event = Event(self._name or "message", "\n".join(self._data), self._id)
        self._name, self._data, self._id = "", [], None
        return event


def _line_end(buffer: bytes) -> tuple[int, int] | None:
    """Where the first line ends and how wide its ending is; a CR at the very end of the
    buffer waits for the next byte, which may be its LF."""
    cr, lf = buffer.find(b"\r"), buffer.find(b"\n")
    if cr == -1 and lf == -1:
        return None
    if cr == -1 or (lf != -1 and lf < cr):
        return lf, 1
    if cr + 1 == len(buffer):
        return None
    return cr, 2 if buffer[cr + 1 : cr + 2] == b"\n" else 1


async def _head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {
        name.strip().lower(): value.strip()
        for name, _, value in (h.partition(":") for h in header_lines if h)
    }
    return int(status_line.split(" ", 2)[1]), headers


async def _body(reader: asyncio.StreamReader, chunked: bool) -> AsyncIterator[bytes]:
    if not chunked:
        while chunk := await reader.read(16 * 1024):
            yield chunk
        return
    while True:
        size_line = await reader.readuntil(b"\r\n")
        size = int(size_line.split(b";", 1)[0].strip(), 16)
        if size == 0:
            return
        yield await reader.readexactly(size)
        await reader.readexactly(2)


async def hold_stream(
    host: str,
    port: int,
    token: str,
    on_open: Callable[[], None],
    on_event: Callable[[Event], None],
    parser: EventParser,
) -> None:
    """Opens ``/api/v1/events`` as the token's laptop and hands each event to ``on_event``
    until the server ends the stream or the task is cancelled; ``on_open`` is called once the
    server has answered 200. The caller keeps ``parser`` across reconnects: its ``last_id``
    goes back as ``Last-Event-ID``, so a reconnect resumes where the last stream stopped.
    """
    reader, writer = await asyncio.open_connection(host, port, limit=MAX_LINE)
    try:
        resume = f"Last-Event-ID: {parser.last_id}\r\n" if parser.last_id else ""
        writer.write(
            (
                f"GET /api/v1/events HTTP/1.1\r\nHost: {host}:{port}\r\n"
                f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n"
                f"Cache-Control: no-cache\r\n{resume}\r\n"
            ).encode()
        )
        await writer.drain()
        status, headers = await _head(reader)
        chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        if status != 200:
            length = int(headers.get("content-length", "0") or 0)
            raise StreamRefused(status, await reader.readexactly(length) if length else b"")
        on_open()
        async for chunk in _body(reader, chunked):
            for event in parser.feed(chunk):
                on_event(event)
    finally:
        writer.close()


async def post(host: str, port: int, path: str, token: str, body: bytes) -> tuple[int, bytes]:
    """One ``POST`` of a JSON body on a new connection, closed after the answer: the votes'
    requests are built before the round, so a laptop's push costs the load process a
    connect and a write, and the measure is the server's, not the load process's."""
    return await _request(
        host,
        port,
        f"POST {path}",
        token,
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n".encode(),
        body,
    )


async def get(host: str, port: int, path: str, token: str) -> tuple[int, bytes]:
    """One ``GET`` (``path`` with its query) on a new connection, closed after the answer,
    as a laptop that polls every few seconds asks: its last connection is long closed."""
    return await _request(host, port, f"GET {path}", token, b"", b"")


async def _request(
    host: str, port: int, line: str, token: str, headers: bytes, body: bytes
) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(
            (
                f"{line} HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
            ).encode()
            + headers
            + b"Connection: close\r\n\r\n"
            + body
        )
        await writer.drain()
        status, answer_headers = await _head(reader)
        chunked = "chunked" in answer_headers.get("transfer-encoding", "").lower()
        return status, b"".join([chunk async for chunk in _body(reader, chunked)])
    finally:
        writer.close()
