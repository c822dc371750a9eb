"""Hostile PDFs sent to a running server, all at once: each is refused in words, within the
check's time limit, and the server answers everyone else meanwhile."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from ecabinet.server.core.config import Settings
from tests.factories import PASSWORD
from tests.hostile_pdfs import HOSTILE
from tests.loopback import serving
from tests.pdfs import make_pdf

CHECK_SECONDS = 5.0
BLOB_LIMIT = 2 * 1024 * 1024


@pytest.fixture
def server(settings: Settings) -> Iterator[str]:
    # Every upload waits its turn for a check here (the pool's bound is tested in
    # test_pdf_checks.py): each must be refused for what it is.
    limited = settings.with_changes(
        pdf_check_seconds=CHECK_SECONDS, blob_max_bytes=BLOB_LIMIT, pdf_check_wait_seconds=120.0
    )
    with serving(limited) as (url, _world):
        yield url


def _headers(url: str) -> dict[str, str]:
    token = requests.post(
        f"{url}/api/v1/auth/login",
        json={"username": "secretariat", "password": PASSWORD, "device_name": "t"},
        timeout=10,
    ).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def _upload(url: str, headers: dict[str, str], data: bytes) -> requests.Response:
    # A hung check would show here as a timeout: the answer must come within the limit (the
    # files take turns in the pool, a few at a time).
    return requests.post(
        f"{url}/api/v1/blobs",
        data=data,
        headers={
            **headers,
            "Content-Type": "application/pdf",
            "X-Content-SHA256": hashlib.sha256(data).hexdigest(),
        },
        timeout=CHECK_SECONDS * len(HOSTILE) + 30,
    )


def test_every_hostile_pdf_is_refused_while_the_server_serves_others(server: str) -> None:
    headers = _headers(server)
    files = {name: make() for name, make in HOSTILE.items()}
    files["over-the-size-limit"] = make_pdf(1) + b"%" + b"x" * BLOB_LIMIT
    uploads_done = threading.Event()
    others: list[tuple[int, bool]] = []  # (status, whether uploads were still under way)

    def meanwhile() -> None:
        while not uploads_done.is_set():
            for path in ("/api/v1/health", "/api/v1/meetings"):
                answer = requests.get(f"{server}{path}", headers=headers, timeout=10)
                others.append((answer.status_code, not uploads_done.is_set()))

    with ThreadPoolExecutor(max_workers=len(files) + 1) as pool:
        watcher = pool.submit(meanwhile)
        answers = dict(
            zip(files, pool.map(lambda d: _upload(server, headers, d), files.values()), strict=True)
        )
        uploads_done.set()
        watcher.result()
    refused = {name: (r.status_code, r.json().get("code")) for name, r in answers.items()}
    expected = dict.fromkeys(HOSTILE, (422, "not_a_pdf"))
    expected["over-the-size-limit"] = (413, "too_large")
    assert refused == expected
    for answer in answers.values():
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["detail"]  # in words, for the person who uploaded it
    assert others and all(status == 200 for status, _during in others)
    assert any(during for _status, during in others)  # answered while the uploads were checked
    # And a real draft is still taken afterwards.
    assert _upload(server, headers, make_pdf(2)).status_code == 201
