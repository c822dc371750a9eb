"""The reader's pen against a real server: mark selected words, stick a note, draw, write; select,
move, edit, share and delete; undo and redo; the notes panel; export and import."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.library import Library
from ecabinet.client.notes import my_notes
from ecabinet.domain import Sharing
from ecabinet.pdf.text_layout import page_texts
from tests.loopback import LiveServer, signed_in
from ui.reader.annotator import Tool
from ui.reader.reader import DocumentReader
from ui.tasks import TaskManager

WAIT = 20_000


def reader_on(
    qtbot: QtBot, account: Account, tasks: TaskManager, document_id: str
) -> DocumentReader:
    entry = Library(account).document(document_id)
    assert entry is not None and entry.version is not None
    reader = DocumentReader(account, tasks)
    qtbot.addWidget(reader)
    reader.resize(1000, 800)
    reader.show()
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT):
        reader.open_document(
            document_id=document_id,
            version_id=entry.version.id,
            title=entry.document.title,
            data=account.store.vault.read(entry.version.sha256),
            allow_copy=True,
            page=0,
        )
    qtbot.waitUntil(lambda: reader.annotator.texts is not None, timeout=WAIT)
    return reader


def select_words(reader: DocumentReader, words: str) -> None:
    text = reader.document.getAllText(0).text()
    start = text.index(words)

    def centre(index: int) -> QPointF:
        (polygon,) = reader.document.getSelectionAtIndex(0, index, 1).bounds()
        return polygon.boundingRect().center()

    reader.view.select_between(0, centre(start), centre(start + len(words)))


def test_marking_selected_words_saves_a_note_with_its_quote(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    reader = reader_on(qtbot, member, tasks, live_server.world.document_ids[1])
    reader.notes_tools.use(Tool.HIGHLIGHT)
    select_words(reader, "nội dung")
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT) as changed:
        note = reader.annotator.mark_selection()
    assert note is not None and note.kind == "highlight"
    (shown,) = changed.args[0]
    assert shown.quote.startswith("nội dung") and shown.prefix and shown.rects
    assert member.store.count_outbox("pending") >= 1
    assert reader.notes_panel.list.count() == 1
    assert "Tô sáng" in reader.notes_panel.list.item(0).text()
    assert not reader.notes_panel.list.item(0).icon().isNull()  # the kind's sign, in its colour

    # On the page the words are marked in a colour seen at a glance, and stay readable. The
    # view draws a page's text when its render is ready, after the mark can already be drawn
    # over blank paper: wait for the letters, then look.
    def colours_under_the_mark() -> list[QColor]:
        image = reader.view.viewport().grab().toImage()
        layout, scroll = reader.view.layout(), reader.view.verticalScrollBar().value()
        colours = []
        for x0, y0, x1, y1 in shown.rects:
            top_left = layout.from_page(0, QPointF(x0, y0))
            bottom_right = layout.from_page(0, QPointF(x1, y1))
            for x in range(int(top_left.x()) + 1, int(bottom_right.x()) - 1):
                for y in range(int(top_left.y() - scroll) + 1, int(bottom_right.y() - scroll) - 1):
                    colours.append(image.pixelColor(x, y))
        return colours

    def letters_dark() -> bool:
        return min(c.lightness() for c in colours_under_the_mark()) < 90

    qtbot.waitUntil(letters_dark, timeout=WAIT)  # and the letters are still dark
    colours = colours_under_the_mark()
    marked = [c for c in colours if c.red() > 200 and c.green() > 170 and c.blue() < 110]
    assert len(marked) > len(colours) * 0.4  # the paper under the words is plainly yellow
    assert member.sync_service().sync().rejected == 0  # the server took it


def test_sticky_note_ink_and_text_box_from_the_mouse(
    qtbot: QtBot,
    live_server: LiveServer,
    member: Account,
    tasks: TaskManager,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reader = reader_on(qtbot, member, tasks, live_server.world.document_ids[1])
    view = reader.view
    monkeypatch.setattr(
        "ui.reader.annotator.QInputDialog.getMultiLineText",
        lambda *_args, **_kw: ("Cần làm rõ", True),
    )
    reader.notes_tools.use(Tool.NOTE)
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT):
        view.page_pressed.emit(0, QPointF(300, 300))
    reader.notes_tools.use(Tool.INK)
    view.page_pressed.emit(0, QPointF(100, 400))
    view.page_dragged.emit(0, QPointF(150, 420))
    view.page_dragged.emit(0, QPointF(200, 400))
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT):
        view.page_released.emit(0, QPointF(200, 400))
    reader.notes_tools.use(Tool.FREETEXT)
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT):
        view.page_pressed.emit(0, QPointF(100, 600))
    kinds = sorted(n.kind for n in view.notes)
    assert kinds == ["freetext", "ink", "note"]
    ink = next(n for n in view.notes if n.kind == "ink")
    assert ink.points == [[(100, 400), (150, 420), (200, 400)]]
    reader.view.grab()  # every kind paints
    qtbot.waitUntil(lambda: len(my_notes(member)) == 3, timeout=WAIT)


def test_select_move_edit_share_delete_undo_redo(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    reader = reader_on(qtbot, member, tasks, live_server.world.document_ids[1])
    annotator, view = reader.annotator, reader.view
    with qtbot.wait_signal(annotator.notes_changed, timeout=WAIT):
        annotator.add(0, "note", rects=[(300, 300, 320, 320)], text="Một")
    reader.notes_tools.use(Tool.SELECT)
    view.page_pressed.emit(0, QPointF(310, 310))  # choose it
    assert view.selected_note == view.notes[0].id
    with qtbot.wait_signal(annotator.notes_changed, timeout=WAIT):
        view.page_released.emit(0, QPointF(340, 330))  # dragged 30 right, 20 down
    assert view.notes[0].rects == [(330, 320, 350, 340)]
    with qtbot.wait_signal(annotator.notes_changed, timeout=WAIT):
        annotator.edit_selected("Hai")
    with qtbot.wait_signal(annotator.notes_changed, timeout=WAIT):
        annotator.share_selected(Sharing.MEETING)
    assert (view.notes[0].text, view.notes[0].shared) == ("Hai", "meeting")
    with qtbot.wait_signal(annotator.notes_changed, timeout=WAIT):
        reader.notes_tools.undo_action.trigger()  # back to private
    assert view.notes[0].shared == "private"
    with qtbot.wait_signal(annotator.notes_changed, timeout=WAIT):
        reader.notes_tools.delete_action.trigger()
    assert view.notes == []
    with qtbot.wait_signal(annotator.notes_changed, timeout=WAIT):
        reader.notes_tools.undo_action.trigger()  # the deleted note comes back, same id
    assert [n.text for n in view.notes] == ["Hai"]
    with qtbot.wait_signal(annotator.notes_changed, timeout=WAIT):
        reader.notes_tools.redo_action.trigger()
    assert view.notes == []
    assert member.sync_service().sync().rejected == 0


def test_a_colleagues_shared_note_is_shown_and_cannot_be_deleted(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager, tmp_path: Path
) -> None:
    from ecabinet.client.notes import note_on_words

    document_id = live_server.world.document_ids[1]
    colleague = signed_in(live_server.url, tmp_path / "c", "member02")
    colleague.sync_service().sync()
    note_on_words(colleague, document_id, 1, "highlight", "Tài liệu", text="Xem", shared="meeting")
    colleague.sync_service().sync()
    member.sync_service().sync()
    reader = reader_on(qtbot, member, tasks, document_id)
    (shown,) = reader.view.notes
    assert shown.author_id != reader.view.me
    assert reader.notes_panel.list.count() == 1
    assert "Member02" in reader.notes_panel.list.item(0).text()  # the author's name
    reader.view.selected_note = shown.id
    with qtbot.wait_signal(reader.annotator.message_shown, timeout=WAIT) as told:
        reader.annotator.delete_selected()
    assert "của mình" in told.args[0]
    assert len(reader.view.notes) == 1


def test_export_and_import_from_the_panel(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager, tmp_path: Path
) -> None:
    reader = reader_on(qtbot, member, tasks, live_server.world.document_ids[1])
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT):
        reader.annotator.add(0, "freetext", rects=[(100, 100, 280, 148)], text="Ý kiến")
    pdf, xfdf = tmp_path / "out.pdf", tmp_path / "out.xfdf"
    with qtbot.wait_signal(reader.notes_tools.message_shown, timeout=WAIT):
        reader.notes_tools.export_to("pdf", pdf)
    (annotation,) = [a.get_object() for a in PdfReader(pdf).pages[0].annotations]
    assert annotation["/Subtype"] == "/FreeText"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600  # the member's alone, like the profile
    with qtbot.wait_signal(reader.notes_tools.message_shown, timeout=WAIT):
        reader.notes_tools.export_to("xfdf", xfdf)
    with qtbot.wait_signal(reader.notes_tools.message_shown, timeout=WAIT) as told:
        reader.notes_tools.import_from(xfdf)
    assert "1 ghi chú" in told.args[0]
    qtbot.waitUntil(lambda: len(reader.view.notes) == 1, timeout=WAIT)  # updated, not doubled


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE xfdf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots>
<text page="0" rect="10,10,30,30"><contents>&b;</contents></text>
</annots></xfdf>"""


