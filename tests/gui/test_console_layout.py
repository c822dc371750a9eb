"""The chair's console and the hall display laid out at 1366x768 and 1920x1080 (offscreen),
against a real server with a Government of 27 members: nothing clipped, nothing overlapping,
every agenda item and every member in sight, the chair's keys, the hall display fed by one
method."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.server.demo_content.people import DEMO_USERS
from tests.gui.layout_check import assert_laid_out
from tests.gui.test_main_window import synced_window
from tests.loopback import LiveServer, signed_in
from ui.decisions.vote_console import (
    CLOSE_VOTE_KEY,
    NEXT_ITEM_KEY,
    NEXT_SPEAKER_KEY,
    OPEN_VOTE_KEY,
    VoteConsole,
)
from ui.main_window import MainWindow
from ui.screens import Screen
from ui.tasks import TaskManager

WAIT = 30_000
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SIZES = [QSize(1366, 768), QSize(1920, 1080)]
STRONG = "Phien-hop-2026-khong-doan-duoc"


def save(widget: QWidget, tmp_path: Path, name: str) -> None:
    """Every screen written as PNG; ECABINET_SHOTS keeps them for a person to look at."""
    folder = Path(os.environ.get("ECABINET_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / f"{name}.png"))


def a_government(live: LiveServer, tmp_path: Path) -> Account:
    """The test body grown to 27 members with the demo's long names; the session started."""
    office = signed_in(live.url, tmp_path / "office", "secretariat")
    members = [u for u in DEMO_USERS if "member" in u.roles and u.username != "chair"]
    for number, user in enumerate(members[: 27 - 6], start=1):
        answer = office.api._request(
            "POST",
            "/users",
            json={
                "username": f"extra{number:02d}",
                "full_name": user.full_name,
                "title": user.title,
                "roles": ["member"],
                "password": STRONG,
            },
        )
        assert answer.status_code == 201, answer.text
    office.api._request("POST", f"/meetings/{live.world.meeting_id}/start").close()
    return office


def speaking(console: VoteConsole) -> str:
    turn = console.speakers.current()
    return turn.name if turn is not None else ""


def member_ids(office: Account, count: int) -> list[str]:
    users = office.api._request("GET", "/users").json()
    return [u["id"] for u in users if "member" in u["roles"]][:count]


def console_window(
    qtbot: QtBot, account: Account, tasks: TaskManager, meeting_id: str
) -> tuple[MainWindow, VoteConsole]:
    window = synced_window(qtbot, account, tasks)
    console = window.console
    with qtbot.wait_signal(console.counted, timeout=WAIT):
        window.show_page(Screen.CONSOLE, meeting_id)
    qtbot.waitUntil(lambda: len(console.tools.roll.boxes) == 27, timeout=WAIT)
    return window, console


def check_console_at(
    qtbot: QtBot, window: MainWindow, console: VoteConsole, size: QSize, tmp_path: Path, who: str
) -> None:
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size, timeout=WAIT)  # nothing forces it bigger
    assert_laid_out(window, whole_lists=[console.items])
    assert console.items.verticalScrollBar().maximum() == 0
    page = console.rect()
    for box in console.tools.roll.boxes:  # every member in sight, none below the edge
        assert box.isVisible()
        corner = box.mapTo(console, box.rect().bottomRight())
        assert page.contains(corner), box.text()
    save(window, tmp_path, f"console-{who}-{size.width()}x{size.height()}")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_chairs_console_fits_the_screen_with_a_vote_open_and_a_speaker(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager, size: QSize
) -> None:
    world = live_server.world
    office = a_government(live_server, tmp_path)
    present = member_ids(office, 20)
    assert office.api.set_attendance(world.meeting_id, present).has_quorum
    member = signed_in(live_server.url, tmp_path / "m2", "member02")
    member.store.record_action("speaker.request", {"agenda_item_id": world.item_ids[0]})
    assert member.sync_service().sync().rejected == 0
    chair = signed_in(live_server.url, tmp_path / "chair", "chair")
    window, console = console_window(qtbot, chair, tasks, world.meeting_id)
    assert sorted(console.tools.roll.present_ids()) == sorted(present)
    assert not console.tools.office.isVisibleTo(console)  # the office's tools, not the chair's
    assert not console.tools.record_attendance.isVisibleTo(console)
    with qtbot.wait_signal(
        console.counted, timeout=WAIT, check_params_cb=lambda c: c.vote_status == "open"
    ):
        console.open_button.click()
    qtbot.waitUntil(lambda: console.speakers.queue.count() == 1, timeout=WAIT)
    console.next_speaker()  # the server gives the floor; the panel shows it once answered
    qtbot.waitUntil(lambda: console.speakers.current() is not None, timeout=WAIT)
    assert console.speakers.timer.isActive()
    assert "20/27" in console.quorum.text() and "Đủ túc số" in console.quorum.text()
    assert "Có mặt 20/27" in console.tools.roll.counts.text()
    assert "cần 18" in console.tools.roll.counts.text()
    check_console_at(qtbot, window, console, size, tmp_path, "chair")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_office_sees_its_tools_and_the_console_still_fits(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager, size: QSize
) -> None:
    office = a_government(live_server, tmp_path)
    window, console = console_window(qtbot, office, tasks, live_server.world.meeting_id)
    qtbot.waitUntil(lambda: console.tools.office.isVisibleTo(console), timeout=WAIT)
    assert console.tools.record_attendance.isVisibleTo(console)
    console.tools.roll.boxes[0].setChecked(True)  # the counts follow the ticks at once
    assert "Có mặt 1/27" in console.tools.roll.counts.text()
    check_console_at(qtbot, window, console, size, tmp_path, "office")


