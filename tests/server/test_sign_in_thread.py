"""The sign-in is checked on the endpoint's own worker thread, with its session: one trip to
the thread pool per signed-in request, not one for the check and another for the endpoint.

Trips are counted without patching anything: a worker thread runs each call in a copy of the
request's context (anyio), so a context variable set there by the first statement a trip
executes is unset again for the next trip's first statement. Every statement the app's
sessions execute is seen by an event on the app's own session factory.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState

from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_sync_push import annotation, mutation

_TRIP: ContextVar[object] = ContextVar("trip")


@dataclass
class Statements:
    trips: list[int] = field(default_factory=list)  # which trip ran each statement
    sessions: set[int] = field(default_factory=set)
    sign_ins: int = 0  # statements that read the tokens table

    def seen(self, state: ORMExecuteState) -> None:
        trip = _TRIP.get(None)
        if trip is None:  # the first statement of this trip to a worker thread
            trip = object()
            _TRIP.set(trip)
        self.trips.append(id(trip))
        self.sessions.add(id(state.session))
        self.sign_ins += "tokens" in str(state.statement)

    def forget(self) -> None:
        """What signing in (POST /auth/login) executed is not the request under test."""
        self.trips.clear()
        self.sessions.clear()
        self.sign_ins = 0


@pytest.fixture
def statements(app: FastAPI) -> Iterator[Statements]:
    seen = Statements()
    factory = app.state.session_factory

    def listener(state: ORMExecuteState) -> None:
        seen.seen(state)

    event.listen(factory, "do_orm_execute", listener)
    yield seen
    event.remove(factory, "do_orm_execute", listener)


def _push_body(world: World) -> dict[str, Any]:
    return {"mutations": [mutation("annotation.put", annotation(world))]}


@pytest.mark.parametrize(
    ("who", "method", "path"),
    [
        ("member01", "POST", "/api/v1/sync/push"),  # Auth, a writer's session
        ("member01", "GET", "/api/v1/sync/changes"),  # the feed's own check
        ("member01", "GET", "/api/v1/pki/certificates"),  # Auth
        ("secretariat", "GET", "/api/v1/meetings"),  # Secretariat
        ("secretariat", "GET", "/api/v1/pki/long-term"),  # the caller's body, token optional
        ("chair", "GET", "/api/v1/meetings/{meeting}/board"),  # ChairOrSecretariat
    ],
)
def test_a_signed_in_request_takes_one_trip_to_a_worker_thread(
    api: Api, world: World, statements: Statements, who: str, method: str, path: str
) -> None:
    headers = api.headers(who)
    # A pull within a minute of the sign-in is answered from memory (quiet_poll.py,
    # pages_from_memory.py); that minute has passed, so it is checked the full way.
    api.app.state.poll_memory.token_seconds = 0
    statements.forget()
    r = api.client.request(
        method,
        path.format(meeting=world.meeting_id),
        headers=headers,
        json=_push_body(world) if method == "POST" else None,
    )
    assert r.status_code == 200, r.text
    assert statements.sign_ins >= 1, "the token was looked up"
    assert len(statements.trips) > statements.sign_ins, "the endpoint read the database too"
    assert len(set(statements.trips)) == 1, "the check and the endpoint ran in one trip"
    assert len(statements.sessions) == 1, "with the one session of the request"


def test_a_refused_role_takes_one_trip_and_never_reaches_the_endpoint(
    api: Api, statements: Statements
) -> None:
    headers = api.headers("member01")
    statements.forget()
    r = api.client.get("/api/v1/meetings", headers=headers)
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["detail"] == "Only the Government Office may do this."
    assert len(set(statements.trips)) == 1
    # Nothing but the sign-in was read, and the caller's body for the refusal's words.
    assert len(statements.trips) == statements.sign_ins + 1


def test_no_token_is_refused_before_the_body_and_any_query(
    api: Api, world: World, statements: Statements
) -> None:
    """Refused on the event loop, before the body is even checked: a caller without a token
    is told to sign in, not what its body lacks."""
    r = api.client.post("/api/v1/meetings", json={"nope": 1})
    assert r.status_code == 401
    assert r.json()["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer"
    assert statements.trips == []


def test_no_connection_is_kept_when_the_check_refuses(api: Api, app: FastAPI) -> None:
    """GET /auth/me takes no session itself: the one the route asked for is given back."""
    r = api.client.get("/api/v1/auth/me", headers={"Authorization": "Bearer nonsense"})
    assert r.status_code == 401
    assert r.json()["detail"] == "The session is not valid. Sign in again."
    assert app.state.engine.pool.checkedout() == 0
    ok = api.client.get("/api/v1/auth/me", headers=api.headers("member01"))
    assert ok.status_code == 200
    assert ok.json()["username"] == "member01"
    assert app.state.engine.pool.checkedout() == 0


def test_a_refusal_comes_before_a_bad_body_as_when_the_check_was_a_dependency(
    api: Api, statements: Statements
) -> None:
    """FastAPI checks the body before the endpoint, and so before the check that now runs
    with it; the route then runs the check first all the same, so whoever it refuses is told
    that (401, 403), not what the body lacks. Malformed JSON is told first, as it always was."""
    bad = {"nope": 1}
    unknown = {"Authorization": "Bearer nonsense"}
    r = api.client.post("/api/v1/meetings", json=bad, headers=unknown)
    assert (r.status_code, r.json()["code"]) == (401, "unauthorized")
    member = api.headers("member01")
    r = api.client.post("/api/v1/meetings", json=bad, headers=member)
    assert (r.status_code, r.json()["detail"]) == (403, "Only the Government Office may do this.")
    r = api.client.get("/api/v1/audit", params={"limit": -5}, headers=member)
    assert r.status_code == 403
    r = api.client.get("/api/v1/sync/changes", params={"limit": 0}, headers=unknown)
    assert r.status_code == 401  # the feed checked its sign-in after its query (was 422)
    office = api.headers("secretariat")
    statements.forget()
    r = api.client.post("/api/v1/meetings", json=bad, headers=office)
    assert (r.status_code, r.json()["code"]) == (422, "validation_error")
    assert len(set(statements.trips)) == 1, "the check ran once more, and nothing else"
    r = api.client.post(
        "/api/v1/meetings",
        content=b"{",
        headers={**unknown, "content-type": "application/json"},
    )
    assert (r.status_code, r.json()["code"]) == (400, "malformed_json")


def test_openapi_names_the_bearer_scheme_and_no_parameter_of_the_check(app: FastAPI) -> None:
    document = app.openapi()
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    operations = {
        (method, path): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
    }
    for (method, path), operation in operations.items():
        names = {param["name"] for param in operation.get("parameters", [])}
        assert not names & {"request", "db", "auth", "body_id", "authorization"}, (method, path)
        assert not any(name.startswith("ecabinet_") for name in names), (method, path)
    prefix = "/api/v1"
    signed_in = [
        ("get", "/sync/changes"),
        ("post", "/sync/push"),
        ("get", "/auth/me"),
        ("post", "/auth/logout"),
        ("get", "/meetings"),
        ("post", "/blobs"),  # async: the dependency names it
        ("get", "/events"),
        ("post", "/interconnect/packages"),
    ]
    for method, path in signed_in:
        assert operations[method, prefix + path]["security"] == [{"bearer": []}], path
    # The health check, the sign-in and what anyone may read (a token only picks the body).
    public = [
        ("get", "/health"),
        ("post", "/auth/login"),
        ("get", "/bodies"),
        ("get", "/pki/long-term"),
    ]
    for method, path in public:
        assert "security" not in operations[method, prefix + path], path
    changes = operations["get", prefix + "/sync/changes"]["parameters"]
    assert [(p["in"], p["name"]) for p in changes] == [("query", "since"), ("query", "limit")]