def test_a_hostile_notes_file_is_refused_in_words_and_nothing_is_imported(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager, tmp_path: Path
) -> None:
    reader = reader_on(qtbot, member, tasks, live_server.world.document_ids[1])
    hostile = tmp_path / "ghi-chu.xfdf"
    hostile.write_bytes(ENTITY_BOMB)
    with qtbot.wait_signal(reader.notes_tools.message_shown, timeout=WAIT) as told:
        reader.notes_tools.import_from(hostile)
    assert told.args[0].startswith("Không nhập được: tệp có những khai báo đặc biệt")
    assert "aaaaaaaaaa" not in told.args[0]
    assert my_notes(member) == []


def test_a_replaced_draft_is_compared_with_its_previous_version(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    from ecabinet.client.notes import carry_notes, note_on_words
    from tests.client.test_notes import _v2
    from tests.loopback import replace_with
    from ui.reader.compare_view import CompareDialog

    document_id = live_server.world.document_ids[1]
    gone = note_on_words(member, document_id, 2, "strikeout", "Trang 2", text="Bỏ đoạn này")
    replace_with(live_server, document_id, _v2())
    member.sync_service().sync()
    assert [n.id for n in carry_notes(member, document_id).unplaced] == [gone.id]
    reader = reader_on(qtbot, member, tasks, document_id)
    qtbot.waitUntil(lambda: reader.notes_panel.unplaced.count() == 1, timeout=WAIT)
    assert "Bỏ đoạn này" in reader.notes_panel.unplaced.item(0).text()
    assert reader.notes_panel.unplaced.isVisibleTo(reader.notes_panel)
    with qtbot.wait_signal(reader.compared, timeout=WAIT) as shown:
        reader.toolbar.compare_action.trigger()
    comparison = shown.args[0]
    assert (comparison.old.number, comparison.new.number) == (1, 2)
    assert any(p.changes for p in comparison.pages)
    dialog = reader.findChild(CompareDialog)
    assert isinstance(dialog, CompareDialog)
    assert "trang có thay đổi" in dialog.summary.text()
    assert "[+" in dialog.text.toPlainText() or "[−" in dialog.text.toPlainText()
    dialog.close()


def printed_page(data: bytes, target: Path) -> QImage:
    """``data`` printed to a PDF file through ``print_pdf``, its first page drawn back."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from ui.reader.note_files import print_pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a file stands in for the printer
    printer.setOutputFileName(str(target))
    assert print_pdf(printer, data) == 2
    assert len(page_texts(target.read_bytes())) == 2  # both pages reached the printer
    document = QPdfDocument()
    document.load(str(target))
    image = document.render(0, QSize(300, 424)).convertToFormat(QImage.Format.Format_RGB32)
    document.close()
    return image


def test_printing_paints_the_watermarked_pages(
    qtbot: QtBot, live_server: LiveServer, member: Account, tmp_path: Path
) -> None:
    from ecabinet.client.note_files import printable_pdf
    from ecabinet.client.notes import current_version, version_bytes

    document_id = live_server.world.document_ids[1]
    data = printable_pdf(member, document_id)
    assert member.store.get_state("full_name") in page_texts(data)[0].text
    plain = version_bytes(member, current_version(member, document_id).id)
    printed = printed_page(data, tmp_path / "printed.pdf")
    without = printed_page(plain, tmp_path / "plain.pdf")
    grid = [(x, y) for x in range(0, 300, 3) for y in range(0, 424, 3)]
    white = QImage(1, 1, QImage.Format.Format_RGB32)
    white.fill(0xFFFFFFFF)
    # The page reached the paper (not blank), and what the watermark adds is on it.
    assert any(without.pixel(x, y) != white.pixel(0, 0) for x, y in grid)
    assert sum(printed.pixel(x, y) != without.pixel(x, y) for x, y in grid) > 20


def test_the_pen_draws_in_the_width_chosen(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    reader = reader_on(qtbot, member, tasks, live_server.world.document_ids[1])
    view = reader.view
    reader.notes_tools.use(Tool.INK)
    reader.notes_tools.set_width(4.0)
    view.page_pressed.emit(0, QPointF(10, 10))
    view.page_dragged.emit(0, QPointF(60, 60))
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT):
        view.page_released.emit(0, QPointF(60, 60))
    (ink,) = view.notes
    assert ink.width == 4.0
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT):
        reader.notes_tools.set_width(1.0)  # the chosen stroke changes with the pen
    assert view.notes[0].width == 1.0
    assert member.sync_service().sync().rejected == 0
    other = signed_in(live_server.url, member.profile.root.parent / "other")
    other.sync_service().sync()
    from ecabinet.client.notes import my_notes as notes_of

    assert [n.width for n in notes_of(other)] == [1.0]  # the width went through the server


def test_the_panel_lists_the_whole_meetings_notes_and_opens_another_document(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    from ecabinet.client.notes import note_on_words

    world = live_server.world
    note_on_words(
        member, world.document_ids[2], 1, "highlight", "nội dung 2", text="Ở tài liệu khác"
    )
    reader = reader_on(qtbot, member, tasks, world.document_ids[1])
    panel = reader.notes_panel
    assert panel.list.count() == 0  # nothing on this document
    panel.scope.setCurrentIndex(1)
    panel.scope.activated.emit(1)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=WAIT)
    assert "Ở tài liệu khác" in panel.list.item(0).text()
    with qtbot.wait_signal(reader.open_elsewhere, timeout=WAIT) as opened:
        panel.list.itemActivated.emit(panel.list.item(0))
    assert opened.args == [world.document_ids[2], 0]