def test_the_chairs_keys_are_in_the_tooltips_and_move_the_session(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    world = live_server.world
    office = signed_in(live_server.url, tmp_path / "office", "secretariat")
    office.api._request("POST", f"/meetings/{world.meeting_id}/start").close()
    present = member_ids(office, 5)
    assert office.api.set_attendance(world.meeting_id, present).has_quorum
    for username in ("member02", "member01"):
        member = signed_in(live_server.url, tmp_path / username, username)
        member.store.record_action("speaker.request", {"agenda_item_id": world.item_ids[0]})
        assert member.sync_service().sync().rejected == 0
    chair = signed_in(live_server.url, tmp_path / "chair", "chair")
    window = synced_window(qtbot, chair, tasks)
    console = window.console
    with qtbot.wait_signal(console.counted, timeout=WAIT):
        window.show_page(Screen.CONSOLE, world.meeting_id)
    for key, button in (
        (OPEN_VOTE_KEY, console.open_button),
        (CLOSE_VOTE_KEY, console.close_button),
        (NEXT_ITEM_KEY, console.control.discuss_button),
        (NEXT_SPEAKER_KEY, console.speakers.next_button),
    ):
        assert key in button.toolTip()
    docs = (Path(__file__).parents[2] / "docs" / "desktop.md").read_text(encoding="utf-8")
    assert all(k in docs for k in (OPEN_VOTE_KEY, CLOSE_VOTE_KEY, NEXT_ITEM_KEY, NEXT_SPEAKER_KEY))

    window.activateWindow()
    with qtbot.wait_signal(console.control.changed, timeout=WAIT):
        qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: console.discussing() is not None, timeout=WAIT)
    assert console.discussing().id == world.item_ids[1]  # none was on: the one after the chosen
    console.items.setCurrentRow(0)
    qtbot.waitUntil(lambda: not console._asking, timeout=WAIT)
    with qtbot.wait_signal(
        console.counted, timeout=WAIT, check_params_cb=lambda c: c.vote_status == "open"
    ):
        qtbot.keyClick(window, Qt.Key.Key_O, CTRL_SHIFT)
    qtbot.waitUntil(lambda: console.speakers.queue.count() == 2, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
    qtbot.waitUntil(lambda: speaking(console) == "Member02", timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
    # The first ended and the next has the floor, in one act of the server.
    qtbot.waitUntil(lambda: speaking(console) == "Member01", timeout=WAIT)
    assert "✓" in console.speakers.queue.item(0).text()
    with qtbot.wait_signal(
        console.counted, timeout=WAIT, check_params_cb=lambda c: c.vote_status == "closed"
    ):
        qtbot.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert console.result.text().startswith("Không được thông qua")  # nobody agreed


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_hall_display_follows_the_console_and_reads_large(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager, size: QSize
) -> None:
    world = live_server.world
    office = a_government(live_server, tmp_path)
    present = member_ids(office, 19)
    office.api.set_attendance(world.meeting_id, present)
    office.api.discuss(world.item_ids[0])
    member = signed_in(live_server.url, tmp_path / "m2", "member02")
    member.store.record_action("speaker.request", {"agenda_item_id": world.item_ids[0]})
    assert member.sync_service().sync().rejected == 0
    chair = signed_in(live_server.url, tmp_path / "chair", "chair")
    window, console = console_window(qtbot, chair, tasks, world.meeting_id)
    hall = console.open_hall(None)  # the console's, closed with it
    hall.showNormal()
    hall.resize(size)
    qtbot.waitUntil(lambda: hall.size() == size, timeout=WAIT)
    assert hall.item_number.text() == "Nội dung 1" and hall.item_title.text() == "Nội dung 1"
    assert hall.speaker.text() == "Chưa có người phát biểu"
    with qtbot.wait_signal(
        console.hall_changed,
        timeout=WAIT,
        check_params_cb=lambda s: s.count is not None and s.count.vote_status == "open",
    ):
        console.open_button.click()
    qtbot.waitUntil(lambda: console.speakers.queue.count() == 1, timeout=WAIT)
    console.next_speaker()
    # The same state, handed over by one method once the server gave the floor.
    qtbot.waitUntil(lambda: hall.speaker.text() == "Member02", timeout=WAIT)
    assert hall.chart.isVisible() and hall.chart.total == 27
    assert "Đang biểu quyết" in hall.result.text() and "cần ít nhất 14" in hall.result.text()
    # Large: the title is at least 1/25 of the screen's height (read from the back).
    assert hall.item_title.font().pixelSize() >= size.height() / 25
    assert_laid_out(hall)
    save(hall, tmp_path, f"hall-{size.width()}x{size.height()}")
    window.show_page(Screen.MEETING, world.meeting_id)  # the chair reads on; the hall stays live
    assert not console.isVisible() and console.timer.isActive()
    hall.close()
