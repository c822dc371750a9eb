"""GET /api/v1/bodies: the sign-in dialog's list, on the real app (SQLite and PostgreSQL): every
body by code and name, sorted by code, without signing in, and nothing more."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from tests.factories import World
from tests.server.conftest import Api

HANOI = "Ủy ban nhân dân thành phố Hà Nội"
HCM = "Ủy ban nhân dân Thành phố Hồ Chí Minh"


@pytest.fixture
def three_bodies(api: Api) -> None:
    """Made out of code order, so that the answer's order is the server's doing."""
    with api.db() as db:
        db.add_all(
            [
                m.Body(code="hcm", name=HCM, organ_id="000.00.00.H29"),
                m.Body(code="hanoi", name=HANOI),
            ]
        )
        db.commit()


def test_the_bodies_are_listed_by_code_to_anyone(
    client: TestClient, world: World, settings: Settings, three_bodies: None
) -> None:
    r = client.get("/api/v1/bodies")  # no token: asked before signing in
    assert r.status_code == 200, r.text
    assert r.json() == [
        {"code": settings.body_code, "name": settings.body_name},
        {"code": "hanoi", "name": HANOI},
        {"code": "hcm", "name": HCM},
    ]


def test_the_list_says_nothing_but_codes_and_names(
    client: TestClient, world: World, three_bodies: None
) -> None:
    # Not the organ id on the exchange, not a row id, not how many members: only what a
    # sign-in names anyway.
    assert all(set(row) == {"code", "name"} for row in client.get("/api/v1/bodies").json())
    assert "H29" not in client.get("/api/v1/bodies").text
