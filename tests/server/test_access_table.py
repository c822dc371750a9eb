"""Every endpoint called as every caller, on its own and others' objects, against the written
table of who may do what (tests/server/access_table.py).

The endpoints come from the app itself, so one the table does not mention fails the test, and
so does a line of the table whose endpoint is gone. All answers are collected and the mismatches
reported together as one table. Write calls carry empty or deliberately incomplete bodies, and
the acts that need no body are made on objects whose state refuses them (409), so a caller let
through changes nothing that a later call depends on. POST /sync/push is then opened up: each
mutation type is pushed by each signed-in caller on its own and others' objects (table PUSH).
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, get_args

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from ecabinet.server import models as m
from ecabinet.server.core.security import token_hash
from ecabinet.server.errors import PROBLEM_JSON
from ecabinet.wire.sync import MutationType
from tests.factories import PASSWORD, World
from tests.server.access_table import (
    ACCESS,
    ANONYMOUS,
    API,
    CALLERS,
    CHAIR,
    EXPIRED,
    GUEST,
    HIDDEN,
    MEMBER,
    OBJECT_CASES,
    OUTSIDER,
    PUSH,
    REVOKED,
    SECRETARIAT,
    SIGNED_IN,
    UNAUTHENTICATED,
    WIPE,
)

Endpoint = tuple[str, str]

ACCOUNTS = {
    MEMBER: "member01",
    CHAIR: "chair",
    SECRETARIAT: "secretariat",
    GUEST: "guest",
    OUTSIDER: "member05",
    # The Government Office's own laptops: see the table's docstring.
    REVOKED: "secretariat",
    EXPIRED: "secretariat",
    ANONYMOUS: "member01",  # only to name "self"; no token is sent
}
SIGNED_IN_CALLERS = [caller for caller in CALLERS if caller in SIGNED_IN]

# Calls that end the session they are made with: each gets a session of its own.
ENDS_SESSION = {("POST", f"{API}/auth/logout"), WIPE}

# Acts without a body that would succeed where the table sends everyone else: made instead on
# objects whose state refuses them, so the Office's 409 proves it was let through.
NO_OP_ON = {
    ("POST", f"{API}/meetings/{{meeting_id}}/start"): "draft",
    ("POST", f"{API}/meetings/{{meeting_id}}/close"): "draft",
    ("POST", f"{API}/ballots/{{ballot_id}}/remind"): "draft_ballot",
    ("POST", f"{API}/ballots/{{ballot_id}}/close"): "draft_ballot",
}

# The chair's check is made by the handler, after the body is validated: an empty body would
# answer 422 before it, so consent gets a valid one (then refused by state: not in progress).
CONSENT = ("POST", f"{API}/meetings/{{meeting_id}}/consent")


def body_for(endpoint: Endpoint, params: dict[str, str]) -> dict[str, Any] | None:
    if endpoint[0] not in {"POST", "PUT", "PATCH"}:
        return None
    if endpoint == CONSENT:
        return {"item_ids": [params["item_id"]]}
    return {}


ACCESS_CODES = {"not_found", "forbidden", "not_a_voting_member"}  # push refusals for access
_PLACEHOLDER = re.compile(r"{(\w+)(?::\w+)?}")


# --- the endpoints of the app ---------------------------------------------------------------


def api_endpoints(app: FastAPI) -> set[Endpoint]:
    """(method, path template) of every route under /api/v1, from the app's own routing.

    FastAPI 0.16x keeps included routers as lazy entries of ``app.routes`` that
    iter_route_contexts flattens with their prefixes; before that, ``app.routes`` was flat. A
    route without methods (a mount) is listed as "*": the table cannot name it, so it fails the
    test until someone decides about it.
    """
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # pragma: no cover - an older FastAPI
        routes: list[object] = list(app.routes)
    else:
        routes = list(iter_route_contexts(app.routes))
    found: set[Endpoint] = set()
    for route in routes:
        path = getattr(route, "path", None) or ""
        if path == API or path.startswith(f"{API}/"):
            found.update((method, path) for method in getattr(route, "methods", None) or {"*"})
    return found


def test_the_table_names_every_endpoint_and_nothing_else(app: FastAPI) -> None:
    endpoints = api_endpoints(app)
    assert len(endpoints) > 40  # the routes were found at all
    undecided = sorted(endpoints - ACCESS.keys())
    assert not undecided, f"Write who may call these in tests/server/access_table.py: {undecided}"
    gone = sorted(ACCESS.keys() - endpoints)
    assert not gone, f"The access table names endpoints that no longer exist: {gone}"
    strays = sorted({(m, p) for m, p, _on in OBJECT_CASES} - endpoints)
    assert not strays, f"OBJECT_CASES names endpoints that do not exist: {strays}"
    assert not HIDDEN - endpoints


def test_the_table_names_every_mutation_type() -> None:
    assert {kind for kind, _on in PUSH} == set(get_args(MutationType))


# --- callers and objects --------------------------------------------------------------------


class Callers:
    """Sessions of the callers of the table; each is made once and kept, unless asked fresh."""

    def __init__(self, app: FastAPI, client: TestClient) -> None:
        self.app = app
        self.client = client
        self._kept: dict[str, dict[str, str]] = {}

    def sign_in(self, username: str, device_name: str, body: str = "") -> tuple[str, str]:
        """(token, device id) of a new session on a new device, of a user of ``body`` (the
        server's own when empty)."""
        r = self.client.post(
            f"{API}/auth/login",
            json={
                "body": body,
                "username": username,
                "password": PASSWORD,
                "device_name": device_name,
            },
        )
        assert r.status_code == 200, r.text
        return r.json()["token"], r.json()["device_id"]

    def headers(self, caller: str, *, fresh: bool = False) -> dict[str, str]:
        if caller == ANONYMOUS:
            return {}
        if fresh:
            return self._new(caller)
        if caller not in self._kept:
            self._kept[caller] = self._new(caller)
        return self._kept[caller]

    def _new(self, caller: str) -> dict[str, str]:
        token, device_id = self.sign_in(ACCOUNTS[caller], f"{caller}-laptop")
        if caller == REVOKED:
            r = self.client.post(
                f"{API}/devices/{device_id}/revoke", headers=self.headers(SECRETARIAT)
            )
            assert r.status_code == 200, r.text
        elif caller == EXPIRED:
            with self.app.state.session_factory() as db:
                db.execute(
                    update(m.Token)
                    .where(m.Token.token_hash == token_hash(token))
                    .values(expires_at=m.now() - timedelta(minutes=1))
                )
                db.commit()
            # Time, not a commit, ends a token: the pulls' memory (quiet_poll.py) holds the
            # expiry read at sign-in, and is told to forget it, as the clock would have moved on.
            self.app.state.poll_memory.forget()
        return {"Authorization": f"Bearer {token}"}


def office_post(callers: Callers, path: str, body: dict[str, Any]) -> dict[str, Any]:
    r = callers.client.post(f"{API}{path}", json=body, headers=callers.headers(SECRETARIAT))
    assert r.is_success, r.text
    data: dict[str, Any] = r.json()
    return data


def object_sets(app: FastAPI, world: World, callers: Callers) -> dict[str, dict[str, str]]:
    """Path parameters (and version_id, for push) of each named set of objects of the table."""
    soon = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    users = world.users
    other = office_post(
        callers,
        "/meetings",
        {
            "kind": "regular",
            "title": "Phiên họp do người khác chủ trì",
            "starts_at": soon,
            "chair_id": users["member02"],
            "invitations": [{"user_id": users["chair"]}, {"user_id": users["member01"]}],
        },
    )["id"]
    other_item = office_post(callers, f"/meetings/{other}/items", {"title": "Nội dung"})["id"]
    office_post(callers, f"/meetings/{other}/publish", {})
    draft_ballot = office_post(
        callers, "/ballots", {"title": "Phiếu nháp", "question": "?", "deadline": soon}
    )["id"]
    _token, member02_laptop = callers.sign_in("member02", "member02-laptop")
    with app.state.session_factory() as db:
        draft_version = db.scalars(
            select(m.DocumentVersion).where(m.DocumentVersion.sha256 == world.draft_meeting_sha)
        ).one()
        draft_doc = db.get(m.Document, draft_version.document_id)
        ballot_doc = db.get(m.Document, world.ballot_document_id)
        assert draft_doc is not None and draft_doc.agenda_item_id is not None
        assert ballot_doc is not None and ballot_doc.current_version_id is not None
        draft_item, ballot_version = draft_doc.agenda_item_id, ballot_doc.current_version_id
        # Requests to speak never given the floor: ending "their speech" is refused by state.
        requests = [
            m.SpeakerRequest(agenda_item_id=item, user_id=users[who], position=1)
            for item, who in ((world.item_ids[0], "member01"), (other_item, "member02"))
        ]
        db.add_all(requests)
        # A document received through the exchange, with one file, and a status for its sender.
        incoming = m.IncomingDocument(
            body_id=db.scalars(select(m.User.body_id).where(m.User.id == users["chair"])).one(),
            from_organ_id="000.00.00.G22",
            from_organ_name="Bộ Tài chính",
            document_id="000.00.00.G22,2026/11/10,74/TTr-BTC",
            subject="Tờ trình",
        )
        db.add(incoming)
        db.flush()
        db.add(
            m.IncomingAttachment(
                incoming_id=incoming.id,
                position=1,
                name="a.pdf",
                sha256=world.blob_shas[0],
                size=1,
                pages=1,
                kept=True,
            )
        )
        package = m.InterconnectStatus(
            body_id=incoming.body_id,
            incoming_id=incoming.id,
            to_organ_id="000.00.00.G22",
            response_for=incoming.document_id,
            status_code="01",
            xml="<x/>",
            state="failed",
        )
        db.add(package)
        db.commit()
        own_request, other_request = (r.id for r in requests)
        incoming_id, package_id = incoming.id, str(package.id)
    return {
        "own": {
            "meeting_id": world.meeting_id,
            "item_id": world.item_ids[0],
            "document_id": world.document_ids[0],
            "version_id": world.version_ids[0],
            "sha256": world.blob_shas[0],
            "ballot_id": world.ballot_id,
            "user_id": users["member02"],
            "device_id": member02_laptop,
            "request_id": own_request,
            "incoming_id": incoming_id,
            "position": "1",
            "package_id": package_id,
            "code": "gov",  # the body's code (its CA and revocation list, public)
        },
        "item2": {
            "item_id": world.item_ids[1],
            "document_id": world.document_ids[2],
            "version_id": world.version_ids[2],
            "sha256": world.blob_shas[2],
        },
        "draft": {
            "meeting_id": world.draft_meeting_id,
            "item_id": draft_item,
            "document_id": draft_version.document_id,
            "version_id": draft_version.id,
            "sha256": world.draft_meeting_sha,
        },
        "ballot": {
            "document_id": world.ballot_document_id,
            "version_id": ballot_version,
            "sha256": world.ballot_sha,
        },
        "other_chair": {"meeting_id": other, "item_id": other_item, "request_id": other_request},
        "draft_ballot": {"ballot_id": draft_ballot},
    }


def params_for(
    sets: dict[str, dict[str, str]], world: World, on: str, caller: str
) -> dict[str, str]:
    if on == "self":
        return {**sets["own"], "user_id": world.users[ACCOUNTS[caller]]}
    return {**sets["own"], **sets[on]}


def fill(path: str, params: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in params, f"No object for {{{name}}} in {path}: add one to object_sets()"
        return params[name]

    return _PLACEHOLDER.sub(one, path)


# --- judging an answer ----------------------------------------------------------------------


def problem_code(r: httpx.Response) -> str:
    if "json" not in r.headers.get("content-type", "") or not r.content:
        return ""
    body = r.json()
    return str(body.get("code", "")) if isinstance(body, dict) else ""


def expectation(endpoint: Endpoint, caller: str, allowed: frozenset[str]) -> str:
    if (endpoint, caller) == (WIPE, REVOKED):
        return "200 wipe"
    if caller in allowed:
        return "let through"
    if caller in UNAUTHENTICATED:
        return f"401 {UNAUTHENTICATED[caller]}"
    return "404 not_found" if endpoint in HIDDEN else "403/404"


def refusal_faults(endpoint: Endpoint, caller: str, r: httpx.Response) -> list[str]:
    """What is wrong with the answer to a caller the table refuses (nothing, if it is right)."""
    if r.status_code not in {401, 403, 404}:
        return ["not refused"]  # the body does not matter then
    if caller in UNAUTHENTICATED:
        wanted = {(401, UNAUTHENTICATED[caller])}
    elif endpoint in HIDDEN:
        wanted = {(404, "not_found")}
    else:
        wanted = {(403, "forbidden"), (404, "not_found")}
    # A HEAD answer has no body to read the code from: its status must do.
    code = problem_code(r) if endpoint[0] != "HEAD" else dict(wanted).get(r.status_code, "")
    faults = [] if (r.status_code, code) in wanted else ["wrong status"]
    if not r.headers.get("content-type", "").startswith(PROBLEM_JSON):
        faults.append(f"content-type {r.headers.get('content-type')}")
    if r.status_code == 401 and not r.headers.get("www-authenticate", "").startswith("Bearer"):
        faults.append("no WWW-Authenticate: Bearer")
    return faults


def faults_of(endpoint: Endpoint, caller: str, allowed: frozenset[str], r: httpx.Response) -> str:
    """Empty if the answer is the one the table asks for, else what is wrong with it."""
    if r.status_code >= 500:
        return "server error"
    if caller not in allowed:
        return ", ".join(refusal_faults(endpoint, caller, r))
    if r.status_code in {401, 403, 404}:
        return "refused"
    if (endpoint, caller) == (WIPE, REVOKED):
        body = r.json() if r.status_code == 200 else {}
        if body.get("wipe") is not True or body.get("changes"):
            return "not told to wipe"
    return ""


def mismatch_table(rows: list[tuple[str, ...]], checked: int) -> str:
    header = ("method", "path", "on", "caller", "expected", "got")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)) for row in rows]
    head = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    return f"{len(rows)} of {checked} answers differ from the access table:\n{head}\n" + "\n".join(
        lines
    )


