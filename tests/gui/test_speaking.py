"""Speaking and attendance from the laptop, against a real server: the member's "Đăng ký
phát biểu" under the item and in the reader, "Có mặt" on the meeting screen, the chair's
"Mời phát biểu" and "Kết thúc" with the running time, and the office's roll-call button.
Each screen touched is also written as a PNG at 1366x768 and 1920x1080 (ECABINET_SHOTS)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ecabinet.client.library import Library
from tests.client.test_cli_session import speakers_on_server
from tests.gui.test_decisions import WAIT, panel_for
from tests.loopback import LiveServer, synced
from tests.pdfs import make_pdf
from ui.decisions.item_panel import ItemDecisionPanel
from ui.decisions.vote_console import VoteConsole
from ui.meeting.page import MeetingPage
from ui.meeting.roll_call import RollCallBar
from ui.reader.reader import DocumentReader
from ui.tasks import TaskManager

SIZES = ((1366, 768), (1920, 1080))


def shoot(qtbot: QtBot, widget: QWidget, name: str, folder: Path) -> None:
    """The screen at both sizes, written where ECABINET_SHOTS says (else the test's folder)."""
    target = Path(os.environ.get("ECABINET_SHOTS", folder))
    target.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        widget.resize(width, height)
        qtbot.wait(50)  # one turn of the event loop lays the widget out at its new size
        assert widget.grab().save(str(target / f"{name}-{width}x{height}.png"))


def test_a_member_asks_to_speak_and_withdraws_under_the_item(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    item_id = live_server.world.item_ids[0]
    member = synced(live_server, tmp_path / "m")
    panel = panel_for(qtbot, member, tasks, item_id)
    speak = panel.speak
    qtbot.waitUntil(lambda: speak.standing is not None, timeout=WAIT)
    assert speak.isVisible() and speak.button.text() == "Đăng ký phát biểu"
    assert speak.state.text() == "Chưa đăng ký phát biểu."
    with qtbot.wait_signal(panel.acted, timeout=WAIT):
        speak.button.click()
    assert [e.type for e in member.store.outbox()] == ["speaker.request"]  # saved first
    qtbot.waitUntil(lambda: "chờ gửi" in speak.state.text(), timeout=WAIT)
    assert speak.button.text() == "Rút đăng ký phát biểu"
    assert member.sync_service().sync().rejected == 0
    with qtbot.wait_signal(speak.shown, timeout=WAIT):
        speak.show_item(item_id)
    assert speak.state.text() == "Đã đăng ký phát biểu; thứ tự: 1."
    assert speakers_on_server(live_server, item_id) == [("member01", False)]
    with qtbot.wait_signal(panel.acted, timeout=WAIT):
        speak.button.click()
    qtbot.waitUntil(lambda: speak.button.text() == "Đăng ký phát biểu", timeout=WAIT)
    assert member.sync_service().sync().rejected == 0
    assert speakers_on_server(live_server, item_id) == [("member01", True)]


def test_a_guest_is_not_offered_the_list_of_speakers(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    guest = synced(live_server, tmp_path / "g", "guest")
    panel = panel_for(qtbot, guest, tasks, live_server.world.item_ids[0])
    with qtbot.wait_signal(panel.speak.shown, timeout=WAIT):
        panel.speak.show_item(live_server.world.item_ids[0])
    assert not panel.speak.isVisible()  # a guest speaks when the chair gives the floor


def test_a_member_asks_to_speak_from_the_reader(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    member = synced(live_server, tmp_path / "m")
    reader = DocumentReader(member, tasks)
    qtbot.addWidget(reader)
    reader.resize(1366, 768)
    reader.show()
    with qtbot.wait_signal(reader.toolbar.speak.shown, timeout=WAIT):
        reader.open_document(
            document_id=world.document_ids[2],  # the second item's submission
            version_id=world.version_ids[2],
            title="Tờ trình",
            data=make_pdf(2, "Tờ trình"),
            allow_copy=True,
            page=0,
        )
    qtbot.waitUntil(reader.toolbar.speak.button.isVisible, timeout=WAIT)  # in the header
    # The header names the paper's meeting and item; the window's title holds it whole.
    assert reader.header.title.lines == ["Phiên họp thường kỳ · Nội dung 2: Nội dung 2"]
    assert reader.header.title.whole() == "Tờ trình · Phiên họp thường kỳ · Nội dung 2: Nội dung 2"
    assert reader.toolbar.speak.button.toolTip() == "Chưa đăng ký phát biểu."
    with qtbot.wait_signal(reader.toolbar.speak.acted, timeout=WAIT):
        reader.toolbar.speak.button.click()
    waiting = member.store.waiting_acts("speaker.request")
    assert waiting == [{"agenda_item_id": world.item_ids[1]}]
    speak = reader.toolbar.speak
    qtbot.waitUntil(lambda: speak.button.text() == "Rút đăng ký phát biểu", timeout=WAIT)
    shoot(qtbot, reader, "reader-speak", tmp_path)
    reader.close_document()
    qtbot.waitUntil(lambda: not reader.toolbar.speak.isVisible(), timeout=WAIT)


def test_a_member_checks_in_while_the_roll_call_is_open(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    office = synced(live_server, tmp_path / "s", "secretariat")
    member = synced(live_server, tmp_path / "m")
    # The member's meeting screen as the window builds it: the bar under the time and place.
    page = MeetingPage()
    qtbot.addWidget(page)
    panel = ItemDecisionPanel(member, tasks)
    page.set_side_panel(panel)
    page.item_selected.connect(panel.show_item)
    bar = page.set_roll_call(RollCallBar(member, tasks))
    page.resize(1366, 768)
    page.show()
    with qtbot.wait_signal(bar.shown, timeout=WAIT):
        bar.show_meeting(world.meeting_id)
    assert bar.isHidden()  # no session yet: no quorum line
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    assert office.api.roll_call(world.meeting_id, True).attendance_open
    assert member.sync_service().sync().online
    entry = Library(member).meeting(world.meeting_id)
    assert entry is not None
    with qtbot.wait_signal(panel.speak.shown, timeout=WAIT):
        page.show_meeting(entry)  # the first item is chosen: its panel and speak button
    with qtbot.wait_signal(bar.shown, timeout=WAIT):
        bar.show_meeting(world.meeting_id)
    assert bar.isVisible()
    shoot(qtbot, page, "meeting-roll-call-open", tmp_path)
    assert bar.check_in_button.isVisible() and bar.check_in_button.text() == "Có mặt"
    assert bar.quorum.text() == "Có mặt 0/6 thành viên; cần 4 (túc số): chưa đủ."
    with qtbot.wait_signal(bar.acted, timeout=WAIT):
        bar.check_in_button.click()
    assert member.store.waiting_acts("attendance.check_in") == [{"meeting_id": world.meeting_id}]
    qtbot.waitUntil(lambda: bar.checked.text() == "Đã điểm danh (chờ gửi)", timeout=WAIT)
    assert not bar.check_in_button.isVisible()
    assert member.sync_service().sync().rejected == 0
    with qtbot.wait_signal(bar.shown, timeout=WAIT):
        bar.show_meeting(world.meeting_id)
    assert bar.checked.text() == "Đã điểm danh"
    assert bar.quorum.text().startswith("Có mặt 1/6")
    shoot(qtbot, page, "meeting-checked-in", tmp_path)
    quorum = office.api.roll_call(world.meeting_id, False).quorum
    assert quorum.present_members == 1


def test_the_chair_gives_the_floor_and_times_the_speech(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    for username in ("member02", "member01"):  # member02 asks first
        member = synced(live_server, tmp_path / username, username)
        member.store.record_action("speaker.request", {"agenda_item_id": world.item_ids[0]})
        assert member.sync_service().sync().rejected == 0
    office = synced(live_server, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    chair = synced(live_server, tmp_path / "c", "chair")
    console = VoteConsole(chair, tasks)
    qtbot.addWidget(console)
    panel = console.speakers
    with qtbot.wait_signal(panel.queue_shown, timeout=WAIT) as shown:
        console.show_meeting(world.meeting_id)
    assert shown.args == [2]
    assert [panel.queue.item(i).text() for i in range(2)] == ["1. Member02", "2. Member01"]
    assert panel.next_button.isEnabled() and not panel.end_button.isEnabled()
    with qtbot.wait_signal(panel.queue_shown, timeout=WAIT):
        panel.next_button.click()  # the server gives member02 the floor
    speaking = panel.current()
    assert speaking is not None and speaking.name == "Member02"
    started = speaking.started_at
    assert started is not None
    assert panel.queue.item(0).text() == "1. Member02 — đang phát biểu"
    panel.minutes.setValue(1)
    panel.now = lambda: started + timedelta(seconds=75)  # as if 1:15 had passed
    panel.tick()
    assert panel.clock.text() == "Đang phát biểu: Member02 — 01:15 (quá thời gian)"
    assert panel.clock.property("over") is True
    console.resize(1366, 768)
    console.show()
    shoot(qtbot, console, "console-speakers", tmp_path)
    with qtbot.wait_signal(panel.queue_shown, timeout=WAIT):
        panel.next_button.click()  # member01 next: member02's speech ends at that instant
    assert panel.queue.item(0).text().startswith("1. Member02 — ✓ ")
    assert panel.queue.item(1).text() == "2. Member01 — đang phát biểu"
    assert not panel.next_button.isEnabled()  # nobody else waits
    with qtbot.wait_signal(panel.queue_shown, timeout=WAIT):
        panel.end_button.click()
    assert panel.current() is None and panel.clock.text() == "Không còn ai đăng ký phát biểu."
    # The next sync brings the same record: the list reads the same from the laptop alone.
    assert chair.sync_service().sync().online
    panel._fresher.clear()
    panel._ended.clear()
    with qtbot.wait_signal(panel.queue_shown, timeout=WAIT):
        panel.show_item(world.item_ids[0])
    assert all("✓" in panel.queue.item(i).text() for i in range(2))


def test_the_office_opens_the_roll_call_from_the_session_screen(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    office = synced(live_server, tmp_path / "s", "secretariat")
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    assert office.sync_service().sync().online
    console = VoteConsole(office, tasks)
    qtbot.addWidget(console)
    tools = console.tools
    console.show_meeting(world.meeting_id)
    qtbot.waitUntil(lambda: len(tools.roll.boxes) > 0, timeout=WAIT)
    assert tools.roll_call_button.text() == "Mở điểm danh"
    with qtbot.wait_signal(tools.message_shown, timeout=WAIT) as told:
        tools.roll_call_button.click()
    assert told.args[0].startswith("Đã mở điểm danh")
    assert tools.roll_call_button.text() == "Đóng điểm danh"
    member = synced(live_server, tmp_path / "m")
    member.store.record_action("attendance.check_in", {"meeting_id": world.meeting_id})
    assert member.sync_service().sync().rejected == 0
    # The office's list was loaded before member01 checked in: saving it keeps the check-in.
    with qtbot.wait_signal(tools.attendance_recorded, timeout=WAIT) as recorded:
        tools.save_attendance()
    assert recorded.args[0].present_members == 1
    console.resize(1366, 768)
    console.show()
    shoot(qtbot, console, "office-roll-call", tmp_path)
