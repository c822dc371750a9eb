"""The window made live, against a real server on loopback: the chair opens a vote and the
member's window says so at once and brings the vote buttons in front; the chair moves to the
next item and the meeting view and the reader follow, unless "Theo dõi chủ trì" is off."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ecabinet.client.account import Account
from ecabinet.client.live import LiveStatus
from tests.gui.test_main_window import synced_window
from tests.loopback import LiveServer, signed_in
from ui.live.alerts import VoteAlert, set_sound_enabled
from ui.live.bridge import LiveBridge
from ui.live.connection import LiveConnection
from ui.main_window import MainWindow
from ui.meeting.page import ITEM
from ui.screens import Screen
from ui.settings.dialog import SettingsDialog
from ui.tasks import TaskManager

WAIT = 30_000


def live_window(qtbot: QtBot, live: LiveServer, root: Path, tasks: TaskManager) -> MainWindow:
    """A member's window after its first sync, with its live stream connected."""
    window = synced_window(qtbot, signed_in(live.url, root), tasks)
    qtbot.waitUntil(lambda: window.live.connection.status == LiveStatus.CONNECTED, timeout=WAIT)
    return window


def finish(qtbot: QtBot, window: MainWindow) -> None:
    """Stop the stream (the server waits for open streams when it stops) and let the sync it
    asked for end, so closing the window asks nothing."""
    window.live.stop()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT)


def session_in_progress(live: LiveServer, root: Path) -> Account:
    """The Office starts the meeting with a quorum present; returns the chair."""
    world = live.world
    office = signed_in(live.url, root / "s", "secretariat")
    started = office.api._request("POST", f"/meetings/{world.meeting_id}/start")
    assert started.status_code == 200
    present = [world.users[u] for u in ("chair", "member01", "member02", "member03", "member04")]
    office.api.set_attendance(world.meeting_id, present)
    return signed_in(live.url, root / "c", "chair")


def test_the_chair_opens_a_vote_and_the_member_is_told_at_once(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager, settings: None
) -> None:
    world = live_server.world
    window = live_window(qtbot, live_server, tmp_path / "m", tasks)
    chair = session_in_progress(live_server, tmp_path)
    window.show_page(Screen.DOCUMENTS, "")  # the member is looking at the list of papers
    item_id = world.item_ids[1]
    alerted: list[str] = []
    window.live.vote_alerted.connect(alerted.append)
    with qtbot.wait_signals([window.live.vote_alerted, window.live.alert.sounded], timeout=WAIT):
        chair.api.open_vote(item_id)
    assert alerted == [item_id]
    notice = window.banner.label.text()
    assert "mở biểu quyết" in notice and "Nội dung 2" in notice
    assert window.banner.isVisibleTo(window)
    assert (window.page, window.object_id) == (Screen.MEETING, world.meeting_id)
    qtbot.waitUntil(
        lambda: window.meeting_page.current_selection() == (ITEM, item_id), timeout=WAIT
    )
    panel = window.item_panel
    qtbot.waitUntil(  # the pull the stream asked for brings the open vote
        lambda: (
            panel.item_id == item_id
            and all(b.isVisibleTo(panel) for b in panel.vote_buttons.values())
        ),
        timeout=WAIT,
    )
    assert "Biểu quyết đang mở" in panel.vote_state.text()
    finish(qtbot, window)


def test_the_chair_at_the_console_stays_there_when_the_vote_opens(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager, settings: None
) -> None:
    """The chair opens the vote from his console: he is told (he votes too, and breaks a
    tie), but the window does not take him away from the console he is running."""
    world = live_server.world
    chair = session_in_progress(live_server, tmp_path)
    window = synced_window(qtbot, chair, tasks)
    qtbot.waitUntil(lambda: window.live.connection.status == LiveStatus.CONNECTED, timeout=WAIT)
    window.show_page(Screen.CONSOLE, world.meeting_id)
    with qtbot.wait_signal(window.live.vote_alerted, timeout=WAIT):
        chair.api.open_vote(world.item_ids[0])
    assert "mở biểu quyết" in window.banner.label.text()
    assert (window.page, window.object_id) == (Screen.CONSOLE, world.meeting_id)
    finish(qtbot, window)


