"""The document reader on real PDFs: pages, zoom, outline, thumbnails, search, copy, last page."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QResizeEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QMainWindow, QToolButton
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.paths import Profile
from ecabinet.client.secrets import MemorySecrets
from ecabinet.pdf.compose import DocumentSpec, Section, compose
from tests.gui.layout_check import layout_problems
from ui import theme
from ui.reader import background
from ui.reader.reader import DocumentReader
from ui.tasks import TaskManager

WAIT = 20_000
FILLER = "Nội dung được trình bày để các thành viên Chính phủ cho ý kiến. " * 40


def draft(chapters: int = 6) -> bytes:
    sections = [
        Section(
            f"Chương {n}. Quy định số {n}",
            [f"Điều khoản về ngân sách nhà nước mục {n}." if n in (2, 5) else "Không có.", FILLER],
        )
        for n in range(1, chapters + 1)
    ]
    return compose(DocumentSpec(title="Dự thảo Nghị định thử", sections=sections))


@pytest.fixture
def account(tmp_path: Path) -> Account:
    return Account.open(Profile.open(tmp_path / "profile"), secrets=MemorySecrets())


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "draft.pdf"
    path.write_bytes(draft())
    return path


def open_reader(
    qtbot: QtBot, account: Account, tasks: TaskManager, path: Path, **options: object
) -> DocumentReader:
    reader = DocumentReader(account, tasks)
    qtbot.addWidget(reader)
    reader.resize(1000, 800)
    reader.show()
    arguments: dict[str, object] = {
        "document_id": "doc-1",
        "version_id": "v-1",
        "title": "Dự thảo",
        "data": path.read_bytes(),
        "allow_copy": True,
        "page": 0,
    }
    arguments.update(options)
    with qtbot.wait_signal(reader.loaded, timeout=WAIT):
        reader.open_document(**arguments)  # type: ignore[arg-type]
    return reader


def test_pages_zoom_and_going_to_a_page(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    reader = open_reader(qtbot, account, tasks, pdf)
    pages = reader.document.pageCount()
    assert pages >= 4
    assert reader.toolbar.page_count.text() == f"/ {pages}"
    assert reader.view.pageMode() == QPdfView.PageMode.MultiPage
    assert reader.view.zoomMode() == QPdfView.ZoomMode.FitToWidth  # how a draft opens
    fitted = reader.view.effective_zoom()
    reader.toolbar.zoom_in_action.trigger()  # from what is shown, not from 100 %
    assert reader.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert reader.view.zoomFactor() == pytest.approx(fitted * 1.25, rel=0.02)
    reader.toolbar.zoom_out_action.trigger()
    assert reader.view.zoomFactor() == pytest.approx(fitted, rel=0.02)
    reader.toolbar.fit_width_action.trigger()
    assert reader.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    reader.toolbar.fit_page_action.trigger()
    assert reader.view.zoomMode() == QPdfView.ZoomMode.FitInView
    reader.toolbar.page_field.setText("3")
    qtbot.keyClick(reader.toolbar.page_field, "\r")
    assert reader.current_page == 2
    reader.toolbar.page_field.setText("999")
    with qtbot.wait_signal(reader.message_shown, timeout=WAIT) as told:
        qtbot.keyClick(reader.toolbar.page_field, "\r")
    assert f"{pages} trang" in told.args[0]
    assert reader.current_page == 2


def test_a_page_gone_to_after_a_resize_stands(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    # The page read is kept through a resize; a jump asked for after it (the last page read,
    # answered by the local lane while the new window was still being laid out) stands.
    reader = open_reader(qtbot, account, tasks, pdf)
    reader.go_to_page(1)
    viewport = reader.view.viewport()
    QApplication.sendEvent(viewport, QResizeEvent(viewport.size(), viewport.size()))
    reader.go_to_page(3)
    QApplication.processEvents()  # what the resize left to do afterwards (a zero timer) runs
    assert reader.current_page == 3


def test_the_outline_lists_the_chapters_and_goes_there(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    reader = open_reader(qtbot, account, tasks, pdf)
    model = reader.bookmarks
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "Chương 5. Quy định số 5" in titles
    assert not reader.side.no_outline.isVisibleTo(reader)
    index = model.index(titles.index("Chương 5. Quy định số 5"), 0)
    target = index.data(model.Role.Page)
    assert target > 0
    reader.side.outline.clicked.emit(index)
    assert reader.current_page == target


def test_thumbnails_are_rendered_off_the_gui_thread(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[int] = set()
    original = background.render_thumbnails

    def watched(*args: object, **kwargs: object) -> int:
        threads.add(threading.get_ident())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("ui.reader.loading.render_thumbnails", watched)
    reader = DocumentReader(account, tasks)
    qtbot.addWidget(reader)
    arrived: list[int] = []
    reader.thumbnail_ready.connect(lambda page, _image: arrived.append(page))
    reader.open_document(
        document_id="d", version_id="v", title="t", data=pdf.read_bytes(), allow_copy=True
    )
    pages = reader.document.pageCount()
    qtbot.waitUntil(lambda: len(arrived) == pages, timeout=WAIT)
    assert sorted(arrived) == list(range(pages))
    assert threads and threading.get_ident() not in threads
    icon_image = reader.side.thumbnails.item(0).icon().pixmap(120, 170).toImage()
    assert icon_image.pixelColor(2, 2).lightness() > 240  # paper is white, not black
    assert reader.side.thumbnails.count() == pages
    reader.side.thumbnails.itemClicked.emit(reader.side.thumbnails.item(pages - 1))
    assert reader.current_page == pages - 1


def test_search_without_diacritics_highlights_every_hit(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    reader = open_reader(qtbot, account, tasks, pdf)
    qtbot.waitUntil(lambda: reader.finder.texts is not None, timeout=WAIT)
    texts = reader.finder.texts or []
    expected = sorted({p for p, text in enumerate(texts) if "ngân sách" in text})
    assert len(expected) == 2
    assert reader.finder.search("ngan sach") == 2
    assert [hit.page for hit in reader.view.hits] == expected
    assert all(hit.polygons for hit in reader.view.hits)  # something to paint on each
    assert reader.current_page == expected[0]
    assert reader.finder.hit_count.text() == "1/2"
    reader.finder.next_hit()
    assert reader.current_page == expected[1]
    assert reader.finder.hit_count.text() == "2/2"
    reader.finder.next_hit()  # round again
    assert reader.current_page == expected[0]
    assert reader.finder.search("xyzzy quux") == 0
    assert reader.finder.hit_count.text() == "Không thấy"


def test_opened_from_a_search_result_it_lands_on_the_hit(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    pages = [
        p for p, text in enumerate(background.page_texts(pdf.read_bytes())) if "ngân sách" in text
    ]
    reader = DocumentReader(account, tasks)
    qtbot.addWidget(reader)
    reader.show()
    with qtbot.wait_signal(reader.finder.searched, timeout=WAIT) as found:
        reader.open_document(
            document_id="d",
            version_id="v",
            title="t",
            data=pdf.read_bytes(),
            allow_copy=True,
            page=pages[1],  # the result chosen was the second page with the words
            search="ngân sách",
        )
    assert found.args == [2]
    assert reader.view.hits[reader.view.current_hit].page == pages[1]
    assert reader.current_page == pages[1]


def char_centre(reader: DocumentReader, page: int, index: int) -> QPointF:
    """Where a character of the page's text is, in PDF points (selections start on text)."""
    (polygon,) = reader.document.getSelectionAtIndex(page, index, 1).bounds()
    return polygon.boundingRect().center()


