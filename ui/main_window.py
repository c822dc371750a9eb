"""The main window: the sidebar, the screen it chose, the status bar, and sync in the background.

The window builds its pages and wires its parts (ui/window/): the screens' registry and what
the pages ask (pages.py), its frame under the lock's guard with the status bar (frame.py),
navigation and "back" (navigation.py), reading and showing the View (refreshing.py), opening
documents (reading.py), the menus (menus.py), the banner and the news of each sync
(notices.py); the live session (ui/live/session.py) holds its stream. Every act goes through
the client core on the local lane. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from ecabinet.client.account import Account
from ui.home.page import HomePage
from ui.live.session import LiveSession
from ui.notifier import Notification
from ui.screens import Screen
from ui.sidebar import Sidebar
from ui.signing.pin_dialog import DialogPin
from ui.sync_controller import SyncController
from ui.tasks import TaskManager
from ui.view import View
from ui.window.body import WindowBody
from ui.window.frame import frame_window
from ui.window.menus import WindowMenus
from ui.window.navigation import Navigation
from ui.window.notices import SyncReports
from ui.window.page_slot import PageSlot, SlotPage
from ui.window.pages import connect_home, connect_reader, register_screens
from ui.window.reader_slot import ReaderSlot
from ui.window.reading import DocumentOpener
from ui.window.refreshing import WindowRefresh
from ui.window.state import restore_window, save_window
from ui.window.tray import WindowTray

if TYPE_CHECKING:
    from ui.decisions.ballot_page import BallotPage
    from ui.decisions.board import PositionBoard
    from ui.decisions.item_panel import ItemDecisionPanel
    from ui.decisions.vote_console import VoteConsole
    from ui.documents.page import DocumentsPage
    from ui.meeting.calendar_export import MeetingCalendar
    from ui.meeting.page import MeetingPage
    from ui.meeting.roll_call import RollCallBar
    from ui.office.ballots import OfficeBallots
    from ui.office.inbox import OfficeInbox
    from ui.office.meetings import OfficeMeetings
    from ui.reader.reader import DocumentReader
    from ui.record.page import RecordPage
    from ui.search.page import SearchPage
    from ui.travel.page import TravelPage


class MainWindow(QMainWindow):
    refreshed = Signal()
    session_expired = Signal()
    document_opened = Signal(str)  # document id, once the reader shows it
    notice_shown = Signal(str)

    # The pages but "Hôm nay", each made at its first use (ui/window/pages.py).
    meeting_page: SlotPage[MeetingPage] = SlotPage(Screen.MEETING)
    ballot_page: SlotPage[BallotPage] = SlotPage(Screen.BALLOT)
    documents_page: SlotPage[DocumentsPage] = SlotPage(Screen.DOCUMENTS)
    search_page: SlotPage[SearchPage] = SlotPage(Screen.SEARCH)
    travel_page: SlotPage[TravelPage] = SlotPage(Screen.TRAVEL)
    board: SlotPage[PositionBoard] = SlotPage(Screen.BOARD)
    console: SlotPage[VoteConsole] = SlotPage(Screen.CONSOLE)
    record_page: SlotPage[RecordPage] = SlotPage(Screen.RECORD)
    office_ballots: SlotPage[OfficeBallots] = SlotPage(Screen.OFFICE_BALLOTS)
    office_meetings: SlotPage[OfficeMeetings] = SlotPage(Screen.OFFICE_MEETINGS)
    office_inbox: SlotPage[OfficeInbox] = SlotPage(Screen.OFFICE_INBOX)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        # One writer: from here on every write of the store, the sync's included, is made on
        # the local lane (architecture.md, "Threads").
        account.route_writes(tasks.write)
        # A USB token's PIN is asked in a dialog, the worker that signs waiting for it.
        self.pin = DialogPin(self)
        account.ask_pin_with(self.pin)
        self.setWindowTitle("e-Cabinet")  # with the body's name once known (ui/window/body.py)
        self.resize(1200, 780)
        self.sync = SyncController(account, tasks, self)
        self.sidebar = Sidebar()
        self.sidebar.chosen.connect(self.show_page)
        self.home_page = HomePage(account, tasks)
        self.reader_slot = ReaderSlot(account, tasks, lambda reader: connect_reader(self, reader))
        # The other pages, each made at its first use (ui/window/pages.py).
        self.slots: dict[Screen, PageSlot[Any]] = {}
        self._item_panel: ItemDecisionPanel | None = None
        self._roll_call: RollCallBar | None = None
        self._calendar: MeetingCalendar | None = None
        self.body = WindowBody(self)
        self.screens = register_screens(self)
        self.pages = self.screens.stack
        self.navigation = Navigation(self.screens, self.sidebar)
        connect_home(self)
        self.banner, self.guard, self.status = frame_window(self)
        self.views = WindowRefresh(self)
        self.opener = DocumentOpener(self)
        self.menus = WindowMenus(self)
        self.reports = SyncReports(self)
        self.live = LiveSession(self)  # the live stream while signed in and online
        self.tray = WindowTray(self)  # the tray icon and the desktop's notifications
        # The window's notice already says a vote opened: the tray adds no second line.
        self.live.alert.told.connect(
            lambda title, text: self.tray.notify(Notification(title, text), fallback=False)
        )
        restore_window(self)  # the size and splitters the member left (ui/window/state.py)
        self.refresh()

    # --- the meeting's page and its parts, made together at their first use ------------

    def make_meeting_page(self) -> MeetingPage:
        """The meeting's page with its decision panel and roll call, wired to the window."""
        from ui.decisions.item_panel import ItemDecisionPanel
        from ui.meeting.page import MeetingPage
        from ui.meeting.roll_call import RollCallBar

        page = MeetingPage()
        panel = self._item_panel = ItemDecisionPanel(self.account, self.tasks)
        page.set_side_panel(panel)
        roll_call = self._roll_call = page.set_roll_call(RollCallBar(self.account, self.tasks))
        self.body.give(panel)
        page.item_selected.connect(panel.show_item)
        page.open_document.connect(self.open_document)
        page.board_requested.connect(lambda mid: self.show_page(Screen.BOARD, mid))
        page.console_requested.connect(lambda mid: self.show_page(Screen.CONSOLE, mid))
        page.calendar_requested.connect(self.calendar.ask)
        panel.acted.connect(self.after_act)
        roll_call.acted.connect(self.after_act)
        return page

    @property
    def item_panel(self) -> ItemDecisionPanel:
        self.meeting_page  # noqa: B018 (made with the meeting's page)
        assert self._item_panel is not None
        return self._item_panel

    @property
    def made_item_panel(self) -> ItemDecisionPanel | None:
        """The decision panel if the meeting's page was made, without making it."""
        return self._item_panel

    @property
    def roll_call(self) -> RollCallBar:
        self.meeting_page  # noqa: B018 (made with the meeting's page)
        assert self._roll_call is not None
        return self._roll_call

    @property
    def calendar(self) -> MeetingCalendar:
        """The meeting's calendar file, asked from the meeting's page (icalendar loads then)."""
        if self._calendar is None:
            from ui.meeting.calendar_export import MeetingCalendar

            self._calendar = MeetingCalendar(self.account, self.tasks, self)
            self._calendar.message_shown.connect(self.status.show_message)
        return self._calendar

    @property
    def reader(self) -> DocumentReader:
        """The reader, made at the first call (ui/window/reader_slot.py)."""
        return self.reader_slot.reader()

    # --- navigation (ui/window/navigation.py) and documents (ui/window/reading.py) -----

    @property
    def page(self) -> Screen:
        return self.navigation.screen

    @property
    def object_id(self) -> str:
        return self.navigation.object_id

    def show_page(self, screen: Screen, object_id: str = "") -> None:
        self.navigation.show(screen, object_id)

    def go_back(self) -> None:
        self.navigation.back()

    def show_search(self) -> None:
        self.show_page(Screen.SEARCH, "")

    def open_document(self, document_id: str) -> None:
        self.opener.open_at(document_id, -1, "")

    def open_document_at(self, document_id: str, page: int, words: str) -> None:
        """Open in the reader; ``page`` -1 means where the member last stopped."""
        self.opener.open_at(document_id, page, words)

    # --- what is shown (ui/window/refreshing.py) ---------------------------------------

    @property
    def last_view(self) -> View | None:
        return self.views.last_view

    def refresh(self) -> None:
        self.views.refresh()

    def show_notice(self, text: str) -> None:
        self.banner.show_notice(text)
        self.notice_shown.emit(text)

    def after_act(self) -> None:
        self.refresh()
        self.sync.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.sync.running and self.last_view is not None and self.last_view.pending:
            answer = QMessageBox.question(
                self,
                self.tr("Đang đồng bộ"),
                self.tr("Mọi thao tác đã được lưu trên máy và sẽ được gửi ở lần mở sau. Thoát?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        save_window(self)
        self.sync.cancel()
        self.live.stop()
        self.pin.give_up()
        super().closeEvent(event)
