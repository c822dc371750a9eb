"""The home screen "Hôm nay" against a real server and a real store: the next session, the
ballots awaiting a reply counting down, documents replaced since read, the outbox, the
Government Office's ballots with their replies, and one click from each to the thing itself."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.api import ServerApi
from tests.gui.conftest import shown_screen
from tests.gui.test_main_window import publish_new_version
from tests.loopback import LiveServer, signed_in
from ui.home.cards import TITLE_CHARACTERS, Card
from ui.main_window import MainWindow
from ui.screens import Screen
from ui.tasks import TaskManager

WAIT = 30_000


def home_after_sync(qtbot: QtBot, account: Account, tasks: TaskManager) -> MainWindow:
    window = MainWindow(account, tasks)
    qtbot.addWidget(window)
    window.show()
    assert window.page == Screen.HOME  # before anything is read: the first screen
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT):
        window.sync.start()
    qtbot.waitUntil(lambda: window.home_page.today is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(window.home_page.meeting_card.entries), timeout=WAIT)
    return window


def texts(card: Card) -> str:
    """Every line and entry of a card, as the member reads it."""
    from PySide6.QtWidgets import QCommandLinkButton, QLabel

    # Every child, shown or not yet: a line just added is shown when the event loop next runs.
    parts = [label.text() for label in card.findChildren(QLabel)]
    parts += [f"{b.text()} — {b.description()}" for b in card.findChildren(QCommandLinkButton)]
    return "\n".join(parts)


def test_the_member_lands_on_today_with_the_next_session_and_the_ballot_waiting(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = home_after_sync(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    assert shown_screen(window) == Screen.HOME
    assert window.sidebar.current_choice() == (Screen.HOME, "")  # its entry is selected
    home = window.home_page
    meeting = texts(home.meeting_card)
    assert "Phiên họp thường kỳ" in meeting
    assert "(giờ Hà Nội)" in meeting and "Địa điểm: Hà Nội" in meeting
    assert "Bắt đầu sau: còn 2 ngày 23 giờ" in meeting  # three days less the seconds gone
    # Four papers, none read yet; the files come down after the sync, the card follows.
    assert "Tài liệu: đã đọc 0/4 · có trên máy" in meeting
    qtbot.waitUntil(
        lambda: "đã đọc 0/4 · có trên máy 4/4" in texts(home.meeting_card), timeout=WAIT
    )
    ballots = texts(home.ballots_card)
    assert "Hạn " in ballots and "còn 1 ngày 23 giờ" in ballots
    assert "Không có tài liệu nào thay đổi" in texts(home.replaced_card)
    assert "Mọi thao tác đã được gửi" in texts(home.outbox_card)
    assert not home.office_card.isVisibleTo(window)
    # One click on the session opens it; one click on the ballot opens it.
    home.meeting_card.entries[0].click()
    world = live_server.world
    assert (shown_screen(window), window.object_id) == (Screen.MEETING, world.meeting_id)
    window.sidebar.choose(Screen.HOME)
    assert shown_screen(window) == Screen.HOME
    qtbot.waitUntil(lambda: bool(home.ballots_card.entries), timeout=WAIT)
    home.ballots_card.entries[0].click()
    assert (shown_screen(window), window.object_id) == (Screen.BALLOT, world.ballot_id)


def test_the_deadline_counts_down_without_reading_the_store_again(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = home_after_sync(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    home = window.home_page
    assert home.today is not None and home.timer.isActive()
    ballot = home.today.awaiting[0]
    home.tick(ballot.deadline - timedelta(minutes=30))
    assert "còn 30 phút" in home.ballots_card.entries[0].description()
    home.tick(ballot.deadline + timedelta(minutes=1))
    assert "đã quá hạn" in home.ballots_card.entries[0].description()
    starts = home.today.next_meeting.meeting.starts_at if home.today.next_meeting else None
    assert starts is not None
    home.tick(starts + timedelta(minutes=1))
    assert "Đã đến giờ họp" in texts(home.meeting_card)


def test_a_replaced_document_is_listed_and_opens_in_the_reader(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = home_after_sync(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    document_id = live_server.world.document_ids[1]
    with qtbot.wait_signal(window.document_opened, timeout=WAIT):
        window.open_document(document_id)  # read in its first version
    publish_new_version(live_server.url, document_id)
    window.sidebar.choose(Screen.HOME)
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT):
        window.sync.start()
    home = window.home_page
    qtbot.waitUntil(lambda: bool(home.replaced_card.entries), timeout=WAIT)
    listed = texts(home.replaced_card)
    assert "draft 1" in listed and "bản thứ 2" in listed and "Nội dung" in listed
    assert len(home.replaced_card.entries) == 1  # the others were never read: new, not replaced
    with qtbot.wait_signal(window.document_opened, timeout=WAIT) as opened:
        home.replaced_card.entries[0].click()
    assert opened.args == [document_id]
    assert shown_screen(window) == Screen.READER


def test_what_waits_in_the_outbox_is_counted_and_opens_ready_to_travel(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    account.api = ServerApi("http://127.0.0.1:9", token=account.api.token)  # nobody listens
    window = MainWindow(account, tasks)
    qtbot.addWidget(window)
    window.show()
    with qtbot.wait_signal(window.document_opened, timeout=WAIT):
        window.open_document(live_server.world.document_ids[0])  # "read": an act to send
    window.show_page(Screen.HOME)
    home = window.home_page
    qtbot.waitUntil(lambda: "1 thao tác đã lưu trên máy" in texts(home.outbox_card), timeout=WAIT)
    home.outbox_card.entries[0].click()
    assert shown_screen(window) == Screen.TRAVEL


def test_the_office_sees_the_replies_collected_and_a_member_invited_to_nothing_is_told_so(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = home_after_sync(
        qtbot, signed_in(live_server.url, tmp_path / "o", "secretariat"), tasks
    )
    home = window.home_page
    assert "Phiên họp đang chuẩn bị" in texts(home.meeting_card)
    assert "Không có phiếu nào đang chờ trả lời" in texts(home.ballots_card)
    qtbot.waitUntil(lambda: "Đã trả lời 0/5" in texts(home.office_card), timeout=WAIT)
    assert home.office_card.isVisibleTo(window)
    home.office_card.entries[0].click()
    assert shown_screen(window) == Screen.OFFICE_BALLOTS

    member = MainWindow(signed_in(live_server.url, tmp_path / "m", "member05"), tasks)
    qtbot.addWidget(member)
    member.show()
    with qtbot.wait_signal(member.sync.finished, timeout=WAIT):
        member.sync.start()
    qtbot.waitUntil(lambda: member.home_page.today is not None, timeout=WAIT)
    assert "Không có phiên họp nào sắp tới" in texts(member.home_page.meeting_card)
    assert "Không có phiếu nào đang chờ trả lời" in texts(member.home_page.ballots_card)


def test_a_long_title_is_cut_on_its_card_and_whole_in_its_tooltip(qtbot: QtBot) -> None:
    card = Card("Phiếu lấy ý kiến chờ đồng chí trả lời")
    qtbot.addWidget(card)
    title = "Phiếu lấy ý kiến về dự thảo Nghị định " * 10
    opened: list[str] = []
    button = card.entry(title, "Hạn …", lambda: opened.append("ballot"))
    assert len(button.text()) == TITLE_CHARACTERS and button.text().endswith("…")
    assert button.toolTip() == title and button.accessibleName() == title
    button.click()
    assert opened == ["ballot"]
