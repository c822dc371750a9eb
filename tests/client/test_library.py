"""What the member's screens list: meetings split by date, document states, unread marks,
ballots awaiting a reply; and reading a document is an act that reaches the server."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from ecabinet.client import acts
from ecabinet.client.library import Library
from ecabinet.client.travel import readiness
from ecabinet.client.vault import CHUNK
from tests.bench.bodies import padded_pdf
from tests.factories import PASSWORD
from tests.loopback import LiveServer, replace_with, signed_in
from tests.pdfs import make_pdf


def _secretariat(url: str) -> dict[str, str]:
    r = requests.post(
        f"{url}/api/v1/auth/login",
        json={"username": "secretariat", "password": PASSWORD, "device_name": "t"},
        timeout=10,
    )
    return {"Authorization": f"Bearer {r.json()['token']}"}


def test_documents_are_new_until_read_and_marked_again_when_replaced(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    document_id = live_server.world.document_ids[1]
    entry = Library(account).document(document_id)
    assert entry is not None and entry.present and entry.unread and not entry.replaced

    assert acts.mark_read(account, document_id)
    assert not acts.mark_read(account, document_id)  # the same version again: nothing queued
    assert account.store.count_outbox("pending") == 1
    entry = Library(account).document(document_id)
    assert entry is not None and not entry.unread

    replace_with(live_server, document_id, make_pdf(3, "Dự thảo v2"))
    account.sync_service().sync()
    entry = Library(account).document(document_id)
    assert entry is not None
    assert (entry.number, entry.read_number, entry.replaced) == (2, 1, True)
    # The read of version 1 reached the server with the sync.
    reads = requests.get(
        f"{live_server.url}/api/v1/documents/{document_id}/reads",
        headers=_secretariat(live_server.url),
        timeout=10,
    ).json()
    assert [(r["user_id"], r["version_number"]) for r in reads] == [
        (live_server.world.users["member01"], 1)
    ]


def test_meetings_split_and_ballots_awaiting_a_reply(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().pull(threading.Event())
    library = Library(account)
    overview = library.overview()
    assert [mt.id for mt in overview.upcoming] == [live_server.world.meeting_id]
    assert overview.past == ()
    # Long after the meeting it is in the past.
    later = library.overview(datetime.now(UTC) + timedelta(days=30))
    assert [mt.id for mt in later.past] == [live_server.world.meeting_id]
    (ballot,) = overview.ballots
    assert ballot.awaiting_reply
    assert overview.unread_documents == len(library.all_documents())
    # Nothing downloaded yet: every document says so.
    assert not any(entry.present for entry in library.all_documents())


def test_a_reply_waiting_in_the_outbox_counts_as_replied(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().pull(threading.Event())
    ballot_id = live_server.world.ballot_id
    acts.reply_to_ballot(account, ballot_id, "agree")
    (entry,) = Library(account).ballots()
    assert entry.replied and not entry.awaiting_reply


def test_a_partial_download_shows_its_progress(live_server: LiveServer, tmp_path: Path) -> None:
    # Large enough for a few sealed chunks: progress counts whole chunks on disk.
    replace_with(live_server, live_server.world.document_ids[0], padded_pdf(400_000, seed=5))
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().pull(threading.Event())
    library = Library(account)
    entry = library.document(live_server.world.document_ids[0])
    assert entry is not None and entry.version is not None
    part = account.store.vault.receiving(entry.version.sha256, entry.version.size)
    part.write(b"x" * (entry.version.size // 2))
    part.close()  # the whole chunks stay, as after a cut-off download
    entry = library.document(live_server.world.document_ids[0])
    assert entry is not None and entry.downloading
    assert entry.downloaded_bytes == part.offset - part.offset % CHUNK
    assert 0.3 < entry.fraction <= 0.5
    check = readiness(account)
    assert check.missing_bytes == sum(p.size for p in check.missing) - entry.downloaded_bytes
