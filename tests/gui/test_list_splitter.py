"""The Office's lists beside their pages (ui/widgets/splitter.py): as wide as their longest
line, never a horizontal scrollbar, and the handle stays where the member left it, on this
screen and the next time it opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem
from pytestqt.qtbot import QtBot

from tests.gui.test_office_meetings import WAIT, office_page
from tests.loopback import LiveServer
from ui.tasks import TaskManager
from ui.widgets.splitter import MIN_LIST, ListSplitter, content_width

LONG = "Phiên họp Chính phủ chuyên đề về xây dựng pháp luật\nĐã phát hành · Thứ Bảy, 19/12/2026"


def splitter_with(qtbot: QtBot, lines: list[str]) -> ListSplitter:
    view = QListWidget()
    for line in lines:
        QListWidgetItem(line, view)
    splitter = ListSplitter("test", view, QLabel("trang"))
    qtbot.addWidget(splitter)
    splitter.resize(1200, 600)
    splitter.show()
    qtbot.waitExposed(splitter)
    return splitter


def test_the_list_takes_the_width_of_its_lines_and_keeps_a_moved_handle(qtbot: QtBot) -> None:
    splitter = splitter_with(qtbot, [LONG, "Ngắn"])
    wide = splitter.sizes()[0]
    assert wide == content_width(splitter.view) > MIN_LIST  # the longest line, whole
    assert splitter.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    short = splitter_with(qtbot, ["Ngắn"])
    assert short.sizes()[0] < wide  # a list of short titles is no wider than it needs

    splitter.moveSplitter(300, 1)  # the member drags the handle
    assert splitter.sizes()[0] == 300 and splitter.placed
    splitter.fit_list()  # a reload does not undo it
    splitter.resize(1400, 600)
    assert splitter.sizes()[0] == 300
    again = splitter_with(qtbot, [LONG])  # opened again: where it was left
    assert again.placed and again.sizes()[0] == 300


def test_the_office_meetings_list_shows_its_titles_whole_at_1366(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    page = office_page(qtbot, live_server, tmp_path / "s", tasks)
    page.resize(1366 - 280, 768 - 120)  # beside the window's sidebar on a 1366x768 screen
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.splitter.sizes()[0] > MIN_LIST, timeout=WAIT)
    widest = max(
        page.list.fontMetrics().horizontalAdvance(line)
        for i in range(page.list.count())
        for line in page.list.item(i).text().splitlines()[:1]  # the titles
    )
    assert page.list.viewport().width() >= widest
    assert all(page.list.item(i).toolTip() for i in range(page.list.count()))
