"""Setting the scene for the live benchmark: the Government Office and the chair, laptops
signed in with certified keys, a meeting in progress with a quorum, and the server's memory.

Everything a person would do goes through the API as that person: the Government Office
names the chair, adds the items to vote on, starts the session and records who is present;
each laptop signs in with its own token and certifies its signing key. Only what the API
cannot do is written to the database, and said so: the members and their invitations (as
every benchmark builds its body, tests/bench/bodies.py) and, past the API's 500 names per
call, the attendance. A meeting's record in the feed lists at most 1,000 invitations, so
larger bodies are split among several meetings whose votes open together. Runs on the load
process's event loop; the database writes before it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.core.security import hash_password
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.signing.detached import canonical_vote, sign_detached
from ecabinet.signing.keys import generate_key, make_csr
from tests.bench.bodies import PASSWORD
from tests.bench.server_proc import processes

STAFF_PREFIX = "bench-"  # the Office is bench-office, the chair bench-chair


def staff(prefix: str = STAFF_PREFIX) -> tuple[str, str]:
    """The usernames of a body's Government Office account and chair."""
    return f"{prefix}office", f"{prefix}chair"


API_LIST_LIMIT = 500  # the API takes at most this many names in one attendance call
SIGN_IN_AT_ONCE = 16  # sign-ins and certificates in flight before the measurement


@dataclass(frozen=True)
class Laptop:
    username: str
    user_id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass(frozen=True)
class Session:
    meeting_ids: list[str]
    items: list[dict[str, str]]  # per round: user id -> the item that laptop votes on
    office: Laptop
    chair: Laptop
    attendance_by_api: bool

    @property
    def item_ids(self) -> list[str]:
        return [item for each in self.items for item in sorted(set(each.values()))]


def add_staff(settings: Settings, prefix: str = STAFF_PREFIX) -> None:
    """The Government Office's account and a chair who does not vote (so the quorum is the
    laptops'), in the body ``generate`` made; their usernames start with ``prefix``."""
    engine = make_engine(settings.database_url)
    with make_session_factory(engine)() as db:
        body = db.scalar(select(m.Body).where(m.Body.code == settings.body_code))
        assert body is not None, "generate() makes the body first"
        password_hash = hash_password(PASSWORD, n=2**10)
        office, chair = staff(prefix)
        for username, roles in ((office, ["secretariat"]), (chair, ["chair"])):
            db.add(
                m.User(
                    body_id=body.id,
                    username=username,
                    full_name=username,
                    roles=roles,
                    password_hash=password_hash,
                )
            )
        db.commit()
    engine.dispose()


def _mark_present(database_url: str, meeting_id: str, user_ids: list[str]) -> None:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as db:
        db.add_all(m.Attendance(meeting_id=meeting_id, user_id=u, present=True) for u in user_ids)
        db.commit()
    engine.dispose()


def _ok(response: httpx.Response) -> httpx.Response:
    if not response.is_success:
        raise RuntimeError(
            f"{response.request.method} {response.request.url.path}: "
            f"{response.status_code} {response.text[:300]}"
        )
    return response


async def sign_in(client: httpx.AsyncClient, username: str, body: str = "") -> Laptop:
    """``username`` of the body whose code is ``body`` (empty: the server's own) signed in."""
    answer = _ok(
        await client.post(
            "/api/v1/auth/login",
            json={
                "body": body,
                "username": username,
                "password": PASSWORD,
                "device_name": f"{username}-pc",
            },
        )
    )
    signed = answer.json()
    return Laptop(username, signed["user"]["id"], signed["token"])


