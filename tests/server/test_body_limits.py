"""Request bodies are limited on the bytes received, whatever the framing (chunked included),
for every route; and an upload leaves nothing behind, whichever way it ends."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import requests
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ecabinet.server.app import create_app
from ecabinet.server.blobstore import BlobStore, locked_temp_file, sweep_partial_uploads
from ecabinet.server.core.config import Settings
from tests.factories import PASSWORD, World
from tests.loopback import ServerProcess, server_command
from tests.pdfs import make_pdf
from tests.server.conftest import Api

LIMIT = 64 * 1024  # every body but a blob's, in these tests
BLOB_LIMIT = 256 * 1024
MIB = 1024 * 1024
SOME_SHA = "ab" * 32


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(
        settings.with_changes(request_max_bytes=LIMIT, blob_max_bytes=BLOB_LIMIT)
    )
    yield application
    application.state.engine.dispose()


def chunks(total: int, size: int = 16 * 1024, fill: bytes = b" ") -> Iterator[bytes]:
    """A body with no Content-Length: sent chunked."""
    for _ in range(total // size):
        yield fill * size


def assert_too_large(r: requests.Response | httpx.Response) -> None:
    assert r.status_code == 413
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"] == "too_large"


def partial_files(settings: Settings) -> list[Path]:
    return sorted((settings.blob_dir / "tmp").glob("*.part"))


def test_a_chunked_body_over_the_limit_is_refused_on_every_route(
    api: Api, client: TestClient, world: World
) -> None:
    json_type = {"Content-Type": "application/json"}
    r = client.post("/api/v1/auth/login", content=chunks(2 * LIMIT), headers=json_type)
    assert_too_large(r)
    assert r.headers["x-content-type-options"] == "nosniff"  # the usual headers still sent
    headers = {**api.headers("secretariat"), **json_type}
    for path in ("/api/v1/sync/push", "/api/v1/meetings", "/api/v1/pki/certificates"):
        assert_too_large(client.post(path, content=chunks(2 * LIMIT), headers=headers))
    # A chunked body under the limit is read as usual.
    login = b'{"username": "member02", "password": "%s", "device_name": "x"}' % PASSWORD.encode()
    assert client.post("/api/v1/auth/login", content=iter([login]), headers=json_type).is_success


def test_a_declared_length_over_the_limit_is_refused_unread(client: TestClient) -> None:
    r = client.post(
        "/api/v1/auth/login",
        content=b"{" + b" " * LIMIT + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert_too_large(r)
    assert r.headers["connection"] == "close"


def test_a_blob_has_its_own_larger_limit_and_leaves_no_file(
    api: Api, client: TestClient, settings: Settings
) -> None:
    headers = {
        **api.headers("secretariat"),
        "Content-Type": "application/pdf",
        "X-Content-SHA256": SOME_SHA,
    }
    # Over the JSON limit, under the blob limit: read whole, refused for what it is.
    r = client.post("/api/v1/blobs", content=chunks(2 * LIMIT), headers=headers)
    assert (r.status_code, r.json()["code"]) == (422, "digest_mismatch")
    assert_too_large(client.post("/api/v1/blobs", content=chunks(2 * BLOB_LIMIT), headers=headers))
    assert partial_files(settings) == []


@pytest.mark.parametrize(
    ("body", "claimed", "code"),
    [
        (make_pdf(1), SOME_SHA, "digest_mismatch"),
        (b"not a pdf at all", None, "not_a_pdf"),
        (b"%PDF-1.7\n" + b"0" * (2 * BLOB_LIMIT), None, "too_large"),
    ],
    ids=["digest_mismatch", "not_a_pdf", "too_large"],
)
def test_a_refused_upload_leaves_no_partial_file(
    api: Api, settings: Settings, body: bytes, claimed: str | None, code: str
) -> None:
    r = api.client.post(
        "/api/v1/blobs",
        content=iter([body]),  # chunked, so the size is found while streaming
        headers={
            **api.headers("secretariat"),
            "Content-Type": "application/pdf",
            "X-Content-SHA256": claimed or hashlib.sha256(body).hexdigest(),
        },
    )
    assert r.json()["code"] == code
    assert partial_files(settings) == []


def test_sweep_removes_what_no_one_holds(tmp_path: Path) -> None:
    held, held_path = locked_temp_file(tmp_path)  # an upload in progress in another worker
    left = tmp_path / "left-by-a-crash.part"
    left.write_bytes(b"%PDF-half")
    try:
        assert sweep_partial_uploads(tmp_path) == 1
        assert not left.exists()
        assert held_path.exists()
    finally:
        held.close()
    assert sweep_partial_uploads(tmp_path) == 1  # closed without being removed: now swept


def test_a_file_the_server_stores_itself_leaves_nothing_when_it_fails(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    data = make_pdf(1)
    digest = hashlib.sha256(data).hexdigest()
    # A file where the digest's folder should be: the move into place fails.
    (store.root / digest[:2]).write_bytes(b"in the way")
    with pytest.raises(OSError):
        store.put_bytes(data)
    assert list((store.root / "tmp").iterdir()) == []
    (store.root / digest[:2]).unlink()
    assert store.put_bytes(data) == digest
    assert list((store.root / "tmp").iterdir()) == []


# --- against a real server process ----------------------------------------------------------


@pytest.fixture
def server(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[ServerProcess, World]]:
    monkeypatch.setenv("ECABINET_BLOB_MAX_BYTES", str(10 * MIB))
    with server_command(settings) as started:
        yield started


def memory_mb(pid: int) -> dict[str, int]:
    """Resident memory now (VmRSS) and at its highest so far (VmHWM), in MB."""
    values = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) // 1024
    return values


def token(url: str, username: str = "secretariat") -> str:
    r = requests.post(
        f"{url}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD, "device_name": "t"},
        timeout=30,
    )
    r.raise_for_status()
    return str(r.json()["token"])


@pytest.mark.slow
def test_200_mb_chunked_is_refused_without_the_server_growing(
    server: tuple[ServerProcess, World],
) -> None:
    proc, _world = server
    assert proc.proc is not None
    auth = {"Authorization": f"Bearer {token(proc.url)}"}
    before = memory_mb(proc.proc.pid)["VmRSS"]
    sent = {"bytes": 0}

    def body() -> Iterator[bytes]:
        for chunk in chunks(200 * MIB, MIB):
            sent["bytes"] += len(chunk)
            yield chunk

    r = requests.post(
        f"{proc.url}/api/v1/auth/login",
        data=body(),
        headers={"Content-Type": "application/json"},
        timeout=120,
    )
    assert_too_large(r)
    assert sent["bytes"] < 200 * MIB  # the server stopped reading and closed
    sent["bytes"] = 0
    r = requests.post(
        f"{proc.url}/api/v1/blobs",
        data=body(),
        headers={**auth, "Content-Type": "application/pdf", "X-Content-SHA256": SOME_SHA},
        timeout=120,
    )
    assert_too_large(r)
    assert sent["bytes"] < 200 * MIB
    peak = memory_mb(proc.proc.pid)["VmHWM"]
    assert peak < before + 50, (before, peak)
    assert requests.get(f"{proc.url}/api/v1/health", timeout=10).ok


@pytest.mark.slow
def test_a_server_killed_mid_upload_leaves_no_partial_file(
    server: tuple[ServerProcess, World], settings: Settings
) -> None:
    proc, _world = server
    auth = {"Authorization": f"Bearer {token(proc.url)}"}
    stop = threading.Event()

    def endless() -> Iterator[bytes]:
        while not stop.is_set():
            yield b"%PDF" + b"0" * (64 * 1024 - 4)
            stop.wait(0.01)

    def upload() -> None:
        try:
            requests.post(
                f"{proc.url}/api/v1/blobs",
                data=endless(),
                headers={**auth, "Content-Type": "application/pdf", "X-Content-SHA256": SOME_SHA},
                timeout=60,
            )
        except requests.RequestException:
            pass  # the server is killed under it

    sender = threading.Thread(target=upload)
    sender.start()
    try:
        assert wait_for(lambda: any(p.stat().st_size > 0 for p in partial_files(settings)))
        proc.kill()  # SIGKILL: no clean-up of any kind runs
        assert partial_files(settings)  # the crash left it
    finally:
        stop.set()
        sender.join(30)
    proc.start()  # again, on the same data folder
    assert partial_files(settings) == []


@pytest.mark.slow
def test_a_caller_who_goes_away_mid_upload_leaves_no_partial_file(
    server: tuple[ServerProcess, World], settings: Settings
) -> None:
    proc, _world = server
    auth = {"Authorization": f"Bearer {token(proc.url)}"}
    stop = threading.Event()

    def until_stopped() -> Iterator[bytes]:
        while not stop.is_set():
            yield b"0" * (64 * 1024)
            stop.wait(0.01)
        raise ConnectionAbortedError("the member closed the laptop")

    def upload() -> None:
        try:
            requests.post(
                f"{proc.url}/api/v1/blobs",
                data=until_stopped(),
                headers={**auth, "Content-Type": "application/pdf", "X-Content-SHA256": SOME_SHA},
                timeout=60,
            )
        except (requests.RequestException, ConnectionAbortedError):
            pass

    sender = threading.Thread(target=upload)
    sender.start()
    try:
        assert wait_for(lambda: bool(partial_files(settings)))
    finally:
        stop.set()
        sender.join(30)
    assert wait_for(lambda: not partial_files(settings))
    assert requests.get(f"{proc.url}/api/v1/health", timeout=10).ok


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    """True as soon as ``condition()`` holds; False if it never does within ``seconds``."""
    stop = threading.Event()
    for _ in range(int(seconds * 20)):
        if condition():
            return True
        stop.wait(0.05)
    return False
