"""Offline expiry and the idle lock's secrets, on a laptop signed in to a real server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecabinet.client import acts, lock
from ecabinet.client.account import Account
from ecabinet.client.cli import main
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import PassphraseFileSecrets
from tests.factories import PASSWORD
from tests.loopback import LiveServer, signed_in


def _away(account: Account, hours: float) -> None:
    """As if the server was last reached ``hours`` ago."""
    lock.note_contact(account.store, datetime.now(UTC) - timedelta(hours=hours))


def test_the_server_sets_the_policy_at_sign_in(live_server: LiveServer, tmp_path: Path) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    assert lock.offline_hours(account.store) == live_server.settings.offline_expiry_hours
    assert lock.idle_minutes(account.store) == live_server.settings.idle_lock_minutes
    assert not lock.offline_expired(account.store)


def test_too_long_offline_signs_out_and_hides_the_papers_until_sign_in(
    live_server: LiveServer, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    secrets = PassphraseFileSecrets(tmp_path / "s.enc", "a long passphrase")
    account = Account.open(Profile.open(root), secrets=secrets)
    account.sign_in(live_server.url, "member01", PASSWORD)
    account.sync_service().sync()
    assert acts.mark_read(account, live_server.world.document_ids[0])  # not yet sent
    _away(account, 71)
    account.store.close()
    assert Account.open(Profile.open(root), secrets=secrets).signed_in  # 71 h: still fine
    again = Account.open(Profile.open(root), secrets=secrets)
    _away(again, 73)
    again.store.close()
    later = Account.open(Profile.open(root), secrets=secrets)
    assert not later.signed_in
    assert lock.papers_hidden(later.store)
    assert later.store.count_outbox("pending") == 1  # the unsent act is kept
    later.sign_in(live_server.url, "member01", PASSWORD)
    assert not lock.papers_hidden(later.store)
    assert later.sync_service().sync().mutations_pushed == 1


def test_a_clock_set_back_does_not_buy_more_time(live_server: LiveServer, tmp_path: Path) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    now = datetime.now(UTC)
    assert not lock.offline_expired(account.store, now + timedelta(hours=10))
    # The clock is put back a day to stretch the offline time: that counts as expired.
    assert lock.offline_expired(account.store, now - timedelta(hours=24))


def test_the_lock_opens_with_the_password_or_the_pin_and_not_forever(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    store = account.store
    assert lock.unlock(store, PASSWORD)
    assert not lock.has_pin(store)
    with pytest.raises(ValueError, match="6 digits"):
        lock.set_pin(store, "12ab")
    lock.set_pin(store, "246810")
    assert lock.unlock(store, "246810")
    assert not lock.unlock(store, "000000")
    assert lock.unlock(store, PASSWORD)  # a right answer starts the count again
    for _ in range(lock.MAX_UNLOCK_FAILURES - 1):
        assert not lock.unlock(store, "wrong")
    with pytest.raises(lock.LockedOut):
        lock.unlock(store, "wrong")
    with pytest.raises(lock.LockedOut):
        lock.unlock(store, PASSWORD)  # locked out: only the server opens it now
    account.end_session()
    assert not account.signed_in and lock.papers_hidden(store)
    account.sign_in(live_server.url, "member01", PASSWORD)
    assert lock.unlock(store, PASSWORD)
    assert "246810" not in "".join(store.states("unlock_").values())  # a verifier, not the PIN


def test_the_command_line_hides_the_papers_too(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "p"
    monkeypatch.setenv("ECABINET_SECRETS_PASSPHRASE", "a long passphrase")
    account = Account.open(Profile.open(root))
    account.sign_in(live_server.url, "member01", PASSWORD)
    account.sync_service().sync()
    _away(account, 100)
    account.store.close()
    assert main(["--profile", str(root), "meetings"]) == 1
    assert "papers are hidden" in capsys.readouterr().err
