"""Each body on the document exchange under its own organ id: a package addressed to a
People's Committee, delivered through its exchange account, lands in its inbox alone; one
delivered through another body's account is refused as not addressed to it; a body with no
organ id receives nothing and issues no result (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import select

from ecabinet.domain.organs import GOVERNMENT_OFFICE
from ecabinet.server import models as m
from ecabinet.server.services import bodies
from tests.edxml_packages import EdxmlPackage
from tests.factories import World, add_user
from tests.server.conftest import Api
from tests.server.test_interconnect import add_exchange, deliver, statuses

HANOI_ORGAN = "000.00.00.H26"  # illustrative, in the shape of QCVN 102:2016
XML = {"Content-Type": "application/xml"}


def _body_with_accounts(api: Api, world: World, code: str, organ_id: str) -> dict[str, str]:
    """A second body with its exchange account and its Office; the exchange's headers."""
    with api.db() as db:
        body = bodies.create_body(db, code, f"Ủy ban nhân dân {code}", organ_id)
        for name, roles in (
            (f"{code}-exchange", ["exchange"]),
            (f"{code}-office", ["secretariat"]),
        ):
            world.users[name] = add_user(db, body.id, name, roles).id
        db.commit()
    return {**api.headers(f"{code}-exchange", code), **XML}


def test_a_package_for_a_province_lands_in_its_inbox_alone(api: Api, world: World) -> None:
    hanoi = _body_with_accounts(api, world, "hanoi", HANOI_ORGAN)
    package = EdxmlPackage(to_organ_id=HANOI_ORGAN)
    r = deliver(api, hanoi, package)
    assert r.status_code == 201, r.text

    [row] = api.client.get(
        "/api/v1/interconnect/inbox", headers=api.headers("hanoi-office", "hanoi")
    ).json()
    assert row["id"] == r.json()["id"]
    government = api.client.get("/api/v1/interconnect/inbox", headers=api.headers("secretariat"))
    assert government.json() == []
    with api.db() as db:
        queued = db.scalars(select(m.InterconnectStatus.xml)).all()
    # The statuses "received" and "accepted" go back from the province's organ.
    assert sorted(statuses(xml)[::2] for xml in queued) == [
        ("01", HANOI_ORGAN),
        ("03", HANOI_ORGAN),
    ]


def test_a_package_for_a_province_through_the_governments_account_is_refused(
    api: Api, world: World
) -> None:
    government = add_exchange(api, world)
    _body_with_accounts(api, world, "hanoi", HANOI_ORGAN)
    r = deliver(api, government, EdxmlPackage(to_organ_id=HANOI_ORGAN))
    assert r.status_code == 422
    assert r.json()["code"] == "wrong_recipient"
    assert GOVERNMENT_OFFICE in r.json()["detail"]
    hanoi_inbox = api.client.get(
        "/api/v1/interconnect/inbox", headers=api.headers("hanoi-office", "hanoi")
    )
    assert hanoi_inbox.json() == []


def test_a_body_off_the_exchange_receives_nothing_and_issues_nothing(
    api: Api, world: World
) -> None:
    exchange = _body_with_accounts(api, world, "hcm", "")
    r = deliver(api, exchange, EdxmlPackage(to_organ_id=HANOI_ORGAN))
    assert r.status_code == 422
    assert r.json()["code"] == "wrong_recipient"
    assert "mã định danh" in r.json()["detail"]

    issued = api.client.post(
        "/api/v1/interconnect/results",
        json={"agenda_item_id": world.item_ids[0], "code_number": "1", "signed_pdf": "a" * 64},
        headers=api.headers("hcm-office", "hcm"),
    )
    assert issued.status_code == 409
    assert issued.json()["code"] == "not_on_exchange"
