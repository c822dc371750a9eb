"""Reading GET /api/v1/events in tests: a real HTTP stream read on a thread into a queue.

Every wait is bounded: ``next`` fails the test after ``WAIT`` seconds without an event.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import requests

from ecabinet.client.live import parse_stream
from tests.factories import PASSWORD

WAIT = 20.0
API = "/api/v1"
OPEN: list[Reader] = []  # closed by close_all() before a test's server stops
CLIENTS: list[httpx.Client] = []  # likewise, so that no connection outlives its test


@dataclass(frozen=True)
class Seen:
    name: str  # "(end)" when the stream ended
    data: str = ""
    id: str | None = None


class Reader:
    """One open stream; ``comments`` counts keep-alive comment lines."""

    def __init__(self, url: str, token: str, last_event_id: str | None = None) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        self.response = requests.get(f"{url}{API}/events", headers=headers, stream=True, timeout=30)
        self.status = self.response.status_code
        self.events: queue.Queue[Seen] = queue.Queue()
        self.comments = 0
        OPEN.append(self)
        if self.status == 200:
            threading.Thread(target=self._pump, daemon=True).start()

    def _lines(self) -> Iterator[str]:
        for raw in self.response.iter_lines(decode_unicode=True):
            line = raw or ""
            if line.startswith(":"):
                self.comments += 1
            yield line

    def _pump(self) -> None:
        try:
            for name, data, event_id in parse_stream(self._lines()):
                self.events.put(Seen(name, data, event_id))
        except (requests.RequestException, OSError, ValueError, AttributeError):
            pass  # closed under the read (AttributeError: urllib3's closed file)
        self.events.put(Seen("(end)"))

    def next(self, wait: float = WAIT) -> Seen:
        try:
            return self.events.get(timeout=wait)
        except queue.Empty:
            raise AssertionError(f"no event within {wait} s") from None

    def until(self, name: str) -> list[Seen]:
        """Every event up to and including the first named ``name``."""
        seen = [self.next()]
        while seen[-1].name != name:
            assert seen[-1].name != "(end)", f"the stream ended before {name}: {seen}"
            seen.append(self.next())
        return seen

    def through(self, seq: int) -> list[Seen]:
        """Every event up to the ``changed`` that reaches ``seq`` (a sentinel's)."""
        seen = [self.next()]
        while not (seen[-1].name == "changed" and _seq(seen[-1].id) >= seq):
            assert seen[-1].name != "(end)", f"the stream ended before seq {seq}: {seen}"
            seen.append(self.next())
        return seen

    def close(self) -> None:
        self.response.close()


def _seq(event_id: str | None) -> int:
    return int(event_id.split(".")[1]) if event_id else 0


def close_all() -> None:
    """Close every stream and client the test opened: a server waits for open streams when it
    stops, and a client left open holds its connection."""
    while OPEN:
        OPEN.pop().close()
    while CLIENTS:
        CLIENTS.pop().close()


def login(url: str, username: str, body: str = "") -> str:
    """A token of ``username`` of ``body`` (the server's own when empty)."""
    request = {
        "body": body,
        "username": username,
        "password": PASSWORD,
        "device_name": f"{username}-laptop",
    }
    r = requests.post(f"{url}{API}/auth/login", json=request, timeout=30)
    assert r.status_code == 200, r.text
    token: str = r.json()["token"]
    return token


def client(url: str, token: str) -> httpx.Client:
    """A client with ``token``'s authority, closed by close_all()."""
    made = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    CLIENTS.append(made)
    return made


def sentinel(office: httpx.Client, name: str) -> int:
    """A change everyone in the body sees (a new user), made last; its seq, which the
    Government Office's pull of the whole feed ends on."""
    r = office.post(
        f"{API}/users",
        json={
            "username": name,
            "full_name": name,
            "password": "Sentinel-pass-2024",
            "roles": ["member"],
        },
    )
    assert r.status_code == 201, r.text
    since = "v1.0"
    while True:
        page = office.get(f"{API}/sync/changes", params={"since": since, "limit": 1000}).json()
        since = page["cursor"]
        if not page["more"]:
            return int(since.split(".")[1])


def data_of(seen: list[Seen], name: str) -> list[dict[str, Any]]:
    import json

    return [json.loads(s.data) for s in seen if s.name == name]
