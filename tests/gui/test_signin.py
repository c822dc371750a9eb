"""The sign-in screen: success, a wrong password, "remember me" and the body and username
remembered (never the password), the body sent to the server, an address refused as the
command line refuses it, an HTTP server asked for HTTPS and a server that is down, each said
in Vietnamese."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ecabinet.client.account import TOKEN, Account
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets, PassphraseFileSecrets
from ecabinet.server.cli import main as server_cli
from tests.factories import PASSWORD
from tests.loopback import LiveServer, free_port
from ui.signin.dialog import BODY_KEY, SignInDialog
from ui.tasks import TaskManager

HANOI = "Ủy ban nhân dân thành phố Hà Nội"


def dialog_for(
    qtbot: QtBot, account: Account, tasks: TaskManager
) -> tuple[SignInDialog, TaskManager]:
    """The dialog on the test's task manager (shut down, its workers joined, after the test)."""
    dialog = SignInDialog(account, tasks)
    qtbot.addWidget(dialog)
    return dialog, tasks


def fill(dialog: SignInDialog, server: str, username: str, password: str, body: str = "") -> None:
    dialog.server.setText(server)
    dialog.body.setEditText(body)
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
    assert blocker.args == ["Sai cơ quan, tên đăng nhập hoặc mật khẩu."]
    assert dialog.password.isEnabled()
    fill(dialog, live_server.url, "", "")
    with qtbot.wait_signal(dialog.failed, timeout=1_000) as blocker:
        dialog.submit()
    assert "Hãy nhập" in blocker.args[0]
    assert not account.signed_in
    tasks.shutdown()


def test_the_server_and_username_are_remembered_never_the_password(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    first, tasks = dialog_for(qtbot, account, tasks)
    assert (first.server.text(), first.body.code(), first.username.text()) == ("https://", "", "")
    line = first.body.lineEdit()
    assert line is not None and line.placeholderText()  # says a code may be typed
    fill(first, live_server.url, "member01", PASSWORD, body="gov")
    with qtbot.wait_signal(first.signed_in, timeout=20_000):
        first.submit()
    again, _ = dialog_for(qtbot, account, tasks)
    remembered = (again.server.text(), again.body.code(), again.username.text())
    assert remembered == (live_server.url, "gov", "member01")
    assert again.password.text() == ""
    settings = QSettings()
    assert PASSWORD not in {str(settings.value(key)) for key in settings.allKeys()}

    fill(again, live_server.url, "member01", PASSWORD)
    again.remember.setChecked(False)  # "do not remember" leaves no name behind either
    with qtbot.wait_signal(again.signed_in, timeout=20_000):
        again.submit()
    last, _ = dialog_for(qtbot, account, tasks)
    assert (last.server.text(), last.body.code(), last.username.text()) == ("https://", "", "")


def test_an_address_that_is_wrong_or_unanswered_is_said_in_vietnamese(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    dialog, tasks = dialog_for(qtbot, account, tasks)
    fill(dialog, "ftp://may chu", "member01", PASSWORD)
    with qtbot.wait_signal(dialog.failed, timeout=1_000) as refused:
        dialog.submit()  # refused before anything is sent, by the command line's rule
    assert refused.args == [
        "“ftp://may chu” không phải địa chỉ máy chủ. Hãy ghi theo dạng https://tên-máy-chủ, "
        "ví dụ https://ecabinet.chinhphu.vn."
    ]
    assert dialog.server.isEnabled()

    where = live_server.url.removeprefix("http://")
    fill(dialog, where, "member01", PASSWORD)  # no scheme: https is tried, HTTP answers
    with qtbot.wait_signal(dialog.failed, timeout=20_000) as plain:
        dialog.submit()
    assert dialog.server.text() == f"https://{where}"
    assert plain.args[0].startswith(f"Máy chủ {where} trả lời bằng http chứ không phải https.")
    assert f"hãy ghi địa chỉ http://{where}" in plain.args[0]

    down = f"127.0.0.1:{free_port()}"
    fill(dialog, f"http://{down}", "member01", PASSWORD)
    with qtbot.wait_signal(dialog.failed, timeout=20_000) as unanswered:
        dialog.submit()
    assert unanswered.args[0].startswith(f"Máy chủ {down} không trả lời: máy chủ có thể đang tắt")
    assert not account.signed_in


def test_the_body_typed_is_the_one_signed_in_to(
    qtbot: QtBot,
    live_server: LiveServer,
    tmp_path: Path,
    tasks: TaskManager,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hà Nội's "member01" is not the Government's: the dialog sends the body typed."""
    settings = live_server.settings
    where = ["--data", str(settings.data_dir), "--database-url", settings.database_url]
    assert server_cli(["bodies", "create", "--code", "hanoi", "--name", HANOI, *where]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-ha-noi\n"))
    argv = ["create-user", "--body", "hanoi", "--username", "member01", "--full-name", "Trần B"]
    assert server_cli([*argv, "--password-stdin", *where]) == 0
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    dialog, tasks = dialog_for(qtbot, account, tasks)
    fill(dialog, live_server.url, "member01", "mat-khau-ha-noi")  # the Government's member01
    with qtbot.wait_signal(dialog.failed, timeout=20_000) as refused:
        dialog.submit()
    assert refused.args == ["Sai cơ quan, tên đăng nhập hoặc mật khẩu."]
    fill(dialog, live_server.url, "member01", "mat-khau-ha-noi", body="HaNoi")
    with qtbot.wait_signal(dialog.signed_in, timeout=20_000) as blocker:
        dialog.submit()
    assert blocker.args == ["Trần B"]
    state = account.store.get_state
    assert (state("body_code"), state("body_name")) == ("hanoi", HANOI)
    assert str(QSettings().value(BODY_KEY)) == "hanoi"
