"""The access table's column for a user of ANOTHER body on the same server: nothing of one
body is visible to another (tests/server/access_table.py, OTHER_BODY).

The other body is made as an administrator makes it, through the command line (``bodies
create``, ``create-user --body``), with a secretariat, a chair, a member and a guest. Each
line of the table is then called by the other body's users with the roles of the callers the
line allows, on the first body's objects:
- a line whose path names an object answers exactly as for an object that does not exist
  (404, or the 422 of a body refused before any object is looked up): never 403, never data;
- a line that names none (the feed, the live stream, the lists) is let through, as for the
  caller of the first body, and its answer holds no identifier of the first body.
Each mutation of POST /sync/push on the first body's objects is rejected exactly as on objects
that do not exist, and leaves nothing behind.
"""

from __future__ import annotations

import io
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from ecabinet.server import models as m
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.cli import main
from ecabinet.server.core.config import Settings
from ecabinet.server.db import make_engine, make_session_factory
from tests.factories import PASSWORD, World
from tests.loopback import serving
from tests.server.access_table import API, PUSH, other_callers
from tests.server.live_helpers import Reader, client, close_all, login, sentinel
from tests.server.test_access_table import (
    ENDS_SESSION,
    Callers,
    body_for,
    cases,
    fill,
    mismatch_table,
    mutation_data,
    object_sets,
    params_for,
    problem_code,
    push,
)
from tests.server.test_events import start_session

# The other body's users, made through the command line: caller -> (username, roles).
OTHER_USERS = {
    "other_secretariat": ("hn-secretariat", "secretariat"),
    "other_chair": ("hn-chair", "chair,member"),
    "other_member": ("hn-member", "member"),
    "other_guest": ("hn-guest", "guest"),
}
_PLACEHOLDER = re.compile(r"{(\w+)(?::\w+)?}")


