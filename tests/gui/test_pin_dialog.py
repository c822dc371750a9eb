"""The USB token's PIN asked in the window's dialog while the worker that signs waits: a wrong
PIN asked again with the tries left, the right one signs; a cancel keeps nothing.
SoftHSM2 stands in for the token (tests/usb_token.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ecabinet.client.account import Account
from ecabinet.server import models as m
from ecabinet.signing.keys import certificate_from_pem
from ecabinet.signing.pades import check_signed_pdf
from tests.client.test_acts import on_server
from tests.gui.test_main_window import synced_window
from tests.loopback import LiveServer, signed_in
from tests.usb_token import PIN, set_up_token
from ui.main_window import MainWindow
from ui.screens import Screen
from ui.signing.pin_dialog import PinDialog
from ui.tasks import TaskManager

WAIT = 30_000


def window_on_the_ballot(
    qtbot: QtBot, live_server: LiveServer, account: Account, tasks: TaskManager
) -> MainWindow:
    window = synced_window(qtbot, account, tasks)
    window.resize(1366, 768)
    with qtbot.wait_signal(window.ballot_page.shown, timeout=WAIT):
        window.sidebar.choose(Screen.BALLOT, live_server.world.ballot_id)
    window.ballot_page.choices.buttons()[0].setChecked(True)  # Đồng ý
    return window


def pin_dialog(qtbot: QtBot, other_than: PinDialog | None = None) -> PinDialog:
    """The PIN dialog once it is the application's modal window."""

    def asked() -> PinDialog | None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, PinDialog) and shown is not other_than and shown.isVisible():
            return shown
        return None

    qtbot.waitUntil(lambda: asked() is not None, timeout=WAIT)
    dialog = asked()
    assert dialog is not None
    return dialog


def type_pin(qtbot: QtBot, dialog: PinDialog, pin: str) -> None:
    assert not dialog.ok.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.field, pin)
    assert dialog.field.text() == pin
    dialog.ok.click()


def test_a_wrong_pin_is_asked_again_with_the_tries_left_then_the_reply_is_signed(
    qtbot: QtBot,
    live_server: LiveServer,
    tmp_path: Path,
    tasks: TaskManager,
    usb_token: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ECABINET_TOKEN_PIN", raising=False)  # only the dialog may answer
    account = signed_in(live_server.url, tmp_path / "p")
    set_up_token(account, usb_token, live_server)
    window = window_on_the_ballot(qtbot, live_server, account, tasks)
    window.ballot_page.reply()

    first = pin_dialog(qtbot)
    assert "ecabinet" in first.token.text()  # the token's label
    assert first.field.echoMode() == first.field.EchoMode.Password
    assert not first.warning.isVisibleTo(first)
    type_pin(qtbot, first, "0000")

    again = pin_dialog(qtbot, other_than=first)
    # SoftHSM2 reports a wrong PIN with CKF_USER_PIN_COUNT_LOW.
    assert again.warning.text() == "Sai mã PIN. Còn ít lần thử."
    assert again.warning.isVisibleTo(again)
    assert again.grab().save(str(tmp_path / "pin-dialog.png"))
    assert account.store.count_outbox("pending") == 0  # nothing kept while the PIN is asked
    with qtbot.wait_signal(window.ballot_page.acted, timeout=WAIT):
        type_pin(qtbot, again, PIN)

    # The window sends it at once (after_act starts a sync); the server accepts the signature.
    def sent() -> list[m.BallotResponse]:
        return on_server(live_server, select(m.BallotResponse))

    qtbot.waitUntil(lambda: len(sent()) == 1, timeout=WAIT)
    assert sent()[0].choice == "agree"
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT)
    form = account.latest_form(live_server.world.ballot_id)
    assert form is not None
    ca = certificate_from_pem(account.store.get_state("ca_pem"))
    assert check_signed_pdf(form, [ca]).valid


def test_a_cancelled_pin_signs_nothing_and_says_so_quietly(
    qtbot: QtBot,
    live_server: LiveServer,
    tmp_path: Path,
    tasks: TaskManager,
    usb_token: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ECABINET_TOKEN_PIN", raising=False)
    account = signed_in(live_server.url, tmp_path / "p")
    set_up_token(account, usb_token, live_server)
    window = window_on_the_ballot(qtbot, live_server, account, tasks)
    page = window.ballot_page
    page.reply()
    with qtbot.wait_signal(
        page.message_shown, timeout=WAIT, check_params_cb=lambda text: "huỷ" in text
    ) as told:
        pin_dialog(qtbot).reject()
    assert "chưa có gì được ký" in told.args[0]
    assert QApplication.activeModalWidget() is None  # no error dialog on top
    assert page.send.isEnabled()
    assert account.store.count_outbox("pending") == 0
    assert account.latest_form(live_server.world.ballot_id) is None
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT)
