"""The main window against a real server: sidebar, meeting page, documents, search, travel,
the status bar, notices of new papers, and working on with the server gone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import requests
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.api import ServerApi
from ecabinet.client.search import SearchIndex
from tests.factories import PASSWORD
from tests.gui.conftest import shown_screen
from tests.loopback import LiveServer, signed_in
from tests.pdfs import make_pdf
from ui.main_window import MainWindow
from ui.meeting.page import DOCUMENT, ROLE
from ui.screens import Screen
from ui.search.cards import CARD_ROLE
from ui.tasks import TaskManager
from ui.widgets.cards import BADGE
from ui.widgets.chips import MARK

WAIT = 30_000


def open_window(qtbot: QtBot, account: Account, tasks: TaskManager) -> MainWindow:
    window = MainWindow(account, tasks)
    qtbot.addWidget(window)
    window.show()
    return window


def synced_window(qtbot: QtBot, account: Account, tasks: TaskManager) -> MainWindow:
    window = open_window(qtbot, account, tasks)
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT):
        window.sync.start()
    return open_next_meeting(qtbot, window)


def open_next_meeting(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """From "Hôm nay", where the window starts, one click on the next session."""
    assert window.page == Screen.HOME
    cards = window.home_page.meeting_card
    qtbot.waitUntil(lambda: bool(cards.entries), timeout=WAIT)
    cards.entries[0].click()
    assert shown_screen(window) == Screen.MEETING
    return window


def publish_new_version(url: str, document_id: str) -> None:
    """The Government Office replaces a document with a version 2 on the server."""
    secretariat = ServerApi(url)
    secretariat.login("secretariat", PASSWORD, "office")
    data = make_pdf(2, "Dự thảo bản mới")
    sha = hashlib.sha256(data).hexdigest()
    secretariat.upload_blob(data, sha)
    r = requests.post(
        f"{url}/api/v1/documents/{document_id}/versions",
        json={"sha256": sha, "filename": "v2.pdf"},
        headers={"Authorization": f"Bearer {secretariat.token}"},
        timeout=10,
    )
    assert r.status_code == 201


def agenda_texts(window: MainWindow) -> list[str]:
    """Each row's cells; a paper's mark (drawn as a chip after its title) as "  [Mới]"."""

    def cell(node: QTreeWidgetItem, column: int) -> str:
        mark = node.data(0, MARK) if column == 0 else None
        return f"{node.text(0)}  [{mark[0]}]" if mark and mark[0] else node.text(column)

    return [" | ".join(cell(node, c) for c in range(4)) for node in window.meeting_page._nodes()]


def test_after_a_sync_the_next_meeting_is_one_click_from_today(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = synced_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    assert window.object_id == live_server.world.meeting_id
    qtbot.waitUntil(lambda: "Phiên họp thường kỳ" in window.meeting_page.title.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: any("Có trên máy" in t for t in agenda_texts(window)), timeout=WAIT)
    shown = agenda_texts(window)
    assert shown[0].startswith("1. Nội dung 1 | Bộ Tư pháp | 30 phút")
    assert any("[Mới]" in t for t in shown)  # nothing has been read yet
    assert "Hà Nội" in window.meeting_page.details.text()
    assert not window.meeting_page.board_button.isVisible()  # a member, not the chair
    sidebar = [window.sidebar.topLevelItem(i).text(0) for i in range(5)]
    assert sidebar[:4] == ["Hôm nay", "Phiên họp sắp tới", "Phiên họp đã qua", "Phiếu lấy ý kiến"]
    ballots = window.sidebar.topLevelItem(3)
    assert "Chờ trả lời" in ballots.child(0).text(0)
    # The meeting's badge counts its unread papers: those the agenda marks.
    marked = sum("[Mới]" in t for t in shown)
    assert window.sidebar.topLevelItem(1).child(0).data(0, BADGE) == marked > 0
    qtbot.waitUntil(lambda: "Trực tuyến" in window.status.connection.text(), timeout=WAIT)
    assert "Chờ gửi: 0" in window.status.waiting.text()
    # The first sync brought everything: the member is told so.
    assert window.banner.isVisibleTo(window)
    assert "tài liệu mới" in window.banner.label.text()


def test_opening_a_document_reads_it_and_clears_its_mark(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    window = synced_window(qtbot, account, tasks)
    document_id = live_server.world.document_ids[0]
    qtbot.waitUntil(lambda: window.meeting_page.select(DOCUMENT, document_id), timeout=WAIT)
    node = window.meeting_page.agenda.currentItem()
    assert node.data(0, ROLE) == (DOCUMENT, document_id)
    with qtbot.wait_signal(window.document_opened, timeout=WAIT) as opened:
        window.meeting_page.agenda.itemActivated.emit(node, 0)
    assert opened.args == [document_id]
    assert window.page == Screen.READER
    qtbot.waitUntil(lambda: account.store.count_outbox("pending") == 1, timeout=WAIT)
    window.go_back()
    assert shown_screen(window) == Screen.MEETING
    qtbot.waitUntil(
        lambda: not any("submission 1  [Mới]" in t for t in agenda_texts(window)), timeout=WAIT
    )
    assert any(t.startswith("submission 1 |") for t in agenda_texts(window))


def test_search_without_diacritics_opens_the_reader_on_the_page(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = synced_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    index = SearchIndex(window.account.store)
    qtbot.waitUntil(lambda: len(index.search("tai lieu")) == 8, timeout=WAIT)  # 4 papers x 2
    window.menus.search_action.trigger()
    assert window.page == Screen.SEARCH
    page = window.search_page
    assert page.query.hasFocus() or not window.isActiveWindow()
    with qtbot.wait_signal(page.searched, timeout=WAIT, check_params_cb=lambda n: n > 0):
        qtbot.keyClicks(page.query, "tai lieu draft noi dung 2")
    first = page.results.item(0)
    document_id, page_index, words = first.data(ROLE)
    assert document_id == live_server.world.document_ids[3]  # "draft 2"
    assert page_index in (0, 1)  # both pages of that draft say so
    assert words == "Tài liệu draft nội dung 2"  # the phrase, spelled as in the document
    assert "<b><u>Tài liệu draft nội dung 2</u></b>" in first.data(CARD_ROLE).snippet_html
    with qtbot.wait_signal(window.document_opened, timeout=WAIT):
        page.results.itemActivated.emit(first)
    assert shown_screen(window) == Screen.READER
    reader = window.reader
    # The reader's find bar looks for the words and lands on the hit's page, highlighted.
    assert reader.toolbar.search_field.text() == words
    qtbot.waitUntil(lambda: bool(reader.view.hits), timeout=WAIT)
    assert reader.current_page == reader.view.hits[reader.view.current_hit].page
    assert reader.current_page >= page_index


def test_ready_to_travel_fetches_what_is_missing(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    window = synced_window(qtbot, account, tasks)
    version = account.store.versions()[0]
    account.profile.blob_path(version.sha256).unlink()  # one paper went missing
    window.menus.travel_action.trigger()
    assert window.page == Screen.TRAVEL
    travel = window.travel_page
    qtbot.waitUntil(lambda: "Chưa sẵn sàng" in travel.verdict.text(), timeout=WAIT)
    assert "1/5" in travel.verdict.text()
    assert travel.fetch.isVisibleTo(window)
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT):
        travel.fetch.click()
    qtbot.waitUntil(lambda: "Sẵn sàng:" in travel.verdict.text(), timeout=WAIT)
    assert not travel.fetch.isVisibleTo(window)


def test_documents_page_filters_without_diacritics(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = synced_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    window.menus.documents_action.trigger()
    assert window.page == Screen.DOCUMENTS
    listing = window.documents_page.list
    qtbot.waitUntil(lambda: listing.topLevelItemCount() == 5, timeout=WAIT)
    window.documents_page.filter.setText("phieu lay y kien")  # the ballot's draft
    shown = [listing.topLevelItem(i) for i in range(5) if not listing.topLevelItem(i).isHidden()]
    assert [node.text(1) for node in shown] == ["Phiếu lấy ý kiến"]
    window.documents_page.filter.setText("thuong ky")  # the meeting "Phiên họp thường kỳ"
    shown = [listing.topLevelItem(i) for i in range(5) if not listing.topLevelItem(i).isHidden()]
    assert len(shown) == 4


def test_a_replaced_document_arrives_with_a_notice(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = synced_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    window.banner.hide()
    publish_new_version(live_server.url, live_server.world.document_ids[1])
    # Read the old version first, so the new one is "replaced", not merely "new".
    with qtbot.wait_signal(window.notice_shown, timeout=WAIT) as shown:
        window.sync.start()
    assert "1 tài liệu mới hoặc được thay thế" in shown.args[0]
    qtbot.waitUntil(
        lambda: any("draft 1  [Dự thảo v2 thay thế v1]" in t for t in agenda_texts(window)),
        timeout=WAIT,
    )


def test_without_the_server_the_window_shows_what_is_on_the_laptop(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    account.api = ServerApi("http://127.0.0.1:9", token=account.api.token)  # nobody listens
    window = open_window(qtbot, account, tasks)
    open_next_meeting(qtbot, window)
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT):
        window.sync.start()
    qtbot.waitUntil(lambda: "Ngoại tuyến" in window.status.connection.text(), timeout=WAIT)
    assert "dữ liệu trên máy" in window.status.message.text()
    assert window.sync.retry.isActive()  # it will try again soon
    qtbot.waitUntil(lambda: any("Có trên máy" in t for t in agenda_texts(window)), timeout=WAIT)
    window.sidebar.choose(Screen.BALLOT, live_server.world.ballot_id)
    assert window.page == Screen.BALLOT


def test_an_expired_session_asks_to_sign_in_again(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.api.token = "no-longer-a-valid-token-at-all"
    window = open_window(qtbot, account, tasks)
    with qtbot.wait_signal(window.session_expired, timeout=WAIT):
        window.sync.start()
    assert not account.signed_in
    assert "hết hạn" in window.status.message.text()


def test_cancel_stops_the_download(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    window = open_window(qtbot, account, tasks)
    window.sync.cancel()  # a cancel before any sync is forgotten when the next one starts
    # The member presses "stop" the moment the sync starts, before anything arrives.
    window.sync.started.connect(window.status.cancel.click)
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT) as done:
        window.sync.start()
    assert done.args[0].online
    assert done.args[0].bytes_downloaded == 0
    assert not any(account.profile.blob_dir.rglob("*"))


def test_screenshots_walk_every_screen(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    from ui.screenshots import ScreenshotTour

    window = open_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    tour = ScreenshotTour(window, tmp_path / "shots")
    with qtbot.wait_signal(tour.finished, timeout=60_000) as done:
        window.sync.start()
    assert done.args == [0]
    names = [path.name for path in tour.saved]
    walk = ["home", "meeting", "reader-notes", "ballot", "documents", "search", "travel"]
    walk += ["settings", "sign-in"]  # the dialogs too, and the same walk at both sizes
    assert names == [f"{n}-{s}.png" for s in ("1366x768", "1920x1080") for n in walk]
    assert all(path.stat().st_size > 5_000 for path in tour.saved)  # real pictures


def test_every_action_has_a_key_and_no_key_does_two_things(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QToolBar

    window = open_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    window.reader_slot.reader()  # made at the first document: its keys must not clash either
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        if not action.text() or action.menu() is not None or isinstance(action.parent(), QToolBar):
            continue  # menus, and the toolbars' own show/hide toggles
        keys = [k.toString() for k in action.shortcuts()]
        assert keys, f"{action.text()} has no keyboard shortcut"
        for key in keys:
            assert key not in seen, f"{key} is bound to {seen[key]} and {action.text()}"
            seen[key] = action.text()
    assert seen["Ctrl+Q"] == "Thoát" and seen["Ctrl+,"] == "Cài đặt…"
    assert seen["Ctrl+G"] == "Đến trang" and seen["F3"] == "Kết quả sau"
    assert QKeySequence("Ctrl+Shift+F").toString() in seen
