"""The window's screens: every member of ``Screen`` is registered, showing one puts its widget
in front (and selects its sidebar entry when it has one), and going back returns in order."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.conftest import shown_screen
from tests.gui.test_main_window import synced_window
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
    assert window.pages.currentWidget() is window.office_meetings
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
    assert window.pages.currentWidget() is window.search_page
