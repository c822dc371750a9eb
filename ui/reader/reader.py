"""The document reader: continuous pages, zoom, thumbnails, outline, go to page, search with
every hit highlighted, selection and copy (unless the secretariat forbids it), and the last
page read remembered per document.

The reader builds its parts and wires them: opening a document and what workers read for it
(loading.py), moving about its pages (paging.py), the toolbar (toolbar.py), the side panels
(side_panels.py), the page view (page_view.py) with its notes (annotator.py, notes_layer.py,
notes_tools.py), the search (search.py) and the comparison with the previous version
(compare_view.py). QPdfView renders pages on its own threads. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QSettings, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent, QImage, QPalette, QShowEvent
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QFrame, QLabel, QSplitter, QVBoxLayout, QWidget

from ecabinet.client.account import Account
from ui.body_words import BodyWords, body_words
from ui.reader.annotator import Annotator
from ui.reader.compare_view import CompareDialog, compare_with_previous
from ui.reader.header import ReaderHeader
from ui.reader.loading import DocumentLoading
from ui.reader.notes_panel import NotesPanel
from ui.reader.notes_tools import NotesTools
from ui.reader.page_view import PageView
from ui.reader.paging import Paging
from ui.reader.search import DocumentSearch
from ui.reader.side_panels import PANELS, SidePanels
from ui.reader.toolbar import ReaderToolbar
from ui.tasks import TaskManager

APP_NAME = "e-Cabinet"
PANEL_KEY, WIDTH_KEY = "reader/panel", "reader/panel-width"
SIDE_WIDTH = (220, 260, 420)  # a side panel's narrowest, first and widest width, in pixels


class DocumentReader(QWidget):
    last_page_changed = Signal(str, int)  # document id, 0-based page
    loaded = Signal(int)  # page count, once a document is open
    thumbnail_ready = Signal(int, QImage)  # a worker's page, handed to the GUI thread
    message_shown = Signal(str)
    compared = Signal(object)  # the Comparison shown
    open_elsewhere = Signal(str, int)  # another document of the meeting, at a page

    def __init__(self, account: Account, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self.document_id = ""
        self.version_id = ""  # which version is shown (notes are kept per version)
        self.allow_copy = True
        self.body = body_words("", "")  # whose office forbids copying (show_body)
        self.plain_title = ""  # the header shows it in bold, its meeting, item and origin under it
        self.comparison_dialog: CompareDialog | None = None
        self.document = QPdfDocument(self)
        self.view = PageView()
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)  # a draft is read across its width
        self.navigator = self.view.pageNavigator()
        self.bookmarks = QPdfBookmarkModel(self)
        self.bookmarks.setDocument(self.document)
        # First: the view's resizes go to paging, which asks loading which document is open.
        self.loading = DocumentLoading(self)
        self.paging = Paging(self)
        self.annotator = Annotator(account, tasks, self.view, self)
        self.notes_panel = NotesPanel()
        self.notes_tools = NotesTools(
            account, tasks, self.annotator, self.notes_panel, self, lambda: self.document_id
        )
        self.notes_tools.message_shown.connect(self.show_message)
        self.notes_panel.chosen_elsewhere.connect(self.paging.go_to_document_page)
        self.finder = DocumentSearch(self.document, self.view, self.paging.show_page_number)
        self.side = SidePanels(self.bookmarks, self.notes_panel)
        self.side.page_chosen.connect(self.go_to_page)
        self.side.place_chosen.connect(self.paging.go_to_place)
        self.toolbar = ReaderToolbar(self, account, tasks)
        bar = self.toolbar
        self.header = ReaderHeader([bar.follow_action, bar.compare_action], bar.speak)
        self.title = self.header.title
        self._lay_out()
        # The panel the member left open (none at first: the pages take the whole width).
        saved = QSettings().value(PANEL_KEY, "")
        self.show_panel(str(saved) if saved in PANELS else "")

    def _lay_out(self) -> None:
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setContentsMargins(8, 2, 8, 2)
        self.message.hide()
        # The pages to the window's edges: no frame, narrow margins, and around them the
        # window's own colour (_match_page_background).
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setDocumentMargins(QMargins(8, 8, 8, 8))
        self._match_page_background()
        self.splitter = splitter = QSplitter()
        splitter.setObjectName("reader-splitter")  # remembered (ui/window/state.py)
        splitter.setChildrenCollapsible(False)  # closed by its toggle, never dragged shut
        splitter.addWidget(self.side)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self._side_width(SIDE_WIDTH[1]), 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def show_panel(self, name: str) -> None:
        """Open the side panel ``name`` (one of PANELS) beside the pages, or none with ""."""
        panel, settings = self.side.panels.get(name), QSettings()
        if panel is None and self.side.isVisible():  # closing: its width is kept for next time
            settings.setValue(WIDTH_KEY, self.side.width())
        if panel is not None:
            self.side.setCurrentWidget(panel)
        if panel is not None and self.side.isHidden():
            self.side.show()
            kept = settings.value(WIDTH_KEY, SIDE_WIDTH[1])
            width = self._side_width(int(str(kept)) if str(kept).isdigit() else SIDE_WIDTH[1])
            total = sum(self.splitter.sizes()) or self.width()
            self.splitter.setSizes([width, max(total - width, 1)])
        elif panel is None:
            self.side.hide()
        action = self.toolbar.panel_actions.get(name)
        if action is not None and not action.isChecked():
            action.setChecked(True)
        elif panel is None:
            for each in self.toolbar.panel_actions.values():
                each.setChecked(False)
        settings.setValue(PANEL_KEY, name if panel is not None else "")

    def _side_width(self, wanted: int) -> int:
        """``wanted`` within the sensible widths, and never narrower than the panels' buttons
        need (larger text makes them wider)."""
        narrowest = max(SIDE_WIDTH[0], self.side.minimumSizeHint().width())
        return max(min(wanted, SIDE_WIDTH[2]), narrowest)

    @property
    def open_panel(self) -> str:
        if self.side.isHidden():
            return ""
        return next((n for n, w in self.side.panels.items() if w is self.side.currentWidget()), "")

    def _match_page_background(self) -> None:
        """QPdfView paints around the pages with the Dark role, a heavy grey: the window's
        colour instead, in either theme."""
        palette = self.view.palette()
        palette.setBrush(QPalette.ColorRole.Dark, self.palette().brush(QPalette.ColorRole.Window))
        self.view.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed
            self._match_page_background()

    # --- the window's title follows the open document --------------------------------------

    def show_title(self, title: str, place: str, origin: str) -> None:
        self.header.title.show_title(title, place, origin)
        if self.isVisible():
            self._title_window()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._title_window()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        if self.window() is not self:
            self.window().setWindowTitle(APP_NAME)

    def _title_window(self) -> None:
        if self.window() is not self and self.header.title.title:
            self.window().setWindowTitle(f"{self.header.title.whole()} — {APP_NAME}")

    def open_document(
        self,
        *,
        document_id: str,
        version_id: str,
        title: str,
        data: bytes,
        allow_copy: bool,
        page: int | None = None,
        search: str = "",
        origin: str = "",
    ) -> None:
        self.loading.open(
            document_id=document_id,
            version_id=version_id,
            title=title,
            origin=origin,
            data=data,
            allow_copy=allow_copy,
            page=page,
            search=search,
        )

    def close_document(self) -> None:
        self.loading.close()

    # --- moving about (paging.py) ------------------------------------------------------

    @property
    def current_page(self) -> int:
        return self.paging.current_page

    def go_to_page(self, page: int) -> None:
        self.paging.go_to_page(page)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    # --- copy, compare, messages -------------------------------------------------------

    def copy(self) -> bool:
        text = self.view.selected_text
        if not text:
            return False
        if not self.allow_copy:
            self.show_message(
                self.tr("{office} không cho phép sao chép tài liệu này.").format(
                    office=self.body.office
                )
            )
            return False
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        return True

    def compare(self) -> None:
        """Open the comparison with the previous version (computed on a worker)."""
        compare_with_previous(self)

    def show_body(self, words: BodyWords) -> None:
        self.body = words
        self.notes_panel.show_body(words)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.message_shown.emit(text)
