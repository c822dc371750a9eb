"""The main window: the sidebar, the page it chose, the status bar, and sync in the background.

Pages: a meeting (agenda, documents, the member's decision panel), a written ballot, every
document, search, "ready to travel", the reader, and for the chair and the secretariat the
position board and the vote console. Every read of the store runs on a worker (read_view) and
comes back as one View; every act goes through the client core on the local lane. Tasks
capture ``account.member`` (the signed-in member, one immutable object), never the account's
store, which a sign-in on another thread may replace. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.client import acts, lock
from ecabinet.client.account import Account
from ecabinet.client.engine import SyncResult
from ecabinet.client.library import DocumentEntry, Library, Overview
from ecabinet.client.notes import CarryReport
from ecabinet.client.vault import DamagedFile
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
from ui.search.page import SearchPage
from ui.settings.dialog import SettingsDialog
from ui.sidebar import (
    BALLOT,
    DOCUMENTS,
    MEETING,
    OFFICE_BALLOTS,
    OFFICE_MEETINGS,
    RECORD,
    SEARCH,
    TRAVEL,
    Sidebar,
)
from ui.status_area import StatusArea
from ui.sync_controller import SyncController
from ui.tasks import TaskManager
from ui.travel.page import TravelPage
from ui.view import View, read_view
from ui.widgets.actions import Shortcut, make_action

READER, BOARD, CONSOLE, WELCOME = "reader", "board", "console", "welcome"
REFRESH_WHILE_DOWNLOADING_S = 1.0


# Pages the sidebar lists: showing one selects its entry.
SIDEBAR_PAGES = (
    MEETING,
    BALLOT,
    DOCUMENTS,
    SEARCH,
    TRAVEL,
    RECORD,
    OFFICE_BALLOTS,
    OFFICE_MEETINGS,
)


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
        self.page, self.object_id = WELCOME, ""
        self.history: list[tuple[str, str]] = []
        self.last_view: View | None = None
        self._last_progress_refresh = 0.0
        self.setWindowTitle("e-Cabinet")
        self.resize(1200, 780)
        self.sync = SyncController(account, tasks, self)
        self._build_pages()
        self._build_actions()
        self._connect_sync()
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
        self.pages = QStackedWidget()
        self._page_widgets: dict[str, QWidget] = {
            WELCOME: self.welcome,
            MEETING: self.meeting_page,
            BALLOT: self.ballot_page,
            DOCUMENTS: self.documents_page,
            SEARCH: self.search_page,
            TRAVEL: self.travel_page,
            READER: self.reader,
            BOARD: self.board,
            CONSOLE: self.console,
            RECORD: self.record_page,
            OFFICE_BALLOTS: self.office_ballots,
            OFFICE_MEETINGS: self.office_meetings,
        }
        for widget in self._page_widgets.values():
            self.pages.addWidget(widget)
        self._connect_pages()
        self._build_banner()
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
        self.guard = WindowGuard(self, account, tasks, splitter)  # the central widget
        self.guard.locked.connect(self._locked)
        self.guard.unlocked.connect(self._unlocked)
        self.guard.sign_in_needed.connect(self.session_expired)
        self._reopen: tuple[str, int] | None = None
        self.status = StatusArea()
        self.status.cancel_requested.connect(self.sync.cancel)
        self.statusBar().addWidget(self.status, 1)

    def _connect_pages(self) -> None:
        """What each page asks of the window."""
        self.meeting_page.item_selected.connect(self.item_panel.show_item)
        self.meeting_page.open_document.connect(self.open_document)
        self.meeting_page.board_requested.connect(lambda mid: self.show_page(BOARD, mid))
        self.meeting_page.console_requested.connect(lambda mid: self.show_page(CONSOLE, mid))
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

    def _build_banner(self) -> None:
        """A quiet line above the page that says what has just arrived."""
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice_close = QToolButton()
        self.notice_close.setText("✕")
        self.notice_close.setToolTip(self.tr("Ẩn thông báo"))
        self.notice_close.clicked.connect(self._hide_notice)
        banner = QWidget()
        banner.setObjectName("notice-banner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        banner_layout = QHBoxLayout(banner)
        banner_layout.setContentsMargins(8, 4, 8, 4)
        banner_layout.addWidget(self.notice, 1)
        banner_layout.addWidget(self.notice_close)
        self.banner = banner
        banner.hide()

    def _action(
        self, text: str, shortcuts: list[Shortcut], slot: Callable[..., Any], icon_name: str = ""
    ) -> QAction:
        action = make_action(self, text, shortcuts, slot, icon_name)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.sync_action = self._action(self.tr("Đồng bộ"), [keys.Refresh], self.sync.start, "sync")
        self.search_action = self._action(
            self.tr("Tìm trong mọi tài liệu"), ["Ctrl+Shift+F"], self.show_search, "search"
        )
        self.documents_action = self._action(
            self.tr("Tài liệu"),
            ["Ctrl+Shift+D"],
            lambda: self.show_page(DOCUMENTS, ""),
            "documents",
        )
        self.travel_action = self._action(
            self.tr("Sẵn sàng đi công tác"),
            ["Ctrl+Shift+T"],
            lambda: self.show_page(TRAVEL, ""),
            "travel",
        )
        self.back_action = self._action(self.tr("Quay lại"), [keys.Back], self.go_back, "back")
        self.quit_action = self._action(self.tr("Thoát"), [keys.Quit, "Ctrl+Q"], self.close)
        self.settings_action = self._action(
            self.tr("Cài đặt…"), [keys.Preferences, "Ctrl+,"], self._settings, "settings"
        )
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Tệp"))
        file_menu.addActions([self.sync_action, self.travel_action])
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.quit_action)
        view_menu = menu.addMenu(self.tr("&Xem"))
        view_menu.addActions([self.documents_action, self.search_action, self.back_action])
        toolbar = self.addToolBar(self.tr("Công cụ"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addActions(
            [self.back_action, self.sync_action, self.search_action, self.travel_action]
        )

    def _connect_sync(self) -> None:
        sync = self.sync
        sync.started.connect(lambda: self.status.show_message(self.tr("Đang đồng bộ…")))
        sync.progressed.connect(self._progressed)
        sync.finished.connect(self._synced)
        sync.failed.connect(
            lambda text: self.status.show_message(
                self.tr("Không đồng bộ được: {error}").format(error=text)
            )
        )
        sync.session_expired.connect(self._expired)
        sync.wiped.connect(
            lambda: self.show_notice(
                self.tr("Thiết bị này đã bị thu hồi: tài liệu trên máy đã được xoá.")
            )
        )
        sync.indexed.connect(self._indexed)
        sync.notes_carried.connect(self._notes_carried)

    # --- navigation --------------------------------------------------------------------

    def show_page(self, page: str, object_id: str = "") -> None:
        if (page, object_id) != (self.page, self.object_id):
            self.history.append((self.page, self.object_id))
            del self.history[:-50]
        if self.page == READER and page != READER:
            self.reader.close_document()
        self.page, self.object_id = page, object_id
        self.pages.setCurrentWidget(self._page_widgets[page])
        if page in SIDEBAR_PAGES:
            self.sidebar.choose(page, object_id)
        if page == BALLOT:
            self.ballot_page.show_ballot(object_id)
        elif page == BOARD:
            self.board.show_meeting(object_id)
        elif page == CONSOLE:
            self.console.show_meeting(object_id)
        elif page == SEARCH:
            self.search_page.focus_query()
        elif page == RECORD:
            self.record_page.reload()
        elif page == OFFICE_BALLOTS:
            self.office_ballots.reload()
        elif page == OFFICE_MEETINGS:
            self.office_meetings.reload()
        if page in (MEETING, DOCUMENTS, TRAVEL):
            self.refresh()

    def _settings(self) -> None:
        dialog = SettingsDialog(self)
        store = self.account.member.store

        def pin_chosen(pin: str) -> None:
            self.tasks.run_local(
                lambda: lock.set_pin(store, pin),
                lambda _none: dialog.note.setText(self.tr("Đã đặt mã PIN mở khoá màn hình.")),
            )

        dialog.pin_chosen.connect(pin_chosen)
        dialog.open()

    def go_back(self) -> None:
        if self.history:
            page, object_id = self.history.pop()
            self.show_page(page, object_id)
            self.history.pop()  # show_page pushed where we came from; going back drops it

    def show_search(self) -> None:
        self.show_page(SEARCH, "")

    # --- reading -----------------------------------------------------------------------

    def open_document(self, document_id: str) -> None:
        self.open_document_at(document_id, -1, "")

    def open_document_at(self, document_id: str, page: int, words: str) -> None:
        """Open in the reader; ``page`` -1 means where the member last stopped. The file is
        unsealed on a worker: a large draft never holds up the window."""
        account = self.account.member

        def entry_and_bytes() -> tuple[DocumentEntry | None, bytes | None]:
            entry = Library(account).document(document_id)
            if entry is None or entry.version is None or not entry.present:
                return entry, None
            try:
                return entry, account.store.vault.read(entry.version.sha256)
            except DamagedFile:
                return entry, None  # removed: the next sync fetches it again

        self.tasks.run_local(
            entry_and_bytes, lambda found: self._open_entry(*found, page=page, words=words)
        )

    def _open_entry(
        self, entry: DocumentEntry | None, data: bytes | None, *, page: int, words: str
    ) -> None:
        if entry is None or entry.version is None:
            self.status.show_message(self.tr("Tài liệu này không còn trên máy."))
            return
        if data is None:
            self.status.show_message(
                self.tr("“{title}” chưa có trên máy; đang tải về.").format(
                    title=entry.document.title
                )
            )
            self.sync.start()
            return
        version = entry.version
        self.reader.open_document(
            document_id=entry.document.id,
            version_id=version.id,
            title=entry.document.title,
            data=data,
            allow_copy=entry.document.allow_copy,
            page=None if page < 0 else page,
            search=words,
        )
        self.show_page(READER, entry.document.id)
        if entry.unread:
            account, document_id = self.account.member, entry.document.id
            self.tasks.run_local(
                lambda: acts.mark_read(account, document_id), lambda _: self.refresh()
            )
        self.document_opened.emit(entry.document.id)

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
            if view.page == DOCUMENTS:
                self.documents_page.show_documents(view.catalogue)
            if view.readiness is not None:
                self.travel_page.show_readiness(view.readiness, self.sync.running)
        self.status.show_connection(view.online, view.last_sync)
        self.status.show_waiting(view.pending, view.rejected, view.resending)
        if previous is not None:
            self._tell_what_is_new(previous, view)
        if self.page == WELCOME:
            self._land(view.overview)
        self.refreshed.emit()

    def _land(self, overview: Overview) -> None:
        """At start, open the next meeting, or else the first ballot awaiting a reply."""
        if overview.upcoming:
            self.show_page(MEETING, overview.upcoming[0].id)
        elif any(b.awaiting_reply for b in overview.ballots):
            first = next(b for b in overview.ballots if b.awaiting_reply)
            self.show_page(BALLOT, first.ballot.id)

    def _tell_what_is_new(self, before: View, after: View) -> None:
        documents = len(after.unread_versions - before.unread_versions)
        ballots = len(after.awaiting_ids - before.awaiting_ids)
        parts = []
        if documents:
            parts.append(self.tr("{count} tài liệu mới hoặc được thay thế").format(count=documents))
        if ballots:
            parts.append(self.tr("{count} phiếu lấy ý kiến chờ trả lời").format(count=ballots))
        if parts:
            self.show_notice(self.tr("Có nội dung mới: {what}.").format(what=", ".join(parts)))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.banner.show()
        self.notice_shown.emit(text)

    def _hide_notice(self) -> None:
        self.banner.hide()

    # --- sync --------------------------------------------------------------------------

    def _progressed(self, done: int, total: int) -> None:
        self.status.show_downloads((done, total))
        now = datetime.now(UTC).timestamp()
        if now - self._last_progress_refresh >= REFRESH_WHILE_DOWNLOADING_S:
            self._last_progress_refresh = now
            self.refresh()

    def _synced(self, result: SyncResult) -> None:
        self.status.show_downloads(None)
        if not result.online:
            self.status.show_message(
                self.tr("Không có kết nối; đang làm việc với dữ liệu trên máy.")
            )
        elif result.failed_downloads:
            self.status.show_message(
                self.tr("{count} tài liệu chưa tải được; sẽ thử lại.").format(
                    count=result.failed_downloads
                )
            )
        else:
            self.status.show_message("")
        self.refresh()
        if self.page == BALLOT:
            self.ballot_page.show_ballot(self.object_id)
        elif self.page == CONSOLE:
            self.console.refresh()

    def _indexed(self, count: int) -> None:
        if count and self.page == SEARCH:
            self.search_page.run_search()  # new papers may hold what the member looks for

    def _notes_carried(self, report: CarryReport) -> None:
        text = self.tr("Ghi chú đã chuyển sang bản mới: {placed}.").format(
            placed=len(report.placed)
        )
        if report.unplaced:
            text += " " + self.tr(
                "{count} ghi chú không tìm thấy chỗ trong bản mới; vẫn giữ ở bản cũ."
            ).format(count=len(report.unplaced))
        self.show_notice(text)

    def _after_act(self) -> None:
        self.refresh()
        self.sync.start()

    def _locked(self) -> None:
        """Nothing readable stays open behind the lock: the document leaves memory."""
        if self.page == READER and self.reader.document_id:
            self._reopen = (self.reader.document_id, self.reader.current_page)
        self.reader.close_document()

    def _unlocked(self) -> None:
        if self._reopen is not None:
            document_id, page = self._reopen
            self._reopen = None
            self.open_document_at(document_id, page, "")

    def _expired(self) -> None:
        self.status.show_message(self.tr("Phiên đăng nhập đã hết hạn."))
        self.session_expired.emit()

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
