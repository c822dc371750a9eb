"""Uploads the PDF check refuses for what they could run, and the bound on checks at once:
active content answered 422 active_content in words; every place taken answered 503 with
Retry-After; ten decompression bombs at once to a real server process, which keeps answering
its health check throughout, never waiting for a check (a check of a bomb takes seconds).

The design aims at 100 ms for the health check under the bombs. That figure is measured and
shown with the assertion below, but not asserted: on a shared two-core machine other work
alone moves it past 100 ms, and a timed bound in a test would fail for the machine, not the
server. What is asserted is the structural bound: no answer waits anywhere near as long as
one check."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from fastapi.testclient import TestClient

from ecabinet.pdf.active import ENGLISH
from ecabinet.server.core.config import Settings
from ecabinet.server.pdf_checks import PdfChecks
from tests.active_pdfs import ACTIVE, web_link
from tests.factories import PASSWORD, World
from tests.hostile_pdfs import decompression_bomb
from tests.loopback import ServerProcess, server_command
from tests.server.conftest import Api

# Far below one check of a bomb (seconds), far above a loaded machine's scheduling noise.
NEVER_WAITS_ON_A_CHECK_SECONDS = 1.0
BOMBS = 10
WORKERS = 2


def upload_headers(api: Api, data: bytes) -> dict[str, str]:
    return {
        **api.headers("secretariat"),
        "Content-Type": "application/pdf",
        "X-Content-SHA256": hashlib.sha256(data).hexdigest(),
    }


def test_a_file_that_could_run_something_is_refused_naming_what(
    api: Api, client: TestClient
) -> None:
    for name, (make, kind) in ACTIVE.items():
        data = make()
        r = client.post("/api/v1/blobs", content=data, headers=upload_headers(api, data))
        assert (r.status_code, r.json()["code"]) == (422, "active_content"), name
        assert r.headers["content-type"] == "application/problem+json"
        assert ENGLISH[kind] in r.json()["detail"], name
    link = web_link()
    r = client.post("/api/v1/blobs", content=link, headers=upload_headers(api, link))
    assert (r.status_code, r.json()["pages"]) == (201, 1)


def test_an_upload_that_finds_every_check_busy_is_told_to_come_back(
    api: Api, client: TestClient
) -> None:
    checks: PdfChecks = api.app.state.pdf_checks
    checks.wait_seconds = 0.2
    taken = 0
    while checks._places.acquire(blocking=False):  # every place held by other uploads
        taken += 1
    assert taken == checks.workers
    data = web_link()
    try:
        r = client.post("/api/v1/blobs", content=data, headers=upload_headers(api, data))
    finally:
        for _ in range(taken):
            checks._places.release()
    assert (r.status_code, r.json()["code"]) == (503, "server_busy")
    assert r.headers["content-type"] == "application/problem+json"
    assert int(r.headers["retry-after"]) >= 1
    # A place free again: the same file is taken.
    r = client.post("/api/v1/blobs", content=data, headers=upload_headers(api, data))
    assert r.status_code == 201


def test_the_pool_is_sized_to_the_machine_and_set_in_settings(settings: Settings) -> None:
    assert PdfChecks.for_settings(settings).workers == settings.pdf_check_workers >= 1
    assert PdfChecks.for_settings(settings.with_changes(pdf_check_workers=3)).workers == 3


@pytest.fixture
def server(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[ServerProcess, World]]:
    monkeypatch.setenv("ECABINET_PDF_CHECK_WORKERS", str(WORKERS))
    with server_command(settings) as started:
        yield started


def test_ten_bombs_at_once_are_refused_and_health_never_waits_for_them(
    server: tuple[ServerProcess, World], tmp_path: Path
) -> None:
    proc, _world = server
    token = requests.post(
        f"{proc.url}/api/v1/auth/login",
        json={"username": "secretariat", "password": PASSWORD, "device_name": "t"},
        timeout=30,
    ).json()["token"]
    bombs = [decompression_bomb(200 + i) for i in range(BOMBS)]  # ten different files

    def poll_health(stop: Path, for_seconds: float | None = None) -> subprocess.Popen[bytes]:
        poller = subprocess.Popen(
            [sys.executable, "-m", "tests.health_poller", proc.url, str(stop)],
            stdout=subprocess.PIPE,
        )
        if for_seconds is not None:
            time.sleep(for_seconds)
            stop.touch()
        return poller

    def latencies(poller: subprocess.Popen[bytes]) -> list[float]:
        out, _ = poller.communicate(timeout=60)
        assert poller.returncode == 0  # every answer a 200
        answers: list[float] = json.loads(out)
        return answers

    # The same polling with nothing else to do first, for the record: what this machine's
    # load alone costs.
    idle = latencies(poll_health(tmp_path / "idle-over", 2.0))

    def send(data: bytes) -> requests.Response:
        return requests.post(
            f"{proc.url}/api/v1/blobs",
            data=data,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/pdf",
                "X-Content-SHA256": hashlib.sha256(data).hexdigest(),
            },
            timeout=120,
        )

    poller = poll_health(tmp_path / "bombs-over")
    time.sleep(0.5)  # polling before the first bomb arrives
    with ThreadPoolExecutor(max_workers=BOMBS) as pool:
        answers = list(pool.map(send, bombs))
    (tmp_path / "bombs-over").touch()
    during = latencies(poller)
    outcomes = sorted((r.status_code, r.json()["code"]) for r in answers)
    assert all(o in {(422, "not_a_pdf"), (503, "server_busy")} for o in outcomes), outcomes
    assert any(status == 422 for status, _code in outcomes)  # checked, not only turned away
    assert len(during) >= 10
    worst = max(during)
    figures = (
        f"health idle: {len(idle)} answers, worst {max(idle) * 1000:.1f} ms; under the bombs: "
        f"{len(during)} answers, worst {worst * 1000:.1f} ms, median "
        f"{sorted(during)[len(during) // 2] * 1000:.1f} ms; bombs {outcomes}"
    )
    assert worst < NEVER_WAITS_ON_A_CHECK_SECONDS, figures
