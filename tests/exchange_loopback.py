"""The national document exchange against a real server on loopback: its system account made
behind the API, a package delivered over HTTP and the Government Office assigning it.

Runs on the test's thread.
"""

from __future__ import annotations

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
