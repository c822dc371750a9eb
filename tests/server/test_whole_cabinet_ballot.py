"""A whole cabinet replies to one written ballot at the same instant, against a real server
process on SQLite and on PostgreSQL, while the Government Office's laptop pulls the feed.

Each member uploads a reply form signed with their own certificate and pushes the reply
(``ballot.respond``) as the laptop does; a ``server_busy`` answer is sent again, as the laptop
sends it again, and counted. Then the database and the Office's views are read: every reply
stored once and counted, the audit chain whole, every form given its long-term evidence by
the background runs the pushes started, and every change the Office may see received by its
laptop once.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import or_, select

from ecabinet.domain import Scope
from ecabinet.server import audit_verify
from ecabinet.server import models as m
from ecabinet.server.pki import body_ca
from ecabinet.signing.pades import pades_level
from tests.crowd import TIMEOUT, VOTERS, Laptop, at_once, mutation
from tests.server.signing_helpers import Enrolled
from tests.server.whole_cabinet import DATABASES, Cabinet, cabinet_on

CHOICES = ("agree", "disagree", "other")
BUSY_TRIES = 50  # a laptop sends a busy act again until it is decided; bounded here


@pytest.fixture(scope="module", params=DATABASES)
def cabinet(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, ca_template: Path
) -> Iterator[Cabinet]:
    with cabinet_on(request, tmp_path_factory, ca_template) as cabinet:
        yield cabinet


@dataclass
class Busy:
    """How many times the server said it was busy, and to what."""

    counts: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, what: str, request: Any) -> requests.Response:
        """``request()`` until its answer is not a 503 server_busy, as the laptop does."""
        for _ in range(BUSY_TRIES):
            r: requests.Response = request()
            if r.status_code != 503:
                return r
            assert r.json()["code"] == "server_busy", r.text
            assert r.headers.get("Retry-After"), r.headers
            with self.lock:
                self.counts[what] += 1
        raise AssertionError(f"{what}: still busy after {BUSY_TRIES} tries")


def _open_ballot(office: Laptop, voters: list[str]) -> str:
    deadline = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    new = {"title": "Phiếu lấy ý kiến", "question": "Đồng ý?", "deadline": deadline}
    r = office.call("POST", "/ballots", json={**new, "voter_ids": voters})
    assert r.status_code == 201, r.text
    ballot_id: str = r.json()["id"]
    assert office.call("POST", f"/ballots/{ballot_id}/send").status_code == 200
    return ballot_id


def _upload(laptop: Laptop, form: bytes) -> requests.Response:
    sha = hashlib.sha256(form).hexdigest()
    headers = {"Content-Type": "application/pdf", "X-Content-SHA256": sha}
    return laptop.call("POST", "/blobs", data=form, headers=headers)


def _pull(office: Laptop, cursor: str | None, seen: list[int]) -> str | None:
    """Pages until the feed is drained, as the laptop pulls; the seq of each change kept."""
    while True:
        params = {"since": cursor} if cursor else {}
        r = office.call("GET", "/sync/changes", params=params)
        assert r.status_code == 200, r.text
        page = r.json()
        seen.extend(c["seq"] for c in page["changes"])
        cursor = page["cursor"]
        if not page["more"]:
            return cursor


def _wait_archived(cabinet: Cabinet, ballot_id: str) -> list[m.BallotResponse]:
    """The replies once the background runs are through with every form (bounded)."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        with cabinet.db() as db:
            rows = list(
                db.scalars(select(m.BallotResponse).where(m.BallotResponse.ballot_id == ballot_id))
            )
        if all(r.long_term_pdf for r in rows) or time.monotonic() > deadline:
            return rows
        time.sleep(0.1)  # the runs report to no one: their result is read from the database


@dataclass
class Replies:
    """One ballot sent to the whole cabinet, each member's reply signed and its form uploaded."""

    ballot_id: str
    choices: dict[str, str]
    forms: dict[str, bytes]
    mutations: dict[str, dict[str, Any]]
    uploads: dict[str, requests.Response]
    busy: Busy


@pytest.fixture(scope="module")
def replies(cabinet: Cabinet) -> Replies:
    """The forms uploaded by every member at the same instant, as 27 laptops do before they
    push their replies; a busy answer is sent again."""
    users = cabinet.world.users
    ballot_id = _open_ballot(cabinet.office, [users[name] for name in VOTERS])
    rng = random.Random(27)
    choices = {name: rng.choice(CHOICES) for name in VOTERS}
    forms, mutations = {}, {}
    for name, choice in choices.items():
        laptop = cabinet.laptops[name]
        assert laptop.identity is not None
        comment = "Đề nghị làm rõ nguồn vốn." if choice == "other" else ""
        forms[name] = Enrolled(laptop.identity, laptop.user_id).signed_form(
            ballot_id, choice, comment
        )
        data = {"ballot_id": ballot_id, "choice": choice, "comment": comment}
        sha = hashlib.sha256(forms[name]).hexdigest()
        mutations[name] = mutation("ballot.respond", {**data, "signed_pdf": sha})
    busy = Busy()
    names = list(VOTERS)

    def upload(index: int) -> requests.Response:
        laptop, form = cabinet.laptops[names[index]], forms[names[index]]
        return busy.send("upload", lambda: _upload(laptop, form))

    uploads = dict(zip(names, at_once(len(names), upload), strict=True))
    return Replies(ballot_id, choices, forms, mutations, uploads, busy)


