"""A poll that finds nothing new, answered from memory: no ORM, no database, no worker thread.

Most of the feed's requests (GET /sync/changes with the laptop's latest cursor, every few
seconds from every laptop) find nothing. The full path checks the sign-in in the database,
then probes the feed, on a worker thread. Here, on the event loop, a plain ASGI middleware
answers such a poll itself when it can be sure nothing is new:

- the sign-in was checked less than a minute ago, by the full path or at login
  (``TOKEN_SECONDS``, the granularity of a device's "last seen", which only the full path
  and the login write), has not expired,
  and nothing since ended it: a sign-out, a revoked device, a disabled user or a reset
  password end it at once, in this process and, on PostgreSQL, in every process (their
  commits reach this one through the live relay; on SQLite, where processes cannot hear each
  other, through the mtime of a file in the data folder, ``ENDED_FILE``, that whoever ends a
  sign-in touches: the command line, and each server process for its own);
- the body's latest feed number was read from the database less than a second ago
  (``HEAD_SECONDS``; once older, one poll goes the full way to read it again while the others
  are answered from it, for a second more at most) and every commit heard since (this
  process's at once, other processes' through the relay) is at or below the caller's cursor.
  A commit made by another process that this one does not hear (the command line on SQLite)
  is seen at the latest after those seconds.

With the sign-in known and the cursor behind, the middleware asks ``pages_from_memory`` for
the member's page. Anything else (a sign-in not known, a revoked device to be told to wipe
itself, a query the full path would refuse) goes the full way, which also refreshes this
memory. This answer is never data: at worst a poll says "nothing new" for a moment, and the
next one finds it. Memory is fed on request threads and the relay's, read on the event loop:
one lock.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from ecabinet.server.core.security import token_hash
from ecabinet.server.live.pending import Batch
from ecabinet.wire.sync import DEFAULT_PAGE, MAX_PAGE, ChangesPage

if TYPE_CHECKING:
    from ecabinet.server.pages_from_memory import PagesFromMemory

PATH = "/api/v1/sync/changes"
ENDED_FILE = "sign-ins-ended"
HEAD_SECONDS = 1.0
TOKEN_SECONDS = 60.0
_CURSOR_PREFIX = "v1."


@dataclass(frozen=True)
class SignIn:
    body_id: str
    user_id: str
    device_id: str
    expires_at: datetime
    checked_at: float


@dataclass(frozen=True)
class _Head:
    seq: int  # the highest feed number known in the body
    read_at: float  # when the database last said so (commits heard since may raise seq)


class PollMemory:
    def __init__(
        self,
        head_seconds: float = HEAD_SECONDS,
        token_seconds: float = TOKEN_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        ended_file: Path | None = None,
    ) -> None:
        self.ended_file = ended_file
        self._ended_seen = _mtime(ended_file)
        self.head_seconds = head_seconds
        self.token_seconds = token_seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._heads: dict[str, _Head] = {}
        self._rereading: dict[str, float] = {}  # body: when a poll was sent to read its head
        self._sign_ins: dict[str, SignIn] = {}

    # --- fed by the full path (request threads) ------------------------------------------

    def started_reading(self) -> float:
        """The time to pass to ``head_read``: taken before the query, so a commit made while
        it ran is not believed absent for longer than it should be."""
        return self.clock()

    def head_read(self, body_id: str, seq: int, read_at: float) -> None:
        with self._lock:
            self._rereading.pop(body_id, None)
            known = self._heads.get(body_id)
            if known is None or read_at >= known.read_at:
                self._heads[body_id] = _Head(max(seq, known.seq if known else 0), read_at)

    def signed_in(
        self, hashed: str, body_id: str, user_id: str, device_id: str, expires_at: datetime
    ) -> None:
        with self._lock:
            self._sign_ins[hashed] = SignIn(body_id, user_id, device_id, expires_at, self.clock())

    # --- fed by the hub (commits of this process and, through the relay, of others) -------

    def heard(self, batch: Batch) -> None:
        with self._lock:
            for note in batch.changes:
                known = self._heads.get(note.body_id)
                if known is not None and note.seq > known.seq:
                    self._heads[note.body_id] = _Head(note.seq, known.read_at)
            if batch.close_devices or batch.close_users:
                if self.ended_file is not None:
                    note_ended(self.ended_file)  # for the other processes on this database
                devices, users = set(batch.close_devices), set(batch.close_users)
                self._sign_ins = {
                    hashed: s
                    for hashed, s in self._sign_ins.items()
                    if s.device_id not in devices and s.user_id not in users
                }

    def forget(self) -> None:
        """The relay missed notifications: nothing remembered can be trusted."""
        with self._lock:
            self._heads.clear()
            self._rereading.clear()
            self._sign_ins.clear()

    # --- read on the event loop ----------------------------------------------------------

    def nothing_new(self, hashed: str, since: int) -> bool:
        known = self.known(hashed)
        return known is not None and known[1] is not None and known[1] <= since

    def known(self, hashed: str) -> tuple[SignIn, int | None] | None:
        """The sign-in of this token hash, and its body's latest feed number if it may be
        trusted (``fresh_head``): what a pull is answered from without the full path."""
        sign_in = self.sign_in(hashed)
        if sign_in is None:
            return None
        return sign_in, self.fresh_head(sign_in.body_id)

    def sign_in(self, hashed: str) -> SignIn | None:
        """The sign-in of this token hash, if the full path checked it lately and nothing
        has ended it since."""
        now = self.clock()
        ended = _mtime(self.ended_file)  # a stat: microseconds, no thread needed
        with self._lock:
            if ended != self._ended_seen:
                self._ended_seen = ended
                self._sign_ins.clear()  # some sign-in ended elsewhere: check each again
            sign_in = self._sign_ins.get(hashed)
        if sign_in is None or now - sign_in.checked_at >= self.token_seconds:
            return None
        if sign_in.expires_at <= datetime.now(UTC):
            return None
        return sign_in

    def fresh_head(self, body_id: str) -> int | None:
        """The body's latest feed number, if the database said it less than ``head_seconds``
        ago (commits heard since included). Once it is older, the next caller is told None,
        so that its pull goes the full way and reads it again; the others meanwhile are given
        the number read, for up to ``head_seconds`` more. (When every poll in flight went the
        full way at once, each second, those were the poll's slowest answers.)"""
        now = self.clock()
        with self._lock:
            head = self._heads.get(body_id)
            if head is None:
                return None
            age = now - head.read_at
            if age < self.head_seconds:
                return head.seq
            sent = self._rereading.get(body_id)  # a pull sent to read it, not back yet
            rereading = sent is not None and now - sent < self.head_seconds
            if rereading and age < 2 * self.head_seconds:
                return head.seq
            self._rereading[body_id] = now
            return None


def note_ended(path: Path) -> None:
    """Tell the other processes on this SQLite database that a sign-in ended."""
    try:
        path.touch()
        os.utime(path)  # touch leaves the time alone on some filesystems if it exists
    except OSError:
        pass  # an unwritable data folder: the memory's minute still bounds it


def _mtime(path: Path | None) -> int:
    if path is None:
        return 0
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _poll_query(query: bytes) -> tuple[int, int] | None:
    """The cursor (0 for none) and page size of a pull the full path would accept, or None."""
    since, limit = 0, DEFAULT_PAGE
    for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        digits = value[3:]
        if (
            key == "since"
            and value.startswith(_CURSOR_PREFIX)
            and digits.isascii()
            and digits.isdigit()
        ):
            if len(value) > 3 + 18:
                return None
            since = int(digits)
        elif key == "limit" and value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_PAGE:
            limit = int(value)
        else:
            return None
    return since, limit


class QuietPoll:
    """The middleware: answers GET /sync/changes from ``memory`` when nothing is new, and
    with ``pages`` (pages_from_memory.py) a page when it can; else passes the request on."""

    def __init__(self, app: ASGIApp, memory: PollMemory, pages: PagesFromMemory | None = None):
        self.app = app
        self.memory = memory
        self.pages = pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == PATH and scope["method"] == "GET":
            query = _poll_query(scope["query_string"])
            hashed = _bearer(scope)
            if query is not None and hashed:
                since, limit = query
                known = self.memory.known(hashed)
                head = known[1] if known else None
                if head is not None and head <= since:
                    await _answer(send, _nothing_new(since))
                    return
                if known is not None and self.pages is not None:
                    page = await self.pages.page(known[0], head, since, limit)
                    if page is not None:
                        await _answer(send, page)
                        return
        await self.app(scope, receive, send)


def _bearer(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token and len(token) <= 512:
                return token_hash(token.strip())
            return ""
    return ""


def _nothing_new(since: int) -> bytes:
    return ChangesPage(changes=[], cursor=f"{_CURSOR_PREFIX}{since}").model_dump_json().encode()


async def _answer(send: Send, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
