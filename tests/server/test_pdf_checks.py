"""Uploads the PDF check refuses for what they could run, and the bound on checks at once:
active content answered 422 active_content in words; every place taken answered 503 with
Retry-After; ten decompression bombs at once to a real server process, each refused while it
keeps answering its health check throughout.

How fast health answers under the bombs (the design aims at 100 ms) is a benchmark's figure,
`python -m tests.bench bombs`, not a timed assertion: on a shared machine other work alone
moves it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from fastapi.testclient import TestClient

from ecabinet.pdf.active import ENGLISH
from ecabinet.server.core.config import Settings
from ecabinet.server.pdf_checks import PdfChecks
from tests.active_pdfs import ACTIVE, web_link
from tests.bombard import bombard
from tests.factories import PASSWORD, World
from tests.loopback import ServerProcess, server_command
from tests.server.conftest import Api

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


def test_ten_bombs_at_once_are_refused_and_health_keeps_answering(
    server: tuple[ServerProcess, World], tmp_path: Path
) -> None:
    proc, _world = server
    token = requests.post(
        f"{proc.url}/api/v1/auth/login",
        json={"username": "secretariat", "password": PASSWORD, "device_name": "t"},
        timeout=30,
    ).json()["token"]
    bombing = bombard(proc.url, token, tmp_path, idle_seconds=0.5)
    assert bombing.all_refused, bombing.outcomes
    assert any(status == 422 for status, _code in bombing.outcomes)  # checked, not only turned away
    # Health answered throughout, every time a 200: at least ten answers while the bombs
    # were sent and checked (a check of a bomb takes seconds). How fast is measured by
    # `python -m tests.bench bombs` (docs/benchmarks.md), not asserted here.
    assert bombing.healthy
    assert len(bombing.during) >= 10
