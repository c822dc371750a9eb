"""The client core against a real server on loopback: first sync, idle sync, push, wipe."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select, update

from ecabinet.client.account import Account, NotSignedIn
from ecabinet.client.api import ServerApi
from ecabinet.client.engine import SyncService
from ecabinet.client.search import SearchIndex
from ecabinet.client.store import OutboxEntry
from ecabinet.server import models as m
from ecabinet.server.cli import main as server_cli
from ecabinet.server.db import make_engine, make_session_factory
from tests.loopback import LiveServer, signed_in


class CountingSession(requests.Session):
    """A real requests session that counts what it sends."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def request(
        self,
        method: str | bytes,
        url: str | bytes,
        *args: Any,
        **kwargs: Any,
    ) -> requests.Response:
        self.sent.append(f"{method!s} {url!s}")
        return super().request(method, url, *args, **kwargs)


def server_rows(live: LiveServer, model: Any) -> int:
    engine = make_engine(live.settings.database_url)
    with make_session_factory(engine)() as db:
        count = int(db.scalar(select(func.count()).select_from(model)) or 0)
    engine.dispose()
    return count


def test_first_sync_pulls_the_tree_and_downloads_visible_files(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    result = account.sync_service().sync()
    assert result.online
    assert result.changes_pulled > 0
    assert [mt.id for mt in account.store.meetings()] == [live_server.world.meeting_id]
    items = account.store.agenda_items(live_server.world.meeting_id)
    assert [i.position for i in items] == sorted(i.position for i in items)
    assert len(items) == 2
    assert all(account.store.documents(i.id) for i in items)
    for sha in [*live_server.world.blob_shas, live_server.world.ballot_sha]:
        assert hashlib.sha256(account.store.vault.read(sha)).hexdigest() == sha
    assert not account.store.vault.has(live_server.world.draft_meeting_sha)
    assert result.bytes_downloaded == sum(
        len(account.store.vault.read(s))
        for s in {*live_server.world.blob_shas, live_server.world.ballot_sha}
    )
    assert list(account.profile.tmp_dir.iterdir()) == []


def test_sync_with_nothing_changed_is_exactly_one_request(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    counting = CountingSession()
    api = ServerApi(live_server.url, session=counting, token=account.api.token)
    result = SyncService(api, account.store, account.profile).sync()
    assert result.online
    assert result.changes_pulled == 0
    assert len(counting.sent) == 1
    assert "/sync/changes" in counting.sent[0]


def record_read(account: Account, version_id: str) -> str:
    return account.store.record_action("document.read", {"document_version_id": version_id})


def test_a_push_sent_twice_is_applied_once(live_server: LiveServer, tmp_path: Path) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    service = account.sync_service()
    service.sync()
    data = {
        "id": str(uuid.uuid4()),
        "document_version_id": live_server.world.version_ids[0],
        "page": 0,
        "kind": "note",
        "text": "Đề nghị làm rõ",
    }
    mutation_id = account.store.record_action("annotation.put", data)
    assert service.sync().mutations_pushed == 1
    # The answer was "lost": the entry goes back to pending and is sent again.
    with account.store.sessions() as db, db.begin():
        db.execute(
            update(OutboxEntry).where(OutboxEntry.id == mutation_id).values(status="pending")
        )
    service.sync()
    (entry,) = account.store.outbox(("duplicate",))
    assert entry.id == mutation_id
    assert account.store.count_outbox("pending") == 0
    assert server_rows(live_server, m.Annotation) == 1
    assert server_rows(live_server, m.AppliedMutation) == 1


def test_rejected_actions_stay_visible_with_their_reason(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    data = {
        "id": str(uuid.uuid4()),
        "document_version_id": live_server.world.version_ids[0],
        "page": 50,
        "kind": "note",
        "text": "x",
    }
    account.store.record_action("annotation.put", data)
    result = account.sync_service().sync()
    assert result.rejected == 1
    (item,) = account.store.outbox(("rejected",))
    assert item.code == "page_out_of_range"
    assert "does not exist" in item.detail


def test_offline_keeps_actions_and_backs_off(tmp_path: Path, live_server: LiveServer) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.api.base_url = "http://127.0.0.1:9"  # nothing listens there
    record_read(account, live_server.world.version_ids[0])
    result = account.sync_service().sync()
    assert not result.online
    (item,) = account.store.outbox(("pending",))
    assert item.attempts == 1
    assert account.store.pending() == []  # waiting for its retry time
    assert account.store.get_state("online") == "0"
    # Back online, the next sync sends it at once rather than at the end of its backoff.
    account.api.base_url = live_server.url
    assert account.sync_service().sync().mutations_pushed == 1
    assert account.store.outbox(("pending",)) == []


def test_a_revoked_device_wipes_itself(live_server: LiveServer, tmp_path: Path) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    assert account.store.count("meeting") == 1
    engine = make_engine(live_server.settings.database_url)
    with make_session_factory(engine)() as db:
        (device_id,) = db.scalars(select(m.Device.id)).all()
    engine.dispose()
    # Revoked by the administrator's command line, another process than the server's.
    settings = live_server.settings
    revoke = ["devices", "revoke", device_id, "--data", str(settings.data_dir)]
    assert server_cli([*revoke, "--database-url", settings.database_url]) == 0
    index = SearchIndex(account.store)
    index.index_new_documents()
    assert index.search("tai lieu")
    result = account.sync_service().sync()
    assert result.wiped
    assert account.store.count("meeting") == 0
    assert index.search("tai lieu") == []
    assert list(account.profile.blob_dir.iterdir()) == []


def test_a_guest_signs_in_without_a_key_and_reads_only_its_item(
    live_server: LiveServer, tmp_path: Path
) -> None:
    guest = signed_in(live_server.url, tmp_path / "g", "guest")
    assert guest.sync_service().sync().online
    assert [i.id for i in guest.store.agenda_items(live_server.world.meeting_id)] == [
        live_server.world.item_ids[0]
    ]
    assert not (guest.profile.root / "signing-key.pem").exists()  # guests never sign
    with pytest.raises(NotSignedIn):
        guest.identity()
