"""The sign-in screen: success, a wrong password, an unreachable server, "remember me"."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.client.account import TOKEN, Account
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets, PassphraseFileSecrets
from tests.factories import PASSWORD
from tests.loopback import LiveServer
from ui.signin.dialog import SignInDialog
from ui.tasks import TaskManager


def dialog_for(
    qtbot: QtBot, account: Account, tasks: TaskManager
) -> tuple[SignInDialog, TaskManager]:
    """The dialog on the test's task manager (shut down, its workers joined, after the test)."""
    dialog = SignInDialog(account, tasks)
    qtbot.addWidget(dialog)
    return dialog, tasks


def fill(dialog: SignInDialog, server: str, username: str, password: str) -> None:
    dialog.server.setText(server)
    dialog.username.setText(username)
    dialog.password.setText(password)


def test_signing_in_and_being_remembered(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    secrets = PassphraseFileSecrets(tmp_path / "s.enc", "passphrase")
    account = Account.open(Profile.open(tmp_path / "p"), secrets=secrets)
    dialog, tasks = dialog_for(qtbot, account, tasks)
    fill(dialog, live_server.url, "member01", PASSWORD)
    with qtbot.wait_signal(dialog.signed_in, timeout=20_000) as blocker:
        dialog.submit()
    assert blocker.args == ["Member01"]
    assert dialog.password.text() == ""
    assert PassphraseFileSecrets(tmp_path / "s.enc", "passphrase").get(TOKEN)
    tasks.shutdown()


def test_not_remembered_keeps_nothing_on_disk(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    secrets = PassphraseFileSecrets(tmp_path / "s.enc", "passphrase")
    account = Account.open(Profile.open(tmp_path / "p"), secrets=secrets)
    dialog, tasks = dialog_for(qtbot, account, tasks)
    fill(dialog, live_server.url, "member01", PASSWORD)
    dialog.remember.setChecked(False)
    with qtbot.wait_signal(dialog.signed_in, timeout=20_000):
        dialog.submit()
    assert isinstance(account.secrets, MemorySecrets)
    assert not (tmp_path / "s.enc").exists()
    tasks.shutdown()


def test_a_wrong_password_and_an_unreachable_server_are_said_plainly(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    dialog, tasks = dialog_for(qtbot, account, tasks)
    fill(dialog, live_server.url, "member01", "wrong")
    with qtbot.wait_signal(dialog.failed, timeout=20_000) as blocker:
        dialog.submit()
    assert blocker.args == ["Sai tên đăng nhập hoặc mật khẩu."]
    assert dialog.password.isEnabled()
    fill(dialog, "http://127.0.0.1:9", "member01", PASSWORD)
    with qtbot.wait_signal(dialog.failed, timeout=20_000) as blocker:
        dialog.submit()
    assert "Không kết nối được máy chủ" in blocker.args[0]
    fill(dialog, live_server.url, "", "")
    with qtbot.wait_signal(dialog.failed, timeout=1_000) as blocker:
        dialog.submit()
    assert "Hãy nhập" in blocker.args[0]
    assert not account.signed_in
    tasks.shutdown()