# --- every endpoint as every caller ---------------------------------------------------------


def cases() -> list[tuple[Endpoint, str, frozenset[str]]]:
    """(endpoint, objects it is called on, callers allowed) for every line of both tables."""
    out = [
        (endpoint, NO_OP_ON.get(endpoint, "own"), allowed) for endpoint, allowed in ACCESS.items()
    ]
    out += [((method, path), on, allowed) for (method, path, on), allowed in OBJECT_CASES.items()]
    return out


def test_every_endpoint_answers_every_caller_as_the_table_says(
    app: FastAPI, client: TestClient, world: World
) -> None:
    callers = Callers(app, client)
    sets = object_sets(app, world, callers)
    rows: list[tuple[str, ...]] = []
    checked = 0
    for endpoint, on, allowed in cases():
        method, path = endpoint
        for caller in CALLERS:
            params = params_for(sets, world, on, caller)
            r = client.request(
                method,
                fill(path, params),
                headers=callers.headers(caller, fresh=endpoint in ENDS_SESSION),
                json=body_for(endpoint, params),
            )
            checked += 1
            faults = faults_of(endpoint, caller, allowed, r)
            if faults:
                got = f"{r.status_code} {problem_code(r)}".strip() + f" ({faults})"
                rows.append((method, path, on, caller, expectation(endpoint, caller, allowed), got))
    assert not rows, mismatch_table(rows, checked)


