"""The document reader: continuous pages, zoom, thumbnails, outline, go to page, search with
every hit highlighted, selection and copy (unless the secretariat forbids it), and the last
page read remembered per document.

The reader opens and closes the document and keeps its parts in step: the toolbar
(toolbar.py), the side panels (side_panels.py), the page view (page_view.py) with its notes
(annotator.py, notes_layer.py) and the search (search.py). QPdfView renders pages on its own
threads; thumbnails and page texts are made on workers from their own copy of the file
(ui/reader/background.py); the last page is saved on the local lane. The GUI thread only loads
the file (pdfium reads pages lazily) and paints.
GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ecabinet.client.account import Account
from ecabinet.client.session_acts import item_of_document
from ecabinet.client.versions import Comparison, compare_with_previous
from ui.reader.annotator import Annotator
from ui.reader.background import buffer_of, page_texts, render_thumbnails
from ui.reader.compare_view import CompareDialog
from ui.reader.notes_panel import NotesPanel
from ui.reader.notes_tools import NotesTools
from ui.reader.page_view import PageView
from ui.reader.search import DocumentSearch
from ui.reader.side_panels import SidePanels
from ui.reader.toolbar import ReaderToolbar
from ui.tasks import TaskManager

SAVE_PAGE_AFTER_MS = 500


class DocumentReader(QWidget):
    last_page_changed = Signal(str, int)  # document id, 0-based page
    loaded = Signal(int)  # page count, once a document is open
    thumbnail_ready = Signal(int, QImage)  # emitted from a worker; queued to the GUI thread
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
        self._buffer = buffer_of(b"")
        self._generation = 0  # answers from workers about an older document are dropped
        self._thumbnail_generation = 0
        self._cancel = threading.Event()
        self.document = QPdfDocument(self)
        self.view = PageView()
        self.view.viewport().installEventFilter(self)  # its page kept through a resize
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)  # a draft is read across its width
        self.navigator = self.view.pageNavigator()
        self.bookmarks = QPdfBookmarkModel(self)
        self.bookmarks.setDocument(self.document)
        self.annotator = Annotator(account, tasks, self.view, self)
        self.notes_panel = NotesPanel()
        self.notes_tools = NotesTools(
            account, tasks, self.annotator, self.notes_panel, self, lambda: self.document_id
        )
        self.notes_tools.message_shown.connect(self.show_message)
        self.notes_panel.chosen_elsewhere.connect(self._open_elsewhere)
        self.finder = DocumentSearch(self.document, self.view, self._show_page_number)
        self.toolbar = ReaderToolbar(self, account, tasks)
        self.side = SidePanels(self.bookmarks, self.notes_panel)
        self.side.page_chosen.connect(self.go_to_page)
        self.side.place_chosen.connect(
            lambda page, at: self.navigator.jump(page, at, self.navigator.currentZoom())
        )
        self._lay_out()
        self.navigator.currentPageChanged.connect(self._page_changed)
        self.thumbnail_ready.connect(self._thumbnail)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_PAGE_AFTER_MS)
        self._save_timer.timeout.connect(self._save_page)

    def _lay_out(self) -> None:
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        splitter = QSplitter()
        splitter.addWidget(self.side)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notes_tools.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    # --- opening -----------------------------------------------------------------------

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
    ) -> None:
        self.close_document()
        self._generation += 1
        self.document_id, self.version_id = document_id, version_id
        self.allow_copy = allow_copy
        self._show_speak(document_id)
        self.title.setText(f"<b>{title}</b>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        # The file is opened from memory: on disk it is sealed, and stays so.
        self._buffer = buffer_of(data)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.show_message(self.tr("Không mở được tài liệu: tệp bị hỏng hoặc không phải PDF."))
            return
        self.view.reset_pages()
        self.annotator.texts = None
        self.annotator.load(version_id)
        count = self.document.pageCount()
        self.toolbar.page_count.setText(f"/ {count}")
        self.toolbar.page_field.setText("1")
        self.toolbar.copy_action.setEnabled(True)
        self.side.show_document(count)
        self._start_background(data)
        self.finder.reset(search)
        self.toolbar.search_field.setText(search)
        if page is None:
            self._restore_last_page()
        else:
            self.go_to_page(page)
        self.loaded.emit(count)

    def close_document(self) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_page()
        self._cancel.set()
        self._generation += 1
        self.view.reset_pages()
        self.document.close()
        self.side.thumbnails.clear()
        self.finder.reset(self.finder.pending)
        self.message.hide()
        self.document_id = ""
        self.toolbar.speak.show_item("")

    def _show_speak(self, document_id: str) -> None:
        generation, account = self._generation, self.account

        def show(item_id: str) -> None:
            if generation == self._generation:  # still the same document
                self.toolbar.speak.show_item(item_id)

        self.tasks.run_local(lambda: item_of_document(account, document_id), show)

    def _start_background(self, data: bytes) -> None:
        generation = self._generation
        self._cancel = cancel = threading.Event()

        def thumbnails() -> int:
            return render_thumbnails(data, self.thumbnail_ready.emit, cancel)

        self._thumbnail_generation = generation
        self.tasks.run_network(thumbnails, on_error=lambda _e: None)
        self.tasks.run_network(
            lambda: page_texts(data),
            lambda texts: self._texts_ready(generation, texts),
            lambda _error: self._texts_ready(generation, []),  # nothing to search in, said so
        )

    def _thumbnail(self, page: int, image: QImage) -> None:
        if self._thumbnail_generation == self._generation:
            self.side.show_thumbnail(page, image)

    def _texts_ready(self, generation: int, texts: list[str]) -> None:
        if generation != self._generation:
            return
        self.annotator.texts = texts  # notes on words keep their quote and its context
        self.finder.texts_ready(texts)

    def _restore_last_page(self) -> None:
        generation, store, document_id = (
            self._generation,
            self.account.member.store,
            self.document_id,
        )

        def restore(page: int | None) -> None:
            if generation == self._generation and page is not None:
                self.go_to_page(page)

        self.tasks.run_local(lambda: store.last_page(document_id), restore)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            # The view lays the pages out again for its new size and then names as current
            # the page its old scroll position now falls on: keep the page being read.
            page, generation = self.current_page, self._generation
            QTimer.singleShot(0, lambda: self._return_to(page, generation))
        return super().eventFilter(watched, event)

    def _return_to(self, page: int, generation: int) -> None:
        if generation == self._generation and self.current_page != page:
            self.go_to_page(page)

    # --- moving about ------------------------------------------------------------------

    @property
    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        count = self.document.pageCount()
        if count == 0:
            return
        page = max(0, min(count - 1, page))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._show_page_number(page)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def _page_changed(self, page: int) -> None:
        self._show_page_number(page)
        if self.document_id:
            self._save_timer.start()

    def _show_page_number(self, page: int) -> None:
        self.toolbar.show_page_number(page)
        self.side.select_page(page)

    def _save_page(self) -> None:
        document_id, page, store = self.document_id, self.current_page, self.account.member.store
        if not document_id:
            return
        self.tasks.run_local(lambda: store.keep_last_page(document_id, page))
        self.last_page_changed.emit(document_id, page)

    # --- copy, compare, elsewhere -------------------------------------------------------

    def copy(self) -> bool:
        text = self.view.selected_text
        if not text:
            return False
        if not self.allow_copy:
            self.show_message(self.tr("Văn phòng Chính phủ không cho phép sao chép tài liệu này."))
            return False
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        return True

    def _open_elsewhere(self, document_id: str, page: int) -> None:
        if document_id == self.document_id:
            self.go_to_page(page)
        else:
            self.open_elsewhere.emit(document_id, page)

    def compare(self) -> None:
        """Open the comparison with the previous version (computed on a worker)."""
        account, document_id, title = self.account.member, self.document_id, self.title.text()
        if not document_id:
            return

        def done(comparison: Comparison | None) -> None:
            if comparison is None:
                self.show_message(self.tr("Tài liệu này chưa có bản trước để so sánh."))
                return
            self.comparison_dialog = CompareDialog(comparison, title, self)
            self.comparison_dialog.open()
            self.compared.emit(comparison)

        self.tasks.run_network(
            lambda: compare_with_previous(account, document_id),
            done,
            lambda error: self.show_message(
                self.tr("Không so sánh được: {reason}").format(reason=error)
            ),
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.message_shown.emit(text)