def make_other_body(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    where = ["--data", str(settings.data_dir), "--database-url", settings.database_url]
    assert main(["bodies", "create", "--code", "hanoi", "--name", "UBND Hà Nội", *where]) == 0
    for username, roles in OTHER_USERS.values():
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        argv = ["create-user", "--body", "hanoi", "--username", username, "--roles", roles]
        assert main([*argv, "--full-name", username, "--password-stdin", *where]) == 0


class OtherCallers(Callers):
    """Sessions of the other body's users, each made once and kept, unless asked fresh."""

    def _new(self, caller: str) -> dict[str, str]:
        token, _device = self.sign_in(OTHER_USERS[caller][0], f"{caller}-laptop", "hanoi")
        return {"Authorization": f"Bearer {token}"}


def made_up(params: dict[str, str]) -> dict[str, str]:
    """The same parameters, each naming an object that exists nowhere."""
    out = {}
    for name, value in params.items():
        if name == "sha256":
            out[name] = "0" * 64
        elif value.isdigit():
            out[name] = "999999"
        else:
            out[name] = str(uuid.uuid4())
    return out


def first_body_ids(app: FastAPI, sets: dict[str, dict[str, str]]) -> set[str]:
    """Identifiers of the first body's objects: none may reach the other body's users."""
    ids = {value for objects in sets.values() for value in objects.values() if len(value) > 8}
    with app.state.session_factory() as db:
        first = db.scalars(select(m.Body.id).where(m.Body.code == "gov")).one()
        ids.add(first)
        ids.update(db.scalars(select(m.User.id).where(m.User.body_id == first)))
        ids.update(db.scalars(select(m.Meeting.id).where(m.Meeting.body_id == first)))
        ids.update(db.scalars(select(m.Document.id).where(m.Document.body_id == first)))
        ids.update(db.scalars(select(m.Ballot.id).where(m.Ballot.body_id == first)))
    return ids


def call_as(
    callers: Callers, endpoint: tuple[str, str], caller: str, params: dict[str, str]
) -> httpx.Response:
    method, path = endpoint
    answered: httpx.Response = callers.client.request(
        method,
        fill(path, params),
        headers=callers.headers(caller, fresh=endpoint in ENDS_SESSION),
        json=body_for(endpoint, params),
    )
    return answered


def answer(r: httpx.Response) -> str:
    return f"{r.status_code} {problem_code(r)}".strip()


@pytest.fixture
def first_body_objects(
    app: FastAPI,
    client: TestClient,
    world: World,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, dict[str, str]]:
    """The other body made beside the world; the first body's objects, named as the table's."""
    make_other_body(settings, monkeypatch)
    return object_sets(app, world, Callers(app, client))


def test_a_user_of_another_body_sees_and_does_nothing_of_the_first(
    app: FastAPI, client: TestClient, world: World, first_body_objects: dict[str, dict[str, str]]
) -> None:
    sets = first_body_objects
    secrets = first_body_ids(app, sets)
    others = OtherCallers(app, client)
    rows: list[tuple[str, ...]] = []
    checked = 0
    for endpoint, on, allowed in cases():
        method, path = endpoint
        if on == "self":  # the caller's own account: not the first body's
            continue
        params = params_for(sets, world, on, "member")
        names_an_object = bool(_PLACEHOLDER.search(path))
        for caller in sorted(other_callers(allowed)):
            r = call_as(others, endpoint, caller, params)
            checked += 1
            leaked = sorted(s for s in secrets if s in r.text)
            if names_an_object:
                absent = call_as(others, endpoint, caller, made_up(params))
                expected = answer(absent)
                fault = answer(r) != expected or r.status_code not in {404, 422}
            else:
                expected = "let through, nothing of the first body"
                fault = r.status_code in {401, 403, 404} or r.status_code >= 500
            if fault or leaked:
                got = answer(r) + (f" (leaks {len(leaked)} ids)" if leaked else "")
                rows.append((method, path, on, caller, expected, got))
    assert checked > 100
    assert not rows, mismatch_table(rows, checked)


def test_another_body_pushes_nothing_onto_the_first(
    app: FastAPI, client: TestClient, world: World, first_body_objects: dict[str, dict[str, str]]
) -> None:
    sets = first_body_objects
    # member02's note on the first item's submission, shared with the meeting.
    shared_note = str(uuid.uuid4())
    token, _device = Callers(app, client).sign_in("member02", "member02-desk")
    note = mutation_data("annotation.put", sets["own"], shared_note) | {"shared": "meeting"}
    put = push(client, {"Authorization": f"Bearer {token}"}, "annotation.put", note)
    assert put["status"] == "applied", put
    sets["others"] = {}
    others = OtherCallers(app, client)
    rows: list[tuple[str, ...]] = []
    checked = 0
    for (kind, on), allowed in PUSH.items():
        for caller in sorted(other_callers(allowed) or set(OTHER_USERS)):
            params = params_for(sets, world, on, "member")
            note_id = shared_note if on == "others" else str(uuid.uuid4())
            data = mutation_data(kind, params, note_id)
            got: dict[str, Any] = push(client, others.headers(caller), kind, data)
            data = mutation_data(kind, made_up(params), str(uuid.uuid4()))
            absent: dict[str, Any] = push(client, others.headers(caller), kind, data)
            checked += 1
            expected = (absent["status"], absent["code"])
            if (got["status"], got["code"]) != expected or got["status"] != "rejected":
                want = " ".join(expected)
                rows.append(("PUSH", kind, on, caller, want, f"{got['status']} {got['code']}"))
    assert checked > 40
    assert not rows, mismatch_table(rows, checked)
    with app.state.session_factory() as db:
        kept = db.get(m.Annotation, shared_note)
        assert kept is not None and not kept.deleted
        theirs = select(m.User.id).join(m.Body).where(m.Body.code == "hanoi")
        for column in (
            m.Annotation.author_id,
            m.Position.user_id,
            m.DocumentRead.user_id,
            m.SpeakerRequest.user_id,
            m.Vote.user_id,
            m.BallotResponse.user_id,
            m.Attendance.user_id,
        ):
            left = db.scalar(select(func.count()).where(column.in_(theirs)))
            assert left == 0, f"{column}: {left} rows by the other body's users"


def test_the_live_stream_of_another_body_carries_nothing_of_the_first(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a real server: while the first body's session runs (started, an item discussed, a
    vote opened and closed, the meeting edited, a user made), the other body's streams hear
    only the other body's own changes, which a sentinel of the other body ends."""
    with serving(settings.with_changes(live_keepalive_seconds=0.3)) as (url, world):
        try:
            make_other_body(settings, monkeypatch)
            tokens = {caller: login(url, OTHER_USERS[caller][0], "hanoi") for caller in OTHER_USERS}
            readers = {caller: Reader(url, token) for caller, token in tokens.items()}
            assert all(reader.status == 200 for reader in readers.values())
            office = client(url, login(url, "secretariat"))
            chair = client(url, login(url, "chair"))
            start_session(office, world)
            first = world.item_ids[0]
            for act in ("discuss", "vote/open", "vote/close"):
                assert chair.post(f"{API}/items/{first}/{act}").status_code == 200, act
            r = office.patch(f"{API}/meetings/{world.meeting_id}", json={"place": "Phòng 2"})
            assert r.status_code == 200, r.text
            sentinel(office, "gov-last")
            last = sentinel(client(url, tokens["other_secretariat"]), "hn-last")
            heard = {caller: reader.through(last) for caller, reader in readers.items()}
        finally:
            close_all()
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            theirs = set(
                db.scalars(
                    select(m.Change.seq)
                    .join(m.Body, m.Body.id == m.Change.body_id)
                    .where(m.Body.code == "hanoi")
                )
            )
    finally:
        engine.dispose()
    for caller, seen in heard.items():
        assert {s.name for s in seen} == {"changed"}, (caller, seen)
        seqs = {int(str(s.id).split(".")[1]) for s in seen}
        assert seqs <= theirs, (caller, sorted(seqs - theirs))


def test_a_file_two_bodies_hold_is_served_to_each_through_its_own_documents(
    app: FastAPI,
    client: TestClient,
    world: World,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_other_body(settings, monkeypatch)
    others = OtherCallers(app, client)
    office = others.headers("other_secretariat")
    sha = world.blob_shas[0]  # the first body's submission
    soon = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    r = client.post(
        f"{API}/meetings",
        json={"kind": "regular", "title": "Phiên họp UBND", "starts_at": soon},
        headers=office,
    )
    assert r.status_code == 201, r.text
    item = client.post(
        f"{API}/meetings/{r.json()['id']}/items", json={"title": "Nội dung"}, headers=office
    ).json()["id"]
    document = {"kind": "submission", "title": "Tờ trình", "sha256": sha, "filename": "a.pdf"}

    # Knowing a file's digest is not holding it: the other body cannot take it by its name.
    assert client.get(f"{API}/blobs/{sha}", headers=office).status_code == 404
    r = client.post(f"{API}/items/{item}/documents", json=document, headers=office)
    assert (r.status_code, problem_code(r)) == (404, "not_found"), r.text
    assert client.get(f"{API}/blobs/{sha}", headers=office).status_code == 404

    # Holding the same bytes, it uploads them, and the file is then its own as well.
    data = b"".join(open_blob_store(settings).read(sha))
    r = client.post(
        f"{API}/blobs",
        content=data,
        headers={**office, "Content-Type": "application/pdf", "X-Content-SHA256": sha},
    )
    assert r.status_code == 201, r.text  # as a new file's: no upload tells who holds one
    r = client.post(f"{API}/items/{item}/documents", json=document, headers=office)
    assert r.status_code == 201, r.text
    assert client.get(f"{API}/blobs/{sha}", headers=office).content == data
    # The other body's member is invited to nothing: the file is not his to fetch.
    assert (
        client.get(f"{API}/blobs/{sha}", headers=others.headers("other_member")).status_code == 404
    )


def test_the_other_bodys_office_names_the_first_bodys_things_in_vain(
    app: FastAPI, client: TestClient, world: World, first_body_objects: dict[str, dict[str, str]]
) -> None:
    """The Office's screens send ids in their bodies too (a chair, invitations, attendance,
    an order of items, an incoming document, a result's subject): the other body's Office
    naming the first body's users and objects there, on its own meeting and ballot, is
    answered exactly as with ids that exist nowhere, and is never let through."""
    own = first_body_objects["own"]
    headers = OtherCallers(app, client).headers("other_secretariat")
    soon = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    new_meeting = {"kind": "regular", "title": "Phiên họp UBND", "starts_at": soon}
    r = client.post(f"{API}/meetings", json=new_meeting, headers=headers)
    meeting = r.json()["id"]
    item = client.post(
        f"{API}/meetings/{meeting}/items", json={"title": "Nội dung"}, headers=headers
    ).json()["id"]

    def calls(user: str, item_of: str, incoming: str) -> list[tuple[str, str, dict[str, Any]]]:
        question = {"title": "Phiếu", "question": "?", "deadline": soon}
        result = {"signed_pdf": "0" * 64, "code_number": "1"}
        return [
            ("POST", "/meetings", new_meeting | {"chair_id": user}),
            ("POST", "/meetings", new_meeting | {"invitations": [{"user_id": user}]}),
            ("PATCH", f"/meetings/{meeting}", {"chair_id": user}),
            ("PUT", f"/meetings/{meeting}/invitations", {"invitations": [{"user_id": user}]}),
            ("PUT", f"/meetings/{meeting}/attendance", {"present_user_ids": [user]}),
            ("PUT", f"/meetings/{meeting}/items/order", {"item_ids": [item, item_of]}),
            ("POST", f"/meetings/{meeting}/consent", {"item_ids": [item_of]}),
            ("POST", "/ballots", question | {"voter_ids": [user]}),
            ("POST", "/ballots", question | {"chair_id": user}),
            (
                "POST",
                "/interconnect/assignments",
                {"incoming_id": incoming, "agenda_item_id": item},
            ),
            ("POST", "/interconnect/results", result | {"agenda_item_id": item_of}),
        ]

    first = calls(world.users["member01"], own["item_id"], own["incoming_id"])
    nowhere = calls(str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4()))
    rows: list[tuple[str, ...]] = []
    for (method, path, body), (_m, _p, absent_body) in zip(first, nowhere, strict=True):
        r = client.request(method, f"{API}{path}", json=body, headers=headers)
        absent = client.request(method, f"{API}{path}", json=absent_body, headers=headers)
        if answer(r) != answer(absent) or r.is_success:
            rows.append(
                (method, path, str(sorted(body)), "other_secretariat", answer(absent), answer(r))
            )
    assert not rows, mismatch_table(rows, len(first))