def select_first_words(reader: DocumentReader) -> str:
    text = reader.document.getAllText(0).text()
    end = text.index("thử")
    return reader.view.select_between(0, char_centre(reader, 0, 0), char_centre(reader, 0, end))


def test_copy_when_allowed_and_refused_when_not(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    reader = open_reader(qtbot, account, tasks, pdf, allow_copy=False)
    assert "Dự thảo Nghị định" in select_first_words(reader)
    with qtbot.wait_signal(reader.message_shown, timeout=WAIT) as told:
        assert not reader.copy()
    assert "không cho phép sao chép" in told.args[0]
    assert clipboard.text() == "before"
    reader = open_reader(qtbot, account, tasks, pdf, allow_copy=True)
    selected = select_first_words(reader)
    assert reader.copy()
    assert clipboard.text() == selected


def test_dragging_the_mouse_selects_text(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    reader = open_reader(qtbot, account, tasks, pdf)
    view = reader.view
    layout = view.layout()
    text = reader.document.getAllText(0).text()
    scroll = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    start = (layout.from_page(0, char_centre(reader, 0, text.index("Dự"))) - scroll).toPoint()
    end = (layout.from_page(0, char_centre(reader, 0, text.index("thử"))) - scroll).toPoint()
    with qtbot.wait_signal(view.selection_changed, timeout=WAIT, check_params_cb=bool) as chosen:
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), end)
    assert chosen.args[0].startswith("Dự thảo Nghị định")


