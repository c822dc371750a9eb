"""A whole cabinet acting at the same instant against a real server process, on SQLite and on
PostgreSQL: no vote lost, none doubled, never a 5xx nor an ``internal_error``.

The server runs as its own process (uvicorn, as deployed), each member pushes over a
connection of their own, and a barrier releases them together, so the requests really
overlap on the server. Then the database itself is read: the votes, the tally, the reads.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from ecabinet.server import models as m
from tests.crowd import VOTERS, Laptop, at_once, mutation, sign_in
from tests.server.whole_cabinet import DATABASES, Cabinet, cabinet_on

ROUNDS = 20
CHOICES = ("agree", "disagree", "abstain")


@pytest.fixture(scope="module", params=DATABASES)
def cabinet(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, ca_template: Path
) -> Iterator[Cabinet]:
    with cabinet_on(request, tmp_path_factory, ca_template, extra_items=ROUNDS + 1) as cabinet:
        world, office = cabinet.world, cabinet.office
        assert office.call("POST", f"/meetings/{world.meeting_id}/start").status_code == 200
        present = {"present_user_ids": [world.users[u] for u in VOTERS]}
        r = office.call("PUT", f"/meetings/{world.meeting_id}/attendance", json=present)
        assert r.json()["has_quorum"], r.text
        yield cabinet


def _rounds_items(cabinet: Cabinet) -> list[str]:
    return cabinet.world.item_ids[-ROUNDS:]


def _push_all(cabinet: Cabinet, votes: dict[str, dict[str, Any]]) -> list[tuple[str, int, Any]]:
    """Every member pushes their vote at the same instant; (username, HTTP status, body)."""
    names = list(votes)

    def send(index: int) -> tuple[str, int, Any]:
        name = names[index]
        r = cabinet.laptops[name].push(votes[name])
        return name, r.status_code, r.json()

    return at_once(len(names), send)


def _assert_all_applied(answers: list[tuple[str, int, Any]]) -> None:
    statuses = Counter(status for _, status, _ in answers)
    assert statuses == {200: len(answers)}, answers  # no 5xx, no 503, nothing else
    results = [body["results"] for _, _, body in answers]
    assert all(len(r) == 1 for r in results), results
    outcomes = Counter((r[0]["status"], r[0]["code"]) for r in results)
    assert outcomes == {("applied", ""): len(answers)}, outcomes  # never internal_error


def test_a_whole_cabinet_votes_at_the_same_instant_twenty_times(cabinet: Cabinet) -> None:
    chair = cabinet.laptops["chair"]
    rng = random.Random(14)
    for number, item in enumerate(_rounds_items(cabinet)):
        assert chair.call("POST", f"/items/{item}/vote/open").status_code == 200
        choices = {name: rng.choice(CHOICES) for name in VOTERS}
        _assert_all_applied(
            _push_all(cabinet, {n: cabinet.laptops[n].vote(item, c) for n, c in choices.items()})
        )
        sent = 1
        if number % 2:
            # Every other round, everyone changes their mind at once while the vote is open:
            # the last vote received counts, and the first stays in the record.
            choices = {name: rng.choice(CHOICES) for name in VOTERS}
            votes = {n: cabinet.laptops[n].vote(item, c) for n, c in choices.items()}
            _assert_all_applied(_push_all(cabinet, votes))
            sent = 2
        assert chair.call("POST", f"/items/{item}/vote/close").status_code == 200
        with cabinet.db() as db:
            rows = db.scalars(select(m.Vote).where(m.Vote.agenda_item_id == item)).all()
            current = [v for v in rows if v.current]
            result = db.scalar(select(m.Result).where(m.Result.agenda_item_id == item))
        assert len(rows) == sent * len(VOTERS)  # nothing lost, nothing doubled
        assert Counter(v.user_id for v in current) == Counter(
            cabinet.world.users[n] for n in VOTERS
        )  # exactly one vote counts per member
        assert {v.user_id: v.choice for v in current} == {
            cabinet.world.users[n]: c for n, c in choices.items()
        }
        assert result is not None
        counted = Counter(choices.values())
        tally = result.data
        assert (tally["agree"], tally["disagree"], tally["abstain_or_other"]) == (
            counted["agree"],
            counted["disagree"],
            counted["abstain"],
        ), (number, tally)
        assert tally["not_answered"] == 0


def _second_laptop(cabinet: Cabinet, username: str) -> Laptop:
    laptop = sign_in(cabinet.url, username, cabinet.world.users[username], device="tablet")
    laptop.key = cabinet.laptops[username].key
    return laptop


def _open_race_item(cabinet: Cabinet) -> str:
    """The first item of the world, its vote open (once) for the races below."""
    item = cabinet.world.item_ids[0]
    r = cabinet.laptops["chair"].call("POST", f"/items/{item}/vote/open")
    assert r.status_code == 200 or r.json()["code"] == "invalid_state", r.text
    return item


@pytest.mark.parametrize("username", ["member03", "member13", "member23"])
def test_the_same_act_pushed_from_two_connections_at_once_applies_once(
    cabinet: Cabinet, username: str
) -> None:
    item = _open_race_item(cabinet)
    first = cabinet.laptops[username]
    twin = Laptop(cabinet.url, username, first.user_id, key=first.key)  # its own connections
    twin.http.headers.update(first.http.headers)
    vote = first.vote(item, "agree")
    answers = at_once(2, lambda i: (first, twin)[i].push(vote))
    assert [r.status_code for r in answers] == [200, 200]
    statuses = sorted(r.json()["results"][0]["status"] for r in answers)
    assert statuses == ["applied", "duplicate"]
    with cabinet.db() as db:
        applied = db.scalar(select(func.count()).where(m.AppliedMutation.id == vote["id"]))
        votes = db.scalar(
            select(func.count()).where(
                m.Vote.agenda_item_id == item, m.Vote.user_id == first.user_id
            )
        )
    assert (applied, votes) == (1, 1)


@pytest.mark.parametrize("username", ["member04", "member14", "member24"])
def test_two_laptops_of_one_member_vote_at_once_and_one_vote_counts(
    cabinet: Cabinet, username: str
) -> None:
    item = _open_race_item(cabinet)
    laptops = (cabinet.laptops[username], _second_laptop(cabinet, username))
    votes = (laptops[0].vote(item, "agree"), laptops[1].vote(item, "disagree"))
    answers = at_once(2, lambda i: laptops[i].push(votes[i]))
    assert [r.json()["results"][0]["status"] for r in answers] == ["applied", "applied"]
    with cabinet.db() as db:
        rows = db.scalars(
            select(m.Vote).where(
                m.Vote.agenda_item_id == item, m.Vote.user_id == laptops[0].user_id
            )
        ).all()
    assert len(rows) == 2
    assert len([v for v in rows if v.current]) == 1
    # The one that counts is the one received last.
    assert max(rows, key=lambda v: v.received_at).current


@pytest.mark.parametrize("username", ["member05", "member15", "member25"])
def test_two_laptops_of_one_member_mark_positions_at_once(cabinet: Cabinet, username: str) -> None:
    item = cabinet.world.item_ids[1]
    laptops = (cabinet.laptops[username], _second_laptop(cabinet, username))
    marks = [
        mutation("position.set", {"agenda_item_id": item, "position": p, "comment": ""})
        for p in ("no_objection", "object")
    ]
    answers = at_once(2, lambda i: laptops[i].push(marks[i]))
    assert [r.json()["results"][0]["status"] for r in answers] == ["applied", "applied"]
    with cabinet.db() as db:
        rows = db.scalars(
            select(m.Position).where(
                m.Position.agenda_item_id == item, m.Position.user_id == laptops[0].user_id
            )
        ).all()
    assert len(rows) == 2
    assert len([p for p in rows if p.current]) == 1


@pytest.mark.parametrize("username", ["member06", "member16", "member26"])
def test_two_laptops_of_one_member_mark_a_paper_read_at_once(
    cabinet: Cabinet, username: str
) -> None:
    version = cabinet.world.version_ids[0]
    laptops = (cabinet.laptops[username], _second_laptop(cabinet, username))
    reads = [mutation("document.read", {"document_version_id": version}) for _ in laptops]
    answers = at_once(2, lambda i: laptops[i].push(reads[i]))
    assert [r.status_code for r in answers] == [200, 200]
    assert [r.json()["results"][0]["status"] for r in answers] == ["applied", "applied"]
    with cabinet.db() as db:
        count = db.scalar(
            select(func.count()).where(
                m.DocumentRead.document_version_id == version,
                m.DocumentRead.user_id == laptops[0].user_id,
            )
        )
    assert count == 1


def test_closing_the_vote_while_votes_arrive_counts_every_vote_applied(cabinet: Cabinet) -> None:
    item = cabinet.world.item_ids[2]  # the first added item, not one of the rounds
    chair = cabinet.laptops["chair"]
    assert chair.call("POST", f"/items/{item}/vote/open").status_code == 200
    votes = {name: cabinet.laptops[name].vote(item, "agree") for name in VOTERS}
    names = list(votes)

    def act(index: int) -> tuple[str, int, Any]:
        if index == len(names):
            r = chair.call("POST", f"/items/{item}/vote/close")
            return "close", r.status_code, r.json()
        r = cabinet.laptops[names[index]].push(votes[names[index]])
        return names[index], r.status_code, r.json()

    answers = at_once(len(names) + 1, act)
    assert {status for _, status, _ in answers} == {200}
    outcomes = Counter(body["results"][0]["code"] for name, _, body in answers if name != "close")
    applied = outcomes[""]
    assert applied + outcomes["vote_not_open"] == len(VOTERS)  # before or after, nothing else
    with cabinet.db() as db:
        stored = db.scalar(select(func.count()).where(m.Vote.agenda_item_id == item))
        result = db.scalar(select(m.Result).where(m.Result.agenda_item_id == item))
    assert result is not None
    # Every vote answered "applied" is stored and in the published tally; no other is.
    assert stored == applied == result.data["agree"]
