"""The server killed mid-download and mid-push, and a hostile server: nothing lost or doubled."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem, Offline, ServerApi
from ecabinet.client.engine import SyncService
from ecabinet.client.paths import Profile
from ecabinet.client.store import SETTLED, LocalStore, OutboxEntry, ServerDataError
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.blobstore import BlobStore
from ecabinet.server.db import make_engine, make_session_factory
from tests.bench.bodies import padded_pdf
from tests.factories import World
from tests.loopback import ServerProcess, signed_in


def add_big_document(proc: ServerProcess, world: World, size: int) -> str:
    data = padded_pdf(size, seed=7)
    sha = BlobStore(proc.settings.blob_dir).put_bytes(data)
    engine = make_engine(proc.settings.database_url)
    with make_session_factory(engine)() as db:
        db.add(m.Blob(sha256=sha, size=len(data), pages=1))
        doc = m.Document(
            body_id=db.get(m.Meeting, world.meeting_id).body_id,
            agenda_item_id=world.item_ids[0],
            kind="appendix",
            title="Phụ lục",
        )
        db.add(doc)
        db.flush()
        version = m.DocumentVersion(
            document_id=doc.id,
            number=1,
            sha256=sha,
            size=len(data),
            pages=1,
            filename="phu-luc.pdf",
        )
        db.add(version)
        db.flush()
        doc.current_version_id = version.id
        feed.publish_document(db, doc)
        db.commit()
    engine.dispose()
    return sha


def test_server_killed_mid_download_then_the_download_resumes(
    server_process: tuple[ServerProcess, World], tmp_path: Path
) -> None:
    proc, world = server_process
    sha = add_big_document(proc, world, 12 * 1024 * 1024)
    account = signed_in(proc.url, tmp_path / "p")
    killed = threading.Event()

    def kill_after_first_megabytes(done: int, _total: int) -> None:
        if done > 3 * 1024 * 1024 and not killed.is_set():
            killed.set()
            proc.kill()

    first = account.sync_service().sync(progress=kill_after_first_megabytes)
    assert killed.is_set()
    assert first.failed_downloads >= 1 or not first.online
    assert not account.store.vault.has(sha)  # never a half-written file under its name
    part = account.profile.part_path(sha)
    kept = account.store.vault.received(sha)
    proc.start()
    second = account.sync_service().sync()
    assert second.online
    whole = account.store.vault.read(sha)
    assert hashlib.sha256(whole).hexdigest() == sha
    # It resumed: the second sync fetched less than the whole file again.
    assert second.bytes_downloaded <= len(whole) - kept + 3 * 1024 * 1024
    assert not part.exists()


def test_server_killed_mid_push_then_nothing_is_lost_or_doubled(
    server_process: tuple[ServerProcess, World], tmp_path: Path
) -> None:
    proc, world = server_process
    account = signed_in(proc.url, tmp_path / "p")
    account.sync_service().sync()
    for n in range(300):
        account.store.record_action(
            "annotation.put",
            {
                "id": str(uuid.uuid4()),
                "document_version_id": world.version_ids[0],
                "page": 0,
                "kind": "note",
                "text": f"ghi chú {n}",
            },
        )

    def push_until_cut_off() -> None:
        with contextlib.suppress(Offline):
            account.sync_service().push()

    pusher = threading.Thread(target=push_until_cut_off)
    pusher.start()
    proc.kill()  # while the batch is in flight (or before it): either way it must converge
    pusher.join(30)
    proc.start()
    for _ in range(3):
        with account.store.sessions() as db, db.begin():
            for entry in db.scalars(select(OutboxEntry)):
                entry.next_attempt_at = ""  # skip the back-off wait in the test
        account.sync_service().sync()
    assert account.store.count_outbox("pending") == 0
    assert account.store.count_outbox(*SETTLED) == 300
    engine = make_engine(proc.settings.database_url)
    with make_session_factory(engine)() as db:
        assert db.scalar(select(func.count()).select_from(m.Annotation)) == 300
        assert db.scalar(select(func.count()).select_from(m.AppliedMutation)) == 300
    engine.dispose()


class HostileHandler(BaseHTTPRequestHandler):
    answers: dict[str, tuple[int, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        status, body = self.answers.get(self.path.split("?")[0], (404, b"{}"))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def hostile() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(10)


def change(seq: int, type_: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "seq": seq,
        "type": type_,
        "id": data.get("id", str(uuid.uuid4())),
        "deleted": False,
        "data": data,
    }


GOOD_MEETING = {
    "id": str(uuid.uuid4()),
    "kind": "regular",
    "title": "Phiên họp",
    "starts_at": "2026-12-01T01:30:00Z",
    "status": "published",
}


def _version(**changes: object) -> dict[str, Any]:
    """A document version as the feed sends it, with the fields given changed."""
    return {
        "id": str(uuid.uuid4()),
        "document_id": str(uuid.uuid4()),
        "number": 1,
        "sha256": "a" * 64,
        "size": 10,
        "pages": 1,
        "filename": "a.pdf",
        "created_at": "2026-12-01T00:00:00Z",
        **changes,
    }


@pytest.mark.parametrize(
    "bad",
    [
        change(2, "meeting", {**GOOD_MEETING, "id": str(uuid.uuid4()), "title": {"x": 1}}),
        change(2, "agenda_item", {"id": str(uuid.uuid4())}),
        change(2, "document_version", _version(filename="../../etc/passwd")),
        change(2, "document_version", _version(sha256="../x")),
        change(2, "meeting", {**GOOD_MEETING, "id": str(uuid.uuid4()), "title": "Đ" * 100_000}),
        *(
            change(2, "document_version", _version(filename=name))
            for name in ("/etc/cron.d/x.pdf", "C:\\Windows\\x.pdf", "C:x.pdf")
        ),
    ],
    ids=[
        "wrong-type",
        "missing-fields",
        "path-filename",
        "bad-digest",
        "oversized-field",
        "absolute-path",
        "windows-path",
        "drive-relative-path",
    ],
)
def test_a_hostile_feed_is_refused_and_local_data_kept(
    hostile: str, tmp_path: Path, bad: dict[str, Any]
) -> None:
    profile = Profile.open(tmp_path / "p")
    store = LocalStore(profile, os.urandom(32))
    store.set_state(cursor="v1.1")
    HostileHandler.answers = {
        "/api/v1/sync/changes": (
            200,
            json.dumps(
                {
                    "changes": [change(1, "meeting", GOOD_MEETING), bad],
                    "cursor": "v1.2",
                    "more": False,
                }
            ).encode(),
        )
    }
    service = SyncService(ServerApi(hostile, token="t" * 20), store, profile)
    with pytest.raises(ServerDataError):
        service.sync()
    assert store.count("meeting") == 0  # the good half of the page was not applied either
    assert store.get_state("cursor") == "v1.1"
    assert not any(profile.root.parent.glob("etc"))


def test_a_file_whose_bytes_do_not_match_is_not_kept(hostile: str, tmp_path: Path) -> None:
    profile = Profile.open(tmp_path / "p")
    store = LocalStore(profile, os.urandom(32))
    sha = "b" * 64
    version = _version(sha256=sha, size=5)
    HostileHandler.answers = {
        "/api/v1/sync/changes": (
            200,
            json.dumps(
                {
                    "changes": [change(1, "document_version", version)],
                    "cursor": "v1.1",
                    "more": False,
                }
            ).encode(),
        ),
        f"/api/v1/blobs/{sha}": (200, b"%PDF-"),
    }
    result = SyncService(ServerApi(hostile, token="t" * 20), store, profile).sync()
    assert result.failed_downloads == 1
    assert not store.vault.has(sha)
    assert list(profile.tmp_dir.iterdir()) == []


def test_wrong_types_in_an_answer_are_a_clear_error(hostile: str, tmp_path: Path) -> None:
    HostileHandler.answers = {"/api/v1/sync/changes": (200, b'{"changes": "all of them"}')}
    account = Account.open(Profile.open(tmp_path / "p"), server_url=hostile)
    account.api.token = "t" * 20
    with pytest.raises(ServerDataError, match="could not be understood"):
        account.sync_service().sync()


def test_an_endless_answer_is_cut_off_and_a_problem_keeps_its_code(
    hostile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ecabinet.client.api.MAX_JSON_BYTES", 10_000)
    endless = json.dumps({"changes": [], "cursor": "x" * 20_000, "more": False}).encode()
    HostileHandler.answers = {
        "/api/v1/sync/changes": (200, endless),
        "/api/v1/ballots/b/summary": (
            403,
            b'{"type": "about:blank", "status": 403, "code": "not_allowed", "detail": "No."}',
        ),
    }
    api = ServerApi(hostile, token="t" * 20)
    with pytest.raises(ServerDataError, match="too large"):
        api.changes(None)
    with pytest.raises(ApiProblem) as refused:
        api.ballot_summary("b")
    assert (refused.value.status, refused.value.code, refused.value.detail) == (
        403,
        "not_allowed",
        "No.",
    )


def test_a_full_answer_to_a_resume_restarts_the_file(hostile: str, tmp_path: Path) -> None:
    """A server that ignores Range answers 200 with the whole file: never append it."""
    profile = Profile.open(tmp_path / "p")
    store = LocalStore(profile, os.urandom(32))
    data = padded_pdf(300_000, seed=3)
    sha = hashlib.sha256(data).hexdigest()
    # Two whole chunks of an earlier attempt (wrong bytes) wait to be taken up with Range.
    earlier = store.vault.receiving(sha, len(data))
    earlier.write(b"stale" * 30_000)
    earlier.close()
    assert earlier.offset > 0
    version = _version(sha256=sha, size=len(data))
    HostileHandler.answers = {
        "/api/v1/sync/changes": (
            200,
            json.dumps(
                {
                    "changes": [change(1, "document_version", version)],
                    "cursor": "v1.1",
                    "more": False,
                }
            ).encode(),
        ),
        f"/api/v1/blobs/{sha}": (200, data),
    }
    result = SyncService(ServerApi(hostile, token="t" * 20), store, profile).sync()
    assert result.failed_downloads == 0
    assert store.vault.read(sha) == data


def test_cancel_keeps_the_part_for_later(
    server_process: tuple[ServerProcess, World], tmp_path: Path
) -> None:
    proc, world = server_process
    sha = add_big_document(proc, world, 6 * 1024 * 1024)
    account = signed_in(proc.url, tmp_path / "p")
    cancel = threading.Event()
    account.sync_service().sync(
        progress=lambda done, _total: cancel.set() if done > 512 * 1024 else None, cancel=cancel
    )
    assert not account.store.vault.has(sha)
    assert account.store.vault.received(sha) > 0  # whole chunks kept, sealed
    account.sync_service().sync()
    assert hashlib.sha256(account.store.vault.read(sha)).hexdigest() == sha
