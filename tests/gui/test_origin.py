"""Where a document came from: one received through the national document exchange and
assigned to an agenda item shows its origin to the member on the meeting page (a quiet line
under it), in the reader's title, and in the tooltips of the documents screen and of its
search hits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ecabinet.client.search import SearchIndex
from tests.edxml_packages import EdxmlPackage
from tests.exchange_loopback import assign_to_item, deliver
from tests.gui.test_main_window import WAIT, synced_window
from tests.loopback import LiveServer, signed_in
from ui.meeting.page import DOCUMENT, ORIGIN, ROLE
from ui.screens import Screen
from ui.tasks import TaskManager
from ui.widgets.trees import all_nodes, top_level

ORIGIN_TEXT = "Tờ trình số 74/TTr-BTC ngày 10/11/2026 của Bộ Tài chính"


def test_a_member_sees_where_a_received_document_came_from(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    incoming_id = deliver(live_server, EdxmlPackage())
    document_id = assign_to_item(
        live_server, incoming_id, world.item_ids[0], "Du-thao-Nghi-dinh.pdf"
    )
    window = synced_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)

    page = window.meeting_page
    qtbot.waitUntil(lambda: page.select(DOCUMENT, document_id), timeout=WAIT)
    nodes = {tuple(n.data(0, ROLE)): n for n in all_nodes(page.agenda)}
    line = nodes[(ORIGIN, document_id)]
    assert line.text(0) == ORIGIN_TEXT
    assert line.parent() is nodes[(DOCUMENT, document_id)]  # the line under its document
    assert ORIGIN_TEXT in nodes[(DOCUMENT, document_id)].toolTip(0)
    assert not line.flags() & Qt.ItemFlag.ItemIsSelectable
    # Uploaded documents have no such line.
    others = [d for d in world.document_ids if (DOCUMENT, d) in nodes]
    assert others and all((ORIGIN, d) not in nodes for d in others)

    window.show_page(Screen.DOCUMENTS, "")
    listed = window.documents_page.list
    qtbot.waitUntil(
        lambda: any(n.data(0, ROLE) == document_id for n in top_level(listed)), timeout=WAIT
    )
    [row] = [n for n in top_level(listed) if n.data(0, ROLE) == document_id]
    assert ORIGIN_TEXT in row.toolTip(0)

    # The window indexes what a sync brought, on its lanes: the test only reads.
    index = SearchIndex(window.account.store)
    qtbot.waitUntil(
        lambda: any(h.document_id == document_id for h in index.search('"Nghị định"')),
        timeout=WAIT,
    )
    search = window.search_page
    with qtbot.wait_signal(search.searched, timeout=WAIT) as shown:
        search.query.setText('"Nghị định"')
        search.run_search()
    assert shown.args[0] > 0
    hits = [search.results.item(i) for i in range(search.results.count())]
    ours = [hit for hit in hits if hit.data(ROLE)[0] == document_id]
    assert len(ours) == 3  # its three pages, each naming where it came from
    assert all(hit.toolTip() == ORIGIN_TEXT for hit in ours)
    assert all(hit.toolTip() == "" for hit in hits if hit not in ours)

    with qtbot.wait_signal(window.document_opened, timeout=WAIT):
        window.open_document(document_id)
    assert ORIGIN_TEXT in window.reader.title.text()
    # The comparison's window title stays the document's title alone.
    assert ORIGIN_TEXT not in window.reader.plain_title
    assert window.reader.plain_title in window.reader.title.text()
