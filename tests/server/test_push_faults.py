"""A fault of the server while applying a push is never a decision: nothing of it is stored,
the batch stops there, and a push that applied nothing answers 503 with Retry-After.
A busy database or a lost race is retried within the request instead."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from ecabinet.server import models as m
from ecabinet.server.mutations import MutationContext, positions
from ecabinet.wire.base import WireModel
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_sync_push import mutation, push


def _read(world: World) -> dict[str, object]:
    return mutation("document.read", {"document_version_id": world.version_ids[0]})


def _position(world: World) -> dict[str, object]:
    data = {"agenda_item_id": world.item_ids[0], "position": "no_objection", "comment": ""}
    return mutation("position.set", data)


def _remembered(api: Api, mutation_id: object) -> m.AppliedMutation | None:
    with api.db() as db:
        return db.get(m.AppliedMutation, mutation_id)


def _broken(_ctx: MutationContext, _data: WireModel) -> None:
    raise RuntimeError("a bug in the server")


def test_a_fault_stops_the_batch_and_is_not_stored(
    api: Api, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(positions.APPLIERS, "document.read", _broken)
    first, faulty, after = _position(world), _read(world), _position(world)
    results = push(api, "member01", first, faulty, after)
    # The answer stops before the fault: the client sends the last two again.
    assert [(r["id"], r["status"]) for r in results] == [(first["id"], "applied")]
    assert _remembered(api, faulty["id"]) is None
    assert _remembered(api, after["id"]) is None
    monkeypatch.undo()
    again = push(api, "member01", faulty, after)
    assert [r["status"] for r in again] == ["applied", "applied"]


def test_a_push_that_applied_nothing_answers_503_with_retry_after(
    api: Api, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(positions.APPLIERS, "document.read", _broken)
    faulty = _read(world)
    r = api.client.post(
        "/api/v1/sync/push", json={"mutations": [faulty]}, headers=api.headers("member01")
    )
    assert r.status_code == 503
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.headers["retry-after"].isdigit()
    assert r.json()["code"] == "server_busy"
    assert _remembered(api, faulty["id"]) is None
    monkeypatch.undo()
    assert push(api, "member01", faulty)[0]["status"] == "applied"


def test_a_busy_database_is_retried_within_the_request(
    api: Api, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def busy_once(ctx: MutationContext, data: WireModel) -> None:
        calls.append("called")
        if len(calls) == 1:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        positions.set_position(ctx, data)

    monkeypatch.setitem(positions.APPLIERS, "position.set", busy_once)
    mark = _position(world)
    assert push(api, "member01", mark)[0]["status"] == "applied"
    assert len(calls) == 2
    with api.db() as db:
        assert db.scalar(select(func.count()).select_from(m.Position)) == 1
    remembered = _remembered(api, mark["id"])
    assert remembered is not None and remembered.status == "applied"
