"""The Government Office's record in the desktop: filtered, paged, exported."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.loopback import LiveServer, signed_in
from ui.main_window import MainWindow
from ui.record.page import RecordPage
from ui.screens import Screen
from ui.tasks import TaskManager

WAIT = 20_000
CODE = re.compile(r"\b[a-z]+\.[a-z_]+\b")  # auth.login, pki.issue
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


def test_the_office_reads_and_exports_the_record(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/meetings/{live_server.world.draft_meeting_id}/publish").close()
    page = RecordPage(office, tasks)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.loaded, timeout=WAIT) as loaded:
        page.reload()
    assert loaded.args[0] >= 1
    said = [page.table.topLevelItem(i).text(1) for i in range(page.table.topLevelItemCount())]
    # The world's secretariat (full name "Secretariat") sent the draft meeting's papers.
    assert "Secretariat đã gửi tài liệu phiên họp “Phiên chuyên đề (nháp)” tới người được mời" in (
        said
    )
    for sentence in said:  # words, never a code or an id
        assert not CODE.search(sentence) and not UUID.search(sentence), sentence
    page.kind.setCurrentIndex(page.kind.findData("auth"))
    with qtbot.wait_signal(page.loaded, timeout=WAIT) as loaded:
        page.reload()
    shown = [page.table.topLevelItem(i).text(1) for i in range(page.table.topLevelItemCount())]
    assert loaded.args[0] >= 1 and all("đã đăng nhập" in s or "đã đăng xuất" in s for s in shown)
    target = tmp_path / "nhat-ky.csv"
    with qtbot.wait_signal(page.message_shown, timeout=WAIT):
        page.export_to(target)
    assert target.read_text(encoding="utf-8-sig").startswith("id,at,actor,action")


def test_only_the_office_sees_the_record_in_the_sidebar(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    for username, expected in (("secretariat", True), ("member01", False)):
        account = signed_in(live_server.url, tmp_path / username, username)
        account.sync_service().sync()
        window = MainWindow(account, tasks)
        qtbot.addWidget(window)

        def shown(w: MainWindow = window) -> bool:
            return w.last_view is not None

        qtbot.waitUntil(shown, timeout=WAIT)
        assert window.sidebar.choose(Screen.RECORD) is expected, username


def test_two_reloads_in_a_row_show_each_entry_once(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path
) -> None:
    """The page shown twice in a row (as the tour does): the first read's answer, arriving
    after the second reload began, is not added to the second's."""
    office = signed_in(live_server.url, tmp_path / "s", "secretariat")
    tasks = TaskManager(network_workers=1)  # one network thread: the reads answer in order
    page = RecordPage(office, tasks)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.loaded, timeout=WAIT):
        page.reload()
    alone = page.table.topLevelItemCount()
    page.reload()
    with qtbot.wait_signal(page.loaded, timeout=WAIT):
        page.reload()
    answered: list[object] = []  # the network lane runs in order: the other read is in too
    tasks.run_network(lambda: None, answered.append)
    qtbot.waitUntil(lambda: bool(answered), timeout=WAIT)
    ids = [row.id for row in page.rows]
    try:
        assert len(ids) == len(set(ids)) == page.table.topLevelItemCount() >= alone
    finally:
        tasks.shutdown()
