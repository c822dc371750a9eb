"""The window names the member's own body against a real server: a secretariat of Hà Nội's
People's Committee reads its body in the title and the status bar and "Văn phòng Ủy ban nhân dân
thành phố Hà Nội" on the Office's screens and the notes' sharing; the Government's still reads
"Văn phòng Chính phủ". The words themselves for the Government, a city, a province, in
Vietnamese and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets
from tests.gui.test_main_window import open_window
from tests.loopback import HANOI, HANOI_PASSWORD, LiveServer, add_hanoi, signed_in
from ui import i18n
from ui.body_words import body_words
from ui.main_window import MainWindow
from ui.office.issue_result import Decided, IssueResultDialog
from ui.screens import Screen
from ui.tasks import TaskManager

WAIT = 30_000


@pytest.fixture
def hanoi(live_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> LiveServer:
    """Hà Nội's People's Committee with its own secretariat, "vanphong"."""
    return add_hanoi(live_server, monkeypatch, "vanphong", "secretariat", "Đỗ Thị Minh Nguyệt")


def _read_once(qtbot: QtBot, account: Account, tasks: TaskManager) -> MainWindow:
    window = open_window(qtbot, account, tasks)
    qtbot.waitUntil(lambda: window.last_view is not None, timeout=WAIT)
    return window


def _office_words(window: MainWindow) -> tuple[str, str, str, str]:
    window.show_page(Screen.OFFICE_MEETINGS)
    sharing = window.reader.notes_panel.sharing
    return (
        window.windowTitle(),
        window.status.body.text(),
        window.office_meetings.heading.text(),
        sharing.itemText(1),
    )


def test_a_secretariat_of_hanoi_reads_its_own_body(
    qtbot: QtBot, hanoi: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = Account.open(Profile.open(tmp_path / "hn"), secrets=MemorySecrets())
    account.sign_in(hanoi.url, "vanphong", HANOI_PASSWORD, body_code="hanoi")
    window = _read_once(qtbot, account, tasks)
    assert _office_words(window) == (
        f"e-Cabinet — {HANOI}",
        HANOI,
        "Chuẩn bị phiên họp — Văn phòng Ủy ban nhân dân thành phố Hà Nội",
        "Gửi Văn phòng UBND thành phố Hà Nội",
    )
    window.show_page(Screen.OFFICE_BALLOTS)  # made after the body was known
    assert window.office_ballots.heading.text().endswith(f"Văn phòng {HANOI}")
    assert "Chính phủ" not in window.office_inbox.heading.text()
    # A result its Office issues carries the Committee's notation, not the Government Office's,
    # and is signed for the Chief of its Office, not the Government Office's Minister-Chairman.
    documents = window.office_ballots.body.documents
    dialog = IssueResultDialog(account, tasks, [Decided("b", "Phiếu")], body=documents)
    qtbot.addWidget(dialog)
    assert dialog.notation.text() == "BC-UBND"
    assert dialog.signer_position.placeholderText() == "KT. Chánh Văn phòng"
    dialog.notation.clear()
    dialog.issue_button.click()  # nothing written: asked for, with its own notation's example
    assert dialog.note.text() == "Hãy nhập số và ký hiệu của văn bản (ví dụ 123 và BC-UBND)."


def test_the_government_office_still_reads_its_own_name(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = _read_once(qtbot, signed_in(live_server.url, tmp_path / "s", "secretariat"), tasks)
    title, status, heading, sharing = _office_words(window)
    assert title == f"e-Cabinet — {body_words('gov', live_server.settings.body_name).name}"
    assert status == "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert heading == "Chuẩn bị phiên họp — Văn phòng Chính phủ"
    assert sharing == "Gửi Văn phòng Chính phủ"


def test_signing_in_to_another_body_renames_the_window(
    qtbot: QtBot, hanoi: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    """The window outlives a sign-in (the session expired, another member signs in): the pages
    already made take the new body's words at the next read."""
    account = signed_in(hanoi.url, tmp_path / "s", "secretariat")
    window = _read_once(qtbot, account, tasks)
    window.show_page(Screen.OFFICE_MEETINGS)
    heading = window.office_meetings.heading
    assert heading.text() == "Chuẩn bị phiên họp — Văn phòng Chính phủ"
    signing = tasks.run_network(
        lambda: account.sign_in(hanoi.url, "vanphong", HANOI_PASSWORD, body_code="hanoi")
    )
    qtbot.waitUntil(signing.done, timeout=WAIT)
    assert signing.result() == "Đỗ Thị Minh Nguyệt"
    window.refresh()
    qtbot.waitUntil(lambda: heading.text().endswith(f"Văn phòng {HANOI}"), timeout=WAIT)
    assert (window.windowTitle(), window.status.body.text()) == (f"e-Cabinet — {HANOI}", HANOI)


def test_a_laptop_not_signed_in_names_no_body(
    qtbot: QtBot, tmp_path: Path, tasks: TaskManager
) -> None:
    account = Account.open(Profile.open(tmp_path / "p"), secrets=MemorySecrets())
    window = _read_once(qtbot, account, tasks)
    assert (window.windowTitle(), window.status.body.text()) == ("e-Cabinet", "")


def _committee(unit: str) -> tuple[str, str, str]:
    """A People's Committee's short name, office and short office."""
    return f"UBND {unit}", f"Văn phòng Ủy ban nhân dân {unit}", f"Văn phòng UBND {unit}"


@pytest.mark.parametrize(
    ("code", "name", "words"),
    [
        ("", "", ("Chính phủ", "Văn phòng Chính phủ", "Văn phòng Chính phủ")),
        ("hanoi", HANOI, _committee("thành phố Hà Nội")),
        # The other tone mark ("Uỷ") and a double space, as a name may be typed.
        ("hcm", "Uỷ ban nhân dân  Thành phố Hồ Chí Minh", _committee("Thành phố Hồ Chí Minh")),
        ("bacninh", "Ủy ban nhân dân tỉnh Bắc Ninh", _committee("tỉnh Bắc Ninh")),
        ("x", "Bộ Tài chính", ("Bộ Tài chính", "Văn phòng Bộ Tài chính", "Văn phòng Bộ Tài chính")),
    ],
)
def test_the_words_of_each_kind_of_body(code: str, name: str, words: tuple[str, str, str]) -> None:
    named = body_words(code, name)
    assert (named.short, named.office, named.short_office) == words


def test_the_words_in_english(qtbot: QtBot, settings: None) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        QSettings().setValue("language", "en")
        i18n.install_translations(app)
        hcm = body_words("hcm", "Ủy ban nhân dân Thành phố Hồ Chí Minh")
        assert (hcm.name, hcm.office) == (
            "People's Committee of Hồ Chí Minh City",
            "Office of the People's Committee of Hồ Chí Minh City",
        )
        assert body_words("gov", "").office == "Government Office"
        assert body_words("bacninh", "Ủy ban nhân dân tỉnh Bắc Ninh").short == (
            "Bắc Ninh Province People's Committee"
        )
    finally:
        i18n.install_translations(app, "vi")
