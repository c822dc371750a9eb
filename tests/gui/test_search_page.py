"""The search screen on real widgets over a real synced laptop: cards that never overlap, the
filters by meeting and by kind, more results on demand, and screenshots at two sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ecabinet.client.search import SearchIndex
from ecabinet.domain import DocumentKind
from tests.loopback import LiveServer, signed_in
from tests.search_library import Library
from ui.search.cards import CARD_ROLE
from ui.search.page import ROLE, SearchPage
from ui.tasks import TaskManager

WAIT = 30_000
BUDGET = (
    "Dự toán ngân sách nhà nước năm 2026 được lập theo quy định của Luật Ngân sách nhà nước, "
    "bảo đảm chi cho chuyển đổi số và cải cách hành chính."
)
TITLE = (
    "Báo cáo tình hình thực hiện dự toán ngân sách nhà nước năm 2026 và dự kiến dự toán "
    "ngân sách nhà nước năm 2027 (kèm theo các phụ lục chi tiết của Bộ Tài chính)"
)


@pytest.fixture
def page(qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager) -> SearchPage:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    SearchIndex(account.store).index_new_documents()
    library = Library(account.store)
    meeting = library.meeting("Phiên họp Chính phủ thường kỳ tháng 12 năm 2026")
    item = library.item(meeting, "Dự toán ngân sách nhà nước năm 2027", 3)
    pages = [f"{BUDGET} Trang {n}." for n in range(60)]
    library.document(TITLE, pages, item_id=item, kind=DocumentKind.REPORT)
    widget = SearchPage(account, tasks)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def search(qtbot: QtBot, page: SearchPage, text: str) -> int:
    with qtbot.wait_signal(page.searched, timeout=WAIT) as shown:
        page.query.setText(text)
        page.run_search()
    return int(shown.args[0])


def choose(qtbot: QtBot, combo_owner: SearchPage, which: str, data: str) -> int:
    combo = combo_owner.meeting if which == "meeting" else combo_owner.kind
    index = combo.findData(data)
    assert index >= 0
    with qtbot.wait_signal(combo_owner.searched, timeout=WAIT) as shown:
        combo.setCurrentIndex(index)
    return int(shown.args[0])


def assert_cards_do_not_overlap(page: SearchPage) -> None:
    view = page.results
    line = view.fontMetrics().lineSpacing()
    rects = [view.visualItemRect(view.item(n)) for n in range(view.count())]
    for above, below in zip(rects, rects[1:], strict=False):
        assert above.bottom() < below.top()
    for rect in rects:
        assert rect.height() >= 3 * line  # title, place and snippet, never squeezed to one
        assert rect.width() <= view.viewport().width()


def test_more_results_on_demand_and_cards_that_never_overlap(
    qtbot: QtBot, page: SearchPage, tmp_path: Path
) -> None:
    assert search(qtbot, page, "ngan sach") == 50
    assert page.more.isVisible()
    assert "50 trên 60" in page.summary.text()
    first = page.results.item(0).data(CARD_ROLE)
    assert first.title == TITLE  # the full title, never cut
    assert "Báo cáo · Phiên họp Chính phủ thường kỳ tháng 12 năm 2026" in first.place
    assert first.kind == "Báo cáo"  # its chip; the line beside it says where it belongs
    assert first.where.startswith("Phiên họp Chính phủ thường kỳ tháng 12 năm 2026 · ")
    assert "Nội dung 3: Dự toán ngân sách nhà nước năm 2027" in first.place
    assert "<b><u>ngân sách</u></b>" in first.snippet_html
    assert_cards_do_not_overlap(page)
    page.results.setCurrentRow(1)  # the selected card too
    assert_cards_do_not_overlap(page)
    page.grab().save(str(tmp_path / "search-1366x768.png"))
    with qtbot.wait_signal(page.searched, timeout=WAIT) as shown:
        page.more.click()
    assert shown.args == [60]
    assert not page.more.isVisible()
    pages = sorted(page.results.item(n).data(ROLE)[1] for n in range(60))
    assert pages == list(range(60))  # every page once
    page.resize(1920, 1080)
    qtbot.waitUntil(lambda: page.results.viewport().width() > 1500, timeout=WAIT)
    assert_cards_do_not_overlap(page)
    page.grab().save(str(tmp_path / "search-1920x1080.png"))


def test_more_after_typing_a_new_query_starts_the_new_query(qtbot: QtBot, page: SearchPage) -> None:
    assert search(qtbot, page, "ngan sach") == 50
    page.query.setText("tai lieu")  # "Xem thêm" clicked before the typing pause ends
    with qtbot.wait_signal(page.searched, timeout=WAIT) as shown:
        page.more.click()
    assert shown.args == [8]  # the new query's results alone, not appended to the old ones
    assert all("ngân sách" not in page.results.item(n).data(CARD_ROLE).title for n in range(8))


def test_filters_by_meeting_and_by_kind(
    qtbot: QtBot, page: SearchPage, live_server: LiveServer
) -> None:
    assert search(qtbot, page, "tai lieu") == 8  # four papers of two pages
    titles = [page.meeting.itemText(n) for n in range(page.meeting.count())]
    assert titles[0] == "Mọi phiên họp"
    assert any(t.startswith("Phiên họp thường kỳ — ") for t in titles)
    assert choose(qtbot, page, "kind", "submission") == 4
    places = [page.results.item(n).data(CARD_ROLE).place for n in range(4)]
    assert all(place.startswith("Tờ trình · Phiên họp thường kỳ · Nội dung") for place in places)
    assert choose(qtbot, page, "meeting", live_server.world.meeting_id) == 4
    assert choose(qtbot, page, "kind", "") == 8
    december = next(page.meeting.itemData(n) for n, t in enumerate(titles) if "tháng 12" in t)
    assert choose(qtbot, page, "meeting", december) == 0
    assert "Không tìm thấy “tai lieu”" in page.summary.text()
    assert search(qtbot, page, "ngan sach") == 50  # the filter stays as the query changes
    assert page.meeting.currentData() == december


def test_opening_a_result_asks_for_the_reader_at_its_page(qtbot: QtBot, page: SearchPage) -> None:
    assert search(qtbot, page, '"ngan sach nha nuoc" trang 7 ') >= 1
    first = page.results.item(0)
    with qtbot.wait_signal(page.open_hit, timeout=WAIT) as opened:
        page.results.itemActivated.emit(first)
    document_id, page_index, words = opened.args
    assert page_index == 7  # "Trang 7." is on the eighth page, shown first
    assert words.lower() == "ngân sách nhà nước"  # as the page spells it
    assert document_id == first.data(ROLE)[0]
