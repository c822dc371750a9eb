"""Delivering the outbound queue through the exchange: to a loopback HTTP endpoint (accepted,
refused with a 4xx, failing with a 5xx and tried again after a wait that grows, unreachable,
given up after the last try) and to a folder (whole files only); the Office sees each
package's state over the API and the command line, and puts a failed one back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.interconnect.delivery import (
    MAX_ATTEMPTS,
    DeliveryLoop,
    FolderAdapter,
    HttpAdapter,
    deliver_due,
)
from tests.edxml_packages import EdxmlPackage
from tests.exchange_loopback import ExchangeEndpoint
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_interconnect import add_exchange, deliver
from tests.server.test_interconnect_cli import run

OUTBOX = "/api/v1/interconnect/outbox"


def queued(api: Api, world: World) -> list[m.InterconnectStatus]:
    """A ministry's package received: its statuses 01 and 03 are queued, waiting."""
    assert deliver(api, add_exchange(api, world), EdxmlPackage()).status_code == 201
    with api.db() as db:
        rows = list(db.scalars(select(m.InterconnectStatus).order_by(m.InterconnectStatus.id)))
        db.expunge_all()
    assert [(r.status_code, r.state) for r in rows] == [("01", "waiting"), ("03", "waiting")]
    return rows


def outbox(api: Api) -> list[dict[str, object]]:
    r = api.client.get(OUTBOX, headers=api.headers("secretariat"))
    assert r.status_code == 200, r.text
    return list(reversed(r.json()))


def test_a_failing_endpoint_is_tried_again_after_a_wait_until_it_accepts(
    api: Api, world: World
) -> None:
    rows = queued(api, world)
    t0 = m.now()
    with ExchangeEndpoint(failures=2, failure=503, reason="busy") as endpoint:
        adapter = HttpAdapter(endpoint.url)
        with api.db() as db:
            first = deliver_due(db, adapter, t0)
        assert (first.sent, first.retrying, first.failed) == (0, 2, 0)
        seen = outbox(api)
        assert [(p["state"], p["attempts"]) for p in seen] == [("waiting", 1), ("waiting", 1)]
        assert seen[0]["last_error"] == "HTTP 503: busy"
        with api.db() as db:
            # Not due before its wait (30 s after the first failure) is over.
            assert deliver_due(db, adapter, t0 + timedelta(seconds=20)).retrying == 0
            second = deliver_due(db, adapter, t0 + timedelta(seconds=31))
            assert second.retrying == 2
            row = db.get(m.InterconnectStatus, rows[0].id)
            assert row is not None and row.next_try_at is not None
            # The second wait is twice the first.
            assert row.next_try_at - (t0 + timedelta(seconds=31)) == timedelta(seconds=60)
            assert deliver_due(db, adapter, t0 + timedelta(seconds=61)).retrying == 0
            third = deliver_due(db, adapter, t0 + timedelta(seconds=92))
        assert (third.sent, third.retrying, third.failed) == (2, 0, 0)
        assert sorted(endpoint.received) == [
            f"ecabinet-{rows[0].id:08d}-status-01.edxml",
            f"ecabinet-{rows[1].id:08d}-status-03.edxml",
        ]
        sent = endpoint.received[f"ecabinet-{rows[0].id:08d}-status-01.edxml"]
        assert sent == rows[0].xml.encode("utf-8")
    seen = outbox(api)
    assert [(p["state"], p["attempts"]) for p in seen] == [("sent", 3), ("sent", 3)]
    assert all(p["sent_at"] and p["next_try_at"] is None for p in seen)
    # Sent is sent: another pass sends nothing again.
    with api.db() as db:
        assert deliver_due(db, adapter, t0 + timedelta(days=1)).sent == 0


