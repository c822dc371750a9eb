"""The main window: the sidebar, the screen it chose, the status bar, and sync in the background.

Screens: a meeting (agenda, documents, the member's decision panel), a written ballot, every
document, search, "ready to travel", the reader, and for the chair and the secretariat the
position board and the vote console; each is registered once under its ``Screen`` (ui/screens.py)
and shown through the registry. Every read of the store runs on a worker (read_view) and comes
back as one View; every act goes through the client core on the local lane. Tasks capture
``account.member`` (the signed-in member, one immutable object), never the account's store,
which a sign-in on another thread may replace. The window's parts are in ui/window/.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client.account import Account
from ecabinet.client.library import Overview
from ecabinet.domain import Role
from ui.decisions.ballot_page import BallotPage
from ui.decisions.board import PositionBoard
from ui.decisions.item_panel import ItemDecisionPanel
from ui.decisions.vote_console import VoteConsole
from ui.documents.page import DocumentsPage
from ui.live.session import LiveSession
from ui.lock.guard import WindowGuard
from ui.meeting.page import MeetingPage
from ui.meeting.roll_call import RollCallBar
from ui.office.ballots import OfficeBallots
from ui.office.meetings import OfficeMeetings
from ui.reader.reader import DocumentReader
from ui.record.page import RecordPage
from ui.screens import Screen, ScreenRegistry
from ui.search.page import SearchPage
from ui.sidebar import Sidebar
from ui.status_area import StatusArea
from ui.sync_controller import SyncController
from ui.tasks import TaskManager
from ui.travel.page import TravelPage
from ui.view import View, read_view
from ui.window.menus import WindowMenus
from ui.window.navigation import Navigation
from ui.window.notices import NoticeBanner, SyncReports, what_is_new
from ui.window.reading import DocumentOpener


class MainWindow(QMainWindow):
    refreshed = Signal()
    session_expired = Signal()
    document_opened = Signal(str)  # document id, once the reader shows it
    notice_shown = Signal(str)

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        # One writer: from here on every write of the store, the sync's included, is made on
        # the local lane (architecture.md, "Threads").
        account.route_writes(tasks.write)
        self.last_view: View | None = None
        self.setWindowTitle("e-Cabinet")
        self.resize(1200, 780)
        self.sync = SyncController(account, tasks, self)
        self._build_pages()
        self._register_screens()
        self._connect_pages()
        self._lay_out()
        self.opener = DocumentOpener(self)
        self.menus = WindowMenus(self)
        self.reports = SyncReports(self)
        self.live = LiveSession(self)  # the live stream while signed in and online
        self.refresh()

    # --- building ----------------------------------------------------------------------

    def _build_pages(self) -> None:
        account, tasks = self.account, self.tasks
        self.sidebar = Sidebar()
        self.sidebar.chosen.connect(self.show_page)
        self.welcome = QLabel(self.tr("Chọn một phiên họp hoặc phiếu lấy ý kiến ở bên trái."))
        self.meeting_page = MeetingPage()
        self.item_panel = ItemDecisionPanel(account, tasks)
        self.meeting_page.set_side_panel(self.item_panel)
        self.roll_call = self.meeting_page.set_roll_call(RollCallBar(account, tasks))
        self.ballot_page = BallotPage(account, tasks)
        self.documents_page = DocumentsPage()
        self.search_page = SearchPage(account, tasks)
        self.travel_page = TravelPage()
        self.reader = DocumentReader(account, tasks)
        self.board = PositionBoard(account, tasks)
        self.console = VoteConsole(account, tasks)
        self.record_page = RecordPage(account, tasks)
        self.office_ballots = OfficeBallots(account, tasks)
        self.office_meetings = OfficeMeetings(account, tasks)

    def _register_screens(self) -> None:
        """Each screen's widget, and what it does when shown, left, or in front after a sync."""
        self.pages = QStackedWidget()
        self.screens = screens = ScreenRegistry(self.pages)
        read_again = self._read_again
        screens.register(Screen.WELCOME, self.welcome)
        screens.register(Screen.MEETING, self.meeting_page, shown=read_again)
        screens.register(
            Screen.BALLOT,
            self.ballot_page,
            shown=self.ballot_page.show_ballot,
            synced=self.ballot_page.show_ballot,
        )
        screens.register(Screen.DOCUMENTS, self.documents_page, shown=read_again)
        screens.register(
            Screen.SEARCH, self.search_page, shown=lambda _id: self.search_page.focus_query()
        )
        screens.register(Screen.TRAVEL, self.travel_page, shown=read_again)
        screens.register(Screen.READER, self.reader, left=self.reader.close_document)
        screens.register(Screen.BOARD, self.board, shown=self.board.show_meeting)
        screens.register(
            Screen.CONSOLE,
            self.console,
            shown=self.console.show_meeting,
            synced=lambda _id: self.console.refresh(),
        )
        screens.register(
            Screen.RECORD, self.record_page, shown=lambda _id: self.record_page.reload()
        )
        screens.register(
            Screen.OFFICE_BALLOTS,
            self.office_ballots,
            shown=lambda _id: self.office_ballots.reload(),
        )
        screens.register(
            Screen.OFFICE_MEETINGS,
            self.office_meetings,
            shown=lambda _id: self.office_meetings.reload(),
        )
        self.navigation = Navigation(screens, self.sidebar)

    def _connect_pages(self) -> None:
        """What each page asks of the window."""
        self.meeting_page.item_selected.connect(self.item_panel.show_item)
        self.meeting_page.open_document.connect(self.open_document)
        self.meeting_page.board_requested.connect(lambda mid: self.show_page(Screen.BOARD, mid))
        self.meeting_page.console_requested.connect(lambda mid: self.show_page(Screen.CONSOLE, mid))
        self.console.vote_closed.connect(lambda _item: self.sync.start())  # its published result
        self.documents_page.open_document.connect(self.open_document)
        self.ballot_page.open_document.connect(self.open_document)
        self.search_page.open_hit.connect(self.open_document_at)
        self.reader.open_elsewhere.connect(lambda doc, page: self.open_document_at(doc, page, ""))
        self.travel_page.fetch_requested.connect(self.sync.start)
        for acting in (
            self.item_panel,
            self.ballot_page,
            self.reader.toolbar.speak,
            self.roll_call,
        ):
            acting.acted.connect(self._after_act)

    def _lay_out(self) -> None:
        self.banner = NoticeBanner()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.pages, 1)
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 920])
        self.guard = WindowGuard(self, self.account, self.tasks, splitter)  # the central widget
        self.guard.sign_in_needed.connect(self.session_expired)
        self.status = StatusArea()
        self.status.cancel_requested.connect(self.sync.cancel)
        self.statusBar().addWidget(self.status, 1)

    def _read_again(self, _object_id: str) -> None:
        self.refresh()  # the View read for the screen carries what it shows

    # --- navigation --------------------------------------------------------------------

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

    # --- refreshing --------------------------------------------------------------------

    def refresh(self) -> None:
        account, page, object_id = self.account.member, self.page, self.object_id
        self.tasks.run_local(lambda: read_view(account, page, object_id), self._show)

    def _show(self, view: View) -> None:
        previous = self.last_view
        self.last_view = view
        self.guard.show_papers_hidden(view.papers_hidden, view.offline_hours)
        if not self.guard.idle_timer.isActive() and not self.guard.is_locked:
            self.guard.watch_idle(view.idle_minutes * 60_000)
        self.sidebar.show_overview(view.overview, office=Role.SECRETARIAT in view.roles)
        if view.page == self.page:
            if view.meeting is not None:
                self.meeting_page.show_meeting(view.meeting)
                self.roll_call.show_meeting(view.meeting.meeting.id)
                self.meeting_page.set_chair_tools(bool({Role.CHAIR, Role.SECRETARIAT} & view.roles))
            if view.page == Screen.DOCUMENTS:
                self.documents_page.show_documents(view.catalogue)
            if view.readiness is not None:
                self.travel_page.show_readiness(view.readiness, self.sync.running)
        self.status.show_connection(view.online, view.last_sync)
        self.status.show_waiting(view.pending, view.rejected, view.resending)
        news = what_is_new(previous, view) if previous is not None else ""
        if news:
            self.show_notice(news)
        if self.page == Screen.WELCOME:
            self._land(view.overview)
        self.refreshed.emit()

    def _land(self, overview: Overview) -> None:
        """At start, open the next meeting, or else the first ballot awaiting a reply."""
        if overview.upcoming:
            self.show_page(Screen.MEETING, overview.upcoming[0].id)
        elif any(b.awaiting_reply for b in overview.ballots):
            first = next(b for b in overview.ballots if b.awaiting_reply)
            self.show_page(Screen.BALLOT, first.ballot.id)

    def show_notice(self, text: str) -> None:
        self.banner.show_notice(text)
        self.notice_shown.emit(text)

    def _after_act(self) -> None:
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
        self.sync.cancel()
        self.live.stop()
        super().closeEvent(event)
