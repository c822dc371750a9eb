"""``--screenshots DIR``: walk through every screen after the first sync and save each as PNG.

For the member's guide and for checking a build by looking: the pictures come from the real
window on real (demo) data, never from mock-ups. GUI thread; each step waits on the event
loop, never sleeps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ecabinet.client.engine import SyncResult
from ecabinet.domain import Role
from ui.main_window import MainWindow
from ui.screens import Screen

log = logging.getLogger(__name__)

SETTLE_MS = 1500  # long enough for a page's worker read and the reader's first render
# The screens the console must fit: a common laptop, a full-HD screen; the hall's projector.
CONSOLE_SIZES = (QSize(1366, 768), QSize(1920, 1080))
HALL_SIZE = QSize(1920, 1080)


class ScreenshotTour(QObject):
    finished = Signal(int)  # 0 when every screen was saved, else 1

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.steps: list[tuple[str, Callable[[], None]]] = []
        self.saved: list[Path] = []
        self._pending_name = ""
        self._target: QWidget | None = None  # what the pending step shows, if not the window
        self._document_id = ""  # the document the reader step opened
        window.sync.finished.connect(self._first_sync)

    def _first_sync(self, result: SyncResult) -> None:
        self.window.sync.finished.disconnect(self._first_sync)
        if not result.online:
            log.error("no screenshots: the server could not be reached")
            self.finished.emit(1)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        QTimer.singleShot(SETTLE_MS, self._start)  # the window first shows what arrived

    def _start(self) -> None:
        self.steps = self._plan()
        self._next()

    def _plan(self) -> list[tuple[str, Callable[[], None]]]:
        window = self.window
        view = window.last_view
        overview = view.overview if view else None
        steps: list[tuple[str, Callable[[], None]]] = [
            ("home", lambda: window.show_page(Screen.HOME, ""))
        ]
        if overview and overview.upcoming:
            meeting_id = overview.upcoming[0].id
            steps.append(("meeting", lambda: window.show_page(Screen.MEETING, meeting_id)))
            steps.append(("reader", self._open_first_document))
            if view and {Role.CHAIR, Role.SECRETARIAT} & view.roles:
                steps.append(("board", lambda: window.show_page(Screen.BOARD, meeting_id)))
                steps.append(("console", lambda: window.show_page(Screen.CONSOLE, meeting_id)))
        if overview and overview.ballots:
            waiting = [b for b in overview.ballots if b.awaiting_reply] or list(overview.ballots)
            ballot_id = waiting[0].ballot.id
            steps.append(("ballot", lambda: window.show_page(Screen.BALLOT, ballot_id)))
        if view and Role.SECRETARIAT in view.roles:
            steps.append(("office-meetings", lambda: window.show_page(Screen.OFFICE_MEETINGS, "")))
            steps.append(("office-ballots", lambda: window.show_page(Screen.OFFICE_BALLOTS, "")))
            steps.append(("record", lambda: window.show_page(Screen.RECORD, "")))
        steps.append(("documents", lambda: window.show_page(Screen.DOCUMENTS, "")))
        steps.append(("search", self._search))
        steps.append(("travel", lambda: window.show_page(Screen.TRAVEL, "")))
        if overview and overview.upcoming and view and {Role.CHAIR, Role.SECRETARIAT} & view.roles:
            meeting_id = overview.upcoming[0].id
            for size in CONSOLE_SIZES:
                name = f"console-{size.width()}x{size.height()}"
                steps.append((name, partial(self._console_at, meeting_id, size)))
            steps.append(("hall", self._hall))
        if overview and overview.upcoming:
            for size in CONSOLE_SIZES:  # the reader with its notes tools, on both screens
                name = f"reader-notes-{size.width()}x{size.height()}"
                steps.append((name, partial(self._notes_at, size)))
        if view and Role.SECRETARIAT in view.roles:  # the Office's lists beside their pages
            for screen, name in ((Screen.OFFICE_MEETINGS, "office-meetings"),
                                 (Screen.OFFICE_BALLOTS, "office-ballots")):  # fmt: skip
                for size in CONSOLE_SIZES:
                    sized = f"{name}-{size.width()}x{size.height()}"
                    steps.append((sized, partial(self._screen_at, screen, size)))
        return steps

    def _notes_at(self, size: QSize) -> None:
        self.window.resize(size)
        if self._document_id:  # the one the reader step opened
            self.window.open_document(self._document_id)
        side = self.window.reader.side
        side.setCurrentWidget(self.window.reader.notes_panel)

    def _console_at(self, meeting_id: str, size: QSize) -> None:
        self._screen_at(Screen.CONSOLE, size, meeting_id)

    def _screen_at(self, screen: Screen, size: QSize, object_id: str = "") -> None:
        self.window.resize(size)
        self.window.show_page(screen, object_id)

    def _hall(self) -> None:
        hall = self.window.console.open_hall(None)
        hall.showNormal()  # a fixed size: the picture is the same whatever screen made it
        hall.resize(HALL_SIZE)
        self._target = hall

    def _open_first_document(self) -> None:
        entry = self.window.last_view.meeting if self.window.last_view else None
        for item in entry.items if entry else ():
            if item.documents:
                self._document_id = item.documents[-1].document.id
                self.window.open_document(self._document_id)
                return

    def _search(self) -> None:
        self.window.show_page(Screen.SEARCH, "")
        self.window.search_page.query.setText("ngan sach")
        self.window.search_page.run_search()

    def _next(self) -> None:
        if self._pending_name:
            path = self.folder / f"{len(self.saved) + 1:02d}-{self._pending_name}.png"
            (self._target or self.window).grab().save(str(path))
            self.saved.append(path)
            if self._target is not None:
                self._target.close()
                self._target = None
        if not self.steps:
            log.info("screenshots written to %s", self.folder)
            self.finished.emit(0)
            return
        self._pending_name, step = self.steps.pop(0)
        step()
        QTimer.singleShot(SETTLE_MS, self._next)
