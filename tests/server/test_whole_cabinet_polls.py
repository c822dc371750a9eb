"""A whole cabinet polls the feed (GET /sync/changes, each at their latest cursor) without
pause while changes commit, against a server of two worker processes on SQLite and on
PostgreSQL. Each process remembers on its own what it may answer "nothing new" to
(ecabinet/server/quiet_poll.py), and half the members open a new connection for each poll,
so their polls go now to one process, now to the other.

Every member must see each change on a poll after its commit, once, with no error; and a
laptop pulling while many transactions commit at once must receive every change it may see.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import or_, select

from ecabinet.domain import Scope
from ecabinet.server import models as m
from tests.crowd import TIMEOUT, VOTERS, Laptop, at_once, mutation, sign_in
from tests.server.whole_cabinet import DATABASES, Cabinet, cabinet_on

WORKERS = 2
MARK_ROUNDS = 3
# What each act of the Office leaves the ballot as: its status, and the time it sets.
AFTER = {
    "send": ("open", "sent_at"),
    "remind": ("open", "reminded_at"),
    "close": ("closed", "closed_at"),
}


@pytest.fixture(scope="module", params=DATABASES)
def cabinet(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, ca_template: Path
) -> Iterator[Cabinet]:
    with cabinet_on(
        request, tmp_path_factory, ca_template, extra_items=MARK_ROUNDS, workers=WORKERS
    ) as cabinet:
        yield cabinet


@dataclass
class Poller:
    """One laptop's view of the feed: every change it received, in order, and its cursor."""

    laptop: Laptop
    fresh_connections: bool  # a new connection per poll: any worker process may answer
    cursor: str | None = None
    received: list[dict[str, Any]] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)

    def poll(self) -> list[dict[str, Any]]:
        """One page after the cursor (the cursor then moves on, as the laptop's does)."""
        params = {"since": self.cursor} if self.cursor else {}
        headers = {"Connection": "close"} if self.fresh_connections else {}
        r = self.laptop.call("GET", "/sync/changes", params=params, headers=headers)
        self.statuses[r.status_code] += 1
        assert r.status_code == 200, r.text
        page = r.json()
        self.received.extend(page["changes"])
        self.cursor = page["cursor"]
        return list(page["changes"]) if not page["more"] else [*page["changes"], *self.poll()]

    def drain(self) -> None:
        self.poll()


def _pollers(cabinet: Cabinet) -> list[Poller]:
    pollers = [
        Poller(cabinet.laptops[n], fresh_connections=i % 2 == 1) for i, n in enumerate(VOTERS)
    ]
    for poller in pollers:
        poller.drain()  # each at their latest cursor
    return pollers


def _draft_ballot(office: Laptop, voters: list[str]) -> str:
    deadline = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    new = {"title": "Phiếu", "question": "Đồng ý?", "deadline": deadline, "voter_ids": voters}
    r = office.call("POST", "/ballots", json=new)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _seq(cursor: str | None) -> int:
    return int(str(cursor).removeprefix("v1.")) if cursor else 0


def _read_afresh(
    cabinet: Cabinet, name: str, since: str | None, upto: str | None
) -> list[dict[str, Any]]:
    """The changes the full path gives ``name`` after ``since``, up to ``upto``: signed in
    anew, so that no process remembers the sign-in and answers from memory."""
    reader = Poller(sign_in(cabinet.url, name, cabinet.world.users[name], "check"), False, since)
    reader.drain()
    return [c for c in reader.received if c["seq"] <= _seq(upto)]


def _seqs(changes: list[dict[str, Any]]) -> Counter[int]:
    return Counter(c["seq"] for c in changes)


