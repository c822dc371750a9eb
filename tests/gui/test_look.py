"""The visual language: the sidebar's cards (whole titles, state chips, unread badges), the
chips of lists and tables, home's link rows at any text size, and one style sheet that
follows the theme. Real widgets, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QListWidgetItem, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from ecabinet.client.library import BallotEntry, Overview
from ecabinet.domain import BallotStatus, MeetingKind, MeetingStatus
from ecabinet.wire.objects import BallotData, MeetingData
from ui.screens import Screen
from ui.sidebar import Sidebar
from ui.style import tokens
from ui.theme import DARK, LIGHT, apply_theme
from ui.widgets.card_list import CardList
from ui.widgets.cards import BADGE, CHIP, DETAIL, TITLE
from ui.widgets.chips import MARK, TONE, ChipDelegate
from ui.widgets.link_row import LinkRow
from ui.widgets.trees import children, top_level

NOW = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)
LONG = "Phiên họp Chính phủ chuyên đề về xây dựng pháp luật tháng 12 năm 2026 (lần thứ hai)"


def a_meeting(title: str = LONG, n: int = 1) -> MeetingData:
    return MeetingData(
        id=f"00000000-0000-0000-0000-00000000000{n}",
        kind=MeetingKind.REGULAR,
        title=title,
        starts_at=NOW + timedelta(days=4),
        status=MeetingStatus.PUBLISHED,
    )


def a_ballot(n: int, status: BallotStatus, hours: int) -> BallotData:
    return BallotData(
        id=f"00000000-0000-0000-0000-00000000010{n}",
        title=f"Phiếu lấy ý kiến số {n} về dự thảo Nghị định quy định về quản lý thuế",
        question="Đồng chí cho ý kiến",
        status=status,
        deadline=NOW + timedelta(hours=hours),
    )


def entry_titled(sidebar: Sidebar, title: str) -> QTreeWidgetItem:
    found = [e for s in top_level(sidebar) for e in children(s) if e.data(0, TITLE) == title]
    assert found, title
    return found[0]


def test_the_sidebar_shows_whole_titles_state_chips_and_unread_badges(qtbot: QtBot) -> None:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.resize(300, 700)
    sidebar.show()
    meeting = a_meeting()
    urgent = a_ballot(1, BallotStatus.OPEN, hours=5)
    closed = a_ballot(2, BallotStatus.CLOSED, hours=-48)
    overview = Overview(
        upcoming=(meeting, a_meeting("Phiên họp bất thường", 2)),
        past=(),
        ballots=(BallotEntry(urgent, False, True), BallotEntry(closed, True, True)),
        unread_documents=5,
        unread_by_meeting={meeting.id: 3},
    )
    sidebar.show_overview(overview, NOW)
    row = entry_titled(sidebar, LONG)
    assert row.data(0, CHIP) == ("Đã gửi tài liệu", tokens.ACCENT)
    assert row.data(0, BADGE) == 3
    assert LONG in row.toolTip(0) and "3 tài liệu chưa đọc" in row.toolTip(0)
    # The whole title is drawn, wrapped: its row is a line taller than a short title's.
    short = entry_titled(sidebar, "Phiên họp bất thường")
    line = sidebar.fontMetrics().height()
    assert sidebar.visualItemRect(row).height() >= sidebar.visualItemRect(short).height() + line
    chip, tone = entry_titled(sidebar, urgent.title).data(0, CHIP)
    assert (chip, tone) == ("Chờ trả lời", tokens.DANGER)  # due within the day
    assert entry_titled(sidebar, closed.title).data(0, CHIP)[0] == "Đã kết thúc"
    tools = top_level(sidebar)[-1]
    documents = children(tools)[0]
    assert documents.text(0) == "Tài liệu" and documents.data(0, BADGE) == 5
    assert all(not tool.icon(0).isNull() for tool in children(tools))
    assert not top_level(sidebar)[0].icon(0).isNull()  # "Hôm nay"
    # Keyboard and tests still find entries by what they are.
    assert sidebar.choose(Screen.MEETING, meeting.id)
    assert sidebar.current_choice() == (Screen.MEETING, meeting.id)


def test_a_chip_and_an_unread_mark_ask_for_their_room(qtbot: QtBot) -> None:
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setColumnCount(2)
    tree.setItemDelegate(ChipDelegate(tree))
    plain = QTreeWidgetItem(tree, ["Dự thảo Nghị quyết", "Có trên máy"])
    marked = QTreeWidgetItem(tree, ["Dự thảo Nghị quyết", "Có trên máy"])
    tree.show()
    without = tree.sizeHintForColumn(1)
    marked.setData(1, TONE, tokens.OK)
    plain.setData(1, TONE, tokens.OK)
    chip = tree.sizeHintForColumn(1)
    assert chip > without  # the pill's padding is room the column must give
    before = tree.sizeHintForColumn(0)
    marked.setData(0, MARK, ("Mới", tokens.ACCENT))
    assert tree.sizeHintForColumn(0) > before + tree.fontMetrics().horizontalAdvance("Mới")
    assert marked.text(0) == "Dự thảo Nghị quyết"  # the mark is drawn, not written in


def test_a_card_list_is_as_tall_as_its_cards_and_a_card_holds_several_chips(
    qtbot: QtBot,
) -> None:
    cards = CardList()
    qtbot.addWidget(cards)
    cards.resize(500, 100)
    cards.show()
    bare = QListWidgetItem("1. Dự thảo Nghị định", cards)
    bare.setData(DETAIL, "")
    one = QListWidgetItem("2. Dự thảo Nghị quyết", cards)
    one.setData(CHIP, ("Đang thảo luận", tokens.OK))
    two = QListWidgetItem("3. Dự thảo Luật", cards)
    two.setData(CHIP, [("Mới", tokens.ACCENT), ("Có trên máy", tokens.OK)])
    cards.fit()
    line = cards.fontMetrics().height()
    heights = [cards.visualItemRect(item).height() for item in (bare, one, two)]
    # A card with neither chip nor detail has no empty second line; chips share one line.
    assert heights[1] >= heights[0] + line // 2 and heights[2] == heights[1]
    # Every card shows, no scrolling, and the list takes no more than its cards.
    assert cards.verticalScrollBar().maximum() == 0
    assert cards.height() <= sum(heights) + 2 * cards.frameWidth() + 4
    assert two.text() == "3. Dự thảo Luật"  # the chips are drawn, not written in


def test_a_link_row_wraps_and_follows_the_text_size(qtbot: QtBot) -> None:
    row = LinkRow("Phiếu lấy ý kiến về dự thảo Nghị định quy định về quản lý thuế", "Hạn …")
    qtbot.addWidget(row)
    assert row.heightForWidth(220) > row.heightForWidth(900)  # the title wraps when narrow
    small = row.heightForWidth(900)
    font = row.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    row.setFont(font)
    assert row.heightForWidth(900) > 1.5 * small  # Qt's own row stayed at 9 points


@pytest.fixture
def theme_restored(qapp: QApplication) -> Iterator[QApplication]:
    sheet, palette = qapp.styleSheet(), qapp.palette()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    apply_theme(qapp, LIGHT)


def test_one_style_sheet_follows_the_theme(theme_restored: QApplication) -> None:
    app = theme_restored
    assert apply_theme(app, DARK)
    dark = app.styleSheet()
    assert tokens.DARK.accent in dark and tokens.DARK.card in dark
    assert 'QLabel[tone="danger"]' in dark  # the chips' tones
    assert not apply_theme(app, LIGHT)
    light = app.styleSheet()
    assert tokens.LIGHT.accent in light and tokens.DARK.card not in light