# --- every mutation as every signed-in caller -----------------------------------------------


def push(client: TestClient, headers: dict[str, str], kind: str, data: dict[str, Any]) -> Any:
    mutation = {
        "id": str(uuid.uuid4()),
        "type": kind,
        "data": data,
        "created_at": datetime.now(UTC).isoformat(),
    }
    r = client.post(f"{API}/sync/push", json={"mutations": [mutation]}, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


def open_the_vote(callers: Callers, world: World) -> None:
    """The session runs as it does in the room: started, a quorum present, the chair opens."""
    meeting, users = world.meeting_id, world.users
    office_post(callers, f"/meetings/{meeting}/start", {})
    present = [users[u] for u in ("chair", "member01", "member02", "member03", "member04")]
    r = callers.client.put(
        f"{API}/meetings/{meeting}/attendance",
        json={"present_user_ids": present},
        headers=callers.headers(SECRETARIAT),
    )
    assert r.json()["has_quorum"], r.text
    r = callers.client.post(
        f"{API}/items/{world.item_ids[0]}/vote/open", headers=callers.headers(CHAIR)
    )
    assert r.status_code == 200, r.text


def mutation_data(kind: str, objects: dict[str, str], note_id: str) -> dict[str, Any]:
    item, version = objects["item_id"], objects["version_id"]
    if kind == "position.set":
        return {"agenda_item_id": item, "position": "no_objection"}
    if kind in {"speaker.request", "speaker.withdraw", "consent.pull"}:
        return {"agenda_item_id": item}
    if kind == "document.read":
        return {"document_version_id": version}
    if kind == "annotation.put":
        page = {"page": 0, "kind": "highlight", "rects": [[10, 10, 100, 20]]}
        return {"id": note_id, "document_version_id": version, **page}
    if kind == "annotation.delete":
        return {"id": note_id}
    if kind == "vote.cast":  # unsigned: a caller let through is refused as invalid_signature
        return {"agenda_item_id": item, "choice": "agree", "signature": "bm90IHNpZ25lZA=="}
    if kind == "ballot.respond":  # a file that is not the caller's signed form: invalid_signature
        return {
            "ballot_id": objects["ballot_id"],
            "choice": "agree",
            "signed_pdf": objects["sha256"],
        }
    if kind == "attendance.check_in":  # the roll-call is not open: a member let through is
        return {"meeting_id": objects["meeting_id"]}  # refused as attendance_not_open
    raise AssertionError(f"Give {kind} a body in mutation_data()")


def test_every_mutation_answers_every_caller_as_the_table_says(
    app: FastAPI, client: TestClient, world: World
) -> None:
    callers = Callers(app, client)
    sets = object_sets(app, world, callers)
    open_the_vote(callers, world)
    # member02's note on the first item's submission, shared with the meeting.
    shared_note = str(uuid.uuid4())
    token, _device = callers.sign_in("member02", "member02-desk")
    note = mutation_data("annotation.put", sets["own"], shared_note) | {"shared": "meeting"}
    put = push(client, {"Authorization": f"Bearer {token}"}, "annotation.put", note)
    assert put["status"] == "applied", put
    sets["others"] = {}  # the first item's objects, and member02's note on them
    own_notes = {caller: str(uuid.uuid4()) for caller in SIGNED_IN_CALLERS}
    rows: list[tuple[str, ...]] = []
    for (kind, on), allowed in PUSH.items():
        for caller in SIGNED_IN_CALLERS:
            # The "own" note is the one this caller put with the annotation.put line before.
            note_id = {"own": own_notes[caller], "others": shared_note}.get(on, str(uuid.uuid4()))
            data = mutation_data(kind, params_for(sets, world, on, caller), note_id)
            result = push(client, callers.headers(caller), kind, data)
            refused = result["status"] == "rejected" and result["code"] in ACCESS_CODES
            if result["code"] == "internal_error" or refused == (caller in allowed):
                expected = "let through" if caller in allowed else "/".join(sorted(ACCESS_CODES))
                got = f"{result['status']} {result['code']}".strip()
                rows.append(("PUSH", kind, on, caller, expected, got))
    assert not rows, mismatch_table(rows, len(PUSH) * len(SIGNED_IN_CALLERS))
