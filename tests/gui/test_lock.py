"""The window locks when left alone, and hides every paper after too long offline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.client import lock
from ecabinet.client.account import Account
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets
from tests.factories import PASSWORD
from tests.gui.test_main_window import WAIT, open_window, synced_window
from tests.loopback import LiveServer
from ui.screens import Screen
from ui.settings.dialog import SettingsDialog
from ui.tasks import TaskManager


def _member(live: LiveServer, root: Path) -> Account:
    account = Account.open(Profile.open(root), secrets=MemorySecrets())
    account.sign_in(live.url, "member01", PASSWORD)
    return account


def test_left_alone_the_window_locks_and_opens_with_the_password(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = synced_window(qtbot, _member(live_server, tmp_path / "p"), tasks)
    with qtbot.wait_signal(window.document_opened, timeout=WAIT):
        window.open_document(live_server.world.document_ids[0])
    guard = window.guard
    with qtbot.wait_signal(guard.locked, timeout=WAIT):
        guard.watch_idle(200)  # ten minutes by default; a moment here
    assert guard.is_locked and guard.screen.asking
    assert window.reader.document_id == ""  # the draft left memory with the lock
    assert window.reader.document.pageCount() == 0
    assert not window.menus.sync_action.isEnabled() and not window.menus.search_action.isEnabled()
    guard.screen.secret.setText("not the password")
    guard.screen.unlock_button.click()
    qtbot.waitUntil(lambda: "không đúng" in guard.screen.message.text(), timeout=WAIT)
    assert guard.is_locked
    guard.screen.secret.setText(PASSWORD)
    with qtbot.wait_signal(window.document_opened, timeout=WAIT):  # back where it was
        guard.screen.unlock_button.click()
    assert not window.guard.is_locked  # read again: the click changed it
    assert window.page == Screen.READER and window.menus.sync_action.isEnabled()


def test_too_many_wrong_tries_end_the_session(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = _member(live_server, tmp_path / "p")
    window = synced_window(qtbot, account, tasks)
    guard = window.guard
    guard.lock_idle()
    with qtbot.wait_signal(guard.sign_in_needed, timeout=WAIT):
        for _ in range(lock.MAX_UNLOCK_FAILURES):
            guard.screen.secret.setText("wrong")
            guard.screen.unlock_button.click()
            qtbot.wait(50)
    assert not account.signed_in
    assert guard.is_locked and not guard.screen.asking  # hidden until a sign-in
    assert "quá nhiều lần" in guard.screen.message.text()


def test_after_too_long_offline_the_papers_stay_hidden_until_sign_in(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    root = tmp_path / "p"
    secrets = MemorySecrets()
    account = Account.open(Profile.open(root), secrets=secrets)
    account.sign_in(live_server.url, "member01", PASSWORD)
    assert account.sync_service().sync().online
    lock.note_contact(account.store, datetime.now(UTC) - timedelta(hours=80))
    account.store.close()
    reopened = Account.open(Profile.open(root), secrets=secrets)  # the laptop opened again
    assert not reopened.signed_in
    window = open_window(qtbot, reopened, tasks)
    guard = window.guard
    qtbot.waitUntil(lambda: guard.is_locked, timeout=WAIT)
    assert "72 giờ" in guard.screen.explanation.text()
    assert guard.screen.sign_in_button.isVisibleTo(window)
    with qtbot.wait_signal(window.session_expired, timeout=WAIT):
        guard.screen.sign_in_button.click()  # the application opens its sign-in dialog
    # As the dialog does: on a worker (the store is written through the window's local lane).
    signing_in = tasks.run_network(lambda: reopened.sign_in(live_server.url, "member01", PASSWORD))
    qtbot.waitUntil(signing_in.done, timeout=WAIT)
    assert signing_in.result() == "Member01"
    window.refresh()
    qtbot.waitUntil(lambda: not guard.is_locked, timeout=WAIT)


def test_a_pin_set_in_settings_opens_the_lock(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = _member(live_server, tmp_path / "p")
    window = synced_window(qtbot, account, tasks)
    window.menus.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.pin.setText("12345")
    dialog.pin_button.click()
    assert "6 chữ số" in dialog.note.text()  # too short: said, nothing kept
    assert not lock.has_pin(account.store)
    qtbot.keyClicks(dialog.pin, "13579a24")  # typed: digits only, six at most
    assert dialog.pin.text() == "135792"
    dialog.pin_button.click()
    qtbot.waitUntil(lambda: "Đã đặt mã PIN" in dialog.note.text(), timeout=WAIT)
    dialog.close()
    guard = window.guard
    guard.lock_idle()
    guard.screen.secret.setText("135792")
    with qtbot.wait_signal(guard.unlocked, timeout=WAIT):
        guard.screen.unlock_button.click()
