"""The window's screens: an enum names each one, a registry finds its widget and what to do
when it is shown or left.

The window registers every screen once, when it is built; navigating is then a look-up, never
an if/elif on the screen's name (Electrum's tabs, Anki's main window states). GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtWidgets import QStackedWidget, QWidget


class Screen(Enum):
    """A screen of the window; the meeting, ballot, reader, board and console screens also
    carry the id of what they show."""

    HOME = "home"  # "Hôm nay": the first screen after sign-in
    MEETING = "meeting"
    BALLOT = "ballot"
    DOCUMENTS = "documents"
    SEARCH = "search"
    TRAVEL = "travel"
    READER = "reader"
    BOARD = "board"  # the chair's and the secretariat's view of the members' positions
    CONSOLE = "console"  # the vote console
    RECORD = "record"  # the Government Office's record of acts
    OFFICE_BALLOTS = "office-ballots"  # the Government Office prepares and watches ballots
    OFFICE_MEETINGS = "office-meetings"  # the Government Office prepares meetings
    OFFICE_INBOX = "office-inbox"  # "Văn bản đến": the national document exchange's inbox


# Screens the sidebar lists: showing one selects its entry.
SIDEBAR_SCREENS = frozenset(
    {
        Screen.HOME,
        Screen.MEETING,
        Screen.BALLOT,
        Screen.DOCUMENTS,
        Screen.SEARCH,
        Screen.TRAVEL,
        Screen.RECORD,
        Screen.OFFICE_BALLOTS,
        Screen.OFFICE_MEETINGS,
        Screen.OFFICE_INBOX,
    }
)


def _nothing(_object_id: str) -> None:
    pass


def _nothing_left() -> None:
    pass


@dataclass(frozen=True)
class ScreenEntry:
    widget: QWidget
    shown: Callable[[str], None] = _nothing  # with the object id, once the widget is in front
    left: Callable[[], None] = _nothing_left  # when another screen takes its place
    synced: Callable[[str], None] = _nothing  # with the object id, after a sync while in front


class ScreenRegistry:
    """Every screen's entry, and the stack that shows their widgets."""

    def __init__(self, stack: QStackedWidget) -> None:
        self.stack = stack
        self._entries: dict[Screen, ScreenEntry] = {}

    def register(
        self,
        screen: Screen,
        widget: QWidget,
        shown: Callable[[str], None] = _nothing,
        left: Callable[[], None] = _nothing_left,
        synced: Callable[[str], None] = _nothing,
    ) -> None:
        if screen in self._entries:
            raise ValueError(f"{screen} is registered already")
        self._entries[screen] = ScreenEntry(widget, shown, left, synced)
        self.stack.addWidget(widget)

    def __contains__(self, screen: Screen) -> bool:
        return screen in self._entries

    def entry(self, screen: Screen) -> ScreenEntry:
        return self._entries[screen]

    def widget(self, screen: Screen) -> QWidget:
        return self._entries[screen].widget

    def leave(self, screen: Screen) -> None:
        self._entries[screen].left()
