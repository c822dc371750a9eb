"""What the member's window does with the session's live facts, as they happen.

A vote opened: the window says so at once (its notice, the system tray's message, a short
sound the member can turn off), goes to the meeting and selects the item, so the vote buttons
are in front; the pull that the stream asks for brings the open vote, and the item's panel is
shown again after it. The chair moving to the next item: the meeting view follows, and the
reader too ("Theo dõi chủ trì", a toggle in the reader's toolbar, on by default), opening the
item's first document. Every fact arrives through the one bridge (ui/live/bridge.py); each
``changed`` asks the sync controller for a pull, coalesced. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ecabinet.client.engine import SyncResult
from ecabinet.domain import Role
from ecabinet.wire.live import SessionItem, VoteOpened
from ui.live.alerts import VoteAlert
from ui.live.bridge import LiveBridge
from ui.live.connection import LiveConnection
from ui.screens import Screen

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# The roles that vote in session.
VOTERS = frozenset({Role.MEMBER, Role.CHAIR})


class LiveSession(QObject):
    vote_alerted = Signal(str)  # agenda item id: the member has been told, the meeting is shown
    followed = Signal(str)  # agenda item id: the meeting view (or the reader) followed the chair

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = LiveBridge(self)
        self.connection = LiveConnection(self.bridge, self)
        self.alert = VoteAlert(self)
        self._wanted: tuple[str, str] | None = None  # (meeting, item) to select once shown
        self._vote_item = ""
        sync = window.sync
        self.bridge.changed.connect(lambda _event: sync.request())
        self.bridge.vote_opened.connect(self._vote_opened)
        self.bridge.session_item.connect(self._session_item)
        sync.finished.connect(self._synced)
        sync.session_expired.connect(self.connection.release)
        sync.wiped.connect(self.connection.release)
        window.refreshed.connect(self._refreshed)

    def stop(self) -> None:
        self.connection.release()

    # --- the stream is held while signed in and online ---------------------------------

    def _synced(self, result: SyncResult) -> None:
        member = self.window.account.member
        if result.online and not result.wiped and member.signed_in:
            store = member.store
            self.window.tasks.run_local(
                store.cursor,
                lambda cursor: self.connection.hold(member, cursor),
            )
        # The panel is asked for only with a vote open: asking makes the meeting's page.
        if self._vote_item and self.window.item_panel.item_id == self._vote_item:
            self.window.item_panel.show_item(
                self._vote_item
            )  # the pull brought the open vote: its buttons

    # --- a vote opened ------------------------------------------------------------------

    def _vote_opened(self, event: VoteOpened) -> None:
        store = self.window.account.member.store
        item_id = event.agenda_item_id

        def title() -> tuple[str, bool]:
            item = store.agenda_item(item_id)
            named = f"{item.position}. {item.title}" if item is not None else ""
            return named, bool(store.roles() & VOTERS)

        self.window.tasks.run_local(title, lambda found: self._tell_vote(event, *found))

    def _tell_vote(self, event: VoteOpened, title: str, votes: bool) -> None:
        if not votes:
            return  # the Government Office and guests record and watch; they never vote
        named = self.tr("Chủ trì đã mở biểu quyết: {item}. Mời đồng chí biểu quyết.")
        generic = self.tr("Chủ trì đã mở biểu quyết. Mời đồng chí biểu quyết.")
        text = named.format(item=title) if title else generic
        self.window.show_notice(text)
        # Behind the lock the tray names no item: the papers are out of sight, so is their title.
        self.alert.alert(
            self.tr("Biểu quyết đang mở"), generic if self.window.guard.is_locked else text
        )
        self._vote_item = event.agenda_item_id
        if self.window.page not in (Screen.CONSOLE, Screen.BOARD):
            # The chair running the session from the console stays there: the vote he has
            # just opened is in front of him already.
            self._go_to(event.meeting_id, event.agenda_item_id)
        self.window.sync.request()
        self.vote_alerted.emit(event.agenda_item_id)

    # --- the chair's next item ------------------------------------------------------------

    def _session_item(self, event: SessionItem) -> None:
        if not self.window.reader_slot.following():
            return
        page = self.window.page
        if page == Screen.READER:
            self._open_first_document(event.agenda_item_id)
        elif page in (Screen.MEETING, Screen.HOME):
            self._go_to(event.meeting_id, event.agenda_item_id)
        # Elsewhere (a ballot, a search) the member is busy with something else: left alone.

    def _open_first_document(self, item_id: str) -> None:
        store = self.window.account.member.store

        def first() -> str:
            documents = store.documents(item_id)  # in the agenda's order
            return documents[0].id if documents else ""

        def open_it(document_id: str) -> None:
            if not document_id or not self.window.reader_slot.following():
                return
            if document_id != self.window.reader.document_id:
                self.window.open_document(document_id)
            self.followed.emit(item_id)

        self.window.tasks.run_local(first, open_it)

    # --- showing an item of a meeting ---------------------------------------------------

    def _go_to(self, meeting_id: str, item_id: str) -> None:
        self._wanted = (meeting_id, item_id)
        window = self.window
        if window.page == Screen.MEETING and window.object_id == meeting_id:
            self._refreshed()
        else:
            window.show_page(
                Screen.MEETING, meeting_id
            )  # its refresh shows the agenda, then select

    def _refreshed(self) -> None:
        if self._wanted is None:
            return
        meeting_id, item_id = self._wanted
        window = self.window
        if window.page != Screen.MEETING or window.object_id != meeting_id:
            return
        from ui.meeting.page import ITEM  # the meeting's page is in front: loaded

        if not window.meeting_page.select(ITEM, item_id):
            return  # not on the laptop yet: the pull that follows brings it
        self._wanted = None
        window.item_panel.show_item(item_id)
        self.followed.emit(item_id)
