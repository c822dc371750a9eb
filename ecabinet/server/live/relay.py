"""Batches between server processes that share one PostgreSQL database: LISTEN/NOTIFY.

Each process holds ONE async listener connection (psycopg's ``AsyncConnection``), served by a
task on its event loop, and hands what it hears to its hub. Its own batches it sends from the
hub's worker thread with ``pg_notify`` on a pooled connection, taken for the moment of the
send. A NOTIFY payload must stay under 8000 bytes, so a large batch (publishing a meeting
re-emits every item) is cut into parts that the receivers put back together. Each process
knows its own origin and ignores its own notifications: it has delivered them already.

If the listener loses its connection, notifications sent meanwhile are lost: on reconnecting
it ends every local stream, and each laptop reconnects with its Last-Event-ID and catches up.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server.live.hub import Hub
from ecabinet.server.live.pending import Batch, ChangeNote, EventNote, install
from ecabinet.server.quiet_poll import ENDED_FILE, note_ended

log = logging.getLogger(__name__)

CHANNEL = "ecabinet_live"
MAX_PAYLOAD = 7800  # PostgreSQL's limit is 8000 bytes; room for the envelope's numbers
_PENDING_PARTS = 200  # batches whose parts are still arriving, at most


def encode(batch: Batch, origin: str) -> list[str]:
    """The NOTIFY payloads of one batch, each under MAX_PAYLOAD bytes."""
    entries: list[str] = [json.dumps(["c", *vars(c).values()]) for c in batch.changes]
    entries += [json.dumps(["e", *vars(e).values()]) for e in batch.events]
    entries += [json.dumps(["d", d]) for d in batch.close_devices]
    entries += [json.dumps(["u", u]) for u in batch.close_users]
    entries += [json.dumps(["a", b]) for b in batch.audience_bodies]
    key = uuid.uuid4().hex
    budget = MAX_PAYLOAD - 120  # the envelope: origin, key, part numbers
    parts: list[list[str]] = [[]]
    size = 0
    for entry in entries:
        length = len(entry.encode()) + 1
        if length > budget:
            log.warning("a live event of %d bytes is too large to relay; dropped", length)
            continue
        if size + length > budget:
            parts.append([])
            size = 0
        parts[-1].append(entry)
        size += length
    return [
        f'{{"o":"{origin}","k":"{key}","i":{i},"n":{len(parts)},"x":[{",".join(part)}]}}'
        for i, part in enumerate(parts)
    ]


def decode(entries: list[list[Any]]) -> Batch:
    changes, events, devices, users, bodies = [], [], [], [], []
    for entry in entries:
        kind, rest = entry[0], entry[1:]
        if kind == "c":
            changes.append(ChangeNote(*rest))
        elif kind == "e":
            events.append(EventNote(*rest))
        elif kind == "d":
            devices.append(rest[0])
        elif kind == "u":
            users.append(rest[0])
        elif kind == "a":
            bodies.append(rest[0])
    return Batch(tuple(changes), tuple(events), tuple(devices), tuple(users), tuple(bodies))


@contextlib.asynccontextmanager
async def relayed(hub: Hub, engine: Engine) -> AsyncIterator[None]:
    """For the app's lifespan: relay through PostgreSQL while it runs; on SQLite, one
    process serves every stream and the hub alone suffices."""
    if engine.dialect.name != "postgresql":
        yield
        return
    relay = Relay(hub, engine)
    await relay.start()
    try:
        yield
    finally:
        await relay.stop()


def send(engine: Engine, batch: Batch, origin: str) -> None:
    """NOTIFY the other processes of one batch (any thread; a pooled connection, briefly)."""
    payloads = encode(batch, origin)
    # One transaction: NOTIFYs are delivered at commit, together and in order.
    with engine.begin() as conn:
        for payload in payloads:
            conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload})


def install_sender(factory: sessionmaker[Session], engine: Engine, data_dir: Path) -> None:
    """For a process without streams of its own (the command line): on PostgreSQL, what its
    sessions commit is announced to the running servers, so that revoking a laptop there
    ends its stream at once too. On SQLite no other process can hear it, but a sign-in it
    ends is told to the servers' poll memory through a file in the data folder."""
    if engine.dialect.name == "postgresql":
        origin = uuid.uuid4().hex
        install(factory, lambda batch: send(engine, batch, origin))
        return
    ended = data_dir / ENDED_FILE

    def tell(batch: Batch) -> None:
        if batch.close_devices or batch.close_users:
            note_ended(ended)

    install(factory, tell)


class Relay:
    def __init__(self, hub: Hub, engine: Engine) -> None:
        self.hub = hub
        self.engine = engine
        self.origin = uuid.uuid4().hex
        url = engine.url.set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._parts: OrderedDict[str, list[list[Any] | None]] = OrderedDict()
        self._task: asyncio.Task[None] | None = None

    # --- sending, on the hub's worker thread ----------------------------------------------

    def send(self, batch: Batch) -> None:
        send(self.engine, batch, self.origin)

    # --- listening, on the event loop -----------------------------------------------------

    async def start(self) -> None:
        """Listen before the server answers its first request, then keep listening."""
        import psycopg

        first: psycopg.AsyncConnection[Any] | None = None
        try:
            first = await asyncio.wait_for(self._connect(), timeout=10)
        except Exception:
            log.warning("live: cannot LISTEN on PostgreSQL yet; retrying", exc_info=True)
        self.hub.send_remote = self.send
        self._task = asyncio.get_running_loop().create_task(self._listen(first))

    async def stop(self) -> None:
        self.hub.send_remote = None
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _connect(self) -> Any:
        import psycopg

        conn = await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True)
        await conn.execute(f"LISTEN {CHANNEL}")
        return conn

    async def _listen(self, conn: Any) -> None:
        delay = 0.5
        while True:
            if conn is None:
                try:
                    conn = await self._connect()
                except Exception:
                    log.warning("live: LISTEN connection failed; retrying in %.1f s", delay)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 30.0)
                    continue
                self.hub.end_all()  # what was sent while we were deaf is caught up this way
            delay = 0.5
            try:
                async with conn:
                    async for note in conn.notifies():
                        self._heard(note.payload)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("live: lost the LISTEN connection", exc_info=True)
            conn = None

    def _heard(self, payload: str) -> None:
        try:
            message = json.loads(payload)
            if message["o"] == self.origin:
                return
            key, index, count = message["k"], int(message["i"]), int(message["n"])
            parts = self._parts.setdefault(key, [None] * count)
            parts[index] = message["x"]
            while len(self._parts) > _PENDING_PARTS:
                self._parts.popitem(last=False)  # a part that never came
            if any(p is None for p in parts):
                return
            del self._parts[key]
            self.hub.receive(decode([entry for part in parts if part for entry in part]))
        except (ValueError, KeyError, IndexError, TypeError):
            log.warning("live: a notification that is not ours: %.80s", payload)
