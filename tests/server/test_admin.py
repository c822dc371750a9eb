"""Users and devices as the Government Office manages them: policy, 403/404, feed, audit."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.core.security import hash_password
from tests.factories import PASSWORD, World
from tests.server.conftest import Api
from tests.server.test_sync_pull import pull_all

NEW_PASSWORD = "a-much-better-password"


def call(api: Api, username: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    response: httpx.Response = api.client.request(
        method, f"/api/v1{path}", headers=api.headers(username), **kwargs
    )
    return response


def new_user(api: Api, **fields: Any) -> httpx.Response:
    body = {"username": "member27", "full_name": "Thành viên mới", "password": NEW_PASSWORD}
    return call(api, "secretariat", "POST", "/users", json={**body, **fields})


def audit_actions(api: Api) -> list[str]:
    """Every audited act so far, oldest first (sign-ins included)."""
    with api.db() as db:
        return list(db.scalars(select(m.AuditEntry.action).order_by(m.AuditEntry.id)))


def login(api: Api, username: str, password: str) -> int:
    r = api.client.post(
        "/api/v1/auth/login",
        json={"username": username, "password": password, "device_name": "test"},
    )
    status: int = r.status_code
    return status


@pytest.fixture
def foreign_user_id(api: Api) -> str:
    """A user of another body, with a laptop; the body's secretariat is not ours."""
    with api.db() as db:
        body = m.Body(code="province", name="Ủy ban nhân dân tỉnh")
        db.add(body)
        db.flush()
        user = m.User(
            body_id=body.id,
            username="province01",
            full_name="Người tỉnh",
            title="",
            roles=["member"],
            password_hash=hash_password(PASSWORD, 2**10),
        )
        db.add(user)
        db.flush()
        db.add(m.Device(id=f"{user.id[:30]}-dev", user_id=user.id, name="tỉnh"))
        db.commit()
        return user.id


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/users"),
        ("POST", "/users"),
        ("PATCH", "/users/x"),
        ("POST", "/users/x/password"),
        ("GET", "/devices"),
        ("POST", "/devices/x/revoke"),
    ],
)
def test_only_the_secretariat_may_administer(
    api: Api, world: World, method: str, path: str
) -> None:
    r = call(api, "chair", method, path, json={})
    assert (r.status_code, r.json()["code"]) == (403, "forbidden")


@pytest.mark.parametrize(
    "password", ["short-one", "member27", "MEMBER27xx"], ids=["short", "username", "contains"]
)
def test_weak_passwords_are_refused(api: Api, world: World, password: str) -> None:
    r = new_user(api, password=password)
    assert (r.status_code, r.json()["code"]) == (422, "weak_password")


def test_a_new_user_signs_in_is_listed_published_and_audited(api: Api, world: World) -> None:
    made = new_user(api, title="Bộ trưởng", roles=["member", "chair", "member"])
    assert made.status_code == 201
    user = made.json()
    assert user["roles"] == ["member", "chair"]
    assert new_user(api).status_code == 409
    assert login(api, "member27", NEW_PASSWORD) == 200
    listed = {u["username"]: u for u in call(api, "secretariat", "GET", "/users").json()}
    assert listed["member27"] == user
    assert user["id"] in {c["id"] for c in pull_all(api, "member01") if c["type"] == "user"}
    assert "user.create" in audit_actions(api)


def test_bad_user_bodies_are_validation_errors(api: Api, world: World) -> None:
    fields: dict[str, Any]
    for fields in ({"username": "Has Spaces"}, {"roles": ["emperor"]}, {"roles": []}):
        r = new_user(api, **fields)
        assert (r.status_code, r.json()["code"]) == (422, "validation_error"), fields


def test_edit_and_disable_a_user(api: Api, world: World) -> None:
    member = world.users["member03"]
    headers = api.headers("member03")
    r = call(api, "secretariat", "PATCH", f"/users/{member}", json={"title": "Phó Thủ tướng"})
    assert (r.status_code, r.json()["title"]) == (200, "Phó Thủ tướng")
    seen = [c for c in pull_all(api, "member01") if c["id"] == member]
    assert seen[-1]["data"]["title"] == "Phó Thủ tướng"
    r = call(api, "secretariat", "PATCH", f"/users/{member}", json={"active": False})
    assert r.json()["active"] is False
    assert api.client.get("/api/v1/sync/changes", headers=headers).status_code == 401
    assert login(api, "member03", PASSWORD) != 200
    assert audit_actions(api).count("user.update") == 2


def test_the_secretariat_cannot_lock_itself_out(api: Api, world: World) -> None:
    own = world.users["secretariat"]
    for change in ({"active": False}, {"roles": ["member"]}):
        r = call(api, "secretariat", "PATCH", f"/users/{own}", json=change)
        assert (r.status_code, r.json()["code"]) == (409, "conflict")
    assert login(api, "secretariat", PASSWORD) == 200


def test_password_reset_ends_sessions_and_follows_the_policy(api: Api, world: World) -> None:
    member = world.users["member02"]
    headers = api.headers("member02")
    path = f"/users/{member}/password"
    weak = call(api, "secretariat", "POST", path, json={"password": "member02-x"})
    assert (weak.status_code, weak.json()["code"]) == (422, "weak_password")
    assert call(api, "secretariat", "POST", path, json={"password": NEW_PASSWORD}).is_success
    assert api.client.get("/api/v1/sync/changes", headers=headers).status_code == 401
    assert login(api, "member02", PASSWORD) == 401
    assert login(api, "member02", NEW_PASSWORD) == 200
    assert "user.reset_password" in audit_actions(api)


def test_users_of_another_body_are_404(api: Api, world: World, foreign_user_id: str) -> None:
    assert foreign_user_id not in {
        u["id"] for u in call(api, "secretariat", "GET", "/users").json()
    }
    for method, path, body in (
        ("PATCH", f"/users/{foreign_user_id}", {"title": "x"}),
        ("POST", f"/users/{foreign_user_id}/password", {"password": NEW_PASSWORD}),
        ("POST", f"/devices/{foreign_user_id[:30]}-dev/revoke", {}),
    ):
        r = call(api, "secretariat", method, path, json=body)
        assert (r.status_code, r.json()["code"]) == (404, "not_found")
    assert (
        call(api, "secretariat", "GET", "/devices", params={"user_id": foreign_user_id}).json()
        == []
    )


def test_revoking_a_device_revokes_its_certificates_and_its_sessions(
    api: Api, world: World
) -> None:
    member = world.users["member01"]
    headers = api.headers("member01")
    (device,) = call(api, "secretariat", "GET", "/devices", params={"user_id": member}).json()
    assert device["revoked_at"] is None
    with api.db() as db:
        db.add(
            m.Certificate(
                serial="01ab",
                user_id=member,
                device_id=device["id"],
                pem="-----BEGIN CERTIFICATE-----",
                fingerprint="0" * 64,
                not_after=m.now(),
            )
        )
        db.commit()
    revoked = call(api, "secretariat", "POST", f"/devices/{device['id']}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"]
    r = api.client.get("/api/v1/meetings", headers=headers)
    assert (r.status_code, r.json()["code"]) == (401, "device_revoked")
    with api.db() as db:
        certificate = db.get(m.Certificate, "01ab")
        assert certificate is not None
        assert certificate.revoked_at is not None
    assert "device.revoke" in audit_actions(api)
    unknown = call(api, "secretariat", "POST", "/devices/nope/revoke")
    assert unknown.status_code == 404
