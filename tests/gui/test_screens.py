"""The window's screens: every member of ``Screen`` is registered, showing one puts its widget
in front (and selects its sidebar entry when it has one), and going back returns in order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import shown_screen
from tests.gui.test_main_window import open_window, synced_window
from tests.loopback import LiveServer, signed_in
from ui.screens import SIDEBAR_SCREENS, Screen
from ui.tasks import TaskManager

OFFICE_ONLY = {
    Screen.RECORD,
    Screen.OFFICE_BALLOTS,
    Screen.OFFICE_MEETINGS,
    Screen.OFFICE_INBOX,
}


def test_every_screen_is_registered_and_shown_through_the_registry(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = synced_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    world = live_server.world
    ids = {Screen.MEETING: world.meeting_id, Screen.BALLOT: world.ballot_id}
    ids |= {Screen.BOARD: world.meeting_id, Screen.CONSOLE: world.meeting_id}
    widgets = set()
    for screen in Screen:
        assert screen in window.screens, f"{screen} has no registered widget"
        widget = window.screens.widget(screen)
        widgets.add(id(widget))
        window.show_page(screen, ids.get(screen, ""))
        assert (window.page, window.object_id) == (screen, ids.get(screen, ""))
        assert window.pages.currentWidget() is widget
        if screen in SIDEBAR_SCREENS - OFFICE_ONLY:  # a member's sidebar lists these
            assert window.sidebar.current_choice() == (screen, ids.get(screen, ""))
    assert len(widgets) == len(Screen)  # one widget each: no screen shows another's
    assert window.pages.count() == len(Screen)
    window.go_back()
    assert window.page == Screen.OFFICE_MEETINGS
    assert window.pages.currentWidget().isAncestorOf(window.office_meetings)  # in its slot
    window.go_back()
    assert shown_screen(window) == Screen.OFFICE_BALLOTS


def test_leaving_the_reader_closes_its_document(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = synced_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    document_id = live_server.world.document_ids[0]
    with qtbot.wait_signal(window.document_opened, timeout=30_000):
        window.open_document(document_id)
    assert window.page == Screen.READER and window.reader.document_id == document_id
    window.show_page(Screen.SEARCH, "")
    assert window.reader.document_id == ""  # left: the document is out of memory
    assert window.pages.currentWidget().isAncestorOf(window.search_page)


def test_a_page_is_made_when_its_screen_is_first_shown(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = open_window(qtbot, signed_in(live_server.url, tmp_path / "p"), tasks)
    with qtbot.wait_signal(window.sync.finished, timeout=30_000):
        window.sync.start()
    qtbot.waitUntil(lambda: bool(window.home_page.meeting_card.entries), timeout=30_000)
    assert window.slots  # every screen but "Hôm nay" and the reader's waits in a slot
    assert [s for s, slot in window.slots.items() if slot.built is not None] == []  # synced
    window.home_page.meeting_card.entries[0].click()  # the next session, from "Hôm nay"
    made = window.slots[Screen.MEETING].built
    assert made is not None and made is window.meeting_page  # made once, kept
    assert [s for s, slot in window.slots.items() if slot.built is not None] == [Screen.MEETING]
    meeting_id = live_server.world.meeting_id
    qtbot.waitUntil(lambda: window.meeting_page.meeting_id == meeting_id, timeout=30_000)


class WindowsShown(QObject):
    """Every widget shown as a window of its own while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.isWindow():
                self.shown.append(type(watched).__name__)
        return False


def test_a_page_made_late_shows_no_window_of_its_own_and_keeps_the_window_active(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    # A widget without a parent yet is a window: shown in a page's constructor (a box set
    # visible before it is laid out), it took the activation from the main window, and the
    # window's keys (the chair's console) stopped reaching it.
    window = open_window(qtbot, signed_in(live_server.url, tmp_path / "p", "chair"), tasks)
    with qtbot.wait_signal(window.sync.finished, timeout=30_000):
        window.sync.start()
    assert [s for s, slot in window.slots.items() if slot.built is not None] == []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    watcher = WindowsShown()
    app.installEventFilter(watcher)
    try:
        for screen in Screen:
            if screen != Screen.READER:  # the reader is made at the first document
                window.show_page(screen, "")
        qtbot.wait(0)  # the platform's activation events, if any, are delivered
    finally:
        app.removeEventFilter(watcher)
    assert watcher.shown == []
    assert QApplication.activeWindow() is window


def test_the_sidebar_getting_the_focus_back_does_not_change_the_screen(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    window = synced_window(qtbot, signed_in(live_server.url, tmp_path / "p", "chair"), tasks)
    window.show_page(Screen.BOARD, live_server.world.meeting_id)  # not listed in the sidebar
    with qtbot.wait_signal(window.refreshed, timeout=30_000):
        window.refresh()  # the sidebar is filled again, no entry chosen
    assert window.sidebar.current_choice() is None
    window.sidebar.clearFocus()
    window.sidebar.setFocus(Qt.FocusReason.ActiveWindowFocusReason)  # the window active again
    assert window.sidebar.hasFocus()
    assert window.page == Screen.BOARD
    assert window.sidebar.current_choice() is None
