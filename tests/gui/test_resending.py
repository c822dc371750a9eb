"""The window says when a vote is being sent again, and never that a vote was recorded when
the laptop's copy shows no open vote. Real widgets on a real server; the screenshots are
written for review (at 1366x768 and 1920x1080)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.client.store import RESEND_SERVER
from tests.gui.test_decisions import WAIT, panel_for
from tests.loopback import LiveServer, synced
from ui.status_area import StatusArea
from ui.tasks import TaskManager

SIZES = ((1366, 768), (1920, 1080))


def test_a_vote_cast_before_the_laptop_sees_it_open_is_queued_then_shown_resending(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    item_id = live_server.world.item_ids[0]
    member = synced(live_server, tmp_path / "m")
    panel = panel_for(qtbot, member, tasks, item_id)
    with (
        qtbot.wait_signal(panel.shown, timeout=WAIT),
        qtbot.wait_signal(panel.message_shown, timeout=WAIT) as told,
    ):
        panel.cast_vote("agree")  # the copy shows the vote not open (the chair has not)
    assert "có thể bị từ chối nếu biểu quyết chưa mở" in told.args[0]
    assert "Đã lưu" in told.args[0]
    [entry] = member.store.outbox()
    assert "(chờ gửi)" in panel.vote_state.text()

    # The server failed on it (the engine's path is tested end to end in
    # tests/client/test_votes_never_lost.py): the outbox keeps it, being sent again.
    later = datetime.now(UTC) + timedelta(minutes=1)
    member.store.mark_attempt_failed([entry.id], later, RESEND_SERVER)
    with qtbot.wait_signal(panel.shown, timeout=WAIT):
        panel.show_item(item_id)
    assert "(đang gửi lại)" in panel.vote_state.text()
    for width, height in SIZES:
        panel.resize(width, height)
        assert panel.grab().save(str(tmp_path / f"vote-resending-{width}.png"))


def test_the_status_bar_counts_acts_being_sent_again_apart(qtbot: QtBot, tmp_path: Path) -> None:
    status = StatusArea()
    qtbot.addWidget(status)
    status.show_waiting(3, 1, resending=2)
    assert status.waiting.text() == "Chờ gửi: 1 · Đang gửi lại: 2 · Bị từ chối: 1"
    assert "tự gửi lại" in status.waiting.toolTip()
    status.show_waiting(2, 0)
    assert status.waiting.text() == "Chờ gửi: 2"
    status.show_waiting(3, 1, resending=2)
    status.show_connection(True, datetime.now(UTC).isoformat())
    for width, _height in SIZES:
        status.resize(width, status.sizeHint().height())
        status.show()
        assert status.grab().save(str(tmp_path / f"status-resending-{width}.png"))
