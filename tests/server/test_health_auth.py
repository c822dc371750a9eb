"""Health, sign-in, sign-out, throttling and problem+json on the real app."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.factories import PASSWORD, World
from tests.server.conftest import Api


def test_health_answers_ok_with_version(client: TestClient) -> None:
    r = client.get("/api/v1/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["version"]


def test_login_returns_token_user_and_device(client: TestClient, world: World) -> None:
    r = client.post(
        "/api/v1/auth/login",
        json={"username": "member01", "password": PASSWORD, "device_name": "x"},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["user"]["id"] == world.users["member01"]
    assert body["user"]["roles"] == ["member"]
    assert body["device_id"] and body["expires_at"]


def test_wrong_password_and_unknown_user_answer_alike(client: TestClient, world: World) -> None:
    wrong = client.post("/api/v1/auth/login", json={"username": "member01", "password": "no"})
    unknown = client.post("/api/v1/auth/login", json={"username": "nobody", "password": "no"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.headers["content-type"].startswith("application/problem+json")
    assert wrong.json()["code"] == unknown.json()["code"] == "bad_credentials"
    assert wrong.json()["detail"] == unknown.json()["detail"]


def test_repeated_failures_are_throttled_even_with_the_right_password(
    client: TestClient, world: World
) -> None:
    for _ in range(5):
        client.post("/api/v1/auth/login", json={"username": "member02", "password": "bad"})
    r = client.post("/api/v1/auth/login", json={"username": "member02", "password": PASSWORD})
    assert r.status_code == 429
    assert r.json()["code"] == "too_many_attempts"
    assert int(r.headers["retry-after"]) > 0
    # Another username is not affected.
    ok = client.post("/api/v1/auth/login", json={"username": "member03", "password": PASSWORD})
    assert ok.status_code == 200


def test_logout_kills_the_token(api: Api) -> None:
    headers = api.headers("member01")
    assert api.client.get("/api/v1/auth/me", headers=headers).status_code == 200
    assert api.client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    r = api.client.get("/api/v1/auth/me", headers=headers)
    assert r.status_code == 401
    assert r.json()["code"] == "unauthorized"


def test_no_token_is_401_problem(client: TestClient) -> None:
    r = client.get("/api/v1/auth/me")
    assert r.status_code == 401
    assert r.json()["code"] == "unauthorized"


def test_malformed_json_is_a_clear_400(client: TestClient) -> None:
    r = client.post(
        "/api/v1/auth/login", content=b'{"username": ', headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 400
    assert r.json()["code"] == "malformed_json"


def test_security_headers_are_set(client: TestClient) -> None:
    r = client.get("/api/v1/health")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["strict-transport-security"].startswith("max-age=")
    assert r.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    refused = client.get("/api/v1/meetings")  # refusals carry them too
    assert refused.status_code == 401
    assert refused.headers["x-content-type-options"] == "nosniff"


def test_an_unexpected_error_sends_no_stack_trace(app: FastAPI, api: Api) -> None:
    headers = api.headers("secretariat")
    with app.state.engine.begin() as conn:  # the database breaks under the server
        conn.execute(text("ALTER TABLE meetings RENAME TO meetings_gone"))
    try:
        r = TestClient(app, raise_server_exceptions=False).get("/api/v1/meetings", headers=headers)
    finally:
        with app.state.engine.begin() as conn:
            conn.execute(text("ALTER TABLE meetings_gone RENAME TO meetings"))
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"] == "internal_error"
    for leak in ("Traceback", "meetings_gone", "sqlalchemy", 'File "', ".py"):
        assert leak not in r.text, leak
    assert r.headers["x-content-type-options"] == "nosniff"


def test_openapi_is_served(client: TestClient) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    assert "/api/v1/auth/login" in r.json()["paths"]