async def sign_in_all(
    client: httpx.AsyncClient, usernames: list[str], csr: str | None, body: str = ""
) -> list[Laptop]:
    """Every laptop of ``body`` signed in and its key certified (none without ``csr``: a
    laptop that will not sign), a few at a time (a bounded warm-up, not the measurement)."""
    gate = asyncio.Semaphore(SIGN_IN_AT_ONCE)

    async def one(username: str) -> Laptop:
        async with gate:
            laptop = await sign_in(client, username, body)
            if csr is not None:
                _ok(
                    await client.post(
                        "/api/v1/pki/certificates", json={"csr_pem": csr}, headers=laptop.headers
                    )
                )
            return laptop

    return list(await asyncio.gather(*(one(u) for u in usernames)))


async def catch_up(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    """The feed read from the beginning, page after page, as a laptop's first sync reads it:
    the cursor its next poll starts from."""
    params = {"limit": "1000"}
    while True:
        page = _ok(await client.get("/api/v1/sync/changes", params=params, headers=headers)).json()
        params = {"limit": "1000", "since": page["cursor"]}
        if not page["more"]:
            return str(page["cursor"])


class Keys:
    """One signing key for every laptop: 2,000 RSA keys would take minutes to make, and the
    server's work per vote (find the member's certificates, verify) is the same either way.
    Each device still has its own certificate, issued by the server over the API."""

    def __init__(self) -> None:
        self.key = generate_key()
        self.csr = make_csr(self.key, "bench", "Bench laptop")

    def sign_votes(self, items: dict[str, str], choice: str) -> dict[str, str]:
        """Each laptop's signature on its vote on its item (user id -> item id), made before
        the timed part."""
        return {
            user_id: sign_detached(self.key, canonical_vote(item_id, user_id, choice, ""))
            for user_id, item_id in items.items()
        }


async def set_up_session(
    client: httpx.AsyncClient,
    laptops: list[Laptop],
    rounds: int,
    database_url: str,
    prefix: str = STAFF_PREFIX,
    body: str = "",
) -> Session:
    """The meetings ``generate`` published, as the Government Office runs them: the chair
    named, one item per round, the session started, every laptop's member present. The
    laptops are split among the meetings in consecutive blocks, as ``generate`` invited them.
    The Office and the chair are those ``add_staff(settings, prefix)`` made in ``body``.
    """
    office_name, chair_name = staff(prefix)
    office = await sign_in(client, office_name, body)
    chair = await sign_in(client, chair_name, body)
    meetings = _ok(await client.get("/api/v1/meetings", headers=office.headers)).json()
    meeting_ids = [each["id"] for each in meetings]
    block = -(-len(laptops) // len(meeting_ids))
    present = [laptop.user_id for laptop in laptops]
    # The quorum is of all the body's members, so every laptop's member is present at each.
    by_api = len(present) <= API_LIST_LIMIT
    items: list[dict[str, str]] = [{} for _ in range(rounds)]
    for index, meeting_id in enumerate(meeting_ids):
        _ok(
            await client.patch(
                f"/api/v1/meetings/{meeting_id}",
                json={"chair_id": chair.user_id},
                headers=office.headers,
            )
        )
        for number in range(rounds):
            item = _ok(
                await client.post(
                    f"/api/v1/meetings/{meeting_id}/items",
                    json={"title": f"Biểu quyết số {number + 1}"},
                    headers=office.headers,
                )
            ).json()
            for laptop in laptops[index * block : (index + 1) * block]:
                items[number][laptop.user_id] = item["id"]
        _ok(await client.post(f"/api/v1/meetings/{meeting_id}/start", headers=office.headers))
        if by_api:
            quorum = _ok(
                await client.put(
                    f"/api/v1/meetings/{meeting_id}/attendance",
                    json={"present_user_ids": present},
                    headers=office.headers,
                )
            ).json()
            assert quorum["has_quorum"], quorum
        else:
            await asyncio.to_thread(_mark_present, database_url, meeting_id, present)
    return Session(meeting_ids, items, office, chair, by_api)


def _parents() -> dict[int, int]:
    """Every process's parent, from one pass over /proc."""
    return {pid: int(fields[1]) for pid, _name, fields in processes()}


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (uvicorn's workers), from /proc."""
    parents = _parents()
    tree, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for member in tree:
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total