def test_the_chairs_console_follows_check_ins_and_speakers_live(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager, settings: None
) -> None:
    """A member checks in and asks to speak from the laptop: the chair's console, held live,
    shows both without anyone pressing "sync"."""
    world = live_server.world
    chair = session_in_progress(live_server, tmp_path)
    office = signed_in(live_server.url, tmp_path / "s2", "secretariat")
    users = world.users
    # member04 is not present yet: he checks in from his laptop.
    present = [users[u] for u in ("chair", "member01", "member02", "member03")]
    office.api.set_attendance(world.meeting_id, present, [users["member04"]])
    office.api.roll_call(world.meeting_id, True)
    window = synced_window(qtbot, chair, tasks)
    qtbot.waitUntil(lambda: window.live.connection.status == LiveStatus.CONNECTED, timeout=WAIT)
    window.show_page(Screen.CONSOLE, world.meeting_id)
    console = window.console
    qtbot.waitUntil(lambda: len(console.tools.roll.boxes) > 0, timeout=WAIT)
    console.items.setCurrentRow(0)
    qtbot.waitUntil(lambda: bool(console.quorum.text()), timeout=WAIT)
    before = console.quorum.text()
    assert console.speakers.queue.count() == 0
    member = signed_in(live_server.url, tmp_path / "m4", "member04")
    member.store.record_action("attendance.check_in", {"meeting_id": world.meeting_id})
    member.store.record_action("speaker.request", {"agenda_item_id": world.item_ids[0]})
    assert member.sync_service().sync().rejected == 0
    qtbot.waitUntil(lambda: console.speakers.queue.count() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: users["member04"] in console.tools.roll.present_ids(), timeout=WAIT)
    qtbot.waitUntil(lambda: console.quorum.text() != before, timeout=WAIT)  # one more present
    finish(qtbot, window)


def test_the_meeting_view_and_the_reader_follow_the_chair_unless_told_not_to(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager, settings: None
) -> None:
    world = live_server.world
    window = live_window(qtbot, live_server, tmp_path / "m", tasks)
    chair = session_in_progress(live_server, tmp_path)
    first, second = world.item_ids
    window.show_page(Screen.MEETING, world.meeting_id)
    with qtbot.wait_signal(
        window.live.followed, timeout=WAIT, check_params_cb=lambda i: i == second
    ):
        chair.api.discuss(second)
    assert window.meeting_page.current_selection() == (ITEM, second)

    # In the reader, following opens the first paper of the item the chair moves to.
    with qtbot.wait_signal(window.document_opened, timeout=WAIT):
        window.open_document(world.document_ids[2])  # a paper of the second item
    expected = window.account.store.documents(first)[0].id
    assert window.reader.toolbar.follow_action.isChecked()  # on by default
    with qtbot.wait_signal(
        window.document_opened, timeout=WAIT, check_params_cb=lambda d: d == expected
    ):
        chair.api.discuss(first)
    assert window.page == Screen.READER and window.reader.document_id == expected

    # One click turns it off: the next move reaches the window, and the reader stays put.
    window.reader.toolbar.follow_action.trigger()
    assert not window.reader.toolbar.follow_action.isChecked()
    with qtbot.wait_signal(
        window.live.bridge.session_item,
        timeout=WAIT,
        check_params_cb=lambda e: e.agenda_item_id == second,
    ):
        chair.api.discuss(second)
    # The window's own slot ran before the wait ended (connected first): nothing moved.
    assert window.page == Screen.READER and window.reader.document_id == expected
    window.show_page(Screen.MEETING, world.meeting_id)
    qtbot.waitUntil(lambda: window.meeting_page.select(ITEM, second), timeout=WAIT)
    with qtbot.wait_signal(
        window.live.bridge.session_item,
        timeout=WAIT,
        check_params_cb=lambda e: e.agenda_item_id == first,
    ):
        chair.api.discuss(first)
    assert window.meeting_page.current_selection() == (ITEM, second)
    finish(qtbot, window)


def test_the_sound_can_be_turned_off_in_settings(qtbot: QtBot, settings: None) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.vote_sound.isChecked()  # on by default
    alert = VoteAlert()
    with qtbot.wait_signal(alert.sounded, timeout=WAIT):
        alert.alert("Biểu quyết đang mở", "Nội dung 1")
    dialog.vote_sound.click()
    assert QSettings().value("vote_sound", type=bool) is False
    with qtbot.assert_not_emitted(alert.sounded):
        alert.alert("Biểu quyết đang mở", "Nội dung 1")
    set_sound_enabled(True)
    assert SettingsDialog().vote_sound.isChecked()


def test_a_window_deleted_without_closing_ends_its_stream(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path
) -> None:
    """A connection deleted while it holds a stream (no release: its window was deleted, not
    closed) stops the stream, whose thread then ends without posting to what is gone."""
    member = signed_in(live_server.url, tmp_path / "m", "member01")
    bridge = LiveBridge()
    connection = LiveConnection(bridge)
    with qtbot.wait_signal(bridge.status_changed, timeout=WAIT):
        connection.hold(member.member, "")
    stream = connection._stream
    assert stream is not None and stream._thread is not None
    thread = stream._thread
    connection.deleteLater()
    bridge.deleteLater()
    qtbot.waitUntil(stream.stop.is_set, timeout=WAIT)
    thread.join(WAIT / 1000)
    assert not thread.is_alive()
