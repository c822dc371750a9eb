"""When to sync, and telling the window how it went.

Sync runs at start, at once when the live stream says something changed (``request``, which
is coalesced: a sync running means one more after it, not one per event), every few minutes,
when the network comes back (Qt's network information, where the system offers it) and, while
the server cannot be reached, on a shorter retry timer so a member coming off a plane is
caught up within a minute even without that signal. One sync at a time, on the network lane;
a cancel stops downloads between chunks. After each sync new files are indexed for search and
the member's notes are carried to replaced drafts, also off the GUI thread. The sync itself
only fetches on the network lane; what it writes goes to the local lane through the member's
writer (ui/tasks.py ``write``).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem
from ecabinet.client.engine import SyncResult
from ui.tasks import TaskManager

if TYPE_CHECKING:
    from ecabinet.client.notes import CarryReport

log = logging.getLogger(__name__)

SYNC_EVERY_MS = 5 * 60 * 1000
RETRY_OFFLINE_MS = 30 * 1000


class SyncController(QObject):
    started = Signal()
    progressed = Signal(int, int)  # bytes done, bytes in all (handed over from the worker)
    finished = Signal(object)  # SyncResult
    failed = Signal(str)  # a sentence for the status bar
    session_expired = Signal()
    wiped = Signal()  # the device was revoked: its papers are gone
    indexed = Signal(int)  # documents newly indexed for search
    notes_carried = Signal(object)  # CarryReport: notes moved to new versions, or not placed

    def __init__(self, account: Account, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.running = False
        self._again = False  # asked for while one ran: one more when it ends
        self._cancel = threading.Event()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.start)
        self.timer.start(SYNC_EVERY_MS)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(self.start)
        self._watch_network()

    def _watch_network(self) -> None:
        if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
            return  # no system backend: the retry timer alone notices the network coming back
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            self.start()

    def start(self) -> None:
        member = self.account.member
        if self.running or not member.signed_in:
            return
        self.running = True
        self._cancel = threading.Event()
        self.retry.stop()
        self.started.emit()
        service = member.sync_service()
        cancel, progress = self._cancel, self.tasks.on_gui_thread(self.progressed.emit)
        self.tasks.run_network(
            lambda: service.sync(progress=progress, cancel=cancel),
            self._done,
            self._failed,
        )

    def request(self) -> None:
        """Sync now, or once more after the one running (however often this is called)."""
        if self.running:
            self._again = True
        else:
            self.start()

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self.start()

    def cancel(self) -> None:
        """Stop downloading; what is already whole on the laptop stays."""
        self._cancel.set()

    def _done(self, result: SyncResult) -> None:
        self.running = False
        if result.wiped:
            # The keyring and the key file are I/O: forgotten on the local lane.
            self.tasks.run_local(self.account.forget_device, lambda _none: self.wiped.emit())
        elif not result.online:
            self.retry.start(RETRY_OFFLINE_MS)
        self.finished.emit(result)
        if result.online and not result.wiped:
            self._index()
            self._follow_up()
        else:
            self._again = False

    def _failed(self, error: BaseException) -> None:
        self.running = False
        if isinstance(error, ApiProblem) and error.status == 401:
            self.tasks.run_local(self.account.sign_out, lambda _none: self.session_expired.emit())
            return
        self._again = False  # the retry timer takes it from here
        log.warning("sync failed", exc_info=error)
        self.retry.start(RETRY_OFFLINE_MS)
        self.failed.emit(str(error))

    def _index(self) -> None:
        account = self.account.member

        # The search index and the notes' text layout (pypdfium2) are imported on the lanes
        # that use them, after the first sync: they are no part of the start.
        def index() -> int:
            from ecabinet.client.search import SearchIndex

            return SearchIndex(account.store, account.write).index_new_documents()

        def carry() -> CarryReport:
            from ecabinet.client.notes import carry_all

            return carry_all(account)

        self.tasks.run_network(index, self.indexed.emit)
        # Notes follow a replaced draft; written on the local lane with the other acts.
        self.tasks.run_local(carry, self._carried)

    def _carried(self, report: CarryReport) -> None:
        if report.placed or report.unplaced:
            self.notes_carried.emit(report)
