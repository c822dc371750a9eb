"""The national document exchange against a real server on loopback: its system account made
behind the API, a package delivered over HTTP and the Government Office assigning it; and the
exchange's own receiving endpoint (ExchangeEndpoint), which the outbound queue delivers to.

Runs on the test's thread.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.db import make_engine, make_session_factory
from tests.edxml_packages import EdxmlPackage
from tests.factories import PASSWORD, add_user
from tests.loopback import LiveServer


def bearer(url: str, username: str) -> dict[str, str]:
    r = requests.post(
        f"{url}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD, "device_name": f"{username}-pc"},
        timeout=10,
    )
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['token']}"}


def deliver(live: LiveServer, package: EdxmlPackage) -> str:
    """The exchange's account (made once) delivers ``package``; the incoming document's id."""
    engine = make_engine(live.settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            if db.scalar(select(m.User.id).where(m.User.username == "truclienthong")) is None:
                body_id = db.scalars(select(m.Body.id)).one()
                add_user(db, body_id, "truclienthong", ["exchange"])
                db.commit()
    finally:
        engine.dispose()
    r = requests.post(
        f"{live.url}/api/v1/interconnect/packages",
        data=package.xml(),
        headers={**bearer(live.url, "truclienthong"), "Content-Type": "application/xml"},
        timeout=30,
    )
    r.raise_for_status()
    return str(r.json()["id"])


def assign_to_item(live: LiveServer, incoming_id: str, item_id: str, attachment: str) -> str:
    """The Office makes a draft of ``item_id`` from one file of the package; its document id."""
    r = requests.post(
        f"{live.url}/api/v1/interconnect/assignments",
        json={
            "incoming_id": incoming_id,
            "agenda_item_id": item_id,
            "kind": "draft",
            "attachment": attachment,
        },
        headers=bearer(live.url, "secretariat"),
        timeout=30,
    )
    r.raise_for_status()
    return str(r.json()["id"])


class ExchangeEndpoint:
    """The exchange's receiving endpoint on loopback, for the outbound queue's delivery: each
    package (by its X-Package-Name) is answered ``failures`` times with ``failure`` (a status
    code), then accepted with 201; ``received`` holds what was accepted, by name. A thread of
    its own; used as a context manager."""

    def __init__(self, failures: int = 0, failure: int = 503, reason: str = "") -> None:
        self.failures, self.failure, self.reason = failures, failure, reason
        self.received: dict[str, bytes] = {}
        self.tries: dict[str, int] = {}
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                name = self.headers.get("X-Package-Name", "")
                with endpoint._lock:
                    endpoint.tries[name] = endpoint.tries.get(name, 0) + 1
                    failing = endpoint.tries[name] <= endpoint.failures
                    if not failing:
                        endpoint.received[name] = body
                status = endpoint.failure if failing else 201
                answer = (endpoint.reason if failing else "accepted").encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/edxml"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> ExchangeEndpoint:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
