"""The reader's notes become an opinion, against a real server: two notes chosen in the notes
panel fill the "other opinion" of the ballot's reply, which is edited and signed; on an agenda
item's document they are sent as a written opinion (a position with its text)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from ecabinet.client import acts, notes
from ecabinet.client.account import Account
from ecabinet.client.standing import item_standing
from tests.gui.layout_check import assert_laid_out
from tests.gui.test_annotations import WAIT, reader_on
from tests.loopback import LiveServer, replace_with, synced
from tests.pdfs import make_draft
from ui.reader.opinion_dialog import OpinionDialog
from ui.reader.reader import DocumentReader
from ui.tasks import TaskManager


def _choose(qtbot: QtBot, reader: DocumentReader, *rows: int) -> None:
    panel = reader.notes_panel
    qtbot.waitUntil(lambda: panel.list.count() >= max(rows) + 1, timeout=WAIT)
    flag = QItemSelectionModel.SelectionFlag.Select
    for row in rows:  # as with Ctrl held: each row added to the selection
        panel.list.selectionModel().select(panel.list.model().index(row, 0), flag)


def _opened(qtbot: QtBot, reader: DocumentReader, action: str) -> OpinionDialog:
    panel = reader.notes_panel
    chosen = getattr(panel, action)
    qtbot.waitUntil(chosen.isEnabled, timeout=WAIT)
    chosen.trigger()
    dialog = reader.notes_tools.opinion
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.text.isEnabled, timeout=WAIT)
    return dialog


def test_two_chosen_notes_fill_the_other_opinion_which_is_edited_and_signed(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    replace_with(live_server, world.ballot_document_id, make_draft())
    member = synced(live_server, tmp_path / "m")
    doc = world.ballot_document_id
    notes.note_on_words(member, doc, 1, "highlight", "Cơ quan nhà nước", text="thêm cấp xã")
    notes.note_on_words(member, doc, 1, "underline", "Đơn vị sự nghiệp công lập", text="làm rõ")
    notes.note_on_words(member, doc, 2, "highlight", "mười năm", text="năm năm")
    reader = reader_on(qtbot, member, tasks, doc)
    assert not reader.notes_panel.to_item.isEnabled()  # a ballot's draft, not an item's
    _choose(qtbot, reader, 0, 2)  # the first and the last, in page order
    dialog = _opened(qtbot, reader, "to_ballot")
    assert dialog.text.toPlainText().splitlines() == [
        "Trang 1, Điều 2, khoản 1: “Cơ quan nhà nước” — thêm cấp xã",
        "Trang 2, Điều 3, khoản 2: “mười năm” — năm năm",
    ]
    assert_laid_out(dialog)  # nothing clipped or overlapping
    dialog.text.appendPlainText("Đề nghị Bộ Tài chính tiếp thu.")  # the member's own words
    with qtbot.wait_signal(dialog.acted, timeout=WAIT) as acted:
        dialog.give()
    assert "PAdES B-LT" in acted.args[0]  # online: timestamped, and the member is told
    assert not dialog.isVisible()
    (waiting,) = member.store.waiting_acts("ballot.respond")
    assert waiting["choice"] == "other"
    assert str(waiting["comment"]).endswith("— năm năm\nĐề nghị Bộ Tài chính tiếp thu.")
    assert "làm rõ" not in str(waiting["comment"])  # the note not chosen is not in it
    form = acts.last_form(member, world.ballot_id)
    printed = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(form)).pages).split())
    assert "Đề nghị Bộ Tài chính tiếp thu." in printed
    assert member.sync_service().sync().rejected == 0


def test_all_notes_go_as_a_written_opinion_on_the_item_once_a_position_is_chosen(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    doc = live_server.world.document_ids[1]  # a document of an agenda item
    notes.note_on_words(member, doc, 1, "highlight", "nội dung 1", text="Xem lại")
    notes.note_on_words(member, doc, 2, "strikeout", "Trang 2", text="Bỏ")
    reader = reader_on(qtbot, member, tasks, doc)
    assert not reader.notes_panel.to_ballot.isEnabled()
    dialog = _opened(qtbot, reader, "to_item")  # nothing selected: every note of the member
    text = dialog.text.toPlainText()
    assert text.splitlines()[0].startswith("Trang 1: “nội dung 1")
    assert text.splitlines()[1] == "Trang 2: “Trang 2” — Bỏ"
    assert "chọn Không phản đối" in dialog.problem()  # never assumed: rule 6 counts it
    assert_laid_out(dialog)
    dialog.positions.buttons()[2].setChecked(True)  # "Phản đối"
    assert dialog.problem() == ""
    with qtbot.wait_signal(dialog.acted, timeout=WAIT):
        dialog.give()
    document = member.store.document(doc)
    assert document is not None and document.agenda_item_id
    standing = item_standing(member, document.agenda_item_id)
    assert standing is not None and standing.position is not None
    assert (standing.position.choice, standing.position.comment) == ("object", text)
    assert member.sync_service().sync().rejected == 0


def test_a_draft_whose_file_is_gone_is_said_in_words_and_nothing_is_given(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    doc = live_server.world.document_ids[1]
    notes.note_on_words(member, doc, 1, "highlight", "nội dung 1", text="Xem lại")
    reader = reader_on(qtbot, member, tasks, doc)
    version = notes.current_version(member, doc)
    member.store.vault.profile.blob_path(version.sha256).unlink()  # removed after it was opened
    panel = reader.notes_panel
    qtbot.waitUntil(panel.to_item.isEnabled, timeout=WAIT)
    panel.to_item.trigger()
    dialog = reader.notes_tools.opinion
    assert dialog is not None
    qtbot.waitUntil(lambda: "hãy đồng bộ" in dialog.note.text(), timeout=WAIT)
    assert not dialog.send.isEnabled() and not dialog.text.isEnabled()
    assert member.store.waiting_acts("position.set") == []