@pytest.mark.parametrize("act", ["send", "remind", "close"])
def test_every_member_polling_sees_a_change_once_after_its_commit(
    cabinet: Cabinet, act: str
) -> None:
    users = cabinet.world.users
    office = cabinet.office
    ballot_id = _draft_ballot(office, [users[n] for n in VOTERS])
    if act != "send":
        assert office.call("POST", f"/ballots/{ballot_id}/send").status_code == 200
    pollers = _pollers(cabinet)
    before = [p.cursor for p in pollers]
    everyone_saw = threading.Barrier(len(pollers))
    started = threading.Barrier(len(pollers) + 1)

    def sees_the_ballot(changes: list[dict[str, Any]]) -> bool:
        return any(c["type"] == "ballot" and c["id"] == ballot_id for c in changes)

    def run(index: int) -> None:
        """A member polls until the act's change comes, then once more when everyone's has;
        the Office (the last index) acts once every member has polled at least once."""
        if index == len(pollers):
            started.wait(TIMEOUT)
            r = office.call("POST", f"/ballots/{ballot_id}/{act}")
            assert r.status_code == 200, r.text
            return
        poller = pollers[index]
        try:
            poller.poll()
            started.wait(TIMEOUT)
            deadline = time.monotonic() + TIMEOUT / 3
            while not sees_the_ballot(poller.poll()):
                assert time.monotonic() < deadline, (poller.laptop.username, poller.cursor)
            # Polled again while the others catch up, it must not come a second time.
            everyone_saw.wait(TIMEOUT)
            poller.poll()
        except BaseException:
            everyone_saw.abort()  # the others stop waiting: this failure is the one to read
            raise

    at_once(len(pollers) + 1, run)
    for poller, cursor in zip(pollers, before, strict=True):
        name = poller.laptop.username
        assert set(poller.statuses) == {200}, (name, poller.statuses)
        assert all(v == 1 for v in _seqs(poller.received).values()), name  # none twice
        got = [c for c in poller.received if c["seq"] > _seq(cursor)]
        # The act's change, once, with the ballot as the act left it.
        (ballot,) = [c for c in got if c["type"] == "ballot" and c["id"] == ballot_id]
        status, stamped = AFTER[act]
        assert ballot["data"]["status"] == status and ballot["data"][stamped], (name, ballot)
        # What the database holds for the member from the cursor held before, up to where the
        # polls got, is what the polls gave: nothing skipped.
        assert _seqs(_read_afresh(cabinet, name, cursor, poller.cursor)) == _seqs(got), name


def test_the_office_pulling_while_the_cabinet_marks_positions_misses_nothing(
    cabinet: Cabinet,
) -> None:
    """The Government Office sees every member's marks: pulled while 27 transactions commit
    at once, its feed must still hold each change once, none skipped."""
    office = Poller(cabinet.office, fresh_connections=True)
    office.drain()
    items = cabinet.world.item_ids[-MARK_ROUNDS:]
    names = list(VOTERS)
    for item in items:
        done = threading.Semaphore(0)
        marks = {
            n: mutation(
                "position.set", {"agenda_item_id": item, "position": "object", "comment": ""}
            )
            for n in names
        }

        def act(index: int, marks: dict[str, dict[str, Any]] = marks, done: Any = done) -> int:
            if index == len(names):
                for _ in names:
                    while not done.acquire(timeout=0.01):
                        office.poll()
                return 0
            try:
                r = cabinet.laptops[names[index]].push(marks[names[index]])
                assert r.status_code == 200, r.text
                assert r.json()["results"][0]["status"] == "applied", r.text
                return 0
            finally:
                done.release()

        at_once(len(names) + 1, act)
    office.drain()
    assert set(office.statuses) == {200}
    assert all(v == 1 for v in _seqs(office.received).values())
    with cabinet.db() as db:
        secretariat = db.get(m.User, cabinet.world.users["secretariat"])
        assert secretariat is not None
        feed = set(
            db.scalars(
                select(m.Change.seq).where(
                    m.Change.body_id == secretariat.body_id,
                    m.Change.seq > 0,
                    or_(m.Change.scope != Scope.PRIVATE, m.Change.scope_id == secretariat.id),
                )
            )
        )
        marked = db.scalars(select(m.Position).where(m.Position.agenda_item_id.in_(items))).all()
    assert len(marked) == len(names) * len(items), len(marked)
    # Every change the Office may see up to its laptop's cursor was received; a later one
    # (committed in the other process a moment ago) comes at a later poll.
    missed = sorted(s for s in feed - set(_seqs(office.received)) if s <= _seq(office.cursor))
    with cabinet.db() as db:
        rows = db.scalars(select(m.Change).where(m.Change.seq.in_(missed[:10]))).all()
        info = [(r.seq, r.type, r.scope, r.scope_id, r.created_at) for r in rows]
    got = sorted(_seqs(office.received))
    assert not missed, (missed, info, got[:5], got[-5:], len(got))
