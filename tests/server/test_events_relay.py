"""The relay's NOTIFY payloads: always under PostgreSQL's 8000 bytes, and put back together
whole and once, whatever else arrives between the parts. (Delivery between real processes
is tested in test_events_processes.py.)"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from ecabinet.domain import Scope
from ecabinet.server.live.hub import Hub
from ecabinet.server.live.pending import Batch, ChangeNote, EventNote
from ecabinet.server.live.relay import Relay, decode, encode


class Recording(Hub):
    def __init__(self) -> None:
        super().__init__(sessionmaker())
        self.received: list[Batch] = []

    def receive(self, batch: Batch) -> None:
        self.received.append(batch)


def big_batch() -> Batch:
    meeting = str(uuid.uuid4())
    changes = tuple(
        ChangeNote("body", Scope.ITEM, str(uuid.uuid4()), meeting, seq) for seq in range(1, 400)
    )
    events = (EventNote("body", Scope.MEETING, meeting, meeting, "attendance", '{"present":3}'),)
    return Batch(changes, events, ("device-1",), ("user-1",), ("body",))


def test_a_large_batch_is_cut_under_the_limit_and_put_back_whole() -> None:
    batch = big_batch()
    payloads = encode(batch, "origin")
    assert len(payloads) > 1
    assert all(len(p.encode()) < 8000 for p in payloads)
    parts = [json.loads(p) for p in payloads]
    assert decode([entry for part in parts for entry in part["x"]]) == batch


def test_parts_are_joined_across_interleaved_notices_and_our_own_are_ignored() -> None:
    hub = Recording()
    relay = Relay(hub, create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    big, small = big_batch(), Batch(close_devices=("device-2",))
    big_parts, small_parts = encode(big, "other"), encode(small, "another")
    relay._heard(big_parts[0])
    relay._heard(small_parts[0])  # another process's notice between the parts
    relay._heard(encode(small, relay.origin)[0])  # our own: delivered already
    relay._heard("not json")  # someone else's notice on the channel
    for part in reversed(big_parts[1:]):
        relay._heard(part)
    assert hub.received == [small, big]
