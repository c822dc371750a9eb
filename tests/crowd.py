"""A whole cabinet for concurrency tests: the chair and 26 members, all invited to a meeting
with many agenda items, and the same people signed in over HTTP to a real server process.

Each member has a requests session of their own (their own connections), so pushes sent at
the same instant really run at once on the server. Test code only.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.signing.detached import canonical_vote, sign_detached
from ecabinet.signing.keys import Identity, certificate_from_pem, generate_key, make_csr
from tests.factories import PASSWORD, World, add_user, build_world

VOTERS = ("chair", *(f"member{i:02d}" for i in range(1, 27)))  # 27, the Government's size
TIMEOUT = 60.0  # every wait of these tests is bounded by this


def build_cabinet(
    session_factory: sessionmaker[Session], settings: Settings, extra_items: int
) -> World:
    """The test world, grown to 27 voting members invited to its meeting, with
    ``extra_items`` more agenda items (appended to ``world.item_ids``)."""
    world = build_world(session_factory, settings)
    with session_factory() as db:
        meeting = db.get(m.Meeting, world.meeting_id)
        assert meeting is not None
        invited = set(
            db.scalars(select(m.Invitation.user_id).where(m.Invitation.meeting_id == meeting.id))
        )
        for username in VOTERS:
            if username not in world.users:
                user = add_user(db, meeting.body_id, username, ["member"], n=2**10)
                world.users[username] = user.id
            user_id = world.users[username]
            if username != "chair" and user_id not in invited:
                db.add(
                    m.Invitation(
                        meeting_id=meeting.id, user_id=user_id, kind="member", agenda_item_ids=[]
                    )
                )
        start = len(world.item_ids) + 1
        for position in range(start, start + extra_items):
            item = m.AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=f"Nội dung {position}",
                presenter="Bộ Tài chính",
                minutes_allotted=10,
            )
            db.add(item)
            db.flush()
            world.item_ids.append(item.id)
        db.flush()
        feed.publish_meeting_tree(db, meeting)
        db.commit()
    return world


@dataclass
class Laptop:
    """One signed-in device of one user, with a connection pool of its own."""

    url: str
    username: str
    user_id: str
    http: requests.Session = field(default_factory=requests.Session)
    key: rsa.RSAPrivateKey | None = None
    identity: Identity | None = None  # the key with its certificate, once enrolled

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.http.request(method, f"{self.url}/api/v1{path}", timeout=TIMEOUT, **kwargs)

    def enroll(self, key: rsa.RSAPrivateKey) -> None:
        r = self.call("POST", "/pki/certificates", json={"csr_pem": make_csr(key, "u", "Test")})
        assert r.status_code == 201, r.text
        self.key = key
        body = r.json()
        ca = certificate_from_pem(body["ca_pem"])
        self.identity = Identity(key, certificate_from_pem(body["certificate_pem"]), (ca,))

    def vote(self, item_id: str, choice: str, mutation_id: str = "") -> dict[str, Any]:
        assert self.key is not None, "enroll first"
        signed = canonical_vote(item_id, self.user_id, choice, "")
        signature = sign_detached(self.key, signed)
        data = {"agenda_item_id": item_id, "choice": choice, "comment": "", "signature": signature}
        return mutation("vote.cast", data, mutation_id)

    def push(self, *mutations: dict[str, Any]) -> requests.Response:
        return self.call("POST", "/sync/push", json={"mutations": list(mutations)})


def mutation(type_: str, data: dict[str, Any], mutation_id: str = "") -> dict[str, Any]:
    return {
        "id": mutation_id or str(uuid.uuid4()),
        "type": type_,
        "data": data,
        "created_at": datetime.now(UTC).isoformat(),
    }


def sign_in(url: str, username: str, user_id: str, device: str = "laptop") -> Laptop:
    laptop = Laptop(url, username, user_id)
    r = laptop.http.post(
        f"{url}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD, "device_name": f"{username} {device}"},
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    laptop.http.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return laptop


def shared_key() -> rsa.RSAPrivateKey:
    """One key certified for every member: 27 RSA-3072 keys would cost the tests seconds, and
    what is tested here is the server under load, not key generation."""
    return generate_key()


def at_once[T](count: int, work: Callable[[int], T]) -> list[T]:
    """Run ``work(0..count-1)`` on ``count`` threads released together by a barrier, so the
    requests they send reach the server at the same instant. Every wait is bounded."""
    barrier = threading.Barrier(count)

    def run(index: int) -> T:
        barrier.wait(TIMEOUT)
        return work(index)

    with ThreadPoolExecutor(count) as pool:
        futures = [pool.submit(run, i) for i in range(count)]
        return [future.result(TIMEOUT) for future in futures]
