"""A whole cabinet voting from its laptops at once, and a vote the server failed on, end to
end: real CLI profiles, the client core's push, a real server process.

The server runs as its own process, as deployed (``tests.faulty_server`` when a vote must
fail once), so pushes from 27 profiles really overlap there.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.client.account import Account
from ecabinet.client.api import Offline
from ecabinet.client.cli import main
from ecabinet.client.paths import Profile
from ecabinet.client.store import OutboxEntry
from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.server.core.config import Settings
from ecabinet.server.db import make_engine, make_session_factory
from tests.crowd import VOTERS, at_once, build_cabinet, shared_key, sign_in
from tests.factories import World
from tests.loopback import LiveServer, ServerProcess, cli_login, free_port, signed_in


class Cabinet:
    """The server process, its world, and a view of its database for the assertions."""

    def __init__(self, settings: Settings, module: str) -> None:
        app = create_app(settings)
        self.world: World = build_cabinet(app.state.session_factory, settings, extra_items=0)
        app.state.engine.dispose()
        self.server = ServerProcess(settings, free_port(), module)
        self.engine = make_engine(settings.database_url)
        self.db: sessionmaker[Session] = make_session_factory(self.engine)

    @property
    def url(self) -> str:
        return self.server.url

    def open_vote(self, item: str) -> None:
        """The Government Office starts the session with everyone present; the chair opens
        the vote. The laptops have not pulled since: their copies show it closed."""
        office = sign_in(self.url, "secretariat", self.world.users["secretariat"])
        meeting = self.world.meeting_id
        assert office.call("POST", f"/meetings/{meeting}/start").status_code == 200
        present = {"present_user_ids": [self.world.users[u] for u in VOTERS]}
        assert office.call("PUT", f"/meetings/{meeting}/attendance", json=present).ok
        chair = sign_in(self.url, "chair", self.world.users["chair"], device="desk")
        assert chair.call("POST", f"/items/{item}/vote/open").status_code == 200

    def votes(self, item: str) -> list[m.Vote]:
        with self.db() as db:
            return list(db.scalars(select(m.Vote).where(m.Vote.agenda_item_id == item)))


@pytest.fixture
def cabinet(server_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cabinet]:
    monkeypatch.setenv("ECABINET_TEST_FAULT", "raise")
    yield from _running(Cabinet(server_settings, "ecabinet.server"))


@pytest.fixture(params=["raise", "internal_error"])
def faulty_cabinet(
    request: pytest.FixtureRequest, server_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Cabinet]:
    monkeypatch.setenv("ECABINET_TEST_FAULT", request.param)
    yield from _running(Cabinet(server_settings, "tests.faulty_server"))


def _running(cabinet: Cabinet) -> Iterator[Cabinet]:
    cabinet.server.start()
    try:
        yield cabinet
    finally:
        cabinet.server.kill()
        cabinet.engine.dispose()


def _laptop(
    monkeypatch: pytest.MonkeyPatch, root: Path, url: str, username: str
) -> tuple[str, Account]:
    """A member's CLI profile, signed in (its key certified) with the agenda pulled."""
    profile = str(root / username)
    assert cli_login(monkeypatch, profile, url, username) == 0
    account = Account.open(Profile.open(profile))
    account.sync_service().pull(threading.Event())  # the papers themselves are not needed
    return profile, account


def _sync_json(capsys: pytest.CaptureFixture[str], profile: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["--profile", profile, "sync", "--json"]) == 0
    summary: dict[str, object] = json.loads(capsys.readouterr().out)
    return summary