def test_a_refusal_by_the_exchange_fails_the_package_with_its_reason(
    api: Api, world: World
) -> None:
    queued(api, world)
    with ExchangeEndpoint(failures=1, failure=422, reason="Sai mã định danh") as endpoint:
        with api.db() as db:
            done = deliver_due(db, HttpAdapter(endpoint.url))
        assert (done.sent, done.failed) == (0, 2)
        seen = outbox(api)
        assert [p["state"] for p in seen] == ["failed", "failed"]
        assert seen[0]["last_error"] == "HTTP 422: Sai mã định danh"
        with api.db() as db:  # a refusal is not tried again by itself
            assert deliver_due(db, HttpAdapter(endpoint.url), m.now() + timedelta(days=1)).sent == 0

        # The Office puts one back; the next pass sends it (the endpoint now accepts).
        package_id = seen[0]["id"]
        r = api.client.post(f"{OUTBOX}/{package_id}/retry", headers=api.headers("secretariat"))
        assert r.status_code == 200 and r.json()["state"] == "waiting", r.text
        with api.db() as db:
            assert deliver_due(db, HttpAdapter(endpoint.url)).sent == 1
    assert [p["state"] for p in outbox(api)] == ["sent", "failed"]
    member = api.client.get(OUTBOX, headers=api.headers("member01"))
    assert member.status_code == 403


def test_an_unreachable_exchange_is_given_up_after_the_last_try(api: Api, world: World) -> None:
    queued(api, world)
    with ExchangeEndpoint() as endpoint:
        closed = endpoint.url  # nothing listens there once the endpoint is shut
    adapter = HttpAdapter(closed, timeout=5)
    at = m.now()
    with api.db() as db:
        for _ in range(MAX_ATTEMPTS):
            done = deliver_due(db, adapter, at)
            assert done.sent == 0
            at += timedelta(days=1)  # past any wait
        assert done.failed == 2
    seen = outbox(api)
    assert [(p["state"], p["attempts"]) for p in seen] == [("failed", MAX_ATTEMPTS)] * 2
    assert "ConnectionError" in str(seen[0]["last_error"])


def test_the_folder_adapter_writes_whole_files_named_by_package(
    api: Api, world: World, tmp_path: Path
) -> None:
    rows = queued(api, world)
    out = tmp_path / "out"
    with api.db() as db:
        assert deliver_due(db, FolderAdapter(out)).sent == 2
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        f"ecabinet-{rows[0].id:08d}-status-01.edxml",
        f"ecabinet-{rows[1].id:08d}-status-03.edxml",
    ]  # and no temporary file left beside them
    assert (out / names[1]).read_text(encoding="utf-8") == rows[1].xml


def test_a_folder_that_cannot_be_written_is_tried_again(
    api: Api, world: World, tmp_path: Path
) -> None:
    queued(api, world)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with api.db() as db:
        done = deliver_due(db, FolderAdapter(blocked / "out"))
    assert (done.sent, done.retrying) == (0, 2)
    assert "cannot be written" in str(outbox(api)[0]["last_error"])


def test_the_command_line_delivers_once_and_shows_the_state(
    api: Api,
    world: World,
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    queued(api, world)
    code, out = run(capsys, settings, "interconnect", "deliver", "--to", str(tmp_path / "out"))
    assert code == 0, out
    assert f"2 sent to {tmp_path / 'out'}" in out
    code, out = run(capsys, settings, "interconnect", "outbox")
    assert code == 0 and out.count("        sent 20") == 2, out
    code, out = run(capsys, settings, "interconnect", "deliver")
    assert code == 1 and "ECABINET_EXCHANGE_OUT" in out, out


def test_the_server_s_delivery_loop_sends_what_is_queued(
    api: Api, world: World, tmp_path: Path
) -> None:
    queued(api, world)
    out = tmp_path / "loop-out"
    loop = DeliveryLoop(api.app.state.session_factory, FolderAdapter(out), interval=0.05)
    loop.start()
    try:
        for _ in range(600):  # up to a minute on a busy machine; usually at once
            if out.is_dir() and len(list(out.glob("*.edxml"))) == 2:
                break
            loop._stop.wait(0.1)
    finally:
        loop.stop()
    assert len(list(out.glob("*.edxml"))) == 2
    assert [p["state"] for p in outbox(api)] == ["sent", "sent"]
