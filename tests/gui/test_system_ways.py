"""The desktop's use of the system: the window's size and splitters remembered, the tray's
menu and tooltip, notifications (falling back to the notice line where there is no tray, as
on the offscreen platform), a ballot due within a day told once, and "Thêm vào lịch"."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.calendar_file import meeting_uid
from ecabinet.wire.objects import BallotData
from tests.gui.test_main_window import WAIT, open_window, synced_window
from tests.loopback import LiveServer
from ui.main_window import MainWindow
from ui.notifier import Notification
from ui.settings.dialog import SettingsDialog
from ui.tasks import TaskManager
from ui.window.state import GROUP, restore_window

ROOT = Path(__file__).resolve().parents[2]


# On a screen as wide as a desk monitor: the offscreen platform's own is 800 pixels wide,
# narrower than the window may be, and Qt fits a restored window to its screen.
WIDE_SCREEN = {"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1080}]}
REOPEN = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QSplitter
    from tests.loopback import signed_in
    from ui.main_window import MainWindow
    from ui.screens import Screen
    from ui.tasks import TaskManager

    url, root = sys.argv[1], Path(sys.argv[2])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root))
    app = QApplication(["test"])
    tasks = TaskManager()
    account = signed_in(url, root / "p")

    def shown(window):
        window.show_page(Screen.MEETING, "")  # the meeting's page is made when first shown
        app.processEvents()
        made = window.reader_slot.reader()  # made at the first document
        sidebar = window.findChild(QSplitter, "sidebar-splitter")
        reader = window.findChild(QSplitter, "reader-splitter")
        return {"size": [window.width(), window.height()], "sidebar": sidebar.sizes(),
                "meeting": window.meeting_page.splitter.sizes(), "reader": reader.sizes(),
                "panel": made.open_panel}

    window = MainWindow(account, tasks)
    window.show()
    window.resize(1500, 900)
    app.processEvents()
    window.findChild(QSplitter, "sidebar-splitter").setSizes([420, 1080])
    window.show_page(Screen.MEETING, "")
    app.processEvents()
    window.meeting_page.splitter.setSizes([500, 250])
    window.reader_slot.reader().show_panel("notes")
    window.reader_slot.reader().findChild(QSplitter, "reader-splitter").setSizes([300, 900])
    left = shown(window)
    window.close()
    again = MainWindow(account, tasks)
    again.show()
    app.processEvents()
    json.dump({"left": left, "again": shown(again)}, sys.stdout)
    again.close()
    tasks.shutdown()
    """
)


def test_the_window_opens_again_as_it_was_left(live_server: LiveServer, tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(WIDE_SCREEN))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", REOPEN, live_server.url, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    left, again = seen["left"], seen["again"]
    assert left["size"] == [1500, 900]
    assert left["panel"] == "notes" and left["reader"][0] > 0
    assert again == left  # the size, the sidebar, the agenda's panel, the reader's side panel


def test_a_place_off_every_screen_is_ignored(
    qtbot: QtBot, member: Account, tasks: TaskManager
) -> None:
    window = open_window(qtbot, member, tasks)
    window.resize(1300, 650)
    assert window.close()
    settings = QSettings()
    settings.setValue(f"{GROUP}/rect", QRect(40_000, 40_000, 1300, 650))  # a monitor now gone
    again = MainWindow(member, tasks)
    qtbot.addWidget(again)
    assert not restore_window(again)
    assert (again.width(), again.height()) == (1200, 780)  # as made, before it is shown


def test_without_a_tray_a_notification_is_the_notice_line(
    qtbot: QtBot, member: Account, tasks: TaskManager
) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray
    window = open_window(qtbot, member, tasks)
    tray = window.tray
    with qtbot.wait_signal(tray.notified, timeout=WAIT):
        tray.notify(Notification("Phiếu lấy ý kiến sắp hết hạn", "“Phiếu A”: còn 2 giờ."))
    assert window.banner.label.text() == "Phiếu lấy ý kiến sắp hết hạn: “Phiếu A”: còn 2 giờ."
    # Said by the window already (a vote opened, new papers): no second line.
    with qtbot.assert_not_emitted(tray.notified):
        tray.notify(Notification("Biểu quyết đang mở", "Nội dung 1"), fallback=False)
    # Turned off in Settings: nothing at all.
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.notifications.click()
    assert QSettings().value("notifications", type=bool) is False
    window.banner.hide()
    with qtbot.assert_not_emitted(tray.notified):
        tray.notify(Notification("Tài liệu được thay thế", "“Tờ trình”"))
    assert not window.banner.isVisible()


def test_the_tray_menu_and_tooltip_follow_the_sync(
    qtbot: QtBot, member: Account, tasks: TaskManager
) -> None:
    window = open_window(qtbot, member, tasks)
    tray = window.tray
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == ["Mở e-Cabinet", "Đồng bộ ngay", "Thoát"]
    assert tray.tooltip == "e-Cabinet — Chưa đồng bộ"
    with qtbot.wait_signal(window.sync.finished, timeout=WAIT):
        tray.sync_action.trigger()
    assert tray.tooltip.startswith("e-Cabinet — Đã đồng bộ lúc ")
    assert "(giờ Hà Nội)" in tray.tooltip
    window.showMinimized()
    tray.open_action.trigger()
    assert not window.isMinimized()


def test_a_ballot_due_within_a_day_is_told_once(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager
) -> None:
    window = open_window(qtbot, member, tasks)
    ballot = member.store.get("ballot", live_server.world.ballot_id)
    assert isinstance(ballot, BallotData)
    # Three days before the deadline: too early; two hours before: told, and once only.
    early = ballot.deadline - timedelta(days=3)
    tray = window.tray
    with qtbot.assert_not_emitted(tray.notified, wait=500):
        tray.remind_ballots(early)
    soon = ballot.deadline - timedelta(hours=2)
    with qtbot.wait_signal(tray.notified, timeout=WAIT) as told:
        tray.remind_ballots(soon)
    title, message = told.args
    assert title == "Phiếu lấy ý kiến sắp hết hạn"
    assert f"“{ballot.title}”" in message and "còn 2 giờ" in message
    assert "(giờ Hà Nội)" in message
    with qtbot.assert_not_emitted(tray.notified, wait=500):
        tray.remind_ballots(soon + timedelta(minutes=30))  # the next sync: not again


def test_the_meeting_goes_into_the_calendar(
    qtbot: QtBot, live_server: LiveServer, member: Account, tasks: TaskManager, tmp_path: Path
) -> None:
    window = synced_window(qtbot, member, tasks)
    assert window.meeting_page.calendar_button.isVisible()
    target = tmp_path / "lich.ics"
    with qtbot.wait_signal(window.calendar.message_shown, timeout=WAIT) as shown:
        window.calendar.save_to(live_server.world.meeting_id, target)
    assert str(target) in shown.args[0]
    assert str(target) in window.status.message.text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    meeting = member.store.meeting(live_server.world.meeting_id)
    assert meeting is not None
    event = Calendar.from_ical(target.read_bytes()).walk("VEVENT")[0]
    assert isinstance(event, Event)
    assert str(event["uid"]) == meeting_uid(meeting.id)
    assert str(event["summary"]) == meeting.title
    start = event.start
    assert isinstance(start, datetime)
    assert start.astimezone(UTC) == meeting.starts_at.replace(microsecond=0)
    assert "1. Nội dung 1 (Bộ Tư pháp)" in str(event["description"])
