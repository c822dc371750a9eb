"""A note or a comment holding a character that would make it show something other than it
says is refused on the laptop, and the member is told why in words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.notes import my_notes
from tests.gui.test_annotations import reader_on
from tests.gui.test_decisions import choose_position, panel_for
from tests.loopback import LiveServer
from ui.decisions.ballot_page import BallotPage
from ui.reader.annotator import Tool
from ui.tasks import TaskManager

WAIT = 20_000
SIZES = ((1366, 768), (1920, 1080))


def test_a_note_with_a_direction_override_is_refused_in_words(
    qtbot: QtBot,
    live_server: LiveServer,
    member: Account,
    tasks: TaskManager,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reader = reader_on(qtbot, member, tasks, live_server.world.document_ids[1])
    monkeypatch.setattr(
        "ui.reader.annotator.QInputDialog.getMultiLineText",
        lambda *_args, **_kw: ("Đồng ý \u202e5 điều", True),
    )
    reader.notes_tools.use(Tool.NOTE)
    with qtbot.wait_signal(reader.annotator.message_shown, timeout=WAIT) as told:
        reader.view.page_pressed.emit(0, QPointF(300, 300))
    assert "đảo chiều" in told.args[0] and "U+" not in told.args[0]
    assert reader.view.notes == []
    # Invisible characters are removed, and the note is kept.
    monkeypatch.setattr(
        "ui.reader.annotator.QInputDialog.getMultiLineText",
        lambda *_args, **_kw: ("Cần\u200b làm rõ", True),
    )
    with qtbot.wait_signal(reader.annotator.notes_changed, timeout=WAIT):
        reader.view.page_pressed.emit(0, QPointF(300, 300))
    qtbot.waitUntil(lambda: len(my_notes(member)) == 1, timeout=WAIT)
    assert my_notes(member)[0].text == "Cần làm rõ"


def test_a_position_comment_with_a_control_character_is_refused_in_words(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager, tmp_path: Path
) -> None:
    panel = panel_for(qtbot, member, tasks, live_server.world.item_ids[1])
    choose_position(panel, "object")
    panel.comment.setText("Về Điều 5\u202e")
    with qtbot.wait_signal(panel.message_shown, timeout=WAIT) as told:
        panel.save_position.click()
    assert told.args[0].startswith("Không lưu được: Nội dung có một ký tự ẩn làm đảo chiều")
    assert member.store.count_outbox("pending") == 0
    shots = Path(os.environ.get("ECABINET_SCREENSHOTS", tmp_path))
    for width, height in SIZES:
        panel.resize(width, height)
        assert panel.grab().save(str(shots / f"refused-comment-{width}x{height}.png"))


def test_a_ballot_reply_with_a_hidden_character_is_refused_before_it_is_signed(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    page = BallotPage(member, tasks)
    qtbot.addWidget(page)
    page.show()
    with qtbot.wait_signal(page.shown, timeout=WAIT):
        page.show_ballot(live_server.world.ballot_id)
    page.choices.buttons()[2].setChecked(True)  # other opinion
    page.comment.setPlainText("Đề nghị làm rõ\x1b khoản 2")
    assert page.problem() == ""
    page.reply()
    qtbot.waitUntil(lambda: "Không ký được" in page.note.text(), timeout=WAIT)
    assert "một ký tự điều khiển không hiển thị" in page.note.text()
    assert page.send.isEnabled()  # the member may correct it and sign again
    assert member.store.count_outbox("pending") == 0
    assert page.replies.count() == 0
