"""The Government's rules on the desktop, against a real server: the Government Office sees no
position form and no vote buttons (rule 8), a member takes an item off the consent list, and
the chair confirms before the consent list is adopted (rule 6)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ecabinet.client import acts
from tests.gui.test_decisions import WAIT, panel_for
from tests.loopback import LiveServer, synced
from ui.decisions.agenda_control import AgendaControl
from ui.tasks import TaskManager


def answer_next_question(button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Answer the next modal question with ``button``, keeping its text in ``asked``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)


def test_the_office_sees_no_position_form_and_no_vote_buttons(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    office = synced(live_server, tmp_path / "s", "secretariat")
    panel = panel_for(qtbot, office, tasks, live_server.world.item_ids[0])
    assert not panel.position_box.isVisibleTo(panel)
    assert not panel.vote_box.isVisibleTo(panel)
    assert not any(b.isVisibleTo(panel) for b in panel.vote_buttons.values())
    assert "Văn phòng Chính phủ ghi nhận" in panel.note.text()
    member = synced(live_server, tmp_path / "m")
    mine = panel_for(qtbot, member, tasks, live_server.world.item_ids[0])
    assert mine.position_box.isVisibleTo(mine) and mine.vote_box.isVisibleTo(mine)


def test_a_member_takes_an_item_off_the_consent_list(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    item_id = live_server.world.item_ids[0]
    member = synced(live_server, tmp_path / "m")
    panel = panel_for(qtbot, member, tasks, item_id)
    assert panel.pull_button.isVisibleTo(panel) and not panel.pull_state.isVisibleTo(panel)
    with qtbot.wait_signal(panel.acted, timeout=WAIT):
        panel.pull_button.click()
    assert member.store.count_outbox("pending") == 1  # saved before the panel said so
    qtbot.waitUntil(lambda: "chờ gửi" in panel.pull_state.text(), timeout=WAIT)
    assert not panel.pull_button.isVisibleTo(panel)
    assert member.sync_service().sync().rejected == 0
    with qtbot.wait_signal(panel.shown, timeout=WAIT):
        panel.show_item(item_id)
    assert "đã được rút" in panel.pull_state.text()


def test_the_chair_confirms_before_the_consent_list_is_adopted(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    item_id = world.item_ids[0]
    for username in ("chair", "member01", "member02", "member03"):  # 4 of 6: over half
        member = synced(live_server, tmp_path / username, username)
        acts.set_position(member, item_id, "no_objection")
        assert member.sync_service().sync().rejected == 0
    office = synced(live_server, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    present = [world.users[u] for u in ("chair", "member01", "member02", "member03")]
    office.api.set_attendance(world.meeting_id, present)
    chair = synced(live_server, tmp_path / "c2", "chair")
    control = AgendaControl(chair, tasks)
    qtbot.addWidget(control)
    control.show()
    control.show_meeting(world.meeting_id)
    qtbot.waitUntil(control.consent_button.isEnabled, timeout=WAIT)

    asked: list[str] = []
    answer_next_question(QMessageBox.StandardButton.No, asked)
    control.consent_button.click()
    assert asked and "Thông qua 1 nội dung" in asked[0]
    assert "Nội dung 1 (4/6 thành viên không phản đối)" in asked[0]
    board = chair.api.board(world.meeting_id)
    assert board.consent_list == [item_id]  # declined: nothing was adopted

    answer_next_question(QMessageBox.StandardButton.Yes, asked)
    with qtbot.wait_signal(control.message_shown, timeout=WAIT) as told:
        control.consent_button.click()
    assert "Đã thông qua 1 nội dung" in told.args[0]
    assert chair.api.board(world.meeting_id).consent_list == []


def test_the_office_enters_times_in_hanoi_time(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDateTime

    from ui.office.meeting_form import MeetingForm

    form = MeetingForm()
    qtbot.addWidget(form)
    form.starts_at.setDateTime(QDateTime.fromSecsSinceEpoch(1765762200))  # 01:30 UTC
    assert form.starts_at.text() == "15/12/2025 08:30"  # whatever this machine's zone
    assert form.fields()["starts_at"] == "2025-12-15T01:30:00+00:00"
