"""The sign-in dialog's body against a real server: the list of the server's bodies comes once
the address is known, the member chooses Hà Nội by its name and is signed in to it, and the
next dialog preselects it; a server without the list leaves the code to be typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets
from ecabinet.wire.auth import BodyPublic
from tests.loopback import HANOI, HANOI_PASSWORD, LiveServer, add_hanoi
from ui.signin.dialog import SignInDialog
from ui.tasks import TaskManager

WAIT = 20_000


@pytest.fixture
def hanoi(live_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> LiveServer:
    return add_hanoi(live_server, monkeypatch)


def _dialog(qtbot: QtBot, account: Account, tasks: TaskManager) -> SignInDialog:
    dialog = SignInDialog(account, tasks)
    qtbot.addWidget(dialog)
    return dialog


def test_the_member_chooses_the_body_from_the_servers_list(
    qtbot: QtBot, hanoi: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    dialog = _dialog(qtbot, account, tasks)
    assert dialog.body.count() == 0  # no address yet: nothing asked
    dialog.server.setText(hanoi.url)
    with qtbot.wait_signal(dialog.body.listed, timeout=WAIT) as listed:
        dialog.server.editingFinished.emit()  # the member leaves the address field
    assert listed.args == [2]
    names = [dialog.body.itemText(i) for i in range(dialog.body.count())]
    assert names == [hanoi.settings.body_name, HANOI]  # by code: gov, hanoi
    dialog.body.setCurrentIndex(dialog.body.findText(HANOI))
    assert dialog.body.code() == "hanoi"
    dialog.username.setText("member01")
    dialog.password.setText(HANOI_PASSWORD)
    with qtbot.wait_signal(dialog.signed_in, timeout=WAIT) as signed:
        dialog.submit()
    assert signed.args == ["Trần B"]
    assert account.store.get_state("body_code") == "hanoi"

    again = _dialog(qtbot, account, tasks)  # the address remembered: the list comes by itself
    qtbot.waitUntil(lambda: again.body.count() == 2, timeout=WAIT)
    assert (again.body.currentText(), again.body.code()) == (HANOI, "hanoi")


def test_a_server_without_the_list_lets_the_code_be_typed(
    qtbot: QtBot,
    hanoi: LiveServer,
    tmp_path: Path,
    tasks: TaskManager,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The member first types another server's address, which lists its bodies, then this
    one's, which is older and answers 404: the other server's list does not stay."""
    other = "https://ecabinet.example.gov.vn"

    def bodies(url: str) -> list[BodyPublic]:
        if url == other:
            return [BodyPublic(code="hcm", name="Ủy ban nhân dân Thành phố Hồ Chí Minh")]
        raise ApiProblem(404, "not_found", "")  # what a server older than the list answers

    monkeypatch.setattr("ui.signin.body_choice.server_bodies", bodies)
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    dialog = _dialog(qtbot, account, tasks)
    for address, count in ((other, 1), (hanoi.url, 0)):
        dialog.server.setText(address)
        with qtbot.wait_signal(dialog.body.listed, timeout=WAIT) as listed:
            dialog.server.editingFinished.emit()
        assert (listed.args, dialog.body.count()) == ([count], count)
    dialog.body.setEditText("HaNoi")
    dialog.username.setText("member01")
    dialog.password.setText(HANOI_PASSWORD)
    with qtbot.wait_signal(dialog.signed_in, timeout=WAIT):
        dialog.submit()
    assert account.store.get_state("body_name") == HANOI