def test_a_whole_cabinet_votes_at_once_from_its_laptops(
    cabinet: Cabinet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    item = cabinet.world.item_ids[0]
    # One key for every laptop: 27 RSA-3072 keys cost seconds, and what is tested is the push.
    key = shared_key()
    monkeypatch.setattr("ecabinet.signing.keys.generate_key", lambda: key)
    # And a cheap passphrase hash for the session files (as the server's tests do for
    # passwords): the profiles' scrypt would otherwise take most of the minute.
    monkeypatch.setattr("ecabinet.client.secrets.Scrypt", lambda **kw: Scrypt(**{**kw, "n": 2**10}))
    laptops = [_laptop(monkeypatch, tmp_path, cabinet.url, name) for name in VOTERS]
    cabinet.open_vote(item)
    capsys.readouterr()
    for profile, _account in laptops:
        assert main(["--profile", profile, "vote", item, "--choice", "agree"]) == 0
    said = capsys.readouterr().out
    # Not pulled since the chair opened it: each laptop says the vote is queued and why the
    # server might refuse it, never that it was recorded.
    assert said.count("queued (agree)") == len(VOTERS)
    assert "may refuse" in said and "recorded" not in said
    services = [account.sync_service() for _, account in laptops]
    answers = at_once(len(services), lambda i: services[i].push())
    assert answers == [(1, 0)] * len(VOTERS)  # every vote sent and decided, none refused
    for _, account in laptops:
        assert account.store.count_outbox("pending", "rejected") == 0
        assert account.store.count_outbox("applied") == 1
    votes = cabinet.votes(item)
    assert len(votes) == len(VOTERS)
    assert {v.user_id for v in votes if v.current} == {cabinet.world.users[n] for n in VOTERS}


def test_a_vote_the_server_failed_on_is_sent_again_and_counted_once(
    faulty_cabinet: Cabinet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cabinet = faulty_cabinet
    item = cabinet.world.item_ids[0]
    profile, account = _laptop(monkeypatch, tmp_path, cabinet.url, "member01")
    cabinet.open_vote(item)
    assert main(["--profile", profile, "vote", item, "--choice", "disagree"]) == 0

    assert account.sync_service().push() == (0, 0)  # the server failed: nothing decided
    [entry] = account.store.outbox()
    assert (entry.status, entry.resending) == ("pending", True)  # kept, being sent again
    assert cabinet.votes(item) == []
    capsys.readouterr()
    assert main(["--profile", profile, "outbox"]) == 0
    assert "resending" in capsys.readouterr().out
    # A sync meanwhile pulls, and leaves the vote waiting for its backoff: the server's
    # answering a pull says nothing of its applying votes again.
    summary = _sync_json(capsys, profile)
    assert (summary["mutations_pushed"], summary["pending"], summary["resending"]) == (0, 1, 1)

    with account.store.sessions() as db, db.begin():
        db.execute(update(OutboxEntry).values(next_attempt_at=""))  # its backoff over
    summary = _sync_json(capsys, profile)
    assert (summary["mutations_pushed"], summary["rejected"]) == (1, 0)
    assert (summary["pending"], summary["resending"]) == (0, 0)
    [entry] = account.store.outbox(("applied",))
    assert not entry.resending
    votes = cabinet.votes(item)
    assert [(v.user_id, v.choice, v.current) for v in votes] == [
        (cabinet.world.users["member01"], "disagree", True)
    ]  # counted once


class _Dropper:
    """A loopback server that reads each request and hangs up without answering: the act
    may have reached the server, and no decision came back."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                with conn:
                    conn.settimeout(5)
                    conn.recv(65536)

    def close(self) -> None:
        # Shut down first: closing alone leaves the thread blocked in accept() on a socket
        # whose number the process may hand to the next file it opens.
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.thread.join(5)
        self.sock.close()
        assert not self.thread.is_alive()


def test_a_connection_lost_after_sending_keeps_the_act_and_says_so(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "m")
    version = live_server.world.version_ids[0]
    account.store.record_action("document.read", {"document_version_id": version})
    real = account.api.base_url
    dropper = _Dropper()
    try:
        account.api.base_url = dropper.url
        with pytest.raises(Offline) as lost:
            account.sync_service().push()
    finally:
        dropper.close()
    assert lost.value.sent
    [entry] = account.store.outbox()
    assert (entry.status, entry.resending) == ("pending", True)

    account.api.base_url = f"http://127.0.0.1:{free_port()}"  # nobody listens: never sent
    with pytest.raises(Offline) as refused:
        account.api.push(account.store.pending(now=datetime.now(UTC) + timedelta(days=1)))
    assert not refused.value.sent

    account.api.base_url = real
    result = account.sync_service().sync()  # the server answers: held-back acts go now
    assert (result.online, result.mutations_pushed, result.rejected) == (True, 1, 0)
    assert account.store.count_resending() == 0