def test_the_last_page_is_remembered_per_document(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    reader = open_reader(qtbot, account, tasks, pdf)
    with qtbot.wait_signal(reader.last_page_changed, timeout=WAIT) as saved:
        reader.go_to_page(3)
    assert saved.args == ["doc-1", 3]
    reader.close_document()
    again = DocumentReader(account, tasks)
    qtbot.addWidget(again)
    again.show()
    again.open_document(
        document_id="doc-1", version_id="v-1", title="t", data=pdf.read_bytes(), allow_copy=True
    )
    qtbot.waitUntil(lambda: again.current_page == 3, timeout=WAIT)
    other = DocumentReader(account, tasks)
    qtbot.addWidget(other)
    other.open_document(
        document_id="doc-2", version_id="v-2", title="t", data=pdf.read_bytes(), allow_copy=True
    )
    qtbot.wait(300)
    assert other.current_page == 0


def test_a_damaged_file_says_so(
    qtbot: QtBot, account: Account, tasks: TaskManager, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    reader = DocumentReader(account, tasks)
    qtbot.addWidget(reader)
    with qtbot.wait_signal(reader.message_shown, timeout=WAIT) as told:
        reader.open_document(
            document_id="d", version_id="v", title="t", data=broken.read_bytes(), allow_copy=True
        )
    assert "tệp bị hỏng" in told.args[0]
    assert reader.document.pageCount() == 0


def test_one_toolbar_of_icons_fits_beside_the_sidebar_and_panels_fold_away(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, theme.LIGHT)  # the application's style sheet, as the window has it
    reader = open_reader(qtbot, account, tasks, pdf)
    reader.resize(1366 - 290, 700)  # a 1366 px laptop, less the window's sidebar
    qtbot.waitUntil(lambda: reader.width() == 1076, timeout=WAIT)
    overflow = reader.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible()  # no "»": every tool is on screen
    # Pages take the whole width until a panel is asked for.
    assert reader.open_panel == ""
    assert not reader.side.isVisible()
    reader.toolbar.panel_actions["notes"].trigger()
    assert reader.open_panel == "notes"
    qtbot.waitUntil(reader.notes_panel.isVisible, timeout=WAIT)
    assert 220 <= reader.side.width() <= 300  # its buttons, no more
    reader.toolbar.panel_actions["thumbnails"].trigger()  # one panel at a time
    assert reader.open_panel == "thumbnails"
    assert not reader.toolbar.panel_actions["notes"].isChecked()
    reader.toolbar.panel_actions["thumbnails"].trigger()
    assert reader.open_panel == "" and not reader.side.isVisible()
    # The colour in use is the colour button's swatch; choosing another changes it.
    tools = reader.notes_tools
    before = tools.colour_button.icon().pixmap(20, 20).toImage().pixelColor(10, 10)
    assert before == QColor(tools.annotator.colour)
    tools.colour_button.menu().actions()[2].trigger()
    after = tools.colour_button.icon().pixmap(20, 20).toImage().pixelColor(10, 10)
    assert after == QColor(tools.annotator.colour) != before
    # The pen's width is a choice of the same kind: one checked, the one in use.
    widths = tools.width_button.menu().actions()
    widths[2].trigger()
    assert tools.annotator.width == 4.0 and widths[2].isChecked() and not widths[0].isChecked()


def test_the_open_panel_is_remembered(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    reader = open_reader(qtbot, account, tasks, pdf)
    reader.toolbar.panel_actions["outline"].trigger()
    reader.splitter.setSizes([300, 700])  # the member widens it, closes it, opens it again
    qtbot.waitUntil(lambda: reader.side.width() == 300, timeout=WAIT)
    reader.toolbar.panel_actions["outline"].trigger()
    assert reader.open_panel == ""
    reader.toolbar.panel_actions["notes"].trigger()
    qtbot.waitUntil(lambda: reader.side.width() == 300, timeout=WAIT)
    again = open_reader(qtbot, account, tasks, pdf)
    assert again.open_panel == "notes"
    assert again.toolbar.panel_actions["notes"].isChecked()


def test_a_long_title_is_cut_on_screen_and_whole_in_the_window_title(
    qtbot: QtBot, account: Account, tasks: TaskManager, pdf: Path
) -> None:
    host = QMainWindow()
    qtbot.addWidget(host)
    reader = DocumentReader(account, tasks)
    host.setCentralWidget(reader)
    host.resize(700, 600)
    host.show()
    title = "Dự thảo Nghị định quy định chi tiết một số điều của Luật Ngân sách nhà nước " * 2
    origin = "Nhận qua Trục liên thông văn bản quốc gia"
    with qtbot.wait_signal(reader.loaded, timeout=WAIT):
        reader.open_document(
            document_id="d",
            version_id="v",
            title=title,
            origin=origin,
            data=pdf.read_bytes(),
            allow_copy=True,
        )
    assert host.windowTitle() == f"{title} · {origin} — e-Cabinet"
    label = reader.header.title
    assert "…" in label.text() and label.toolTip() == f"{title}\n{origin}"
    assert layout_problems(reader) == []  # cut to its width, not clipped
    reader.hide()  # another screen: the window's title is its own again
    assert host.windowTitle() == "e-Cabinet"
    answered: list[object] = []  # the local lane runs in order: what the reader asked is done
    tasks.run_local(lambda: None, answered.append)
    qtbot.waitUntil(lambda: bool(answered), timeout=WAIT)
