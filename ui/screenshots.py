"""``--screenshots DIR``: walk through every screen after the first sync and save each as PNG.

For the member's guide and for checking a build by looking: the pictures come from the real
window on real (demo) data, never from mock-ups. ``screen_walk`` lists every screen the
window offers its user (the role's own screens included, the settings and sign-in dialogs
too); the tour takes it at each size of ``SIZES`` (file names carry the size), and the layout
test (tests/gui/test_every_screen_fits.py) walks the same list. GUI thread; each step waits on
the event loop, never sleeps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ecabinet.client.engine import SyncResult
from ecabinet.domain import Role
from ecabinet.wire.objects import AnnotationData, BallotData
from ui.main_window import MainWindow
from ui.office.issue_result import Decided, IssueResultDialog
from ui.reader.annotator import COLOURS
from ui.reader.notes_layer import NOTE_SIZE
from ui.reader.reader import DocumentReader
from ui.screens import Screen
from ui.settings.dialog import SettingsDialog
from ui.signin.dialog import SignInDialog

log = logging.getLogger(__name__)

SETTLE_MS = 1500  # long enough for a page's worker read and the reader's first render
# The screens every page must fit: a common laptop, a full-HD screen (and the hall's projector).
SIZES = (QSize(1366, 768), QSize(1920, 1080))
SEARCH_WORDS = "ngan sach"  # found in the demo's papers, typed without diacritics
NOTE_TEXT = "Đề nghị làm rõ nguồn kinh phí và tiến độ thực hiện."  # the tour's sticky note


@dataclass(frozen=True)
class Step:
    """One screen of the walk: ``show`` brings it up and returns the window to photograph
    when it is not the main window (a dialog, the hall display); the caller closes that."""

    name: str
    show: Callable[[], QWidget | None]


def screen_walk(window: MainWindow) -> list[Step]:
    """Every screen ``window`` can show its user, in the order of the guides."""
    view = window.last_view
    overview = view.overview if view else None
    roles = view.roles if view else frozenset()
    presiding = bool({Role.CHAIR, Role.SECRETARIAT} & roles)
    steps: list[Step] = []

    def screen(name: str, which: Screen, object_id: str = "") -> None:
        steps.append(Step(name, lambda: _show(window, which, object_id)))

    screen("home", Screen.HOME)  # "Hôm nay", where the window opens
    if overview and overview.upcoming:
        meeting_id = overview.upcoming[0].id
        screen("meeting", Screen.MEETING, meeting_id)
        steps.append(Step("reader-notes", lambda: _reader_with_notes(window)))
        if presiding:
            screen("board", Screen.BOARD, meeting_id)
            screen("console", Screen.CONSOLE, meeting_id)
            steps.append(Step("hall", lambda: _hall(window, meeting_id)))
    if overview and overview.ballots:
        waiting = [b for b in overview.ballots if b.awaiting_reply] or list(overview.ballots)
        screen("ballot", Screen.BALLOT, waiting[0].ballot.id)
    if Role.SECRETARIAT in roles:
        screen("office-meetings", Screen.OFFICE_MEETINGS)
        steps.append(Step("office-agenda", lambda: _agenda_builder(window)))
        screen("office-ballots", Screen.OFFICE_BALLOTS)
        closed = (
            [b.ballot for b in overview.ballots if b.ballot.status == "closed"] if overview else []
        )
        if closed:
            steps.append(Step("office-issue-result", lambda: _issue_dialog(window, closed[0])))
        screen("office-inbox", Screen.OFFICE_INBOX)
        screen("record", Screen.RECORD)
    screen("documents", Screen.DOCUMENTS)
    steps.append(Step("search", lambda: _search(window)))
    screen("travel", Screen.TRAVEL)
    steps.append(Step("settings", lambda: _dialog(SettingsDialog(window))))
    steps.append(Step("sign-in", lambda: _sign_in(window)))
    return steps


def _show(window: MainWindow, screen: Screen, object_id: str) -> None:
    window.show_page(screen, object_id)


def _reader_with_notes(window: MainWindow) -> None:
    """The meeting's last paper of the first item with one, its notes beside it: a highlight
    and a sticky note the member made, made here the first time (the demo has none)."""
    reader = window.reader
    reader.show_panel("notes")
    entry = window.last_view.meeting if window.last_view else None
    for item in entry.items if entry else ():
        if item.documents:
            document_id = item.documents[-1].document.id

            def first_notes(notes: list[AnnotationData], opened: str = document_id) -> None:
                reader.annotator.notes_changed.disconnect(first_notes)
                if reader.document_id == opened and not notes:
                    _make_notes(reader)

            reader.annotator.notes_changed.connect(first_notes)
            window.open_document(document_id)
            break


def _make_notes(reader: DocumentReader) -> None:
    """A highlight on the first line of running text of the first page (not the letterhead),
    and a sticky note in the margin beside it."""
    text = reader.document.getAllText(0).text()
    line = next((part for part in text.splitlines() if len(part.strip()) >= 70), "")
    if not line:
        return
    selection = reader.document.getSelectionAtIndex(0, text.index(line), len(line))
    rects = [p.boundingRect() for p in selection.bounds()]
    if not rects:
        return
    annotator, colour = reader.annotator, reader.annotator.colour
    boxes = [(r.left(), r.top(), r.right(), r.bottom()) for r in rects]
    annotator.add(0, "highlight", rects=boxes, quote=line.strip())
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x = max(left - NOTE_SIZE - 6, 2.0)
    annotator.colour = COLOURS[2]
    annotator.add(0, "note", rects=[(x, top, x + NOTE_SIZE, top + NOTE_SIZE)], text=NOTE_TEXT)
    annotator.colour = colour
    reader.view.selected_note = ""  # the picture shows the notes as they are read, not chosen


def _hall(window: MainWindow, meeting_id: str) -> QWidget:
    window.show_page(Screen.CONSOLE, meeting_id)
    hall = window.console.open_hall(None)
    hall.showNormal()  # the projector's size, whatever screen takes the picture
    hall.resize(window.size())
    return hall


def _agenda_builder(window: MainWindow) -> None:
    """The first meeting's agenda with its first item chosen, each once the page has read
    what it shows (within the settling time, as every step of the walk)."""
    window.show_page(Screen.OFFICE_MEETINGS, "")
    page = window.office_meetings
    page.tabs.setCurrentWidget(page.agenda)

    def first_meeting() -> None:
        if page.list.currentRow() < 0 and page.list.count():
            page.list.setCurrentRow(0)
        items = page.agenda.items
        # With the list as the timer's context: a walk ended meanwhile (a test's window
        # closed) cancels it instead of touching a deleted list.
        QTimer.singleShot(SETTLE_MS // 3, items, lambda: items.setCurrentRow(0))

    QTimer.singleShot(SETTLE_MS // 3, page, first_meeting)


def _issue_dialog(window: MainWindow, ballot: BallotData) -> QWidget:
    """ "Gửi kết quả qua trục liên thông" for a closed ballot."""
    decided = [Decided(ballot.id, ballot.title)]
    body = window.office_ballots.body.documents  # a Committee's Office: its own notation
    dialog = IssueResultDialog(window.account, window.tasks, decided, parent=window, body=body)
    return _dialog(dialog)


def _search(window: MainWindow) -> None:
    window.show_page(Screen.SEARCH, "")
    window.search_page.query.setText(SEARCH_WORDS)
    window.search_page.run_search()


def _sign_in(window: MainWindow) -> QWidget:
    """The sign-in dialog as a member meets it again when the session ends: the server's
    address filled in, the server's bodies listed in "Cơ quan"."""
    dialog = SignInDialog(window.account, window.tasks, "", window)
    dialog.server.setText(window.account.store.server_url())
    dialog.server.editingFinished.emit()  # as when the member leaves the address field
    return _dialog(dialog)


def _dialog(dialog: QWidget) -> QWidget:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per size, none kept
    dialog.show()  # not exec(): the walk goes on while it is open
    return dialog


class ScreenshotTour(QObject):
    finished = Signal(int)  # 0 when every screen was saved, else 1

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.steps: list[tuple[str, Callable[[], QWidget | None]]] = []
        self.saved: list[Path] = []
        self._pending_name = ""
        self._target: QWidget | None = None  # what the pending step shows, if not the window
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
        walk = screen_walk(self.window)
        for size in SIZES:
            for step in walk:
                name = f"{step.name}-{size.width()}x{size.height()}"
                self.steps.append((name, self._at(size, step.show)))
        self._next()

    def _at(self, size: QSize, show: Callable[[], QWidget | None]) -> Callable[[], QWidget | None]:
        def sized() -> QWidget | None:
            self.window.resize(size)
            return show()

        return sized

    def _next(self) -> None:
        if self._pending_name:
            path = self.folder / f"{self._pending_name}.png"
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
        self._target = step()
        QTimer.singleShot(SETTLE_MS, self._next)
