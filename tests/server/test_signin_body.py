"""Sign-in names the body: two bodies on one server each have a user "nguyenvana" with his own
password; each signs in to his own body, the other's password and an unknown body are refused
alike, failures are throttled per body and username, and no body means the configured one. The
database itself refuses a username twice in one body. On the real app, SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.errors import ApiError
from ecabinet.server.services import bodies, users
from ecabinet.server.services.actor import CommandLine
from ecabinet.wire.admin import UserCreate

HANOI = "Ủy ban nhân dân thành phố Hà Nội"
PASSWORDS = {"gov": "mat-khau-chinh-phu", "hanoi": "mat-khau-ha-noi"}
LOGIN = "/api/v1/auth/login"


def _new(password: str) -> UserCreate:
    return UserCreate(username="nguyenvana", full_name="Nguyễn Văn A", password=password)


@pytest.fixture
def two_bodies(app: FastAPI, settings: Settings) -> dict[str, str]:
    """The user id of "nguyenvana" in each body, made as the admin API and CLI make users."""
    factory: sessionmaker[Session] = app.state.session_factory
    ids = {}
    with factory() as db:
        gov = bodies.body_by_code(db, settings.body_code)
        assert gov is not None
        hanoi = bodies.create_body(db, "hanoi", HANOI)
        for body in (gov, hanoi):
            new = _new(PASSWORDS[body.code])
            ids[body.code] = users.create_user(db, CommandLine(body.id), new, 2**10).id
            db.commit()  # one body's appends per transaction (append_lock.py)
    return ids


def _login(client: TestClient, password: str, **fields: Any) -> Any:
    return client.post(LOGIN, json={"username": "nguyenvana", "password": password, **fields})


def test_each_signs_in_to_his_own_body(client: TestClient, two_bodies: dict[str, str]) -> None:
    assert two_bodies["gov"] != two_bodies["hanoi"]
    for code in ("gov", "hanoi"):
        r = _login(client, PASSWORDS[code], body=code)
        assert r.status_code == 200, r.text
        assert r.json()["user"]["id"] == two_bodies[code]
        assert r.json()["body"]["code"] == code
    assert _login(client, PASSWORDS["hanoi"], body="hanoi").json()["body"]["name"] == HANOI
    # The code is typed by a person: its case and spaces do not matter.
    r = _login(client, PASSWORDS["hanoi"], body=" HaNoi ")
    assert r.json()["user"]["id"] == two_bodies["hanoi"]


def test_no_body_means_the_configured_one(client: TestClient, two_bodies: dict[str, str]) -> None:
    for fields in ({}, {"body": ""}):
        r = _login(client, PASSWORDS["gov"], **fields)
        assert r.status_code == 200, r.text
        assert r.json()["user"]["id"] == two_bodies["gov"]
        assert r.json()["body"]["code"] == "gov"
    # Hà Nội's password is not the configured body's user's.
    assert _login(client, PASSWORDS["hanoi"]).status_code == 401


def test_the_other_bodys_password_and_an_unknown_body_answer_alike(
    client: TestClient, two_bodies: dict[str, str]
) -> None:
    wrong = _login(client, PASSWORDS["gov"], body="hanoi")
    unknown = _login(client, PASSWORDS["hanoi"], body="danang")
    for r in (wrong, unknown):
        assert r.status_code == 401
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["code"] == "bad_credentials"
    assert wrong.json()["detail"] == unknown.json()["detail"]


def test_failures_are_throttled_per_body(client: TestClient, two_bodies: dict[str, str]) -> None:
    for _ in range(5):
        assert _login(client, "not-the-password", body="hanoi").status_code == 401
    r = _login(client, PASSWORDS["hanoi"], body="hanoi")
    assert r.status_code == 429
    assert r.json()["code"] == "too_many_attempts"
    # The same username in the Government is not locked out by Hà Nội's failures.
    assert _login(client, PASSWORDS["gov"], body="gov").status_code == 200
    assert _login(client, PASSWORDS["gov"]).status_code == 200
    # Guessing at a body that does not exist is throttled too.
    for _ in range(5):
        _login(client, "guess", body="danang")
    assert _login(client, "guess", body="danang").status_code == 429


def test_a_username_twice_in_one_body_is_refused(
    app: FastAPI, settings: Settings, two_bodies: dict[str, str]
) -> None:
    factory: sessionmaker[Session] = app.state.session_factory
    with factory() as db:
        hanoi = bodies.body_by_code(db, "hanoi")
        assert hanoi is not None
        with pytest.raises(ApiError) as refused:
            users.create_user(db, CommandLine(hanoi.id), _new("another-password"), 2**10)
        assert (refused.value.status, refused.value.code) == (409, "conflict")
    with factory() as db:  # the database holds the rule as well, whatever the caller checks
        db.add(m.User(body_id=hanoi.id, username="nguyenvana", full_name="X", password_hash="x"))
        with pytest.raises(IntegrityError):
            db.flush()
    with factory() as db:
        names = db.scalars(select(m.User.body_id).where(m.User.username == "nguyenvana"))
        assert len(set(names)) == 2