def test_a_whole_cabinet_uploads_its_reply_forms_at_the_same_instant(
    cabinet: Cabinet, replies: Replies, request: pytest.FixtureRequest
) -> None:
    # Each form stored once, as its member's; a server busy checking others said so (503
    # server_busy, Retry-After) and took the form when it was sent again.
    assert {n: r.status_code for n, r in replies.uploads.items()} == dict.fromkeys(VOTERS, 201)
    shas = {n: hashlib.sha256(f).hexdigest() for n, f in replies.forms.items()}
    with cabinet.db() as db:
        blobs = db.scalars(select(m.Blob).where(m.Blob.sha256.in_(shas.values()))).all()
    assert {b.sha256: b.uploaded_by for b in blobs} == {
        sha: cabinet.world.users[n] for n, sha in shas.items()
    }
    # Counted in the test's report (--junitxml, junit_family=legacy shows it).
    request.node.user_properties.append(("uploads_answered_busy", replies.busy.counts["upload"]))


def test_a_whole_cabinet_replies_to_a_written_ballot_at_the_same_instant(
    cabinet: Cabinet, replies: Replies, request: pytest.FixtureRequest
) -> None:
    users = cabinet.world.users
    ballot_id, choices = replies.ballot_id, replies.choices
    office_seen: list[int] = []
    office_cursor = _pull(cabinet.office, None, office_seen)
    busy = Busy()
    replying = threading.Semaphore(0)  # one release per member done
    names = list(VOTERS)

    def act(index: int) -> Any:
        if index == len(names):
            # The Office's laptop pulls while the replies arrive, until every member is done.
            cursor = office_cursor
            for _ in names:
                while not replying.acquire(timeout=0.05):
                    cursor = _pull(cabinet.office, cursor, office_seen)
            return cursor
        try:
            laptop = cabinet.laptops[names[index]]
            return busy.send("push", lambda: laptop.push(replies.mutations[names[index]]))
        finally:
            replying.release()

    *answers, office_cursor = at_once(len(names) + 1, act)
    assert [r.status_code for r in answers] == [200] * len(names), [r.text for r in answers]
    outcomes = Counter(
        (r.json()["results"][0]["status"], r.json()["results"][0]["code"]) for r in answers
    )
    assert outcomes == {("applied", ""): len(names)}, (outcomes, busy.counts)
    request.node.user_properties.append(("pushes_answered_busy", busy.counts["push"]))

    rows = _wait_archived(cabinet, ballot_id)
    # Every reply stored exactly once, each the member's and counted.
    assert Counter(r.user_id for r in rows) == Counter(users[n] for n in VOTERS)
    assert all(r.current and not r.late for r in rows)
    assert {r.user_id: r.choice for r in rows} == {users[n]: c for n, c in choices.items()}
    ids = [reply["id"] for reply in replies.mutations.values()]
    with cabinet.db() as db:
        applied = db.scalars(select(m.AppliedMutation).where(m.AppliedMutation.id.in_(ids)))
        assert Counter(a.status for a in applied) == {"applied": len(ids)}
        acts = db.scalars(select(m.AuditEntry).where(m.AuditEntry.object_id.in_(ids))).all()
        assert sorted(e.object_id for e in acts) == sorted(ids)  # each on the record once
        archived = db.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.action == "reply.archive", m.AuditEntry.object_id == ballot_id
            )
        ).all()
        report = audit_verify.verify(db, body_ca(cabinet.settings).certificate)
    assert report.ok, report

    # What the Government Office sees: 27 replies, nobody left, the count under the rules.
    office = cabinet.office
    seen = office.call("GET", f"/ballots/{ballot_id}/responses").json()
    assert len(seen["replies"]) == len(VOTERS) and seen["not_answered"] == []
    summary = office.call("GET", f"/ballots/{ballot_id}/summary").json()
    counted = Counter(choices.values())
    assert (summary["agree"], summary["disagree"], summary["other"]) == (
        counted["agree"],
        counted["disagree"],
        counted["other"],
    )
    assert len(summary["replies"]) == len(VOTERS)

    # The background runs: every form given its long-term evidence, each once, none left.
    assert all(r.long_term_pdf not in (None, r.signed_pdf) for r in rows), [
        (r.user_id, r.long_term_pdf) for r in rows
    ]
    assert sorted(str(e.actor_id) for e in archived) == sorted(users[n] for n in VOTERS)
    for name in VOTERS:  # each copy the member's to fetch, and long-term indeed
        row = next(r for r in rows if r.user_id == users[name])
        copy = cabinet.laptops[name].call("GET", f"/blobs/{row.long_term_pdf}")
        assert copy.status_code == 200 and pades_level(copy.content) == "B-LT", name
    log = cabinet.log.read_text(errors="replace")
    assert "Traceback" not in log and "without long-term evidence" not in log, log[-4000:]

    # The Office's laptop received every change it may see, each once, though 27 members'
    # transactions committed while it pulled.
    office_cursor = _pull(office, office_cursor, office_seen)
    assert not [s for s, n in Counter(office_seen).items() if n > 1]
    with cabinet.db() as db:
        secretariat = db.get(m.User, users["secretariat"])
        assert secretariat is not None
        feed = set(
            db.scalars(
                select(m.Change.seq).where(
                    m.Change.body_id == secretariat.body_id,
                    or_(m.Change.scope != Scope.PRIVATE, m.Change.scope_id == users["secretariat"]),
                )
            )
        )
    missed = sorted(feed - set(office_seen))
    assert not missed, (missed, busy.counts)
